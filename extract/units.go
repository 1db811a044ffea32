package extract

import (
	"math"
	"strconv"
	"strings"

	"zhibiao/extract/internal/runeset"
)

// A unit as written in a report, with the dimension it measures and its size
// in that dimension's base (元, 人, 吨, 户, 人次, 美元).
type unit struct {
	text      string
	dimension string
	size      float64
}

// Dimensions of units.
const (
	dimMoney   = "money"
	dimUSD     = "usd"
	dimPeople  = "people"
	dimMass    = "mass"
	dimHouses  = "households"
	dimVisits  = "visits"
	dimPercent = "percent"
	dimPoints  = "points" // 个百分点: a change of a rate
	dimNone    = "none"   // a multiplier without a unit
)

// units lists every unit the extractor reads, longest first so that the
// first match is the longest.
var units = []unit{
	{"万亿美元", dimUSD, 1e12},
	{"亿美元", dimUSD, 1e8},
	{"万美元", dimUSD, 1e4},
	{"个百分点", dimPoints, 1},
	{"万亿元", dimMoney, 1e12},
	{"亿万人次", dimVisits, 1e12},
	{"亿人次", dimVisits, 1e8},
	{"万人次", dimVisits, 1e4},
	{"万亿斤", dimMass, 1e12 * 0.0005},
	{"亿公斤", dimMass, 1e8 * 0.001},
	{"万公斤", dimMass, 1e4 * 0.001},
	{"亿元", dimMoney, 1e8},
	{"万元", dimMoney, 1e4},
	{"亿斤", dimMass, 1e8 * 0.0005},
	{"万斤", dimMass, 1e4 * 0.0005},
	{"万吨", dimMass, 1e4},
	{"亿吨", dimMass, 1e8},
	{"公斤", dimMass, 0.001},
	{"万人", dimPeople, 1e4},
	{"亿人", dimPeople, 1e8},
	{"万户", dimHouses, 1e4},
	{"万家", dimHouses, 1e4},
	{"人次", dimVisits, 1},
	{"百分点", dimPoints, 1},
	{"元", dimMoney, 1},
	{"斤", dimMass, 0.0005},
	{"吨", dimMass, 1},
	{"人", dimPeople, 1},
	{"名", dimPeople, 1},
	{"户", dimHouses, 1},
	{"家", dimHouses, 1},
	{"%", dimPercent, 1},
	{"％", dimPercent, 1},
	// Bare multipliers (跨越7万亿、8万亿): a figure, but of no known unit.
	{"万亿", dimNone, 1e12},
	{"亿", dimNone, 1e8},
	{"万", dimNone, 1e4},
}

// unitRunes holds the text of each of units as runes, and unitStarts
// their first runes.
var unitRunes, unitStarts = func() ([][]rune, *runeset.Filter) {
	rs := make([][]rune, len(units))
	starts := new(runeset.Filter)
	for i, u := range units {
		rs[i] = []rune(u.text)
		starts.Add(rs[i][0])
	}
	return rs, starts
}()

// canonicalUnits gives the dimension and size of each canonical unit of
// the catalogue.
var canonicalUnits = map[string]unit{
	"亿元":  {"亿元", dimMoney, 1e8},
	"元":   {"元", dimMoney, 1},
	"亿美元": {"亿美元", dimUSD, 1e8},
	"万人":  {"万人", dimPeople, 1e4},
	"万吨":  {"万吨", dimMass, 1e4},
	"万户":  {"万户", dimHouses, 1e4},
	"万人次": {"万人次", dimVisits, 1e4},
	"%":   {"%", dimPercent, 1},
	"位":   {"位", "rank", 1},
}

// matchUnit returns the unit written at rs[i:], if any.
func matchUnit(rs []rune, i int) (unit, int, bool) {
	if i >= len(rs) || !unitStarts.MayHave(rs[i]) {
		return unit{}, i, false
	}
	for k, text := range unitRunes {
		if text[0] == rs[i] && hasRunes(rs, i, text) {
			return units[k], i + len(text), true
		}
	}
	return unit{}, i, false
}

// convert expresses amount (in unit from) in the canonical unit to. money
// in US dollars is never converted to yuan.
func convert(amount float64, from unit, to string) (float64, string, bool) {
	if from.dimension == dimUSD {
		return round12(amount * from.size / 1e8), "亿美元", true
	}
	c, ok := canonicalUnits[to]
	if ok && from.dimension == dimNone && (c.dimension == dimMoney || c.dimension == dimPeople) {
		// 生产总值3500亿, 城镇新增就业6.2万, 突破千亿: the indicator's own
		// dimension. Not for a mass, where 亿 may be of 斤 or of 吨.
		from.dimension = c.dimension
	}
	if !ok || c.dimension != from.dimension {
		return 0, "", false
	}
	return round12(amount * from.size / c.size), c.text, true
}

// ParseAmount reads an amount as an analyst writes it, a number and
// perhaps a unit (3500亿元, 35000万元, 14.3亿斤, 1,250.5), in the catalogue's
// unit to; a number without a unit is in to already. It reports false
// when s is no such amount, or its unit is not of to's dimension.
func ParseAmount(s, to string) (float64, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", "")
	end := 0
	for end < len(s) && (s[end] >= '0' && s[end] <= '9' || s[end] == '.' || end == 0 && (s[end] == '-' || s[end] == '+')) {
		end++
	}
	v, err := strconv.ParseFloat(s[:end], 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	rest := []rune(strings.TrimSpace(s[end:]))
	if len(rest) == 0 || string(rest) == to {
		return v, true
	}
	u, next, ok := matchUnit(rest, 0)
	if !ok || next != len(rest) {
		return 0, false
	}
	x, unit, ok := convert(v, u, to)
	return x, ok && unit == to
}
