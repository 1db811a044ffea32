package export_test

import (
	"fmt"
	"io"
	"testing"

	"zhibiao/export"
	"zhibiao/extract"
	"zhibiao/internal/corpus"
)

// generatedInputs reads generated reports of n regions, one each.
func generatedInputs(tb testing.TB, n int) []export.Input {
	tb.Helper()
	g, err := corpus.NewRegionsGenerator(n, 1)
	if err != nil {
		tb.Fatal(err)
	}
	inputs := make([]export.Input, n)
	for i := range inputs {
		r := g.Report(i)
		rep, err := extract.Extract(r.Name, r.Data, extract.Options{})
		if err != nil {
			tb.Fatal(err)
		}
		inputs[i] = export.Input{Path: r.Name, Report: rep}
	}
	return inputs
}

// BenchmarkWorkbook: the workbook of 10, 300 and 3,000 regions, a
// generated report each.
func BenchmarkWorkbook(b *testing.B) {
	for _, n := range []int{10, 300, 3000} {
		inputs := generatedInputs(b, n)
		b.Run(fmt.Sprintf("regions=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := export.WriteWorkbook(io.Discard, inputs, export.WorkbookOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
