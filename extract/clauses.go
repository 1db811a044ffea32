package extract

import (
	"slices"
	"strings"
	"zhibiao/extract/internal/runeset"
	"zhibiao/extract/lexicon"
)

// context is what the section around a sentence says of its figures.
type context struct {
	kind      string // actual or target
	year      int
	goals     bool // inside the statement of 主要预期目标
	goalsFrom int  // the rune of the paragraph where that statement starts
	span      bool // the section covers a plan period (过去五年, “十五五”时期)
}

// candidate is an observation before deduplication.
type candidate struct {
	Observation
	sentence int // sentence number in the report, for "same clause" rules
}

// itemKind says what a clause item is.
type itemKind int

const (
	itemAlias itemKind = iota
	itemFigure
	itemRank
)

// item is an indicator name, a figure or a rank found in a clause.
type item struct {
	kind       itemKind
	start, end int
	alias      aliasMatch
	fig        figure
	rank       rankFigure
}

// clause is the stretch of a sentence between separators (, 、 :).
type clause struct {
	start, end int
	sep        rune // the separator that ends it, 0 at the end of the sentence
	items      []item
}

// subject is what a clause's figures speak of: an indicator, or nil for
// something the catalogue does not know.
type subject struct {
	ind     *Indicator
	measure string // the measure the name implies (经济增长 → growth)
	start   int    // where its phrase starts, for the observation's text
}

// sentenceReader reads the figures of one sentence.
type sentenceReader struct {
	r           *reader
	p           *Paragraph
	ctx         context
	n           int // sentence number
	s, e        int
	year        int      // a year the sentence names for itself (2016年, 到2030年, 今年)
	last        *subject // the subject a clause without a name inherits
	clauses     []clause
	pending     []*subject // names of clauses joined by 、, waiting for 分别 or 均
	totalOf     *subject   // an indicator whose new additions were just given
	othersFirst bool       // a figure of something unknown came earlier
	lastSub     *subject   // the subject of the last figure
	lastM       string     // and its measure
	recent      []*subject // subjects of the clauses with figures so far
	group       []*subject // the subjects of the last 分别 or 均
}

// splitClauses cuts a sentence into clauses and finds their items. The
// clauses, and their items, are r's until the next sentence.
func (r *reader) splitClauses(p *Paragraph, s, e int) []clause {
	rs := p.Runes
	out, items := r.clauses[:0], r.items[:0]
	start, first := s, 0 // where the clause starts, and its first item
	for i := s; i < e; {
		c := rs[i]
		if !r.starts.MayHave(c) {
			i++ // nothing starts here, as at most runes
			continue
		}
		if c == ',' || c == '、' || c == ':' || c == '，' {
			out = append(out, clause{start: start, end: i, sep: c, items: items[first:len(items):len(items)]})
			start, first = i+1, len(items)
			i++
			continue
		}
		if c == '全' {
			if rk, ok := scanRank(rs, i, e); ok {
				items = append(items, item{kind: itemRank, start: rk.start, end: rk.end, rank: rk})
				i = rk.end
				continue
			}
		}
		if r.cat.mayStartAlias(c) {
			if a, ok := r.cat.findAlias(rs[:e], i); ok && (a.after == "" || containsWord(rs[s:i], a.after)) {
				items = append(items, item{kind: itemAlias, start: a.start, end: a.end, alias: a})
				i = a.end
				continue
			}
		}
		if (c >= '0' && c <= '9') || isChineseDigit(c) {
			if f, ok := scanFigure(rs, i, e); ok {
				if f.hasUnit {
					items = append(items, item{kind: itemFigure, start: f.start, end: f.end, fig: f})
				}
				i = max(f.end, i+1)
				if !f.hasUnit {
					// A bare number (a count of things, a date) is text.
					for i < e && rs[i] >= '0' && rs[i] <= '9' {
						i++
					}
				}
				continue
			}
		}
		i++
	}
	out = append(out, clause{start: start, end: e, items: items[first:len(items):len(items)]})
	r.clauses, r.items = out, items
	return out
}

