package extract

import (
	"testing"
)

// TestPhrasesOfUnseenReports: the shapes in which reports the rules were
// not written from state their figures, each class with the blockers that
// keep other subjects' figures out. Every sentence is written for the
// test.
func TestPhrasesOfUnseenReports(t *testing.T) {
	const review = "一、2024年工作回顾\n"
	cases := []struct {
		name, text string
		want       []string
	}{
		// Words the filler list did not know, and neutral words set off
		// from the name.
		{"可比 alone", review + "全市地区生产总值可比增长5.5%。",
			[]string{"gdp growth 2024 actual 5.5 exact"}},
		{"首破", review + "一般公共预算收入首破200亿元。",
			[]string{"budget_revenue level 2024 actual 200 at_least"}},
		{"跨上 a level", review + "地区生产总值跨上3000亿元台阶。",
			[]string{"gdp level 2024 actual 3000 at_least"}},
		{"新增就业人数达到", review + "全年新增就业人数达到3.2万人。",
			[]string{"urban_new_jobs level 2024 actual 3.2 exact"}},
		{"a verb before the name", review + "全年带动固定资产投资完成850亿元。",
			[]string{"fixed_asset_investment level 2024 actual 850 exact"}},
		{"words between the name and its figure", review + "粮食产量在严重旱情影响下仍达到180万吨。",
			[]string{"grain_output level 2024 actual 180 exact"}},
		{"a word touching the name is another noun", review + "海洋生产总值增长7%，居民人均可支配收入中位数增长4%。",
			nil},
		{"a sub-scope before the name", review + "开发区规上工业增加值增长12%，区本级固定资产投资增长9%。",
			nil},
		{"a sub-scope after the name", review + "规上工业企业研发活动覆盖率达到75%，规上工业投资增长20%。",
			nil},
		{"another region's scope word", review + "全省地区生产总值增长5.2%，全市地区生产总值增长6%。",
			[]string{"gdp growth 2024 actual 6 exact"}},
		{"a subject joined by 和", review + "招商引资到位资金和税收收入增幅达到20%以上。",
			nil},
		{"a per-mu figure between two names", review + "规上工业企业亩均税收提高到18万元、列全省第5位。",
			nil},
		{"per-mu figures of a list", review + "规上工业企业亩均产值、亩均增加值均提高7%以上。",
			nil},
		{"two names joined by 和, in turn", review + "一般公共预算收入和税收收入分别增长4.2%和3.6%。",
			[]string{"budget_revenue growth 2024 actual 4.2 exact", "tax_revenue growth 2024 actual 3.6 exact"}},
		{"a list ending in 和, its figures too", review + "社会消费品零售总额、固定资产投资和外贸进出口总额分别增长6.1%、4%和12.5%。",
			[]string{"retail_sales growth 2024 actual 6.1 exact", "fixed_asset_investment growth 2024 actual 4 exact", "foreign_trade growth 2024 actual 12.5 exact"}},
		{"names joined by 和 share a figure", review + "社会消费品零售总额和外贸进出口总额均增长8%。",
			[]string{"retail_sales growth 2024 actual 8 exact", "foreign_trade growth 2024 actual 8 exact"}},
		{"a rank of another thing's figure", review + "新增规上工业企业120家，总数达1500家、居全省第5位。",
			nil},
		{"a rank after a margin is the growth's", review + "地区生产总值增长6%，高于全省0.6个百分点，居全省第2位。",
			[]string{"gdp growth 2024 actual 6 exact", "gdp growth_rank 2024 actual 2 exact province"}},
		{"margins over others' figures keep the subject", review + "地区生产总值增长5.8%，比全国、全省分别高0.6、0.4个百分点，居全省第3位。",
			[]string{"gdp growth 2024 actual 5.8 exact", "gdp growth_rank 2024 actual 3 exact province"}},
		{"above the average of others", review + "社会消费品零售总额增长7.1%，高于全国、全省平均水平，增速居全省第5位。",
			[]string{"retail_sales growth 2024 actual 7.1 exact", "retail_sales growth_rank 2024 actual 5 exact province"}},
		{"a level expected", review + "预计全年地区生产总值增长5%左右，有望突破2500亿元。",
			[]string{"gdp growth 2024 actual 5 about", "gdp level 2024 actual 2500 at_least"}},
		{"a figure that describes things", review + "推动地区生产总值超五百亿元的县达到3个，营业收入过亿元的企业新增20家。",
			nil},
		{"a bound that describes things", review + "新签约固定资产投资10亿元以上项目12个。",
			nil},
		{"the whole a share is of", review + "工业投资增长11%，占全市固定资产投资的58%。",
			nil},

		// An indicator named by its definition.
		{"R&D by its definition", review + "全社会研发经费投入占GDP比重达到2.3%。",
			[]string{"rd_intensity rate 2024 actual 2.3 exact"}},
		{"R&D with a note in brackets", review + "全社会研发（R&D）经费支出占地区生产总值比重提升到1.9%。",
			[]string{"rd_intensity rate 2024 actual 1.9 exact"}},
		{"energy by its definition", review + "万元GDP综合能耗下降3%。",
			[]string{"energy_intensity growth 2024 actual -3 exact"}},

		// Magnitudes in words, figures without their unit.
		{"突破千亿元", review + "地区生产总值突破千亿元。",
			[]string{"gdp level 2024 actual 1000 at_least"}},
		{"跨越千亿台阶", review + "社会消费品零售总额跨越千亿台阶。",
			[]string{"retail_sales level 2024 actual 1000 at_least"}},
		{"迈上百亿斤台阶", review + "粮食总产量迈上百亿斤台阶。",
			[]string{"grain_output level 2024 actual 500 at_least"}},
		{"jobs without 人", review + "城镇新增就业6.2万。",
			[]string{"urban_new_jobs level 2024 actual 6.2 exact"}},
		{"money without 元", review + "地区生产总值达到3500亿。",
			[]string{"gdp level 2024 actual 3500 exact"}},
		{"a bare 万 of something unnamed", review + "城镇新增就业5.1万人，省外劳动力保持120万。",
			[]string{"urban_new_jobs level 2024 actual 5.1 exact"}},
		{"余 between 万 and 人", review + "全年新增城镇就业3.6万余人。",
			[]string{"urban_new_jobs level 2024 actual 3.6 at_least"}},

		// Zero in words.
		{"与上年持平", review + "规模以上工业增加值与上年持平。",
			[]string{"industry_value_added growth 2024 actual 0 exact"}},
		{"持平 with no year before it", review + "居民消费价格与全省持平。", nil},

		// Ranks in other shapes.
		{"a growth rank in a Chinese numeral", review + "全年地区生产总值增长6.7%，排名全省第一。",
			[]string{"gdp growth 2024 actual 6.7 exact", "gdp growth_rank 2024 actual 1 exact province"}},
		{"首位", review + "社会消费品零售总额增长8%，居全省首位。",
			[]string{"retail_sales growth 2024 actual 8 exact", "retail_sales growth_rank 2024 actual 1 exact province"}},
		{"a count between scope and 第", review + "固定资产投资增长9%，增速居全省16个市第2位。",
			[]string{"fixed_asset_investment growth 2024 actual 9 exact", "fixed_asset_investment growth_rank 2024 actual 2 exact province"}},
		{"ranks in turn, the second without its scope", review + "外贸进出口总额增长12%，规上工业增加值增长8%，增速分别排全省第2位、第5位。",
			[]string{"foreign_trade growth 2024 actual 12 exact", "industry_value_added growth 2024 actual 8 exact",
				"foreign_trade growth_rank 2024 actual 2 exact province", "industry_value_added growth_rank 2024 actual 5 exact province"}},
		{"vague positions are not ranks", review + "地区生产总值增速居全省前列。", nil},
		{"one rank for names listed", review + "地区生产总值、一般公共预算收入稳居全省第三。",
			[]string{"gdp rank 2024 actual 3 exact province", "budget_revenue rank 2024 actual 3 exact province"}},
		{"a comparison keeps the subject", review + "全市地区生产总值增长6.1%，分别高于全国、全省0.9、1.5个百分点，排全省第三位。",
			[]string{"gdp growth 2024 actual 6.1 exact", "gdp growth_rank 2024 actual 3 exact province"}},

		// 分别 lists with subjects outside the catalogue.
		{"a shared head completes a name", review + "第一产业、规模以上工业、服务业增加值分别增长3%、8%、6%。",
			[]string{"industry_value_added growth 2024 actual 8 exact"}},
		{"a list of names the catalogue does not know", review + "一般公共预算收入增长6%，金融机构存贷款余额分别增长9%、11%。",
			[]string{"budget_revenue growth 2024 actual 6 exact"}},

		// A subject carried from an earlier clause.
		{"产量 after 粮食", review + "完成粮食播种面积620万亩，产量210万吨。",
			[]string{"grain_output level 2024 actual 210 exact"}},

		// Estimates.
		{"预计达 and a growth", review + "地区生产总值全年预计达1100亿元、增长6%。",
			[]string{"gdp level 2024 actual 1100 exact", "gdp growth 2024 actual 6 exact"}},

		// Signs and invisible characters.
		{"a written minus", review + "全年地区生产总值增长-2.5%，一般公共预算收入同比-3.1%。",
			[]string{"gdp growth 2024 actual -2.5 exact", "budget_revenue growth 2024 actual -3.1 exact"}},
		{"a full-width minus", review + "规模以上工业增加值增长－1.2%。",
			[]string{"industry_value_added growth 2024 actual -1.2 exact"}},
		{"a minus in a 分别 list", review + "城乡居民人均可支配收入分别增长3.2%、-1.5%。",
			[]string{"urban_income growth 2024 actual 3.2 exact", "rural_income growth 2024 actual -1.5 exact"}},
		{"a range is no minus", "今年经济社会发展主要预期目标是：地区生产总值增长6-6.5%。",
			[]string{"gdp growth 2025 target 6..6.5 range"}},
		{"format characters inside a clause", review + "地区生产总值\u200e增长\u2066 5.8%\u2069，社会消费品零售\u200d总额增长7%。",
			[]string{"gdp growth 2024 actual 5.8 exact", "retail_sales growth 2024 actual 7 exact"}},

		// Periods shorter than a year.
		{"months", review + "1—11月，全市规上工业增加值增长8.1%，固定资产投资增长5%。", nil},
		{"quarters", review + "前三季度地区生产总值增长5.9%。", nil},
		{"a period then the year", review + "前三季度，全市地区生产总值增长5.9%，预计全年增长6%。",
			[]string{"gdp growth 2024 actual 6 exact"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkPhrase(t, c.text, "洛阳市", 2025, c.want) })
	}
}

