package lexicon

import "slices"

// List is a list of words prepared for finding them in runes: the words as
// runes, longest first, and masks of their first and second runes by their
// remainder modulo 64, which rule out most places at the cost of a test
// or two.
type List struct {
	words           [][]rune
	firsts, seconds uint64 // seconds lets every rune through if a word has one rune
}

// NewListOf prepares words, none of them empty, for searching.
func NewListOf(words ...string) *List {
	l := &List{words: RunesOf(words)}
	slices.SortStableFunc(l.words, func(a, b []rune) int { return len(b) - len(a) })
	for _, rs := range l.words {
		l.firsts |= runeBit(rs[0])
		if len(rs) > 1 {
			l.seconds |= runeBit(rs[1])
		} else {
			l.seconds = ^uint64(0)
		}
	}
	return l
}

// RunesOf returns words as runes, in the same order.
func RunesOf(words []string) [][]rune {
	out := make([][]rune, len(words))
	for i, w := range words {
		out[i] = []rune(w)
	}
	return out
}

// runeBit is the bit of r in a List's masks.
func runeBit(r rune) uint64 { return 1 << (uint32(r) % 64) }

// Words returns the list's words, longest first; the caller must not
// change them.
func (l *List) Words() [][]rune { return l.words }

// In reports whether rs contains any of the words.
func (l *List) In(rs []rune) bool { return l.Index(rs) >= 0 }

// Index returns the first position in rs where one of the words starts,
// or -1.
func (l *List) Index(rs []rune) int {
	for i := range rs {
		if l.At(rs, i) > 0 {
			return i
		}
	}
	return -1
}

// Find returns the first of the words found in rs, or "".
func (l *List) Find(rs []rune) string {
	if i := l.Index(rs); i >= 0 {
		return string(rs[i : i+l.At(rs, i)])
	}
	return ""
}

// At returns the length of the longest of the words at rs[i:], or 0 (also
// when i is past the end of rs).
func (l *List) At(rs []rune, i int) int {
	if i < 0 || i >= len(rs) {
		return 0
	}
	r := rs[i]
	if l.firsts&runeBit(r) == 0 || i+1 < len(rs) && l.seconds&runeBit(rs[i+1]) == 0 {
		return 0
	}
	for _, w := range l.words {
		if w[0] == r && i+len(w) <= len(rs) && slices.Equal(rs[i:i+len(w)], w) {
			return len(w)
		}
	}
	return 0
}

// Before returns the length of the longest of the words that ends at
// rs[:end], or 0.
func (l *List) Before(rs []rune, end int) int {
	for _, w := range l.words {
		if n := len(w); n <= end && slices.Equal(rs[end-n:end], w) {
			return n
		}
	}
	return 0
}