// clauseStarts holds the runes other than an alias's first at which
// splitClauses finds something: a separator, a rank's 全, a number (the
// digits and the numerals of isChineseDigit).
var clauseStarts = func() *runeset.Filter {
	f := new(runeset.Filter)
	for _, r := range ",、:，全0123456789〇零一二两三四五六七八九十百千" {
		f.Add(r)
	}
	return f
}()

// readSentence finds the observations of the sentence p.Runes[s:e].
func (r *reader) readSentence(p *Paragraph, s, e int, ctx context, n, year int) {
	sr := &sentenceReader{r: r, p: p, ctx: ctx, n: n, s: s, e: e, year: year}
	sr.clauses = r.splitClauses(p, s, e)
	r.subjects, r.lists = r.subjects[:0], r.lists[:0]
	for ci := 0; ci < len(sr.clauses); ci++ {
		ci = sr.readClause(ci)
	}
}

// newSubject returns a subject for the rest of the sentence. Subjects are
// shared by pointer, and kept in r.subjects to spare an allocation each:
// the slice is cleared for every sentence, but never overwritten in one.
func (sr *sentenceReader) newSubject(sb subject) *subject {
	sr.r.subjects = append(sr.r.subjects, sb)
	return &sr.r.subjects[len(sr.r.subjects)-1]
}

// appendSubjects appends subjects to a list. A list that is nil starts in
// a stretch of r.lists, the room kept for the sentence's lists, so that
// they do not allocate one by one; the stretch is capped, so that a list
// that outgrows it moves to an array of its own, not into the next list's.
func (sr *sentenceReader) appendSubjects(list []*subject, sbs ...*subject) []*subject {
	if list == nil {
		const room = 4
		l := sr.r.lists
		if cap(l)-len(l) < room {
			l = make([]*subject, 0, 64*room)
		}
		list = l[len(l) : len(l) : len(l)+room]
		sr.r.lists = l[:len(l)+room]
	}
	return append(list, sbs...)
}

// clauseState is what reading a clause has found so far.
type clauseState struct {
	sub        *subject // what the clause's figures speak of; nil: something unknown
	hasSubject bool     // sub has been settled
	named      bool     // the clause names its subject
	pair       bool     // the clause names two indicators at once (城乡居民…)
	consumed   bool     // a 分别 or 均 statement used the subjects before it
}

// readClause reads clause ci and returns the index of the last clause it
// used (a 分别 list takes the bare figures of the clauses after it).
func (sr *sentenceReader) readClause(ci int) int {
	cl := sr.clauses[ci]
	rs := sr.p.Runes
	if y := clauseYear(rs, cl, sr.r.reportYear); y != 0 {
		sr.year = y // 去年…增长6%,今年力争增长7%
	}
	var st clauseState
	prev := cl.start
	for k := 0; k < len(cl.items); k++ {
		it := cl.items[k]
		lead := rs[prev:it.start]
		prev = it.end
		if it.kind == itemAlias {
			sr.name(&st, cl, k, lead)
			continue
		}
		sr.settleSubject(&st, lead)
		switch {
		case containsWord(rs[cl.start:it.start], "分别"):
			ci = sr.respectively(&st, ci, k, lead)
			k = len(cl.items)
		case sharesPredicate(lead):
			sr.shared(&st, cl, it, lead)
		default:
			sr.emit(st.sub, it, lead, cl.start)
		}
	}
	sr.endClause(ci, cl, st)
	return ci
}

