package extract

import (
	"slices"
	"strings"
	"zhibiao/extract/catalogue"
	"zhibiao/extract/internal/runeset"
	"zhibiao/extract/lexicon"
	"zhibiao/extract/model"
	"zhibiao/extract/text"
)

// context is what the section around a sentence says of its figures.
type context struct {
	kind      model.Kind // actual or target
	year      int
	goals     bool // inside the statement of 主要预期目标
	goalsFrom int  // the rune of the paragraph where that statement starts
	span      bool // the section covers a plan period (过去五年, “十五五”时期)
}

// candidate is an observation before deduplication.
type candidate struct {
	model.Observation
	sentence int    // sentence number in the report, for "same clause" rules
	matching bool   // stated in a section of its kind: an actual in a review, a target in a plan
	topic    string // a part its paragraph's title sentence names (开发区), when it names one
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
	alias      catalogue.Match
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
	ind     *catalogue.Indicator
	measure model.Measure // the measure the name implies (经济增长 → growth)
	start   int           // where its phrase starts, for the observation's text
	end     int           // for a name the catalogue does not know, where it ends
}

// sentenceReader reads the figures of one sentence.
type sentenceReader struct {
	r           *reader
	p           *text.Paragraph
	ctx         context
	n           int // sentence number
	s, e        int
	year        int      // a year the sentence names for itself (2016年, 到2030年, 今年)
	last        *subject // the subject a clause without a name inherits
	clauses     []clause
	pending     []*subject    // names of clauses joined by 、, waiting for 分别 or 均
	totalOf     *subject      // an indicator whose new additions were just given
	othersFirst bool          // a figure of something unknown came earlier
	lastSub     *subject      // the subject of the last figure
	lastM       model.Measure // and its measure
	recent      []*subject    // subjects of the clauses with figures so far
	group       []*subject    // the subjects of the last 分别 or 均
	why         decline       // why the subject of the figure being read is unknown
	other       string        // another region the sentence opens with: its figures are that region's
	named       bool          // the clause of the figure being read names its subject
	part        string        // a period shorter than the year the sentence opens with (前三季度)
	topic       string        // a part its paragraph's title sentence names (提升开发区发展能级。)

	took       int                 // observations taken, new or repeated
	tookOf     []string            // the indicators of the observations taken, in the reader's room
	lastLeft   string              // the last figure (not a rank) read, when it was left out
	taken      []model.Observation // with explain: the observations taken
	declines   []model.Decline     // the figures not taken, and why
	declinedAt []int               // and where each starts in the paragraph
}

