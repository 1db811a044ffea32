package document

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
	"zhibiao/extract/model"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlCharsetWindow is how much of a page is searched for a <meta> that
// declares its charset.
const htmlCharsetWindow = 4 << 10

// readHTML reads the visible text of a web page: the page's <title> first,
// on a line of its own, then the text of its body in document order,
// without scripts, styles, navigation, headers, footers, sidebars and
// share bars.
func readHTML(data []byte) (Document, error) {
	dec, err := decodeHTML(data)
	if err != nil {
		return Document{}, fmt.Errorf("decoding the page: %w", err)
	}
	// A page's tree takes many times its text in memory: a page of more
	// text than a report is refused before it is built.
	if n := htmlTextSize(dec.Text, MaxText); n > MaxText {
		return Document{}, fmt.Errorf("%w: the page holds more than %d MB of text, more than a report's", ErrTooLarge, MaxText>>20)
	}
	root, err := html.Parse(strings.NewReader(dec.Text))
	if err != nil {
		return Document{}, fmt.Errorf("parsing the page: %w", err)
	}
	blocks := pageBlocks(root)
	if !hasText(blocks) {
		return Document{}, fmt.Errorf("%w: the page shows no text", ErrNoText)
	}
	return Document{Blocks: blocks, Encoding: dec.Encoding, Invalid: dec.Invalid}, nil
}

// htmlTextSize counts the bytes of text a page holds outside scripts and
// styles, up to a little past limit: the most the visible text can be.
func htmlTextSize(page string, limit int) int {
	z := html.NewTokenizer(strings.NewReader(page))
	n, skip := 0, 0
	for n <= limit {
		switch z.Next() {
		case html.ErrorToken:
			return n
		case html.StartTagToken:
			if name, _ := z.TagName(); string(name) == "script" || string(name) == "style" {
				skip++
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); (string(name) == "script" || string(name) == "style") && skip > 0 {
				skip--
			}
		case html.TextToken:
			if skip == 0 {
				n += len(z.Raw())
			}
		}
	}
	return n
}

// decodeHTML turns the bytes of a page into UTF-8 text. A byte order mark
// decides the encoding; otherwise a charset declared by a <meta> in the
// first 4 KiB does, unless the page contradicts it (valid UTF-8 declared
// as GBK, or too many bytes that the declared charset does not decode: both
// happen when a site converts its pages and not their declarations);
// otherwise the encoding is detected as for plain text.
func decodeHTML(data []byte) (Decoded, error) {
	if len(data) == 0 || decHasPrefix(data, "\xef\xbb\xbf") ||
		decHasPrefix(data, "\xff\xfe") || decHasPrefix(data, "\xfe\xff") {
		return Decode(data)
	}
	name := htmlCharset(data[:min(len(data), htmlCharsetWindow)])
	switch name {
	case "":
		return Decode(data)
	case encUTF8:
		if utf8.Valid(data) {
			return Decoded{Text: decNewlines(data), Encoding: encUTF8}, nil
		}
	default:
		if utf8.Valid(data) {
			return Decode(data)
		}
	}
	var b strings.Builder
	b.Grow(len(data) + len(data)/2)
	st := newDecLegacy(name).run(data, &b, 0)
	if decTooBad(st.invalid, len(data)) {
		return Decode(data)
	}
	return Decoded{Text: b.String(), Encoding: name, Invalid: st.invalid}, nil
}

// htmlCharset returns the encoding that a <meta charset> or a <meta
// http-equiv="Content-Type" content="…; charset=…"> in head declares, as
// one of Decode's encoding names, or "" when none declares one that
// zhibiao knows.
func htmlCharset(head []byte) string {
	z := html.NewTokenizer(bytes.NewReader(head))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			if string(name) != "meta" {
				continue
			}
			var charset, equiv, content string
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				switch string(k) {
				case "charset":
					charset = string(v)
				case "http-equiv":
					equiv = string(v)
				case "content":
					content = string(v)
				}
			}
			if charset == "" && strings.EqualFold(strings.TrimSpace(equiv), "content-type") {
				charset = contentCharset(content)
			}
			if charset != "" {
				return charsetName(charset)
			}
		}
	}
}

// contentCharset returns the charset parameter of a Content-Type value.
func contentCharset(content string) string {
	lower := strings.ToLower(content)
	i := strings.Index(lower, "charset")
	if i < 0 {
		return ""
	}
	s := strings.TrimLeft(content[i+len("charset"):], " \t")
	if !strings.HasPrefix(s, "=") {
		return ""
	}
	s = strings.TrimLeft(s[1:], " \t\"'")
	if end := strings.IndexAny(s, "\"'; \t"); end >= 0 {
		s = s[:end]
	}
	return s
}

// charsetName maps a charset label to one of Decode's encoding names.
// Labels of UTF-16 map to UTF-8, as browsers do: a page whose <meta> can be
// read as ASCII is not UTF-16.
func charsetName(label string) string {
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "utf-8", "utf8", "unicode-1-1-utf-8", "utf-16", "utf-16le", "utf-16be", "unicode":
		return encUTF8
	case "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "ms936", "windows-936", "csgb2312",
		"chinese", "euc-cn", "iso-ir-58", "gb_2312-80", "csiso58gb231280":
		return encGB18030
	case "big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5", "cp950":
		return encBig5
	}
	return ""
}

