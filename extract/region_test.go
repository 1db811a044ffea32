package extract

import (
	"errors"
	"strings"
	"testing"

	"zhibiao/extract/divisions"
	"zhibiao/extract/document"
	"zhibiao/extract/model"
	"zhibiao/extract/text"
)

// TestDetectRegionAndYear: the lines that name a report's region and year,
// as reports write them.
func TestDetectRegionAndYear(t *testing.T) {
	for _, c := range []struct {
		text, region string
		year         int
		sure         bool // no warning about the region
	}{
		{"政府工作报告\n——2025年2月9日在新乡市第十四届人民代表大会第三次会议上\n新乡市人民政府市长 魏建平\n", "新乡市", 2025, true},
		{"2025年新乡市政府工作报告\n各位代表：\n", "新乡市", 2025, true},
		{"新乡市2025年政府工作报告\n各位代表：\n", "新乡市", 2025, true},
		{"关于牧野区2023年国民经济和社会\n\n发展计划执行情况与2024年国民经济和\n\n社会发展计划的报告\n", "牧野区", 2024, true},
		{"政府工作报告\n——2018年12月25日在沅陵县第十七届人民代表大会第三次会议上\n", "沅陵县", 2019, true},
		{"政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理 李强\n", "全国", 2024, true},
		// 于洪 (于洪区) overlaps 洪泽区, the full name inside it.
		{"关于洪泽区2015年国民经济和社会发展计划执行情况与2016年国民经济和社会发展计划草案的报告\n", "洪泽区", 2016, true},
		// A prefecture-level city without districts, not its statistical
		// county of the same name.
		{"中山市2024年政府工作报告\n——2024年1月10日在中山市第十六届人民代表大会第四次会议上\n", "中山市", 2024, true},
		{"新乡市人民政府门户网站\n关于牧野区2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划的报告\n", "牧野区", 2024, true},
		// The date in Chinese numerals.
		{"政府工作报告\n——二〇二五年一月十日在洛阳市第十五届人民代表大会第五次会议上\n", "洛阳市", 2025, true},
		{"政府工作报告\n——二○一九年十二月二十日在沅陵县第十八届人民代表大会第四次会议上\n", "沅陵县", 2020, true},
	} {
		text := text.Normalise(document.TextBlocks(c.text))
		d := detectRegion(text)
		reg := d.region
		year := detectYear(text).year
		if reg.Name != c.region || year != c.year || d.evidence.Sure() != c.sure {
			t.Errorf("%q: %s %d evidence %+v; want %s %d", c.text, reg.Name, year, d.evidence, c.region, c.year)
		}
		if ds := divisions.Lookup(c.region); len(ds) == 1 && reg.Code != ds[0].Code {
			t.Errorf("%q: %s is division %s, want %s", c.text, reg.Name, reg.Code, ds[0].Code)
		}
	}
}

// The bodies of the reports below are written for these tests, in the
// manner of the reports of each kind of region; none is a report's text.
const (
	cityOpening = "各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议，并请市政协委员和其他列席人员提出意见。\n"
	review2024  = "一、2024年工作回顾\n"
)

