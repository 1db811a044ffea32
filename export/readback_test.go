package export

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"zhibiao/extract/model"
	"zhibiao/extract/text"

	"github.com/xuri/excelize/v2"
)

// The workbook read back by other programs than excelize: LibreOffice
// (every sheet converted to CSV, values checked against the model) and
// openpyxl (the conditional formats found on the cells they belong to).
// Locally a missing tool skips its part; under CI it fails the test.

// Debian's python3 with python3-openpyxl, not a python3 earlier on PATH.
const systemPython = "/usr/bin/python3"

// csvFilter exports every sheet (last token -1) as UTF-8 CSV; the ninth
// token says whether cells are written as shown or as raw values.
func csvFilter(asShown bool) string {
	return fmt.Sprintf("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,%v,false,false,-1", asShown)
}

// missingTool skips the test, or fails it when CI is set.
func missingTool(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf(format, args...)
	}
	t.Skipf(format+" (the test fails when CI is set)", args...)
}

// demoBook writes the demo workbook to a folder and returns its path and
// the model as the writer arranged it.
func demoBook(t *testing.T, lim limits) (string, *book) {
	t.Helper()
	inputs := seedInputs(t)
	opt := WorkbookOptions{AsOf: demoAsOf, limits: lim}
	path := filepath.Join(t.TempDir(), "demo.xlsx")
	if err := SaveWorkbook(path, inputs, opt); err != nil {
		t.Fatal(err)
	}
	b := newBook(inputs, opt)
	names := newSheetNamer()
	for _, reg := range b.regions {
		reg.sheet = names.name(reg.Name)
	}
	return path, b
}

func TestReadBack(t *testing.T) {
	path, b := demoBook(t, limits{})
	t.Run("LibreOffice", func(t *testing.T) { readBackLibreOffice(t, path, b) })
	t.Run("openpyxl", func(t *testing.T) { readBackOpenpyxl(t, path, b) })
}

// TestReadBackStreamed: the demo workbook written the way a large one is,
// streamed, reads back the same in LibreOffice and openpyxl.
func TestReadBackStreamed(t *testing.T) {
	path, b := demoBook(t, limits{stream: true})
	t.Run("LibreOffice", func(t *testing.T) { readBackLibreOffice(t, path, b) })
	t.Run("openpyxl", func(t *testing.T) { readBackOpenpyxl(t, path, b) })
}

// libreOffice returns the path of soffice, or skips the test without it.
func libreOffice(t *testing.T) string {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		missingTool(t, "LibreOffice (soffice) not found: apt-get install libreoffice-calc-nogui")
	}
	return soffice
}

// sofficeConvert converts the workbook at path with LibreOffice's filter,
// into the folder out, using a profile in dir.
func sofficeConvert(t *testing.T, soffice, path, dir, out, filter string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "--headless", "--norestore",
		"-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--convert-to", filter, "--outdir", out, path)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
}

