package export

import (
	"slices"
	"strings"

	"golang.org/x/text/width"

	"zhibiao/extract/catalogue"
	"zhibiao/extract/model"
)

// The words by which a user names an indicator's measure in a layout, in a
// template's placeholder and in --indicators, in Chinese or as ids:
//
//	gdp                       地区生产总值               an indicator
//	gdp growth                地区生产总值 增速           a measure of it
//	                          地区生产总值增速            the row's label on a region sheet
//	gdp rank province         地区生产总值全省排名        a rank, with its scope
//	                          GDP 增速                   an alias of the catalogue
//	foreign_trade level 亿美元  进出口总额 亿美元           a unit, where figures come in two
//
// Words are separated by spaces; letters may be in either case.

// itemRef is what words name: an indicator, and as far as they say it, a
// measure, a rank's scope and a unit.
type itemRef struct {
	ind     *catalogue.Indicator
	measure model.Measure // "" when the words do not say
	scope   model.Scope   // for ranks, "" when not said
	unit    string        // "" when not said
}

// scopeWords name the scopes of ranks.
var scopeWords = map[string]model.Scope{
	"全国": model.ScopeNation, "nation": model.ScopeNation,
	"全省": model.ScopeProvince, "province": model.ScopeProvince,
	"全市": model.ScopeCity, "city": model.ScopeCity,
}

// namer resolves words against a catalogue.
type namer struct {
	cat    *catalogue.Catalogue
	labels map[string]itemRef // by folded label
}

// newNamer indexes the names of a catalogue's indicators: ids, names,
// row labels (地区生产总值增速, 地区生产总值全省排名), name and measure
// (地区生产总值总量) and aliases. Where two indicators would share a label,
// the first in that order keeps it.
func newNamer(cat *catalogue.Catalogue) *namer {
	n := &namer{cat: cat, labels: map[string]itemRef{}}
	add := func(label string, r itemRef) {
		k := fold(label)
		if _, taken := n.labels[k]; !taken && k != "" {
			n.labels[k] = r
		}
	}
	inds := cat.Indicators
	for i := range inds {
		add(inds[i].ID, itemRef{ind: &inds[i]})
	}
	for i := range inds {
		add(inds[i].Name, itemRef{ind: &inds[i]})
	}
	for i := range inds {
		n.addLabels(&inds[i], inds[i].Name, add)
	}
	for i := range inds {
		ind := &inds[i]
		for _, a := range ind.Aliases {
			name, after, _ := strings.Cut(a, "@")
			if after != "" {
				continue // 总产@粮食: not a name on its own
			}
			name, measure, _ := strings.Cut(name, "=")
			name = strings.TrimSuffix(name, "!")
			m, _ := catalogue.ParseMeasure(measure)
			add(name, itemRef{ind: ind, measure: m})
			if m == "" {
				n.addLabels(ind, name, add)
			}
		}
	}
	return n
}

// addLabels adds the labels of an indicator's measures made with name: the
// row labels of a region sheet, and name followed by the measure's name.
func (n *namer) addLabels(ind *catalogue.Indicator, name string, add func(string, itemRef)) {
	named := *ind
	named.Name = name
	for _, m := range ind.Measures {
		scopes := []model.Scope{""}
		if m == model.Rank || m == model.GrowthRank {
			scopes = []model.Scope{model.ScopeNation, model.ScopeProvince, model.ScopeCity, ""}
		}
		for _, s := range scopes {
			if label := rowLabel(&named, ind.ID, m, s); label != name {
				add(label, itemRef{ind: ind, measure: m, scope: s})
			}
		}
		add(name+catalogue.MeasureNames[m], itemRef{ind: ind, measure: m})
	}
}

// fold makes a word comparable: full-width forms folded, letters in lower
// case.
func fold(s string) string {
	return strings.ToLower(width.Fold.String(strings.TrimSpace(s)))
}

// splitWords splits text at spaces, ideographic spaces included.
func splitWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u3000' || r == '\u00a0'
	})
}

// wordError is a mistake in the words of an item, said as a Warning so
// that it can be translated.
type wordError struct{ model.Warning }

func (e *wordError) Error() string { return e.Message }

