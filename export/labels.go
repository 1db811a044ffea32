package export

import (
	"zhibiao/extract/catalogue"
	"zhibiao/extract/evaluate"
	"zhibiao/extract/model"
)

// Chinese labels of the model's codes, as the workbook shows them.

var measureNames = catalogue.MeasureNames

var kindNames = map[model.Kind]string{
	model.Actual: "实际",
	model.Target: "目标",
}

var qualifierNames = map[model.Qualifier]string{
	model.Exact:       "确数",
	model.About:       "左右",
	model.AtLeast:     "以上",
	model.AtMost:      "以下",
	model.Range:       "区间",
	model.Qualitative: "定性",
}

var scopeNames = map[model.Scope]string{
	model.ScopeNation:   "全国",
	model.ScopeProvince: "全省",
	model.ScopeCity:     "全市",
}

var statusNames = map[evaluate.Status]string{
	evaluate.Met:        "完成",
	evaluate.NearlyMet:  "基本完成",
	evaluate.Missed:     "未完成",
	evaluate.Pending:    "待公布",
	evaluate.NotStated:  "报告未提及",
	evaluate.NotApplied: "不适用",
}

var levelNames = map[model.RegionLevel]string{
	model.Nation:     "全国",
	model.Province:   "省级",
	model.Prefecture: "地级",
	model.County:     "县级",
}

// measureOrder is the order of an indicator's rows on a region sheet.
var measureOrder = map[model.Measure]int{
	model.Level:      0,
	model.Growth:     1,
	model.Rate:       2,
	model.Rank:       3,
	model.GrowthRank: 4,
}

// scopeOrder orders rank rows: national before provincial before city ranks.
var scopeOrder = map[model.Scope]int{"": 0, model.ScopeNation: 1, model.ScopeProvince: 2, model.ScopeCity: 3}

// label returns a code's label, or the code itself when it has none.
func label[C ~string](names map[C]string, code C) string {
	if s, ok := names[code]; ok {
		return s
	}
	return string(code)
}

// unlabel returns the code whose label is s, or s itself when no code has
// that label: the inverse of label, for reading a workbook back.
func unlabel[C ~string](names map[C]string, s string) C {
	for code, l := range names {
		if l == s {
			return code
		}
	}
	return C(s)
}

// indicatorName is the name of an indicator, or its id when the catalogue
// does not know it.
func indicatorName(ind *catalogue.Indicator, id string) string {
	if ind == nil {
		return id
	}
	return ind.Name
}

// rowLabel names an indicator's measure the way statistical tables do:
// 地区生产总值, 地区生产总值增速, 地区生产总值全省排名, 税收收入占比.
// An indicator that is itself a change or a ratio (居民消费价格涨幅,
// 城镇调查失业率) keeps its name for that measure.
func rowLabel(ind *catalogue.Indicator, id string, measure model.Measure, scope model.Scope) string {
	name := indicatorName(ind, id)
	own := ind != nil && !ind.Takes(model.Level) // the measure is the indicator
	growth := name + "增速"
	if own {
		growth = name
	}
	switch measure {
	case model.Level:
		return name
	case model.Growth:
		return growth
	case model.Rate:
		if own {
			return name
		}
		return name + "占比"
	case model.Rank:
		return name + scopeNames[scope] + "排名"
	case model.GrowthRank:
		return growth + scopeNames[scope] + "排名"
	}
	return name + label(measureNames, measure)
}

// measureUnit is the canonical unit of an indicator's measure.
func measureUnit(ind *catalogue.Indicator, measure model.Measure) string {
	switch measure {
	case model.Growth, model.Rate:
		return "%"
	case model.Rank, model.GrowthRank:
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