// csvSheet reads the CSV that LibreOffice wrote in dir for one sheet of
// the workbook at path.
func csvSheet(t *testing.T, dir, path, name string) [][]string {
	t.Helper()
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	f, err := os.Open(filepath.Join(dir, base+"-"+name+".csv"))
	if err != nil {
		t.Fatalf("LibreOffice wrote no CSV for sheet %s: %v", name, err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("sheet %s: %v", name, err)
	}
	return rows
}

func readBackLibreOffice(t *testing.T, path string, b *book) {
	soffice := libreOffice(t)
	dir := t.TempDir()
	convert := func(asShown bool) string {
		out := filepath.Join(dir, strconv.FormatBool(asShown))
		sofficeConvert(t, soffice, path, dir, out, csvFilter(asShown))
		return out
	}
	raw, shown := convert(false), convert(true)
	sheet := func(dir, name string) [][]string { return csvSheet(t, dir, path, name) }
	field := func(rows [][]string, row, col int) string { // 1-based, as in the sheet
		if row-1 < len(rows) && col-1 < len(rows[row-1]) {
			return rows[row-1][col-1]
		}
		return ""
	}

	checked := 0
	check := func(where string, rows, shownRows [][]string, row int, cols block, c *cell) {
		t.Helper()
		at := func(col int) string { return field(rows, row, col) }
		want := func(col int, v *float64) {
			t.Helper()
			if got := at(col); !sameNumber(got, v) {
				t.Errorf("%s row %d col %d: %q, want %v", where, row, col, got, deref(v))
			}
			checked++
		}
		var actual, gap *float64
		status := ""
		if c != nil && c.actual != nil {
			actual = c.actual.Value
		}
		if c != nil && c.eval != nil {
			gap, status = c.eval.Gap, label(statusNames, c.eval.Status)
		}
		want(cols.actual, actual)
		want(cols.gap, gap)
		if got := at(cols.status); got != status {
			t.Errorf("%s row %d: status %q, want %q", where, row, got, status)
		}
		switch {
		case c == nil || c.target == nil:
			want(cols.target, nil)
		case c.target.Value == nil:
			if got := at(cols.target); got != cleanText(text.ToSimplified(c.target.Text)) { // shown in Simplified
				t.Errorf("%s row %d: target %q, want %q", where, row, got, c.target.Text)
			}
		default:
			v, _, _ := b.targetValue(c.target)
			want(cols.target, &v)
			// LibreOffice shows the qualifier through the number format.
			word := model.QualifierWord(c.target.Qualifier)
			if s := field(shownRows, row, cols.target); v >= 0 && !strings.HasSuffix(s, word) {
				t.Errorf("%s row %d: target shown as %q, want it to end in %q", where, row, s, word)
			}
		}
	}

	for _, reg := range b.regions {
		rows, shownRows := sheet(raw, reg.sheet), sheet(shown, reg.sheet)
		for i, r := range b.regionRows(reg) {
			key := r.key
			row := regionFirstRow + i
			label := withUnit(rowLabel(b.cat.Indicator(key.indicator), key.indicator, key.measure, key.scope), key.unit)
			if got := field(rows, row, 2); got != label {
				t.Errorf("%s row %d: %q, want %q", reg.sheet, row, got, label)
			}
			for j, year := range b.regionYears(reg) {
				col := 3 + 4*j
				check(reg.sheet, rows, shownRows, row, block{actual: col, target: col + 1, status: col + 2, gap: col + 3},
					reg.cells[cellKey{key, year}])
			}
		}
	}
	rows, shownRows := sheet(raw, compareSheet), sheet(shown, compareSheet)
	for i, reg := range b.regions {
		row := compareFirstRow + i
		if got := field(rows, row, 1); got != reg.Name {
			t.Errorf("%s row %d: %q, want %q", compareSheet, row, got, reg.Name)
		}
		blocks := compareBlocks(b.compareColumns())
		for j, it := range b.compareColumns() {
			check(compareSheet, rows, shownRows, row, blocks[j], reg.cellFor(it, b.year))
		}
	}
	if checked < 100 {
		t.Errorf("only %d figures checked", checked)
	}
}

// sameNumber tells whether a CSV field holds v, or is empty for nil.
func sameNumber(field string, v *float64) bool {
	if v == nil {
		return field == ""
	}
	got, err := strconv.ParseFloat(field, 64)
	return err == nil && math.Abs(got-*v) < 1e-9
}

// openpyxlScript prints the conditional formats, panes, print titles and
// tables of every sheet as JSON.
const openpyxlScript = `
import json, sys, warnings
warnings.simplefilter("ignore")
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    rules = []
    for cf in ws.conditional_formatting:
        for r in cf.rules:
            fill = ""
            if r.dxf is not None and r.dxf.fill is not None and r.dxf.fill.bgColor is not None:
                fill = r.dxf.fill.bgColor.rgb or ""
            rules.append({"range": str(cf.sqref), "type": r.type, "formula": list(r.formula or []), "fill": fill})
    out[ws.title] = {"rules": rules, "freeze": ws.freeze_panes or "", "titles": ws.print_title_rows or "",
                     "tables": {t.name: t.ref for t in ws.tables.values()}}
json.dump(out, sys.stdout, ensure_ascii=False)
`

type openpyxlSheet struct {
	Rules []struct {
		Range   string   `json:"range"`
		Type    string   `json:"type"`
		Formula []string `json:"formula"`
		Fill    string   `json:"fill"`
	} `json:"rules"`
	Freeze string            `json:"freeze"`
	Titles string            `json:"titles"`
	Tables map[string]string `json:"tables"` // name → range
}

// openpyxlSheets reads the workbook at path with openpyxl.
func openpyxlSheets(t *testing.T, path string) map[string]openpyxlSheet {
	t.Helper()
	if err := exec.Command(systemPython, "-c", "import openpyxl").Run(); err != nil {
		missingTool(t, "%s cannot import openpyxl (%v): apt-get install python3-openpyxl", systemPython, err)
	}
	out, err := exec.Command(systemPython, "-c", openpyxlScript, path).Output()
	if err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			t.Fatalf("openpyxl: %v\n%s", err, exit.Stderr)
		}
		t.Fatalf("openpyxl: %v", err)
	}
	var sheets map[string]openpyxlSheet
	if err := json.Unmarshal(out, &sheets); err != nil {
		t.Fatalf("openpyxl output: %v\n%s", err, out)
	}
	return sheets
}

