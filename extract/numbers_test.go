package extract

import (
	"testing"
	"zhibiao/extract/catalogue"
	"zhibiao/extract/model"
)

func TestScanFigure(t *testing.T) {
	for _, c := range []struct {
		in          string
		value, high float64
		unit        string
		suffix      model.Qualifier // the qualifier of the words after the figure
		isRange     bool
		ok          bool
	}{
		{"3569.7亿元", 3569.7, 3569.7, "亿元", "", false, true},
		{"3,569.7亿元", 3569.7, 3569.7, "亿元", "", false, true},
		{"1,234,567元", 1234567, 1234567, "元", "", false, true},
		{"5.5%左右", 5.5, 5.5, "%", model.About, false, true},
		{"6%—6.5%", 6, 6.5, "%", "", true, true},
		{"6%-6.5%", 6, 6.5, "%", "", true, true},
		{"6%～6.5%", 6, 6.5, "%", "", true, true},
		{"5.5%到6%", 5.5, 6, "%", "", true, true},
		{"6%至6.5%", 6, 6.5, "%", "", true, true},
		{"6—6.5%", 6, 6.5, "%", "", true, true},
		{"90亿斤以上", 90, 90, "亿斤", model.AtLeast, false, true},
		{"5000余万人次", 5000, 5000, "万人次", model.AtLeast, false, true},
		{"0.3个百分点", 0.3, 0.3, "个百分点", "", false, true},
		{"一百二十万人", 120, 120, "万人", "", false, true},
		{"两万亿元", 2, 2, "万亿元", "", false, true},
		{"十五万吨", 15, 15, "万吨", "", false, true},
		{"三千亿元", 3000, 3000, "亿元", "", false, true},
		{"8万亿", 8, 8, "万亿", "", false, true},
		{"一般公共预算", 0, 0, "", "", false, false},     // 一 is not a number here
		{"2024年", 2024, 2024, "", "", false, true}, // a number without unit
	} {
		rs := []rune(c.in)
		f, ok := scanFigure(rs, 0, len(rs))
		if ok != c.ok {
			t.Errorf("%s: ok %v, want %v", c.in, ok, c.ok)
			continue
		}
		if !ok {
			continue
		}
		if f.value != c.value || f.high != c.high || f.unit.Text != c.unit || f.suffix != c.suffix || f.isRange != c.isRange {
			t.Errorf("%s: %v–%v %q %q range=%v; want %v–%v %q %q range=%v", c.in, f.value, f.high, f.unit.Text, f.suffix, f.isRange,
				c.value, c.high, c.unit, c.suffix, c.isRange)
		}
	}
}

func TestConvert(t *testing.T) {
	unitOf := func(s string) catalogue.Unit {
		u, _, ok := catalogue.MatchUnit([]rune(s), 0)
		if !ok {
			t.Fatalf("no unit %s", s)
		}
		return u
	}
	for _, c := range []struct {
		amount   float64
		from, to string
		want     float64
		wantUnit string
		ok       bool
	}{
		{93, "亿斤", "万吨", 465, "万吨", true},
		{3410, "万斤", "万吨", 1.705, "万吨", true},
		{1.37, "万亿斤", "万吨", 68500, "万吨", true},
		{8317, "人", "万人", 0.8317, "万人", true},
		{2.5, "万元", "元", 25000, "元", true},
		{1.14, "万亿元", "亿元", 11400, "亿元", true},
		{110114, "万元", "亿元", 11.0114, "亿元", true},
		{350, "亿美元", "亿元", 350, "亿美元", true}, // never converted with a guessed rate
		{5, "万户", "万人", 0, "", false},
		// SPEC §3: a figure without its unit takes the indicator's
		// dimension (生产总值3500亿, 城镇新增就业6.2万), money or people; a
		// mass could be of 斤 or of 吨.
		{7, "万亿", "亿元", 70000, "亿元", true},
		{6.2, "万", "万人", 6.2, "万人", true},
		{100, "亿", "万吨", 0, "", false},
	} {
		got, Unit, ok := catalogue.Convert(c.amount, unitOf(c.from), c.to)
		if ok != c.ok || (ok && (got != c.want || Unit != c.wantUnit)) {
			t.Errorf("%v %s → %s: %v %s %v, want %v %s %v", c.amount, c.from, c.to, got, Unit, ok, c.want, c.wantUnit, c.ok)
		}
	}
}

func TestScanRank(t *testing.T) {
	for _, c := range []struct {
		in    string
		value float64
		scope string
		ok    bool
	}{
		{"全省第4位", 4, "全省", true},
		{"全国第二", 2, "全国", true},
		{"全市排名第12位", 12, "全市", true},
		{"全国第10位升至第7位", 7, "全国", true},
		{"全省第一方阵", 0, "", false},
		{"全国第一个", 0, "", false},
		{"全省第3、全国第20位", 3, "全省", true},
		{"全省前列", 0, "", false},
	} {
		rs := []rune(c.in)
		r, ok := scanRank(rs, 0, len(rs))
		if ok != c.ok || (ok && (r.value != c.value || r.scope != c.scope)) {
			t.Errorf("%s: %v %v %v, want %v %v %v", c.in, r.value, r.scope, ok, c.value, c.scope, c.ok)
		}
	}
}
