package corpus

import "zhibiao/extract/model"

// targets are the phrasings of this year's targets, by indicator, as a
// statement of 主要预期目标 lists them.
var targets = []struct {
	id   string
	fact fact
}{
	{"gdp", func(w *writer, y int) statement {
		st := w.growthTarget("gdp", y, w.pick("地区生产总值增长", "经济增长", "地区生产总值增长"), 4, 8.5)
		if w.chance(0.2) {
			st.text += ",在实际工作中力争更好结果"
		}
		return st
	}},
	{"industry_value_added", func(w *writer, y int) statement {
		return w.growthTarget("industry_value_added", y, w.pick("规模以上工业增加值增长", "规上工业增加值增长"), 4, 10)
	}},
	{"fixed_asset_investment", func(w *writer, y int) statement {
		return w.growthTarget("fixed_asset_investment", y, "固定资产投资增长", 3, 12)
	}},
	{"retail_sales", func(w *writer, y int) statement {
		return w.growthTarget("retail_sales", y, "社会消费品零售总额增长", 4, 10)
	}},
	{"budget_revenue", func(w *writer, y int) statement {
		return w.growthTarget("budget_revenue", y, "一般公共预算收入增长", 2, 9)
	}},
	{"foreign_trade", func(w *writer, y int) statement {
		if w.chance(0.3) {
			text := w.pick("进出口保持平稳增长", "进出口稳中提质")
			return single(qualitative("foreign_trade", model.Growth, y, "%", text))
		}
		return w.growthTarget("foreign_trade", y, "进出口总额增长", 2, 10)
	}},
	{"unemployment_rate", func(w *writer, y int) statement {
		s, v := w.decimal(5, 5.5, 1)
		if w.chance(0.5) {
			text := "城镇调查失业率控制在" + s + "%以内"
			return single(observation("unemployment_rate", model.Rate, model.Target, y, v, "%", model.AtMost, text))
		}
		text := "城镇调查失业率" + s + "%左右"
		return single(observation("unemployment_rate", model.Rate, model.Target, y, v, "%", model.About, text))
	}},
	{"urban_new_jobs", func(w *writer, y int) statement {
		lo, hi := w.size(0.3, 1.5)
		s, v := w.decimal(lo, hi, 1)
		q, word := w.qualifier(false)
		text := "城镇新增就业" + s + "万人" + word
		return single(observation("urban_new_jobs", model.Level, model.Target, y, v, "万人", q, text))
	}},
	{"cpi", func(w *writer, y int) statement {
		text := "居民消费价格涨幅" + w.pick("", "控制在") + "3%左右"
		if w.chance(0.3) {
			text = "居民消费价格涨幅2%左右"
			return single(observation("cpi", model.Growth, model.Target, y, 2, "%", model.About, text))
		}
		return single(observation("cpi", model.Growth, model.Target, y, 3, "%", model.About, text))
	}},
	{"resident_income", func(w *writer, y int) statement {
		if w.chance(0.5) {
			text := w.pick("居民收入增长与经济增长同步", "居民收入与经济增长同步")
			return single(qualitative("resident_income", model.Growth, y, "%", text))
		}
		return w.growthTarget("resident_income", y, "居民人均可支配收入增长", 4, 8)
	}},
	{"grain_output", func(w *writer, y int) statement {
		lo, hi := w.size(5, 90)
		s, v := w.decimal(lo, hi, 1)
		text := w.pick("", "确保") + "粮食产量稳定在" + s + "万吨以上"
		return single(observation("grain_output", model.Level, model.Target, y, v, "万吨", model.AtLeast, text))
	}},
	{"energy_intensity", func(w *writer, y int) statement {
		text := w.pick("单位生产总值能耗完成省下达目标任务", "单位生产总值能耗完成“十四五”考核目标")
		return single(qualitative("energy_intensity", model.Growth, y, "%", text))
	}},
	{"rd_intensity", func(w *writer, y int) statement {
		s, v := w.decimal(0.8, 3.5, 1)
		text := "研发经费投入强度达到" + s + "%"
		return single(observation("rd_intensity", model.Rate, model.Target, y, v, "%", model.Exact, text))
	}},
}

// qualifier draws how a target is bounded: exact, 左右 or 以上 (and, for
// growths, a range 6%—7%, written by the caller).
func (w *writer) qualifier(withRange bool) (model.Qualifier, string) {
	n := 3
	if withRange {
		n = 4
	}
	switch w.rng.IntN(n) {
	case 1:
		return model.About, "左右"
	case 2:
		return model.AtLeast, "以上"
	case 3:
		return model.Range, ""
	}
	return model.Exact, ""
}

// growthTarget states a growth target: 增长6%, 6%左右, 6%以上 or 6%—7%.
func (w *writer) growthTarget(id string, y int, name string, lo, hi float64) statement {
	s, v := w.decimal(lo, hi, 1)
	q, word := w.qualifier(true)
	if q == model.Range {
		hs, h := w.decimal(v+0.5, v+1.5, 1)
		text := name + s + w.pick("%—", "%-", "—", "%~") + hs + "%"
		o := observation(id, model.Growth, model.Target, y, v, "%", model.Range, text)
		o.High = &h
		return single(o)
	}
	text := name + s + "%" + word
	return single(observation(id, model.Growth, model.Target, y, v, "%", q, text))
}
