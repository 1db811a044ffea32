// Package document turns the bytes of a report into its text: it tells
// the kind of a file by its extension and its first bytes, decodes plain
// text and Markdown (UTF-8, UTF-16, GB18030, Big5), reads web pages, Word
// documents and PDFs (through pdftotext), and refuses what is too large,
// encrypted or not a report. It also lists the reports of the paths a user
// gives and reads their manifest.
package document

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// Errors of ReadDocument. The errors it returns wrap one of these, or one of
// Decode's, with details, so callers test them with errors.Is. Messages
// name no path: the caller prefixes it.
var (
	ErrUnsupported = errors.New("unsupported file type")
	ErrMismatch    = errors.New("wrong file extension")
	ErrLegacyDoc   = errors.New("legacy Word or WPS document (.doc, .wps), which zhibiao does not read")
	ErrNoPDFTool   = errors.New("pdftotext not found: install poppler-utils (apt-get install poppler-utils)")
	ErrTooLarge    = errors.New("input too large")
	ErrEncrypted   = errors.New("password-protected document")
	ErrNoText      = errors.New("no text")
)

// legacyHint tells the user how to turn a legacy document into one that
// zhibiao reads.
const legacyHint = "save it as .docx: open it in Word or WPS and use Save As → .docx, " +
	"or run: soffice --headless --convert-to docx FILE"

// Formats of a Document, as they appear in Document.Format and in a
// report's source.
const (
	FormatTxt  = "txt"
	FormatMD   = "md"
	FormatHTML = "html"
	FormatDOCX = "docx"
	FormatPDF  = "pdf"
)

// formats maps the extensions zhibiao reads to their format.
var formats = map[string]string{
	".txt":  FormatTxt,
	".md":   FormatMD,
	".html": FormatHTML,
	".htm":  FormatHTML,
	".docx": FormatDOCX,
	".pdf":  FormatPDF,
}

// Document is the text of one input file, whatever its form.
type Document struct {
	Text     string // decoded text, paragraphs separated by "\n"
	Format   string // txt, md, html, docx, pdf
	Encoding string // the encoding of the bytes (utf-8, gb18030, …), "" when not applicable (docx, pdf)
	Invalid  int    // bytes replaced while decoding
}

// ReadDocument turns a file's bytes into text according to its form, told
// by the extension (case-insensitive) and checked against the content (a
// .txt that is really a zip or PDF is an error naming what it is).
//
// Plain text and Markdown are decoded with Decode. Web pages, Word
// documents and PDFs keep their structure in the way the normaliser reads
// it: headings start with "#" marks and list items with "- ", as in
// Markdown; a short table row is one line, its cells joined with "，", set
// apart by blank lines, so that a row of a table of main indicators
// (地区生产总值 | 3569.7亿元 | 增长4.9%) reads as a clause.
//
// path is used only for its extension; the error messages name no path.
func ReadDocument(path string, data []byte) (Document, error) {
	ext := strings.ToLower(filepath.Ext(path))
	format, ok := formats[ext]
	if !ok {
		return Document{}, unsupported(ext, data)
	}
	kind := sniff(data)
	switch format {
	case FormatTxt, FormatMD, FormatHTML:
		if kind != nil {
			return Document{}, mismatch(ext, kind)
		}
	case FormatDOCX:
		switch {
		case kind == nil:
			return Document{}, fmt.Errorf("%w: named .docx but it is not a zip archive, so not a Word document", ErrMismatch)
		case kind.name != "zip":
			return Document{}, mismatch(ext, kind)
		}
	case FormatPDF:
		switch {
		case kind != nil && kind.name != "pdf":
			return Document{}, mismatch(ext, kind)
		case kind == nil && !bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-")):
			// PDF readers look for the header in the first KiB.
			return Document{}, fmt.Errorf("%w: named .pdf but it is not a PDF document (no %%PDF- header)", ErrMismatch)
		}
	}

	var (
		doc Document
		err error
	)
	switch format {
	case FormatTxt, FormatMD:
		var dec Decoded
		dec, err = Decode(data)
		doc = Document{Text: dec.Text, Encoding: dec.Encoding, Invalid: dec.Invalid}
	case FormatHTML:
		doc, err = readHTML(data)
	case FormatDOCX:
		doc, err = readDOCX(data)
	case FormatPDF:
		doc, err = readPDF(data)
	}
	if err != nil {
		return Document{}, err
	}
	doc.Format = format
	return doc, nil
}

