package extract

import (
	"slices"
	"zhibiao/extract/catalogue"
	"zhibiao/extract/lexicon"
	"zhibiao/extract/model"
	"zhibiao/extract/text"
)

// figure is a number with its unit and qualifiers as written in a clause:
// 增长6%—6.5%, 突破5000万人次, 90亿斤以上.
type figure struct {
	value, high float64
	isRange     bool
	unit        catalogue.Unit
	hasUnit     bool
	suffix      model.Qualifier // the qualifier a word after the figure gives: 左右 About, 以上 AtLeast …
	start, end  int             // rune span, qualifiers included
}

// isRangeSep reports whether r joins the two ends of a range: 6%—6.5%,
// 6%-6.5%, 6%～6.5%, 5.5%到6%, 6%至6.5%.
func isRangeSep(r rune) bool {
	switch r {
	case '—', '–', '-', '~', '～', '到', '至':
		return true
	}
	return false
}

// figureSuffixes qualify a figure after its unit: 6%左右, 90亿斤以上.
var figureSuffixes = []struct {
	words     *lexicon.List
	qualifier model.Qualifier
}{
	{lexicon.NewList("suffix_about"), model.About},
	{lexicon.NewList("suffix_at_least"), model.AtLeast},
	{lexicon.NewList("suffix_at_most"), model.AtMost},
}

// scanFigure reads a figure at rs[i:] within [i, hi). Chinese numerals count
// only when a unit follows, so that 一般 or 一年来 are not numbers.
func scanFigure(rs []rune, i, hi int) (f figure, ok bool) {
	n, ok := parseArabic(rs[:hi], i)
	if !ok {
		n, ok = parseChinese(rs[:hi], i)
		if !ok {
			return f, false
		}
		if _, _, hasUnit := catalogue.MatchUnit(rs[:hi], skipMore(rs, n.end, hi)); !hasUnit {
			return f, false
		}
	}
	f = figure{value: n.value, high: n.value, start: i}
	j := skipMore(rs, n.end, hi)
	if j > n.end {
		f.suffix = model.AtLeast // 5000余, 100多
	}
	u, k, hasUnit := catalogue.MatchUnit(rs[:hi], j)
	if hasUnit {
		f.unit, f.hasUnit, j = u, true, k
		if u.Dimension == catalogue.DimNone {
			// 4.5万余人, 100多亿元: a multiplier, 余 or 多, then the unit
			if m := skipMore(rs, k, hi); m > k {
				if base, k2, ok := catalogue.MatchUnit(rs[:hi], m); ok && base.Size == 1 {
					f.unit = catalogue.Unit{Text: u.Text + base.Text, Dimension: base.Dimension, Size: u.Size}
					f.suffix, j = model.AtLeast, k2
				}
			}
		}
	}
	// A range: a separator and a second number, in the same unit.
	if j < hi && isRangeSep(rs[j]) {
		if m, ok2 := parseArabic(rs[:hi], j+1); ok2 {
			u2, k2, has2 := catalogue.MatchUnit(rs[:hi], m.end)
			if (has2 && (!hasUnit || u2 == u)) || (!has2 && hasUnit) {
				if !hasUnit && has2 {
					f.unit, f.hasUnit = u2, true
				}
				f.high, f.isRange = m.value, true
				j = m.end
				if has2 {
					j = k2
				}
			}
		}
	}
	for _, q := range figureSuffixes {
		if j < hi {
			if n := q.words.At(rs[:hi], j); n > 0 {
				f.suffix = q.qualifier
				j += n
				break
			}
		}
	}
	f.end = j
	return f, true
}

func skipMore(rs []rune, i, hi int) int {
	if i < hi && (rs[i] == '余' || rs[i] == '多') {
		return i + 1
	}
	return i
}

// hasWord reports whether word is written at rs[i:].
func hasWord(rs []rune, i int, word string) bool {
	for _, r := range word {
		if i >= len(rs) || rs[i] != r {
			return false
		}
		i++
	}
	return true
}

// hasRunes reports whether word is at rs[i:].
func hasRunes(rs []rune, i int, word []rune) bool {
	return i+len(word) <= len(rs) && slices.Equal(rs[i:i+len(word)], word)
}

// hasWordBefore reports whether word ends at rs[:i].
func hasWordBefore(rs []rune, i int, word string) bool {
	n := len([]rune(word))
	return i >= n && hasWord(rs, i-n, word)
}

