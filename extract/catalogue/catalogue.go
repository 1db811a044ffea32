// Package catalogue is the set of indicators zhibiao knows — their ids,
// tiers, units, directions, measures and the names a report calls them by —
// read from templates/catalogue.tsv or a user's TSV or CSV, and the units
// figures are written in, with their conversions. It finds the longest
// name of an indicator at a place of a text.
package catalogue

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"zhibiao/extract/document"
	"zhibiao/extract/internal/runeset"
	"zhibiao/extract/model"
	"zhibiao/extract/text"
	"zhibiao/templates"
)

// Indicator is one entry of the catalogue.
type Indicator struct {
	ID        string          `json:"id"`
	Tier      string          `json:"tier"`  // core or extended
	Group     string          `json:"group"` // 经济总量, 工业, …
	Name      string          `json:"name"`  // 名称
	Unit      string          `json:"unit"`  // canonical unit of the level measure
	Direction string          `json:"direction"`
	Measures  []model.Measure `json:"measures"` // the measures it takes
	Target    model.Measure   `json:"target"`   // the measure of a target without a number
	Adds      bool            `json:"adds"`     // its level is an addition over the year (新增…)
	Aliases   []string        `json:"aliases"`
	// Disabled indicators are switched off: their names are still
	// recognised, so that a figure of theirs is never taken for another
	// indicator's, but they yield no observations and are not shown.
	Disabled bool `json:"disabled,omitempty"`
	// Nominal says that its growth is nominal, in current prices, so that
	// a level, the level of the year before and the growth must agree
	// (revenue, retail sales, trade, income); GDP's growth is real.
	Nominal bool `json:"nominal,omitempty"`
	// Plausible are the ranges its figures fall in; a figure outside is
	// flagged for review.
	Plausible []Plausible `json:"plausible,omitempty"`
	// Line is the line of the catalogue the indicator is on.
	Line int `json:"-"`
}

// Takes reports whether the indicator takes measure m.
func (ind *Indicator) Takes(m model.Measure) bool { return slices.Contains(ind.Measures, m) }

// Catalogue is the set of indicators the extractor knows.
type Catalogue struct {
	Indicators []Indicator
	Version    string             // the first 12 hex digits of the SHA-256 of its text
	byFirst    map[rune][]Alias   // aliases by their first rune, longest first
	firsts     runeset.Filter     // the first runes of the aliases
	pairs      runeset.PairFilter // the first two runes of the aliases
	oneRune    bool               // some alias is one rune long
	longest    int                // the runes of the longest alias
}

// Alias is one name of an indicator, normalised for matching.
type Alias struct {
	Text      []rune
	Indicator *Indicator
	Measure   model.Measure // the measure the name itself implies, or ""
	After     string        // a word that must come earlier in the sentence, or ""
	Generic   bool          // trusted only when nothing else's figure comes first
	And       *Indicator    // a second indicator the name covers (城乡居民… = 城镇… and 农村…)
	// split names the two indicators a joint name covers in turn, with 分别
	// or 均 (城乡居民人均可支配收入 → 城镇…, 农村…); alone, the name is its
	// indicator's (resident_income).
	Split []*Indicator
}

// Pair returns the two indicators a name covers in turn, or nil.
func (a *Alias) Pair() []*Indicator {
	switch {
	case a.Split != nil:
		return a.Split
	case a.And != nil:
		return []*Indicator{a.Indicator, a.And}
	}
	return nil
}

var validMeasures = []model.Measure{model.Level, model.Growth, model.Rate, model.Rank, model.GrowthRank}

// ParseCatalogue reads a catalogue in the tab-separated form of
// templates/catalogue.tsv. name is used in messages (name:line: message),
// which are *FileError. The header line, when there is one, names the
// columns (see catalogueColumns), in English or in Chinese, in any order;
// without it the columns are those of catalogueColumns in order, the last
// (enabled) optional.
func ParseCatalogue(name string, r io.Reader) (*Catalogue, error) {
	text, sum, err := readCatalogueText(name, r)
	if err != nil {
		return nil, err
	}
	var rows []catalogueRow
	for i, s := range strings.Split(text, "\n") {
		s = strings.TrimRight(s, "\r")
		if strings.HasPrefix(s, "#") || strings.TrimSpace(s) == "" {
			continue
		}
		rows = append(rows, catalogueRow{line: i + 1, fields: strings.Split(s, "\t")})
	}
	return buildCatalogue(name, rows, sum, false)
}