// Supported reports whether a file name has a form zhibiao reads: .txt .md
// .html .htm .docx .pdf, in any case. Legacy Word documents (.doc) are not
// supported: ReadDocument answers them with ErrLegacyDoc, whose message
// tells how to convert them to .docx.
func Supported(name string) bool {
	_, ok := formats[strings.ToLower(filepath.Ext(name))]
	return ok
}

// isLegacyDoc reports whether a file name is that of a legacy Word or WPS
// document, which ReadDocument answers with the way to convert it.
func isLegacyDoc(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".doc", ".wps":
		return true
	}
	return false
}

// unsupported is the error for a file with an extension zhibiao does not
// read.
func unsupported(ext string, data []byte) error {
	const reads = "zhibiao reads .txt, .md, .html, .htm, .docx and .pdf"
	switch {
	case ext == ".doc" || ext == ".wps":
		if k := sniff(data); k != nil && k.docx {
			return fmt.Errorf("%w: named %s but it is a Word document (.docx); rename it to .docx", ErrMismatch, ext)
		}
		return fmt.Errorf("%w; %s", ErrLegacyDoc, legacyHint)
	case ext == "" || ext == ".":
		return fmt.Errorf("%w: the file name has no extension; %s", ErrUnsupported, reads)
	}
	return fmt.Errorf("%w %s: %s", ErrUnsupported, ext, reads)
}

// mismatch is the error for a file whose content is not of the form its
// extension says.
func mismatch(ext string, kind *fileKind) error {
	rename := ""
	if kind.rename != "" && kind.rename != ext {
		rename = "; rename it to " + kind.rename
	}
	switch kind.name {
	case "doc":
		return fmt.Errorf("%w: named %s but it is a %w; %s", ErrMismatch, ext, ErrLegacyDoc, legacyHint)
	case "encrypted":
		return fmt.Errorf("%w: named %s but it is a %w; remove the password and save it again", ErrMismatch, ext, ErrEncrypted)
	}
	return fmt.Errorf("%w: named %s but it is %s%s", ErrMismatch, ext, kind.what, rename)
}

// fileKind is what the content of a file is, told from its first bytes.
type fileKind struct {
	name   string // zip, xlsx, pptx, pdf, doc, encrypted, ole, rtf, image
	what   string // for messages: "a PDF document"
	rename string // the extension zhibiao reads it under, if any
	docx   bool   // a zip holding a Word document
}

// sniff tells binary forms apart by their signature; nil means none of
// them, which for zhibiao's purposes is text.
func sniff(data []byte) *fileKind {
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")), bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return zipKind(data)
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return &fileKind{name: "pdf", what: "a PDF document", rename: ".pdf"}
	case bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):
		return oleKind(data)
	case bytes.HasPrefix(data, []byte(`{\rtf`)):
		return &fileKind{name: "rtf", what: "an RTF document; save it as .docx"}
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return &fileKind{name: "image", what: "a PNG image"}
	case bytes.HasPrefix(data, []byte("\xff\xd8\xff")):
		return &fileKind{name: "image", what: "a JPEG image"}
	case bytes.HasPrefix(data, []byte("GIF87a")), bytes.HasPrefix(data, []byte("GIF89a")):
		return &fileKind{name: "image", what: "a GIF image"}
	}
	return nil
}

// zipKind names what a zip archive holds, from its entry names.
func zipKind(data []byte) *fileKind {
	k := &fileKind{name: "zip", what: "a zip archive"}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil || len(zr.File) > docxMaxEntries {
		return k
	}
	for _, f := range zr.File {
		switch strings.ToLower(f.Name) {
		case "word/document.xml":
			k.what, k.rename, k.docx = "a Word document (.docx)", ".docx", true
			return k
		case "xl/workbook.xml":
			k.name, k.what = "xlsx", "an Excel workbook (.xlsx)"
			return k
		case "ppt/presentation.xml":
			k.name, k.what = "pptx", "a PowerPoint presentation (.pptx)"
			return k
		}
	}
	return k
}