func readBackOpenpyxl(t *testing.T, path string, b *book) {
	sheets := openpyxlSheets(t, path)

	// The actual cells that must be coloured, by sheet.
	want := map[string]map[string]string{} // sheet → actual cell → target cell
	expect := func(sheet string, row int, cols block, c *cell) {
		if c == nil {
			return
		}
		if _, ok := b.judgementOf(c.target); !ok {
			return
		}
		a, _ := excelize.CoordinatesToCellName(cols.actual, row)
		tg, _ := excelize.CoordinatesToCellName(cols.target, row)
		if want[sheet] == nil {
			want[sheet] = map[string]string{}
		}
		want[sheet][a] = tg
	}
	for _, reg := range b.regions {
		for i, r := range b.regionRows(reg) {
			for j, year := range b.regionYears(reg) {
				col := 3 + 4*j
				expect(reg.sheet, regionFirstRow+i, block{actual: col, target: col + 1}, reg.cells[cellKey{r.key, year}])
			}
		}
		checkView(t, sheets[reg.sheet], reg.sheet, "C4", "$2:$3")
	}
	for i, reg := range b.regions {
		blocks := compareBlocks(b.compareColumns())
		for j, it := range b.compareColumns() {
			expect(compareSheet, compareFirstRow+i, block{target: blocks[j].target, actual: blocks[j].actual}, reg.cellFor(it, b.year))
		}
	}
	checkView(t, sheets[compareSheet], compareSheet, "C4", "$2:$3")

	for sheet, cells := range want {
		colours := map[string][]string{} // cell → fills of the rules on it
		for _, r := range sheets[sheet].Rules {
			if r.Type != "expression" || len(r.Formula) != 1 {
				t.Errorf("%s %s: rule %s %q, want one formula", sheet, r.Range, r.Type, r.Formula)
				continue
			}
			for _, ref := range cellsOf(t, r.Range) {
				colours[ref] = append(colours[ref], r.Fill)
			}
			first := cellsOf(t, r.Range)[0]
			prefix := fmt.Sprintf("AND(ISNUMBER(%s),ISNUMBER(%s),", first, cells[first])
			if !strings.HasPrefix(r.Formula[0], prefix) {
				t.Errorf("%s %s: formula %s, want it to compare %s with %s", sheet, r.Range, r.Formula[0], first, cells[first])
			}
		}
		for ref := range cells {
			if got := strings.Join(colours[ref], ","); got != "FF"+metFill+",FF"+missedFill {
				t.Errorf("%s!%s: rules with fills %q, want met and missed", sheet, ref, got)
			}
			delete(colours, ref)
		}
		for ref := range colours {
			t.Errorf("%s!%s is coloured but has no numeric target", sheet, ref)
		}
	}
	bars := 0
	for _, r := range sheets[overviewSheet].Rules {
		if r.Type == "dataBar" {
			bars++
		}
	}
	wantBars := 0 // one a status column with a bar
	for _, c := range countColumns {
		if c.bar != "" {
			wantBars++
		}
	}
	if bars != wantBars || wantBars < 4 {
		t.Errorf("%s: %d data bars, want %d", overviewSheet, bars, wantBars)
	}
}

// checkView checks a sheet's frozen panes and repeated print rows.
func checkView(t *testing.T, s openpyxlSheet, name, freeze, titles string) {
	t.Helper()
	if s.Freeze != freeze || s.Titles != titles {
		t.Errorf("%s: frozen at %q, printing rows %q; want %q and %q", name, s.Freeze, s.Titles, freeze, titles)
	}
}

// cellsOf lists the cells of a range such as C4:C6.
func cellsOf(t *testing.T, ranges string) []string {
	t.Helper()
	var out []string
	for _, rng := range strings.Fields(ranges) { // a rule may cover several: G5 G7:G9
		from, to, ok := strings.Cut(rng, ":")
		if !ok {
			to = from
		}
		c1, r1, err1 := excelize.CellNameToCoordinates(from)
		c2, r2, err2 := excelize.CellNameToCoordinates(to)
		if err1 != nil || err2 != nil {
			t.Fatalf("range %q: %v %v", rng, err1, err2)
		}
		for c := c1; c <= c2; c++ {
			for r := r1; r <= r2; r++ {
				ref, _ := excelize.CoordinatesToCellName(c, r)
				out = append(out, ref)
			}
		}
	}
	return out
}
