package corpus

import (
	"bytes"
	"testing"

	"zhibiao/extract/catalogue"
	"zhibiao/extract/text"
)

// TestGenerator: the same seed gives the same reports; no two share a
// region and year; the observations name catalogue indicators; every
// encoding is drawn.
func TestGenerator(t *testing.T) {
	const n = 300
	g1, err := NewGenerator(n, 3)
	if err != nil {
		t.Fatal(err)
	}
	g2, _ := NewGenerator(n, 3)
	cat := catalogue.DefaultCatalogue()
	slots := map[[2]any]bool{}
	encodings := map[string]bool{}
	for i := range n {
		a, b := g1.Report(i), g2.Report(i)
		if !bytes.Equal(a.Data, b.Data) || a.Name != b.Name {
			t.Fatalf("report %d differs between two generators of one seed", i)
		}
		k := [2]any{a.Expected.Region.Code, a.Expected.Year}
		if slots[k] {
			t.Errorf("%s %d twice", a.Expected.Region.Name, a.Expected.Year)
		}
		slots[k] = true
		encodings[a.Encoding+" "+a.Script] = true
		if len(a.Expected.Observations) == 0 {
			t.Errorf("%s: no observations", a.Name)
		}
		for _, o := range a.Expected.Observations {
			ind := cat.Indicator(o.Indicator)
			if ind == nil || !ind.Takes(o.Measure) || o.Line < 1 {
				t.Errorf("%s: observation %+v is not of the catalogue", a.Name, o)
			}
		}
	}
	for _, e := range []string{"utf-8 simplified", "gb18030 simplified", "utf-16le simplified", "big5 traditional", "utf-8 traditional"} {
		if !encodings[e] {
			t.Errorf("no report in %s", e)
		}
	}
	if _, err := NewGenerator(Capacity()+1, 1); err == nil {
		t.Errorf("a corpus larger than Capacity() was accepted")
	}
}

// TestToTraditional: Traditional text reads back as the Simplified it came
// from, and common characters that are Traditional already stay as they are.
func TestToTraditional(t *testing.T) {
	s := "同比增长6%,地区生产总值达到3347.6亿元,居全省第4位"
	tr := toTraditional(s)
	if tr == s || !text.IsTraditional(tr) {
		t.Errorf("%q: not Traditional", tr)
	}
	if got := text.ToSimplified(tr); got != s {
		t.Errorf("%q → %q → %q", s, tr, got)
	}
	if []rune(tr)[0] != '同' {
		t.Errorf("同 became %c", []rune(tr)[0])
	}
}

// TestRegionsGenerator: one report for each of n distinct regions.
func TestRegionsGenerator(t *testing.T) {
	g, err := NewRegionsGenerator(500, 2)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for i := range g.Len() {
		code := g.Report(i).Expected.Region.Code
		if seen[code] {
			t.Errorf("region %s twice", code)
		}
		seen[code] = true
	}
	if len(seen) != 500 {
		t.Errorf("%d regions, want 500", len(seen))
	}
	if _, err := NewRegionsGenerator(Regions()+1, 1); err == nil {
		t.Errorf("more regions than there are were accepted")
	}
}
