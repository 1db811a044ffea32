package extract

import (
	"cmp"
	"slices"
	"strings"
	"sync"

	"zhibiao/extract/divisions"
	"zhibiao/extract/lexicon"
	"zhibiao/extract/model"
	"zhibiao/extract/text"
)

// selfWords are the words of the lexicon's roles scope, self, opening and
// neutral, with the kinds of region each speaks of, and a list to find
// them.
var selfWords = sync.OnceValues(func() (map[string]map[string][]divisions.Kind, *lexicon.List) {
	lx := lexicon.Default()
	words := map[string]map[string][]divisions.Kind{}
	var all []string
	for _, role := range []string{"scope", "self", "opening", "neutral"} {
		for word, kinds := range lx.Args(role) {
			if words[word] == nil {
				words[word] = map[string][]divisions.Kind{}
				all = append(all, word)
			}
			for _, k := range kinds {
				if k != "" {
					words[word][role] = append(words[word][role], divisions.Kind(k))
				}
			}
		}
	}
	slices.Sort(all)
	return words, lexicon.NewListOf(all...)
})

// kindEvidence is what a text's words say of the kind of its region: the
// words by which it speaks of a region's government or of "our region"
// (self), the formula by which it is presented (opening), each with its
// count, and the counts of every such word and of the scope words.
type kindEvidence struct {
	self, opening map[divisions.Kind]int
	selfWords     map[divisions.Kind]map[string]int
	counts        map[string]int
}

// readKinds counts the words by which the text speaks of regions and
// their governments. A word that starts a division's longer full name is
// that name, not the word (全州县 is a county). A congress named with its
// session (市十四届人大, 县第十八届人民代表大会) speaks of the kind before it.
func readKinds(t *text.Text) kindEvidence {
	words, list := selfWords()
	ev := kindEvidence{self: map[divisions.Kind]int{}, opening: map[divisions.Kind]int{},
		selfWords: map[divisions.Kind]map[string]int{}, counts: map[string]int{}}
	addSelf := func(k divisions.Kind, word string, n int) {
		ev.self[k] += n
		if ev.selfWords[k] == nil {
			ev.selfWords[k] = map[string]int{}
		}
		ev.selfWords[k][word] += n
	}
	counts := make([]int, list.Len()) // by the word's number in the list
	for _, p := range t.Paragraphs {
		rs := p.Runes
		for i := 0; i < len(rs); i++ {
			if rs[i] == '届' {
				if k, word := congressKind(rs, i); k != "" {
					addSelf(k, word, 1)
				}
				continue
			}
			n, w := list.Match(rs, i)
			if n == 0 {
				continue
			}
			if m := divisions.FullNameAt(rs, i); m > n {
				i += m - 1
				continue
			}
			counts[w]++
			i += n - 1
		}
	}
	for w, c := range counts {
		if c == 0 {
			continue
		}
		word := list.String(w)
		ev.counts[word] = c
		for _, k := range words[word]["self"] {
			addSelf(k, word, c)
		}
		for _, k := range words[word]["opening"] {
			ev.opening[k] += c
		}
	}
	return ev
}

// congressKind reads the kind of a congress named at the 届 of rs[i]:
// 市十四届人大, 县第十八届人民代表大会, 十四届全国人大. It returns "" for none.
func congressKind(rs []rune, i int) (divisions.Kind, string) {
	after := rs[i+1:]
	switch {
	case hasWord(after, 0, "全国人大"), hasWord(after, 0, "全国人民代表大会"):
		return divisions.NationKind, "全国人大"
	case !hasWord(after, 0, "人大") && !hasWord(after, 0, "人民代表大会"):
		return "", ""
	}
	j := i
	for j > 0 && (text.IsChineseDigit(rs[j-1]) || isDigit(rs[j-1])) {
		j--
	}
	if j > 0 && rs[j-1] == '第' {
		j--
	}
	if j == i || j == 0 {
		return "", ""
	}
	for _, s := range []struct {
		word string
		kind divisions.Kind
	}{{"全国", divisions.NationKind}, {"自治区", divisions.RegionKind}, {"地区", divisions.AreaKind}} {
		if hasWordBefore(rs, j, s.word) {
			return s.kind, s.word + "人大"
		}
	}
	k := divisions.KindOf(string(rs[j-1]))
	if k == "" {
		return "", ""
	}
	return k, string(rs[j-1]) + "人大"
}

