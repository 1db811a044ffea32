package model

import (
	"strconv"
	"strings"

	"zhibiao/extract/divisions"
)

// Evidence says how a report's region or year was told: the way (By), the
// words that decided with their counts, most telling first, and the
// candidate that came next.
type Evidence struct {
	By       string  `json:"by"`
	Words    []Count `json:"words,omitempty"`
	RunnerUp *Count  `json:"runner_up,omitempty"`
}

// Ways of telling a region or a year (Evidence.By).
const (
	ByGiven    = "given"    // --region, --year or a manifest
	ByTitle    = "title"    // the title, the congress or government line, 关于…的报告
	ByDate     = "date"     // the date the report was delivered
	ByText     = "text"     // how the text speaks of itself: 全市, 我市, 市委 …, then the names it uses
	BySections = "sections" // the years of the review and of the plan
	ByNames    = "names"    // only the names the text keeps using: a low-confidence reading
	ByYears    = "years"    // only the years the text mentions most: a low-confidence reading
)

// Count is a word and how often the text has it.
type Count struct {
	Word  string `json:"word"`
	Count int    `json:"count"`
}

func (c Count) String() string { return c.Word + " " + strconv.Itoa(c.Count) }

// Sure reports whether the evidence settles its answer: anything but a
// reading of names or years alone.
func (e *Evidence) Sure() bool { return e != nil && e.By != ByNames && e.By != ByYears }

// Summary says the evidence in a line: 全市 83、我市 12、梧州 68；其次 柳州市 5.
func (e *Evidence) Summary() string {
	if e == nil {
		return ""
	}
	parts := make([]string, len(e.Words))
	for i, w := range e.Words {
		parts[i] = w.String()
		if e.By == ByTitle || e.By == ByDate {
			parts[i] = w.Word // the phrase itself: 新乡市第十四届人民代表大会
		}
	}
	s := strings.Join(parts, "、")
	if e.RunnerUp != nil {
		s += "；其次 " + e.RunnerUp.String()
	}
	return s
}

// Label is the name a region is shown and grouped by: its name, with its
// parent's when another division of the table has the same name, so that
// 鼓楼区（南京市） and 鼓楼区（福州市） are two regions, not one.
func (r Region) Label() string {
	if r.Parent != "" && divisions.Shared(r.Name) {
		return r.Name + "（" + r.Parent + "）"
	}
	return r.Name
}

// Answers says how a name a user writes (in a corrections file, a
// template) names the region: exactly — its label, or its name where no
// other division shares it — or by a shorter form that may name other
// regions too: its name alone (鼓楼区), its short name (新乡 for 新乡市).
func (r Region) Answers(name string) (exact, short bool) {
	switch {
	case r.Name == "":
		return false, false
	case r.Label() == name || r.Name == name && !divisions.Shared(name):
		return true, false
	}
	return false, r.Name == name || divisions.ShortName(r.Name) == name
}
