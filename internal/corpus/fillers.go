package corpus

import (
	"strings"
)

// fillers are paragraphs of policy text, as reports have between their
// figures. Many hold figures of things the catalogue does not count
// (projects, kilometres, households, investment in one project), which a
// reader must leave alone. {n} is a whole number, {x} a decimal, {s} the
// region's scope word (全市).
var fillers = []string{
	"项目建设有力推进。坚持“项目为王”理念,全年实施500万元以上重点项目{n}个,完成投资{x}亿元,投资完成率{x}%。",
	"城市更新有序开展。{n}个老旧小区改造全面启动,改造面积{x}万平方米,惠及群众近{x}万人。",
	"交通网络加快完善。新建改建农村公路{n}公里,新增公交线路{n}条,{s}公路通车里程达到{n}公里。",
	"营商环境持续优化。深化“放管服”改革,{n}项政务服务事项实现“一网通办”,企业开办时间压缩至{x}个工作日。",
	"创新动能加快集聚。新增高新技术企业{n}家、科技型中小企业{n}家,建成省级以上研发平台{n}个。",
	"乡村振兴扎实推进。建成高标准农田{x}万亩,创建省级美丽乡村示范村{n}个,农村生活污水治理率达到{x}%。",
	"生态环境持续改善。PM2.5平均浓度下降到{n}微克/立方米,优良天数达到{n}天,地表水国控断面水质达标率{n}%。",
	"社会事业全面发展。新建改扩建中小学、幼儿园{n}所,新增学位{n}个;建成乡镇卫生院{n}个,家庭医生签约服务覆盖{x}万人。",
	"社会保障更加有力。发放各类救助资金{x}亿元,城乡低保标准分别提高到每人每月{n}元、{n}元。",
	"安全发展基础更加牢固。深入开展安全生产大检查,排查整改隐患{n}处,全年未发生重大安全责任事故。",
	"文化事业繁荣发展。新建城市书房{n}个,开展文化惠民演出{n}场次,{n}个项目入选省级非物质文化遗产名录。",
	"坚持以人民为中心的发展思想,持续加大民生投入,认真办好{n}件民生实事,群众获得感、幸福感、安全感不断增强。",
	"政府自身建设不断加强。自觉接受人大法律监督、工作监督和政协民主监督,办理人大代表建议{n}件、政协提案{n}件,办复率100%。",
	"坚持把发展经济的着力点放在实体经济上,加快推进新型工业化,做强主导产业,培育新兴产业,推动传统产业转型升级。",
	"深入实施扩大内需战略,积极扩大有效投资,谋划储备重大项目{n}个,总投资{x}亿元。",
	"持续优化营商环境,全面落实减税降费政策,累计减免税费{x}亿元,为企业解决问题{n}个。",
	"加快建设现代化基础设施体系,推进{n}个重大水利项目、{n}个能源项目建设,新建5G基站{n}个。",
	"全面推进乡村振兴,稳定粮食播种面积,实施高标准农田建设{x}万亩,培育家庭农场{n}家、农民合作社{n}家。",
	"着力保障和改善民生,实施就业优先政策,开展职业技能培训{n}人次,帮扶困难人员就业{n}人。",
	"统筹发展和安全,有效防范化解重点领域风险,守牢不发生系统性风险底线。",
}

// filler writes one paragraph of policy text.
func (w *writer) filler() {
	t := fillers[w.rng.IntN(len(fillers))]
	var b strings.Builder
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 || i+2 >= len(t) {
			break
		}
		b.WriteString(t[:i])
		switch t[i+1] {
		case 'n':
			s, _ := w.integer(3, 300)
			b.WriteString(s)
		case 'x':
			s, _ := w.decimal(1, 99, 1)
			b.WriteString(s)
		case 's':
			b.WriteString(w.reg.scope)
		}
		t = t[i+3:]
	}
	b.WriteString(t)
	w.line(b.String())
}