// kinds returns the kinds a text's words say its region may be of: the
// kind of its opening formula when it has one; else the deepest kind of
// which it speaks as of a government — by words of that kind alone, not
// shared with another (全区, 我区 are a district's and an autonomous
// region's), and at least a quarter as often as of the kind it speaks of
// most. It returns several kinds of one depth when nothing tells them
// apart (县 and 区), and none when the text never speaks so.
func (ev kindEvidence) kinds() []divisions.Kind {
	var opened []divisions.Kind
	for _, k := range divisions.Kinds() {
		if ev.opening[k] > 0 {
			opened = append(opened, k)
		}
	}
	if len(opened) == 1 {
		return opened
	}
	most := 0
	for _, n := range ev.self {
		most = max(most, n)
	}
	var cands []divisions.Kind
	for _, k := range divisions.Kinds() {
		if ev.self[k] > 0 && 4*ev.self[k] >= most && ev.distinctSelf(k) > 0 {
			cands = append(cands, k)
		}
	}
	if len(cands) == 0 {
		return nil
	}
	deepest := 0
	for _, k := range cands {
		deepest = max(deepest, k.Depth())
	}
	var out []divisions.Kind
	for _, k := range cands {
		if k.Depth() == deepest {
			out = append(out, k)
		}
	}
	return out
}

// distinctSelf counts the self words of kind k that speak of no other
// kind.
func (ev kindEvidence) distinctSelf(k divisions.Kind) int {
	words, _ := selfWords()
	n := 0
	for word, c := range ev.selfWords[k] {
		if len(words[word]["self"]) <= 1 {
			n += c
		}
	}
	return n
}

// words returns the evidence of kind k: its opening formulas and its
// most frequent self words, at most n.
func (ev kindEvidence) words(k divisions.Kind, n int) []model.Count {
	words, _ := selfWords()
	var out, self []model.Count
	for word, c := range ev.counts {
		if slices.Contains(words[word]["opening"], k) {
			out = append(out, model.Count{Word: word, Count: c})
		}
	}
	for word, c := range ev.selfWords[k] {
		self = append(self, model.Count{Word: word, Count: c})
	}
	byCount := func(a, b model.Count) int { return cmp.Or(b.Count-a.Count, strings.Compare(a.Word, b.Word)) }
	slices.SortFunc(out, byCount)
	slices.SortFunc(self, byCount)
	out = append(out, self...)
	return out[:min(n, len(out))]
}

// mentions counts how often a text names each division (by its index in
// divisions.All), in any of its forms, the form it uses most, and how
// often a name stands where a report names itself (美丽新乡, 新乡人民).
type mentions struct {
	count    map[int]int
	anchored map[int]int
	form     map[int]map[string]int // the names used, and how often
}

// Words before and after a name that make it the report's own.
var (
	ownBefore = lexicon.NewList("own_before")
	ownAfter  = lexicon.NewList("own_after")
)

