package corpus

import (
	"strings"
	"sync"

	"zhibiao/extract/divisions"
	"zhibiao/extract/model"
)

// region is a division a report can speak for.
type region struct {
	model.Region
	head      string      // the head of its government: 市长, 县长, 区长
	scope     string      // 全市, 全县, 全区
	rankScope string      // where its ranks are counted: 全省 or 全市; "" for none
	scopeKey  model.Scope // the model's scope of those ranks: province or city
}

// regions are the prefecture-level cities and autonomous prefectures and the
// counties, districts, banners and county-level cities of the division
// table, by code. Statistical units with other names (development zones,
// 地区 and 盟 with their 行政公署) are left out: they give no 政府工作报告.
var regions = sync.OnceValue(func() []region {
	var out []region
	for _, d := range divisions.All() {
		head := ""
		switch {
		case model.RegionLevel(d.Level) == model.Prefecture && strings.HasSuffix(d.Name, "自治州"):
			head = "州长"
		case model.RegionLevel(d.Level) == model.Prefecture && strings.HasSuffix(d.Name, "市"):
			head = "市长"
		case d.Level == model.County && strings.HasSuffix(d.Name, "自治县"), d.Level == model.County && strings.HasSuffix(d.Name, "县"):
			head = "县长"
		case d.Level == model.County && strings.HasSuffix(d.Name, "区") && !strings.HasSuffix(d.Name, "新区") && !strings.HasSuffix(d.Name, "林区"):
			head = "区长"
		case d.Level == model.County && strings.HasSuffix(d.Name, "旗"):
			head = "旗长"
		case d.Level == model.County && strings.HasSuffix(d.Name, "市"):
			head = "市长"
		}
		if head == "" || strings.ContainsAny(d.Name, "·") {
			continue
		}
		parent, ok := divisions.Parent(d)
		if !ok || parent.Name == d.Name {
			continue // 中山市 under 中山市: the city itself
		}
		r := region{Region: model.Region{Name: d.Name, Level: model.RegionLevel(d.Level), Code: d.Code, Parent: parent.Name}, head: head, scope: scopeWord(d.Name)}
		switch {
		case model.RegionLevel(d.Level) == model.Prefecture && strings.HasSuffix(parent.Name, "省"):
			r.rankScope, r.scopeKey = "全省", model.ScopeProvince
		case model.RegionLevel(d.Level) == model.County && strings.HasSuffix(parent.Name, "市") && model.RegionLevel(parent.Level) == model.Prefecture:
			r.rankScope, r.scopeKey = "全市", model.ScopeCity
		}
		out = append(out, r)
	}
	return out
})
