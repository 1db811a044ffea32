package corpus

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"zhibiao/extract/model"
)

// writer builds the text of one report, line by line, and the observations
// its sentences state.
type writer struct {
	rng   *rand.Rand
	reg   region
	year  int // the report's year: targets are for it, results for the year before
	lines []string
	obs   []model.Observation
}

func newWriter(rng *rand.Rand, reg region, year int) *writer {
	return &writer{rng: rng, reg: reg, year: year}
}

// finish returns the text and its observations.
func (w *writer) finish() (string, []model.Observation) {
	return strings.Join(w.lines, "\n") + "\n", w.obs
}

// line adds one line; blank lines separate paragraphs.
func (w *writer) line(s string) { w.lines = append(w.lines, s, "") }

// statement is a phrase and the observations it states.
type statement struct {
	text string
	obs  []model.Observation
}

// paragraph writes statements as one line: lead, then the statements joined
// by sep, then 。; every observation gets the line.
func (w *writer) paragraph(lead string, sts []statement, seps ...string) {
	var b strings.Builder
	b.WriteString(lead)
	for i, st := range sts {
		if i > 0 {
			b.WriteString(seps[w.rng.IntN(len(seps))])
		}
		b.WriteString(st.text)
	}
	b.WriteString("。")
	w.addLine(b.String(), sts)
}

// addLine writes a line holding the statements' observations.
func (w *writer) addLine(text string, sts []statement) {
	n := len(w.lines) + 1
	for _, st := range sts {
		for _, o := range st.obs {
			o.Line = n
			w.obs = append(w.obs, o)
		}
	}
	w.line(text)
}

// pick returns one of its arguments at random.
func (w *writer) pick(choices ...string) string { return choices[w.rng.IntN(len(choices))] }

// chance is true with probability p.
func (w *writer) chance(p float64) bool { return w.rng.Float64() < p }

// decimal draws a number in [lo, hi] with the given decimals, and returns
// it as written and as a value.
func (w *writer) decimal(lo, hi float64, decimals int) (string, float64) {
	scale := math.Pow(10, float64(decimals))
	k := math.Round(lo*scale) + float64(w.rng.IntN(int(math.Round((hi-lo)*scale))+1))
	s := strconv.FormatFloat(k/scale, 'f', decimals, 64)
	if decimals > 0 && w.chance(0.7) {
		// Most reports write 6%, not 6.0%.
		s = strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
	}
	v, _ := strconv.ParseFloat(s, 64)
	return s, v
}

// integer draws a whole number in [lo, hi].
func (w *writer) integer(lo, hi int) (string, float64) {
	n := lo + w.rng.IntN(hi-lo+1)
	return strconv.Itoa(n), float64(n)
}

// observation makes one expected observation.
func observation(ind string, measure model.Measure, kind model.Kind, year int, value float64, unit string, qualifier model.Qualifier, text string) model.Observation {
	v := value
	return model.Observation{Indicator: ind, Measure: measure, Year: year, Kind: kind,
		Value: &v, Unit: unit, Qualifier: qualifier, Text: text}
}

// single is the statement of one observation, in its own words.
func single(o model.Observation) statement {
	return statement{o.Text, []model.Observation{o}}
}

// qualitative makes a target stated without a number.
func qualitative(ind string, measure model.Measure, year int, unit, text string) model.Observation {
	return model.Observation{Indicator: ind, Measure: measure, Year: year, Kind: model.Target,
		Unit: unit, Qualifier: model.Qualitative, Text: text}
}

// prefecture reports whether the report is a prefecture's (larger figures).
func (w *writer) prefecture() bool { return w.reg.Level == model.Prefecture }

// size scales an amount to the region: a prefecture's figures are ten times
// a county's.
func (w *writer) size(lo, hi float64) (float64, float64) {
	if w.prefecture() {
		return lo * 10, hi * 10
	}
	return lo, hi
}
