package extract

import (
	"zhibiao/extract/divisions"
	"zhibiao/extract/lexicon"
	"zhibiao/extract/model"
	"zhibiao/extract/text"
)

// Words that are evidence of another subject than the indicator a clause
// names: a part or sector of it (工业投资, 区本级, 人均), a period shorter
// than the year (前三季度), another quantity (企业, 覆盖率, 出口), a
// look-alike (总产值, 登记失业率).
var (
	subScopeWords     = lexicon.NewList("sub_scope")
	subPeriodWords    = lexicon.NewList("sub_period")
	otherSubjectWords = lexicon.NewList("other_subject")
	lookAlikeWords    = lexicon.NewList("look_alike")
)

// side says where a lead lies with respect to the name of its subject.
type side int

const (
	beforeName side = iota // the words before a name: 全年完成|地区生产总值
	afterName              // between a name and its figure: 地区生产总值|在…下保持在|千亿以上
	noName                 // before a figure of a clause that names nothing
)

// judgeLead tells whether the words of a lead let its clause speak of
// the subject: yes when they are filler; when they are not, the words
// that are evidence of another subject decline it with their reason, and
// other words are neutral where they stand apart from the name — set off
// from it by filler (带动全年|固定资产投资; 地区生产总值在|应对多难局面下|保持在)
// — and decline it, for no rule, where they touch it (海洋|生产总值: a
// word of another noun) or where the clause names nothing.
func (r *reader) judgeLead(rs []rune, where side) (ok bool, d decline) {
	// Words of the lexicon that block hold filler as often as not (人均
	// holds 均, 占有率 占 and 有): they are looked for in all the lead.
	if d, blocked := wordBlocker(rs); blocked {
		return false, d
	}
	i := listOrdinal(rs)
	first, last := [2]int{-1, -1}, [2]int{-1, -1}
	for {
		run, found := nextUnknown(rs, i, r.extra)
		if !found {
			break
		}
		if first[0] < 0 {
			first = run
		}
		last = run
		if d, blocked := regionBlocker(rs[run[0]:run[1]]); blocked {
			return false, d
		}
		i = run[1]
	}
	if first[0] < 0 {
		return true, decline{}
	}
	words := string(rs[first[0]:last[1]])
	switch {
	case where == noName:
		return false, decline{model.ReasonNoRule, words}
	case where == beforeName && last[1] == len(rs):
		return false, decline{model.ReasonNoRule, string(rs[last[0]:last[1]])}
	case where == beforeName && conjunctions.In(rs[last[1]:]):
		// 招商引资到位资金和税收: another subject beside this one
		return false, decline{model.ReasonOtherSubject, string(rs[last[0]:last[1]])}
	case where == afterName && first[0] == 0:
		return false, decline{model.ReasonNoRule, string(rs[first[0]:first[1]])}
	}
	return true, decline{}
}

// crossBlocker finds a word of the lexicon that is evidence of another
// subject across the edge between a lead and the name after it: the name
// is then part of that word (数字|经济增长 is 数字经济, a sector).
func crossBlocker(lead, name []rune) (decline, bool) {
	tail := lead[max(0, len(lead)-6):]
	var buf [32]rune
	rs := append(append(buf[:0], tail...), name...)
	for _, b := range blockers {
		for i := 0; i < len(tail); i++ {
			if n := b.words.At(rs, i); n > 0 && i+n > len(tail) {
				return decline{b.reason, string(rs[i : i+n])}, true
			}
		}
	}
	return decline{}, false
}

// blockers are the roles of the lexicon whose words are evidence of
// another subject, with the reason each gives.
var blockers = []struct {
	words  *lexicon.List
	reason string
}{
	{subPeriodWords, model.ReasonSubPeriod},
	{lookAlikeWords, model.ReasonLookAlike},
	{subScopeWords, model.ReasonSubScope},
	{otherSubjectWords, model.ReasonOtherSubject},
}

// conjunctions join two subjects: 资金和税收.
var conjunctions = lexicon.NewList("conjunction")

// wordBlocker finds in a lead the words of the lexicon that are evidence
// of another subject, and says what they are.
func wordBlocker(rs []rune) (decline, bool) {
	for _, b := range blockers {
		if w := b.words.Find(rs); w != "" {
			return decline{b.reason, w}, true
		}
	}
	if w := monthSpan(rs); w != "" {
		return decline{model.ReasonSubPeriod, w}, true // 1—11月
	}
	return decline{}, false
}

