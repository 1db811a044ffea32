package extract

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"zhibiao/extract/model"
)

// Openings that put a figure in the plan for the report year: the
// statement of the main goals, and a heading over the year's work.
const (
	goalsOpening = "今年经济社会发展主要预期目标是："
	tasksHeading = "二、2025年重点工作\n"
)

// phraseKey writes an observation compactly: indicator, measure, year,
// kind, value (low..high for a range, - when there is none), qualifier,
// then the scope of a rank, and the unit when money is in US dollars.
func phraseKey(o model.Observation) string {
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	v := "-"
	if o.Value != nil {
		v = num(*o.Value)
		if o.High != nil {
			v += ".." + num(*o.High)
		}
	}
	parts := []string{o.Indicator, string(o.Measure), strconv.Itoa(o.Year), string(o.Kind), v, string(o.Qualifier)}
	if o.Scope != "" {
		parts = append(parts, string(o.Scope))
	}
	if o.Unit == "亿美元" {
		parts = append(parts, o.Unit)
	}
	return strings.Join(parts, " ")
}

func TestPhrases(t *testing.T) {
	cases := []struct {
		name   string
		text   string
		region string
		year   int
		want   []string
	}{
		// Growth, as the reports word it.
		{
			name: "同比增长", region: "新乡市", year: 2025,
			text: "全年地区生产总值同比增长5.2%。",
			want: []string{"gdp growth 2024 actual 5.2 exact"},
		},
		{
			name: "比上年增长", region: "新乡市", year: 2025,
			text: "规模以上工业增加值比上年增长6.3%。",
			want: []string{"industry_value_added growth 2024 actual 6.3 exact"},
		},
		{
			name: "按可比价格计算增长", region: "新乡市", year: 2025,
			text: "经初步核算，全市地区生产总值按可比价格计算增长5.2%。",
			want: []string{"gdp growth 2024 actual 5.2 exact"},
		},
		{
			name: "增速为", region: "新乡市", year: 2025,
			text: "社会消费品零售总额增速为6.8%。",
			want: []string{"retail_sales growth 2024 actual 6.8 exact"},
		},
		{
			name: "增速达到", region: "新乡市", year: 2025,
			text: "全市固定资产投资增速达到8.9%，高于全省1.2个百分点。",
			want: []string{"fixed_asset_investment growth 2024 actual 8.9 exact"},
		},
		{
			name: "上涨", region: "新乡市", year: 2025,
			text: "居民消费价格同比上涨0.2%，物价总体平稳。",
			want: []string{"cpi growth 2024 actual 0.2 exact"},
		},
		{
			name: "下降", region: "新乡市", year: 2025,
			text: "受减税降费等因素影响，一般公共预算收入同比下降3.5%。",
			want: []string{"budget_revenue growth 2024 actual -3.5 exact"},
		},
		{
			name: "降低", region: "新乡市", year: 2025,
			text: "单位生产总值能耗降低4.1%，超额完成省定目标。",
			want: []string{"energy_intensity growth 2024 actual -4.1 exact"},
		},
		{
			name: "回落", region: "新乡市", year: 2025,
			text: "全市固定资产投资同比回落2.1%。",
			want: []string{"fixed_asset_investment growth 2024 actual -2.1 exact"},
		},
		{
			name: "负增长", region: "新乡市", year: 2025,
			text: "外贸进出口总额同比负增长3.2%。",
			want: []string{"foreign_trade growth 2024 actual -3.2 exact"},
		},

		// Ranges.
		{
			name: "range em dash", region: "新乡市", year: 2025,
			text: goalsOpening + "地区生产总值增长6%—6.5%。",
			want: []string{"gdp growth 2025 target 6..6.5 range"},
		},
		{
			name: "range hyphen", region: "新乡市", year: 2025,
			text: goalsOpening + "地区生产总值增长6%-6.5%。",
			want: []string{"gdp growth 2025 target 6..6.5 range"},
		},
		{
			name: "range wave dash", region: "新乡市", year: 2025,
			text: goalsOpening + "地区生产总值增长6%～6.5%。",
			want: []string{"gdp growth 2025 target 6..6.5 range"},
		},
		{
			name: "range 到", region: "新乡市", year: 2025,
			text: goalsOpening + "规模以上工业增加值增长5.5%到6%。",
			want: []string{"industry_value_added growth 2025 target 5.5..6 range"},
		},
		{
			name: "range 至", region: "新乡市", year: 2025,
			text: goalsOpening + "经济增长6%至6.5%。",
			want: []string{"gdp growth 2025 target 6..6.5 range"},
		},
		{
			name: "range with the unit once", region: "新乡市", year: 2025,
			text: goalsOpening + "社会消费品零售总额增长6.5－7%。",
			want: []string{"retail_sales growth 2025 target 6.5..7 range"},
		},

		// Qualifiers.
		{
			name: "控制在以内", region: "新乡市", year: 2025,
			text: goalsOpening + "城镇调查失业率控制在5.5%以内。",
			want: []string{"unemployment_rate rate 2025 target 5.5 at_most"},
		},
		{
			name: "不超过", region: "新乡市", year: 2025,
			text: goalsOpening + "居民消费价格涨幅不超过3%。",
			want: []string{"cpi growth 2025 target 3 at_most"},
		},
		{
			name: "低于", region: "新乡市", year: 2025,
			text: goalsOpening + "城镇调查失业率低于5.5%。",
			want: []string{"unemployment_rate rate 2025 target 5.5 at_most"},
		},
		{
			name: "突破", region: "新乡市", year: 2025,
			text: "全市地区生产总值突破3500亿元。",
			want: []string{"gdp level 2024 actual 3500 at_least"},
		},
		{
			name: "超过", region: "新乡市", year: 2025,
			text: "社会消费品零售总额超过1200亿元。",
			want: []string{"retail_sales level 2024 actual 1200 at_least"},
		},
		{
			name: "逾", region: "新乡市", year: 2025,
			text: "外贸进出口总额逾300亿元。",
			want: []string{"foreign_trade level 2024 actual 300 at_least"},
		},
		{
			name: "达", region: "新乡市", year: 2025,
			text: "全市粮食总产量达93亿斤，再创历史新高。",
			want: []string{"grain_output level 2024 actual 465 exact"},
		},
		{
			name: "累计完成", region: "新乡市", year: 2025,
			text: "全年固定资产投资累计完成1582.6亿元。",
			want: []string{"fixed_asset_investment level 2024 actual 1582.6 exact"},
		},
		{
			name: "总量达到", region: "新乡市", year: 2025,
			text: "全市经济总量达到3569.7亿元。",
			want: []string{"gdp level 2024 actual 3569.7 exact"},
		},
		{
			name: "突破 then 达到: the exact value wins", region: "新乡市", year: 2025,
			text: "一般公共预算收入突破200亿元、达到212.6亿元。",
			want: []string{"budget_revenue level 2024 actual 212.6 exact"},
		},
		{
			name: "以上", region: "新乡市", year: 2025,
			text: goalsOpening + "地区生产总值增长6%以上。",
			want: []string{"gdp growth 2025 target 6 at_least"},
		},
		{
			name: "左右", region: "新乡市", year: 2025,
			text: goalsOpening + "经济增长6%左右。",
			want: []string{"gdp growth 2025 target 6 about"},
		},
		{
			name: "左右 with a stray space", region: "新乡市", year: 2025,
			text: goalsOpening + "城镇调查失业率5.5 %左右。",
			want: []string{"unemployment_rate rate 2025 target 5.5 about"},
		},
		{
			name: "不低于", region: "新乡市", year: 2025,
			text: goalsOpening + "研发经费投入强度不低于2.5%。",
			want: []string{"rd_intensity rate 2025 target 2.5 at_least"},
		},
		{
			name: "跃上", region: "新乡市", year: 2025,
			text: "地区生产总值跃上3500亿元台阶。",
			want: []string{"gdp level 2024 actual 3500 at_least"},
		},
		{
			name: "近", region: "新乡市", year: 2025,
			text: "社会消费品零售总额近1500亿元。",
			want: []string{"retail_sales level 2024 actual 1500 about"},
		},
		{
			name: "预计 is an actual", region: "新乡市", year: 2025,
			text: "预计全年地区生产总值增长5.5%左右。",
			want: []string{"gdp growth 2024 actual 5.5 about"},
		},

		// Units.
		{
			name: "万亿元", region: "全国", year: 2025,
			text: "国内生产总值达到134.9万亿元，比上年增长5%。",
			want: []string{
				"gdp level 2024 actual 1349000 exact",
				"gdp growth 2024 actual 5 exact",
			},
		},
		{
			name: "亿美元 stays in dollars", region: "新乡市", year: 2025,
			text: "外贸进出口总额达到45.6亿美元。",
			want: []string{"foreign_trade level 2024 actual 45.6 exact 亿美元"},
		},
		{
			name: "万元 per person", region: "新乡市", year: 2025,
			text: "居民人均可支配收入2.85万元，增长5.3%。",
			want: []string{
				"resident_income level 2024 actual 28500 exact",
				"resident_income growth 2024 actual 5.3 exact",
			},
		},
		{
			name: "元", region: "新乡市", year: 2025,
			text: "农村居民人均可支配收入达到21563元，增长6.6%。",
			want: []string{
				"rural_income level 2024 actual 21563 exact",
				"rural_income growth 2024 actual 6.6 exact",
			},
		},
		{
			name: "吨", region: "原阳县", year: 2025,
			text: "全县粮食总产量达到186320吨。",
			want: []string{"grain_output level 2024 actual 18.632 exact"},
		},
		{
			name: "万斤", region: "牧野区", year: 2025,
			text: "粮食总产量达到3410万斤。",
			want: []string{"grain_output level 2024 actual 1.705 exact"},
		},
		{
			name: "亿斤 target", region: "新乡市", year: 2025,
			text: goalsOpening + "粮食产量稳定在90亿斤以上。",
			want: []string{"grain_output level 2025 target 450 at_least"},
		},
		{
			name: "人", region: "牧野区", year: 2025,
			text: "全年城镇新增就业8317人。",
			want: []string{"urban_new_jobs level 2024 actual 0.8317 exact"},
		},
		{
			name: "万人次 and 亿元", region: "新乡市", year: 2025,
			text: "全年接待游客5600万人次，旅游综合收入480亿元。",
			want: []string{
				"tourist_visits level 2024 actual 5600 exact",
				"tourism_revenue level 2024 actual 480 exact",
			},
		},

		// Years named by the sentence.
		{
			name: "去年 under a plan heading", region: "新乡市", year: 2025,
			text: tasksHeading + "去年全市固定资产投资增长8.9%。",
			want: []string{"fixed_asset_investment growth 2024 actual 8.9 exact"},
		},
		{
			name: "上年 under a plan heading", region: "新乡市", year: 2025,
			text: tasksHeading + "上年全市社会消费品零售总额增长6.8%。",
			want: []string{"retail_sales growth 2024 actual 6.8 exact"},
		},
		{
			name: "今年", region: "新乡市", year: 2025,
			text: "今年全市地区生产总值预期增长6%左右。",
			want: []string{"gdp growth 2025 target 6 about"},
		},
		{
			name: "去年 and 今年 in one sentence", region: "新乡市", year: 2025,
			text: tasksHeading + "去年全市规上工业增加值增长6%，今年力争增长7%。",
			want: []string{
				"industry_value_added growth 2024 actual 6 exact",
				"industry_value_added growth 2025 target 7 exact",
			},
		},
		{
			name: "全年 in a review", region: "新乡市", year: 2025,
			text: "全年城镇新增就业8.3万人。",
			want: []string{"urban_new_jobs level 2024 actual 8.3 exact"},
		},
		{
			name: "全国 in a national report", region: "全国", year: 2025,
			text: "全国城镇新增就业1256万人。",
			want: []string{"urban_new_jobs level 2024 actual 1256 exact"},
		},
		{
			name: "national goals", region: "全国", year: 2025,
			text: "今年发展的主要预期目标是：国内生产总值增长5%左右；城镇调查失业率5.5%左右，城镇新增就业1200万人以上；居民消费价格涨幅2%左右；居民收入增长和经济增长同步；粮食产量1.4万亿斤左右；单位国内生产总值能耗降低3%左右。",
			want: []string{
				"gdp growth 2025 target 5 about",
				"unemployment_rate rate 2025 target 5.5 about",
				"urban_new_jobs level 2025 target 1200 at_least",
				"cpi growth 2025 target 2 about",
				"resident_income growth 2025 target - qualitative",
				"grain_output level 2025 target 70000 about",
				"energy_intensity growth 2025 target -3 about",
			},
		},
		{
			name: "按…安排", region: "新乡市", year: 2025,
			text: "二、2025年国民经济和社会发展计划\n地区生产总值按增长6%左右安排，一般公共预算收入按增长3%安排。",
			want: []string{
				"gdp growth 2025 target 6 about",
				"budget_revenue growth 2025 target 3 exact",
			},
		},
		{
			name: "力争 in one sentence", region: "新乡市", year: 2025,
			text: "力争全年地区生产总值增长6%以上。",
			want: []string{"gdp growth 2025 target 6 at_least"},
		},

		{
			name: "goals under a heading", region: "新乡市", year: 2025,
			text: "（二）2025年经济社会发展主要预期目标\n城镇新增就业7.8万人以上。",
			want: []string{"urban_new_jobs level 2025 target 7.8 at_least"},
		},
		{
			name: "review and plan sections", region: "新乡市", year: 2025,
			text: "一、2024年工作回顾\n全年地区生产总值增长4.9%。\n二、2025年工作安排\n地区生产总值增长6%左右。",
			want: []string{
				"gdp growth 2024 actual 4.9 exact",
				"gdp growth 2025 target 6 about",
			},
		},

		// Several figures in one sentence.
		{
			name: "level and growth in one clause", region: "新乡市", year: 2025,
			text: "全年完成地区生产总值3569.7亿元、增长4.9%。",
			want: []string{
				"gdp level 2024 actual 3569.7 exact",
				"gdp growth 2024 actual 4.9 exact",
			},
		},
		{
			name: "a list", region: "新乡市", year: 2025,
			text: "固定资产投资增长8.9%,社会消费品零售总额增长6.8%,规上工业增加值增长6%。",
			want: []string{
				"fixed_asset_investment growth 2024 actual 8.9 exact",
				"retail_sales growth 2024 actual 6.8 exact",
				"industry_value_added growth 2024 actual 6 exact",
			},
		},
		{
			name: "分别", region: "新乡市", year: 2025,
			text: "规模以上工业增加值、固定资产投资、社会消费品零售总额分别增长6%、8.9%、6.8%。",
			want: []string{
				"industry_value_added growth 2024 actual 6 exact",
				"fixed_asset_investment growth 2024 actual 8.9 exact",
				"retail_sales growth 2024 actual 6.8 exact",
			},
		},
		{
			name: "均", region: "新乡市", year: 2025,
			text: "规上工业增加值增速、社会消费品零售总额增速均居全省第3位。",
			want: []string{
				"industry_value_added growth_rank 2024 actual 3 exact province",
				"retail_sales growth_rank 2024 actual 3 exact province",
			},
		},
		{
			name: "ranks of the level and of the growth", region: "牧野区", year: 2025,
			text: "社会消费品零售总额累计完成78.8亿元，居全市第6位，同比增长4.9%，居全市第9位。",
			want: []string{
				"retail_sales level 2024 actual 78.8 exact",
				"retail_sales rank 2024 actual 6 exact city",
				"retail_sales growth 2024 actual 4.9 exact",
				"retail_sales growth_rank 2024 actual 9 exact city",
			},
		},
		{
			name: "a rank without the indicator repeated", region: "新乡市", year: 2025,
			text: "全年完成地区生产总值3347.6亿元,居全省第4位。",
			want: []string{
				"gdp level 2024 actual 3347.6 exact",
				"gdp rank 2024 actual 4 exact province",
			},
		},
		{
			name: "稳居全国第二", region: "河南省", year: 2025,
			text: "粮食总产量达到1343.9亿斤，稳居全国第二。",
			want: []string{
				"grain_output level 2024 actual 6719.5 exact",
				"grain_output rank 2024 actual 2 exact nation",
			},
		},
		{
			name: "经济增速 rank", region: "新乡市", year: 2025,
			text: "经济增速居全省第5位。",
			want: []string{"gdp growth_rank 2024 actual 5 exact province"},
		},
		{
			name: "税占比 and its rank", region: "牧野区", year: 2025,
			text: "一般公共预算收入完成10.74亿元，同比增长2.0%，其中，税收完成10.23亿元，同比增长2.1%，税占比95.3%，居全市第1位。",
			want: []string{
				"budget_revenue level 2024 actual 10.74 exact",
				"budget_revenue growth 2024 actual 2 exact",
				"tax_revenue level 2024 actual 10.23 exact",
				"tax_revenue growth 2024 actual 2.1 exact",
				"tax_revenue rate 2024 actual 95.3 exact",
				"tax_revenue rank 2024 actual 1 exact city",
			},
		},
		{
			name: "rate and a change in points", region: "新乡市", year: 2025,
			text: "常住人口城镇化率达到60.2%，提高1.1个百分点。",
			want: []string{"urbanization_rate rate 2024 actual 60.2 exact"},
		},
		{
			name: "新增 then the total", region: "新乡市", year: 2025,
			text: "新增市场主体3.2万户,总数达到63.7万户。",
			want: []string{"market_entities level 2024 actual 63.7 exact"},
		},

		// Qualitative targets: in the goals statement only.
		{
			name: "qualitative goals", region: "新乡市", year: 2025,
			text: goalsOpening + "地区生产总值增长6%左右，居民收入与经济增长同步，进出口稳中提质。",
			want: []string{
				"gdp growth 2025 target 6 about",
				"resident_income growth 2025 target - qualitative",
				"foreign_trade growth 2025 target - qualitative",
			},
		},
		{
			name: "a slogan in a task section", region: "新乡市", year: 2025,
			text: tasksHeading + "促进外贸稳中提质，积极扩大进口。",
			want: nil,
		},

		// Years other than the section's.
		{
			name: "由…增加到 with both years", region: "原阳县", year: 2016,
			text: "地区生产总值由2010年的162.4亿元增加到2015年的287.9亿元，年均增长10.2%。",
			want: []string{
				"gdp level 2010 actual 162.4 exact",
				"gdp level 2015 actual 287.9 exact",
			},
		},
		{
			name: "从…提高到 without the base year", region: "浙江省", year: 2025,
			text: "一般公共预算收入从7248亿元提高到8865亿元。",
			want: []string{"budget_revenue level 2024 actual 8865 exact"},
		},
		{
			name: "an earlier year at the start", region: "河南省", year: 2025,
			text: "经济普查后，2023年全省地区生产总值达到5.9万亿元。",
			want: []string{"gdp level 2023 actual 59000 exact"},
		},
		{
			name: "an earlier year after 经济普查后", region: "河南省", year: 2025,
			text: "经济普查后2023年全省地区生产总值达到5.9万亿元。",
			want: []string{"gdp level 2023 actual 59000 exact"},
		},
		{
			name: "the end of a five-year review", region: "新乡市", year: 2025,
			text: "五年来，全市地区生产总值从2505亿元增加到3569.7亿元。",
			want: []string{"gdp level 2024 actual 3569.7 exact"},
		},
		{
			name: "到2030年", region: "新乡市", year: 2025,
			text: "到2030年研发投入强度达到3.5%以上。",
			want: []string{"rd_intensity rate 2030 target 3.5 at_least"},
		},

		// Not observations.
		{
			name: "完成年度目标的", region: "许昌市", year: 2024,
			text: "城镇新增就业6.2万人，完成年度目标的112.7%。",
			want: []string{"urban_new_jobs level 2023 actual 6.2 exact"},
		},
		{
			name: "为年度预算的", region: "许昌市", year: 2024,
			text: "一般公共预算收入完成65.3亿元，为年度预算的101.2%，增长5.1%。",
			want: []string{"budget_revenue level 2023 actual 65.3 exact", "budget_revenue growth 2023 actual 5.1 exact"},
		},
		{
			name: "年均增长", region: "新乡市", year: 2025,
			text: "地区生产总值年均增长6.1%。",
			want: nil,
		},
		{
			name: "五年来累计", region: "新乡市", year: 2025,
			text: "五年来累计新增城镇就业42.6万人。",
			want: nil,
		},
		{
			name: "城镇新增就业五年累计", region: "新乡市", year: 2025,
			text: "过去五年，城镇新增就业累计达到42.6万人。",
			want: nil,
		},
		{
			name: "个百分点", region: "新乡市", year: 2025,
			text: "研发经费投入强度提高0.3个百分点。",
			want: nil,
		},
		{
			name: "工业总产值", region: "新乡市", year: 2025,
			text: "全年工业总产值增长8.1%。",
			want: nil,
		},
		{
			name: "规上工业总产值", region: "新乡市", year: 2025,
			text: "规上工业总产值增长8.1%。",
			want: nil,
		},
		{
			name: "工业投资", region: "新乡市", year: 2025,
			text: "工业投资增长10.5%。",
			want: nil,
		},
		{
			name: "民间投资", region: "新乡市", year: 2025,
			text: "民间投资增长3.2%。",
			want: nil,
		},
		{
			name: "城镇登记失业率", region: "新乡市", year: 2025,
			text: goalsOpening + "城镇登记失业率控制在4.5%以内。",
			want: nil,
		},
		{
			name: "省会城市地区生产总值", region: "河南省", year: 2025,
			text: "省会城市地区生产总值突破万亿元。",
			want: nil,
		},
		{
			name: "高技术制造业增加值", region: "新乡市", year: 2025,
			text: "高技术制造业增加值增长12%。",
			want: nil,
		},
		{
			name: "人均地区生产总值", region: "新乡市", year: 2025,
			text: "人均地区生产总值达到6.5万元。",
			want: nil,
		},
		{
			name: "区本级固定资产投资", region: "牧野区", year: 2025,
			text: "区本级固定资产投资增长12.3%。",
			want: nil,
		},
		{
			name: "单位生产总值二氧化碳排放", region: "新乡市", year: 2025,
			text: "单位生产总值二氧化碳排放下降4.2%。",
			want: nil,
		},
		{
			name: "连续9年", region: "河南省", year: 2025,
			text: "粮食产量连续9年稳定在1300亿斤以上。",
			want: nil,
		},
		{
			name: "每年超过", region: "新乡市", year: 2025,
			text: "城镇新增就业每年超过7万人。",
			want: nil,
		},
		{
			name: "a vague actual", region: "新乡市", year: 2025,
			text: "粮食产量创历史新高。",
			want: nil,
		},

		// A fall with a bound.
		{
			name: "下降…以上 is at most", region: "新乡市", year: 2025,
			text: goalsOpening + "单位生产总值能耗下降3%以上。",
			want: []string{"energy_intensity growth 2025 target -3 at_most"},
		},

		// Bases and levels reached, with their qualifiers.
		{
			name: "从不到…增加到超过", region: "全国", year: 2021,
			text: "国内生产总值从不到70万亿元增加到超过100万亿元。",
			want: []string{"gdp level 2020 actual 1000000 at_least"},
		},
		{
			name: "降到", region: "全国", year: 2021,
			text: "城镇新增就业1186万人，年末全国城镇调查失业率降到5.2%。",
			want: []string{"urban_new_jobs level 2020 actual 1186 exact", "unemployment_rate rate 2020 actual 5.2 exact"},
		},

		// Over a five-year review, 稳定在 speaks of every year.
		{
			name: "这五年…稳定在", region: "山东省", year: 2026,
			text: "一、2025年及“十四五”时期工作回顾\n各位代表！2025年是“十四五”收官之年。五年来，我们牢记嘱托。\n——经济综合实力实现新跃升。粮食总产稳定在1100亿斤以上，城镇新增就业累计完成600万人。",
			want: nil,
		},

		// A paragraph opening with the report year is the plan.
		{
			name: "2025年是…之年", region: "新乡市", year: 2025,
			text: "全年地区生产总值增长5.2%。\n2025年是“十四五”规划收官之年。全市规上工业增加值增长7%以上。",
			want: []string{"gdp growth 2024 actual 5.2 exact", "industry_value_added growth 2025 target 7 at_least"},
		},

		{
			name: "下降到 is the rate reached", region: "全国", year: 2021,
			text: "年末全国城镇调查失业率下降到5.2%。",
			want: []string{"unemployment_rate rate 2020 actual 5.2 exact"},
		},

		{
			name: "均 after a list of figures", region: "邯郸市", year: 2025,
			text: "过去一年,地区生产总值完成4704.3亿元、增长6.1%,规模以上工业增加值增长9.5%,增速均居全省第一,分别为35年来、20年来首次。",
			want: []string{"gdp level 2024 actual 4704.3 exact", "gdp growth 2024 actual 6.1 exact", "industry_value_added growth 2024 actual 9.5 exact",
				"gdp growth_rank 2024 actual 1 exact province", "industry_value_added growth_rank 2024 actual 1 exact province"},
		},
		{
			name: "bullets over a results list and a goals list", region: "湖北省", year: 2025,
			text: "■ 2024年成绩单\n●预计全省地区生产总值增长6%左右\n●粮食总产达到557亿斤\n■ 2025年经济社会发展的主要预期目标\n●经济增长6%左右\n●城镇调查失业率5.5%左右,城镇新增就业70万人以上\n●居民收入增长与经济增长同步\n●单位地区生产总值能耗完成“十四五”国家考核目标",
			want: []string{"gdp growth 2024 actual 6 about", "grain_output level 2024 actual 2785 exact",
				"gdp growth 2025 target 6 about", "unemployment_rate rate 2025 target 5.5 about", "urban_new_jobs level 2025 target 70 at_least",
				"resident_income growth 2025 target - qualitative", "energy_intensity growth 2025 target - qualitative"},
		},

		{
			name: "总量和增速均居", region: "四川省", year: 2026,
			text: "过去一年,实现地区生产总值67665亿元,增长5.5%,总量和增速均居全国第5位;地方一般公共预算收入5853.9亿元,增长3.9%。",
			want: []string{"gdp level 2025 actual 67665 exact", "gdp growth 2025 actual 5.5 exact", "gdp rank 2025 actual 5 exact nation",
				"gdp growth_rank 2025 actual 5 exact nation", "budget_revenue level 2025 actual 5853.9 exact", "budget_revenue growth 2025 actual 3.9 exact"},
		},
		{
			name: "numbered items", region: "四川省", year: 2024,
			text: "一、2023年国民经济和社会发展计划执行情况\n1.地区生产总值达到60132.9亿元、增长6%,增速在前十经济大省中并列第1,符合预期目标。\n（2）社会消费品零售总额增长10%。\n三是全社会固定资产投资增长4.4%。",
			want: []string{"gdp level 2023 actual 60132.9 exact", "gdp growth 2023 actual 6 exact", "retail_sales growth 2023 actual 10 exact", "fixed_asset_investment growth 2023 actual 4.4 exact"},
		},
		{
			name: "two names share a target in words", region: "四川省", year: 2024,
			text: "2024年,四川省经济社会发展主要预期目标是:地区生产总值增长6%左右;地方一般公共预算收入、居民收入增长和经济增长基本同步;粮食产量保持在715亿斤以上。",
			want: []string{"gdp growth 2024 target 6 about", "budget_revenue growth 2024 target - qualitative", "resident_income growth 2024 target - qualitative", "grain_output level 2024 target 3575 at_least"},
		},

		{
			name: "城乡居民收入分别", region: "四川省", year: 2026,
			text: "过去一年,城乡居民人均可支配收入分别增长4.4%、5.6%。",
			want: []string{"urban_income growth 2025 actual 4.4 exact", "rural_income growth 2025 actual 5.6 exact"},
		},
		{
			name: "城乡居民收入 levels then growths", region: "东昌府区", year: 2019,
			text: "过去一年,城乡居民人均可支配收入分别达28336元和13632元，分别增长8.5%和9%。",
			want: []string{"urban_income level 2018 actual 28336 exact", "rural_income level 2018 actual 13632 exact",
				"urban_income growth 2018 actual 8.5 exact", "rural_income growth 2018 actual 9 exact"},
		},
		// SPEC §3: stated as one figure or one qualitative statement, the
		// joint name is resident income; with 分别 and two figures it is
		// the urban and rural pair.
		{
			name: "城乡居民收入 without 分别 is resident income", region: "四川省", year: 2026,
			text: "过去一年,城乡居民人均可支配收入增长5%。",
			want: []string{"resident_income growth 2025 actual 5 exact"},
		},
		{
			name: "城乡居民收入 in the goals", region: "四川省", year: 2026,
			text: goalsOpening + "城乡居民收入增长与经济增长同步。",
			want: []string{"resident_income growth 2026 target - qualitative"},
		},
		{
			name: "城乡居民收入 均", region: "四川省", year: 2026,
			text: "过去一年,城乡居民人均可支配收入均增长6%。",
			want: []string{"urban_income growth 2025 actual 6 exact", "rural_income growth 2025 actual 6 exact"},
		},
		{
			name: "urban and rural goals stated apart are neither resident income", region: "四川省", year: 2026,
			text: goalsOpening + "城镇居民人均可支配收入增速与经济增长基本同步，农村居民人均可支配收入增速高于经济增长水平。",
			want: []string{"urban_income growth 2026 target - qualitative", "rural_income growth 2026 target - qualitative"},
		},

		{
			name: "增产", region: "全国", year: 2024,
			text: "过去一年,粮食产量1.39万亿斤,增产1.3%。",
			want: []string{"grain_output level 2023 actual 69500 exact", "grain_output growth 2023 actual 1.3 exact"},
		},

		// A statement of goals that starts inside a paragraph covers only
		// what follows it.
		{
			name: "goals inside a paragraph", region: "全国", year: 2021,
			text: "今年是实施“十四五”规划的开局之年。我们要坚定信心，攻坚克难，努力保持经济社会持续健康发展。今年发展主要预期目标是：国内生产总值增长6%以上；进出口量稳质升，国际收支基本平衡。",
			want: []string{"gdp growth 2021 target 6 at_least", "foreign_trade growth 2021 target - qualitative"},
		},
	}

	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkPhrase(t, c.text, c.region, c.year, c.want) })
	}
}

// checkPhrase reads a text of a region's report of a year and checks its
// observations, in any order, against want (phraseKey's form).
func checkPhrase(t *testing.T, text, region string, year int, want []string) {
	t.Helper()
	rep := &model.Report{}
	if err := ReadText(rep, text, Options{Region: region, Year: year}); err != nil {
		t.Fatal(err)
	}
	got := make([]string, 0, len(rep.Observations))
	for _, o := range rep.Observations {
		got = append(got, phraseKey(o))
	}
	want = slices.Clone(want)
	if want == nil {
		want = []string{}
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("text: %s\nregion %s, year %d\nwant:\n\t%s\ngot:\n\t%s",
			text, region, year, strings.Join(want, "\n\t"), strings.Join(got, "\n\t"))
	}
}