// countMentions counts the names of divisions in a text. A short name
// that is also an everyday word (合作, 资源, 恩施) counts only when the
// text also names the division in another form (恩施州, 美丽恩施) or names a
// region it lies in, as a text that speaks of the place does.
func countMentions(t *text.Text) mentions {
	m := mentions{count: map[int]int{}, anchored: map[int]int{}, form: map[int]map[string]int{}}
	everyday := map[int]int{}
	named := map[int]bool{} // named in a form that is no everyday word
	// The names used, counted by division and form, their text taken once.
	type use struct{ div, form int }
	uses := map[use]int{}
	text := map[use][]rune{}
	add := func(u use, name []rune) {
		m.count[u.div]++
		uses[u]++
		if text[u] == nil {
			text[u] = name
		}
	}
	usual := usualNames()
	for _, p := range t.Paragraphs {
		rs := p.Runes
		divisions.Find(rs, func(h divisions.Hit) {
			if ownBefore.Before(rs, h.Start) > 0 || h.End < len(rs) && ownAfter.At(rs, h.End) > 0 {
				m.anchored[h.Div]++
				named[h.Div] = true
			}
			if h.Everyday {
				everyday[h.Div]++
				if text[use{h.Div, h.Form}] == nil {
					text[use{h.Div, h.Form}] = rs[h.Start:h.End]
				}
				return
			}
			add(use{h.Div, h.Form}, rs[h.Start:h.End])
		})
		for i := 0; i < len(rs); i++ {
			if n, w := usual.list.Match(rs, i); n > 0 {
				for _, d := range usual.divs[usual.list.String(w)] {
					add(use{d, -1 - w}, rs[i:i+n])
				}
				i += n - 1
			}
		}
	}
	for div := range m.count {
		named[div] = true
	}
	for div, n := range everyday {
		if named[div] || m.ancestorsNamed(div) > 0 {
			m.count[div] += n
			uses[use{div, divisions.ShortForm}] += n
		}
	}
	for u, n := range uses {
		if m.form[u.div] == nil {
			m.form[u.div] = map[string]int{}
		}
		m.form[u.div][string(text[u])] += n
	}
	return m
}

// ancestorsNamed counts the mentions of the regions a division lies in.
func (m mentions) ancestorsNamed(div int) int {
	n := 0
	for _, a := range ancestors(model.RegionOf(div)) {
		if i, ok := divisions.Index(a.Code); ok {
			n += m.count[i]
		}
	}
	return n
}

// usualNames are the short names of the lexicon's role name (锡盟 for
// 锡林郭勒盟), with the divisions they stand for.
var usualNames = sync.OnceValue(func() (u struct {
	list *lexicon.List
	divs map[string][]int
}) {
	u.divs = map[string][]int{}
	var words []string
	for word, full := range lexicon.Default().Args("name") {
		for _, f := range full {
			for _, d := range divisions.Lookup(f) {
				if i, ok := divisions.Index(d.Code); ok {
					u.divs[word] = append(u.divs[word], i)
				}
			}
		}
		words = append(words, word)
	}
	if len(words) == 0 {
		words = []string{"\x00"} // a list must have a word; this one never matches text
	}
	u.list = lexicon.NewListOf(words...)
	return u
})

// top is the name by which a text names a division most.
func (m mentions) top(div int) model.Count {
	best := model.Count{}
	for name, n := range m.form[div] {
		if n > best.Count || n == best.Count && name < best.Word {
			best = model.Count{Word: name, Count: n}
		}
	}
	return best
}

// regionDecision is what the text tells of its region: the region, or the
// candidates it could not choose between.
type regionDecision struct {
	region     model.Region
	evidence   model.Evidence
	candidates []string // when no region: the candidates, each with its evidence
}

