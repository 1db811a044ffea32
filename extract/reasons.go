package extract

// Reasons a figure is not taken as an observation. All but ReasonNoRule
// are deliberate: a rule saw what the figure is and left it out.
const (
	ReasonLookAlike    = "look-alike"    // 工业总产值 is not 工业增加值
	ReasonSubScope     = "sub-scope"     // 工业投资, 区本级, 人均: a part or a sector
	ReasonMultiYear    = "multi-year"    // 年均, 连续, 累计 over a plan period
	ReasonSubPeriod    = "sub-period"    // 前三季度, 1—11月: not the year
	ReasonOtherSubject = "other-subject" // the figure is another thing's (占全市…的, another indicator's)
	ReasonUnit         = "unit"          // not a figure of the catalogue's units: 个百分点, a difference
	ReasonBase         = "base"          // a starting point whose year is not named
	ReasonMeasure      = "measure"       // a measure the indicator does not take
	ReasonOwnScope     = "own-scope"     // a rank among the report's own parts (a city's 全市第2位)
	ReasonNoRule       = "no-rule"       // no rule read it: a possible miss
)

// decline is why a figure is not taken: a reason and the words that
// decided it.
type decline struct {
	reason string
	words  string
}

// Decline is a figure of a sentence not taken as an observation, and why.
type Decline struct {
	Indicator string `json:"indicator,omitempty"` // the indicator it was read for, if any
	Figure    string `json:"figure"`              // as written
	Reason    string `json:"reason"`
	Words     string `json:"words,omitempty"` // the words that decided
}

// Sentence is what reading one sentence gave: its observations and the
// figures it left, for `zhibiao extract --explain`.
type Sentence struct {
	Line     int           `json:"line"`
	Text     string        `json:"text"`
	Taken    []Observation `json:"taken,omitempty"`
	Declined []Decline     `json:"declined,omitempty"`
}

// decline records that a figure of the sentence is not taken.
func (sr *sentenceReader) decline(it item, ind *Indicator, d decline) {
	sr.declines = append(sr.declines, Decline{Figure: sr.figureText(it), Reason: d.reason, Words: d.words})
	if ind != nil {
		sr.declines[len(sr.declines)-1].Indicator = ind.ID
	}
}

// declineUnknown records a figure whose subject is unknown: for the
// reason its clause gave, or none.
func (sr *sentenceReader) declineUnknown(it item, sub *subject) {
	d := decline{reason: ReasonNoRule}
	if sr.why.reason != "" {
		d = sr.why
	}
	sr.decline(it, nil, d)
}

// figureText is a figure or rank as written.
func (sr *sentenceReader) figureText(it item) string {
	return sr.r.text.Quote(sr.p, it.start, it.end)
}

// take records an observation of the sentence.
func (sr *sentenceReader) take(o Observation) {
	sr.took++
	sr.r.add(candidate{Observation: o, sentence: sr.n})
	if sr.r.explain {
		sr.taken = append(sr.taken, o)
	}
}

// measureWord names a measure in the words of a report.
func measureWord(m string) string {
	if s, ok := MeasureNames[m]; ok {
		return s
	}
	return m
}

// account settles what reading a sentence gave: with explain, the
// sentence with its observations and the figures it left; and, when it
// names a core indicator beside a figure but gave no observation and no
// rule said why, an unread item for the analyst to check.
func (sr *sentenceReader) account() {
	r := sr.r
	if r.explain && (sr.took > 0 || len(sr.declines) > 0) {
		r.sentences = append(r.sentences, Sentence{
			Line: r.text.Line(sr.p.Pos[sr.s]), Text: r.text.Quote(sr.p, sr.s, sr.e),
			Taken: sr.taken, Declined: sr.declines,
		})
	}
	if sr.took > 0 {
		return
	}
	var ind *Indicator
	figures := false
	for _, cl := range sr.clauses {
		for _, it := range cl.items {
			switch {
			case it.kind != itemAlias:
				figures = true
			case ind == nil && it.alias.indicator.Tier == "core" && !it.alias.indicator.Disabled:
				ind = it.alias.indicator
			}
		}
	}
	if ind == nil || !figures {
		return
	}
	words := ""
	for _, d := range sr.declines {
		if d.Reason != ReasonNoRule {
			if words == "" {
				return // a rule left the sentence's figures out on purpose
			}
			continue
		}
		if words == "" {
			words = d.Words
			if words == "" {
				words = d.Figure
			}
		}
	}
	text := r.text.Quote(sr.p, sr.s, sr.e)
	if words == "" {
		words = "—"
	}
	r.review = append(r.review, ReviewItem{
		Reason: ReviewUnread, Indicator: ind.ID, Line: r.text.Line(sr.p.Pos[sr.s]), Text: text,
		Warning: Warnf(0, "names %s beside a figure, but no rule read it (%s)", ind.Name, words),
	})
}
