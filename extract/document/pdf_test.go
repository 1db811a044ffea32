package document

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"testing"
	"zhibiao/extract/internal/testdoc"
	"zhibiao/extract/model"
)

// pdfEmptyPage returns a PDF of one page with nothing on it: what a scan
// looks like to pdftotext.
func pdfEmptyPage() []byte {
	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return b.Bytes()
}

func TestPDFErrors(t *testing.T) {
	testdoc.NeedTools(t, "pdftotext")
	tests := []struct {
		name string
		data []byte
		err  error
		msg  string
	}{
		{"scan", pdfEmptyPage(), ErrNoText, "no text layer"},
		{"header after other bytes", append([]byte("junk\n"), pdfEmptyPage()...), ErrNoText, "no text layer"},
		{"damaged", []byte("%PDF-1.4\nnot really a PDF\n"), nil, "pdftotext cannot read the PDF (exit status 1): Syntax Error: Couldn't find trailer dictionary"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadDocument("x.pdf", tt.data)
			if err == nil || (tt.err != nil && !errors.Is(err, tt.err)) || !strings.Contains(err.Error(), tt.msg) {
				t.Fatalf("error %v, want one saying %q", err, tt.msg)
			}
			if strings.Contains(err.Error(), os.TempDir()) {
				t.Errorf("error %q names the temporary file", err)
			}
		})
	}
}

// TestPDFNoTool checks the error when pdftotext is not installed.
func TestPDFNoTool(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := ReadDocument("x.pdf", pdfEmptyPage())
	if !errors.Is(err, ErrNoPDFTool) {
		t.Fatalf("error %v, want ErrNoPDFTool", err)
	}
	for _, s := range []string{"pdftotext", "poppler-utils", "apt-get install poppler-utils"} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("error %q does not say %q", err, s)
		}
	}
}

// TestPDFNoTempFileLeft checks that the temporary copy of the PDF is
// removed.
func TestPDFNoTempFileLeft(t *testing.T) {
	testdoc.NeedTools(t, "pdftotext")
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	ReadDocument("x.pdf", pdfEmptyPage())
	left, err := os.ReadDir(tmp)
	if err != nil {
		t.Fatal(err)
	}
	if len(left) > 0 {
		t.Errorf("left in the temporary folder: %v", left)
	}
}

// TestPDFBlockPlaces: a PDF's blocks say their page and their line on it,
// counting the lines dropped at the top.
func TestPDFBlockPlaces(t *testing.T) {
	got := pdfBlocks("1\n\n甲\n乙\f\n\n丙\n")
	want := []model.Block{{Text: "甲", Page: 1, Line: 3}, {Text: "乙", Page: 1, Line: 4}, {Text: "丙", Page: 2, Line: 3}}
	if !slices.Equal(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestPDFJoinPages(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"one page", "  甲  乙\n丙\n", "  甲  乙\n丙\n"},
		{"sentence over a page break",
			"地区生产总值增长\n\n\n                 — 1 —\n\f\n4.9%。\n\n                 - 2 -\n\f",
			"地区生产总值增长\n4.9%。\n"},
		{"page numbers at the top and in Chinese",
			"3\n甲\n第 3 页 共 20 页\f第4页\n乙\n4/20\f",
			"甲\n乙\n"},
		{"a number standing in the text is kept",
			"甲\n12\n乙\f丙\n",
			"甲\n12\n乙\n丙\n"},
		{"empty pages", "\f\f甲\f\f", "甲\n"},
		{"trailing spaces", "甲   \n乙\t\n", "甲\n乙\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := testdoc.Render(pdfBlocks(tt.in)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPDFErrorLine(t *testing.T) {
	tests := []struct{ msg, want string }{
		{"Syntax Warning: May not be a PDF file (continuing anyway)\nSyntax Error: Couldn't find trailer dictionary\n", "Syntax Error: Couldn't find trailer dictionary"},
		{"\n  something odd \nmore\n", "something odd"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := pdfErrorLine(tt.msg); got != tt.want {
			t.Errorf("pdfErrorLine(%q) = %q, want %q", tt.msg, got, tt.want)
		}
	}
}

func TestPDFCappedBuffer(t *testing.T) {
	b := &cappedBuffer{max: 4}
	if n, err := b.Write([]byte("abc")); n != 3 || err != nil {
		t.Fatalf("Write = %d, %v", n, err)
	}
	if _, err := b.Write([]byte("de")); err == nil || !b.over {
		t.Errorf("writing past the limit: err %v, over %v", err, b.over)
	}
	tr := &cappedBuffer{max: 4, truncate: true}
	tr.Write([]byte("abc"))
	if n, err := tr.Write([]byte("def")); n != 3 || err != nil || tr.String() != "abcd" {
		t.Errorf("truncating: %d, %v, %q", n, err, tr.String())
	}
}

// TestPDFCappedBufferCopy: io.Copy, as exec copies a program's output,
// keeps to the cap too (a buffer with ReadFrom would take everything).
func TestPDFCappedBufferCopy(t *testing.T) {
	b := &cappedBuffer{max: 1 << 10}
	_, err := io.Copy(b, io.LimitReader(zeros{}, 1<<20))
	if err == nil || !b.over || len(b.Bytes()) > 1<<10 {
		t.Errorf("copy past the cap: err %v, over %v, %d bytes kept", err, b.over, len(b.Bytes()))
	}
	e := &cappedBuffer{max: 1 << 10, truncate: true}
	if _, err := io.Copy(e, io.LimitReader(zeros{}, 1<<20)); err != nil || len(e.Bytes()) != 1<<10 {
		t.Errorf("truncating copy: err %v, %d bytes kept", err, len(e.Bytes()))
	}
}

// zeros reads endless zero bytes.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}
