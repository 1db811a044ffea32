package catalogue

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"zhibiao/extract/internal/runeset"
)

// Unit is a unit as written in a report, with the dimension it measures and its size
// in that dimension's base (元, 人, 吨, 户, 人次, 美元).
type Unit struct {
	Text      string
	Dimension string
	Size      float64
}

// Dimensions of units.
const (
	DimMoney   = "money"
	DimUSD     = "usd"
	DimPeople  = "people"
	DimMass    = "mass"
	DimHouses  = "households"
	DimVisits  = "visits"
	DimPercent = "percent"
	DimPoints  = "points" // 个百分点: a change of a rate
	DimNone    = "none"   // a multiplier without a unit
)

// units lists every unit the extractor reads, longest first so that the
// first match is the longest.
var units = []Unit{
	{"万亿美元", DimUSD, 1e12},
	{"亿美元", DimUSD, 1e8},
	{"万美元", DimUSD, 1e4},
	{"个百分点", DimPoints, 1},
	{"万亿元", DimMoney, 1e12},
	{"亿万人次", DimVisits, 1e12},
	{"亿人次", DimVisits, 1e8},
	{"万人次", DimVisits, 1e4},
	{"万亿斤", DimMass, 1e12 * 0.0005},
	{"亿公斤", DimMass, 1e8 * 0.001},
	{"万公斤", DimMass, 1e4 * 0.001},
	{"亿元", DimMoney, 1e8},
	{"万元", DimMoney, 1e4},
	{"亿斤", DimMass, 1e8 * 0.0005},
	{"万斤", DimMass, 1e4 * 0.0005},
	{"万吨", DimMass, 1e4},
	{"亿吨", DimMass, 1e8},
	{"公斤", DimMass, 0.001},
	{"万人", DimPeople, 1e4},
	{"亿人", DimPeople, 1e8},
	{"万户", DimHouses, 1e4},
	{"万家", DimHouses, 1e4},
	{"人次", DimVisits, 1},
	{"百分点", DimPoints, 1},
	{"元", DimMoney, 1},
	{"斤", DimMass, 0.0005},
	{"吨", DimMass, 1},
	{"人", DimPeople, 1},
	{"名", DimPeople, 1},
	{"户", DimHouses, 1},
	{"家", DimHouses, 1},
	{"%", DimPercent, 1},
	{"％", DimPercent, 1},
	// Bare multipliers (跨越7万亿、8万亿): a figure, but of no known unit.
	{"万亿", DimNone, 1e12},
	{"亿", DimNone, 1e8},
	{"万", DimNone, 1e4},
}

// unitRunes holds the text of each of units as runes, and unitStarts
// their first runes.
var unitRunes, unitStarts = func() ([][]rune, *runeset.Filter) {
	rs := make([][]rune, len(units))
	starts := new(runeset.Filter)
	for i, u := range units {
		rs[i] = []rune(u.Text)
		starts.Add(rs[i][0])
	}
	return rs, starts
}()

// canonicalUnits gives the dimension and size of each canonical unit of
// the catalogue.
var canonicalUnits = map[string]Unit{
	"亿元":  {"亿元", DimMoney, 1e8},
	"元":   {"元", DimMoney, 1},
	"亿美元": {"亿美元", DimUSD, 1e8},
	"万人":  {"万人", DimPeople, 1e4},
	"万吨":  {"万吨", DimMass, 1e4},
	"万户":  {"万户", DimHouses, 1e4},
	"万人次": {"万人次", DimVisits, 1e4},
	"%":   {"%", DimPercent, 1},
	"位":   {"位", "rank", 1},
}

// MatchUnit returns the unit written at rs[i:], if any.
func MatchUnit(rs []rune, i int) (Unit, int, bool) {
	if i >= len(rs) || !unitStarts.MayHave(rs[i]) {
		return Unit{}, i, false
	}
	for k, text := range unitRunes {
		if i+len(text) <= len(rs) && slices.Equal(rs[i:i+len(text)], text) {
			return units[k], i + len(text), true
		}
	}
	return Unit{}, i, false
}

// Convert expresses amount (in unit from) in the canonical unit to. money
// in US dollars is never converted to yuan.
func Convert(amount float64, from Unit, to string) (float64, string, bool) {
	if from.Dimension == DimUSD {
		return Round12(amount * from.Size / 1e8), "亿美元", true
	}
	c, ok := canonicalUnits[to]
	if ok && from.Dimension == DimNone && (c.Dimension == DimMoney || c.Dimension == DimPeople) {
		// 生产总值3500亿, 城镇新增就业6.2万, 突破千亿: the indicator's own
		// dimension. Not for a mass, where 亿 may be of 斤 or of 吨.
		from.Dimension = c.Dimension
	}
	if !ok || c.Dimension != from.Dimension {
		return 0, "", false
	}
	return Round12(amount * from.Size / c.Size), c.Text, true
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
	u, next, ok := MatchUnit(rest, 0)
	if !ok || next != len(rest) {
		return 0, false
	}
	x, Unit, ok := Convert(v, u, to)
	return x, ok && Unit == to
}

// Round12 rounds to 12 significant digits, so that unit conversion does not
// leave binary noise (8317 人 → 0.8317 万人, not 0.8317000000000001).
func Round12(v float64) float64 {
	if v == 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return v
	}
	s := strconv.FormatFloat(v, 'g', 12, 64)
	r, _ := strconv.ParseFloat(s, 64)
	return r
}
