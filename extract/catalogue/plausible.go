package catalogue

import (
	"strconv"
	"strings"
	"zhibiao/extract/model"
)

// Plausible is a range an indicator's figures of one measure fall in, for
// regions of one level or of any: a figure outside is not refused, but
// flagged for the analyst (a county's GDP of 50,000 亿元 is 万元 read as
// 亿元). Min and Max are in the indicator's unit for a level, in % for a
// growth or a rate, and nil where the range is open.
type Plausible struct {
	Measure model.Measure     `json:"measure"`
	Level   model.RegionLevel `json:"level,omitempty"` // Nation … County; "" for any
	Min     *float64          `json:"min,omitempty"`
	Max     *float64          `json:"max,omitempty"`
}

// regionLevelWords are the words of region levels in a plausible range.
var regionLevelWords = map[string]model.RegionLevel{
	string(model.Nation): model.Nation, string(model.Province): model.Province, string(model.Prefecture): model.Prefecture, string(model.County): model.County,
	"全国": model.Nation, "国家": model.Nation, "省级": model.Province, "省": model.Province,
	"地级": model.Prefecture, "市": model.Prefecture, "地市": model.Prefecture, "县级": model.County, "县": model.County,
}

// levelNamesZh are the Chinese words plausibleText writes.
var levelNamesZh = map[model.RegionLevel]string{model.Nation: "全国", model.Province: "省级", model.Prefecture: "地级", model.County: "县级"}

// parsePlausible reads the ranges of the catalogue's plausible column:
// clauses separated by ; of a measure, perhaps a region level, and a range
// min~max with either end left open, in English or in Chinese:
//
//	growth -15~20; level county 0.5~20000; level prefecture 20~50000
//	增速 -15~20；总量 县级 0.5~20000
func parsePlausible(s string) ([]Plausible, error) {
	var out []Plausible
	for _, clause := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '；' }) {
		f := strings.Fields(clause)
		if len(f) == 0 {
			continue
		}
		bad := func() ([]Plausible, error) {
			return nil, lineless(model.Warnf(0, "plausible range %q: write a measure, perhaps a level, and min~max: growth -15~20; level county 1~20000", strings.TrimSpace(clause)))
		}
		if len(f) < 2 || len(f) > 3 {
			return bad()
		}
		m, ok := ParseMeasure(f[0])
		if !ok {
			return bad()
		}
		p := Plausible{Measure: m}
		if len(f) == 3 {
			if p.Level, ok = regionLevelWords[strings.ToLower(f[1])]; !ok {
				return bad()
			}
		}
		lo, hi, ok := strings.Cut(strings.ReplaceAll(strings.ReplaceAll(f[len(f)-1], "～", "~"), "..", "~"), "~")
		if !ok {
			return bad()
		}
		for _, e := range []struct {
			text string
			to   **float64
		}{{lo, &p.Min}, {hi, &p.Max}} {
			if e.text == "" {
				continue
			}
			v, err := strconv.ParseFloat(e.text, 64)
			if err != nil {
				return bad()
			}
			*e.to = &v
		}
		if p.Min != nil && p.Max != nil && *p.Min > *p.Max {
			return bad()
		}
		out = append(out, p)
	}
	return out, nil
}

// plausibleText writes ranges as parsePlausible reads them, in Chinese
// words when zh.
func plausibleText(ps []Plausible, zh bool) string {
	var parts []string
	for _, p := range ps {
		words := []string{string(p.Measure)}
		if zh {
			words[0] = MeasureNames[p.Measure]
		}
		if p.Level != "" {
			if zh {
				words = append(words, levelNamesZh[p.Level])
			} else {
				words = append(words, string(p.Level))
			}
		}
		words = append(words, boundText(p.Min)+"~"+boundText(p.Max))
		parts = append(parts, strings.Join(words, " "))
	}
	if zh {
		return strings.Join(parts, "；")
	}
	return strings.Join(parts, "; ")
}

func boundText(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

// PlausibleRange returns the range of an indicator's measure for a region
// of a level: the level's own, failing that the one of any level.
func (ind *Indicator) PlausibleRange(measure model.Measure, level model.RegionLevel) (Plausible, bool) {
	var any *Plausible
	for i := range ind.Plausible {
		p := &ind.Plausible[i]
		switch {
		case p.Measure != measure:
		case p.Level == level && level != "":
			return *p, true
		case p.Level == "" && any == nil:
			any = p
		}
	}
	if any != nil {
		return *any, true
	}
	return Plausible{}, false
}

// Holds reports whether v is within the range.
func (p Plausible) Holds(v float64) bool {
	return (p.Min == nil || v >= *p.Min) && (p.Max == nil || v <= *p.Max)
}

// String writes the range as min～max, an open end as 以上 or 以下.
func (p Plausible) String() string {
	switch {
	case p.Min == nil:
		return boundText(p.Max) + "以下"
	case p.Max == nil:
		return boundText(p.Min) + "以上"
	}
	return boundText(p.Min) + "～" + boundText(p.Max)
}
