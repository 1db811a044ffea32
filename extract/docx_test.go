package extract

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"html"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"
	"zhibiao/extract/model"
)

const (
	docxContentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>`
	docxRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`
	// Style ids as Word writes them in Chinese: 标题 1 is "1", its name
	// the built-in "heading 1".
	docxStyles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/></w:style>
<w:style w:type="paragraph" w:styleId="3"><w:name w:val="heading 3"/><w:basedOn w:val="a"/></w:style>
<w:style w:type="paragraph" w:styleId="MyHeading"><w:name w:val="My Heading"/><w:basedOn w:val="2"/></w:style>
<w:style w:type="paragraph" w:styleId="Outline"><w:name w:val="Outline"/><w:pPr><w:outlineLvl w:val="3"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/></w:style>
<w:style w:type="character" w:styleId="c1"><w:name w:val="heading 1 Char"/></w:style>
</w:styles>`
	docxOpen = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"` +
		` xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"` +
		` xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:body>`
	docxClose = `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`
)

// docMinimalDOCX returns a Word document whose body is the given XML.
func docMinimalDOCX(t testing.TB, body string) []byte {
	t.Helper()
	return docZip(t,
		[2]string{"[Content_Types].xml", docxContentTypes},
		[2]string{"_rels/.rels", docxRels},
		[2]string{"word/styles.xml", docxStyles},
		[2]string{"word/document.xml", docxOpen + body + docxClose},
	)
}

// docxP returns a paragraph of one run of text, of a style when style
// is not empty.
func docxP(style, text string) string {
	ppr := ""
	if style != "" {
		ppr = `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
	}
	return `<w:p>` + ppr + `<w:r><w:t xml:space="preserve">` + html.EscapeString(text) + `</w:t></w:r></w:p>`
}

// docxTable returns a table of the given rows.
func docxTable(rows ...[]string) string {
	var b strings.Builder
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="3000"/></w:tblGrid>`)
	for _, row := range rows {
		b.WriteString(`<w:tr>`)
		for _, c := range row {
			b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>` + docxP("", c) + `</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
	return b.String()
}

// docxFromSeed returns the body of a Word document holding a seed's text:
// Markdown headings as headings, list items as numbered paragraphs, and
// after the list that holds the line after, the given table.
func docxFromSeed(text, after, table string) string {
	var b strings.Builder
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
			b.WriteString(`<w:p/>`)
		case strings.HasPrefix(line, "#"):
			level := len(line) - len(strings.TrimLeft(line, "#"))
			b.WriteString(docxP(fmt.Sprint(min(level, 3)), strings.TrimSpace(strings.TrimLeft(line, "#"))))
		case strings.HasPrefix(line, "- "):
			b.WriteString(`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>` +
				`<w:r><w:t>` + html.EscapeString(strings.TrimPrefix(line, "- ")) + `</w:t></w:r></w:p>`)
		default:
			b.WriteString(docxP("", line))
		}
		if after != "" && strings.Contains(line, after) {
			b.WriteString(table)
		}
	}
	return b.String()
}

