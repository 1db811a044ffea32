// Package model is what reading a report gives: the report with its
// source, region and year, its observations, the review items an analyst
// should check, and the warnings and file errors met on the way. It is the
// bottom of the extractor: every other package speaks in its types, and it
// imports none of them but the division table its region labels need.
package model

import (
	"encoding/json"
	"fmt"
	"slices"
)

// Measure is what of an indicator a figure gives: its amount, its growth …
type Measure string

// Measures of an observation.
const (
	Level      Measure = "level"       // an amount
	Growth             = "growth"      // % change on a year earlier
	Rate               = "rate"        // a ratio that is itself a percentage
	Rank               = "rank"        // position of the level or rate
	GrowthRank         = "growth_rank" // position of the growth
)

// Kind tells a result from a target.
type Kind string

// Kinds of an observation.
const (
	Actual Kind = "actual"
	Target Kind = "target"
)

// Qualifier says how a value is meant: exactly, about, at least …
type Qualifier string

// Qualifiers of an observation's value.
const (
	Exact       Qualifier = "exact"
	About                 = "about"
	AtLeast               = "at_least"
	AtMost                = "at_most"
	Range                 = "range"
	Qualitative           = "qualitative"
)

// RegionLevel is the rank of a region among divisions. (Level is the
// measure of an amount.)
type RegionLevel string

// Region levels.
const (
	Nation     RegionLevel = "nation"
	Province               = "province"
	Prefecture             = "prefecture"
	County                 = "county"
)

// Report is everything read from one input file.
type Report struct {
	Source Source `json:"source"`
	Region Region `json:"region"`
	Year   int    `json:"year"` // the year the report was delivered
	// How the region and the year were told: given, or the evidence of
	// the text that decided them.
	RegionEvidence *Evidence     `json:"region_evidence,omitempty"`
	YearEvidence   *Evidence     `json:"year_evidence,omitempty"`
	Title          string        `json:"title,omitempty"`
	Observations   []Observation `json:"observations"`
	Warnings       []Warning     `json:"warnings,omitempty"`
	// Review lists what an analyst should check: sentences left unread,
	// doubtful figures.
	Review []ReviewItem `json:"review"`
	// Sentences, with Options.Explain, says sentence by sentence what
	// was taken and what was not, and why.
	Sentences []Sentence `json:"sentences,omitempty"`
}

// Scope is the area a rank is taken among: 全国, 全省, 全市. An
// observation of any other measure has none ("").
type Scope string

// Scopes of ranks.
const (
	ScopeNation   Scope = "nation"
	ScopeProvince Scope = "province"
	ScopeCity     Scope = "city"
)

// Reasons of review items and flags of observations, most serious first.
const (
	ReviewRegion       = "region"       // the region or year was told by weak evidence
	ReviewConflict     = "conflict"     // the report states other values for the same figure
	ReviewImplausible  = "implausible"  // outside the catalogue's plausible range
	ReviewInconsistent = "inconsistent" // disagrees with the region's reports of the years around
	ReviewScope        = "scope"        // its paragraph is about a part of the region (开发区, 县域)
	ReviewUnread       = "unread"       // a sentence names a core indicator beside a figure, and no rule read it
	ReviewSubperiod    = "subperiod"    // a figure of a period shorter than the year
)

// ReviewReasons are the reasons, most serious first.
var ReviewReasons = []string{ReviewRegion, ReviewConflict, ReviewImplausible, ReviewInconsistent, ReviewScope, ReviewUnread, ReviewSubperiod}

// ReviewItem is something of a report an analyst should check. The
// message is a Warning, so that a user interface can say it in another
// language; its line is the item's.
type ReviewItem struct {
	Reason    string  `json:"reason"`
	Indicator string  `json:"indicator,omitempty"`
	Measure   Measure `json:"measure,omitempty"`
	Year      int     `json:"year,omitempty"`
	Kind      Kind    `json:"kind,omitempty"`
	Scope     Scope   `json:"scope,omitempty"`
	Page      int     `json:"page,omitempty"` // of a PDF
	Line      int     `json:"line"`           // see Block.Line
	Text      string  `json:"text"`
	Warning   `json:"-"`
}