// detectRegion tells which region a report speaks for: from the title and
// the lines naming the congress or the government, else from how the text
// speaks of itself — the kind of region first (全市, 我市, 市委 …; the
// formula 我代表市人民政府), then the name, among divisions of that kind,
// that the text uses most. When the evidence does not single out one
// region, there is none, and the decision names the candidates.
func detectRegion(t *text.Text) regionDecision {
	if d, ok := regionOfTitle(t); ok {
		return d // the title settles it: the rest of the text need not be read
	}
	kinds := readKinds(t)
	considered := kinds.kinds()
	if len(considered) == 0 {
		return regionOfNames(t)
	}
	if len(considered) == 1 && considered[0] == divisions.NationKind {
		return regionDecision{region: model.Region{Name: "全国", Level: model.Nation},
			evidence: model.Evidence{By: model.ByText, Words: kinds.words(divisions.NationKind, 3)}}
	}
	m := countMentions(t)
	var cands []int
	for d := range m.count {
		if slices.Contains(considered, divisions.KindOf(divisions.Get(d).Name)) {
			cands = append(cands, d)
		}
	}
	groups := groupByName(cands, m)
	describe := func(g []int) string {
		d := divisions.Get(g[0])
		k := divisions.KindOf(d.Name)
		return model.RegionOf(g[0]).Label() + "（" + joinCounts(append(kinds.words(k, 2), m.top(g[0]))) + "）"
	}
	if len(groups) == 0 {
		return regionDecision{candidates: nil}
	}
	g1 := groups[0]
	n1 := m.count[g1[0]]
	if len(groups) > 1 && n1 < 2*m.count[groups[1][0]] && !outweighs(g1, groups[1], m) {
		return regionDecision{candidates: []string{describe(g1), describe(groups[1])}}
	}
	if n1 < 2 {
		return regionDecision{candidates: []string{describe(g1)}}
	}
	div, ok := settleSameName(g1, m, kinds)
	if !ok {
		var out []string
		for _, d := range g1 {
			out = append(out, describe([]int{d}))
		}
		return regionDecision{candidates: out}
	}
	k := divisions.KindOf(divisions.Get(div).Name)
	ev := model.Evidence{By: model.ByText, Words: append(kinds.words(k, 3), m.top(div))}
	if len(groups) > 1 {
		g := groups[1]
		ev.RunnerUp = &model.Count{Word: divisions.Get(g[0]).Name, Count: m.count[g[0]]}
	}
	return regionDecision{region: model.RegionOf(div), evidence: ev}
}

// outweighs reports whether the names of group a, named as often as
// those of group b or more but not twice as often, still outweigh them:
// the text names a as its own (美丽新乡, 新乡人民) at least twice, and
// twice as often as b; or it names the regions a lies in and none that b
// lies in.
func outweighs(a, b []int, m mentions) bool {
	an, bn := m.anchored[a[0]], m.anchored[b[0]]
	if an >= 2 && an >= 2*bn {
		return true
	}
	return m.ancestorsNamed(a[0]) > 0 && m.ancestorsNamed(b[0]) == 0
}

// joinCounts says counts in a line: 全市 83、吉林 40.
func joinCounts(cs []model.Count) string {
	parts := make([]string, 0, len(cs))
	for _, c := range cs {
		if c.Count > 0 {
			parts = append(parts, c.String())
		}
	}
	return strings.Join(parts, "、")
}

// groupByName groups candidate divisions that the text names alike — the
// same short name (鼓楼区 of four cities; 吉林 for 吉林省 and 吉林市) — and
// orders the groups by how often the text names them, most first.
func groupByName(cands []int, m mentions) [][]int {
	byName := map[string][]int{}
	var names []string
	for _, d := range cands {
		name := divisions.ShortName(divisions.Get(d).Name)
		if byName[name] == nil {
			names = append(names, name)
		}
		byName[name] = append(byName[name], d)
	}
	slices.Sort(names)
	groups := make([][]int, 0, len(names))
	for _, n := range names {
		g := byName[n]
		slices.Sort(g)
		groups = append(groups, g)
	}
	slices.SortStableFunc(groups, func(a, b []int) int { return m.count[b[0]] - m.count[a[0]] })
	return groups
}

