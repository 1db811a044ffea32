package export_test

import (
	"fmt"
	"io"
	"testing"

	"zhibiao/export"
	"zhibiao/extract"
	"zhibiao/internal/corpus"
)

// generatedInputs reads n generated reports.
func generatedInputs(tb testing.TB, n int) []export.Input {
	tb.Helper()
	g, err := corpus.NewGenerator(n, 1)
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

// BenchmarkWorkbook: the workbook of 10, 300 and 3,000 reports of as many
// regions (generated, one report a region and year).
func BenchmarkWorkbook(b *testing.B) {
	for _, n := range []int{10, 300, 3000} {
		inputs := generatedInputs(b, n)
		b.Run(fmt.Sprintf("reports=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := export.WriteWorkbook(io.Discard, inputs, export.WorkbookOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