// MarshalJSON writes the item with its message.
func (it ReviewItem) MarshalJSON() ([]byte, error) {
	type plain ReviewItem
	return json.Marshal(struct {
		plain
		Message string `json:"message"`
	}{plain(it), it.Message})
}

// Source describes the input a report was read from.
type Source struct {
	Path     string `json:"path"`
	SHA256   string `json:"sha256"`
	Format   string `json:"format"`   // txt, md, html, docx, pdf
	Encoding string `json:"encoding"` // utf-8, utf-16le, utf-16be, gb18030, big5
	Script   string `json:"script"`   // simplified or traditional
}

// Region is the administrative area a report speaks for.
type Region struct {
	Name   string      `json:"name"`
	Level  RegionLevel `json:"level"`
	Parent string      `json:"parent,omitempty"`
	Code   string      `json:"code,omitempty"`
}

// Observation is one figure of one indicator.
type Observation struct {
	Indicator string    `json:"indicator"`
	Measure   Measure   `json:"measure"`
	Year      int       `json:"year"`
	Kind      Kind      `json:"kind"`
	Value     *float64  `json:"value"`
	High      *float64  `json:"high,omitempty"`
	Unit      string    `json:"unit"`
	Qualifier Qualifier `json:"qualifier"`
	Scope     Scope     `json:"scope,omitempty"`
	Text      string    `json:"text"`
	Page      int       `json:"page,omitempty"` // of a PDF
	Line      int       `json:"line"`           // see Block.Line
	// Flags are the reasons of its review items (ReviewConflict …), if any.
	Flags []string `json:"flags,omitempty"`
	// Corrected says where the analyst's correction of its value came
	// from; Confirmed, where the analyst said the value is right.
	Corrected *Correction `json:"corrected,omitempty"`
	Confirmed *Correction `json:"confirmed,omitempty"`
}

// Correction is a row of the analyst's corrections file that changed or
// confirmed an observation.
type Correction struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Note string `json:"note,omitempty"`
}

// Flag adds a review reason to the observation, once.
func (o *Observation) Flag(reason string) {
	if !slices.Contains(o.Flags, reason) {
		o.Flags = append(o.Flags, reason)
		slices.SortFunc(o.Flags, func(a, b string) int { return ReviewRank(a) - ReviewRank(b) })
	}
}

// ReviewRank is the place of a reason among ReviewReasons: the lower, the
// more serious.
func ReviewRank(reason string) int {
	if i := slices.Index(ReviewReasons, reason); i >= 0 {
		return i
	}
	return len(ReviewReasons)
}

// Key is what makes an observation one within a report.
func (o *Observation) Key() ObservationKey {
	return ObservationKey{o.Indicator, o.Measure, o.Kind, o.Scope, o.Year}
}

// ObservationKey identifies an observation of a report: a report has at
// most one per indicator, measure, kind, scope and year.
type ObservationKey struct {
	Indicator string
	Measure   Measure
	Kind      Kind
	Scope     Scope
	Year      int
}

// Key is the observation key a review item concerns; its Indicator is
// empty for an item of the whole report.
func (it *ReviewItem) Key() ObservationKey {
	return ObservationKey{it.Indicator, it.Measure, it.Kind, it.Scope, it.Year}
}

// Warning is a message about a report that did not stop it being read.
// Message is in English; Format and Args let a user interface say it in
// another language (Format is the key of its message catalog).
type Warning struct {
	Line    int    `json:"line,omitempty"`
	Message string `json:"message"`
	Format  string `json:"-"`
	Args    []any  `json:"-"`
}

// Warnf makes a warning of a format and its arguments.
func Warnf(line int, format string, args ...any) Warning {
	return Warning{Line: line, Message: fmt.Sprintf(format, args...), Format: format, Args: args}
}
