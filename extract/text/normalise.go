// Package text prepares a report's decoded text for matching: it folds
// width and script (Traditional to Simplified, one rune for one, so that
// positions survive), drops Markdown marks, joins lines broken
// mid-sentence into paragraphs, and keeps for every rune its byte offset
// in the source, so that any span can be quoted as written and given its
// line.
package text

import (
	"math/bits"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
	"zhibiao/extract/model"

	"golang.org/x/text/width"
)

// Text is a report prepared for matching. Paragraphs hold the normalised
// runes — width folded, Simplified, without Markdown debris, with lines that
// were broken mid-sentence joined — and, for every rune, its offset in the
// text of the blocks, so that any span can be quoted as written and given
// its place in the document.
type Text struct {
	Blocks     []model.Block
	Paragraphs []Paragraph
	starts     []int       // the offset of each block: its text and a newline follow the block before
	script     scriptCount // of all the runes of the blocks
	Runes      []rune      // the runes of all the paragraphs, one after another
}

// Paragraph is one logical line of a report.
type Paragraph struct {
	Runes   []rune
	Pos     []int // offset of each rune (see Text.Quote)
	Heading bool  // a block of kind Heading
	Item    bool  // a block of kind Item, or a line that opens with a bullet
}

// Quote returns the original text of the paragraph's runes [i, j), as
// the document has it: the lines of a paragraph joined by newlines.
func (t *Text) Quote(p *Paragraph, i, j int) string {
	if i >= j || j > len(p.Pos) {
		return ""
	}
	start, last := p.Pos[i], p.Pos[j-1]
	k, m := t.block(start), t.block(last)
	at := func(b, off int) int { return off - t.starts[b] }
	_, size := utf8.DecodeRuneInString(t.Blocks[m].Text[at(m, last):])
	if k == m {
		return t.Blocks[k].Text[at(k, start) : at(m, last)+size]
	}
	var b strings.Builder
	b.WriteString(t.Blocks[k].Text[at(k, start):])
	for x := k + 1; x < m; x++ {
		b.WriteByte('\n')
		b.WriteString(t.Blocks[x].Text)
	}
	b.WriteByte('\n')
	b.WriteString(t.Blocks[m].Text[:at(m, last)+size])
	return b.String()
}

// block returns the index of the block that holds an offset.
func (t *Text) block(offset int) int {
	return sort.Search(len(t.starts), func(i int) bool { return t.starts[i] > offset }) - 1
}

// Line returns the line of an offset in its document: the line of a text
// file or of a PDF's page, the paragraph of a web page or Word document.
func (t *Text) Line(offset int) int { return t.Blocks[t.block(offset)].Line }

// Page returns the page of an offset in a PDF, or 0.
func (t *Text) Page(offset int) int { return t.Blocks[t.block(offset)].Page }

// Normalise prepares a document's blocks for matching.
func Normalise(blocks []model.Block) *Text {
	return new(Writer).Normalise(blocks)
}

// Normalise prepares blocks for matching in w's arrays, which it reuses
// when they have room: the text is good until w's next use.
func (w *Writer) Normalise(blocks []model.Block) *Text {
	// Normalising adds no runes, so the arrays need room for as many as
	// the text has (they grow, if need be, for bytes that are not UTF-8).
	n := 0
	for _, b := range blocks {
		n += countRunes(b.Text)
	}
	w.reset(n, len(blocks))
	t := &Text{Blocks: blocks, Paragraphs: w.paragraphs, starts: w.starts}
	var cur Paragraph // the paragraph being read: it starts at curStart in w
	curStart := -1
	flush := func(end int) {
		if curStart >= 0 && end > curStart {
			t.Paragraphs = append(t.Paragraphs, w.paragraph(curStart, end, cur.Heading, cur.Item))
		}
		curStart = -1
	}
	off := 0
	for _, b := range blocks {
		t.starts = append(t.starts, off)
		lineStart := len(w.runes)
		line := w.writeLine(b.Text, off)
		off += len(b.Text) + 1
		line.Heading = line.Heading || b.Kind == model.Heading
		line.Item = line.Item || b.Kind == model.Item
		if len(w.breaks) > 0 {
			// A line of paragraphs run together: the first may continue
			// the paragraph before; each of the others is one of its own,
			// and so is a heading at the end of one (…意见。一、2024年工作回顾).
			w.breaks = append(w.breaks, len(w.runes))
			line.Runes, line.Pos = w.runes[lineStart:w.breaks[0]], w.pos[lineStart:w.breaks[0]]
		}
		switch {
		case len(line.Runes) == 0:
			flush(lineStart)
		case curStart >= 0 && continues(&cur, &line):
			cur = w.paragraph(curStart, lineStart+len(line.Runes), cur.Heading, cur.Item)
		default:
			flush(lineStart)
			cur, curStart = line, lineStart
		}
		for k := 0; k+1 < len(w.breaks); k++ {
			s, e := w.breaks[k], w.breaks[k+1]
			if h := headingTail(w.runes[s:e]); h > 0 {
				flush(s)
				cur, curStart = w.paragraph(s, s+h, false, false), s
				s += h
			}
			flush(s)
			cur, curStart = w.paragraph(s, e, false, false), s
		}
	}
	flush(len(w.runes))
	t.script, t.Runes = w.script, w.runes
	w.paragraphs, w.starts = t.Paragraphs, t.starts
	return t
}

