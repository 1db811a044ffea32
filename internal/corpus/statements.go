package corpus

import (
	"strconv"
	"zhibiao/extract/model"
)

// The statements of results and targets, in the patterns real reports use
// (地区生产总值3347.6亿元,增长4.9%,居全省第4位; 城镇调查失业率5.5%左右;
// 粮食产量稳定在90亿斤以上). Each indicator has a few phrasings, drawn at
// random, and each phrasing states exactly the observations it lists.

// fact builds the statement of one indicator for a year.
type fact func(w *writer, year int) statement

// results are the phrasings of last year's results, by indicator.
var results = []struct {
	id   string
	fact fact
}{
	{"gdp", func(w *writer, y int) statement {
		lo, hi := w.size(80, 900)
		return w.levelAndGrowth("gdp", y, w.pick("全年完成地区生产总值", "地区生产总值达到", "实现地区生产总值", "地区生产总值"), lo, hi, "亿元", true)
	}},
	{"industry_value_added", func(w *writer, y int) statement {
		return w.growthOnly("industry_value_added", y, w.pick("规模以上工业增加值", "规上工业增加值"), true)
	}},
	{"fixed_asset_investment", func(w *writer, y int) statement {
		return w.growthOnly("fixed_asset_investment", y, w.pick("固定资产投资", "全社会固定资产投资"), true)
	}},
	{"retail_sales", func(w *writer, y int) statement {
		lo, hi := w.size(30, 400)
		return w.levelAndGrowth("retail_sales", y, w.pick("社会消费品零售总额", "社会消费品零售总额完成", "社会消费品零售总额累计完成"), lo, hi, "亿元", true)
	}},
	{"budget_revenue", func(w *writer, y int) statement {
		if !w.prefecture() && w.chance(0.5) {
			return w.tenThousandYuan("budget_revenue", y, w.pick("一般公共预算收入完成", "一般公共预算收入"))
		}
		lo, hi := w.size(5, 60)
		return w.levelAndGrowth("budget_revenue", y, w.pick("一般公共预算收入", "一般公共预算收入完成"), lo, hi, "亿元", true)
	}},
	{"tax_revenue", func(w *writer, y int) statement {
		lo, hi := w.size(3, 40)
		return w.levelAndGrowth("tax_revenue", y, "税收收入", lo, hi, "亿元", false)
	}},
	{"foreign_trade", func(w *writer, y int) statement {
		if w.chance(0.5) {
			return w.growthOnly("foreign_trade", y, w.pick("外贸进出口总值", "进出口总额"), false)
		}
		lo, hi := w.size(2, 150)
		return w.levelAndGrowth("foreign_trade", y, w.pick("进出口总额", "外贸进出口总额"), lo, hi, "亿元", false)
	}},
	{"urban_new_jobs", func(w *writer, y int) statement {
		if !w.prefecture() {
			s, v := w.integer(1500, 30000)
			text := w.pick("新增城镇就业", "城镇新增就业") + s + "人"
			return single(observation("urban_new_jobs", model.Level, model.Actual, y, v/10000, "万人", model.Exact, text))
		}
		s, v := w.decimal(1.5, 15, 1)
		text := w.pick("城镇新增就业", "新增城镇就业") + s + "万人"
		st := single(observation("urban_new_jobs", model.Level, model.Actual, y, v, "万人", model.Exact, text))
		if w.chance(0.3) {
			share, _ := w.decimal(100, 130, 1)
			st.text += ",完成年度目标的" + share + "%" // a share of the target: no figure
		}
		return st
	}},
	{"retail_budget_growth", func(w *writer, y int) statement {
		return w.growthsRespectively(y, "社会消费品零售总额、一般公共预算收入", "retail_sales", 1, 9, "budget_revenue", 1, 9)
	}},
	{"resident_income", func(w *writer, y int) statement {
		return w.levelAndGrowth("resident_income", y, w.pick("居民人均可支配收入", "全体居民人均可支配收入"), 15000, 65000, "元", false)
	}},
	{"urban_income", func(w *writer, y int) statement {
		return w.levelAndGrowth("urban_income", y, "城镇居民人均可支配收入", 25000, 70000, "元", false)
	}},
	{"urban_rural_income", func(w *writer, y int) statement {
		return w.growthsRespectively(y, "城乡居民人均可支配收入", "urban_income", 3, 7, "rural_income", 4, 9)
	}},
	{"rural_income", func(w *writer, y int) statement {
		return w.levelAndGrowth("rural_income", y, "农村居民人均可支配收入", 10000, 35000, "元", false)
	}},
	{"grain_output", func(w *writer, y int) statement {
		switch {
		case w.prefecture() && w.chance(0.5):
			s, v := w.decimal(10, 180, 1)
			text := w.pick("粮食总产达", "粮食总产量达到") + s + "亿斤"
			return single(observation("grain_output", model.Level, model.Actual, y, v*5, "万吨", model.Exact, text))
		case !w.prefecture() && w.chance(0.5):
			s, v := w.integer(3000, 150000)
			text := "粮食总产量" + s + "万斤"
			return single(observation("grain_output", model.Level, model.Actual, y, v/2000, "万吨", model.Exact, text))
		}
		lo, hi := w.size(5, 90)
		s, v := w.decimal(lo, hi, 1)
		text := w.pick("粮食总产量达到", "全年粮食总产量达", "粮食产量") + s + "万吨"
		return single(observation("grain_output", model.Level, model.Actual, y, v, "万吨", model.Exact, text))
	}},
	{"unemployment_rate", func(w *writer, y int) statement {
		s, v := w.decimal(4, 5.9, 1)
		text := "城镇调查失业率" + w.pick("", "为") + s + "%"
		return single(observation("unemployment_rate", model.Rate, model.Actual, y, v, "%", model.Exact, text))
	}},
	{"rd_intensity", func(w *writer, y int) statement {
		s, v := w.decimal(0.6, 3.6, 2)
		text := w.pick("研发经费投入强度达到", "研发投入强度达到", "全社会研发经费投入强度") + s + "%"
		return single(observation("rd_intensity", model.Rate, model.Actual, y, v, "%", model.Exact, text))
	}},
	{"energy_intensity", func(w *writer, y int) statement {
		s, v := w.decimal(0.5, 6, 1)
		text := w.pick("单位生产总值能耗下降", "单位地区生产总值能耗下降") + s + "%"
		return single(observation("energy_intensity", model.Growth, model.Actual, y, -v, "%", model.Exact, text))
	}},
	{"new_loans", func(w *writer, y int) statement {
		lo, hi := w.size(10, 60)
		s, v := w.decimal(lo, hi, 1)
		text := "新增贷款" + s + "亿元"
		return single(observation("new_loans", model.Level, model.Actual, y, v, "亿元", model.Exact, text))
	}},
	{"market_entities", func(w *writer, y int) statement {
		lo, hi := w.size(2, 9)
		s, v := w.decimal(lo, hi, 1)
		text := w.pick("市场主体总数达到", "市场主体总量达") + s + "万户"
		return single(observation("market_entities", model.Level, model.Actual, y, v, "万户", model.Exact, text))
	}},
	{"livelihood_spending", func(w *writer, y int) statement {
		lo, hi := w.size(5, 40)
		s, v := w.decimal(lo, hi, 1)
		ps, p := w.decimal(60, 82, 1)
		text := "民生支出" + s + "亿元,占一般公共预算支出的" + ps + "%"
		return statement{text, []model.Observation{
			observation("livelihood_spending", model.Level, model.Actual, y, v, "亿元", model.Exact, text),
			observation("livelihood_spending", model.Rate, model.Actual, y, p, "%", model.Exact, text),
		}}
	}},
	{"rural_labor_transfer", func(w *writer, y int) statement {
		lo, hi := w.size(0.3, 4)
		s, v := w.decimal(lo, hi, 1)
		text := "农村劳动力转移就业" + s + "万人"
		return single(observation("rural_labor_transfer", model.Level, model.Actual, y, v, "万人", model.Exact, text))
	}},
	{"tourist_visits", func(w *writer, y int) statement {
		lo, hi := w.size(80, 900)
		return w.levelAndGrowth("tourist_visits", y, "接待游客", lo, hi, "万人次", false)
	}},
	{"tech_contract_value", func(w *writer, y int) statement {
		lo, hi := w.size(0.5, 12)
		s, v := w.decimal(lo, hi, 2)
		text := "技术合同成交额" + s + "亿元"
		return single(observation("tech_contract_value", model.Level, model.Actual, y, v, "亿元", model.Exact, text))
	}},
	{"urbanization_rate", func(w *writer, y int) statement {
		s, v := w.decimal(35, 75, 2)
		text := "常住人口城镇化率达到" + s + "%"
		return single(observation("urbanization_rate", model.Rate, model.Actual, y, v, "%", model.Exact, text))
	}},
}

