package extract

import "zhibiao/extract/lexicon"

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
	qualifier        string
	year             int // 2010年的, 到2030年
}

// Words of a lead, by what they say of the figure after them.
var (
	growthWords    = lexicon.NewListOf("增长", "增速", "增幅", "涨幅", "上涨", "上升", "增产")
	negativeWords  = lexicon.NewListOf("下降", "降低", "回落", "减少", "负增长", "下跌", "下滑", "减产")
	reachWords     = lexicon.NewListOf("增加到", "增加至", "增至", "提高到", "提高至", "提升到", "提升至", "上升到", "上升至", "增长到", "增长至", "下降到", "下降至", "降低到", "降至", "回落到", "回落至")
	changeWords    = lexicon.NewListOf("增加", "提高", "提升", "减少", "增收", "多")
	rateWords      = lexicon.NewListOf("占", "比重")
	levelWords     = lexicon.NewListOf("总量", "规模")
	multiYearWords = lexicon.NewListOf("年均", "平均每年", "每年", "连续", "历年", "翻番", "翻一番")
	atLeastWords   = lexicon.NewListOf("不低于", "突破", "超过", "超", "逾", "高于", "跃上", "迈上", "站上", "跨越", "跨上")
	atMostWords    = lexicon.NewListOf("不超过", "不高于", "低于", "控制在", "不到", "不足")
	aboutWords     = lexicon.NewListOf("接近", "近", "约")
)

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
	switch {
	case atLeastWords.In(rs):
		l.qualifier = AtLeast
		if containsWord(rs, "不超过") {
			l.qualifier = AtMost
		}
	case atMostWords.In(rs):
		l.qualifier = AtMost
	case aboutWords.In(rs):
		l.qualifier = About
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
	for _, w := range []string{"不到", "不足", "超过", "突破", "接近", "近", "约"} {
		if hasWordBefore(rs, t, w) { // 从不到70万亿元
			t -= len([]rune(w))
			break
		}
	}
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

// emit turns one figure or rank of a subject into a candidate observation.
func (sr *sentenceReader) emit(sub *subject, it item, leadRunes []rune, textStart int) {
	if sub == nil || sub.ind == nil {
		if it.kind == itemFigure {
			sr.othersFirst = true
		}
		return
	}
	ind := sub.ind
	l := readLead(leadRunes)
	if l.multiYear || (containsWord(leadRunes, "累计") && (sr.ctx.span || sr.multiYear())) {
		return
	}
	if sr.ctx.span && l.year == 0 && sr.year == 0 && containsAny(leadRunes, "稳定在", "保持在", "始终") {
		return // 这五年…粮食总产稳定在1100亿斤以上: every year of the period
	}
	text := sr.r.text.Quote(sr.p, textStart, it.end)
	line := sr.r.text.Line(sr.p.Pos[textStart])
	o := Observation{Indicator: ind.ID, Qualifier: Exact, Text: text, Line: line}
	switch it.kind {
	case itemRank:
		o.Scope = sr.r.rankScope(it.rank.scope)
		if o.Scope == "" || (l.base && !it.rank.moved) {
			return
		}
		o.Measure = Rank
		v := it.rank.value
		o.Value, o.Unit = &v, "位"
		if l.levelWord && l.growth && containsAny(leadRunes, "和", "与", "及", "、") {
			// 总量和增速均居全国第5位: both ranks
			both := o
			both.Measure = GrowthRank
			if ind.Takes(GrowthRank) {
				both.Year, both.Kind = sr.period(l.year)
				sr.r.add(candidate{Observation: both, sentence: sr.n})
			}
		}
		switch {
		case l.levelWord:
		case l.growth || sub.measure == Growth:
			o.Measure = GrowthRank
		case sr.lastSub == sub && sr.lastM == Growth:
			o.Measure = GrowthRank
		}
	case itemFigure:
		f := it.fig
		if f.unit.dimension == dimPoints || (l.base && l.year == 0) || l.ofTarget {
			return
		}
		if y, _ := sr.period(l.year); l.compared != 0 && l.compared != y-1 {
			return // 比2020年增长30%: a change over several years
		}
		if f.unit.dimension == dimPercent {
			switch {
			case l.rate || sub.measure == Rate:
				o.Measure = Rate
			case l.reach && ind.Takes(Rate): // 失业率下降到5.2%: the rate reached
				o.Measure = Rate
			case l.growth || l.negative || sub.measure == Growth:
				o.Measure = Growth
			case ind.Takes(Rate):
				o.Measure = Rate
			default:
				o.Measure = Growth
			}
			if l.change && o.Measure == Rate {
				return
			}
			if o.Measure == Growth && sr.ctx.span && l.year == 0 && sr.year == 0 {
				return // 这五年…能耗下降17%: a change over the period
			}
			o.Unit = "%"
			lo, hi := f.value, f.high
			if o.Measure == Growth && l.negative && !l.reach {
				lo, hi = -f.high, -f.value
			}
			o.Value = &lo
			if f.isRange {
				o.High = &hi
			}
		} else {
			if (l.growth || l.negative || l.change) && !l.reach {
				return // 增长5亿元 is a difference, not a level
			}
			if sub.measure != "" && sub.measure != Level {
				return
			}
			if ind.Adds && sr.ctx.span && l.year == 0 && sr.year == 0 {
				return // 五年来城镇新增就业603.7万人: a total over the period
			}
			o.Measure = Level
			lo, unit, ok := convert(f.value, f.unit, ind.Unit)
			if !ok {
				return
			}
			hi, _, _ := convert(f.high, f.unit, ind.Unit)
			o.Value, o.Unit = &lo, unit
			if f.isRange {
				o.High = &hi
			}
		}
		switch {
		case f.isRange:
			o.Qualifier = Range
		case f.suffix == "左右" || f.suffix == "上下":
			o.Qualifier = About
		case f.suffix == "以上":
			o.Qualifier = AtLeast
		case f.suffix == "以内" || f.suffix == "以下" || f.suffix == "之内":
			o.Qualifier = AtMost
		case l.qualifier != "":
			o.Qualifier = l.qualifier
		}
		if o.Measure == Growth && l.negative && !l.reach {
			switch o.Qualifier {
			case AtLeast:
				o.Qualifier = AtMost
			case AtMost:
				o.Qualifier = AtLeast
			}
		}
	}
	if !ind.Takes(o.Measure) {
		return
	}
	o.Year, o.Kind = sr.period(l.year)
	if o.Kind == Actual && l.year == 0 && sr.year == 0 && containsAny(sr.p.Runes[textStart:it.start], "力争", "争取", "确保", "预期") {
		// 力争全年地区生产总值增长6%以上: a target, whatever the section
		o.Year, o.Kind = sr.r.reportYear, Target
	}
	sr.lastSub, sr.lastM = sub, o.Measure
	sr.r.add(candidate{Observation: o, sentence: sr.n})
}

// multiYear reports whether the sentence speaks of several years (五年来,
// “十四五”期间), so that its 累计 totals are not one year's.
func (sr *sentenceReader) multiYear() bool {
	rs := sr.p.Runes[sr.s:sr.e]
	if containsAny(rs, "五年", "十二五", "十三五", "十四五", "十五五", "期间", "时期", "历年") {
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