// settleSameName chooses among divisions the text names alike: by their
// kind when the words of one kind are at least twice those of the others
// (吉林市 over 吉林省 in a text of 全市), else among divisions of one kind
// by the parent the text names most (鼓楼区 of 福州市 when the text names
// 福州). ok is false when nothing tells them apart.
func settleSameName(g []int, m mentions, kinds kindEvidence) (int, bool) {
	if len(g) == 1 {
		return g[0], true
	}
	kindOf := func(d int) divisions.Kind { return divisions.KindOf(divisions.Get(d).Name) }
	// By kind: the one of the kind the text speaks of at least twice as
	// often as of the others'.
	best := slices.Clone(g)
	slices.SortStableFunc(best, func(a, b int) int { return kinds.self[kindOf(b)] - kinds.self[kindOf(a)] })
	if kindOf(best[0]) != kindOf(best[1]) {
		if kinds.self[kindOf(best[0])] < 2*kinds.self[kindOf(best[1])] {
			return 0, false
		}
		return best[0], true
	}
	// By parent, among divisions of one kind: the one whose parent the
	// text names, and more than the others' parents.
	for i, d := range best {
		if kindOf(d) != kindOf(best[0]) {
			best = best[:i]
			break
		}
	}
	parentCount := func(d int) int {
		if p, ok := divisions.Index(divisions.Get(d).ParentCode); ok {
			return m.count[p]
		}
		return 0
	}
	slices.SortStableFunc(best, func(a, b int) int { return parentCount(b) - parentCount(a) })
	if parentCount(best[0]) == 0 || parentCount(best[0]) == parentCount(best[1]) {
		return 0, false
	}
	return best[0], true
}

// regionOfNames tells a region from the names a text uses, when nothing
// in it says what kind of region speaks: the division named most, if it
// is named at least three times and three times as often as any other.
// The evidence says it is a low-confidence reading.
func regionOfNames(t *text.Text) regionDecision {
	m := countMentions(t)
	cands := make([]int, 0, len(m.count))
	for d := range m.count {
		cands = append(cands, d)
	}
	groups := groupByName(cands, m)
	if len(groups) == 0 {
		return regionDecision{}
	}
	g1 := groups[0]
	n1 := m.count[g1[0]]
	describe := func(g []int) string {
		return divisions.Get(g[0]).Name + "（" + m.top(g[0]).String() + "）"
	}
	if len(groups) > 1 && n1 < 3*m.count[groups[1][0]] || n1 < 3 {
		out := []string{describe(g1)}
		if len(groups) > 1 {
			out = append(out, describe(groups[1]))
		}
		return regionDecision{candidates: out}
	}
	div, ok := settleSameName(g1, m, kindEvidence{})
	if !ok {
		return regionDecision{candidates: []string{describe(g1)}}
	}
	ev := model.Evidence{By: model.ByNames, Words: []model.Count{m.top(div)}}
	if len(groups) > 1 {
		ev.RunnerUp = &model.Count{Word: divisions.Get(groups[1][0]).Name, Count: m.count[groups[1][0]]}
	}
	return regionDecision{region: model.RegionOf(div), evidence: ev}
}

// nationWords are found only in the head of the nation's report.
var nationWords = lexicon.NewList("nation_head")

// headSize is the most of a text's head that its title and the lines
// under it may take: a report that is one long line has no more head
// than another.
const headSize = 1500