// growthWords opens a growth: 增长6%, 同比增长6%, 比上年增长6%.
var growthWords = []string{"增长", "同比增长", "比上年增长"}

// growth states a change of the indicator: 增长6.5%, or 下降1.2% now and then.
func (w *writer) growth(id string, y int, text string) statement {
	if w.chance(0.08) {
		s, v := w.decimal(0.3, 8, 1)
		text += w.pick("下降", "同比下降") + s + "%"
		return single(observation(id, model.Growth, model.Actual, y, -v, "%", model.Exact, text))
	}
	s, v := w.decimal(0.2, 12, 1)
	text += w.pick(growthWords...) + s + "%"
	return single(observation(id, model.Growth, model.Actual, y, v, "%", model.Exact, text))
}

// growthsRespectively states two growths with 分别: 城乡居民人均可支配收入
// 分别增长4.4%、5.6% (names for both, then the figures in turn).
func (w *writer) growthsRespectively(y int, names, first string, lo1, hi1 float64, second string, lo2, hi2 float64) statement {
	s1, v1 := w.decimal(lo1, hi1, 1)
	s2, v2 := w.decimal(lo2, hi2, 1)
	text := names + "分别增长" + s1 + "%、" + s2 + "%"
	return statement{text, []model.Observation{
		observation(first, model.Growth, model.Actual, y, v1, "%", model.Exact, text),
		observation(second, model.Growth, model.Actual, y, v2, "%", model.Exact, text),
	}}
}

