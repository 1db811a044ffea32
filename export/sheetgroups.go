package export

import (
	"fmt"
	"zhibiao/extract/divisions"
)

// Region sheets. A city office's dozen regions each get a sheet; three
// thousand counties cannot. Past maxRegionSheets the regions share sheets:
// one per prefecture-level city (the city's rows, then its counties'), or,
// when even those are too many, one per province; each row then names its
// region in a 地区 column, so that a filter picks one out.

// Sheet policies (WorkbookOptions.Sheets).
const (
	SheetsAuto       = "auto"       // region, else prefecture, else province: the first within maxRegionSheets
	SheetsRegion     = "region"     // a sheet per region
	SheetsPrefecture = "prefecture" // a sheet per prefecture-level city, with its counties
	SheetsProvince   = "province"   // a sheet per province, with its cities and counties
	SheetsNone       = "none"       // no region sheets: 对比 and 明细 only
)

// SheetPolicies lists the policies, for messages.
var SheetPolicies = []string{SheetsAuto, SheetsRegion, SheetsPrefecture, SheetsProvince, SheetsNone}

// maxRegionSheets is the most region sheets the auto policy makes: about
// what a sheet tab bar can still be browsed with.
const maxRegionSheets = 50

// regionSheet is one sheet of regions.
type regionSheet struct {
	key     string    // the name it is made from: a region's, city's or province's
	name    string    // the sheet's name, once assigned
	regions []*region // in the order of b.regions
	shared  bool      // rows carry a 地区 column
}

// regionSheets groups the regions into sheets by a policy.
func (b *book) regionSheets(policy string) ([]*regionSheet, error) {
	switch policy {
	case "", SheetsAuto:
		for _, p := range []string{SheetsRegion, SheetsPrefecture, SheetsProvince} {
			if sheets := b.groupRegions(p); len(sheets) <= maxRegionSheets {
				return sheets, nil
			}
		}
		return nil, nil
	case SheetsRegion, SheetsPrefecture, SheetsProvince:
		return b.groupRegions(policy), nil
	case SheetsNone:
		return nil, nil
	}
	return nil, fmt.Errorf("sheet policy %q: want one of %v", policy, SheetPolicies)
}

// groupRegions makes the sheets of a policy other than auto and none.
func (b *book) groupRegions(policy string) []*regionSheet {
	var sheets []*regionSheet
	byKey := map[string]*regionSheet{}
	for _, reg := range b.regions {
		key := reg.Name
		switch policy {
		case SheetsPrefecture:
			key = enclosing(reg, 4)
		case SheetsProvince:
			key = enclosing(reg, 2)
		}
		s := byKey[key]
		if s == nil {
			s = &regionSheet{key: key, shared: policy != SheetsRegion}
			byKey[key] = s
			sheets = append(sheets, s)
		}
		s.regions = append(s.regions, reg)
	}
	return sheets
}

// enclosing names the division whose code is the first digits of the
// region's (4: its prefecture, 2: its province), the region itself when it
// is that large already, and the region's own name when its code is
// unknown. A county no prefecture governs (济源市, a municipality's
// districts) falls to its province.
func enclosing(reg *region, digits int) string {
	if len(reg.Code) <= digits {
		return reg.Name
	}
	if d, ok := divisions.ByCode(reg.Code[:digits]); ok {
		return d.Name
	}
	if d, ok := divisions.ByCode(reg.Code[:2]); ok {
		return d.Name
	}
	return reg.Name
}