// oleKind names what an OLE compound file (the container of legacy Office
// documents and of password-protected new ones) holds, from the names of
// its streams, which are stored in UTF-16LE.
func oleKind(data []byte) *fileKind {
	has := func(name string) bool {
		u := make([]byte, 0, 2*len(name))
		for i := 0; i < len(name); i++ {
			u = append(u, name[i], 0)
		}
		return bytes.Contains(data, u)
	}
	switch {
	case has("EncryptedPackage"):
		return &fileKind{name: "encrypted", what: "a password-protected Office document"}
	case has("WordDocument"):
		return &fileKind{name: "doc", what: "a legacy Word document (.doc)"}
	case has("Workbook"), has("Book"):
		return &fileKind{name: "ole", what: "a legacy Excel workbook (.xls)"}
	}
	return &fileKind{name: "ole", what: "a legacy Office document"}
}

// A dataRowMaxRunes is the most text a table cell may hold for its row to
// be read as one line: longer cells are those of a table used for page
// layout, whose cells hold paragraphs.
const dataRowMaxRunes = 200

// tableMaxDepth is how deep tables may nest and still be read as tables;
// the rows and cells of tables nested deeper are read as blocks.
const tableMaxDepth = 8

// textBuilder collects the text of a structured document — a web page or a
// Word document — line by line. Text is written into the current line;
// ending a block ends the line. Inside a table, lines go to the open cell,
// and a row ends as one line, its cells joined with "，", when it is a row
// of data (every cell short, none holding a table), or as the lines of its
// cells, in order, when the table lays out a page.
type textBuilder struct {
	out    strings.Builder
	line   strings.Builder
	prefix string      // heading or list mark of the current line
	rows   []*tableRow // open table rows, innermost last
	deeper int         // open rows past tableMaxDepth
}

type tableRow struct {
	cells  []tableCell
	inCell bool
}

type tableCell struct {
	lines  []cellLine
	runes  int
	nested bool // holds a table
}

type cellLine struct{ prefix, text string }

// write appends s to the current line.
func (w *textBuilder) write(s string) { w.line.WriteString(s) }

// space appends a space to the current line unless it is empty or already
// ends in white space.
func (w *textBuilder) space() {
	if n := w.line.Len(); n > 0 {
		if c := w.line.String()[n-1]; c != ' ' && c != '\t' {
			w.line.WriteByte(' ')
		}
	}
}

// setPrefix marks the line about to start: "## " for a heading, "- " for
// a list item. It ends the current line.
func (w *textBuilder) setPrefix(p string) {
	w.endLine()
	w.prefix = p
}

// endLine ends the current line, if it holds any text. A mark set for
// the line stays until the line has text or endMarked drops it.
func (w *textBuilder) endLine() {
	text := strings.TrimSpace(w.line.String())
	w.line.Reset()
	if text == "" {
		return
	}
	prefix := w.prefix
	w.prefix = ""
	if n := len(w.rows); n > 0 {
		w.cellAdd(cellLine{prefix, text}, false)
		return
	}
	w.out.WriteString(prefix)
	w.out.WriteString(text)
	w.out.WriteByte('\n')
}

// endMarked ends the line of a heading or list item, dropping the mark if
// the element held no text.
func (w *textBuilder) endMarked() {
	w.endLine()
	w.prefix = ""
}

// blankLine ends the current line and then the paragraph: the normaliser
// never joins lines across a blank one. Inside a table it only ends the
// line.
func (w *textBuilder) blankLine() {
	w.endLine()
	if len(w.rows) > 0 {
		return
	}
	if s := w.out.String(); s != "" && !strings.HasSuffix(s, "\n\n") {
		w.out.WriteByte('\n')
	}
}