// growthOnly states a growth, with its rank now and then, or how it
// compares with the province's (高于全省平均水平1.2个百分点: no figure).
func (w *writer) growthOnly(id string, y int, name string, ranked bool) statement {
	st := w.growth(id, y, name)
	if ranked {
		w.rank(&st, id, model.GrowthRank, y)
	}
	if w.reg.rankScope != "" && w.chance(0.15) {
		p, _ := w.decimal(0.1, 3, 1)
		st.text += "," + w.pick("高于", "比") + w.reg.rankScope + w.pick("平均水平", "高") + p + "个百分点"
	}
	return st
}

// levelAndGrowth states an amount and its growth, each ranked now and then:
// 地区生产总值3347.6亿元,居全省第4位,增长4.9%.
func (w *writer) levelAndGrowth(id string, y int, name string, lo, hi float64, unit string, ranked bool) statement {
	s, v := w.decimal(lo, hi, 1)
	if unit == "元" || unit == "万人次" {
		s, v = w.integer(int(lo), int(hi))
	}
	text := name + s + unit
	st := single(observation(id, model.Level, model.Actual, y, v, unit, model.Exact, text))
	if ranked {
		w.rank(&st, id, model.Rank, y)
	}
	g := w.growth(id, y, ",")
	st.text += g.text
	st.obs = append(st.obs, g.obs...)
	if ranked {
		w.rank(&st, id, model.GrowthRank, y)
	}
	return st
}

// tenThousandYuan states a county's revenue in 万元: 一般公共预算收入完成85432万元.
func (w *writer) tenThousandYuan(id string, y int, name string) statement {
	s, v := w.integer(8000, 300000)
	text := name + s + "万元"
	st := single(observation(id, model.Level, model.Actual, y, v/10000, "亿元", model.Exact, text))
	g := w.growth(id, y, ",")
	st.text += g.text
	st.obs = append(st.obs, g.obs...)
	return st
}

// rank adds, now and then, the region's place among its peers: ,居全省第4位.
func (w *writer) rank(st *statement, id string, measure model.Measure, y int) {
	if w.reg.rankScope == "" || !w.chance(0.3) {
		return
	}
	n := 1 + w.rng.IntN(18)
	place := strconv.Itoa(n)
	if n <= 10 && w.chance(0.3) {
		place = chineseNumber(n) // 第三位
	}
	text := ",居" + w.reg.rankScope + "第" + place + "位"
	o := observation(id, measure, model.Actual, y, float64(n), "位", model.Exact, text)
	o.Scope = w.reg.scopeKey
	st.text += text
	st.obs = append(st.obs, o)
}
