package document

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"zhibiao/extract/internal/testdoc"
	"zhibiao/extract/model"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestReadDocument(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().String("地区生产总值增长5%。")
	if err != nil {
		t.Fatal(err)
	}
	docx := testdoc.MinimalDOCX(t, `<w:p><w:r><w:t>地区生产总值增长5%。</w:t></w:r></w:p>`)
	xlsx := testdoc.Zip(t, [2]string{"[Content_Types].xml", "<Types/>"}, [2]string{"xl/workbook.xml", "<workbook/>"})
	tests := []struct {
		name      string
		data      []byte
		format    string
		encoding  string
		text      string   // a part of the text
		err       []error  // what the error wraps
		errSubstr []string // what its message says
	}{
		{name: "a.txt", data: []byte("地区生产总值增长5%。"), format: "txt", encoding: "utf-8", text: "增长5%"},
		{name: "pdf.txt", data: []byte("如何保存为 %PDF-1.7 格式"), format: "txt", encoding: "utf-8", text: "%PDF-1.7"},
		{name: "A.TXT", data: []byte(gbk), format: "txt", encoding: "gb18030", text: "增长5%"},
		{name: "a.md", data: []byte("# 报告\n\n增长5%。"), format: "md", encoding: "utf-8", text: "# 报告"},
		{name: "a.htm", data: []byte("<p>增长5%。</p>"), format: "html", encoding: "utf-8", text: "增长5%。"},
		{name: "a.Html", data: []byte("<p>增长5%。</p>"), format: "html", encoding: "utf-8", text: "增长5%。"},
		{name: "a.docx", data: docx, format: "docx", text: "地区生产总值增长5%。"},
		{name: "empty.txt", data: nil, err: []error{ErrEmpty}},
		{name: "empty.html", data: nil, err: []error{ErrEmpty}},
		{name: "blank.html", data: []byte("<html><head><script>x()</script></head><body> </body></html>"), err: []error{ErrNoText}},
		{name: "nul.txt", data: []byte("abc\x00def"), err: []error{ErrBinary}},
		{name: "a.txt", data: []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), err: []error{ErrMismatch},
			errSubstr: []string{"named .txt but it is a PDF document", "rename it to .pdf"}},
		{name: "a.txt", data: docx, err: []error{ErrMismatch}, errSubstr: []string{"Word document (.docx)", "rename it to .docx"}},
		{name: "a.md", data: xlsx, err: []error{ErrMismatch}, errSubstr: []string{"an Excel workbook (.xlsx)"}},
		{name: "a.txt", data: testdoc.OLEFile("WordDocument"), err: []error{ErrMismatch, ErrLegacyDoc}, errSubstr: []string{"convert-to docx"}},
		{name: "a.html", data: []byte("\x89PNG\r\n\x1a\n\x00\x00"), err: []error{ErrMismatch}, errSubstr: []string{"a PNG image"}},
		{name: "a.txt", data: []byte(`{\rtf1\ansi 增长5%}`), err: []error{ErrMismatch}, errSubstr: []string{"RTF document; save it as .docx"}},
		{name: "a.doc", data: testdoc.OLEFile("WordDocument"), err: []error{ErrLegacyDoc},
			errSubstr: []string{"save it as .docx", "Word or WPS", "soffice --headless --convert-to docx"}},
		{name: "a.DOC", data: []byte("anything"), err: []error{ErrLegacyDoc}},
		{name: "a.wps", data: testdoc.OLEFile("WordDocument"), err: []error{ErrLegacyDoc}},
		{name: "a.doc", data: docx, err: []error{ErrMismatch}, errSubstr: []string{"named .doc but it is a Word document (.docx); rename it to .docx"}},
		{name: "a.docx", data: []byte("地区生产总值增长5%。"), err: []error{ErrMismatch}, errSubstr: []string{"not a zip archive"}},
		{name: "a.docx", data: testdoc.OLEFile("WordDocument"), err: []error{ErrMismatch, ErrLegacyDoc}, errSubstr: []string{"convert-to docx"}},
		{name: "a.docx", data: testdoc.OLEFile("EncryptionInfo", "EncryptedPackage"), err: []error{ErrMismatch, ErrEncrypted}, errSubstr: []string{"remove the password"}},
		{name: "a.docx", data: xlsx, err: []error{ErrMismatch}, errSubstr: []string{"an Excel workbook (.xlsx)"}},
		{name: "a.pdf", data: []byte("地区生产总值增长5%。"), err: []error{ErrMismatch}, errSubstr: []string{"not a PDF document"}},
		{name: "a.pdf", data: docx, err: []error{ErrMismatch}, errSubstr: []string{"rename it to .docx"}},
		{name: "a.xlsx", data: xlsx, err: []error{ErrUnsupported}, errSubstr: []string{".xlsx", "zhibiao reads .txt, .md, .html, .htm, .docx and .pdf"}},
		{name: "a.rtf", data: []byte(`{\rtf1}`), err: []error{ErrUnsupported}},
		{name: "README", data: []byte("增长5%。"), err: []error{ErrUnsupported}, errSubstr: []string{"no extension"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ReadDocument(filepath.Join("reports", tt.name), tt.data)
			if len(tt.err) > 0 {
				if err == nil {
					t.Fatalf("no error; want one wrapping %v", tt.err)
				}
				for _, want := range tt.err {
					if !errors.Is(err, want) {
						t.Errorf("error %q does not wrap %q", err, want)
					}
				}
				for _, s := range tt.errSubstr {
					if !strings.Contains(err.Error(), s) {
						t.Errorf("error %q does not say %q", err, s)
					}
				}
				if strings.Contains(err.Error(), "reports") {
					t.Errorf("error %q names the path", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if doc.Format != tt.format || doc.Encoding != tt.encoding || doc.Invalid != 0 {
				t.Errorf("format %q encoding %q invalid %d; want %q %q 0", doc.Format, doc.Encoding, doc.Invalid, tt.format, tt.encoding)
			}
			if !strings.Contains(testdoc.Render(doc.Blocks), tt.text) {
				t.Errorf("text %q lacks %q", testdoc.Render(doc.Blocks), tt.text)
			}
		})
	}
}

func TestDocumentSupported(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"a.txt", true},
		{"a.md", true},
		{"a.html", true},
		{"a.htm", true},
		{"a.docx", true},
		{"a.pdf", true},
		{"dir/报告.PDF", true},
		{"a.DocX", true},
		{"a.doc", false},
		{"a.wps", false},
		{"a.xlsx", false},
		{"a.xls", false},
		{"a.csv", false},
		{"README", false},
		{"a.txt.bak", false},
		{".txt", true},
	}
	for _, tt := range tests {
		if got := Supported(tt.name); got != tt.want {
			t.Errorf("Supported(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestDocumentBlockBuilder(t *testing.T) {
	tests := []struct {
		name  string
		build func(w *blockBuilder)
		want  string
	}{
		{"empty", func(w *blockBuilder) {}, ""},
		{"lines", func(w *blockBuilder) {
			w.write(" 一 ")
			w.endLine()
			w.endLine()
			w.write("二")
			w.space()
			w.space()
			w.write("三")
		}, "一\n二 三\n"},
		{"prefixes", func(w *blockBuilder) {
			w.setKind(model.Heading, 2)
			w.write("标题")
			w.setKind(model.Item, 0)
			w.write("项")
			w.setKind(model.Item, 0)
			w.endLine()
			w.endMarked()
			w.write("正文")
		}, "## 标题\n- 项\n正文\n"},
		{"blank lines do not pile up", func(w *blockBuilder) {
			w.blankLine()
			w.write("一")
			w.blankLine()
			w.blankLine()
			w.write("二")
		}, "一\n\n二\n"},
		{"data row", func(w *blockBuilder) {
			w.write("前")
			w.startRow()
			for _, c := range []string{"地区生产总值", "", "3569.7亿元", "增长4.9%"} {
				w.startCell()
				w.write(c)
				w.endCell()
			}
			w.endRow()
			w.write("后")
		}, "前\n\n地区生产总值，3569.7亿元，增长4.9%\n\n后\n"},
		{"cell of two paragraphs", func(w *blockBuilder) {
			w.startRow()
			w.startCell()
			w.setKind(model.Item, 0)
			w.write("3569.7")
			w.endLine()
			w.write("亿元")
			w.endCell()
			w.endRow()
		}, "3569.7 亿元\n"},
		{"layout row", func(w *blockBuilder) {
			w.startRow()
			w.startCell()
			w.setKind(model.Heading, 1)
			w.write("报告")
			w.endLine()
			w.write(strings.Repeat("长", dataRowMaxRunes+1))
			w.endCell()
			w.endRow()
		}, "# 报告\n" + strings.Repeat("长", dataRowMaxRunes+1) + "\n"},
		{"nested table", func(w *blockBuilder) {
			w.startRow()
			w.startCell()
			w.write("外")
			w.startRow()
			w.startCell()
			w.write("甲")
			w.endCell()
			w.startCell()
			w.write("乙")
			w.endCell()
			w.endRow()
			w.endCell()
			w.endRow()
		}, "外\n甲，乙\n"},
		{"tables nested too deep are blocks", func(w *blockBuilder) {
			for i := range tableMaxDepth + 2 {
				w.startRow()
				w.startCell()
				w.write(fmt.Sprint(i))
				w.startCell()
			}
			for range tableMaxDepth + 2 {
				w.endCell()
				w.endRow()
			}
		}, "0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n"},
		{"unclosed row", func(w *blockBuilder) {
			w.startRow()
			w.startCell()
			w.write("甲")
			w.startCell()
			w.write("乙")
		}, "甲，乙\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var w blockBuilder
			tt.build(&w)
			if got := testdoc.Render(w.blocks()); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