// TestRegionWithoutTitle: reports whose text has no title line, told by
// how they speak of themselves and the names they use.
func TestRegionWithoutTitle(t *testing.T) {
	for _, c := range []struct {
		name, text string
		code       string // the division's code; "" for the nation
		year       int
	}{
		{"a prefecture city", cityOpening + review2024 +
			"过去一年，在省委、省政府和市委的坚强领导下，全市上下团结奋进，洛阳经济运行稳中向好。全市地区生产总值增长5.1%，增速居全省第3位。\n" +
			"洛阳先进制造业加快发展，建设美丽洛阳迈出新步伐。\n二、2025年工作安排\n今年是“十四五”规划收官之年。\n",
			"4103", 2025},
		{"a league, named by its short name", "各位代表：\n现在，我代表盟行政公署向大会报告工作，请予审议。\n" + review2024 +
			"过去一年，在自治区党委、政府和盟委的坚强领导下，全盟经济持续恢复。锡盟地区生产总值增长6%，锡林郭勒草原生态持续向好。\n" +
			"锡林郭勒盟推进农牧业现代化，建设美丽锡林郭勒。\n",
			"1525", 2025},
		{"an autonomous prefecture", "各位代表：\n现在，我代表州人民政府向大会报告工作，请予审议，并请州政协委员和其他列席人员提出意见。\n" + review2024 +
			"一年来，在省委、省政府和州委的坚强领导下，全州经济社会发展取得新成效。黔东南州地区生产总值增长4.5%，黔东南旅游持续升温，凯里市城市功能持续完善。\n",
			"5226", 2025},
		{"a county-level city governed by its province", cityOpening + review2024 +
			"过去一年，在省委、省政府和市委的坚强领导下，天门经济总量稳步提升，全市地区生产总值增长6.2%。湖北省支持天门建设县域经济强市，天门人民奋力拼搏。\n",
			"429006", 2025},
		{"a city that names its autonomous region more than itself", cityOpening + review2024 +
			"过去一年，在自治区党委、政府和市委的坚强领导下，我们深入落实广西“1+1+4+3+N”目标任务体系，广西北部湾经济区建设加快，广西自由贸易试验区南宁片区建设成效明显，广西开放发展的南宁作为持续显现，建设美丽南宁。\n",
			"4501", 2025},
		{"a prefecture city named like its province", cityOpening + review2024 +
			"过去一年，在省委、省政府和市委的坚强领导下，全市经济回升向好。吉林化纤产业加快发展，吉林城市品质不断提升，建设美丽吉林。全市地区生产总值增长5.5%，增速高于全省平均水平。\n",
			"2202", 2025},
		{"the province of the same name", "各位代表：\n现在，我代表省人民政府向大会报告工作，请予审议，并请省政协委员和其他列席人员提出意见。\n" + review2024 +
			"一年来，在省委的坚强领导下，吉林全面振兴取得新突破，我省地区生产总值增长5.3%，吉林粮食总产量再创新高。\n",
			"22", 2025},
		{"a county-level city named like its prefecture", cityOpening + review2024 +
			"过去一年，在州委、州政府和市委的坚强领导下，全市经济稳中有进。恩施硒茶品牌影响力持续提升，恩施城区面貌焕然一新，我市地区生产总值增长6%，建设美丽恩施。\n",
			"422801", 2025},
		{"the prefecture of the same name", "各位代表：\n现在，我代表州人民政府向大会报告工作，请予审议。\n" + review2024 +
			"过去一年，在省委、省政府和州委的坚强领导下，恩施州经济社会持续健康发展，全州地区生产总值增长5.8%，恩施硒茶产业不断壮大，恩施市、利川市城市品质持续提升。\n",
			"4228", 2025},
		{"an autonomous prefecture named like a province", "各位代表：\n现在，我代表州人民政府向大会报告工作。\n" + review2024 +
			"过去一年，在省委、省政府和州委的坚强领导下，海南州地区生产总值增长5%，海南州清洁能源基地建设加快，共和县光伏产业园持续扩容，为青海生态文明高地建设作出海南贡献。\n",
			"6325", 2025},
		{"a district whose name five cities share, its city named", "各位代表：\n现在，我代表区人民政府向大会报告工作，请予审议。\n" + review2024 +
			"过去一年，在市委、市政府和区委的坚强领导下，全区地区生产总值增长5.2%。鼓楼高质量发展迈出坚实步伐，南京都市圈建设深入推进，鼓楼人民生活持续改善，南京城市中心功能进一步提升。\n",
			"320106", 2025},
		{"a county, its city named less", "各位代表：\n现在，我代表县人民政府向大会报告工作，请予审议，并请县政协委员和其他列席人员提出意见。\n" + review2024 +
			"一年来，在市委、市政府和县委的坚强领导下，原阳经济运行稳中向好，全县地区生产总值增长5%。原阳积极融入郑州都市圈，建设美丽原阳，新乡市级项目加快落地。\n",
			"410725", 2025},
		{"a banner", "各位代表：\n现在，我代表旗人民政府向大会报告工作。\n" + review2024 +
			"过去一年，在市委、市政府和旗委的坚强领导下，全旗经济稳中向好。鄂温克草原生态保护持续加强，鄂温克旗地区生产总值增长5%，鄂温克族自治旗民族团结进步事业全面发展。\n",
			"150724", 2025},
		{"an area", "各位代表：\n现在，我代表地区行政公署向大会报告工作。\n" + review2024 +
			"过去一年，在自治区党委、政府和地委的坚强领导下，阿克苏地区经济社会发展取得新成就，全地区地区生产总值增长6.5%，阿克苏苹果品牌持续打响。\n",
			"6529", 2025},
		{"the nation, without a title", "各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协委员提出意见。\n" + review2024 +
			"过去一年，我国经济回升向好，全国国内生产总值增长5%。我国经济总量突破130万亿元，在全国各族人民的共同努力下，各项目标任务圆满完成。\n",
			"", 2025},
	} {
		t.Run(c.name, func(t *testing.T) {
			rep := &model.Report{Source: model.Source{Path: "r.txt"}}
			if err := ReadText(rep, c.text, Options{}); err != nil {
				t.Fatal(err)
			}
			want := model.Region{Name: "全国", Level: model.Nation}
			if c.code != "" {
				d, ok := divisions.ByCode(c.code)
				if !ok {
					t.Fatalf("no division %s", c.code)
				}
				want = model.RegionOf(mustIndex(t, d.Code))
			}
			if rep.Region != want || rep.Year != c.year {
				t.Errorf("%+v %d (%s / %s), want %+v %d", rep.Region, rep.Year, rep.RegionEvidence.Summary(), rep.YearEvidence.Summary(), want, c.year)
			}
			if !rep.RegionEvidence.Sure() || len(rep.Warnings) > 0 && strings.Contains(rep.Warnings[0].Message, "region") {
				t.Errorf("region told with low confidence: %+v %v", rep.RegionEvidence, rep.Warnings)
			}
		})
	}
}

