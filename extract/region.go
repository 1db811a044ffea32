package extract

import (
	"slices"
	"sync"
)

// nameIndex finds division names in running text: every full name and
// every short name of two runes or more, keyed by their first two runes.
type nameIndex struct {
	byPrefix map[[2]rune][]nameEntry
	prefixes pairFilter // the keys of byPrefix
}

type nameEntry struct {
	text  []rune
	div   int  // index into divisions().all
	short bool // a short name (新乡 for 新乡市)
}

var divisionNames = sync.OnceValue(func() *nameIndex {
	ix := &nameIndex{byPrefix: map[[2]rune][]nameEntry{}}
	for i, d := range divisions().all {
		add := func(name string, short bool) {
			rs := []rune(name)
			if len(rs) < 2 {
				return
			}
			k := [2]rune{rs[0], rs[1]}
			ix.prefixes.add(rs[0], rs[1])
			ix.byPrefix[k] = append(ix.byPrefix[k], nameEntry{text: rs, div: i, short: short})
		}
		add(d.Name, false)
		if s := ShortName(d.Name); s != d.Name {
			add(s, true)
		}
	}
	for k := range ix.byPrefix {
		slices.SortStableFunc(ix.byPrefix[k], func(a, b nameEntry) int { return len(b.text) - len(a.text) })
	}
	return ix
})

// nameHit is a division name found at a position.
type nameHit struct {
	nameEntry
	start, end int
}

// find calls fn for the longest division name at each position of rs. A
// short name overlapping a full name that starts inside it gives way to
// that full name: in 关于洪泽区 the name is 洪泽区, not 于洪 (于洪区).
func (ix *nameIndex) find(rs []rune, fn func(nameHit)) {
	for i := 0; i+1 < len(rs); i++ {
		if !ix.prefixes.mayHave(rs[i], rs[i+1]) {
			continue // no name starts here, as at nearly every rune
		}
		e, ok := ix.longestAt(rs, i)
		if !ok {
			continue
		}
		if e.short {
			if j := ix.fullNameWithin(rs, i+1, i+len(e.text)); j >= 0 {
				i = j - 1
				continue
			}
		}
		fn(nameHit{nameEntry: e, start: i, end: i + len(e.text)})
		i += len(e.text) - 1
	}
}

// longestAt returns the longest division name at rs[i:].
func (ix *nameIndex) longestAt(rs []rune, i int) (nameEntry, bool) {
	if i+1 >= len(rs) || !ix.prefixes.mayHave(rs[i], rs[i+1]) {
		return nameEntry{}, false
	}
	for _, e := range ix.byPrefix[[2]rune{rs[i], rs[i+1]}] {
		if i+len(e.text) <= len(rs) && slices.Equal(rs[i:i+len(e.text)], e.text) {
			return e, true
		}
	}
	return nameEntry{}, false
}

// fullNameWithin returns the first position in [from, to) where a full
// division name starts, or -1.
func (ix *nameIndex) fullNameWithin(rs []rune, from, to int) int {
	for j := from; j < to; j++ {
		if e, ok := ix.longestAt(rs, j); ok && !e.short {
			return j
		}
	}
	return -1
}

// nationWords are found only in the head of the nation's report.
var nationWords = newWordList("全国人民代表大会", "国务院总理", "国务院副总理")

// detectRegion tells which region a report speaks for: from the title and
// the lines naming the congress or the government (strong), else from the
// place names the text keeps using (a guess, with a warning).
func detectRegion(t *Text) (Region, *Warning) {
	head := headRunes(t, 40)
	if nationWords.in(head) {
		return Region{Name: "全国", Level: Nation}, nil
	}
	all := divisions().all
	strong := map[int]int{}
	divisionNames().find(head, func(h nameHit) {
		if h.short {
			return
		}
		after, before := head[h.end:], head[:h.start]
		score := 0
		if _, end := readYear(after, 0); end > 0 {
			after = after[end:] // 新乡市2025年政府工作报告
		}
		switch {
		case hasWord(after, 0, "政府工作报告"), hasWord(after, 0, "人民政府工作报告"),
			hasWord(after, 0, "人民政府") && isOfficial(after[4:]):
			// 新乡市人民政府市长; not 新乡市人民政府门户网站, a site's name
			score = 10
		case len(after) > 0 && after[0] == '第' && containsWord(after[:min(len(after), 12)], "人民代表大会"):
			score = 10
		case hasWordBefore(before, len(before), "关于"):
			score = 8
		}
		if score > 0 {
			strong[h.div] += score
		}
	})
	// How often the text names each division: counted only when needed,
	// as it reads the whole text.
	var counted map[int]int
	mentions := func() map[int]int {
		if counted == nil {
			counted = map[int]int{}
			for _, p := range t.Paragraphs {
				divisionNames().find(p.Runes, func(h nameHit) { counted[h.div]++ })
			}
		}
		return counted
	}
	if len(strong) > 0 {
		best := -1
		for _, d := range sortedKeys(strong) {
			s := strong[d]
			if best < 0 || s > strong[best] || (s == strong[best] && betterMentioned(d, best, mentions())) {
				best = d
			}
		}
		return regionOf(resolveSameName(best, mentions)), nil
	}
	counts := mentions()
	// No title line: the province or prefecture the text names most (a
	// city's report names its province too, but less often than itself).
	best := -1
	for _, d := range sortedKeys(counts) {
		n := counts[d]
		if all[d].Level == County {
			continue
		}
		if best < 0 || n > counts[best] || (n == counts[best] && d < best) {
			best = d
		}
	}
	if best < 0 || counts[best] < 3 {
		w := Warnf(0, "cannot tell the region from the text; set it with --region")
		return Region{}, &w
	}
	r := regionOf(best)
	w := Warnf(0, "region %s guessed from place names mentioned %d times; set it with --region if wrong", r.Name, counts[best])
	return r, &w
}