// catalogueMaxSize bounds the size of a catalogue file: a line per
// indicator.
const catalogueMaxSize = 16 << 20

// readCatalogueText reads a catalogue's text, decoded (UTF-8 with or
// without a byte order mark, or the GBK a spreadsheet may save), and the
// version of its bytes.
func readCatalogueText(name string, r io.Reader) (string, string, error) {
	data, err := io.ReadAll(io.LimitReader(r, catalogueMaxSize+1))
	if err != nil {
		return "", "", model.ReadError(name, err)
	}
	if len(data) > catalogueMaxSize {
		return "", "", model.ReadError(name, fmt.Errorf("%w: more than %d MiB", document.ErrTooLarge, catalogueMaxSize>>20))
	}
	dec, err := document.Decode(data)
	if err != nil {
		return "", "", model.ReadError(name, err)
	}
	sum := sha256.Sum256(data)
	return dec.Text, hex.EncodeToString(sum[:])[:12], nil
}

// catalogueRow is one line of a catalogue file: its fields and its line.
type catalogueRow struct {
	line   int
	fields []string
}

// buildCatalogue makes a catalogue of the rows of a file, tab-separated or
// (csvForm) comma-separated.
func buildCatalogue(name string, rows []catalogueRow, version string, csvForm bool) (*Catalogue, error) {
	cols := defaultColumns()
	if len(rows) > 0 {
		c, isHeader, err := readHeader(rows[0].fields)
		if err != nil {
			return nil, &model.FileError{Path: name, Warning: warningAt(rows[0].line, err)}
		}
		if isHeader {
			cols = c
			rows = rows[1:]
		}
	}
	c := &Catalogue{Version: version}
	first := map[string]int{} // the line of each id
	for _, row := range rows {
		f := row.fields
		want := cols.count
		switch {
		case want == 0 && len(f) >= colEnabled && len(f) <= numColumns:
			want = len(f) // enabled, nominal and plausible may be left out
		case want == 0:
			want = len(catalogueColumns)
		case csvForm && len(f) < want:
			// A spreadsheet leaves out the empty cells at the end of a row.
			f = append(f, make([]string, want-len(f))...)
		case csvForm && strings.TrimSpace(strings.Join(f[want:], "")) == "":
			f = f[:want]
		}
		if len(f) != want {
			w := model.Warnf(row.line, "want %d tab-separated fields, have %d", want, len(f))
			if csvForm {
				w = model.Warnf(row.line, "want %d comma-separated fields, have %d", want, len(f))
			}
			return nil, &model.FileError{Path: name, Warning: w}
		}
		ind, err := cols.indicator(f)
		if err != nil {
			return nil, &model.FileError{Path: name, Warning: warningAt(row.line, err)}
		}
		ind.Line = row.line
		if line, dup := first[ind.ID]; dup {
			return nil, &model.FileError{Path: name, Warning: model.Warnf(row.line, "indicator %q listed twice (first on line %d)", ind.ID, line)}
		}
		first[ind.ID] = row.line
		c.Indicators = append(c.Indicators, ind)
	}
	if len(c.Indicators) == 0 {
		return nil, &model.FileError{Path: name, Warning: model.Warnf(0, "no indicators: the catalogue has no rows")}
	}
	if err := c.index(); err != nil {
		return nil, &model.FileError{Path: name, Warning: *err}
	}
	return c, nil
}

// warningAt turns an error of reading a row into a warning of its line.
func warningAt(line int, err error) model.Warning {
	if w, ok := err.(*rowError); ok {
		w.Line = line
		return w.Warning
	}
	return model.Warnf(line, "%s", err.Error())
}

// rowError is a mistake in one row of a catalogue, its line still unknown.
type rowError struct{ model.Warning }

func (e *rowError) Error() string { return e.Message }

// lineless makes an error of a warning whose line the caller fills in.
func lineless(w model.Warning) error { return &rowError{w} }