// name reads an indicator's name in a clause and settles the subject.
func (sr *sentenceReader) name(st *clauseState, cl clause, k int, lead []rune) {
	it := cl.items[k]
	named := sr.newSubject(subject{ind: it.alias.indicator, measure: it.alias.measure, start: cl.start})
	switch {
	case st.hasSubject && k > 0 && cl.items[k-1].kind == itemAlias:
		// 居民收入与经济增长同步: the first name is the subject
	case it.alias.and != nil:
		// 城乡居民人均可支配收入分别增长4.4%、5.6%: two indicators, in turn
		// for 分别 or together for 均, and neither alone
		if sr.r.isFiller(lead) {
			sr.pending = sr.appendSubjects(sr.pending, named, sr.newSubject(subject{ind: it.alias.and, start: cl.start}))
			st.pair = true
		}
		st.sub = nil
	case it.alias.generic && sr.othersFirst && len(trimPunct(lead)) == 0:
		st.sub = nil // 新增营业面积10万平方米,新增就业3000人: a sector's
	case sr.r.isFiller(lead) && !(st.hasSubject && st.sub == nil):
		st.sub, st.named = named, true
	case isAddition(trimFiller(lead)):
		// 新增市场主体3.2万户,总数达到63.7万户: the total that follows is
		// the indicator's level.
		st.sub, sr.totalOf = nil, named
	default:
		st.sub = nil
	}
	st.hasSubject = true
}

// settleSubject decides what a figure speaks of when its clause named
// nothing before it: the subject of the clause before (增长4.9%), the total
// of an addition (总数达到63.7万户), or nothing after 其中 or other words.
func (sr *sentenceReader) settleSubject(st *clauseState, lead []rune) {
	if st.hasSubject {
		if !sr.r.isFiller(lead) {
			st.sub = nil
		}
		return
	}
	st.hasSubject = true
	switch {
	case containsWord(lead, "其中"):
	case sr.totalOf != nil && containsAny(lead, "总数", "总量") && sr.r.isFiller(lead):
		st.sub = sr.totalOf
	case sr.r.isFiller(lead) || isShareOf(lead) || isShareOfTarget(lead):
		st.sub = sr.last
	}
}

// respectively reads a 分别 statement: the figures of the clause from item
// k on, and the bare figures of the clauses after it, go to the subjects
// before it in turn (亩产、总产分别增长3.76%、3.8%; 接待游客…、旅游总收入…,
// 分别增长14%、23%). It returns the last clause it used.
func (sr *sentenceReader) respectively(st *clauseState, ci, k int, lead []rune) int {
	cl := sr.clauses[ci]
	kind := cl.items[k].kind
	var figs []item
	for ; k < len(cl.items); k++ {
		if cl.items[k].kind == kind {
			figs = append(figs, cl.items[k])
		}
	}
	for ci+1 < len(sr.clauses) && bareFigure(sr.p.Runes, sr.clauses[ci+1], kind) {
		ci++
		figs = append(figs, sr.clauses[ci].items[0])
	}
	subs := sr.pending
	if st.sub != nil && len(subs) > 0 {
		subs = append(subs, st.sub)
	}
	if len(subs) == 0 {
		subs = sr.group // …分别达到39159元和20598元,分别增长8%和8.5%
	}
	if len(subs) == 0 {
		subs = sr.recent
	}
	if len(subs) >= len(figs) {
		subs = subs[len(subs)-len(figs):]
		for i, f := range figs {
			sr.emit(subs[i], f, lead, subjectStart(subs[i], cl.start))
		}
		sr.group = subs
	}
	st.consumed = true
	return ci
}

// shared reads a 均 statement: one figure for every subject before it
// (规上工业增加值增速、社会消费品零售总额增速均居全省第3位), or for the
// subjects of the last 分别 (…分别增长3.76%、3.8%,增幅均居全省第1位).
func (sr *sentenceReader) shared(st *clauseState, cl clause, it item, lead []rune) {
	subs := append(sr.pending, st.sub)
	switch {
	case len(sr.pending) > 0:
	case len(sr.group) > 0:
		subs = sr.group
	case !st.named && st.sub != nil:
		// 地区生产总值增长6.1%,规上工业增加值增长9.5%,增速均居全省第一:
		// every subject of the sentence so far, when all are known
		subs = nil
		for _, sb := range sr.recent {
			if sb == nil || sb.ind == nil {
				return
			}
			if !slices.Contains(subs, sb) && !slices.ContainsFunc(subs, func(x *subject) bool { return x.ind == sb.ind }) {
				subs = append(subs, sb)
			}
		}
	}
	for _, sb := range subs {
		sr.emit(sb, it, lead, subjectStart(sb, cl.start))
	}
	sr.group = subs
	st.consumed = true
}

