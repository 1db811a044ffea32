package extract

import (
	"slices"
	"zhibiao/extract/lexicon"
)

// figure is a number with its unit and qualifiers as written in a clause:
// 增长6%—6.5%, 突破5000万人次, 90亿斤以上.
type figure struct {
	value, high float64
	isRange     bool
	unit        unit
	hasUnit     bool
	suffix      string // 左右, 以上, 以内, 以下 …
	start, end  int    // rune span, qualifiers included
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
var figureSuffixes = []string{"左右", "上下", "以上", "以内", "以下", "之内"}

// figureSuffixRunes are figureSuffixes as runes, in the same order.
var figureSuffixRunes = lexicon.RunesOf(figureSuffixes)

// scanFigure reads a figure at rs[i:] within [i, hi). Chinese numerals count
// only when a unit follows, so that 一般 or 一年来 are not numbers.
func scanFigure(rs []rune, i, hi int) (f figure, ok bool) {
	n, ok := parseArabic(rs[:hi], i)
	if !ok {
		n, ok = parseChinese(rs[:hi], i)
		if !ok {
			return f, false
		}
		if _, _, hasUnit := matchUnit(rs[:hi], skipMore(rs, n.end, hi)); !hasUnit {
			return f, false
		}
	}
	f = figure{value: n.value, high: n.value, start: i}
	j := skipMore(rs, n.end, hi)
	if j > n.end {
		f.suffix = "以上" // 5000余, 100多
	}
	u, k, hasUnit := matchUnit(rs[:hi], j)
	if hasUnit {
		f.unit, f.hasUnit, j = u, true, k
	}
	// A range: a separator and a second number, in the same unit.
	if j < hi && isRangeSep(rs[j]) {
		if m, ok2 := parseArabic(rs[:hi], j+1); ok2 {
			u2, k2, has2 := matchUnit(rs[:hi], m.end)
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
	for k, q := range figureSuffixRunes {
		if hasRunes(rs[:hi], j, q) {
			f.suffix = figureSuffixes[k]
			j += len(q)
			break
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

// moveWords lead from one rank to another: 从全国第10位升至第7位.
var moveWords = []string{"升至", "提升至", "跃升至", "上升至", "提升到", "上升到", "前移至", "进至", "跃居"}

func isMoveWord(rs []rune) bool {
	for _, w := range moveWords {
		if hasWord(rs, 0, w) {
			return true
		}
	}
	return false
}

// rankScopes are the scope words of a rank, and rankScopeRunes the same
// as runes.
var (
	rankScopes     = []string{"全省", "全市", "全国", "全区", "全县"}
	rankScopeRunes = lexicon.RunesOf(rankScopes)
)

// scanRank reads a rank starting with its scope word at rs[i:].
func scanRank(rs []rune, i, hi int) (r rankFigure, ok bool) {
	for k, scopeRunes := range rankScopeRunes {
		if !hasRunes(rs[:hi], i, scopeRunes) {
			continue
		}
		scope := rankScopes[k]
		j := i + 2
		for _, w := range []string{"排名", "排", "同类城市"} {
			if hasWord(rs[:hi], j, w) {
				j += len([]rune(w))
				break
			}
		}
		if j >= hi || rs[j] != '第' {
			return r, false
		}
		n, ok := parseArabic(rs[:hi], j+1)
		if !ok {
			n, ok = parseChinese(rs[:hi], j+1)
		}
		if !ok || n.value < 1 || n.value != float64(int(n.value)) {
			return r, false
		}
		end := n.end
		if end < hi && (rs[end] == '位' || rs[end] == '名') {
			end++
		} else if end < hi && isHan(rs[end]) && !isMoveWord(rs[end:hi]) {
			return r, false // 第一方阵, 第二批, 第一个: not a position
		}
		// 从全国第10位升至第7位: the rank reached, in the same scope.
		for _, w := range moveWords {
			if hasWord(rs[:hi], end, w) && end+len([]rune(w)) < hi && rs[end+len([]rune(w))] == '第' {
				k := end + len([]rune(w)) + 1
				m, ok := parseArabic(rs[:hi], k)
				if !ok {
					m, ok = parseChinese(rs[:hi], k)
				}
				if ok && m.value >= 1 {
					end = m.end
					if end < hi && (rs[end] == '位' || rs[end] == '名') {
						end++
					}
					return rankFigure{value: m.value, scope: scope, start: i, end: end, moved: true}, true
				}
			}
		}
		return rankFigure{value: n.value, scope: scope, start: i, end: end}, true
	}
	return r, false
}
