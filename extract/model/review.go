package model

import (
	"cmp"
	"slices"
	"strconv"
)

// SortReview puts review items in order: most serious first, then by line.
func SortReview(items []ReviewItem) {
	slices.SortStableFunc(items, func(a, b ReviewItem) int {
		return cmp.Or(ReviewRank(a.Reason)-ReviewRank(b.Reason), a.Line-b.Line)
	})
}

// NewReviewItem is the review item of an observation.
func NewReviewItem(o *Observation, reason string, w Warning) ReviewItem {
	return ReviewItem{Reason: reason, Indicator: o.Indicator, Measure: o.Measure, Year: o.Year, Kind: o.Kind,
		Scope: o.Scope, Page: o.Page, Line: o.Line, Text: o.Text, Warning: w}
}

// ValueText writes an observation's value the way a report does: 4.9%,
// 3569.7亿元, 6%左右, 6%以上, 6%—6.5%, 第4位, 下降3%以上 (a fall of at least
// 3%: at most -3); a qualitative one is its phrase.
func ValueText(o *Observation) string {
	if o.Value == nil {
		return o.Text
	}
	num := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	v := *o.Value
	switch {
	case o.Measure == Rank || o.Measure == GrowthRank:
		return "第" + num(v) + "位" + QualifierWord(o.Qualifier)
	case o.Qualifier == Range && o.High != nil:
		return num(v) + o.Unit + "—" + num(*o.High) + o.Unit
	case o.Measure == Growth && v < 0 && o.Qualifier == AtLeast:
		return "下降" + num(-v) + o.Unit + "以内"
	case o.Measure == Growth && v < 0 && o.Qualifier == AtMost:
		return "下降" + num(-v) + o.Unit + "以上"
	}
	return num(v) + o.Unit + QualifierWord(o.Qualifier)
}

// QualifierWord is the word after a figure that says its qualifier:
// 左右, 以上, 以内, or "".
func QualifierWord(q Qualifier) string {
	switch q {
	case About:
		return "左右"
	case AtLeast:
		return "以上"
	case AtMost:
		return "以内"
	}
	return ""
}