// TestTargetsAndSections: the statement of goals in other shapes, and the
// sections that say whether a figure is an actual or a target, and of
// which year. Every text is written for the test.
func TestTargetsAndSections(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"no colon after 目标是", "二、2025年工作安排\n今年经济社会发展主要预期目标是地区生产总值增长6%左右，居民收入与经济增长同步。",
			[]string{"gdp growth 2025 target 6 about", "resident_income growth 2025 target - qualitative"}},
		{"a numbered list of goals", "二、2025年工作安排\n综合各方面因素，今年主要预期目标如下：\n1.地区生产总值增长6%左右；\n2.城镇调查失业率控制在5.5%左右；\n3.居民消费价格保持在合理区间。",
			[]string{"gdp growth 2025 target 6 about", "unemployment_rate rate 2025 target 5.5 about", "cpi growth 2025 target - qualitative"}},
		{"主要发展目标", "二、2025年工作安排\n今年全市主要发展目标为：规模以上工业增加值增长7%，粮食产量只增不减。",
			[]string{"industry_value_added growth 2025 target 7 exact", "grain_output level 2025 target - qualitative"}},
		{"qualitative targets in words", "今年经济社会发展主要预期目标是：城镇调查失业率控制在合理范围内，一般公共预算收入与经济增长基本同步。",
			[]string{"unemployment_rate rate 2025 target - qualitative", "budget_revenue growth 2025 target - qualitative"}},
		{"a statement that delegates", "今年经济社会发展主要预期目标是：地区生产总值增长5.5%，完成省下达的城镇新增就业、万元GDP综合能耗、粮食产量等目标任务。",
			[]string{"gdp growth 2025 target 5.5 exact", "urban_new_jobs level 2025 target - qualitative",
				"energy_intensity growth 2025 target - qualitative", "grain_output level 2025 target - qualitative"}},
		{"a growth set against the province's", "今年经济社会发展主要预期目标是：地区生产总值增速高于全省1个百分点左右。",
			[]string{"gdp growth 2025 target - qualitative"}},
		{"the goals of last year reviewed are actuals", "一、2024年工作回顾\n年初确定的主要预期目标完成情况是：地区生产总值增长5.6%，一般公共预算收入增长4%。",
			[]string{"gdp growth 2024 actual 5.6 exact", "budget_revenue growth 2024 actual 4 exact"}},
		{"a review written before its year was out", "一、2024年工作回顾\n今年是实施规划承上启下的一年。\n预计全年地区生产总值增长5%左右，一般公共预算收入增长2.5%。\n二、2025年工作安排\n今年地区生产总值增长6%左右。",
			[]string{"gdp growth 2024 actual 5 about", "budget_revenue growth 2024 actual 2.5 exact", "gdp growth 2025 target 6 about"}},
		{"a plan without its heading keeps its 今年", "一、2024年工作回顾\n全市地区生产总值增长5%。\n今年是规划收官之年。\n今年地区生产总值增长6%左右。\n（一）2025年重点工作\n抓好项目建设。",
			[]string{"gdp growth 2024 actual 5 exact", "gdp growth 2025 target 6 about"}},
		{"a slogan in a task section is no target", "二、2025年工作安排\n（三）扩大开放。促进外贸稳中提质，推动进出口稳定增长。", nil},
		{"a date line is no section", "政府工作报告\n2025年1月16日\n各位代表：\n过去一年，全市地区生产总值增长5.6%。",
			[]string{"gdp growth 2024 actual 5.6 exact"}},
		{"the five years ahead", "二、今后五年的目标任务\n到2029年，全市地区生产总值突破5000亿元。",
			[]string{"gdp level 2029 target 5000 at_least"}},
		{"a five-year review's totals are not the year's", "一、过去五年工作回顾\n五年来，城镇新增就业累计超过60万人，单位生产总值能耗累计下降14%。\n二、2025年工作回顾\n过去一年，城镇新增就业12.5万人，单位生产总值能耗下降3.1%。",
			[]string{"urban_new_jobs level 2024 actual 12.5 exact", "energy_intensity growth 2024 actual -3.1 exact"}},
		{"the review's statement beats the plan's recall", "二、2025年工作安排\n在去年地区生产总值增长5.6%的基础上，今年地区生产总值增长6%左右。\n一、2024年工作回顾\n过去一年，全市地区生产总值增长5.8%。",
			[]string{"gdp growth 2025 target 6 about", "gdp growth 2024 actual 5.8 exact"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkPhrase(t, c.text, "洛阳市", 2025, c.want) })
	}
}
