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
	"zhibiao/extract/model"
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

// Document is the text of one input file, whatever its form, as blocks.
type Document struct {
	Blocks   []model.Block
	Format   string // txt, md, html, docx, pdf
	Encoding string // the encoding of the bytes (utf-8, gb18030, …), "" when not applicable (docx, pdf)
	Invalid  int    // bytes replaced while decoding
}

// Size is the bytes of text the document holds.
func (d *Document) Size() int {
	n := 0
	for _, b := range d.Blocks {
		n += len(b.Text) + 1
	}
	return n
}

// ReadDocument turns a file's bytes into text according to its form, told
// by the extension (case-insensitive) and checked against the content (a
// .txt that is really a zip or PDF is an error naming what it is).
//
// Plain text and Markdown are decoded with Decode and read by TextBlocks,
// a block a line. Web pages and Word documents give a block a paragraph,
// heading, list item or table row: a short table row is one block of kind
// Row, its cells joined with "，", set apart by breaks, so that a row of a
// table of main indicators (地区生产总值 | 3569.7亿元 | 增长4.9%) reads as a
// clause. A PDF gives a block a line, with its page.
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
		doc = Document{Blocks: TextBlocks(dec.Text), Encoding: dec.Encoding, Invalid: dec.Invalid}
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
		return model.ReadError(path, fmt.Errorf("%w: %d MB, more than the %d MB a report may have", ErrTooLarge, size>>20, limit>>20))
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

// TextBlocks reads decoded plain text or Markdown, a block a line, with
// its line. A line that Markdown marks as a heading (#) or a list item
// (-, *, +), after any indent, quote marks (>) and emphasis (**), is one,
// without its marks; any other line is a Paragraph as written. Reports
// saved as plain text often carry these marks, so a .txt is read the same
// way.
func TextBlocks(s string) []model.Block {
	blocks := make([]model.Block, 0, strings.Count(s, "\n")+1)
	for n := 1; ; n++ {
		line, rest, more := strings.Cut(s, "\n")
		b := markdownLine(line)
		b.Line = n
		blocks = append(blocks, b)
		if !more {
			return blocks
		}
		s = rest
	}
}

// markdownLine reads the marks of a line of Markdown.
func markdownLine(s string) model.Block {
	b := model.Block{Text: s}
	level := 0
	for i := 0; i < len(s); {
		switch {
		case s[i] == ' ' || s[i] == '\t' || s[i] == '>':
			i++
			continue
		case s[i] == '#':
			level++
			i++
			continue
		case (s[i] == '*' || s[i] == '_') && i+1 < len(s) && s[i+1] == s[i]:
			i += 2 // emphasis around a heading: **●综合实力稳步提升**
			continue
		case (s[i] == '-' || s[i] == '*' || s[i] == '+') && i+1 < len(s) && s[i+1] == ' ':
			b.Kind = model.Item
			i += 2
			continue
		}
		if level > 0 {
			b.Kind, b.Level = model.Heading, min(level, 6)
		}
		if b.Kind != model.Paragraph {
			b.Text = s[i:]
		}
		return b
	}
	if level > 0 {
		b.Kind, b.Level = model.Heading, min(level, 6)
	}
	if b.Kind != model.Paragraph {
		b.Text = ""
	}
	return b
}
