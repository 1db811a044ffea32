package export

import (
	"strconv"
	"strings"

	"zhibiao/extract/evaluate"
	"zhibiao/extract/model"
)

// Number formats. A figure stays a number in its cell; its unit and its
// qualifier are shown by the cell's number format, so 6%左右 is the number 6
// formatted 0.0"%左右" and formulas over it still work. Units are literals:
// a percentage is stored as 6, not 0.06, so "%" is quoted and never scales.
//
// A range target (增长6.5%－7%) holds the end it is judged against — the low
// end for an indicator where higher is better, the high end otherwise — and
// shows the other end as a literal: 6.5 formatted 0.0"—7.0%" reads 6.5—7.0%.
// The conditional formats then compare the actual with the cell itself.

const (
	maxDecimals = 4
	countFormat = "0"
	yearFormat  = "0"
	dateFormat  = `yyyy"年"m"月"d"日"`
)

// decimals is the number of decimals v was stated with, at most maxDecimals.
func decimals(v float64) int {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	_, frac, ok := strings.Cut(s, ".")
	if !ok {
		return 0
	}
	return min(len(frac), maxDecimals)
}

// numberPart is #,##0 with d decimals.
func numberPart(d int) string {
	if d <= 0 {
		return "#,##0"
	}
	return "#,##0." + strings.Repeat("0", d)
}

// literal quotes s for a number format.
func literal(s string) string {
	if s == "" {
		return ""
	}
	return `"` + strings.NewReplacer(`"`, "", `\`, "").Replace(s) + `"`
}

// figureFormat is the number format of a figure stored as v. other is the
// other end of a range (see the package notes above), low tells whether v
// is the low end.
func figureFormat(v float64, unit string, qualifier model.Qualifier, measure model.Measure, other *float64, low bool) string {
	d := decimals(v) // as the report states it: 6%, 5.5%, 3569.7亿元
	if strings.HasPrefix(unit, "万") || strings.HasPrefix(unit, "亿") {
		// A figure converted into the catalogue's unit (8317人 is
		// 0.8317万人) shows two decimals at most; the cell keeps it whole.
		d = min(d, 2)
	}
	if other != nil {
		d = max(d, decimals(*other))
	}
	if unit == "位" {
		return literal("第") + numberPart(d) + literal("位"+model.QualifierWord(qualifier))
	}
	num := numberPart(d)
	if qualifier == model.Range && other != nil {
		o := strconv.FormatFloat(*other, 'f', d, 64)
		if low {
			return num + literal("—"+o+unit)
		}
		return literal(o+"—") + num + literal(unit)
	}
	pos := num + literal(unit+model.QualifierWord(qualifier))
	if measure == model.Growth && v < 0 {
		// 下降3%以上 is growth −3 at most: show it as the report wrote it.
		switch qualifier {
		case model.AtLeast:
			return pos + ";" + literal("下降") + num + literal(unit+"以内")
		case model.AtMost:
			return pos + ";" + literal("下降") + num + literal(unit+"以上")
		}
	}
	return pos
}

// gapFormat is the number format of a target's gap: signed, with the
// unit the analyst says it in (个百分点 for a percentage, 亿元 …), and
// the judgement as a mark that prints without colour: ▲ met, △ nearly met
// (within the tolerance of a 左右 target), ▼ missed.
func gapFormat(gap float64, unit string, status evaluate.Status) string {
	n := numberPart(decimals(gap))
	words := unit
	if unit == "%" {
		words = "个百分点"
	}
	suffix := literal(words)
	mark := literal(gapMarks[status])
	return mark + "+" + n + suffix + ";" + mark + "-" + n + suffix + ";" + mark + n + suffix
}

// gapMarks mark a gap with its target's judgement.
var gapMarks = map[evaluate.Status]string{evaluate.Met: "▲ ", evaluate.NearlyMet: "△ ", evaluate.Missed: "▼ "}
