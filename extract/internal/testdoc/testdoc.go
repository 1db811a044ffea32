// Package testdoc makes the documents the reader tests read: web pages,
// Word documents and PDFs dressed from a seed report, zips and OLE files.
// It is for tests only.
package testdoc

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"zhibiao/extract/model"
)

// HTMLFromSeed returns a web page of a seed's text, as a government site
// serves one: Markdown headings as <h1>–<h3>, list items as <li>, other
// lines as <p>, inside a page with navigation, a script, a breadcrumb, a
// share bar and a footer that hold figures of their own.
func HTMLFromSeed(text, charset string) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html><head><meta charset="` + charset + `">` +
		`<title>新乡市人民政府门户网站</title>` +
		`<script>var banner = "地区生产总值增长88%";</script><style>p { margin: 0 }</style></head><body>` +
		`<nav><ul><li><a href="/">首页</a></li><li>地区生产总值增长99%</li></ul></nav>` +
		`<div class="breadcrumb">当前位置：首页 &gt; 政务公开</div>` +
		`<div id="main"><div class="article">`)
	inList := false
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(line)
		item := strings.HasPrefix(line, "- ")
		if inList && !item {
			b.WriteString("</ul>\n")
			inList = false
		}
		switch {
		case line == "":
		case strings.HasPrefix(line, "#"):
			level := min(len(line)-len(strings.TrimLeft(line, "#")), 3)
			tag := "h" + string(rune('0'+level))
			b.WriteString("<" + tag + ">" + html.EscapeString(strings.TrimSpace(strings.TrimLeft(line, "#"))) + "</" + tag + ">\n")
		case item:
			if !inList {
				b.WriteString("<ul>\n")
				inList = true
			}
			b.WriteString("  <li>" + html.EscapeString(strings.TrimPrefix(line, "- ")) + "</li>\n")
		default:
			b.WriteString("<p>\n  " + html.EscapeString(line) + "\n</p>\n")
		}
	}
	if inList {
		b.WriteString("</ul>")
	}
	b.WriteString(`</div></div>` +
		`<div class="bdsharebuttonbox share">分享到：微信 微博</div>` +
		`<script>document.write("规模以上工业增加值增长77%")</script>` +
		`<footer>主办：新乡市人民政府办公室 地址：新乡市人民路 电话：0373-1234567</footer></body></html>`)
	return b.String()
}

// MinimalDOCX returns a Word document whose body is the given XML.
func MinimalDOCX(t testing.TB, body string) []byte {
	t.Helper()
	return Zip(t,
		[2]string{"[Content_Types].xml", DOCXContentTypes},
		[2]string{"_rels/.rels", DOCXRels},
		[2]string{"word/styles.xml", DOCXStyles},
		[2]string{"word/document.xml", DOCXOpen + body + DOCXClose},
	)
}

// DOCXParagraph returns a paragraph of one run of text, of a style when style
// is not empty.
func DOCXParagraph(style, text string) string {
	ppr := ""
	if style != "" {
		ppr = `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
	}
	return `<w:p>` + ppr + `<w:r><w:t xml:space="preserve">` + html.EscapeString(text) + `</w:t></w:r></w:p>`
}

// DOCXTable returns a table of the given rows.
func DOCXTable(rows ...[]string) string {
	var b strings.Builder
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="3000"/></w:tblGrid>`)
	for _, row := range rows {
		b.WriteString(`<w:tr>`)
		for _, c := range row {
			b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>` + DOCXParagraph("", c) + `</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
	return b.String()
}

// DOCXFromSeed returns the body of a Word document holding a seed's text:
// Markdown headings as headings, list items as numbered paragraphs, and
// after the list that holds the line after, the given table.
func DOCXFromSeed(text, after, table string) string {
	var b strings.Builder
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
			b.WriteString(`<w:p/>`)
		case strings.HasPrefix(line, "#"):
			level := len(line) - len(strings.TrimLeft(line, "#"))
			b.WriteString(DOCXParagraph(fmt.Sprint(min(level, 3)), strings.TrimSpace(strings.TrimLeft(line, "#"))))
		case strings.HasPrefix(line, "- "):
			b.WriteString(`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>` +
				`<w:r><w:t>` + html.EscapeString(strings.TrimPrefix(line, "- ")) + `</w:t></w:r></w:p>`)
		default:
			b.WriteString(DOCXParagraph("", line))
		}
		if after != "" && strings.Contains(line, after) {
			b.WriteString(table)
		}
	}
	return b.String()
}

// NeedTools skips the test when a program it needs is missing, except on
// CI (the environment variable CI set), where the test fails instead.
func NeedTools(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			msg := fmt.Sprintf("%s not found (Debian: apt-get install poppler-utils libreoffice-writer fonts-wqy-microhei)", tool)
			if os.Getenv("CI") != "" {
				t.Fatal(msg)
			}
			t.Skip(msg)
		}
	}
}

// Seed returns the text of a seed report.
func Seed(t testing.TB, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// Zip returns a zip archive of the named files, in the given order.
func Zip(t testing.TB, files ...[2]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.Create(f[0])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(f[1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// OLEFile returns the start of an OLE compound file naming the given
// streams, as legacy Office files do.
func OLEFile(streams ...string) []byte {
	b := []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
	b = append(b, make([]byte, 504)...)
	for _, s := range streams {
		for i := 0; i < len(s); i++ {
			b = append(b, s[i], 0)
		}
		b = append(b, make([]byte, 16)...)
	}
	return b
}

// PrintPDF prints a text to PDF with LibreOffice.
func PrintPDF(t *testing.T, dir, name, text string) []byte {
	t.Helper()
	src := filepath.Join(dir, name)
	if err := os.WriteFile(src, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("soffice", "--headless", "--norestore",
		"-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		`--infilter=Text (encoded):UTF8,LF,,,`,
		"--convert-to", "pdf", "--outdir", dir, src)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	data, err := os.ReadFile(strings.TrimSuffix(src, ".txt") + ".pdf")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// The parts of a minimal Word document: DOCXOpen and DOCXClose go around
// the body of word/document.xml.
const (
	DOCXContentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>`
	DOCXRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`
	// Style ids as Word writes them in Chinese: 标题 1 is "1", its name
	// the built-in "heading 1".
	DOCXStyles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
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
	DOCXOpen = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"` +
		` xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"` +
		` xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:body>`
	DOCXClose = `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`
)

// Render writes blocks back as the Markdown-like text they stand for, a
// line each: headings with their # marks, list items with "- ", a break
// as a blank line. Tests compare it with the text they expect.
func Render(blocks []model.Block) string {
	var b strings.Builder
	for _, bl := range blocks {
		switch bl.Kind {
		case model.Heading:
			b.WriteString(strings.Repeat("#", max(bl.Level, 1)) + " ")
		case model.Item:
			b.WriteString("- ")
		}
		b.WriteString(bl.Text)
		b.WriteByte('\n')
	}
	return b.String()
}