// check tells whether an indicator read from a catalogue is complete and
// consistent.
func (ind *Indicator) check() error {
	if ind.ID == "" {
		return lineless(model.Warnf(0, "indicator without an id"))
	}
	if !validID(ind.ID) {
		return lineless(model.Warnf(0, "id %q: use letters, digits and _ only, starting with a letter", ind.ID))
	}
	if ind.Tier != "core" && ind.Tier != "extended" {
		return lineless(model.Warnf(0, "%s: tier %q is neither core nor extended", ind.ID, ind.Tier))
	}
	if ind.Name == "" || strings.ContainsFunc(ind.Name, isSpace) {
		return lineless(model.Warnf(0, "%s: name %q is empty or has spaces", ind.ID, ind.Name))
	}
	if _, ok := canonicalUnits[ind.Unit]; !ok {
		return lineless(model.Warnf(0, "%s: unknown unit %q (the units are %s)", ind.ID, ind.Unit, strings.Join(CanonicalUnits(), " ")))
	}
	if ind.Direction != "up" && ind.Direction != "down" {
		return lineless(model.Warnf(0, "%s: direction %q is neither up nor down", ind.ID, ind.Direction))
	}
	for _, m := range ind.Measures {
		if !slices.Contains(validMeasures, m) {
			return lineless(model.Warnf(0, "%s: unknown measure %q", ind.ID, m))
		}
	}
	if !ind.Takes(ind.Target) {
		return lineless(model.Warnf(0, "%s: target measure %q is not one of its measures", ind.ID, ind.Target))
	}
	for _, p := range ind.Plausible {
		if !ind.Takes(p.Measure) {
			return lineless(model.Warnf(0, "%s: plausible range of %s, which is not one of its measures", ind.ID, MeasureWord(p.Measure)))
		}
	}
	return nil
}

// validID reports whether s can be an indicator's id: ASCII letters,
// digits and _, starting with a letter, so that it stands as one word in
// a layout or a template's placeholder.
func validID(s string) bool {
	for i, r := range s {
		letter := 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
		if !letter && (i == 0 || r != '_' && (r < '0' || r > '9')) {
			return false
		}
	}
	return s != ""
}

// isSpace reports whether r separates words: ASCII and ideographic spaces.
func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\u3000' || r == '\u00a0'
}

// CanonicalUnits lists the units an indicator may take, in a fixed order.
func CanonicalUnits() []string {
	out := make([]string, 0, len(canonicalUnits))
	for u := range canonicalUnits {
		out = append(out, u)
	}
	slices.Sort(out)
	return out
}

// index prepares the aliases for matching. An indicator's name is one of
// its aliases even when the list leaves it out. The aliases of a disabled
// indicator are kept: they still tell its figures from the others'.
func (c *Catalogue) index() *model.Warning {
	c.byFirst = map[rune][]Alias{}
	c.firsts, c.pairs, c.oneRune = runeset.Filter{}, runeset.PairFilter{}, false
	owner := map[string]*Indicator{}
	for i := range c.Indicators {
		ind := &c.Indicators[i]
		names := ind.Aliases
		if !c.hasName(ind) {
			names = append(slices.Clip(names), ind.Name)
		}
		for _, a := range names {
			name, after, _ := strings.Cut(a, "@")
			name, measure, _ := strings.Cut(name, "=")
			name, generic := strings.CutSuffix(name, "!")
			name, splitIDs, hasSplit := strings.Cut(name, ">")
			var and *Indicator
			var split []*Indicator
			if hasSplit {
				ids := strings.Split(splitIDs, "+")
				if len(ids) != 2 {
					w := model.Warnf(ind.Line, "%s: alias %q: after > name two indicators joined by +", ind.ID, a)
					return &w
				}
				for _, id := range ids {
					other := c.Indicator(id)
					if other == nil {
						w := model.Warnf(ind.Line, "%s: alias %q names %s, which the catalogue does not have", ind.ID, a, id)
						return &w
					}
					split = append(split, other)
				}
			} else {
				var andID string
				name, andID, _ = strings.Cut(name, "+")
				if andID != "" {
					if and = c.Indicator(andID); and == nil {
						w := model.Warnf(ind.Line, "%s: alias %q names %s, which the catalogue does not have", ind.ID, a, andID)
						return &w
					}
				}
			}
			if name == "" {
				w := model.Warnf(ind.Line, "%s: empty alias", ind.ID)
				return &w
			}
			var implied model.Measure
			if measure != "" {
				m, ok := ParseMeasure(measure)
				if !ok || !ind.Takes(m) {
					w := model.Warnf(ind.Line, "%s: alias %q implies measure %q the indicator does not take", ind.ID, a, measure)
					return &w
				}
				implied = m
			}
			key := string(normaliseWord(name)) + "@" + string(normaliseWord(after))
			if prev, dup := owner[key]; dup {
				var w model.Warning
				if prev == ind {
					w = model.Warnf(ind.Line, "%s: alias %q listed twice", ind.ID, name)
				} else {
					w = model.Warnf(ind.Line, "alias %q claimed by both %s and %s (%s is on line %d)", name, prev.ID, ind.ID, prev.ID, prev.Line)
				}
				return &w
			}
			owner[key] = ind
			rs := normaliseWord(name)
			c.longest = max(c.longest, len(rs))
			c.firsts.Add(rs[0])
			if len(rs) > 1 {
				c.pairs.Add(rs[0], rs[1])
			} else {
				c.oneRune = true
			}
			c.byFirst[rs[0]] = append(c.byFirst[rs[0]], Alias{Text: rs, Indicator: ind, Measure: implied, After: string(normaliseWord(after)), Generic: generic, And: and, Split: split})
		}
	}
	for r := range c.byFirst {
		slices.SortStableFunc(c.byFirst[r], func(a, b Alias) int { return len(b.Text) - len(a.Text) })
	}
	return nil
}

