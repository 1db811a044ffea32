package document

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"
	"zhibiao/extract/internal/testdoc"
)

func TestDOCXText(t *testing.T) {
	long := strings.Repeat("长", dataRowMaxRunes+1)
	tests := []struct {
		name string
		body string
		want string
	}{
		{"runs and specials",
			`<w:p><w:r><w:t>增长</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">4.9 </w:t></w:r>` +
				`<w:r><w:t>%</w:t><w:tab/><w:t>甲</w:t><w:br/><w:t>乙</w:t><w:noBreakHyphen/><w:t>丙</w:t></w:r></w:p>`,
			"增长4.9 %\t甲\n乙-丙\n"},
		{"tab stops are not tabs",
			`<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>甲</w:t></w:r></w:p>`,
			"甲\n"},
		{"headings by style",
			testdoc.DOCXParagraph("1", "一") + testdoc.DOCXParagraph("2", "二") + testdoc.DOCXParagraph("MyHeading", "基于二") + testdoc.DOCXParagraph("Outline", "大纲") +
				testdoc.DOCXParagraph("a3", "题目") + testdoc.DOCXParagraph("a", "正文") + testdoc.DOCXParagraph("c1", "字符样式") + testdoc.DOCXParagraph("missing", "无样式"),
			"# 一\n## 二\n## 基于二\n#### 大纲\n# 题目\n正文\n字符样式\n无样式\n"},
		{"outline level of a paragraph",
			`<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>二级</w:t></w:r></w:p>` +
				`<w:p><w:pPr><w:pStyle w:val="1"/><w:outlineLvl w:val="9"/></w:pPr><w:r><w:t>正文级</w:t></w:r></w:p>`,
			"## 二级\n正文级\n"},
		{"lists",
			`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>项</w:t></w:r></w:p>` +
				`<w:p><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>非项</w:t></w:r></w:p>`,
			"- 项\n非项\n"},
		{"empty paragraphs end a paragraph",
			testdoc.DOCXParagraph("", "一") + `<w:p/><w:p></w:p>` + testdoc.DOCXParagraph("", "二") + testdoc.DOCXParagraph("", "三"),
			"一\n\n二\n三\n"},
		{"tracked changes",
			`<w:p><w:pPr><w:pPrChange w:id="1"><w:pPr><w:pStyle w:val="1"/></w:pPr></w:pPrChange></w:pPr>` +
				`<w:del w:id="2"><w:r><w:delText>删去</w:delText></w:r></w:del><w:ins w:id="3"><w:r><w:t>加入</w:t></w:r></w:ins></w:p>`,
			"加入\n"},
		{"fields show their result",
			`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>` +
				`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
			"3\n"},
		{"text box once, not its fallback",
			`<w:p><w:r><w:t>外</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>` +
				testdoc.DOCXParagraph("", "框内") + `</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>` +
				testdoc.DOCXParagraph("", "框内") + `</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>文</w:t></w:r></w:p>`,
			"框内\n外文\n"},
		{"data table",
			testdoc.DOCXTable([]string{"指标", "数值"}, []string{"地区生产总值", "3569.7亿元"}),
			"指标，数值\n\n地区生产总值，3569.7亿元\n"},
		{"merged cell",
			`<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>` + testdoc.DOCXParagraph("", "经济") + `</w:tc><w:tc>` + testdoc.DOCXParagraph("", "甲") + `</w:tc></w:tr>` +
				`<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc>` + testdoc.DOCXParagraph("", "乙") + `</w:tc></w:tr></w:tbl>`,
			"经济，甲\n\n乙\n"},
		{"layout table",
			testdoc.DOCXParagraph("", "前") + `<w:tbl><w:tr><w:tc>` + testdoc.DOCXParagraph("1", "报告") + testdoc.DOCXParagraph("", long) + `</w:tc></w:tr></w:tbl>` + testdoc.DOCXParagraph("", "后"),
			"前\n# 报告\n" + long + "\n后\n"},
		{"nested table",
			`<w:tbl><w:tr><w:tc>` + testdoc.DOCXParagraph("", "外") + testdoc.DOCXTable([]string{"甲", "乙"}) + `<w:p/></w:tc></w:tr></w:tbl>`,
			"外\n甲，乙\n"},
		{"escaped text", testdoc.DOCXParagraph("", `<a & "b">`), "<a & \"b\">\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ReadDocument("t.docx", testdoc.MinimalDOCX(t, tt.body))
			if err != nil {
				t.Fatal(err)
			}
			if testdoc.Render(doc.Blocks) != tt.want {
				t.Errorf("text %q\nwant %q", testdoc.Render(doc.Blocks), tt.want)
			}
		})
	}
}

// TestDOCXParts checks how the parts of the package are found.
func TestDOCXParts(t *testing.T) {
	rels := strings.Replace(testdoc.DOCXRels, "word/document.xml", "/word/document2.xml", 1)
	tests := []struct {
		name  string
		files [][2]string
		want  string
		err   string
	}{
		{"main part from the relationships", [][2]string{
			{"_rels/.rels", rels},
			{"word/document2.xml", testdoc.DOCXOpen + testdoc.DOCXParagraph("", "二") + testdoc.DOCXClose},
			{"word/document.xml", testdoc.DOCXOpen + testdoc.DOCXParagraph("", "一") + testdoc.DOCXClose},
		}, "二\n", ""},
		{"no relationships", [][2]string{
			{"word/document.xml", testdoc.DOCXOpen + testdoc.DOCXParagraph("", "一") + testdoc.DOCXClose},
		}, "一\n", ""},
		{"broken relationships", [][2]string{
			{"_rels/.rels", "<Relationships"},
			{"word/document.xml", testdoc.DOCXOpen + testdoc.DOCXParagraph("", "一") + testdoc.DOCXClose},
		}, "一\n", ""},
		{"broken styles", [][2]string{
			{"word/styles.xml", "<w:styles><w:style"},
			{"word/document.xml", testdoc.DOCXOpen + testdoc.DOCXParagraph("1", "一") + testdoc.DOCXClose},
		}, "一\n", ""},
		{"names in another case", [][2]string{
			{"Word/Document.xml", testdoc.DOCXOpen + testdoc.DOCXParagraph("", "一") + testdoc.DOCXClose},
		}, "一\n", ""},
		{"no document part", [][2]string{
			{"_rels/.rels", testdoc.DOCXRels},
			{"word/other.xml", "<x/>"},
		}, "", "not a Word document: the zip archive has no word/document.xml"},
		{"broken document part", [][2]string{
			{"word/document.xml", testdoc.DOCXOpen + "<w:p><w:r><w:t>一</w:r>"},
		}, "", "reading word/document.xml: XML syntax error"},
		{"no text", [][2]string{
			{"word/document.xml", testdoc.DOCXOpen + `<w:p><w:r><w:drawing/></w:r></w:p>` + testdoc.DOCXClose},
		}, "", "no text: the document holds no text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ReadDocument("t.docx", testdoc.Zip(t, tt.files...))
			switch {
			case tt.err != "":
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want one saying %q", err, tt.err)
				}
			case err != nil:
				t.Fatal(err)
			case testdoc.Render(doc.Blocks) != tt.want:
				t.Errorf("text %q, want %q", testdoc.Render(doc.Blocks), tt.want)
			}
		})
	}
}

// docxBomb returns a Word document whose document part inflates to size
// bytes, repeating fill after an opening tag: a zip bomb.
func docxBomb(t testing.TB, size int, fill byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestSpeed)
	})
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	head := testdoc.DOCXOpen + "<w:p><w:r><w:t>"
	if _, err := io.WriteString(w, head); err != nil {
		t.Fatal(err)
	}
	chunk := bytes.Repeat([]byte{fill}, 1<<20)
	for n := len(head); n < size; n += len(chunk) {
		if _, err := w.Write(chunk[:min(len(chunk), size-n)]); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// docxLying returns a zip archive whose one entry, word/document.xml,
// declares size bytes but holds data.
func docxLying(t testing.TB, data []byte, declared uint64, extra int) []byte {
	t.Helper()
	var compressed bytes.Buffer
	fw, _ := flate.NewWriter(&compressed, flate.BestSpeed)
	fw.Write(data)
	fw.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := []string{"word/document.xml"}
	for i := range extra {
		names = append(names, fmt.Sprintf("word/media/image%d.png", i))
	}
	for _, name := range names {
		w, err := zw.CreateRaw(&zip.FileHeader{
			Name:               name,
			Method:             zip.Deflate,
			CompressedSize64:   uint64(compressed.Len()),
			UncompressedSize64: declared,
		})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(compressed.Bytes())
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestDOCXBounds checks that archives that inflate too far, or hold too
// many files, are refused quickly and with little memory.
func TestDOCXBounds(t *testing.T) {
	const bomb = 100 << 20
	many := make([][2]string, docxMaxEntries)
	for i := range many {
		many[i] = [2]string{fmt.Sprintf("m/%d", i), "x"}
	}
	many = append(many, [2]string{"word/document.xml", testdoc.DOCXOpen + testdoc.DOCXParagraph("", "一") + testdoc.DOCXClose})
	// A report with 250 pictures is a report.
	pictures := make([][2]string, 250)
	for i := range pictures {
		pictures[i] = [2]string{fmt.Sprintf("word/media/image%d.png", i), "x"}
	}
	pictures = append(pictures, [2]string{"word/document.xml", testdoc.DOCXOpen + testdoc.DOCXParagraph("", "地区生产总值增长5%") + testdoc.DOCXClose})
	if doc, err := readDOCX(testdoc.Zip(t, pictures...)); err != nil || !strings.Contains(testdoc.Render(doc.Blocks), "地区生产总值") {
		t.Errorf("a report with 250 pictures: %v", err)
	}
	body := []byte(testdoc.DOCXOpen + testdoc.DOCXParagraph("", "一") + testdoc.DOCXClose)
	tests := []struct {
		name string
		data []byte
		err  error  // what the error wraps, if anything in particular
		msg  string // what it says
	}{
		{"zip bomb of zeros", docxBomb(t, bomb, 0), ErrTooLarge, "document inflates past 64 MiB"},
		{"zip bomb of spaces", docxBomb(t, bomb, ' '), ErrTooLarge, "document inflates past 64 MiB"},
		{"8001 entries", testdoc.Zip(t, many...), ErrTooLarge, "holds 8001 parts (files inside it), more than the 8000"},
		{"parts declared past the total", docxLying(t, body, 60<<20, 4), ErrTooLarge, "document inflates past 256 MiB"},
		// The archive declares less than the part holds: archive/zip
		// notices and fails the read before the limit is reached.
		{"size understated", docxLying(t, bytes.Repeat([]byte(" "), 1<<20), 1000, 0), zip.ErrFormat, "reading word/document.xml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if len(tt.data) > 1<<20 {
				t.Fatalf("the test archive is %d bytes; it should be small", len(tt.data))
			}
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			_, err := ReadDocument("bomb.docx", tt.data)
			elapsed := time.Since(start)
			runtime.ReadMemStats(&after)
			if err == nil || !errors.Is(err, tt.err) || !strings.Contains(err.Error(), tt.msg) {
				t.Fatalf("error %v, want one wrapping %v and saying %q", err, tt.err, tt.msg)
			}
			if elapsed > 2*time.Second {
				t.Errorf("took %v to refuse", elapsed)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 16<<20 {
				t.Errorf("allocated %d MiB to refuse", alloc>>20)
			}
		})
	}
}

// TestDOCXCappedReader checks the limit on what is read, which holds even
// when an archive understates a part's size.
func TestDOCXCappedReader(t *testing.T) {
	tests := []struct {
		name         string
		size         int
		limit, total int64
		err          string
	}{
		{"within", 100, 100, 1000, ""},
		{"past the part's limit", 101, 100, 1000, "document inflates past"},
		{"past the budget", 100, 100, 99, "document inflates past 256 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &cappedReader{
				r:      io.LimitReader(strings.NewReader(strings.Repeat("x", tt.size)), tt.limit+1),
				c:      io.NopCloser(nil),
				name:   "word/document.xml",
				limit:  tt.limit,
				budget: &docxBudget{left: tt.total},
			}
			n, err := io.Copy(io.Discard, r)
			switch {
			case tt.err == "" && err != nil:
				t.Fatal(err)
			case tt.err == "" && n != int64(tt.size):
				t.Errorf("read %d bytes, want %d", n, tt.size)
			case tt.err != "" && (!errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), tt.err)):
				t.Errorf("error %v, want ErrTooLarge saying %q", err, tt.err)
			}
		})
	}
}

// FuzzDOCX reads Word documents whose document part is the fuzzer's: the
// reader must not panic, and its text must stay within bounds.
func FuzzDOCX(f *testing.F) {
	for _, body := range []string{
		testdoc.DOCXParagraph("1", "一") + testdoc.DOCXTable([]string{"甲", "乙"}),
		`<w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p>`,
		`<w:p><w:r><w:t>a</w:t><w:br/></w:r><w:p><w:r><w:t>b`,
		`</w:tc></w:tr></w:tbl></w:p></w:r>`,
	} {
		f.Add([]byte(testdoc.DOCXOpen + body + testdoc.DOCXClose))
	}
	f.Fuzz(func(t *testing.T, part []byte) {
		data := testdoc.Zip(t, [2]string{"word/styles.xml", testdoc.DOCXStyles}, [2]string{"word/document.xml", string(part)})
		doc, err := ReadDocument("f.docx", data)
		if err != nil {
			return
		}
		if len(testdoc.Render(doc.Blocks)) > 4*len(part)+16 {
			t.Errorf("%d bytes of text from a part of %d", len(testdoc.Render(doc.Blocks)), len(part))
		}
	})
}