func betterMentioned(a, b int, mentions map[int]int) bool {
	return mentions[a] > mentions[b] || (mentions[a] == mentions[b] && a < b)
}

// resolveSameName picks, among divisions sharing d's name (鼓楼区), the one
// whose parent the text mentions most.
func resolveSameName(d int, mentions func() map[int]int) int {
	all := divisions().all
	same := divisions().byName[all[d].Name]
	if len(same) < 2 {
		return d
	}
	counts := mentions()
	best, bestN := d, -1
	for _, j := range same {
		n := 0
		if pi, ok := divisions().byCode[all[j].ParentCode]; ok {
			n = counts[pi]
		}
		if n > bestN {
			best, bestN = j, n
		}
	}
	return best
}

// regionOf makes the model's region of a division.
func regionOf(i int) Region {
	d := divisions().all[i]
	r := Region{Name: d.Name, Level: d.Level, Code: d.Code}
	if p, ok := ParentOf(d); ok {
		r.Parent = p.Name
	}
	return r
}

// RegionByName returns the region of a division's full name (for
// --region), or false when the name is not in the GB/T 2260 table.
func RegionByName(name string) (Region, bool) {
	if name == "全国" || name == "中国" || name == "中华人民共和国" {
		return Region{Name: "全国", Level: Nation}, true
	}
	ds := LookupDivision(name)
	if len(ds) == 0 {
		return Region{}, false
	}
	i := divisions().byCode[ds[0].Code]
	return regionOf(i), true
}

// headRunes joins the first n paragraphs without separators, so that a
// title broken over lines (政府工作报\n告) reads whole. Normalise writes the
// paragraphs one after another, so that they are joined already.
func headRunes(t *Text, n int) []rune {
	size := 0
	for _, p := range t.Paragraphs[:min(n, len(t.Paragraphs))] {
		size += len(p.Runes)
	}
	return t.runes[:size:size]
}

// detectYear tells the year a report was delivered: from the date line of
// the congress (2025年2月9日在…人民代表大会), the title (2025年…政府工作报告,
// …执行情况与2024年…计划), else from its section headings (2024年工作回顾 →
// 2025). ok is false when only a guess could be made.
func detectYear(t *Text) (year int, sure bool) {
	head := headRunes(t, 40)
	for i := 0; i < len(head); i++ {
		if !isDigit(head[i]) {
			continue
		}
		y, end := readYear(head, i)
		if y == 0 {
			continue
		}
		rest := head[end:min(len(head), end+40)]
		switch {
		case isDate(head, end) && containsAny(rest, "人民代表大会", "人大"):
			if month(head, end) >= 11 {
				return y + 1, true // delivered in December for the year to come
			}
			return y, true
		case hasWord(rest, 0, "政府工作报告") || (indexWord(rest, "政府工作报告") > 0 && indexWord(rest, "政府工作报告") <= 12 && !containsAny(rest[:indexWord(rest, "政府工作报告")], "年", ",", "。")):
			return y, true
		case hasWordBefore(head, i, "与") && containsWord(head[max(0, i-30):i], "执行情况"):
			return y, true
		}
	}
	votes := map[int]int{}
	for i := range t.Paragraphs {
		p := &t.Paragraphs[i]
		if !isHeading(p) {
			continue
		}
		review := reviewWords.in(p.Runes)
		plan := planWords.in(p.Runes)
		for k := 0; k < len(p.Runes); k++ {
			y, end := readYear(p.Runes, k)
			if y == 0 {
				continue
			}
			k = end - 1
			switch {
			case review && !plan:
				votes[y+1]++
			case plan && !review:
				votes[y]++
			}
		}
	}
	best := 0
	for _, y := range sortedKeys(votes) {
		n := votes[y]
		if best == 0 || n > votes[best] || (n == votes[best] && y > best) {
			best = y
		}
	}
	if best != 0 {
		return best, true
	}
	// Last resort: the latest year the text mentions often.
	counts := map[int]int{}
	for _, p := range t.Paragraphs {
		for k := 0; k < len(p.Runes); k++ {
			if y, end := readYear(p.Runes, k); y > 0 {
				counts[y]++
				k = end - 1
			}
		}
	}
	for _, y := range sortedKeys(counts) {
		n := counts[y]
		if n >= 3 && y > best {
			best = y
		}
	}
	return best, false
}

// month reads the month after a year ending at rs[end] (2018年12月 → 12).
func month(rs []rune, end int) int {
	m := 0
	for j := end; j < len(rs) && rs[j] >= '0' && rs[j] <= '9'; j++ {
		m = m*10 + int(rs[j]-'0')
	}
	return m
}

// isDate reports whether a year ending at rs[end] is followed by a month
// and day (2025年2月9日).
func isDate(rs []rune, end int) bool {
	j := end
	for j < len(rs) && rs[j] >= '0' && rs[j] <= '9' {
		j++
	}
	return j > end && j < len(rs) && rs[j] == '月'
}

// sortedKeys returns a map's keys in increasing order, so that choices
// among them never depend on map order.
func sortedKeys(m map[int]int) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// isOfficial reports whether rs starts with the title of a government's
// head (市长, 代省长, 主席 …), as in the line that signs a report.
func isOfficial(rs []rune) bool {
	if len(rs) > 0 && rs[0] == '代' {
		rs = rs[1:]
	}
	for _, w := range []string{"省长", "市长", "区长", "县长", "州长", "盟长", "旗长", "主席", "总理"} {
		if hasWord(rs, 0, w) {
			return true
		}
	}
	return false
}
