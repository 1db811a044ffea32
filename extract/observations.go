package extract

import (
	"strconv"

	"zhibiao/extract/catalogue"
	"zhibiao/extract/lexicon"
	"zhibiao/extract/model"
)

// lead is what the words before a figure say of it.
type lead struct {
	growth, negative bool // 增长 / 下降
	reach            bool // 增加到, 提高到: the figure is the new level
	change           bool // 增加, 提高: the figure is a difference
	rate             bool // 占, 比重: a share
	levelWord        bool // 总量, 规模: the rank of the level
	base             bool // 从, 由: the figure is a starting point
	compared         int  // 比2020年: the year the figure is compared with
	multiYear        bool // 年均, 每年, 连续: not one year's figure
	ofTarget         bool // 完成年度目标的: a share of a target, not a figure of the indicator
	outpace          bool // 高于, 快于: the figure is a margin over another's
	qualifier        model.Qualifier
	year             int // 2010年的, 到2030年
}

// Words of a lead, by what they say of the figure after them.
var (
	growthWords     = lexicon.NewList("growth")
	negativeWords   = lexicon.NewList("decline")
	reachWords      = lexicon.NewList("reach")
	changeWords     = lexicon.NewList("change")
	rateWords       = lexicon.NewList("share")
	shareWord       = lexicon.NewListOf("占")
	levelWords      = lexicon.NewList("level_word")
	multiYearWords  = lexicon.NewList("multi_year")
	atLeastWords    = lexicon.NewList("at_least")
	atMostWords     = lexicon.NewList("at_most")
	aboutWords      = lexicon.NewList("about")
	boundWords      = lexicon.NewList("bound")
	targetVerbs     = lexicon.NewList("target_verb")
	steadyWords     = lexicon.NewList("steady")
	planPeriodWords = lexicon.NewList("plan_period")
	cumulativeWords = lexicon.NewList("cumulative")
	outpaceWords    = lexicon.NewList("outpace")
	attributiveHead = lexicon.NewList("attributive")
)

// attributive returns the words after a figure that make it describe
// things (百亿以下的县清零: the counties of less than 10 billion; 营收1亿元
// 以上企业: firms of more than 100 million), or "". fig is the figure as
// written.
func attributive(fig, after []rune) string {
	at := 0
	switch {
	case len(after) > 1 && after[0] == '的':
		at = 1
	case hasWordBefore(fig, len(fig), "以上") || hasWordBefore(fig, len(fig), "以下"):
	default:
		return ""
	}
	if n := attributiveHead.At(after, at); n > 0 {
		return string(after[:at+n])
	}
	return ""
}

// readLead reads the words before a figure.
func readLead(rs []rune) lead {
	var l lead
	l.growth = growthWords.In(rs)
	l.negative = negativeWords.In(rs)
	l.reach = reachWords.In(rs)
	l.change = !l.reach && changeWords.In(rs)
	l.rate = rateWords.In(rs)
	l.levelWord = levelWords.In(rs)
	l.multiYear = multiYearWords.In(rs)
	l.ofTarget = isShareOfTarget(rs)
	l.outpace = outpaceWords.In(rs)
	switch {
	case atLeastWords.In(rs):
		l.qualifier = model.AtLeast
		if containsWord(rs, "不超过") {
			l.qualifier = model.AtMost
		}
	case atMostWords.In(rs):
		l.qualifier = model.AtMost
	case aboutWords.In(rs):
		l.qualifier = model.About
	}
	// The year written just before the figure: 由2010年的162.4亿元.
	t := len(rs)
	for t > 0 && (rs[t-1] == '的' || rs[t-1] == '底' || rs[t-1] == '末') {
		t--
	}
	if t >= 5 {
		if y, end := readYear(rs, t-5); y > 0 && end == t {
			l.year = y
			t -= 5
		}
	}
	t -= boundWords.Before(rs, t) // 从不到70万亿元
	if t > 0 && (rs[t-1] == '从' || rs[t-1] == '由') {
		l.base = true
	}
	for i := 0; i+1 < len(rs); i++ {
		if rs[i] == '到' || rs[i] == '至' {
			if y, _ := readYear(rs, i+1); y > 0 {
				l.year = y
			}
		}
		if rs[i] == '比' || rs[i] == '较' {
			if y, _ := readYear(rs, i+1); y > 0 {
				l.compared = y
			}
		}
	}
	return l
}