// hasName reports whether an indicator's aliases include its name.
func (c *Catalogue) hasName(ind *Indicator) bool {
	for _, a := range ind.Aliases {
		name, after, _ := strings.Cut(a, "@")
		name, _, _ = strings.Cut(name, "=")
		name = strings.TrimSuffix(name, "!")
		name, _, _ = strings.Cut(name, ">")
		name, _, _ = strings.Cut(name, "+")
		if name == ind.Name && after == "" {
			return true
		}
	}
	return false
}

// normaliseWord folds a catalogue word the way report text is folded.
func normaliseWord(s string) []rune {
	return text.FoldWord(s)
}

// Indicator returns the indicator with the given id, or nil.
func (c *Catalogue) Indicator(id string) *Indicator {
	for i := range c.Indicators {
		if c.Indicators[i].ID == id {
			return &c.Indicators[i]
		}
	}
	return nil
}

// DefaultCatalogue returns the built-in catalogue of templates/catalogue.tsv.
var DefaultCatalogue = sync.OnceValue(func() *Catalogue {
	f, err := templates.Files.Open("catalogue.tsv")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	c, err := ParseCatalogue("templates/catalogue.tsv", f)
	if err != nil {
		panic(err) // the built-in catalogue is checked by its tests
	}
	return c
})

// Match is an alias found in a paragraph, at runes [Start, End).
type Match struct {
	*Alias
	Start, End int
}

// FirstRunes is the filter of the aliases' first runes, for a reader that
// joins it with its own.
func (c *Catalogue) FirstRunes() *runeset.Filter { return &c.firsts }

// MayStartAlias reports whether an alias may start with r: false means
// that none does. It is the quick test before findAlias, for the loop over
// a sentence's runes, at nearly all of which no alias starts.
func (c *Catalogue) MayStartAlias(r rune) bool { return c.firsts.MayHave(r) }

// FindAlias returns the longest alias starting at rs[i], if any. The
// filter of the aliases' first two runes answers first for most runes.
func (c *Catalogue) FindAlias(rs []rune, i int) (Match, bool) {
	if !c.oneRune && (i+1 >= len(rs) || !c.pairs.MayHave(rs[i], rs[i+1])) {
		return Match{}, false
	}
	as := c.byFirst[rs[i]]
	// A note in brackets inside a name (研发（R&D）经费投入强度) is read
	// past; only a text with a bracket where the name would be needs it.
	note := slices.ContainsFunc(rs[i:min(len(rs), i+c.longest)], isOpenBracket)
	for k := range as {
		a := &as[k]
		if i+len(a.Text) <= len(rs) && slices.Equal(rs[i:i+len(a.Text)], a.Text) {
			return Match{Alias: a, Start: i, End: i + len(a.Text)}, true
		}
		if note {
			if end := matchPastNotes(rs, i, a.Text); end > 0 {
				return Match{Alias: a, Start: i, End: end}, true
			}
		}
	}
	return Match{}, false
}

// matchPastNotes matches name at rs[i:], reading past short notes in
// brackets in the text, and returns where the match ends, or 0.
func matchPastNotes(rs []rune, i int, name []rune) int {
	j := i
	for k := 0; k < len(name); {
		switch {
		case j >= len(rs):
			return 0
		case rs[j] == name[k]:
			j++
			k++
		case k > 0 && isOpenBracket(rs[j]):
			c := text.Closing(rs, j)
			if c < 0 || c-j > 10 {
				return 0
			}
			j = c + 1
		default:
			return 0
		}
	}
	return j
}

func isOpenBracket(r rune) bool { return r == '(' || r == '（' }
