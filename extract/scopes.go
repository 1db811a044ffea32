package extract

import (
	"slices"
	"strings"
	"sync"

	"zhibiao/extract/divisions"
	"zhibiao/extract/lexicon"
	"zhibiao/extract/model"
)

// scopeKinds gives each scope word of the lexicon (全市, 全区 …) the kinds
// of region it speaks of.
var scopeKinds = sync.OnceValue(func() map[string][]divisions.Kind {
	out := map[string][]divisions.Kind{}
	for word, args := range lexicon.Default().Args("scope") {
		for _, a := range args {
			out[word] = append(out[word], divisions.Kind(a))
		}
	}
	return out
})

// regionKind is the kind of a region: the nation's, or its name's.
func regionKind(reg model.Region) divisions.Kind {
	if reg.Level == model.Nation {
		return divisions.NationKind
	}
	return divisions.KindOf(reg.Name)
}

// ownWords lists the words by which a report names its own region, read
// as filler: its names (新乡市, 新乡; 恩施州 for an autonomous prefecture)
// and the scope words of its kind (全市 in a city's report, 全盟 in a
// league's, 全区 in a district's or an autonomous region's).
func ownWords(reg model.Region) [][]rune {
	if reg.Name == "" {
		return nil
	}
	var words []string
	kind := regionKind(reg)
	if kind != divisions.NationKind {
		short := divisions.ShortName(reg.Name)
		words = append(words, reg.Name, short)
		for _, s := range []struct{ suffix, form string }{{"自治州", "州"}, {"自治县", "县"}, {"自治旗", "旗"}} {
			if strings.HasSuffix(reg.Name, s.suffix) {
				words = append(words, short+s.form)
			}
		}
	} else {
		words = append(words, "我国")
	}
	for word, kinds := range scopeKinds() {
		if slices.Contains(kinds, kind) {
			words = append(words, word)
		}
	}
	slices.Sort(words[2:])
	out := make([][]rune, 0, len(words))
	for _, w := range words {
		out = append(out, []rune(w))
	}
	return out
}

// ancestors lists the regions a region lies in, nearest first: the
// prefecture of a county, then the province.
func ancestors(reg model.Region) []divisions.Division {
	if reg.Code == "" {
		return nil
	}
	d, ok := divisions.ByCode(reg.Code)
	var out []divisions.Division
	for ok {
		d, ok = divisions.Parent(d)
		if ok {
			out = append(out, d)
		}
	}
	return out
}

// rankScope maps a ranking's scope word to the model's scope: nation
// (全国), province (全省; 全区 where the province is an autonomous region),
// city (全市, 全州, 全盟, 全地区: the prefecture-level region above). It
// returns "" when the word names no region above the report's own (a city
// ranked 全市 is ranking its own counties).
func (r *reader) rankScope(word string) model.Scope {
	kinds := scopeKinds()[word]
	if slices.Contains(kinds, divisions.NationKind) {
		if r.kind != divisions.NationKind && r.kind != "" {
			return model.ScopeNation
		}
		return ""
	}
	for _, a := range r.above {
		k := divisions.KindOf(a.Name)
		if !slices.Contains(kinds, k) {
			continue
		}
		if a.Level == divisions.Province && (k == divisions.ProvinceKind || k == divisions.RegionKind) {
			return model.ScopeProvince
		}
		return model.ScopeCity
	}
	return ""
}
