package extract

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"zhibiao/templates"
)

// Indicator is one entry of the catalogue.
type Indicator struct {
	ID        string   `json:"id"`
	Tier      string   `json:"tier"`  // core or extended
	Group     string   `json:"group"` // 经济总量, 工业, …
	Name      string   `json:"name"`  // 名称
	Unit      string   `json:"unit"`  // canonical unit of the level measure
	Direction string   `json:"direction"`
	Measures  []string `json:"measures"` // the measures it takes
	Target    string   `json:"target"`   // the measure of a target without a number
	Adds      bool     `json:"adds"`     // its level is an addition over the year (新增…)
	Aliases   []string `json:"aliases"`
}

// Takes reports whether the indicator takes measure m.
func (ind *Indicator) Takes(m string) bool { return slices.Contains(ind.Measures, m) }

// Catalogue is the set of indicators the extractor knows.
type Catalogue struct {
	Indicators []Indicator
	Version    string           // the first 12 hex digits of the SHA-256 of its text
	byFirst    map[rune][]alias // aliases by their first rune, longest first
}

// alias is one name of an indicator, normalised for matching.
type alias struct {
	text      []rune
	indicator *Indicator
	measure   string // the measure the name itself implies, or ""
	after     string // a word that must come earlier in the sentence, or ""
	generic   bool   // trusted only when nothing else's figure comes first
}

var validMeasures = []string{Level, Growth, Rate, Rank, GrowthRank}

// ParseCatalogue reads a catalogue in the tab-separated form of
// templates/catalogue.tsv. name is used in messages (name:line: message).
func ParseCatalogue(name string, r io.Reader) (*Catalogue, error) {
	c := &Catalogue{}
	h := sha256.New()
	sc := bufio.NewScanner(io.TeeReader(r, h))
	line := 0
	header := true
	ids := map[string]bool{}
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.HasPrefix(s, "#") || strings.TrimSpace(s) == "" {
			continue
		}
		f := strings.Split(s, "\t")
		if header {
			header = false
			if f[0] == "id" {
				continue
			}
		}
		if len(f) != 10 {
			return nil, fmt.Errorf("%s:%d: want 10 tab-separated fields, have %d", name, line, len(f))
		}
		ind := Indicator{ID: f[0], Tier: f[1], Group: f[2], Name: f[3], Unit: f[4], Direction: f[5],
			Measures: strings.Split(f[6], ","), Target: f[7], Adds: f[8] == "yes", Aliases: strings.Split(f[9], "|")}
		if f[8] != "yes" && f[8] != "no" {
			return nil, fmt.Errorf("%s:%d: adds must be yes or no, not %q", name, line, f[8])
		}
		if err := ind.check(); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, line, err)
		}
		if ids[ind.ID] {
			return nil, fmt.Errorf("%s:%d: indicator %q listed twice", name, line, ind.ID)
		}
		ids[ind.ID] = true
		c.Indicators = append(c.Indicators, ind)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if err := c.index(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	c.Version = hex.EncodeToString(h.Sum(nil))[:12]
	return c, nil
}

func (ind *Indicator) check() error {
	if ind.ID == "" {
		return fmt.Errorf("indicator without an id")
	}
	if ind.Tier != "core" && ind.Tier != "extended" {
		return fmt.Errorf("%s: tier %q is neither core nor extended", ind.ID, ind.Tier)
	}
	if _, ok := canonicalUnits[ind.Unit]; !ok {
		return fmt.Errorf("%s: unknown unit %q", ind.ID, ind.Unit)
	}
	if ind.Direction != "up" && ind.Direction != "down" {
		return fmt.Errorf("%s: direction %q is neither up nor down", ind.ID, ind.Direction)
	}
	for _, m := range ind.Measures {
		if !slices.Contains(validMeasures, m) {
			return fmt.Errorf("%s: unknown measure %q", ind.ID, m)
		}
	}
	if !ind.Takes(ind.Target) {
		return fmt.Errorf("%s: target measure %q is not one of its measures", ind.ID, ind.Target)
	}
	return nil
}

// index prepares the aliases for matching.
func (c *Catalogue) index() error {
	c.byFirst = map[rune][]alias{}
	owner := map[string]string{}
	for i := range c.Indicators {
		ind := &c.Indicators[i]
		for _, a := range ind.Aliases {
			name, after, _ := strings.Cut(a, "@")
			name, measure, _ := strings.Cut(name, "=")
			name, generic := strings.CutSuffix(name, "!")
			if measure != "" && !ind.Takes(measure) {
				return fmt.Errorf("%s: alias %q implies measure %q the indicator does not take", ind.ID, a, measure)
			}
			key := string(normaliseWord(name)) + "@" + string(normaliseWord(after))
			if name == "" {
				return fmt.Errorf("%s: empty alias", ind.ID)
			}
			if prev, dup := owner[key]; dup {
				return fmt.Errorf("alias %q claimed by both %s and %s", name, prev, ind.ID)
			}
			owner[key] = ind.ID
			rs := normaliseWord(name)
			c.byFirst[rs[0]] = append(c.byFirst[rs[0]], alias{text: rs, indicator: ind, measure: measure, after: string(normaliseWord(after)), generic: generic})
		}
	}
	for r := range c.byFirst {
		slices.SortStableFunc(c.byFirst[r], func(a, b alias) int { return len(b.text) - len(a.text) })
	}
	return nil
}

// normaliseWord folds a catalogue word the way report text is folded.
func normaliseWord(s string) []rune {
	rs := []rune(s)
	for i, r := range rs {
		rs[i] = foldRune(r)
	}
	return rs
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

// aliasMatch is an alias found in a paragraph.
type aliasMatch struct {
	alias
	start, end int
}

// findAlias returns the longest alias starting at rs[i], if any.
func (c *Catalogue) findAlias(rs []rune, i int) (aliasMatch, bool) {
	for _, a := range c.byFirst[rs[i]] {
		if i+len(a.text) <= len(rs) && slices.Equal(rs[i:i+len(a.text)], a.text) {
			return aliasMatch{alias: a, start: i, end: i + len(a.text)}, true
		}
	}
	return aliasMatch{}, false
}
