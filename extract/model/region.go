package model

import (
	"zhibiao/extract/divisions"
)

// RegionOf makes the model's region of a division.
func RegionOf(i int) Region {
	d := divisions.Get(i)
	r := Region{Name: d.Name, Level: RegionLevel(d.Level), Code: d.Code}
	if p, ok := divisions.Parent(d); ok {
		r.Parent = p.Name
	}
	return r
}

// RegionByName returns the region of a division's full name (for
// --region), or false when the name is not in the GB/T 2260 table.
func RegionByName(name string) (Region, bool) {
	if name == "全国" || name == "中国" || name == "中华人民共和国" {
		return Region{Name: "全国", Level: Nation}, true
	}
	ds := divisions.Lookup(name)
	if len(ds) == 0 {
		return Region{}, false
	}
	i, _ := divisions.Index(ds[0].Code)
	return RegionOf(i), true
}
