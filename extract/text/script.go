package text

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"zhibiao/extract/internal/runeset"
	"zhibiao/templates"
)

// t2sTable is templates/t2s.tsv loaded for lookups: a dense slice for the
// Basic Multilingual Plane, where nearly all sources are, and a map for the
// rest. A filter of the BMP sources, small enough to stay in the processor's
// cache, answers first for the runes that have no other form.
type t2sTable struct {
	lo, hi  rune           // BMP sources lie in [lo, hi]
	dense   []rune         // dense[r-lo] is the simplified form of r, or 0
	sources runeset.Filter // the BMP sources
	supp    map[rune]rune  // sources beyond the BMP
}

var t2s = sync.OnceValue(func() *t2sTable {
	data, err := templates.Files.ReadFile("t2s.tsv")
	if err != nil {
		panic("extract: templates/t2s.tsv: " + err.Error())
	}
	t, err := parseT2S(data)
	if err != nil {
		panic("extract: templates/t2s.tsv: " + err.Error())
	}
	return t
})

// parseT2S reads lines of "traditional<TAB>simplified", one rune each;
// lines starting with # are comments.
func parseT2S(data []byte) (*t2sTable, error) {
	type pair struct{ from, to rune }
	var pairs []pair
	t := &t2sTable{lo: utf8.MaxRune, supp: map[rune]rune{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		from, to, ok := strings.Cut(line, "\t")
		f, fw := utf8.DecodeRuneInString(from)
		s, sw := utf8.DecodeRuneInString(to)
		if !ok || fw != len(from) || sw != len(to) || f == utf8.RuneError || s == utf8.RuneError || f == s {
			return nil, fmt.Errorf("line %d: want one character, a tab and another character: %q", n, line)
		}
		if f > 0xFFFF {
			t.supp[f] = s
			continue
		}
		pairs = append(pairs, pair{f, s})
		t.lo = min(t.lo, f)
		t.hi = max(t.hi, f)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(pairs) == 0 {
		return nil, fmt.Errorf("no characters")
	}
	t.dense = make([]rune, t.hi-t.lo+1)
	for _, p := range pairs {
		t.dense[p.from-t.lo] = p.to
		t.sources.Add(p.from)
	}
	return t, nil
}

// lookup returns the simplified form of r, or r itself. It is short enough
// to be inlined in the loops over every rune of a text.
func (t *t2sTable) lookup(r rune) rune {
	if uint32(r) > 0xFFFF {
		return t.lookupSupp(r)
	}
	if !t.sources.MayHave(r) {
		return r
	}
	if s := t.dense[r-t.lo]; s != 0 {
		return s
	}
	return r
}

// lookupSupp returns the simplified form of a rune beyond the BMP, or r.
func (t *t2sTable) lookupSupp(r rune) rune {
	if s, ok := t.supp[r]; ok {
		return s
	}
	return r
}

// ToSimplified maps Traditional characters to their Simplified forms, one
// rune to one rune (新鄉市 → 新乡市, 億元 → 亿元), so that the result has
// exactly as many runes as s and every position in it is the position in s.
// Text that is already Simplified comes back unchanged: characters that
// Simplified text uses too (著, 乾, 后, 里, 干) are not touched, nor are bytes
// that are not valid UTF-8. The table is Unicode's Unihan kSimplifiedVariant
// (templates/t2s.tsv); conversions that need more than one character per
// character, or a choice by context, are out of its reach. When nothing
// changes s itself is returned, without allocating.
func ToSimplified(s string) string {
	t := t2s()
	for i, r := range s {
		if r < t.lo {
			continue
		}
		if sr := t.lookup(r); sr != r {
			return convertFrom(t, s, i)
		}
	}
	return s
}

// convertFrom converts s, whose first changing rune is at byte i.
func convertFrom(t *t2sTable, s string, i int) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if r >= t.lo {
			if sr := t.lookup(r); sr != r {
				b.WriteRune(sr)
				i += w
				continue
			}
		}
		b.WriteString(s[i : i+w]) // verbatim, invalid bytes included
		i += w
	}
	return b.String()
}

// IsTraditional reports whether a whole text is written in Traditional
// characters: whether the runes ToSimplified would change are a clear share
// of its Han runes (more than 3%, and at least 20 of them; a short text
// needs a tenth of its Han runes, at least 2). Simplified text changes not
// at all, Traditional text changes in about a third of its characters, so
// a stray Traditional name in Simplified prose does not tip the balance.
func IsTraditional(s string) bool {
	t := t2s()
	var c scriptCount
	for _, r := range s {
		c.add(t, r)
	}
	return c.traditional()
}

// scriptCount counts the Han runes of a text, and those of them that the
// Simplified table changes, for IsTraditional. Normalise counts the runes
// it reads, so that a report is not decoded a second time to be told.
type scriptCount struct {
	han, changed int
}

// add counts r, looked up in t (t2s()).
func (c *scriptCount) add(t *t2sTable, r rune) {
	if r < 0x2E80 {
		return
	}
	if t.lookup(r) != r {
		c.addHan(true)
	} else if IsHan(r) {
		c.addHan(false)
	}
}

// addHan counts a Han rune, which the table changes or not.
func (c *scriptCount) addHan(changed bool) {
	c.han++
	if changed {
		c.changed++
	}
}

// traditional reports whether the runes counted are Traditional text.
func (c *scriptCount) traditional() bool {
	need := 20
	if c.han < 200 {
		need = max(2, c.han/10)
	}
	return c.changed >= need && c.changed*100 > c.han*3
}

// IsHan reports whether r is a Han character, asking the Unicode tables
// only outside the CJK Unified Ideographs, where most of a text's are.
func IsHan(r rune) bool {
	return isIdeograph(r) || unicode.Is(unicode.Han, r)
}

// isIdeograph reports whether r is in the block of CJK Unified Ideographs,
// U+4E00–U+9FFF, which holds the Han characters in common use.
func isIdeograph(r rune) bool { return 0x4E00 <= r && r <= 0x9FFF }

// simplifiedRune returns the Simplified form of r (the one-rune step of
// ToSimplified), or r itself.
func simplifiedRune(r rune) rune {
	return t2s().lookup(r)
}