// TestDOCXSeed builds a Word document from a seed report, with a table of
// main indicators, and checks that its text holds every line of the report
// and the table's rows as lines, and gives the same core observations as
// the report as plain text.
func TestDOCXSeed(t *testing.T) {
	seed := docSeed(t, docSeedPath)
	// The table repeats figures of the section it stands in, as a table
	// of main indicators does.
	table := docxTable(
		[]string{"指标", "2023年", "增长"},
		[]string{"一般公共预算收入", "241.5亿元", "增长6.4%"},
	)
	data := docMinimalDOCX(t, docxFromSeed(seed, "一般公共预算收入241.5亿元", table))
	doc, err := ReadDocument("report.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != "docx" || doc.Encoding != "" || doc.Invalid != 0 {
		t.Errorf("format %q encoding %q invalid %d; want docx, none, 0", doc.Format, doc.Encoding, doc.Invalid)
	}
	lines := strings.Split(doc.Text, "\n")
	for _, l := range docLines(seed) {
		if !strings.Contains(doc.Text, l) {
			t.Errorf("text lacks the line %q", l)
		}
	}
	for _, row := range []string{"指标，2023年，增长", "一般公共预算收入，241.5亿元，增长6.4%"} {
		found := false
		for _, l := range lines {
			found = found || l == row
		}
		if !found {
			t.Errorf("text lacks the table row %q as a line", row)
		}
	}
	for _, want := range []string{"# 凝心聚力促发展 砥砺奋进新征程\n", "## 2023年全市重点工作\n", "- 全年完成地区生产总值3347.6亿元,居全省第4位\n"} {
		if !strings.Contains(doc.Text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	docSameCore(t, "docx", docCore(t, doc.Text), docCore(t, seed))
}

// TestDOCXTableRowIsAClause checks that a row of a table of main
// indicators reads as the clause it stands for.
func TestDOCXTableRowIsAClause(t *testing.T) {
	body := docxP("1", "2024年工作回顾") + docxTable(
		[]string{"指标", "2024年", "增长"},
		[]string{"地区生产总值", "3569.7亿元", "增长4.9%"},
		[]string{"规模以上工业增加值", "", "增长6%"},
	)
	doc, err := ReadDocument("t.docx", docMinimalDOCX(t, body))
	if err != nil {
		t.Fatal(err)
	}
	want := "# 2024年工作回顾\n\n指标，2024年，增长\n\n地区生产总值，3569.7亿元，增长4.9%\n\n规模以上工业增加值，增长6%\n"
	if doc.Text != want {
		t.Fatalf("text %q, want %q", doc.Text, want)
	}
	rep := &model.Report{}
	ReadText(rep, doc.Text, Options{Region: "新乡市", Year: 2025})
	got := map[string]float64{}
	for _, o := range rep.Observations {
		if o.Value != nil && o.Year == 2024 && o.Kind == model.Actual {
			got[o.Indicator+" "+o.Measure] = *o.Value
		}
	}
	for k, v := range map[string]float64{"gdp level": 3569.7, "gdp growth": 4.9, "industry_value_added growth": 6} {
		if got[k] != v {
			t.Errorf("%s = %v, want %v (observations %v)", k, got[k], v, got)
		}
	}
}

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
			docxP("1", "一") + docxP("2", "二") + docxP("MyHeading", "基于二") + docxP("Outline", "大纲") +
				docxP("a3", "题目") + docxP("a", "正文") + docxP("c1", "字符样式") + docxP("missing", "无样式"),
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
			docxP("", "一") + `<w:p/><w:p></w:p>` + docxP("", "二") + docxP("", "三"),
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
				docxP("", "框内") + `</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>` +
				docxP("", "框内") + `</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>文</w:t></w:r></w:p>`,
			"框内\n外文\n"},
		{"data table",
			docxTable([]string{"指标", "数值"}, []string{"地区生产总值", "3569.7亿元"}),
			"指标，数值\n\n地区生产总值，3569.7亿元\n"},
		{"merged cell",
			`<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>` + docxP("", "经济") + `</w:tc><w:tc>` + docxP("", "甲") + `</w:tc></w:tr>` +
				`<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc>` + docxP("", "乙") + `</w:tc></w:tr></w:tbl>`,
			"经济，甲\n\n乙\n"},
		{"layout table",
			docxP("", "前") + `<w:tbl><w:tr><w:tc>` + docxP("1", "报告") + docxP("", long) + `</w:tc></w:tr></w:tbl>` + docxP("", "后"),
			"前\n# 报告\n" + long + "\n后\n"},
		{"nested table",
			`<w:tbl><w:tr><w:tc>` + docxP("", "外") + docxTable([]string{"甲", "乙"}) + `<w:p/></w:tc></w:tr></w:tbl>`,
			"外\n甲，乙\n"},
		{"escaped text", docxP("", `<a & "b">`), "<a & \"b\">\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ReadDocument("t.docx", docMinimalDOCX(t, tt.body))
			if err != nil {
				t.Fatal(err)
			}
			if doc.Text != tt.want {
				t.Errorf("text %q\nwant %q", doc.Text, tt.want)
			}
		})
	}
}

