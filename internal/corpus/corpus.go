// Package corpus makes synthetic government work reports for scale and
// accuracy runs: N reports of real regions (from the GB/T 2260 table) and
// years, written in the sentence patterns of real reports with random
// figures, in mixed encodings and scripts, each with the observations it
// states. A run over a generated corpus therefore measures speed and
// accuracy at once: every stated figure must come back, and nothing else.
//
// The same seed and index always give the same report, so a corpus is
// reproducible from its size and seed alone.
package corpus

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"zhibiao/export"
	"zhibiao/extract/model"
)

// Report is one generated report: the bytes of its file and what a reader
// must find in it.
type Report struct {
	Name     string // file name, e.g. r00042.txt
	Data     []byte // the file, in its encoding
	Encoding string // utf-8, utf-8-bom, gb18030, utf-16le, big5
	Script   string // simplified or traditional
	Expected *model.Report
}

// Generator makes the reports of one corpus.
type Generator struct {
	seed  uint64
	slots []slot // region and year of each report, in order
}

// slot is the region and year of one report; no two reports share both.
type slot struct {
	region int // index into regions()
	year   int
}

// First and last report years.
const (
	firstYear = 2016
	lastYear  = 2025
)

// NewGenerator prepares a corpus of n reports from seed. The regions and
// years are drawn without repeats, so that no two reports speak for the same
// region and year (a report run treats that as a conflict); n may be at
// most Capacity().
func NewGenerator(n int, seed uint64) (*Generator, error) {
	if n < 0 || n > Capacity() {
		return nil, fmt.Errorf("corpus: %d reports asked for; between 0 and %d can be made", n, Capacity())
	}
	regs := regions()
	years := lastYear - firstYear + 1
	perm := rand.New(rand.NewPCG(seed, 0)).Perm(len(regs) * years)
	g := &Generator{seed: seed, slots: make([]slot, n)}
	for i := range g.slots {
		k := perm[i]
		g.slots[i] = slot{region: k / years, year: firstYear + k%years}
	}
	return g, nil
}

// NewRegionsGenerator prepares a corpus of one report for each of n
// regions, drawn without repeats, each of a random year; n may be at most
// Regions().
func NewRegionsGenerator(n int, seed uint64) (*Generator, error) {
	regs := regions()
	if n < 0 || n > len(regs) {
		return nil, fmt.Errorf("corpus: %d regions asked for; between 0 and %d can be had", n, len(regs))
	}
	rng := rand.New(rand.NewPCG(seed, 0))
	g := &Generator{seed: seed, slots: make([]slot, n)}
	for i, r := range rng.Perm(len(regs))[:n] {
		g.slots[i] = slot{region: r, year: firstYear + rng.IntN(lastYear-firstYear+1)}
	}
	return g, nil
}

// Regions is the number of regions reports can be made for.
func Regions() int { return len(regions()) }

// Capacity is the most reports a corpus can hold: one per region and year.
func Capacity() int { return len(regions()) * (lastYear - firstYear + 1) }

// Len is the number of reports.
func (g *Generator) Len() int { return len(g.slots) }

// Report makes report i.
func (g *Generator) Report(i int) *Report {
	rng := rand.New(rand.NewPCG(g.seed, uint64(i)+1))
	s := g.slots[i]
	reg := regions()[s.region]
	name := fmt.Sprintf("r%05d.txt", i)
	w := newWriter(rng, reg, s.year)
	w.report()
	text, obs := w.finish()
	exp := &model.Report{
		Source:       model.Source{Path: name},
		Region:       reg.Region,
		Year:         s.year,
		Observations: obs,
	}
	enc, script := chooseEncoding(rng)
	data, enc, script := encode(text, enc, script)
	exp.Source.Encoding, exp.Source.Script = enc, script
	return &Report{Name: name, Data: data, Encoding: enc, Script: script, Expected: exp}
}

// Write writes the corpus into dir: every report, and expected.tsv with
// their observations in the form of `zhibiao extract --format tsv`.
func (g *Generator) Write(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var expected []*model.Report
	for i := range g.slots {
		r := g.Report(i)
		if err := os.WriteFile(filepath.Join(dir, r.Name), r.Data, 0o644); err != nil {
			return err
		}
		expected = append(expected, r.Expected)
	}
	var buf bytes.Buffer
	if err := export.WriteTSV(&buf, expected); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, ExpectedFile), buf.Bytes(), 0o644)
}

// ExpectedFile is the name of the expected observations in a written corpus.
const ExpectedFile = "expected.tsv"

// scopeWord is how a report calls its whole region: 全市, 全县, 全区.
func scopeWord(name string) string {
	switch {
	case strings.HasSuffix(name, "自治州"):
		return "全州"
	case strings.HasSuffix(name, "旗"):
		return "全旗"
	case strings.HasSuffix(name, "县"):
		return "全县"
	case strings.HasSuffix(name, "区"):
		return "全区"
	}
	return "全市"
}
