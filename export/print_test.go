package export

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestPrint prints every sheet of the seeds' workbook to PDF with
// LibreOffice and checks what a reader of the pages needs: 概览 on one
// page; each block of 对比 whole on one page, pages breaking between
// blocks only; no text of a cell cut — each fits its column (or merged
// columns), measured as the widths are, or wraps, or stands alone in its
// row.
func TestPrint(t *testing.T) {
	soffice := libreOffice(t)
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		missingTool(t, "pdftotext not found: apt-get install poppler-utils")
	}
	path, _ := demoBook(t, limits{})
	dir := t.TempDir()
	sofficeConvert(t, soffice, path, dir, dir, "pdf")
	out, err := exec.Command(pdftotext, "-layout", filepath.Join(dir, "demo.pdf"), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	// The right of each page's header is its sheet's name (&A).
	pagesOf := map[string][]string{}
	for _, page := range strings.Split(strings.TrimRight(string(out), "\f"), "\f") {
		head, _, _ := strings.Cut(strings.TrimSpace(page), "\n")
		fields := strings.Fields(head)
		if len(fields) == 0 {
			continue
		}
		sheet := fields[len(fields)-1]
		pagesOf[sheet] = append(pagesOf[sheet], page)
	}
	if n := len(pagesOf[overviewSheet]); n != 1 {
		t.Errorf("%s prints on %d pages, want 1", overviewSheet, n)
	}

	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	compare := "对比"
	compareIndex := -1
	for i, name := range f.GetSheetList() {
		checkNotCut(t, f, name)
		if name == compare {
			compareIndex = i
		}
	}
	if compareIndex < 0 {
		t.Fatalf("no sheet %s", compare)
	}

	// 对比: a page breaks only where a block starts, each page's blocks
	// and the region columns fit its width, and the PDF shows each
	// block's header whole on one page.
	pages := append([]int{compareLead + 1}, sheetColBreaks(t, data, compareIndex)...)
	widths := map[int]float64{}
	cols, _ := f.GetCols(compare)
	for c := 1; c <= len(cols); c++ {
		name, _ := excelize.ColumnNumberToName(c)
		widths[c], _ = f.GetColWidth(compare, name)
	}
	lead := widths[1] + widths[2]
	starts := map[int]bool{} // the first column of each block: its header is merged over it
	for _, mc := range must(f.GetMergeCells(compare)) {
		c, r, _ := excelize.CellNameToCoordinates(mc.GetStartAxis())
		if r == 2 && c > compareLead {
			starts[c] = true
		}
	}
	if len(starts) < 5 {
		t.Fatalf("%s: %d blocks found", compare, len(starts))
	}
	for i, start := range pages {
		if !starts[start] {
			t.Errorf("%s: a page starts at column %d, inside a block", compare, start)
		}
		end := len(cols) + 1
		if i+1 < len(pages) {
			end = pages[i+1]
		}
		width := lead
		for c := start; c < end; c++ {
			width += widths[c]
		}
		if width > compareChars {
			t.Errorf("%s: the page of columns %d–%d is %.0f characters wide, more than the %d a page holds", compare, start, end-1, width, compareChars)
		}
	}
	if got := len(pagesOf[compare]); got != len(pages) {
		t.Errorf("%s prints on %d pages, want %d, one a group of blocks", compare, got, len(pages))
	}
	for c := range starts {
		header, _ := f.GetCellValue(compare, must(excelize.CoordinatesToCellName(c, 2)))
		on := 0
		for _, page := range pagesOf[compare] {
			if strings.Contains(page, header) {
				on++
			}
		}
		if on != 1 {
			t.Errorf("%s: the header %q shows whole on %d pages, want 1", compare, header, on)
		}
	}
}

// checkNotCut fails for each cell of a sheet whose text is wider than its
// column, or its merged columns, while it neither wraps nor stands alone
// in its row, where it may run on into the empty cells beside it.
func checkNotCut(t *testing.T, f *excelize.File, sheet string) {
	t.Helper()
	rows, err := f.GetRows(sheet) // as shown: numbers in their formats
	if err != nil {
		t.Fatal(err)
	}
	span := map[string][2]int{} // merged: the first cell → its columns
	for _, mc := range must(f.GetMergeCells(sheet)) {
		c1, _, _ := excelize.CellNameToCoordinates(mc.GetStartAxis())
		c2, _, _ := excelize.CellNameToCoordinates(mc.GetEndAxis())
		span[mc.GetStartAxis()] = [2]int{c1, c2}
	}
	width := func(c int) float64 {
		name, _ := excelize.ColumnNumberToName(c)
		w, _ := f.GetColWidth(sheet, name)
		return w
	}
	for r, row := range rows {
		for c, v := range row {
			if v == "" {
				continue
			}
			cell := must(excelize.CoordinatesToCellName(c+1, r+1))
			alone := true
			for _, right := range row[c+1:] {
				if right != "" {
					alone = false
				}
			}
			first, last := c+1, c+1
			if s, ok := span[cell]; ok {
				first, last = s[0], s[1]
			}
			have := 0.0
			for col := first; col <= last; col++ {
				have += width(col)
			}
			need := float64(textWidth(v))
			if need <= have || alone {
				continue
			}
			id, _ := f.GetCellStyle(sheet, cell)
			st, _ := f.GetStyle(id)
			if st != nil && st.Alignment != nil && st.Alignment.WrapText {
				continue
			}
			t.Errorf("%s!%s: %q is %.0f characters wide, its column %.0f, and it does not wrap: cut in print", sheet, cell, short(v), need, have)
		}
	}
}

// short is the start of a long text, for a message.
func short(s string) string {
	if r := []rune(s); len(r) > 30 {
		return string(r[:30]) + "…"
	}
	return s
}

// sheetColBreaks reads the columns the pages of the i-th sheet start at.
func sheetColBreaks(t *testing.T, data []byte, i int) []int {
	t.Helper()
	cols, err := colBreaksOf(data, i)
	if err != nil {
		t.Fatal(err)
	}
	return cols
}

// colBreaksOf reads the columns (from 1) the pages of the i-th sheet
// (from 0) start at, from its XML: excelize has no reader for breaks.
// Sheets are xl/worksheets/sheetN.xml in the order they were made; a
// sheet without that part has none.
func colBreaksOf(data []byte, i int) ([]int, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	rc, err := zr.Open(fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1))
	if err != nil {
		return nil, nil
	}
	defer rc.Close()
	var ws struct {
		ColBreaks struct {
			Brk []struct {
				ID int `xml:"id,attr"`
			} `xml:"brk"`
		} `xml:"colBreaks"`
	}
	if err := xml.NewDecoder(rc).Decode(&ws); err != nil {
		return nil, err
	}
	var cols []int
	for _, b := range ws.ColBreaks.Brk {
		cols = append(cols, b.ID+1)
	}
	return cols, nil
}