// regionBlocker finds in words that are not filler another region: a
// scope word not the report's own (全省 in a city's report), the name of
// another division.
func regionBlocker(rs []rune) (decline, bool) {
	if w := rankScopeWords.Find(rs); w != "" {
		return decline{model.ReasonOtherSubject, w}, true // 全省 in a city's report: the province's
	}
	other := ""
	divisions.Find(rs, func(h divisions.Hit) {
		if other == "" && !h.Everyday {
			other = string(rs[h.Start:h.End]) // another region's figure
		}
	})
	if other != "" {
		return decline{model.ReasonOtherSubject, other}, true
	}
	return decline{}, false
}

// monthSpan finds the months of a period shorter than the year: 1—11月,
// 1-9月, 前11个月, 截至11月底. It returns "" when there is none.
func monthSpan(rs []rune) string {
	for i, r := range rs {
		if r != '月' || i == 0 {
			continue
		}
		j := i
		for j > 0 && (isDigit(rs[j-1]) || text.IsChineseDigit(rs[j-1]) || rs[j-1] == '个') {
			j--
		}
		if j == i {
			continue
		}
		k := j
		switch {
		case k > 0 && (rs[k-1] == '—' || rs[k-1] == '-' || rs[k-1] == '~' || rs[k-1] == '至'):
			k--
			for k > 0 && (isDigit(rs[k-1]) || text.IsChineseDigit(rs[k-1])) {
				k--
			}
		case k > 0 && rs[k-1] == '前':
			k--
		case (hasWordBefore(rs, k, "截至") || hasWordBefore(rs, k, "截止")) && string(rs[j:i]) != "12" && string(rs[j:i]) != "十二":
			k -= 2 // 截至11月底: not the year's end
		default:
			continue
		}
		return string(rs[k : i+1])
	}
	return ""
}

// otherRegionOpening returns the full name of another region than the
// report's own that a sentence opens with (藤县高端金属新材料产业集群发展，地区生产
// 总值首次突破300亿元): the sentence speaks of that region. It returns ""
// when the sentence opens otherwise.
func (r *reader) otherRegionOpening(rs []rune) string {
	i := listOrdinal(rs)
	for i < len(rs) && (isFillerMark(rs[i]) || rs[i] == ' ') {
		i++
	}
	name := ""
	divisions.Find(rs[i:min(len(rs), i+12)], func(h divisions.Hit) {
		// Only a full name: a short one opens the names of firms and
		// works as often (山东港口豫北内陆港建成投用).
		if name == "" && h.Start == 0 && h.Form != divisions.ShortForm && !r.isOwn(rs[i+h.Start:i+h.End]) {
			name = string(rs[i+h.Start : i+h.End])
		}
	})
	return name
}

// isOwn reports whether a name is one of the report's own region.
func (r *reader) isOwn(name []rune) bool {
	for _, w := range r.extra {
		if string(w) == string(name) {
			return true
		}
	}
	return false
}

// periodOpening returns the period shorter than the year that a sentence
// opens with, before its first name or figure (1—11月，全市规上工业增加值
// 增长8%; 前三季度，…): the sentence's figures are of that period. It
// returns "" when there is none.
func (sr *sentenceReader) periodOpening() string {
	end := sr.e
	for _, cl := range sr.clauses {
		if len(cl.items) > 0 {
			end = cl.items[0].start
			break
		}
	}
	rs := sr.p.Runes[sr.s:end]
	if w := subPeriodWords.Find(rs); w != "" {
		return w
	}
	return monthSpan(rs)
}

// isComparison reports whether a clause of words only compares the
// subject with other regions (分别高于全国、全区0.9、2个百分点): all its words
// that are not filler are scope words and numbers, and the subject holds.
func (r *reader) isComparison(rs []rune) bool {
	scope := false
	for k := 0; k < len(rs); {
		if n := rankScopeWords.At(rs, k); n > 0 {
			k, scope = k+n, true
			continue
		}
		if isDigit(rs[k]) || rs[k] == '.' {
			k++
			continue
		}
		n := fillerAt(rs, k, r.extra)
		if m := marginWords.At(rs, k); m > n {
			n = m // 比, 高, 平均水平
		}
		if n == 0 {
			return false
		}
		k += n
	}
	return scope
}

// marginWords set a figure against another region's: 比全国高, 平均水平.
var marginWords = lexicon.NewList("margin")
