package export

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf16"
	"zhibiao/extract/model"

	"github.com/xuri/excelize/v2"
)

func TestSheetNames(t *testing.T) {
	long := strings.Repeat("长", 40)
	wide := strings.Repeat("\U00020000", 20) // outside the BMP: two UTF-16 units each
	tests := []struct {
		names []string // handed out in turn
		want  []string
	}{
		{[]string{"新乡市", "牧野区"}, []string{"新乡市", "牧野区"}},
		{[]string{"新乡市", "新乡市", "新乡市"}, []string{"新乡市", "新乡市 (2)", "新乡市 (3)"}},
		{[]string{`a/b:c*d?e[f]g\h`}, []string{"a_b_c_d_e_f_g_h"}},
		{[]string{long, long}, []string{strings.Repeat("长", 31), strings.Repeat("长", 27) + " (2)"}},
		{[]string{wide}, []string{strings.Repeat("\U00020000", 15)}},
		{[]string{"'引号'", "''"}, []string{"引号", "地区"}},
		{[]string{"明细", "概览", "对比", "来源", "HISTORY"}, []string{"明细 (2)", "概览 (2)", "对比 (2)", "来源 (2)", "HISTORY (2)"}},
		{[]string{"变更"}, []string{"变更 (2)"}},
		{[]string{"Abc", "aBC", "ABC (2)"}, []string{"Abc", "aBC (2)", "ABC (2) (2)"}},
		{[]string{"", "  ", "a\tb\nc"}, []string{"地区", "地区 (2)", "a_b_c"}},
		{[]string{strings.Repeat("x", 30) + "'y"}, []string{strings.Repeat("x", 30)}},
	}
	for _, tt := range tests {
		n := newSheetNamer()
		for i, name := range tt.names {
			got := n.name(name)
			if got != tt.want[i] {
				t.Errorf("names %q: #%d = %q, want %q", tt.names, i, got, tt.want[i])
			}
			checkSheetName(t, got)
		}
	}
}

// checkSheetName applies Excel's rules.
func checkSheetName(t *testing.T, name string) {
	t.Helper()
	if n := len(utf16.Encode([]rune(name))); n == 0 || n > maxSheetName {
		t.Errorf("sheet name %q is %d UTF-16 units long", name, n)
	}
	if strings.ContainsAny(name, `[]:*?/\`) || strings.HasPrefix(name, "'") || strings.HasSuffix(name, "'") {
		t.Errorf("sheet name %q breaks Excel's rules", name)
	}
}

// TestRegionSheets checks that every region gets its own sheet, whatever
// its name, and that two regions whose names clash are not merged.
func TestRegionSheets(t *testing.T) {
	long := strings.Repeat("很长的地区名", 8)
	names := []string{"新乡市", long, long + "乙", "a[1]", "A[1]", "明细"}
	var inputs []Input
	for i, name := range names {
		o := observation("gdp", model.Growth, 2024, model.Actual, float64(i+1), model.Exact, "增长")
		inputs = append(inputs, Input{Path: name + ".txt", Report: report(name+".txt", name, model.Prefecture, "", 2025, o)})
	}
	f, err := excelize.OpenReader(bytes.NewReader(writeBytes(t, inputs, WorkbookOptions{})))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) != 5+len(names) {
		t.Fatalf("sheets %q, want 5 + %d", sheets, len(names))
	}
	seen := map[string]bool{}
	for _, s := range sheets {
		checkSheetName(t, s)
		if seen[strings.ToLower(s)] {
			t.Errorf("sheet name %q twice", s)
		}
		seen[strings.ToLower(s)] = true
		if s == overviewSheet || s == reviewSheet || s == compareSheet || s == detailSheet || s == sourceSheet {
			continue
		}
		// Each region sheet shows its own figure: one region's value.
		v, err := f.GetCellValue(s, "C4", excelize.Options{RawCellValue: true})
		if err != nil || v == "" {
			t.Errorf("sheet %q: C4 = %q, %v; want the region's figure", s, v, err)
		}
	}
}
