package model

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
	Page     int           `json:"page,omitempty"` // of a PDF
	Line     int           `json:"line"`           // see Block.Line
	Text     string        `json:"text"`
	Taken    []Observation `json:"taken,omitempty"`
	Declined []Decline     `json:"declined,omitempty"`
}
