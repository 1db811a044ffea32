package export

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"zhibiao/extract/catalogue"
	"zhibiao/extract/evaluate"
	"zhibiao/extract/model"
)

// Conditional formats colour an actual cell by comparing it with its target
// cell, so that an edited number recolours itself in Excel and WPS: green
// when met, red when missed, yellow when a 左右 target is missed within the
// tolerance. They follow SPEC §4 as extract.Evaluate does.

// judgement is how an actual is compared with its target.
type judgement struct {
	above     bool    // met when actual ≥ target; otherwise when actual ≤ target
	tolerance float64 // > 0: a miss within it is 基本完成
}

// judgementOf returns the comparison for a target, and false for a target
// that cannot be compared (qualitative, or of an unknown indicator).
func (b *book) judgementOf(t *evaluate.Figure) (judgement, bool) {
	if t == nil || t.Value == nil || t.Qualifier == model.Qualitative {
		return judgement{}, false
	}
	ind := b.cat.Indicator(t.Indicator)
	if ind == nil {
		return judgement{}, false
	}
	j := judgement{above: higherIsBetter(ind, t.Measure)}
	switch t.Qualifier {
	case model.AtLeast:
		j.above = true
	case model.AtMost:
		j.above = false
	case model.About:
		j.tolerance = b.tolerance
	}
	return j, true
}

// higherIsBetter is the indicator's direction for a measure: a smaller
// position in a ranking is the better one.
func higherIsBetter(ind *catalogue.Indicator, measure model.Measure) bool {
	if measure == model.Rank || measure == model.GrowthRank {
		return false
	}
	return ind.Direction == "up"
}

// targetValue is the number a target cell holds: for a range, the end the
// actual is judged against (see numfmt.go), and the other end.
func (b *book) targetValue(t *evaluate.Figure) (v float64, other *float64, low bool) {
	v, low = *t.Value, true
	if t.Qualifier != model.Range || t.High == nil {
		return v, nil, low
	}
	if ind := b.cat.Indicator(t.Indicator); ind != nil && !higherIsBetter(ind, t.Measure) {
		return *t.High, t.Value, false
	}
	return v, t.High, true
}

// judged is an actual cell to colour, and where its target is.
type judged struct {
	col, row  int
	targetCol int
	judgement
}

// judgeRules sets the conditional formats of a sheet. Cells of one column
// in consecutive rows judged alike form a range; the ranges of one column
// judged alike, against targets in one column, share one rule, whose
// formula refers to the first cell of the first range. Every range lies in
// the same column, below the first, so Excel, WPS and LibreOffice move the
// references alike. One rule for a whole column matters on a sheet of
// thousands of regions: LibreOffice opens a rule per range slowly.
func (w *sheetWriter) judgeRules(cells []judged) {
	slices.SortFunc(cells, func(x, y judged) int {
		if x.col != y.col {
			return x.col - y.col
		}
		return x.row - y.row
	})
	type ruleKey struct {
		col, targetCol int
		judgement
	}
	var order []ruleKey
	ranges := map[ruleKey][]string{}
	first := map[ruleKey]judged{}
	for i := 0; i < len(cells) && w.err == nil; {
		j := i + 1
		for j < len(cells) && cells[j].col == cells[i].col && cells[j].row == cells[j-1].row+1 &&
			cells[j].targetCol == cells[i].targetCol && cells[j].judgement == cells[i].judgement {
			j++
		}
		k := ruleKey{cells[i].col, cells[i].targetCol, cells[i].judgement}
		if len(ranges[k]) == maxRuleRanges {
			w.setRule(first[k], ranges[k])
			delete(ranges, k)
		}
		if _, ok := ranges[k]; !ok {
			order = append(order, k)
			first[k] = cells[i]
		}
		ranges[k] = append(ranges[k], w.ref(cells[i].col, cells[i].row)+":"+w.ref(cells[j-1].col, cells[j-1].row))
		i = j
	}
	for _, k := range order {
		if rs, ok := ranges[k]; ok {
			w.setRule(first[k], rs)
			delete(ranges, k)
		}
	}
}

// maxRuleRanges bounds the ranges of one rule, to keep its reference list
// a modest length.
const maxRuleRanges = 500

// setRule sets the rules of ranges whose first cell is c.
func (w *sheetWriter) setRule(c judged, ranges []string) {
	if w.err != nil {
		return
	}
	rng := strings.Join(ranges, " ")
	if err := w.f.SetConditionalFormat(w.name, rng, w.rules(c)); err != nil {
		w.err = fmt.Errorf("sheet %s: conditional format %s: %w", w.name, ranges[0], err)
	}
}

// rules are the formulas of one judged range, relative to its first cell.
func (w *sheetWriter) rules(c judged) []excelize.ConditionalFormatOptions {
	a, t := w.ref(c.col, c.row), w.ref(c.targetCol, c.row)
	both := fmt.Sprintf("ISNUMBER(%s),ISNUMBER(%s)", a, t)
	meets, fails, slack := ">=", "<", "-"
	if !c.above {
		meets, fails, slack = "<=", ">", "+"
	}
	rule := func(style int, cond string) excelize.ConditionalFormatOptions {
		return excelize.ConditionalFormatOptions{Type: "formula", Criteria: "AND(" + both + "," + cond + ")", Format: &style}
	}
	met := rule(w.st.met, a+meets+t)
	if c.tolerance <= 0 {
		return []excelize.ConditionalFormatOptions{met, rule(w.st.missed, a+fails+t)}
	}
	bound := t + slack + strconv.FormatFloat(c.tolerance, 'f', -1, 64)
	return []excelize.ConditionalFormatOptions{
		met,
		rule(w.st.nearly, a+fails+t+","+a+meets+bound),
		rule(w.st.missed, a+fails+bound),
	}
}
