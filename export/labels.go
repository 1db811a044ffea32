package export

import (
	"zhibiao/extract"
)

// Chinese labels of the model's codes, as the workbook shows them.

var measureNames = extract.MeasureNames

var kindNames = map[string]string{
	extract.Actual: "实际",
	extract.Target: "目标",
}

var qualifierNames = map[string]string{
	extract.Exact:       "确数",
	extract.About:       "左右",
	extract.AtLeast:     "以上",
	extract.AtMost:      "以下",
	extract.Range:       "区间",
	extract.Qualitative: "定性",
}

var scopeNames = map[string]string{
	extract.Nation:   "全国",
	extract.Province: "全省",
	"city":           "全市",
}

var levelNames = map[string]string{
	extract.Nation:     "全国",
	extract.Province:   "省级",
	extract.Prefecture: "地级",
	extract.County:     "县级",
}

// measureOrder is the order of an indicator's rows on a region sheet.
var measureOrder = map[string]int{
	extract.Level:      0,
	extract.Growth:     1,
	extract.Rate:       2,
	extract.Rank:       3,
	extract.GrowthRank: 4,
}

// scopeOrder orders rank rows: national before provincial before city ranks.
var scopeOrder = map[string]int{"": 0, extract.Nation: 1, extract.Province: 2, "city": 3}

// label returns a code's label, or the code itself when it has none.
func label(names map[string]string, code string) string {
	if s, ok := names[code]; ok {
		return s
	}
	return code
}

// unlabel returns the code whose label is s, or s itself when no code has
// that label: the inverse of label, for reading a workbook back.
func unlabel(names map[string]string, s string) string {
	for code, l := range names {
		if l == s {
			return code
		}
	}
	return s
}

// indicatorName is the name of an indicator, or its id when the catalogue
// does not know it.
func indicatorName(ind *extract.Indicator, id string) string {
	if ind == nil {
		return id
	}
	return ind.Name
}

// rowLabel names an indicator's measure the way statistical tables do:
// 地区生产总值, 地区生产总值增速, 地区生产总值全省排名, 税收收入占比.
// An indicator that is itself a change or a ratio (居民消费价格涨幅,
// 城镇调查失业率) keeps its name for that measure.
func rowLabel(ind *extract.Indicator, id, measure, scope string) string {
	name := indicatorName(ind, id)
	own := ind != nil && !ind.Takes(extract.Level) // the measure is the indicator
	growth := name + "增速"
	if own {
		growth = name
	}
	switch measure {
	case extract.Level:
		return name
	case extract.Growth:
		return growth
	case extract.Rate:
		if own {
			return name
		}
		return name + "占比"
	case extract.Rank:
		return name + scopeNames[scope] + "排名"
	case extract.GrowthRank:
		return growth + scopeNames[scope] + "排名"
	}
	return name + label(measureNames, measure)
}

// measureUnit is the canonical unit of an indicator's measure.
func measureUnit(ind *extract.Indicator, measure string) string {
	switch measure {
	case extract.Growth, extract.Rate:
		return "%"
	case extract.Rank, extract.GrowthRank:
		return "位"
	}
	if ind == nil {
		return ""
	}
	return ind.Unit
}

// withUnit appends a unit in parentheses: 地区生产总值 (亿元).
func withUnit(s, unit string) string {
	if unit == "" {
		return s
	}
	return s + " (" + unit + ")"
}