// emit turns one figure or rank of a subject into a candidate
// observation, in steps that each decide one thing: is the figure the
// subject's at all, of one year, which measure and value, which year and
// kind. A step that declines says why.
func (sr *sentenceReader) emit(sub *subject, it item, leadRunes []rune, textStart int) {
	if sub == nil || sub.ind == nil {
		if it.kind == itemFigure {
			sr.othersFirst = true
		}
		sr.declineUnknown(it, sub)
		return
	}
	ind := sub.ind
	switch {
	case sr.other != "":
		sr.decline(it, ind, decline{model.ReasonOtherSubject, sr.other})
		return
	case sr.part != "":
		sr.decline(it, ind, decline{model.ReasonSubPeriod, sr.part})
		return
	}
	if w := attributive(sr.p.Runes[it.start:it.end], sr.p.Runes[it.end:sr.e]); w != "" {
		sr.decline(it, ind, decline{model.ReasonOtherSubject, w})
		return
	}
	l := readLead(leadRunes)
	if d := sr.severalYears(l, sr.statement(sub, textStart, it)); d != nil {
		sr.decline(it, ind, *d)
		return
	}
	o := model.Observation{Indicator: ind.ID, Qualifier: model.Exact}
	var d *decline
	switch it.kind {
	case itemRank:
		d = sr.rank(&o, sub, it, l, leadRunes, textStart)
	case itemFigure:
		d = sr.figure(&o, sub, it, l)
	}
	if d == nil && !ind.Takes(o.Measure) {
		d = &decline{model.ReasonMeasure, catalogue.MeasureWord(o.Measure)}
	}
	if d != nil {
		sr.decline(it, ind, *d)
		return
	}
	o.Text = sr.r.text.Quote(sr.p, textStart, it.end)
	o.Page, o.Line = sr.r.text.Page(sr.p.Pos[textStart]), sr.r.text.Line(sr.p.Pos[textStart])
	o.Year, o.Kind = sr.period(l.year)
	if o.Kind == model.Actual && l.year == 0 && sr.year == 0 && targetVerbs.In(sr.p.Runes[max(textStart, it.start-leadWindow):it.start]) {
		// 力争全年地区生产总值增长6%以上: a target, whatever the section
		o.Year, o.Kind = sr.r.reportYear, model.Target
	}
	sr.lastSub, sr.lastM = sub, o.Measure
	sr.take(o)
}

// leadWindow bounds the words before a figure that rules read for it, so
// that a clause of thousands of figures takes time in proportion to its
// length: a statement of a figure is some dozens of runes.
const leadWindow = 80

// statement returns the words of the statement a figure is part of: from
// its clause, or from its subject's name when the clauses between are a
// list joined by 、 (生产总值连续跨越7万亿、8万亿).
func (sr *sentenceReader) statement(sub *subject, textStart int, it item) []rune {
	from := max(min(textStart, it.start), it.start-leadWindow)
	for from > sub.start && from > sr.s && from > it.start-leadWindow {
		if c := sr.p.Runes[from-1]; c == ',' || c == '，' || c == ':' {
			break
		}
		from--
	}
	return sr.p.Runes[from:it.start]
}

// severalYears declines a figure of several years: 年均, 连续, 累计 over a
// plan period, 稳定在 a level every year of the period. before is the
// clause up to the figure.
func (sr *sentenceReader) severalYears(l lead, before []rune) *decline {
	leadRunes := before
	switch {
	case l.multiYear || multiYearWords.In(before):
		return &decline{model.ReasonMultiYear, multiYearWords.Find(before)}
	case cumulativeWords.In(leadRunes) && (sr.ctx.span || sr.multiYear()):
		return &decline{model.ReasonMultiYear, cumulativeWords.Find(leadRunes)}
	case sr.ctx.span && l.year == 0 && sr.year == 0 && steadyWords.In(leadRunes):
		return &decline{model.ReasonMultiYear, steadyWords.Find(leadRunes)} // 这五年…粮食总产稳定在1100亿斤以上
	}
	return nil
}

// rank fills o with a rank: of the level or of the growth, in its scope.
func (sr *sentenceReader) rank(o *model.Observation, sub *subject, it item, l lead, leadRunes []rune, textStart int) *decline {
	ind := sub.ind
	o.Scope = sr.r.rankScope(it.rank.scope)
	switch {
	case o.Scope == "":
		return &decline{model.ReasonOwnScope, it.rank.scope}
	case l.base && !it.rank.moved:
		return &decline{model.ReasonBase, "从"}
	case !sr.named && !l.levelWord && sr.lastLeft != "":
		// 总数达2224家、居全省第4位: the rank of the figure before it,
		// which is no figure of the indicator
		return &decline{model.ReasonOtherSubject, sr.lastLeft}
	}
	o.Measure = model.Rank
	v := it.rank.value
	o.Value, o.Unit = &v, "位"
	if l.levelWord && l.growth && containsAny(leadRunes, "和", "与", "及", "、") {
		// 总量和增速均居全国第5位: both ranks
		both := *o
		both.Measure = model.GrowthRank
		if ind.Takes(model.GrowthRank) {
			both.Text = sr.r.text.Quote(sr.p, textStart, it.end)
			both.Page, both.Line = sr.r.text.Page(sr.p.Pos[textStart]), sr.r.text.Line(sr.p.Pos[textStart])
			both.Year, both.Kind = sr.period(l.year)
			sr.take(both)
		}
	}
	switch {
	case l.levelWord:
	case l.growth || sub.measure == model.Growth:
		o.Measure = model.GrowthRank
	case sr.lastSub == sub && sr.lastM == model.Growth:
		o.Measure = model.GrowthRank
	}
	return nil
}