// regionOfTitle reads the region in the title and the lines naming the
// congress or the government: 新乡市2025年政府工作报告, 在新乡市第十四届人民
// 代表大会, 新乡市人民政府市长, 关于牧野区…的报告.
func regionOfTitle(t *text.Text) (regionDecision, bool) {
	head := text.HeadRunes(t, 40)
	head = head[:min(len(head), headSize)]
	if i := nationWords.Index(head); i >= 0 {
		word := string(head[i : i+nationWords.At(head, i)])
		return regionDecision{region: model.Region{Name: "全国", Level: model.Nation},
			evidence: model.Evidence{By: model.ByTitle, Words: []model.Count{{Word: word, Count: 1}}}}, true
	}
	strong := map[int]int{}
	what := map[int]string{}
	divisions.Find(head, func(h divisions.Hit) {
		if h.Form != divisions.FullForm {
			return
		}
		after, before := head[h.End:], head[:h.Start]
		score, from, to := 0, h.Start, h.End // the phrase that tells
		if _, end := readYear(after, 0); end > 0 {
			after = after[end:] // 新乡市2025年政府工作报告
			to += end
		}
		switch {
		case hasWord(after, 0, "政府工作报告"):
			score, to = 10, to+len([]rune("政府工作报告"))
		case hasWord(after, 0, "人民政府工作报告"):
			score, to = 10, to+len([]rune("人民政府工作报告"))
		case hasWord(after, 0, "人民政府") && isOfficial(after[4:]):
			// 新乡市人民政府市长; not 新乡市人民政府门户网站, a site's name
			score, to = 10, to+4+officialLen(after[4:])
		case len(after) > 0 && after[0] == '第' && containsWord(after[:min(len(after), 12)], "人民代表大会"):
			score, to = 10, to+indexWord(after, "人民代表大会")+len([]rune("人民代表大会"))
		case hasWordBefore(before, len(before), "关于"):
			score, from, to = 8, from-len([]rune("关于")), h.End
		}
		if score > 0 {
			strong[h.Div] += score
			what[h.Div] = string(head[from:to])
		}
	})
	if len(strong) == 0 {
		return regionDecision{}, false
	}
	var m *mentions
	best := -1
	for _, d := range sortedKeys(strong) {
		s := strong[d]
		switch {
		case best < 0 || s > strong[best]:
			best = d
		case s == strong[best]:
			if m == nil {
				mm := countMentions(t)
				m = &mm
			}
			if m.count[d] > m.count[best] {
				best = d
			}
		}
	}
	if same := divisions.Lookup(divisions.Get(best).Name); len(same) > 1 {
		// 鼓楼区: the one whose parent the text names.
		if m == nil {
			mm := countMentions(t)
			m = &mm
		}
		var g []int
		for _, d := range same {
			if i, ok := divisions.Index(d.Code); ok {
				g = append(g, i)
			}
		}
		div, ok := settleSameName(g, *m, kindEvidence{})
		if !ok {
			var out []string
			for _, d := range g {
				out = append(out, model.RegionOf(d).Name+"（"+model.RegionOf(d).Parent+"）")
			}
			return regionDecision{candidates: out}, true
		}
		best = div
	}
	return regionDecision{region: model.RegionOf(best), evidence: model.Evidence{By: model.ByTitle, Words: []model.Count{{Word: what[best], Count: 1}}}}, true
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
func isOfficial(rs []rune) bool { return officialLen(rs) > 0 }

// officialLen returns the length of the title of a government's head at
// the start of rs, or 0.
func officialLen(rs []rune) int {
	acting := 0
	if len(rs) > 0 && rs[0] == '代' {
		acting = 1
	}
	for _, w := range []string{"省长", "市长", "区长", "县长", "州长", "盟长", "旗长", "专员", "主席", "总理"} {
		if hasWord(rs, acting, w) {
			return acting + 2
		}
	}
	return 0
}

// regionError says that the text does not settle a report's region, with
// the candidates and the fix: a manifest line.
func regionError(path string, candidates []string, year int) *model.FileError {
	name := ""
	if len(candidates) > 0 {
		name, _, _ = strings.Cut(candidates[0], "（")
	}
	line := manifestLine(path, name, year)
	switch len(candidates) {
	case 0:
		return &model.FileError{Path: path, Warning: model.Warnf(0, "cannot tell the region: the text names no region of its own; name it in a manifest, as: %s", line)}
	case 1:
		return &model.FileError{Path: path, Warning: model.Warnf(0, "cannot tell the region: it may be %s, but the text does not settle it; name it in a manifest, as: %s", candidates[0], line)}
	}
	return &model.FileError{Path: path, Warning: model.Warnf(0, "cannot tell the region: it may be %s or %s; name it in a manifest, as: %s", candidates[0], strings.Join(candidates[1:], "、"), line)}
}