func mustIndex(t *testing.T, code string) int {
	t.Helper()
	i, ok := divisions.Index(code)
	if !ok {
		t.Fatalf("no division %s", code)
	}
	return i
}

// TestRegionNotSettled: where the text does not single out one region,
// the report has none, and the error names the candidates and the fix.
func TestRegionNotSettled(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       []string // in the message
	}{
		{"two cities named alike", cityOpening + review2024 +
			"过去一年，洛阳与南阳携手推进豫西南协同发展。洛阳文旅、南阳文旅双双升温，洛阳高铁与南阳城际相继开通。\n",
			[]string{"洛阳市", "南阳市", "r.txt,"}},
		{"a district of a shared name, its city never named", "各位代表：\n现在，我代表区人民政府向大会报告工作。\n" + review2024 +
			"过去一年，在区委的坚强领导下，鼓楼高质量发展迈出坚实步伐，鼓楼人民生活持续改善，建设美丽鼓楼。\n",
			[]string{"鼓楼区（南京市）", "鼓楼区（福州市）"}},
		{"no region named", cityOpening + review2024 + "过去一年，全市地区生产总值增长5%。\n",
			[]string{"r.txt,地区名称,2025"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			rep := &model.Report{Source: model.Source{Path: "r.txt"}}
			err := ReadText(rep, c.text, Options{})
			var fe *model.FileError
			if !errors.As(err, &fe) || fe.Path != "r.txt" || !strings.Contains(fe.Format, "cannot tell the region") {
				t.Fatalf("error %v, want one saying the region cannot be told", err)
			}
			for _, w := range c.want {
				if !strings.Contains(fe.Message, w) {
					t.Errorf("%q lacks %q", fe.Message, w)
				}
			}
		})
	}
}

