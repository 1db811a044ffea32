package corpus

import (
	"slices"
	"strconv"
	"strings"
	"zhibiao/extract/model"
)

// report writes a whole report: a government work report (政府工作报告,
// plain or with Markdown headings) or a plan report (关于…计划执行情况与…
// 计划的报告), with a review of last year and the targets of this one
// between paragraphs of policy text.
func (w *writer) report() {
	switch w.rng.IntN(3) {
	case 0:
		w.planHeader()
	default:
		w.workHeader()
	}
	w.review()
	w.plan()
	w.closing()
}

func (w *writer) workHeader() {
	name, y := w.reg.Name, w.year
	if w.chance(0.5) {
		w.line(name + strconv.Itoa(y) + "年政府工作报告")
	} else {
		w.line("政府工作报告")
	}
	w.line("——" + strconv.Itoa(y) + "年" + strconv.Itoa(1+w.rng.IntN(2)) + "月" + strconv.Itoa(5+w.rng.IntN(20)) + "日在" +
		name + "第" + chineseNumber(13+w.rng.IntN(5)) + "届人民代表大会第" + chineseNumber(1+w.rng.IntN(5)) + "次会议上")
	w.line(name + w.reg.head + " " + w.person())
	w.line("各位代表:")
	w.line("现在,我代表" + name + "人民政府,向大会报告政府工作,请予审议,并请政协委员和其他列席人员提出意见。")
	w.heading(w.pick("一、"+strconv.Itoa(y-1)+"年工作回顾", "一、过去一年工作回顾"))
}

func (w *writer) planHeader() {
	y := strconv.Itoa(w.year)
	last := strconv.Itoa(w.year - 1)
	w.line("关于" + w.reg.Name + last + "年国民经济和社会发展计划执行情况与" + y + "年国民经济和社会发展计划草案的报告")
	w.line(w.reg.Name + "发展和改革委员会")
	w.heading("一、" + last + "年" + w.reg.scope + "国民经济和社会发展计划执行情况")
}

// heading writes a section heading, now and then in Markdown.
func (w *writer) heading(s string) {
	if w.chance(0.2) {
		s = "## " + s
	}
	w.line(s)
}

// review writes last year's results: the economy first, then the other
// themes, with policy paragraphs between.
func (w *writer) review() {
	y := w.year - 1
	w.line(strconv.Itoa(y) + "年,面对复杂严峻的外部环境和艰巨繁重的改革发展稳定任务,在" + w.reg.Parent + "委、" +
		w.reg.Parent + "政府和" + shortScope(w.reg.scope) + "委的坚强领导下," + w.reg.scope + "上下坚持稳中求进工作总基调,较好完成了年度目标任务。")
	var picked []statement
	type named struct {
		indicator string
		measure   model.Measure
	}
	stated := map[named]bool{} // indicator and measure: each is stated once
	for _, k := range w.rng.Perm(len(results)) {
		if !w.chance(0.8) {
			continue
		}
		st := results[k].fact(w, y)
		if !slices.ContainsFunc(st.obs, func(o model.Observation) bool { return stated[named{o.Indicator, o.Measure}] }) {
			for _, o := range st.obs {
				stated[named{o.Indicator, o.Measure}] = true
			}
			picked = append(picked, st)
		}
	}
	themes := []string{"经济运行稳中向好。", "发展质量持续提升。", "改革开放不断深化。", "民生福祉持续增进。"}
	for i := 0; len(picked) > 0; i++ {
		n := min(len(picked), 2+w.rng.IntN(4))
		lead := "(" + chineseNumber(i+1) + ")" + themes[i%len(themes)]
		if w.chance(0.3) {
			lead = ""
		}
		w.paragraph(lead, picked[:n], ";", "。", ";")
		picked = picked[n:]
		for range 2 + w.rng.IntN(3) {
			w.filler()
		}
	}
	w.line("同时,我们也清醒地看到,经济持续回升向好的基础还不牢固,产业结构还不够优,创新能力还不够强,民生领域还有不少短板。对此,我们将采取有力措施,认真加以解决。")
}

// plan writes this year's targets, as a sentence or as a list.
func (w *writer) plan() {
	y := w.year
	w.heading("二、" + strconv.Itoa(y) + "年" + w.pick("工作安排", "经济社会发展的总体要求和主要目标", "主要目标任务"))
	w.line(strconv.Itoa(y) + "年是全面贯彻落实党的二十大精神的重要一年。做好今年工作,要坚持稳中求进工作总基调,完整、准确、全面贯彻新发展理念,统筹发展和安全。")
	var picked []statement
	for _, k := range w.rng.Perm(len(targets)) {
		if w.chance(0.85) {
			picked = append(picked, targets[k].fact(w, y))
		}
	}
	if len(picked) == 0 {
		picked = append(picked, targets[0].fact(w, y))
	}
	if w.chance(0.3) {
		w.line("### 主要预期目标")
		for _, st := range picked {
			w.addLine("- "+st.text, []statement{st})
		}
	} else {
		w.paragraph(w.pick("今年经济社会发展的主要预期目标是:", strconv.Itoa(y)+"年经济社会发展主要预期目标是:"), picked, ";", ",")
	}
	w.line("实现上述目标,要重点做好以下工作。")
	for range 8 + w.rng.IntN(7) {
		w.filler()
	}
}

func (w *writer) closing() {
	w.line("各位代表,新征程上,我们将更加紧密地团结在以习近平同志为核心的党中央周围,砥砺奋进、真抓实干,为全面建设社会主义现代化国家作出新的更大贡献!")
}

// shortScope turns 全市 into 市 (市委, 县委).
func shortScope(scope string) string { return strings.TrimPrefix(scope, "全") }

// person is a made-up name.
func (w *writer) person() string {
	return w.pick("王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴") +
		w.pick("建国", "志强", "海涛", "晓明", "红梅", "立新", "永刚", "丽", "军", "伟")
}

// chineseNumber writes 1–99 in Chinese numerals: 十三, 二十一.
func chineseNumber(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n%10]
	}
	return digits[n/10] + "十" + digits[n%10]
}