// Traditional reports whether the text is written in Traditional
// characters, as IsTraditional(t.Orig) does.
func (t *Text) Traditional() bool { return t.script.traditional() }

// countRunes counts the runes of valid UTF-8 without decoding them: the
// bytes less the continuation bytes, 10xxxxxx, which it counts eight at a
// time (bit 7 set, bit 6, shifted onto it, clear).
func countRunes(s string) int {
	const high = 0x8080808080808080
	cont, i := 0, 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		cont += bits.OnesCount64(w &^ (w << 1) & high)
	}
	for ; i < len(s); i++ {
		if s[i]&0xC0 == 0x80 {
			cont++
		}
	}
	return len(s) - cont
}

// Writer holds the normalised runes of a text and their positions:
// every paragraph is a stretch of one array, written after the one before,
// so that a text takes two allocations however many lines it has.
type Writer struct {
	runes      []rune
	pos        []int
	paragraphs []Paragraph
	starts     []int
	breaks     []int       // where the paragraphs of the last line written start, after its first
	simp       *t2sTable   // the table of Simplified forms
	script     scriptCount // of every rune read, kept or not
}

// reset empties w for a text of n runes in the given number of blocks.
func (w *Writer) reset(n, blocks int) {
	if cap(w.runes) < n || cap(w.pos) < n {
		w.runes, w.pos = make([]rune, 0, n), make([]int, 0, n)
	}
	if cap(w.starts) < blocks {
		w.starts = make([]int, 0, blocks)
	}
	w.runes, w.pos, w.paragraphs, w.starts = w.runes[:0], w.pos[:0], w.paragraphs[:0], w.starts[:0]
	w.simp, w.script = t2s(), scriptCount{}
}

// Small reports whether w's arrays are of the size of a report, not so
// large that keeping them would hold much memory.
func (w *Writer) Small() bool {
	const most = 1 << 20 // a report of a few hundred kilobytes has some hundred thousand runes and lines
	return cap(w.runes) <= most && cap(w.starts) <= most
}

// paragraph returns the paragraph of runes [start, end), capped so that
// appending to it cannot overwrite the paragraph after it.
func (w *Writer) paragraph(start, end int, heading, item bool) Paragraph {
	return Paragraph{Runes: w.runes[start:end:end], Pos: w.pos[start:end:end], Heading: heading, Item: item}
}

