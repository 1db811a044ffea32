package extract

import (
	"slices"
	"strings"
	"unicode/utf8"
	"zhibiao/extract/internal/runeset"
	"zhibiao/extract/lexicon"
	"zhibiao/extract/text"
)

// fillerWords are the words a clause may hold besides its subject and
// figures (the lexicon's role filler). A clause whose other words are all
// filler speaks of its subject; other words may make it a statement about
// something else (人均, 海洋, 区本级, 高技术制造业, 第一季度 …).
var fillerWords = lexicon.Words("filler")

// fillerByFirst holds fillerWords by their first rune, longest first, for
// greedy matching.
var fillerByFirst = func() map[rune][][]rune {
	out := map[rune][][]rune{}
	for _, w := range fillerWords {
		rs := []rune(w)
		out[rs[0]] = append(out[rs[0]], rs)
	}
	for _, ws := range out {
		slices.SortFunc(ws, func(a, b []rune) int { return len(b) - len(a) })
	}
	return out
}()

// fillerStarts holds the first runes of fillerWords, the keys of
// fillerByFirst.
var fillerStarts = func() *runeset.Filter {
	f := new(runeset.Filter)
	for r := range fillerByFirst {
		f.Add(r)
	}
	return f
}()

// isFiller reports whether rs holds only filler words, years (2024年,
// 2010年的), punctuation and the extra words given (the report's own region
// names and scope words).
func isFiller(rs []rune, extra [][]rune) bool {
	_, ok := nextUnknown(rs, listOrdinal(rs), extra)
	return !ok
}

// nextUnknown finds the first stretch of rs from i on that is not filler
// (as isFiller reads it): the runes from where filler stops to where it
// starts again. ok is false when the rest of rs is filler.
func nextUnknown(rs []rune, i int, extra [][]rune) (run [2]int, ok bool) {
	start := -1
	for i < len(rs) {
		n := fillerAt(rs, i, extra)
		if n > 0 {
			if start >= 0 {
				return [2]int{start, i}, true
			}
			i += n
			continue
		}
		if start < 0 {
			start = i
		}
		i++
	}
	if start >= 0 {
		return [2]int{start, len(rs)}, true
	}
	return run, false
}

// fillerAt returns the length of the filler at rs[i:] — a note in
// brackets, a mark, a year, an extra word, a filler word — or 0.
func fillerAt(rs []rune, i int, extra [][]rune) int {
	r := rs[i]
	if r == '(' || r == '（' {
		// A short note in brackets: (不含农户), (GDP), (按可比价计算).
		if j := text.Closing(rs, i); j > 0 {
			return j + 1 - i
		}
	}
	if isFillerMark(r) {
		return 1
	}
	if j := yearAt(rs, i); j > i {
		return j - i
	}
	for _, w := range extra {
		if len(w) > 0 && w[0] == r && i+len(w) <= len(rs) && slices.Equal(rs[i:i+len(w)], w) {
			return len(w)
		}
	}
	if fillerStarts.MayHave(r) {
		for _, w := range fillerByFirst[r] {
			if i+len(w) <= len(rs) && slices.Equal(rs[i:i+len(w)], w) {
				return len(w)
			}
		}
	}
	return 0
}

// isFillerMark reports whether r is a bracket, a quotation mark or a dash,
// which filler may hold.
func isFillerMark(r rune) bool {
	switch r {
	case '(', ')', '（', '）', '“', '”', '"', '\'', '‘', '’', '《', '》', '〈', '〉', '[', ']', '【', '】', '—', '-':
		return true
	}
	return false
}

// yearAt matches a year such as 2024年 at rs[i:] and returns the index
// after it, or i.
func yearAt(rs []rune, i int) int {
	if i < len(rs) && isDigit(rs[i]) {
		if y, j := readYear(rs, i); y > 0 {
			return j
		}
	}
	return i
}