// cellAdd adds a line to the open cell of the innermost row, opening one
// for text that stands in a row outside any cell.
func (w *textBuilder) cellAdd(l cellLine, nested bool) {
	row := w.rows[len(w.rows)-1]
	if !row.inCell {
		row.cells = append(row.cells, tableCell{})
		row.inCell = true
	}
	c := &row.cells[len(row.cells)-1]
	c.lines = append(c.lines, l)
	c.runes += utf8.RuneCountInString(l.text)
	c.nested = c.nested || nested
}

// startRow opens a table row.
func (w *textBuilder) startRow() {
	w.endLine()
	if n := len(w.rows); n >= tableMaxDepth {
		if row := w.rows[n-1]; row.inCell {
			row.cells[len(row.cells)-1].nested = true
		}
		w.deeper++
		return
	}
	w.rows = append(w.rows, &tableRow{})
}

// startCell opens a cell in the innermost row; outside a row it only ends
// the line.
func (w *textBuilder) startCell() {
	w.endLine()
	if n := len(w.rows); n > 0 && w.deeper == 0 {
		row := w.rows[n-1]
		row.cells = append(row.cells, tableCell{})
		row.inCell = true
	}
}

// endCell closes the open cell.
func (w *textBuilder) endCell() {
	w.endLine()
	if n := len(w.rows); n > 0 && w.deeper == 0 {
		w.rows[n-1].inCell = false
	}
}

// endRow closes the innermost row and writes its lines where the row
// stands: into the enclosing cell, or into the text set apart by blank
// lines.
func (w *textBuilder) endRow() {
	w.endLine()
	if w.deeper > 0 {
		w.deeper--
		return
	}
	n := len(w.rows)
	if n == 0 {
		return
	}
	row := w.rows[n-1]
	w.rows = w.rows[:n-1]
	data := true
	for _, c := range row.cells {
		if c.nested || c.runes > dataRowMaxRunes {
			data = false
			break
		}
	}
	var lines []cellLine
	if data {
		var cells []string
		for _, c := range row.cells {
			var parts []string
			for _, l := range c.lines {
				parts = append(parts, l.text)
			}
			if s := strings.Join(parts, " "); s != "" {
				cells = append(cells, s)
			}
		}
		if len(cells) > 0 {
			lines = []cellLine{{text: strings.Join(cells, "，")}}
		}
	} else {
		for _, c := range row.cells {
			lines = append(lines, c.lines...)
		}
	}
	if len(w.rows) > 0 {
		for _, l := range lines {
			w.cellAdd(l, true)
		}
		if outer := w.rows[len(w.rows)-1]; len(lines) == 0 && outer.inCell {
			outer.cells[len(outer.cells)-1].nested = true
		}
		return
	}
	if data {
		w.blankLine()
	}
	for _, l := range lines {
		w.out.WriteString(l.prefix)
		w.out.WriteString(l.text)
		w.out.WriteByte('\n')
	}
	if data {
		w.blankLine()
	}
}

// String ends what is open and returns the text.
func (w *textBuilder) String() string {
	w.deeper = 0
	for len(w.rows) > 0 {
		w.endRow()
	}
	w.endLine()
	s := strings.TrimRight(w.out.String(), "\n")
	if s == "" {
		return ""
	}
	return s + "\n"
}

// MaxText is the most text one report may hold: a report is a few hundred
// kilobytes, so anything past this is not one, and is refused before it
// costs time and memory.
const MaxText = 32 << 20

// CheckSize refuses, before it is read, a file too large to be a report:
// plain text, Markdown and web pages past twice MaxText (encodings differ in
// size), Word documents and PDFs past 512 MB.
func CheckSize(path string, size int64) error {
	limit := SizeLimit(path)
	if size > limit {
		return fmt.Errorf("%s: %w: %d MB, more than the %d MB a report may have", path, ErrTooLarge, size>>20, limit>>20)
	}
	return nil
}

// SizeLimit is the most bytes an input may have, by its kind: plain
// text, Markdown and web pages twice MaxText (encodings differ in size),
// Word documents and PDFs 512 MB.
func SizeLimit(path string) int64 {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".docx", ".pdf":
		return 512 << 20
	}
	return 2 * MaxText
}