// TestDOCXParts checks how the parts of the package are found.
func TestDOCXParts(t *testing.T) {
	rels := strings.Replace(docxRels, "word/document.xml", "/word/document2.xml", 1)
	tests := []struct {
		name  string
		files [][2]string
		want  string
		err   string
	}{
		{"main part from the relationships", [][2]string{
			{"_rels/.rels", rels},
			{"word/document2.xml", docxOpen + docxP("", "二") + docxClose},
			{"word/document.xml", docxOpen + docxP("", "一") + docxClose},
		}, "二\n", ""},
		{"no relationships", [][2]string{
			{"word/document.xml", docxOpen + docxP("", "一") + docxClose},
		}, "一\n", ""},
		{"broken relationships", [][2]string{
			{"_rels/.rels", "<Relationships"},
			{"word/document.xml", docxOpen + docxP("", "一") + docxClose},
		}, "一\n", ""},
		{"broken styles", [][2]string{
			{"word/styles.xml", "<w:styles><w:style"},
			{"word/document.xml", docxOpen + docxP("1", "一") + docxClose},
		}, "一\n", ""},
		{"names in another case", [][2]string{
			{"Word/Document.xml", docxOpen + docxP("", "一") + docxClose},
		}, "一\n", ""},
		{"no document part", [][2]string{
			{"_rels/.rels", docxRels},
			{"word/other.xml", "<x/>"},
		}, "", "not a Word document: the zip archive has no word/document.xml"},
		{"broken document part", [][2]string{
			{"word/document.xml", docxOpen + "<w:p><w:r><w:t>一</w:r>"},
		}, "", "reading word/document.xml: XML syntax error"},
		{"no text", [][2]string{
			{"word/document.xml", docxOpen + `<w:p><w:r><w:drawing/></w:r></w:p>` + docxClose},
		}, "", "no text: the document holds no text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ReadDocument("t.docx", docZip(t, tt.files...))
			switch {
			case tt.err != "":
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want one saying %q", err, tt.err)
				}
			case err != nil:
				t.Fatal(err)
			case doc.Text != tt.want:
				t.Errorf("text %q, want %q", doc.Text, tt.want)
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
	head := docxOpen + "<w:p><w:r><w:t>"
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
	many = append(many, [2]string{"word/document.xml", docxOpen + docxP("", "一") + docxClose})
	// A report with 250 pictures is a report.
	pictures := make([][2]string, 250)
	for i := range pictures {
		pictures[i] = [2]string{fmt.Sprintf("word/media/image%d.png", i), "x"}
	}
	pictures = append(pictures, [2]string{"word/document.xml", docxOpen + docxP("", "地区生产总值增长5%") + docxClose})
	if doc, err := readDOCX(docZip(t, pictures...)); err != nil || !strings.Contains(doc.Text, "地区生产总值") {
		t.Errorf("a report with 250 pictures: %v", err)
	}
	body := []byte(docxOpen + docxP("", "一") + docxClose)
	tests := []struct {
		name string
		data []byte
		err  error  // what the error wraps, if anything in particular
		msg  string // what it says
	}{
		{"zip bomb of zeros", docxBomb(t, bomb, 0), ErrTooLarge, "document inflates past 64 MiB"},
		{"zip bomb of spaces", docxBomb(t, bomb, ' '), ErrTooLarge, "document inflates past 64 MiB"},
		{"8001 entries", docZip(t, many...), ErrTooLarge, "holds 8001 parts (files inside it), more than the 8000"},
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
		docxP("1", "一") + docxTable([]string{"甲", "乙"}),
		`<w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p>`,
		`<w:p><w:r><w:t>a</w:t><w:br/></w:r><w:p><w:r><w:t>b`,
		`</w:tc></w:tr></w:tbl></w:p></w:r>`,
	} {
		f.Add([]byte(docxOpen + body + docxClose))
	}
	f.Fuzz(func(t *testing.T, part []byte) {
		data := docZip(t, [2]string{"word/styles.xml", docxStyles}, [2]string{"word/document.xml", string(part)})
		doc, err := ReadDocument("f.docx", data)
		if err != nil {
			return
		}
		if len(doc.Text) > 4*len(part)+16 {
			t.Errorf("%d bytes of text from a part of %d", len(doc.Text), len(part))
		}
	})
}