// splitClauses cuts a sentence into clauses and finds their items. The
// clauses, and their items, are r's until the next sentence.
func (r *reader) splitClauses(p *text.Paragraph, s, e int) []clause {
	rs := p.Runes
	out, items := r.clauses[:0], r.items[:0]
	start, first := s, 0 // where the clause starts, and its first item
	for i := s; i < e; {
		c := rs[i]
		if !r.starts.MayHave(c) {
			// Nothing starts here, as at most runes: this test of a
			// bit set spares some 10% of a report's time.
			i++
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
		if r.cat.MayStartAlias(c) {
			if a, ok := r.cat.FindAlias(rs[:e], i); ok && (a.After == "" || containsWord(rs[s:i], a.After)) {
				items = append(items, item{kind: itemAlias, start: a.Start, end: a.End, alias: a})
				i = a.End
				continue
			}
		}
		if c == '持' {
			// 与上年持平: a growth of zero
			if f, ok := scanFlat(rs, start, i, e); ok {
				items = append(items, item{kind: itemFigure, start: f.start, end: f.end, fig: f})
				i = f.end
				continue
			}
		}
		if (c >= '0' && c <= '9') || text.IsChineseDigit(c) {
			if f, ok := scanFigure(rs, i, e); ok {
				if f.hasUnit {
					if i > start && isMinus(rs[i-1]) && (i-1 == start || !isDigit(rs[i-2]) && rs[i-2] != '%') {
						// 增长-2.5%, 、-1.5%: a written minus, not a range's dash
						f.value, f.high, f.start = -f.high, -f.value, i-1
					}
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
// digits and the numerals of isChineseDigit), the 持 of 持平.
var clauseStarts = func() *runeset.Filter {
	f := new(runeset.Filter)
	for _, r := range ",、:，全持0123456789〇零一二两三四五六七八九十百千" {
		f.Add(r)
	}
	return f
}()

// readSentence finds the observations of the sentence p.Runes[s:e].
func (r *reader) readSentence(p *text.Paragraph, s, e int, ctx context, n, year int, topic string) {
	if topic != "" && r.namesItself(p.Runes[s:e]) {
		topic = "" // 全市…: the whole region's, whatever the paragraph is about
	}
	sr := &sentenceReader{r: r, p: p, ctx: ctx, n: n, s: s, e: e, year: year, tookOf: r.tookOf[:0], topic: topic}
	sr.clauses = r.splitClauses(p, s, e)
	if !r.explain && !namesAny(sr.clauses) && !containsWord(p.Runes[s:e], "分别") {
		// As most sentences: nothing of the catalogue's to read (a list
		// with 分别 may name it in parts: 规模以上工业、服务业增加值分别…)
		return
	}
	sr.other = r.otherRegionOpening(p.Runes[s:e])
	sr.part = sr.periodOpening()
	r.subjects, r.lists = r.subjects[:0], r.lists[:0]
	if !r.explain {
		// The declines live as long as the sentence: in the reader's room.
		sr.declines, sr.declinedAt = r.declines[:0], r.declinedAt[:0]
	}
	for ci := 0; ci < len(sr.clauses); ci++ {
		ci = sr.readClause(ci)
	}
	sr.account()
	if !r.explain {
		r.declines, r.declinedAt = sr.declines[:0], sr.declinedAt[:0]
	}
}

// namesItself reports whether words name the report's own region, by its
// name or its scope word (全市).
func (r *reader) namesItself(rs []rune) bool {
	for _, w := range r.extra {
		for i := range rs {
			if rs[i] == w[0] && hasRunes(rs, i, w) {
				return true
			}
		}
	}
	return false
}

// namesAny reports whether clauses name an indicator.
func namesAny(clauses []clause) bool {
	for _, cl := range clauses {
		for _, it := range cl.items {
			if it.kind == itemAlias {
				return true
			}
		}
	}
	return false
}

// newSubject returns a subject for the rest of the sentence. Subjects are
// shared by pointer, and kept in r.subjects to spare an allocation each:
// the slice is cleared for every sentence, but never overwritten in one.
// With appendSubjects, this spares a third of a report's allocations (922
// against 1,384 in BenchmarkExtract) and some 10% of its time.
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
	why        decline  // why sub is nil, when a rule knows
	hasSubject bool     // sub has been settled
	named      bool     // the clause names its subject
	pair       bool     // the clause names two indicators at once (城乡居民…)
	joint      *subject // and the indicator of the two together, if there is one
	consumed   bool     // a 分别 or 均 statement used the subjects before it
	fenbie     int      // where 分别 (or a shared 均) is in the clause, or -1
}

// readClause reads clause ci and returns the index of the last clause it
// used (a 分别 list takes the bare figures of the clauses after it).
func (sr *sentenceReader) readClause(ci int) int {
	cl := sr.clauses[ci]
	rs := sr.p.Runes
	if sr.part != "" && ci > 0 && (hasWord(rs, cl.start, "全年") || hasWord(rs, cl.start, "预计全年")) {
		sr.part = "" // 前三季度…，预计全年增长5.5%: the year again
	}
	if y := clauseYear(rs, cl, sr.r.thisYear()); y != 0 {
		sr.year = y // 去年…增长6%,今年力争增长7%
	}
	var st clauseState
	prev := cl.start
	fenbie := cl.end // where 分别 is in the clause, found once
	st.fenbie = -1
	if i := indexWord(rs[cl.start:cl.end], "分别"); i >= 0 {
		fenbie = cl.start + i
		st.fenbie = fenbie
	} else if i := sharedAt(rs[cl.start:cl.end]); i >= 0 {
		st.fenbie = cl.start + i // 均: the names before it share the figure
	}
	for k := 0; k < len(cl.items); k++ {
		it := cl.items[k]
		lead := rs[prev:it.start]
		prev = it.end
		if it.kind == itemAlias {
			sr.name(&st, cl, k, lead)
			continue
		}
		sr.settleSubject(&st, lead, k > 0 && cl.items[k-1].kind == itemAlias)
		sr.named = st.named
		switch {
		case fenbie < it.start:
			ci = sr.respectively(&st, ci, k, lead)
			k = len(cl.items)
		case sharesPredicate(lead):
			sr.shared(&st, cl, it, lead)
		case it.kind == itemRank && st.sub != nil && len(sr.pending) > 0 && !slices.Contains(sr.pending, nil):
			// 地区生产总值、一般公共预算收入稳居全省第三: each name's rank
			sr.shared(&st, cl, it, lead)
		case st.sub == nil && st.joint != nil && len(sr.pending) == 2 && ci+1 < len(sr.clauses) && bareFigure(rs, sr.clauses[ci+1], it.kind):
			// 城镇和农村居民人均可支配收入80392元、48825元: the two in turn
			ci = sr.respectively(&st, ci, k, lead)
			k = len(cl.items)
		case st.sub == nil && st.joint != nil && len(sr.pending) == 2:
			// 城乡居民人均可支配收入增长6%: one figure of the two together
			sr.why = st.why
			sr.emit(st.joint, it, lead, cl.start)
		default:
			sr.why = st.why
			sr.emit(st.sub, it, lead, cl.start)
		}
	}
	sr.endClause(ci, cl, st)
	return ci
}

// name reads an indicator's name in a clause and settles the subject.
func (sr *sentenceReader) name(st *clauseState, cl clause, k int, lead []rune) {
	it := cl.items[k]
	named := sr.newSubject(subject{ind: it.alias.Indicator, measure: it.alias.Measure, start: cl.start})
	switch {
	case st.hasSubject && k > 0 && cl.items[k-1].kind == itemAlias && st.fenbie >= it.end && isConjunction(lead):
		// 地区生产总值和一般公共预算收入分别增长5%和6%: names in turn;
		// 旅游收入和接待游客均增长10%: names sharing a figure
		if st.sub != nil {
			sr.pending = sr.appendSubjects(sr.pending, st.sub)
		}
		st.sub, st.named = named, true
	case st.hasSubject && k > 0 && cl.items[k-1].kind == itemAlias:
		// 居民收入与经济增长同步: the first name is the subject, unless
		// the words between make it a part (规上工业企业亩均税收)
		if d, blocked := wordBlocker(lead); blocked && st.sub != nil {
			st.sub, st.why = nil, d
		}
	case it.alias.Pair() != nil:
		// 城乡居民人均可支配收入分别增长4.4%、5.6%: two indicators, in turn
		// for 分别 or together for 均; alone, the joint name's own
		// indicator, if it has one (城乡居民人均可支配收入增长6%)
		if ok, why := sr.r.judgeLead(lead, beforeName); ok {
			pair := it.alias.Pair()
			sr.pending = sr.appendSubjects(sr.pending, sr.newSubject(subject{ind: pair[0], start: cl.start}), sr.newSubject(subject{ind: pair[1], start: cl.start}))
			st.pair = true
			if it.alias.Split != nil {
				st.joint = named
			}
		} else {
			st.why = why
		}
		st.sub = nil
	case it.alias.Generic && sr.othersFirst && len(trimPunct(lead)) == 0:
		// 新增营业面积10万平方米,新增就业3000人: a sector's
		st.sub, st.why = nil, decline{model.ReasonSubScope, string(it.alias.Text)}
	case additionWords.Before(lead, len(lead)) > 0:
		// 新增市场主体3.2万户,总数达到63.7万户: the total that follows is
		// the indicator's level.
		st.sub, sr.totalOf = nil, named
		st.why = decline{model.ReasonOtherSubject, additionWords.Find(lead)}
	case st.hasSubject && st.sub == nil:
		// the clause spoke of something else before the name
	case shareWord.In(lead):
		// 工业投资…占全市固定资产投资的63%: the whole a share is of
		st.sub, st.why = nil, decline{model.ReasonOtherSubject, "占"}
	default:
		if d, blocked := crossBlocker(lead, sr.p.Runes[it.start:it.end]); blocked {
			st.sub, st.why = nil, d // 数字|经济增长: 数字经济
		} else if ok, why := sr.r.judgeLead(lead, beforeName); ok {
			st.sub, st.named, st.why = named, true, decline{}
		} else {
			st.sub, st.why = nil, why
		}
	}
	st.hasSubject = true
}

// settleSubject decides what a figure speaks of: the subject its clause
// named, unless the words before the figure speak of something else;
// when the clause named nothing before it, the subject of the clause
// before (增长4.9%), the total of an addition (总数达到63.7万户), or
// nothing after 其中 or other words. nameBefore says the words follow the
// name itself, not an earlier figure.
func (sr *sentenceReader) settleSubject(st *clauseState, lead []rune, nameBefore bool) {
	if st.hasSubject {
		where := noName
		if nameBefore {
			where = afterName
		}
		if ok, why := sr.r.judgeLead(lead, where); !ok {
			if st.sub != nil {
				st.why = why
			}
			st.sub = nil
		}
		return
	}
	st.hasSubject = true
	switch {
	case containsWord(lead, "其中"):
		st.why = decline{model.ReasonSubScope, "其中"}
	case sr.totalOf != nil && containsAny(lead, "总数", "总量") && sr.r.isFiller(lead):
		st.sub = sr.totalOf
	case sr.r.isFiller(lead) || isShareOf(lead) || isShareOfTarget(lead):
		st.sub = sr.last
	default:
		_, st.why = sr.r.judgeLead(lead, noName)
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
	for ci+1 < len(sr.clauses) {
		next := sr.clauses[ci+1]
		if more := bareFigures(sr.p.Runes, next, kind); more != nil {
			figs = append(figs, more...) // 、9%和9%
		} else if rk, ok := bareRank(sr.p.Runes, next, kind, figs); ok {
			figs = append(figs, rk) // 分别排全区第1位、第3位
		} else {
			break
		}
		ci++
	}
	subs := sr.pending
	if st.sub != nil && len(subs) > 0 {
		subs = append(subs, st.sub)
	}
	if words := sr.p.Runes[cl.start:fenbieAt(sr.p.Runes, cl.start, cl.items[0].start)]; !st.named && !st.pair && !sr.r.isFiller(words) {
		// The clause names its own subject, which the catalogue does not
		// know: 第一产业、规模以上工业、服务业增加值分别增长4%、9%、8%
		// (the head 增加值 is each one's); 金融机构存贷款余额分别增长8%、13%
		// (none of the catalogue's, nor of the clause before).
		subs = sr.distribute(words)
	}
	if len(subs) == 0 {
		subs = sr.group // …分别达到39159元和20598元,分别增长8%和8.5%
	}
	if len(subs) == 0 {
		subs = sr.recent
	}
	if len(subs) >= len(figs) {
		subs = subs[len(subs)-len(figs):]
		sr.why = st.why
		for i, f := range figs {
			sr.emit(subs[i], f, lead, subjectStart(subs[i], cl.start))
		}
		sr.group = subs
	} else {
		// More figures than subjects: of parts the clause names
		// (经开区、高新区3个片区对外贸易分别增长53%、14%、11%), or unread.
		d := decline{model.ReasonNoRule, "分别"}
		if b, blocked := wordBlocker(sr.p.Runes[cl.start:cl.items[0].start]); blocked {
			d = b
		}
		for _, f := range figs {
			sr.decline(f, nil, d)
		}
	}
	st.consumed = true
	return ci
}

// fenbieAt returns where 分别 is in rs[from:to], or to.
func fenbieAt(rs []rune, from, to int) int {
	if i := indexWord(rs[from:to], "分别"); i >= 0 {
		return from + i
	}
	return to
}

// distribute returns the subjects of a list whose last name, words, is
// not the catalogue's: the names before it, each completed by the end of
// words where that makes a name of the catalogue (规模以上工业 and 服务业
// 增加值 make 规模以上工业增加值), then words, completed by the start of a
// name before it where that makes one (规上工业总产值 and 增加值 make 规上
// 工业增加值), or unknown.
func (sr *sentenceReader) distribute(words []rune) []*subject {
	var out []*subject
	last := sr.newSubject(subject{})
	for _, p := range sr.pending {
		if p != nil && p.ind == nil && p.end > p.start {
			name := sr.p.Runes[p.start:p.end]
			for k := 0; k+2 <= len(words); k++ {
				if a, ok := sr.r.wholeName(name, words[k:]); ok {
					p = sr.newSubject(subject{ind: a.Indicator, measure: a.Measure, start: p.start})
					break
				}
			}
			for k := len(name) - 1; last.ind == nil && k >= 2; k-- {
				if a, ok := sr.r.wholeName(name[:k], words); ok {
					*last = subject{ind: a.Indicator, measure: a.Measure, start: p.start}
				}
			}
		}
		out = append(out, p)
	}
	return append(out, last)
}

// wholeName returns the alias that a and b make together, if they make
// one whole.
func (r *reader) wholeName(a, b []rune) (catalogue.Match, bool) {
	full := append(slices.Clip(a), b...)
	m, ok := r.cat.FindAlias(full, 0)
	return m, ok && m.End == len(full) && m.Pair() == nil
}

// bareRank reads a clause that is nothing but a position, in a list of
// ranks whose scope the first gave: the 第3位 of 分别排全区第1位、第3位.
func bareRank(rs []rune, cl clause, kind itemKind, figs []item) (item, bool) {
	if kind != itemRank || len(figs) == 0 || len(cl.items) != 0 {
		return item{}, false
	}
	i := cl.start
	for i < cl.end && rs[i] == ' ' {
		i++
	}
	if i >= cl.end || rs[i] != '第' {
		return item{}, false
	}
	v, end, ok := readOrdinal(rs[:cl.end], i+1)
	if !ok || strings.TrimSpace(string(rs[end:cl.end])) != "" {
		return item{}, false
	}
	rk := figs[0].rank
	rk.value, rk.start, rk.end, rk.moved = v, i, end, false
	return item{kind: itemRank, start: i, end: end, rank: rk}, true
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
		// (出口总额增长11.8%、社会消费品零售总额增长9.1%，均居全省第2位:
		// each ranks so, the unknown one too)
		for _, sb := range sr.recent {
			if sb == nil || sb.ind == nil {
				continue
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
		// ends it otherwise; before 、 it is an unknown name of a list
		// (亩产、总产…; 固定资产投资、基础设施投资、…增速均排全区第1位).
		if !sr.r.isFiller(rs[cl.start:cl.end]) && !sr.r.isComparison(rs[cl.start:cl.end]) {
			sr.last = nil
			if cl.sep == '、' {
				sr.pending = sr.appendSubjects(sr.pending, sr.newSubject(subject{start: cl.start, end: cl.end}))
			} else {
				sr.pending = nil
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
			// names before 、 share the target; a joint name (城乡居民
			// 人均可支配收入) gives one target, its own indicator's
			subs := append(sr.pending, st.sub)
			if st.joint != nil {
				subs = append(sr.pending[:len(sr.pending)-2:len(sr.pending)-2], st.joint)
			}
			for _, sb := range subs {
				if sb != nil && sb.ind != nil {
					sr.qualitative(sb, cl, end)
				}
			}
		}
		if cl.sep == '、' {
			sub := st.sub
			if _, blocked := wordBlocker(rs[cl.items[0].end:cl.end]); blocked {
				// 规上工业总产值、增加值: a name inside another's;
				// 规上工业企业亩均税收、亩均增加值: so after the first
				sub = sr.newSubject(subject{start: cl.start, end: cl.end})
			}
			sr.pending = sr.appendSubjects(sr.pending, sub)
		} else {
			sr.pending = nil
		}
		sr.last = st.sub
	default:
		sr.pending = nil
		if st.sub == nil && sr.margin(cl) {
			// 增长6%，高于全省0.6个百分点，居全省第2位: a margin over
			// another's figure keeps the subject for the clauses after
			break
		}
		if st.sub != nil {
			sr.recent = sr.appendSubjects(sr.recent, st.sub)
		} else {
			sr.recent = sr.appendSubjects(sr.recent, sr.newSubject(subject{}))
		}
		sr.last = st.sub
	}
}

// margin reports whether a clause gives only margins over others' figures:
// 高于全省0.6个百分点, 比全国高1.2个百分点.
func (sr *sentenceReader) margin(cl clause) bool {
	if len(cl.items) == 0 {
		return false
	}
	rs := sr.p.Runes
	prev, words := cl.start, []rune(nil)
	for _, it := range cl.items {
		if it.kind != itemFigure || it.fig.unit.Dimension != catalogue.DimPoints {
			return false
		}
		words = append(words, rs[prev:it.start]...)
		prev = it.end
	}
	words = append(words, rs[prev:cl.end]...)
	return (outpaceWords.In(words) || marginWords.In(words)) && sr.r.isComparison(words)
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

// bareFigures returns the figures of a clause that is figures of kind
// alone, joined by 和 or 及 (9%和9%), or nil.
func bareFigures(rs []rune, cl clause, kind itemKind) []item {
	if bareFigure(rs, cl, kind) {
		return cl.items[:1]
	}
	if len(cl.items) < 2 || cl.items[0].start != cl.start || strings.TrimSpace(string(rs[cl.items[len(cl.items)-1].end:cl.end])) != "" {
		return nil
	}
	for i, it := range cl.items {
		if it.kind != kind || i > 0 && !isConjunction(rs[cl.items[i-1].end:it.start]) {
			return nil
		}
	}
	return cl.items
}

// isConjunction reports whether words are a conjunction alone: 和, 及.
func isConjunction(rs []rune) bool {
	w := trimPunct(rs)
	return len(w) > 0 && conjunctions.At(w, 0) == len(w)
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
var yearLeads = lexicon.NewList("year_lead")

// relativeYear reads a year named relative to the year a report speaks
// in at the start of rs: 今年, that year, 去年 and 上年, the year before,
// 明年, the year after.
func relativeYear(rs []rune, thisYear int) (year int, ok bool) {
	if len(rs) < 2 || rs[1] != '年' {
		return 0, false
	}
	switch rs[0] {
	case '今':
		return thisYear, true
	case '去', '上':
		return thisYear - 1, true
	case '明':
		return thisYear + 1, true
	}
	return 0, false
}

// relativeYearIn reads a year named relative to the year a report speaks
// in anywhere in rs (在去年…的基础上), but not one that is compared with
// (比去年, 较上年, 与上年).
func relativeYearIn(rs []rune, thisYear int) (year int, ok bool) {
	for i := 0; i+1 < len(rs); i++ {
		if rs[i+1] != '年' || i > 0 && strings.ContainsRune("比较与同", rs[i-1]) || i+2 < len(rs) && rs[i+2] == '度' {
			continue
		}
		if y, ok := relativeYear(rs[i:], thisYear); ok {
			return y, true
		}
	}
	return 0, false
}

// clauseYear finds a year named before a clause's first item: 今年, 去年,
// 2023年 (经济普查后,2023年全省地区生产总值…). A year that is a base or a
// comparison (比2020年, 由2010年的) is not the clause's, and neither is a
// year after its first figure.
func clauseYear(rs []rune, cl clause, thisYear int) int {
	reportYear := thisYear
	end := cl.end
	if len(cl.items) > 0 {
		end = cl.items[0].start
	}
	zone := rs[cl.start:end]
	if y, ok := relativeYearIn(zone, reportYear); ok {
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
		if j < len(zone) && (strings.ContainsRune("的底末", zone[j]) || isDigit(zone[j])) {
			return 0 // 2010年的, 2022年8月: a base, a date
		}
		return y
	}
	return 0
}

// qualitative records a target without a number: 居民收入与经济增长同步,
// 进出口稳中提质. Only the statement of 主要预期目标 has them.
func (sr *sentenceReader) qualitative(sub *subject, cl clause, end int) {
	rs := sr.p.Runes
	// What follows the subject's name: 与经济增长同步, 增速高于经济增长水平
	pred := rs[cl.items[0].end:cl.end]
	if sr.ctx.kind != model.Target || len(pred) < 2 || !qualitativeWords.In(pred) {
		return
	}
	for _, r := range pred {
		if r >= '0' && r <= '9' {
			return
		}
	}
	ind := sub.ind
	Unit := "%"
	if ind.Target == model.Level {
		Unit = ind.Unit
	}
	year, kind := sr.period(0)
	sr.take(model.Observation{
		Indicator: ind.ID, Measure: ind.Target, Year: year, Kind: kind,
		Unit: Unit, Qualifier: model.Qualitative,
		Text: sr.r.text.Quote(sr.p, cl.start, end), Page: sr.r.text.Page(sr.p.Pos[cl.start]), Line: sr.r.text.Line(sr.p.Pos[cl.start]),
	})
}

// qualitativeWords mark a target stated in words.
var qualitativeWords = lexicon.NewList("qualitative")

// period gives the year and kind of a figure: the sentence's or figure's
// own year if it names one, the section's otherwise.
func (sr *sentenceReader) period(figYear int) (int, model.Kind) {
	y := figYear
	if y == 0 {
		y = sr.year
	}
	if y == 0 {
		return sr.ctx.year, sr.ctx.kind
	}
	if y < sr.r.reportYear {
		return y, model.Actual
	}
	return y, model.Target
}

// sharesPredicate reports whether a lead says 均 (all of the subjects
// before it), and not 平均, 年均, 人均 or the like.
func sharesPredicate(lead []rune) bool { return sharedAt(lead) >= 0 }

// sharedAt returns where words say 均 of all the subjects before it, or -1.
func sharedAt(rs []rune) int {
	for i, r := range rs {
		if r == '均' && (i == 0 || !strings.ContainsRune("平年人户亩日月", rs[i-1])) {
			return i
		}
	}
	return -1
}

// additionWords are the words of the lexicon's role addition.
var additionWords = lexicon.NewList("addition")
