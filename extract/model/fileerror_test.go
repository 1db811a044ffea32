package model

import (
	"errors"
	"io/fs"
	"testing"
)

// TestFileError: an error says its place and message; its cause answers
// errors.Is; a list sorts by place and is nil when empty.
func TestFileError(t *testing.T) {
	cause := errors.New("input too large")
	for _, c := range []struct {
		err  *FileError
		want string
	}{
		{Errorf("清单.csv", 3, "no path"), "清单.csv:3: no path"},
		{&FileError{Path: "layout.json", Col: 7, Warning: Warnf(2, "unknown key %q", "x")}, `layout.json:2:7: unknown key "x"`},
		{ReadError("报告.txt", cause), "报告.txt: input too large"},
		{&FileError{Path: "a.csv", Warning: Warnf(0, "not a table"), Err: fs.ErrNotExist}, "a.csv: not a table: file does not exist"},
	} {
		if got := c.err.Error(); got != c.want {
			t.Errorf("%q, want %q", got, c.want)
		}
	}
	if err := ReadError("报告.txt", cause); !errors.Is(err, cause) {
		t.Error("the cause is lost")
	}
	inner := Errorf("模板.xlsx", 0, "not an Excel workbook (.xlsx)").Because(cause)
	if got := ReadError("other", inner); got != inner || !errors.Is(got, cause) || got.Error() != "模板.xlsx: not an Excel workbook (.xlsx): input too large" {
		t.Errorf("an error that names its place is kept: %v", got)
	}
	l := ErrorList{Errorf("b.csv", 1, "x"), Errorf("a.csv", 9, "y"), Errorf("a.csv", 2, "z")}
	l.Sort()
	if got := l.Error(); got != "a.csv:2: z (and 2 more errors)" {
		t.Errorf("list: %q", got)
	}
}

// TestAnswers: a name answers to a region exactly by its label, or by its
// name where no other division shares it; otherwise by a shorter form.
func TestAnswers(t *testing.T) {
	xinxiang := Region{Name: "新乡市", Level: Prefecture, Parent: "河南省"}
	gulou := Region{Name: "鼓楼区", Level: County, Parent: "南京市"}
	for _, c := range []struct {
		r             Region
		name          string
		exact, shorty bool
	}{
		{xinxiang, "新乡市", true, false},
		{xinxiang, "新乡", false, true},
		{xinxiang, "焦作市", false, false},
		{gulou, "鼓楼区（南京市）", true, false},
		{gulou, "鼓楼区", false, true},
		{Region{}, "", false, false},
	} {
		if e, s := c.r.Answers(c.name); e != c.exact || s != c.shorty {
			t.Errorf("%s answers %q: %v %v, want %v %v", c.r.Label(), c.name, e, s, c.exact, c.shorty)
		}
	}
}
