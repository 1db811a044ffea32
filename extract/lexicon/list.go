package lexicon

import (
	"slices"

	"zhibiao/extract/internal/runeset"
)

// List is a list of words prepared for finding them in runes: the words as
// runes, longest first, by their first rune, and a filter of the first
// runes, which rules out nearly every place at the cost of a bit test.
type List struct {
	words   [][]rune
	strs    []string       // the words, as strings, in the order of words
	byFirst map[rune][]int // indexes in words, longest first
	firsts  runeset.Filter
	pairs   runeset.PairFilter // the first two runes of the longer words
	singles runeset.Filter     // the words of one rune
}

// NewListOf prepares words, none of them empty, for searching.
func NewListOf(words ...string) *List {
	strs := slices.Clone(words)
	slices.SortStableFunc(strs, func(a, b string) int { return len([]rune(b)) - len([]rune(a)) })
	l := &List{words: RunesOf(strs), strs: strs, byFirst: map[rune][]int{}}
	for i, rs := range l.words {
		l.firsts.Add(rs[0])
		if len(rs) == 1 {
			l.singles.Add(rs[0])
		} else {
			l.pairs.Add(rs[0], rs[1])
		}
		l.byFirst[rs[0]] = append(l.byFirst[rs[0]], i)
	}
	return l
}

// Len is the number of words of the list.
func (l *List) Len() int { return len(l.words) }

// String returns word i of the list (as Match numbers them).
func (l *List) String(i int) string { return l.strs[i] }

// RunesOf returns words as runes, in the same order.
func RunesOf(words []string) [][]rune {
	out := make([][]rune, len(words))
	for i, w := range words {
		out[i] = []rune(w)
	}
	return out
}

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
	for i := range rs {
		if n, k := l.Match(rs, i); n > 0 {
			return l.strs[k]
		}
	}
	return ""
}

// At returns the length of the longest of the words at rs[i:], or 0 (also
// when i is past the end of rs).
func (l *List) At(rs []rune, i int) int {
	n, _ := l.Match(rs, i)
	return n
}

// Match returns the length of the longest of the words at rs[i:] and its
// number in the list, or 0 and -1.
func (l *List) Match(rs []rune, i int) (n, word int) {
	if i < 0 || i >= len(rs) || !l.firsts.MayHave(rs[i]) {
		return 0, -1
	}
	if !l.singles.MayHave(rs[i]) && (i+1 >= len(rs) || !l.pairs.MayHave(rs[i], rs[i+1])) {
		return 0, -1 // as at most places: no word's first two runes
	}
	for _, k := range l.byFirst[rs[i]] {
		w := l.words[k]
		if i+len(w) <= len(rs) && slices.Equal(rs[i:i+len(w)], w) {
			return len(w), k
		}
	}
	return 0, -1
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
