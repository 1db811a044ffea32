package extract

import (
	"testing"
	"zhibiao/extract/divisions"
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
	} {
		text := Normalise(c.text)
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