// figure fills o with a figure: a growth, a rate or a level, converted to
// the indicator's unit, with its qualifier.
func (sr *sentenceReader) figure(o *model.Observation, sub *subject, it item, l lead) *decline {
	ind := sub.ind
	f := it.fig
	switch {
	case f.unit.Dimension == catalogue.DimPoints && sr.ctx.goals && sr.ctx.kind == model.Target && l.outpace:
		// 地区生产总值增速高于全省1个百分点左右: a target set against
		// another's growth, which the report does not give
		o.Measure, o.Qualifier, o.Unit = ind.Target, model.Qualitative, "%"
		if ind.Target == model.Level {
			o.Unit = ind.Unit
		}
		return nil
	case f.unit.Dimension == catalogue.DimPoints:
		return &decline{model.ReasonUnit, f.unit.Text} // 提高0.3个百分点: a change of a rate
	case l.base && l.year == 0:
		return &decline{model.ReasonBase, "从"} // 从7248亿元增加到…: a start whose year is not named
	case l.ofTarget:
		return &decline{model.ReasonUnit, "目标的"} // 完成年度目标的112%
	}
	if y, _ := sr.period(l.year); l.compared != 0 && l.compared != y-1 {
		return &decline{model.ReasonMultiYear, "比" + strconv.Itoa(l.compared) + "年"} // 比2020年增长30%
	}
	if f.unit.Dimension == catalogue.DimPercent {
		if d := sr.percent(o, sub, f, l); d != nil {
			return d
		}
	} else if d := sr.level(o, sub, f, l); d != nil {
		return d
	}
	switch {
	case f.isRange:
		o.Qualifier = model.Range
	case f.suffix != "":
		o.Qualifier = f.suffix
	case l.qualifier != "":
		o.Qualifier = l.qualifier
	}
	if o.Measure == model.Growth && l.negative && !l.reach {
		switch o.Qualifier {
		case model.AtLeast:
			o.Qualifier = model.AtMost
		case model.AtMost:
			o.Qualifier = model.AtLeast
		}
	}
	return nil
}

// percent fills o with a figure in %: a rate (失业率, 占比) or a growth.
func (sr *sentenceReader) percent(o *model.Observation, sub *subject, f figure, l lead) *decline {
	ind := sub.ind
	switch {
	case l.rate || sub.measure == model.Rate:
		o.Measure = model.Rate
	case l.reach && ind.Takes(model.Rate): // 失业率下降到5.2%: the rate reached
		o.Measure = model.Rate
	case l.growth || l.negative || sub.measure == model.Growth:
		o.Measure = model.Growth
	case ind.Takes(model.Rate):
		o.Measure = model.Rate
	default:
		o.Measure = model.Growth
	}
	if l.change && o.Measure == model.Rate {
		return &decline{model.ReasonUnit, "提高"} // 提高了0.3%: a change of a rate
	}
	if o.Measure == model.Growth && sr.ctx.span && l.year == 0 && sr.year == 0 {
		return &decline{model.ReasonMultiYear, "五年"} // 这五年…能耗下降17%: over the period
	}
	o.Unit = "%"
	lo, hi := f.value, f.high
	if o.Measure == model.Growth && l.negative && !l.reach {
		lo, hi = -f.high, -f.value
	}
	o.Value = &lo
	if f.isRange {
		o.High = &hi
	}
	return nil
}

// level fills o with an amount, converted to the indicator's unit.
func (sr *sentenceReader) level(o *model.Observation, sub *subject, f figure, l lead) *decline {
	ind := sub.ind
	switch {
	case (l.growth || l.negative || l.change) && !l.reach:
		return &decline{model.ReasonUnit, "增长" + f.unit.Text} // 增长5亿元 is a difference, not a level
	case sub.measure != "" && sub.measure != model.Level:
		return &decline{model.ReasonMeasure, catalogue.MeasureWord(sub.measure)}
	case ind.Adds && sr.ctx.span && l.year == 0 && sr.year == 0:
		return &decline{model.ReasonMultiYear, "五年"} // 五年来城镇新增就业603.7万人
	case f.unit.Dimension == catalogue.DimNone && !sr.named:
		// 2300万 in a clause that does not name the indicator: of what?
		return &decline{model.ReasonUnit, f.unit.Text}
	}
	o.Measure = model.Level
	lo, Unit, ok := catalogue.Convert(f.value, f.unit, ind.Unit)
	if !ok {
		return &decline{model.ReasonUnit, f.unit.Text}
	}
	hi, _, _ := catalogue.Convert(f.high, f.unit, ind.Unit)
	o.Value, o.Unit = &lo, Unit
	if f.isRange {
		o.High = &hi
	}
	return nil
}

// multiYear reports whether the sentence speaks of several years (五年来,
// “十四五”期间), so that its 累计 totals are not one year's.
func (sr *sentenceReader) multiYear() bool {
	rs := sr.p.Runes[sr.s:sr.e]
	if planPeriodWords.In(rs) {
		return true
	}
	for i := indexWord(rs, "年来"); i > 0; {
		if rs[i-1] != '一' {
			return true
		}
		j := indexWord(rs[i+2:], "年来")
		if j < 0 {
			break
		}
		i += 2 + j
	}
	return false
}