func wordErr(w model.Warning) error { return &wordError{w} }

// item resolves words naming an indicator's measure.
func (n *namer) item(words []string) (itemRef, error) {
	var r itemRef
	setMeasure := func(m model.Measure) error {
		switch {
		case r.measure == "" || r.measure == m:
			r.measure = m
		case r.measure == model.Growth && m == model.Rank, r.measure == model.Rank && m == model.Growth:
			r.measure = model.GrowthRank // growth rank, 增速 排名
		default:
			return wordErr(model.Warnf(0, "two measures: %s and %s", label(measureNames, r.measure), label(measureNames, m)))
		}
		return nil
	}
	setScope := func(s model.Scope) error {
		if r.scope != "" && r.scope != s {
			return wordErr(model.Warnf(0, "two scopes: %s and %s", scopeNames[r.scope], scopeNames[s]))
		}
		r.scope = s
		return nil
	}
	for _, w := range words {
		k := fold(w)
		if found, ok := n.labels[k]; ok {
			if r.ind != nil && r.ind != found.ind {
				return r, wordErr(model.Warnf(0, "two indicators: %s and %s", r.ind.ID, found.ind.ID))
			}
			r.ind = found.ind
			if found.measure != "" {
				if err := setMeasure(found.measure); err != nil {
					return r, err
				}
			}
			if found.scope != "" {
				if err := setScope(found.scope); err != nil {
					return r, err
				}
			}
			continue
		}
		if m, ok := catalogue.ParseMeasure(k); ok {
			if err := setMeasure(m); err != nil {
				return r, err
			}
			continue
		}
		if s, ok := scopeWords[k]; ok {
			if err := setScope(s); err != nil {
				return r, err
			}
			continue
		}
		if s, m, ok := scopedRank(k); ok {
			if err := setScope(s); err != nil {
				return r, err
			}
			if err := setMeasure(m); err != nil {
				return r, err
			}
			continue
		}
		if slices.Contains(catalogue.CanonicalUnits(), w) {
			r.unit = w
			continue
		}
		return r, wordErr(model.Warnf(0, "unknown word %q: not an indicator, measure, scope or unit", w))
	}
	if r.ind == nil {
		return r, wordErr(model.Warnf(0, "no indicator named"))
	}
	if r.scope != "" {
		switch r.measure {
		case "":
			r.measure = model.Rank
		case model.Rank, model.GrowthRank:
		default:
			return r, wordErr(model.Warnf(0, "%s is a scope of ranks, not of %s", scopeNames[r.scope], label(measureNames, r.measure)))
		}
	}
	if r.measure != "" && !r.ind.Takes(r.measure) {
		return r, wordErr(model.Warnf(0, "%s does not take the measure %s", r.ind.ID, label(measureNames, r.measure)))
	}
	return r, nil
}

// scopedRank reads a rank with its scope in one word: 全省排名, 增速全市排名.
func scopedRank(k string) (scope model.Scope, measure model.Measure, ok bool) {
	for word, s := range scopeWords {
		for _, m := range []model.Measure{model.Rank, model.GrowthRank} {
			prefix := ""
			if m == model.GrowthRank {
				prefix = "增速"
			}
			if k == prefix+word+"排名" {
				return s, m, true
			}
		}
	}
	return "", "", false
}

// CheckItem tells whether words name an indicator's measure of a
// catalogue (nil is the default), as --indicators and a layout give them.
// An indicator switched off is an error here. The error's message is a
// extract.Warning (see WordWarning).
func CheckItem(cat *catalogue.Catalogue, words string) error {
	if cat == nil {
		cat = catalogue.DefaultCatalogue()
	}
	r, err := newNamer(cat).item(splitWords(words))
	if err != nil {
		return err
	}
	if r.ind.Disabled {
		return wordErr(model.Warnf(0, "%s is switched off in the catalogue", r.ind.ID))
	}
	return nil
}

// WordWarning returns the message of an error of CheckItem as a Warning,
// for translation.
func WordWarning(err error) (model.Warning, bool) {
	if we, ok := err.(*wordError); ok {
		return we.Warning, true
	}
	return model.Warning{}, false
}