// subjectStart is where a subject's phrase starts, for quoting, when it
// began before the clause.
func subjectStart(sb *subject, clauseStart int) int {
	if sb != nil && sb.start < clauseStart {
		return sb.start
	}
	return clauseStart
}

// endClause carries what a clause leaves to the clauses after it: the
// subject they inherit, the names waiting for a 分别 or 均, and, in the
// statement of goals, a target in words.
func (sr *sentenceReader) endClause(ci int, cl clause, st clauseState) {
	rs := sr.p.Runes
	switch {
	case st.consumed:
		sr.pending, sr.last = nil, nil
	case !st.hasSubject:
		// A clause of words only leaves the subject when it is filler and
		// ends it otherwise; before 、 it is an unknown name (亩产、总产…).
		if !sr.r.isFiller(rs[cl.start:cl.end]) {
			sr.last, sr.pending = nil, nil
			if cl.sep == '、' {
				sr.pending = sr.appendSubjects(sr.pending, sr.newSubject(subject{start: cl.start}))
			}
		}
	case onlyAliases(cl):
		if (st.sub != nil || st.pair) && sr.ctx.goals {
			end := cl.end
			// 持续高于全国、全省: the words after 、 belong to the target
			for k := ci + 1; k < len(sr.clauses) && sr.clauses[k-1].sep == '、' && len(sr.clauses[k].items) == 0; k++ {
				end = sr.clauses[k].end
			}
			// 地方一般公共预算收入、居民收入增长和经济增长基本同步: the
			// names before 、 share the target
			for _, sb := range append(sr.pending, st.sub) {
				if sb != nil && sb.ind != nil {
					sr.qualitative(sb, cl, end)
				}
			}
		}
		if cl.sep == '、' {
			sr.pending = sr.appendSubjects(sr.pending, st.sub)
		} else {
			sr.pending = nil
		}
		sr.last = st.sub
	default:
		sr.pending = nil
		if st.sub != nil {
			sr.recent = sr.appendSubjects(sr.recent, st.sub)
		} else {
			sr.recent = sr.appendSubjects(sr.recent, sr.newSubject(subject{}))
		}
		sr.last = st.sub
	}
}

// onlyAliases reports whether a clause names indicators but gives no figure.
func onlyAliases(cl clause) bool {
	for _, it := range cl.items {
		if it.kind != itemAlias {
			return false
		}
	}
	return len(cl.items) > 0
}

// bareFigure reports whether a clause is nothing but one figure (or rank),
// as in the tail of a 分别 list: 分别增长14%、23%.
func bareFigure(rs []rune, cl clause, kind itemKind) bool {
	if len(cl.items) != 1 || cl.items[0].kind != kind {
		return false
	}
	it := cl.items[0]
	return it.start == cl.start && strings.TrimSpace(string(rs[it.end:cl.end])) == ""
}

// sentenceYear finds a year a sentence names for all its figures: 2016年,
// (at the start), 到2030年, 今年, 去年. It returns 0 when there is none.
func sentenceYear(rs []rune, reportYear int) int {
	if y, j := readYear(rs, 0); y > 0 && (j == len(rs) || rs[j] == ',' || rs[j] == '，' || rs[j] == '以') {
		return y
	}
	for _, lead := range yearLeads.Words() {
		if hasRunes(rs, 0, lead) {
			if y, _ := readYear(rs, len(lead)); y > 0 {
				return y
			}
		}
	}
	if reportYear > 0 {
		if y, ok := relativeYear(rs, reportYear); ok {
			return y
		}
	}
	return 0
}