// rankFigure is a position in a ranking: 居全省第4位, 稳居全国第二.
type rankFigure struct {
	value      float64
	scope      string // 全省, 全市, 全国, 全区, 全县
	start, end int
	moved      bool // 从第10位升至第7位: the value is the rank reached
}

// Words of ranks: the scope words (全省, 全市 …), the words between a
// scope and 第 (全省排名第3), and those that lead from one rank to another
// (从全国第10位升至第7位).
var (
	rankScopeWords = lexicon.NewList("scope")
	rankLeadWords  = lexicon.NewList("rank_lead")
	moveWords      = lexicon.NewList("rank_move")
)

// scanRank reads a rank starting with its scope word at rs[i:]: 居全省第4位,
// 稳居全国第二, 居全区首位, 居全市6个县（市）第1位, 从全国第10位升至第7位.
func scanRank(rs []rune, i, hi int) (r rankFigure, ok bool) {
	rs = rs[:hi]
	n, w := rankScopeWords.Match(rs, i)
	if n == 0 {
		return r, false
	}
	scope := rankScopeWords.String(w)
	j := i + n
	j += rankLeadWords.At(rs, j)
	j = skipRankedCount(rs, j)
	if hasWord(rs, j, "首位") {
		return rankFigure{value: 1, scope: scope, start: i, end: j + 2}, true
	}
	if j >= len(rs) || rs[j] != '第' {
		return r, false
	}
	num, end, ok := readOrdinal(rs, j+1)
	switch {
	case !ok:
		return r, false
	case end < len(rs) && text.IsHan(rs[end]) && moveWords.At(rs, end) == 0:
		return r, false // 第一方阵, 第二批, 第一个: not a position
	}
	// 从全国第10位升至第7位: the rank reached, in the same scope.
	if m := moveWords.At(rs, end); m > 0 && end+m < len(rs) && rs[end+m] == '第' {
		if num2, end2, ok := readOrdinal(rs, end+m+1); ok {
			return rankFigure{value: num2, scope: scope, start: i, end: end2, moved: true}, true
		}
	}
	return rankFigure{value: num, scope: scope, start: i, end: end}, true
}

// readOrdinal reads the number of a position at rs[i:] (4, 四, 十二) and
// the 位 or 名 after it, and returns it with the index after them.
func readOrdinal(rs []rune, i int) (float64, int, bool) {
	n, ok := parseArabic(rs, i)
	if !ok {
		n, ok = parseChinese(rs, i)
	}
	if !ok || n.value < 1 || n.value != float64(int(n.value)) {
		return 0, i, false
	}
	end := n.end
	if end < len(rs) && (rs[end] == '位' || rs[end] == '名') {
		end++
	}
	return n.value, end, true
}

// skipRankedCount skips the count of what is ranked between a rank's scope
// and its 第 (全市6个县（市）第1位, 全省16个地级市中第3位) and returns the
// index of 第, or j when there is none.
func skipRankedCount(rs []rune, j int) int {
	k := j
	for k < len(rs) && (isDigit(rs[k]) || text.IsChineseDigit(rs[k])) {
		k++
	}
	if k == j || k >= len(rs) || rs[k] != '个' {
		return j
	}
	for m := k + 1; m < len(rs) && m <= k+10; m++ {
		switch rs[m] {
		case '第':
			return m
		case ',', '。', ';', ':', '、':
			return j
		}
	}
	return j
}

// isMinus reports whether r writes a minus sign.
func isMinus(r rune) bool { return r == '-' || r == '−' }

// Words of a growth of zero: 与上年持平, 同比持平, and 基本持平, about zero.
var (
	flatWords     = lexicon.NewList("flat")
	flatBaseWords = lexicon.NewList("flat_base")
)

// scanFlat reads a growth of zero at rs[i:], a word of the lexicon's role
// flat (持平), when the clause before it, from start, compares with the
// year before (与上年, 同比): 与上年度持平. 基本持平 is about zero.
func scanFlat(rs []rune, start, i, hi int) (f figure, ok bool) {
	n := flatWords.At(rs[:hi], i)
	if n == 0 || !flatBaseWords.In(rs[start:i]) {
		return f, false
	}
	f = figure{unit: catalogue.Unit{Text: "%", Dimension: catalogue.DimPercent, Size: 1}, hasUnit: true, start: i, end: i + n}
	if hasWordBefore(rs, i, "基本") || hasWordBefore(rs, i, "总体") {
		f.suffix = model.About
	}
	return f, true
}