// htmlSkipped holds the elements whose content is never visible text.
var htmlSkipped = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true,
	atom.Template: true, atom.Iframe: true, atom.Object: true, atom.Embed: true,
	atom.Svg: true, atom.Math: true, atom.Canvas: true, atom.Audio: true, atom.Video: true,
	atom.Select: true, atom.Button: true, atom.Textarea: true, atom.Input: true,
}

// htmlNoiseTags holds the elements that frame a page rather than say
// what it says.
var htmlNoiseTags = map[atom.Atom]bool{
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
}

// htmlNoiseWords are the words whose presence in an element's class or id
// marks it as navigation, a footer or a share bar.
var htmlNoiseWords = []string{"nav", "menu", "breadcrumb", "crumb", "footer", "header", "sidebar", "share"}

// htmlProseMarks is how many full stops (。) make an element prose, which
// is kept whatever its class says: a page laid out inside a <div
// class="main-header-wrap"> still shows its report. Navigation, footers
// and share bars are not written in sentences.
const htmlProseMarks = 5

// htmlBlocks holds the elements that start and end a line.
var htmlBlocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Table: true, atom.Thead: true, atom.Tbody: true, atom.Tfoot: true, atom.Caption: true,
	atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Hr: true, atom.Form: true, atom.Fieldset: true,
	atom.Figure: true, atom.Figcaption: true, atom.Address: true, atom.Center: true,
	atom.Details: true, atom.Summary: true, atom.Legend: true, atom.Body: true,
}

// htmlWalker collects the visible text of a parsed page.
type htmlWalker struct {
	w   blockBuilder
	pre int // depth of <pre> elements, whose white space is kept
}

// pageBlocks returns the visible text of a parsed page as blocks, its
// title first, unless the page shows it, numbered as paragraphs.
func pageBlocks(root *html.Node) []model.Block {
	var h htmlWalker
	h.walk(root)
	body := h.w.blocks()
	title := htmlTitle(root)
	if title == "" || slices.ContainsFunc(body, func(b model.Block) bool { return strings.Contains(b.Text, title) }) {
		return numbered(body)
	}
	head := []model.Block{{Kind: model.Heading, Level: 1, Text: title}}
	if len(body) > 0 {
		head = append(head, model.Block{Kind: model.Break})
	}
	return numbered(append(head, body...))
}

// htmlTitle returns the text of the page's first <title>, white space
// collapsed.
func htmlTitle(n *html.Node) string {
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Title:
			var b strings.Builder
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.TextNode {
					b.WriteString(c.Data)
				}
			}
			return strings.Join(strings.Fields(b.String()), " ")
		case atom.Svg, atom.Math, atom.Template:
			return ""
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if t := htmlTitle(c); t != "" {
			return t
		}
	}
	return ""
}

func (h *htmlWalker) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		h.text(n.Data)
		return
	case html.DocumentNode:
		h.children(n)
		return
	case html.ElementNode:
	default:
		return
	}
	if htmlSkipped[n.DataAtom] || htmlHidden(n) {
		return
	}
	if htmlNoise(n) && htmlCount(n, '。', htmlProseMarks) < htmlProseMarks {
		return
	}
	switch a := n.DataAtom; a {
	case atom.Br:
		h.w.endLine()
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		h.w.setKind(model.Heading, int(n.Data[1]-'0'))
		h.children(n)
		h.w.endMarked()
	case atom.Li:
		h.w.setKind(model.Item, 0)
		h.children(n)
		h.w.endMarked()
	case atom.Tr:
		h.w.startRow()
		h.children(n)
		h.w.endRow()
	case atom.Td, atom.Th:
		h.w.startCell()
		h.children(n)
		h.w.endCell()
	case atom.Pre:
		h.w.endLine()
		h.pre++
		h.children(n)
		h.pre--
		h.w.endLine()
	default:
		if htmlBlocks[a] {
			h.w.endLine()
			h.children(n)
			h.w.endLine()
			return
		}
		h.children(n)
	}
}

func (h *htmlWalker) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		h.walk(c)
	}
}

// text writes a text node: runs of HTML white space collapse to one space,
// as a browser shows them, except inside <pre>.
func (h *htmlWalker) text(s string) {
	if h.pre > 0 {
		for i, line := range strings.Split(s, "\n") {
			if i > 0 {
				h.w.endLine()
			}
			h.w.write(line)
		}
		return
	}
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && !isHTMLSpace(s[j]) {
			j++
		}
		h.w.write(s[i:j])
		if j < len(s) {
			h.w.space()
			for j < len(s) && isHTMLSpace(s[j]) {
				j++
			}
		}
		i = j
	}
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// htmlHidden reports whether an element is hidden by its attributes.
func htmlHidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") {
				return true
			}
		case "style":
			s := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
			if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// htmlNoise reports whether an element frames the page — navigation, a
// header, a footer, a sidebar, a share bar — by its tag or by its class
// or id.
func htmlNoise(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Main, atom.Article:
		return false // a page's frame, whatever its class says
	}
	if htmlNoiseTags[n.DataAtom] {
		return true
	}
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		v := strings.ToLower(a.Val)
		for _, w := range htmlNoiseWords {
			if strings.Contains(v, w) {
				return true
			}
		}
	}
	return false
}

// htmlCount counts r in the visible text under n, up to limit.
func htmlCount(n *html.Node, r rune, limit int) int {
	count := 0
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		for c := n.FirstChild; c != nil && count < limit; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				count += strings.Count(c.Data, string(r))
			case html.ElementNode:
				if !htmlSkipped[c.DataAtom] {
					visit(c)
				}
			}
		}
	}
	visit(n)
	return count
}
