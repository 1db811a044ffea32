package export_test

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/xuri/excelize/v2"

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

// TestManyRegionsExcelClean: a streamed workbook of many regions, in
// sheets shared past fifty, passes the OOXML checker.
func TestManyRegionsExcelClean(t *testing.T) {
	var buf bytes.Buffer
	if err := export.WriteWorkbook(&buf, generatedInputs(t, 120), export.Streamed(export.WorkbookOptions{})); err != nil {
		t.Fatal(err)
	}
	export.OOXMLCheck(t, "regions-streamed.xlsx", buf.Bytes())
}

// TestAutoSheetsPastFifty: past 50 regions the auto policy gives no sheet
// per region but at most 50 shared ones, each with its 地区 column.
func TestAutoSheetsPastFifty(t *testing.T) {
	for _, n := range []int{50, 400} {
		var buf bytes.Buffer
		if err := export.WriteWorkbook(&buf, generatedInputs(t, n), export.WorkbookOptions{}); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		sheets := f.GetSheetList()
		regionSheets := len(sheets) - 5 // 概览, 待核对, 对比, 明细, 来源
		header, _ := f.GetCellValue(sheets[3], "A2")
		f.Close()
		switch {
		case n <= 50 && (regionSheets != n || header == "地区"):
			t.Errorf("%d regions: %d region sheets (first column %q), want one each", n, regionSheets, header)
		case n > 50 && (regionSheets > 50 || regionSheets < 2 || header != "地区"):
			t.Errorf("%d regions: %d region sheets (first column %q), want shared ones, at most 50", n, regionSheets, header)
		}
	}
}