// yearLeads open a sentence about a year to come: 到2030年.
var yearLeads = lexicon.NewListOf("到", "至", "预计到", "力争到", "争取到")

// relativeYear reads a year named relative to the report's at the start of
// rs: 今年, the report's, or 去年 and 上年, the year before.
func relativeYear(rs []rune, reportYear int) (year int, ok bool) {
	if len(rs) < 2 || rs[1] != '年' {
		return 0, false
	}
	switch rs[0] {
	case '今':
		return reportYear, true
	case '去', '上':
		return reportYear - 1, true
	}
	return 0, false
}

// clauseYear finds a year named before a clause's first item: 今年, 去年,
// 2023年 (经济普查后,2023年全省地区生产总值…). A year that is a base or a
// comparison (比2020年, 由2010年的) is not the clause's, and neither is a
// year after its first figure.
func clauseYear(rs []rune, cl clause, reportYear int) int {
	end := cl.end
	if len(cl.items) > 0 {
		end = cl.items[0].start
	}
	zone := rs[cl.start:end]
	if y, ok := relativeYear(zone, reportYear); ok {
		return y
	}
	for i, r := range zone {
		if !isDigit(r) {
			continue // not the start of a year, as nearly everywhere
		}
		y, j := readYear(zone, i)
		if y == 0 {
			continue
		}
		if i > 0 && strings.ContainsRune("比较从由与同和至到", zone[i-1]) && !(zone[i-1] == '到' && i == 1) {
			return 0
		}
		if j < len(zone) && strings.ContainsRune("的底末", zone[j]) {
			return 0
		}
		return y
	}
	return 0
}

// qualitative records a target without a number: 居民收入与经济增长同步,
// 进出口稳中提质. Only the statement of 主要预期目标 has them.
func (sr *sentenceReader) qualitative(sub *subject, cl clause, end int) {
	rs := sr.p.Runes
	last := cl.items[len(cl.items)-1]
	pred := rs[last.end:cl.end]
	if sr.ctx.kind != Target || len(pred) < 2 || !qualitativeWords.In(pred) {
		return
	}
	for _, r := range pred {
		if r >= '0' && r <= '9' {
			return
		}
	}
	ind := sub.ind
	unit := "%"
	if ind.Target == Level {
		unit = ind.Unit
	}
	year, kind := sr.period(0)
	sr.r.add(candidate{Observation: Observation{
		Indicator: ind.ID, Measure: ind.Target, Year: year, Kind: kind,
		Unit: unit, Qualifier: Qualitative,
		Text: sr.r.text.Quote(sr.p, cl.start, end), Line: sr.r.text.Line(sr.p.Pos[cl.start]),
	}, sentence: sr.n})
}

// qualitativeWords mark a target stated in words.
var qualitativeWords = lexicon.NewListOf("同步", "稳", "高于", "衔接", "考核", "提质", "增长", "下降", "完成", "目标", "不低于", "提高", "增加")

// period gives the year and kind of a figure: the sentence's or figure's
// own year if it names one, the section's otherwise.
func (sr *sentenceReader) period(figYear int) (int, string) {
	y := figYear
	if y == 0 {
		y = sr.year
	}
	if y == 0 {
		return sr.ctx.year, sr.ctx.kind
	}
	if y < sr.r.reportYear {
		return y, Actual
	}
	return y, Target
}

// sharesPredicate reports whether a lead says 均 (all of the subjects
// before it), and not 平均, 年均, 人均 or the like.
func sharesPredicate(lead []rune) bool {
	for i, r := range lead {
		if r == '均' && (i == 0 || !strings.ContainsRune("平年人户亩日月", lead[i-1])) {
			return true
		}
	}
	return false
}

// isAddition reports whether words before an indicator's name make it the
// year's additions to it (新增市场主体3.2万户), not the indicator.
func isAddition(rs []rune) bool {
	switch string(rs) {
	case "新增", "净增", "新登记", "新设立", "新发展":
		return true
	}
	return false
}