// readYear reads a four-digit year from 1949 to 2099 followed by 年.
func readYear(rs []rune, i int) (year, end int) {
	if i+5 > len(rs) || rs[i+4] != '年' {
		return 0, i
	}
	y := 0
	for k := i; k < i+4; k++ {
		if rs[k] < '0' || rs[k] > '9' {
			return 0, i
		}
		y = y*10 + int(rs[k]-'0')
	}
	if i > 0 && rs[i-1] >= '0' && rs[i-1] <= '9' {
		return 0, i
	}
	if y < 1949 || y > 2099 {
		return 0, i
	}
	return y, i + 5
}

// containsWord reports whether rs contains word.
func containsWord(rs []rune, word string) bool {
	return indexWord(rs, word) >= 0
}

func indexWord(rs []rune, word string) int {
	first, _ := utf8.DecodeRuneInString(word)
	for i, r := range rs {
		if r == first && hasWord(rs, i, word) {
			return i
		}
	}
	return -1
}

func containsAny(rs []rune, words ...string) bool {
	for _, w := range words {
		if containsWord(rs, w) {
			return true
		}
	}
	return false
}

// isShareOf reports whether a lead states a share of a whole:
// 占一般公共预算支出的, 占全省比重.
func isShareOf(rs []rune) bool {
	return len(rs) > 1 && rs[0] == '占' && (rs[len(rs)-1] == '的' || hasWordBefore(rs, len(rs), "比重") || hasWordBefore(rs, len(rs), "比例"))
}

// isShareOfTarget reports whether a lead states how much of a target or a
// budget was reached (完成年度目标的, 为年度预算的, 完成投资计划的): the figure
// after it is no figure of the indicator, but the indicator is still the
// subject of the statement.
func isShareOfTarget(rs []rune) bool { return shareOfTargetWords.Before(rs, len(rs)) > 0 }

// shareOfTargetWords end a lead that states a share of a target.
var shareOfTargetWords = lexicon.NewList("share_of_target")

// trimFiller drops the filler words at both ends of rs.
func trimFiller(rs []rune) []rune {
	for len(rs) > 0 && isFiller(rs[:1], nil) {
		rs = rs[1:]
	}
	for len(rs) > 0 && isFiller(rs[len(rs)-1:], nil) {
		rs = rs[:len(rs)-1]
	}
	return rs
}

// trimPunct drops punctuation and spaces at both ends of rs.
func trimPunct(rs []rune) []rune {
	isPunct := func(r rune) bool { return strings.ContainsRune(" ,，、:;。()（）“”\"", r) }
	for len(rs) > 0 && isPunct(rs[0]) {
		rs = rs[1:]
	}
	for len(rs) > 0 && isPunct(rs[len(rs)-1]) {
		rs = rs[:len(rs)-1]
	}
	return rs
}

func lastIndexWord(rs []rune, word string) int {
	last := -1
	for i := indexWord(rs, word); i >= 0; {
		last = i
		j := indexWord(rs[i+1:], word)
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return last
}

// listOrdinal returns the length of a list item's number at the start of
// rs: 1. 2、 (3) （三） 一是 二、, or 0.
func listOrdinal(rs []rune) int {
	i := 0
	open := i < len(rs) && (rs[i] == '(' || rs[i] == '（')
	if open {
		i++
	}
	j := i
	for j < len(rs) && ((rs[j] >= '0' && rs[j] <= '9') || isOrdinalDigit(rs[j])) {
		j++
	}
	if j == i || j >= len(rs) {
		return 0
	}
	switch {
	case open && (rs[j] == ')' || rs[j] == '）'):
		return j + 1
	case !open && (rs[j] == '.' || rs[j] == '、'):
		return j + 1
	case !open && rs[j] == '是' && !(rs[i] >= '0' && rs[i] <= '9'):
		return j + 1 // 一是
	}
	return 0
}

// isOrdinalDigit reports whether r is one of the Chinese numerals that
// number a list: 一 to 十.
func isOrdinalDigit(r rune) bool {
	switch r {
	case '一', '二', '三', '四', '五', '六', '七', '八', '九', '十':
		return true
	}
	return false
}
