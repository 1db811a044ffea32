package document

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"zhibiao/extract/model"
)

// Bounds on what reading a Word document may inflate. A .docx is a zip
// archive, and a small one can inflate to gigabytes; these stop it early,
// before memory is spent on it.
const (
	docxMaxEntries = 8000      // files in the archive; a report with pictures has some hundreds
	docxMaxMain    = 64 << 20  // the document part, word/document.xml
	docxMaxAux     = 16 << 20  // each other part read: relationships, styles
	docxMaxTotal   = 256 << 20 // all the archive's files, as declared and as read
)

// readDOCX reads the text of a Word document: its paragraphs and the cells
// of its tables, in document order, from the main document part
// (word/document.xml), read as a stream. Headings, told by their style's
// name (heading 1, Title) or outline level, start with "#" marks, and
// numbered or bulleted paragraphs with "- ". A tab in a run becomes a tab,
// a line break a new line.
func readDOCX(data []byte) (Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return Document{}, fmt.Errorf("damaged .docx, not a readable zip archive: %w", err)
	}
	if n := len(zr.File); n > docxMaxEntries {
		return Document{}, fmt.Errorf("%w: the .docx holds %d parts (files inside it), more than the %d a Word document has", ErrTooLarge, n, docxMaxEntries)
	}
	files := make(map[string]*zip.File, len(zr.File))
	var declared uint64
	for _, f := range zr.File {
		declared += f.UncompressedSize64
		name := strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(f.Name, `\`, "/"), "/"))
		if _, dup := files[name]; !dup {
			files[name] = f
		}
	}
	if declared > docxMaxTotal {
		return Document{}, fmt.Errorf("%w: document inflates past %d MiB", ErrTooLarge, docxMaxTotal>>20)
	}

	budget := &docxBudget{left: docxMaxTotal}
	mainName, err := docxMainPart(files, budget)
	if err != nil {
		return Document{}, err
	}
	main := files[mainName]
	if main == nil {
		return Document{}, fmt.Errorf("not a Word document: the zip archive has no %s", mainName)
	}
	styles, err := docxReadStyles(files[path.Join(path.Dir(mainName), "styles.xml")], budget)
	if err != nil {
		return Document{}, err
	}
	rc, err := budget.open(main, docxMaxMain)
	if err != nil {
		return Document{}, err
	}
	defer rc.Close()
	d := &docxReader{styles: styles}
	if err := d.read(rc); err != nil {
		if errors.Is(err, ErrTooLarge) {
			return Document{}, err
		}
		return Document{}, fmt.Errorf("reading %s: %w", main.Name, err)
	}
	blocks := numbered(d.w.blocks())
	if !hasText(blocks) {
		return Document{}, fmt.Errorf("%w: the document holds no text (only pictures, or a scan?)", ErrNoText)
	}
	return Document{Blocks: blocks}, nil
}

// docxBudget is what is left of the bytes all parts together may inflate.
type docxBudget struct{ left int64 }

// open returns a reader of the inflated bytes of f that fails with
// ErrTooLarge past limit bytes or past the budget. It checks the size the
// archive declares first, and then counts what it reads, through an
// io.LimitReader: the declaration may lie.
func (b *docxBudget) open(f *zip.File, limit int64) (io.ReadCloser, error) {
	if f.UncompressedSize64 > uint64(limit) {
		return nil, docxTooLarge(f.Name, limit)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", f.Name, err)
	}
	return &cappedReader{r: io.LimitReader(rc, limit+1), c: rc, name: f.Name, limit: limit, budget: b}, nil
}

func docxTooLarge(name string, limit int64) error {
	what := "document"
	if !strings.HasSuffix(strings.ToLower(name), "document.xml") {
		what = name
	}
	return fmt.Errorf("%w: %s inflates past %d MiB", ErrTooLarge, what, limit>>20)
}

// cappedReader reads a part through an io.LimitReader of one byte more
// than its limit, and fails once that byte or the budget is reached.
type cappedReader struct {
	r      io.Reader
	c      io.Closer
	name   string
	n      int64
	limit  int64
	budget *docxBudget
}

func (r *cappedReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	r.n += int64(n)
	r.budget.left -= int64(n)
	switch {
	case r.n > r.limit:
		return 0, docxTooLarge(r.name, r.limit)
	case r.budget.left < 0:
		return 0, fmt.Errorf("%w: document inflates past %d MiB", ErrTooLarge, docxMaxTotal>>20)
	}
	return n, err
}

func (r *cappedReader) Close() error { return r.c.Close() }

// docxMainPart returns the name of the main document part, in lower case,
// as the package's relationships (_rels/.rels) give it, or
// word/document.xml.
func docxMainPart(files map[string]*zip.File, budget *docxBudget) (string, error) {
	const fallback = "word/document.xml"
	f := files["_rels/.rels"]
	if f == nil {
		return fallback, nil
	}
	rc, err := budget.open(f, docxMaxAux)
	if err != nil {
		return "", err
	}
	defer rc.Close()
	var rels struct {
		Rel []struct {
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.NewDecoder(rc).Decode(&rels); err != nil {
		if errors.Is(err, ErrTooLarge) {
			return "", err
		}
		return fallback, nil // Word reads such a file; so do we
	}
	for _, r := range rels.Rel {
		if strings.HasSuffix(r.Type, "/officeDocument") {
			name := strings.ToLower(path.Clean("/" + r.Target))[1:]
			if files[name] != nil {
				return name, nil
			}
		}
	}
	return fallback, nil
}

// docxStyle is what a paragraph style says about its paragraphs.
type docxStyle struct {
	name    string // lower case: heading 1, title, normal
	basedOn string
	outline int // outline level 0–8, or -1
}

// docxReadStyles reads the paragraph styles of styles.xml. A missing or
// broken styles part leaves the document without headings but readable.
func docxReadStyles(f *zip.File, budget *docxBudget) (map[string]docxStyle, error) {
	styles := map[string]docxStyle{}
	if f == nil {
		return styles, nil
	}
	rc, err := budget.open(f, docxMaxAux)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	dec := xml.NewDecoder(rc)
	dec.Strict = false
	var (
		id string
		st docxStyle
	)
	for {
		tok, err := dec.Token()
		if err != nil {
			if errors.Is(err, ErrTooLarge) {
				return nil, err
			}
			return styles, nil
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "style":
				id, st = "", docxStyle{outline: -1}
				if docxAttr(t, "type") == "paragraph" {
					id = docxAttr(t, "styleId")
				}
			case "name":
				st.name = strings.ToLower(docxAttr(t, "val"))
			case "basedOn":
				st.basedOn = docxAttr(t, "val")
			case "outlineLvl":
				if n, err := strconv.Atoi(docxAttr(t, "val")); err == nil {
					st.outline = n
				}
			}
		case xml.EndElement:
			if t.Name.Local == "style" && id != "" {
				styles[id] = st
				id = ""
			}
		}
	}
}

// docxHeading returns the heading level, 1–9, of paragraphs of a style, or
// 0 for body text, following the styles a style is based on.
func docxHeading(styles map[string]docxStyle, id string) int {
	for range 10 {
		st, ok := styles[id]
		if !ok {
			return 0
		}
		switch {
		case st.name == "title":
			return 1
		case strings.HasPrefix(st.name, "heading "):
			if n, err := strconv.Atoi(strings.TrimPrefix(st.name, "heading ")); err == nil && 1 <= n && n <= 9 {
				return n
			}
		}
		if 0 <= st.outline && st.outline <= 8 {
			return st.outline + 1
		}
		id = st.basedOn
	}
	return 0
}

func docxAttr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// docxReader turns the stream of a document part into text.
type docxReader struct {
	w      blockBuilder
	styles map[string]docxStyle
	paras  []*docxPara // open paragraphs; a text box's open inside another's run
	runs   int         // depth of open runs
	inText bool        // inside a w:t
}

// docxPara is a paragraph being read.
type docxPara struct {
	text    strings.Builder
	style   string
	outline int // from the paragraph's own properties, or -1
	list    bool
}

func (d *docxReader) read(r io.Reader) error {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := d.start(dec, t); err != nil {
				return err
			}
		case xml.EndElement:
			d.end(t)
		case xml.CharData:
			if d.inText && len(d.paras) > 0 {
				d.paras[len(d.paras)-1].text.Write(t)
			}
		}
	}
}

func (d *docxReader) start(dec *xml.Decoder, t xml.StartElement) error {
	local := t.Name.Local
	switch {
	case local == "Fallback", strings.HasSuffix(local, "Change"), local == "del", local == "moveFrom":
		// Another rendering of content already read, or properties or text
		// a tracked change removed.
		return dec.Skip()
	}
	p := d.para()
	switch local {
	case "p":
		d.paras = append(d.paras, &docxPara{outline: -1})
	case "r":
		d.runs++
	case "t":
		d.inText = d.runs > 0
	case "tab":
		if d.runs > 0 && p != nil {
			p.text.WriteByte('\t')
		}
	case "br", "cr":
		if d.runs > 0 && p != nil {
			p.text.WriteByte('\n')
		}
	case "noBreakHyphen":
		if d.runs > 0 && p != nil {
			p.text.WriteByte('-')
		}
	case "pStyle":
		if p != nil {
			p.style = docxAttr(t, "val")
		}
	case "outlineLvl":
		if p != nil {
			if n, err := strconv.Atoi(docxAttr(t, "val")); err == nil {
				p.outline = n
			}
		}
	case "numId":
		if p != nil && docxAttr(t, "val") != "0" {
			p.list = true
		}
	case "tr":
		d.w.startRow()
	case "tc":
		d.w.startCell()
	}
	return nil
}

func (d *docxReader) end(t xml.EndElement) {
	switch t.Name.Local {
	case "p":
		if n := len(d.paras); n > 0 {
			p := d.paras[n-1]
			d.paras = d.paras[:n-1]
			d.emit(p)
		}
	case "r":
		d.runs = max(d.runs-1, 0)
	case "t":
		d.inText = false
	case "tc":
		d.w.endCell()
	case "tr":
		d.w.endRow()
	}
}

func (d *docxReader) para() *docxPara {
	if n := len(d.paras); n > 0 {
		return d.paras[n-1]
	}
	return nil
}

// emit writes a finished paragraph: an empty one ends the paragraph before
// it, as the blank line it shows.
func (d *docxReader) emit(p *docxPara) {
	text := p.text.String()
	if strings.TrimSpace(text) == "" {
		d.w.blankLine()
		return
	}
	level := docxHeading(d.styles, p.style)
	switch {
	case 0 <= p.outline && p.outline <= 8:
		level = p.outline + 1
	case p.outline == 9: // body text, whatever the style
		level = 0
	}
	switch {
	case level > 0:
		d.w.setKind(model.Heading, level)
	case p.list:
		d.w.setKind(model.Item, 0)
	default:
		d.w.endLine()
	}
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			d.w.endLine()
		}
		d.w.write(line)
	}
	d.w.endMarked()
}