// TestRegionFromNamesAlone: a text that never speaks of itself as a
// region is read from the names it uses, with a warning that says so and
// gives the fix.
func TestRegionFromNamesAlone(t *testing.T) {
	rep := &model.Report{Source: model.Source{Path: "excerpt.txt"}}
	text := "2024年工作回顾\n新乡地区生产总值增长5%，新乡规模以上工业增加值增长6%，新乡市固定资产投资增长8%。\n"
	if err := ReadText(rep, text, Options{}); err != nil {
		t.Fatal(err)
	}
	if rep.Region.Name != "新乡市" || rep.RegionEvidence.Sure() || len(rep.Warnings) == 0 ||
		!strings.Contains(rep.Warnings[0].Message, "excerpt.txt,新乡市,2025") {
		t.Errorf("%+v %+v %v", rep.Region, rep.RegionEvidence, rep.Warnings)
	}
}

// TestYearFromSections: reports without a date line, their year told by
// the years of their review and plan.
func TestYearFromSections(t *testing.T) {
	for _, c := range []struct {
		name, text string
		year       int
	}{
		{"review heading", cityOpening + "一、2024年工作回顾\n过去一年，全市上下团结奋进。\n", 2025},
		{"review opens with its year", cityOpening + "2024年，在省委、省政府和市委的坚强领导下，我们团结奋进。\n全市地区生产总值增长5%。\n" +
			"2025年是“十四五”规划收官之年。\n今年政府工作的总体要求是：坚持稳中求进。\n", 2025},
		{"both headings name work", cityOpening + "一、2024年主要工作\n过去一年，全市上下团结奋进。\n二、2025年主要工作\n今年，我们将聚焦高质量发展。\n", 2025},
		{"paragraphs run together in one line", "各位代表：\u3000\u3000现在，我代表市人民政府向大会报告工作，请予审议。一、2024年工作回顾\u3000\u3000过去的一年，全市上下团结奋进。\u3000\u30002025年政府工作总的要求是：坚持稳中求进。", 2025},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := detectYear(text.Normalise(document.TextBlocks(c.text))); got.year != c.year {
				t.Errorf("year %d (%+v), want %d", got.year, got.evidence, c.year)
			}
		})
	}
	// A review and a plan that name the same year, each as its own, leave
	// the year untold.
	src := cityOpening + "二、2025年工作安排\n今年，我们将聚焦高质量发展。\n一、2025年工作回顾\n过去一年成绩显著。\n"
	if got := detectYear(text.Normalise(document.TextBlocks(src))); got.year != 0 {
		t.Errorf("conflicting sections: year %d, want none", got.year)
	}
}

// TestRankScopes: a rank's scope word names a region above the report's
// own, by its kind.
func TestRankScopes(t *testing.T) {
	for _, c := range []struct {
		region, word string
		want         model.Scope
	}{
		{"北海市", "全区", "province"}, // a city of 广西
		{"北海市", "全市", ""},         // its own counties
		{"北海市", "全国", "nation"},
		{"海拉尔区", "全区", "province"}, // a district of 内蒙古: the autonomous region
		{"海拉尔区", "全市", "city"},
		{"阿巴嘎旗", "全盟", "city"}, // a banner of a league
		{"凯里市", "全州", "city"},
		{"凯里市", "全省", "province"},
		{"天门市", "全省", "province"}, // governed by the province
		{"天门市", "全市", ""},
		{"新乡市", "全省", "province"},
		{"新乡市", "全区", ""},
		{"河南省", "全国", "nation"},
		{"河南省", "全省", ""},
		{"东城区", "全市", "city"}, // a district of a municipality
	} {
		reg, ok := model.RegionByName(c.region)
		if !ok {
			t.Fatalf("no region %s", c.region)
		}
		r := &reader{kind: regionKind(reg), above: ancestors(reg)}
		if got := r.rankScope(c.word); got != c.want {
			t.Errorf("%s %s: %q, want %q", c.region, c.word, got, c.want)
		}
	}
}