// writeLine folds the text of one block, which starts at offset start,
// writeLine folds one physical line orig[start:end], appends its runes and
// returns it.
func (w *Writer) writeLine(s string, start int) Paragraph {
	var p Paragraph
	from := len(w.runes)
	w.breaks = w.breaks[:0]
	i := 0
	// Leading debris: bullets, quote marks, emphasis, indentation. The
	// marks of headings and list items are the document reader's.
	for i < len(s) {
		switch {
		case s[i] == ' ' || s[i] == '\t' || s[i] == '>':
			i++
			continue
		case (s[i] == '*' || s[i] == '_') && i+1 < len(s) && s[i+1] == s[i]:
			i += 2 // emphasis around a heading: **●综合实力稳步提升**
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if isBullet(r) || r == '\u3000' || isFormatChar(r) {
			if isBullet(r) {
				p.Item = true
			}
			w.script.add(w.simp, r)
			i += size
			continue
		}
		break
	}
	space := -1 // offset of the last space dropped, if any since the last rune
	for i < len(s) {
		if r, ok := decodeIdeograph(s[i:]); ok {
			// Most of a report: a Han character, with no width form and
			// nothing to drop, kept in its Simplified form.
			simple := w.simp.lookup(r)
			w.script.addHan(simple != r)
			w.runes = append(w.runes, simple)
			w.pos = append(w.pos, start+i)
			i += 3
			space = -1
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		pos := start + i
		i += size
		w.script.add(w.simp, r)
		switch {
		case r == '*' && i < len(s) && s[i] == '*', r == '_' && i < len(s) && s[i] == '_':
			i++ // Markdown emphasis
			continue
		case r == '&':
			if n, repl := entity(s[i-1:]); n > 0 {
				i += n - 1
				if repl == ' ' {
					continue
				}
				r = repl
			}
		case isFormatChar(r) || r == '\r':
			continue
		case r == '\u3000' && len(w.runes) > from && strings.HasPrefix(s[i:], "\u3000"):
			// Two ideographic spaces inside a line are the indent of a
			// paragraph: a document whose paragraphs were run together.
			w.breaks = append(w.breaks, len(w.runes))
			for strings.HasPrefix(s[i:], "\u3000") {
				w.script.add(w.simp, '\u3000')
				i += len("\u3000")
			}
			space = -1
			continue
		}
		r = foldRune(w.simp, r)
		if r == ' ' || r == '\t' {
			// Spaces inside numbers (5.5 %), around Chinese text and from
			// page layout are noise; one between Latin words is kept.
			space = pos
			continue
		}
		if space >= 0 && len(w.runes) > from && isLatin(w.runes[len(w.runes)-1]) && isLatin(r) {
			w.runes = append(w.runes, ' ')
			w.pos = append(w.pos, space)
		}
		space = -1
		w.runes = append(w.runes, r)
		w.pos = append(w.pos, pos)
	}
	p.Runes, p.Pos = w.runes[from:], w.pos[from:]
	return p
}

// decodeIdeograph decodes the rune at the start of s when it is a CJK
// Unified Ideograph (U+4E00–U+9FFF), the three bytes E4–E9 80–BF 80–BF
// of UTF-8, which most of a report's runes are, without the call that
// utf8.DecodeRuneInString makes for them. ok is false for anything else.
func decodeIdeograph(s string) (r rune, ok bool) {
	if len(s) < 3 || s[0] < 0xE4 || s[0] > 0xE9 || s[1]&0xC0 != 0x80 || s[2]&0xC0 != 0x80 {
		return 0, false
	}
	r = rune(s[0]&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F)
	return r, isIdeograph(r)
}

func isLatin(r rune) bool { return r < 128 && (unicode.IsLetter(r)) }

func isBullet(r rune) bool {
	switch r {
	case '●', '○', '■', '□', '◆', '◇', '▲', '△', '•', '▪', '►', '★', '☆', '√':
		return true
	}
	return false
}

// entity recognises an HTML entity at the start of s and returns its length
// and replacement (' ' for the spacing ones, dropped).
func entity(s string) (int, rune) {
	for _, e := range [...]struct {
		name string
		r    rune
	}{{"&nbsp;", ' '}, {"&ensp;", ' '}, {"&emsp;", ' '}, {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}} {
		if strings.HasPrefix(s, e.name) {
			return len(e.name), e.r
		}
	}
	return 0, 0
}

// FoldWord folds a word as report text is folded, rune by rune, so that a
// word of a table matches the text it is looked for in.
func FoldWord(s string) []rune {
	rs := []rune(s)
	simp := t2s()
	for i, r := range rs {
		rs[i] = foldRune(simp, r)
	}
	return rs
}

// foldRune maps a rune to its matching form: narrow width for full-width
// ASCII (５.５％ → 5.5%), ideographic space to space, Simplified script by
// the table simp (t2s()). It maps one rune to one rune so that positions
// survive.
func foldRune(simp *t2sTable, r rune) rune {
	if isIdeograph(r) {
		// CJK Unified Ideographs, most of a report, have no width forms.
		return simp.lookup(r)
	}
	switch r {
	case '\u3000', '\u00a0', '\u2002', '\u2003', '\u2009':
		return ' '
	case '〇':
		return '〇'
	case '−', '‒', '﹣':
		return '-' // minus signs
	}
	if r >= 0x80 {
		if f := width.LookupRune(r).Folded(); f != 0 {
			r = f
		}
		r = simp.lookup(r)
	}
	return r
}

// continues reports whether line next continues paragraph p, which was
// broken in the middle of a sentence (by a word processor, a PDF's layout or
// a web page's markup).
func continues(p, next *Paragraph) bool {
	if p.Heading || next.Heading || next.Item {
		return false
	}
	last := p.Runes[len(p.Runes)-1]
	if strings.ContainsRune("。！？!?;:；：”\"』」)）】", last) {
		return false
	}
	first := next.Runes[0]
	switch {
	case strings.ContainsRune(",，、%)）》”’;；。", first):
		return true
	case strings.ContainsRune(",，、(（《“‘", last):
		return true
	case len(next.Runes) <= 2:
		return true
	}
	// A long line ending mid-sentence was wrapped; a short one that opens
	// with an ordinal (一、2023年工作回顾) is a heading.
	return len(p.Runes) >= 20 && !p.Item && !(startsWithOrdinal(p.Runes) && len(p.Runes) <= 40)
}

// headingTail returns where a heading run onto the end of a paragraph
// starts (…请予审议。一、2024年工作回顾): after its last sentence, a short
// stretch that opens with an ordinal and has no punctuation of a sentence.
// It returns 0 when there is none.
func headingTail(rs []rune) int {
	end := -1
	for i, r := range rs {
		if r == '。' || r == '!' || r == '?' {
			end = i
		}
	}
	tail := rs[end+1:]
	if end < 0 || len(tail) == 0 || len(tail) > 30 || !startsWithOrdinal(tail) {
		return 0
	}
	for _, r := range tail[2:] {
		if strings.ContainsRune(",;:。", r) {
			return 0
		}
	}
	return end + 1
}

// startsWithOrdinal reports whether a line begins like a heading of an
// outline: 一、 （一） 1. 第一部分.
func startsWithOrdinal(rs []rune) bool {
	i := 0
	if i < len(rs) && (rs[i] == '(' || rs[i] == '（') {
		i++
	}
	j := i
	for j < len(rs) && (IsChineseDigit(rs[j]) || (rs[j] >= '0' && rs[j] <= '9')) {
		j++
	}
	if j == i || j >= len(rs) {
		return false
	}
	switch rs[j] {
	case '、', ')', '）', '.', '．':
		return true
	}
	return false
}

// IsChineseDigit reports whether r is a Chinese numeral: a digit or 十, 百
// or 千.
func IsChineseDigit(r rune) bool {
	switch r {
	case '〇', '零', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千':
		return true
	}
	return false
}

// isFormatChar reports whether r is an invisible character of format —
// zero-width spaces and joiners, marks and embeddings of direction, the
// byte order mark, a soft hyphen — which a text may hold inside a word or
// a number, and which normalising drops.
func isFormatChar(r rune) bool {
	switch {
	case r >= '\u200b' && r <= '\u200f', r >= '\u202a' && r <= '\u202e', r >= '\u2060' && r <= '\u2064',
		r >= '\u2066' && r <= '\u2069', r == '\ufeff', r == '\u00ad':
		return true
	}
	return false
}

// HeadRunes joins the first n paragraphs without separators, so that a
// title broken over lines (政府工作报\n告) reads whole. Normalise writes the
// paragraphs one after another, so that they are joined already.
func HeadRunes(t *Text, n int) []rune {
	size := 0
	for _, p := range t.Paragraphs[:min(n, len(t.Paragraphs))] {
		size += len(p.Runes)
	}
	return t.Runes[:size:size]
}

// Closing returns the index of the bracket closing the one at rs[i], if it
// comes within 15 runes, or -1.
func Closing(rs []rune, i int) int {
	for j := i + 1; j < len(rs) && j <= i+16; j++ {
		switch rs[j] {
		case ')', '）':
			return j
		case '(', '（', '。', ',', ';':
			return -1
		}
	}
	return -1
}
