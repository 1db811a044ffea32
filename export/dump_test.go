package export

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// dumpWorkbook writes what a reader of the workbook sees, as text: the
// package parts that carry dates, the document properties, and for every
// sheet its layout, cells (type, raw and shown value, formula, style),
// merged ranges, conditional formats, notes and tables. Styles are listed
// once at the end and referred to by number.
func dumpWorkbook(t *testing.T, data []byte) string {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(dumpError)
			if !ok {
				panic(r)
			}
			t.Fatalf("read the workbook back: %v", e.err)
		}
	}()
	d := &dumper{styleIDs: map[string]int{}, data: data}
	d.zipEntries(data)
	f := must(excelize.OpenReader(bytes.NewReader(data)))
	defer f.Close()
	d.workbook(f)
	for i, name := range f.GetSheetList() {
		d.sheet(f, name)
		d.colBreaks(i)
	}
	d.printf("\n# styles\n")
	for i, s := range d.styles {
		d.printf("st%d: %s\n", i+1, s)
	}
	return d.String()
}

type dumper struct {
	bytes.Buffer
	styleIDs map[string]int
	styles   []string
	data     []byte // the workbook's bytes
}

// colBreaks says the manual column breaks of the i-th sheet (from 0): the
// columns its pages start at.
func (d *dumper) colBreaks(i int) {
	cols, err := colBreaksOf(d.data, i)
	if err != nil {
		panic(dumpError{err})
	}
	var names []string
	for _, c := range cols {
		names = append(names, must(excelize.ColumnNumberToName(c)))
	}
	if len(names) > 0 {
		d.printf("pages start at columns: %s\n", strings.Join(names, " "))
	}
}

func (d *dumper) printf(format string, args ...any) { fmt.Fprintf(d, format, args...) }

// dumpError is a failure to read the workbook back.
type dumpError struct{ err error }

// must returns v, or stops the dump when err is not nil; dumpWorkbook
// reports it as the test's failure.
func must[T any](v T, err error) T {
	if err != nil {
		panic(dumpError{err})
	}
	return v
}

var firstFont = regexp.MustCompile(`<fonts[^>]*><font>(.*?)</font>`)

// zipEntries lists the package parts with their dates, and the default
// font as styles.xml has it (excelize reports the name only).
func (d *dumper) zipEntries(data []byte) {
	zr := must(zip.NewReader(bytes.NewReader(data), int64(len(data))))
	d.printf("# package\n")
	for _, zf := range zr.File {
		d.printf("%s %s\n", zf.Name, zf.Modified.UTC().Format("2006-01-02T15:04:05Z"))
		if zf.Name != "xl/styles.xml" {
			continue
		}
		rc := must(zf.Open())
		xml := must(io.ReadAll(rc))
		rc.Close()
		if m := firstFont.FindSubmatch(xml); m != nil {
			d.printf("  default font: %s\n", m[1])
		}
	}
}

func (d *dumper) workbook(f *excelize.File) {
	d.printf("\n# workbook\n")
	d.printf("sheets: %s\n", strings.Join(f.GetSheetList(), ", "))
	d.printf("active: %s\n", f.GetSheetName(f.GetActiveSheetIndex()))
	d.printf("default font: %s\n", must(f.GetDefaultFont()))
	p := must(f.GetDocProps())
	d.printf("doc: title=%q subject=%q creator=%q lastModifiedBy=%q created=%s modified=%s language=%s\n",
		p.Title, p.Subject, p.Creator, p.LastModifiedBy, p.Created, p.Modified, p.Language)
	d.printf("doc: keywords=%q description=%q\n", p.Keywords, p.Description)
	a := must(f.GetAppProps())
	d.printf("app: application=%q version=%q company=%q\n", a.Application, a.AppVersion, a.Company)
	for _, n := range f.GetDefinedName() {
		d.printf("name: %s [%s] = %s\n", n.Name, n.Scope, n.RefersTo)
	}
}

func (d *dumper) sheet(f *excelize.File, name string) {
	d.printf("\n# sheet %s\n", name)
	dim := must(f.GetSheetDimension(name))
	d.printf("dimension: %s\n", dim)
	p := must(f.GetSheetProps(name))
	d.printf("props: fitToPage=%v defaultRowHeight=%v customHeight=%v defaultColWidth=%v\n",
		deref(p.FitToPage), deref(p.DefaultRowHeight), deref(p.CustomHeight), deref(p.DefaultColWidth))
	l := must(f.GetPageLayout(name))
	d.printf("page: size=%d orientation=%s fitToWidth=%d fitToHeight=%d scale=%d\n",
		deref(l.Size), deref(l.Orientation), deref(l.FitToWidth), deref(l.FitToHeight), deref(l.AdjustTo))
	m := must(f.GetPageMargins(name))
	d.printf("margins: left=%v right=%v top=%v bottom=%v header=%v footer=%v\n",
		deref(m.Left), deref(m.Right), deref(m.Top), deref(m.Bottom), deref(m.Header), deref(m.Footer))
	hf := must(f.GetHeaderFooter(name))
	if hf != nil {
		d.printf("header: %q footer: %q\n", hf.OddHeader, hf.OddFooter)
	}
	panes := must(f.GetPanes(name))
	if panes.Freeze {
		d.printf("freeze: x=%d y=%d topLeft=%s\n", panes.XSplit, panes.YSplit, panes.TopLeftCell)
	}
	cols, rows := 1, 1
	if _, end, ok := strings.Cut(dim, ":"); ok {
		cols, rows = must2(excelize.CellNameToCoordinates(end))
	}
	var widths []string
	for c := 1; c <= cols; c++ {
		col := must(excelize.ColumnNumberToName(c))
		widths = append(widths, fmt.Sprintf("%s=%v", col, must(f.GetColWidth(name, col))))
	}
	d.printf("widths: %s\n", strings.Join(widths, " "))
	var heights []string
	for r := 1; r <= rows; r++ {
		if h := must(f.GetRowHeight(name, r)); h != rowHeight {
			heights = append(heights, fmt.Sprintf("%d=%v", r, h))
		}
	}
	d.printf("heights: %s\n", strings.Join(heights, " "))
	covered := map[string]bool{} // cells of merged ranges but the first
	for _, mc := range must(f.GetMergeCells(name)) {
		d.printf("merged: %s:%s %q\n", mc.GetStartAxis(), mc.GetEndAxis(), mc.GetCellValue())
		c1, r1 := must2(excelize.CellNameToCoordinates(mc.GetStartAxis()))
		c2, r2 := must2(excelize.CellNameToCoordinates(mc.GetEndAxis()))
		for r := r1; r <= r2; r++ {
			for c := c1; c <= c2; c++ {
				if r != r1 || c != c1 {
					covered[must(excelize.CoordinatesToCellName(c, r))] = true
				}
			}
		}
	}
	d.printf("cells:\n")
	for r := 1; r <= rows; r++ {
		for c := 1; c <= cols; c++ {
			if ref := must(excelize.CoordinatesToCellName(c, r)); !covered[ref] {
				d.cell(f, name, ref)
			}
		}
	}
	d.conditionalFormats(f, name)
	for _, c := range must(f.GetComments(name)) {
		var text strings.Builder
		text.WriteString(c.Text)
		for _, run := range c.Paragraph {
			text.WriteString(run.Text)
		}
		d.printf("note: %s by %q: %q\n", c.Cell, c.Author, text.String())
	}
	for _, dv := range must(f.GetDataValidations(name)) {
		d.printf("validation: %s type=%s list=%s errors=%v prompt=%q\n", dv.Sqref, dv.Type, dv.Formula1, dv.ShowErrorMessage, deref(dv.Prompt))
	}
	for _, tb := range must(f.GetTables(name)) {
		d.printf("table: %s %s style=%s\n", tb.Name, tb.Range, tb.StyleName)
	}
}

func (d *dumper) cell(f *excelize.File, sheet, ref string) {
	raw := must(f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true}))
	formula := must(f.GetCellFormula(sheet, ref))
	if raw == "" && formula == "" {
		return
	}
	shown := must(f.GetCellValue(sheet, ref))
	typ := map[excelize.CellType]string{
		excelize.CellTypeUnset: "n", excelize.CellTypeNumber: "n", excelize.CellTypeSharedString: "s",
		excelize.CellTypeInlineString: "is", excelize.CellTypeFormula: "f", excelize.CellTypeBool: "b",
		excelize.CellTypeDate: "d", excelize.CellTypeError: "e",
	}[must(f.GetCellType(sheet, ref))]
	if runs, _ := f.GetCellRichText(sheet, ref); len(runs) > 1 {
		typ = "rich"
	}
	line := fmt.Sprintf("  %s %s %q", ref, typ, raw)
	if shown != raw {
		line += fmt.Sprintf(" shown %q", shown)
	}
	if formula != "" {
		line += " formula " + formula
	}
	if ok, target := must2(f.GetCellHyperLink(sheet, ref)); ok {
		line += " link " + target
	}
	d.printf("%s st%d\n", line, d.style(f, must(f.GetCellStyle(sheet, ref))))
}

// style returns the number of a style, describing it the first time.
func (d *dumper) style(f *excelize.File, id int) int {
	s := must(f.GetStyle(id))
	var b strings.Builder
	if fn := s.Font; fn != nil {
		fmt.Fprintf(&b, "font=%s/%d/%v", fn.Family, deref(fn.Charset), fn.Size)
		if fn.Bold {
			b.WriteString(" bold")
		}
		if fn.Color != "" {
			b.WriteString(" colour=" + fn.Color)
		}
		if fn.Underline != "" {
			b.WriteString(" underline")
		}
	} else {
		b.WriteString("font=default")
	}
	if len(s.Fill.Color) > 0 {
		b.WriteString(" fill=" + strings.Join(s.Fill.Color, ","))
	}
	if a := s.Alignment; a != nil {
		if a.Horizontal != "" {
			b.WriteString(" align=" + a.Horizontal)
		}
		if a.Indent > 0 {
			b.WriteString(" indent=" + strconv.Itoa(a.Indent))
		}
	}
	if len(s.Border) > 0 {
		fmt.Fprintf(&b, " border=%d/%s", s.Border[0].Style, s.Border[0].Color)
	}
	switch {
	case s.CustomNumFmt != nil:
		b.WriteString(" fmt=" + *s.CustomNumFmt)
	case s.NumFmt != 0:
		b.WriteString(" fmt#" + strconv.Itoa(s.NumFmt))
	}
	desc := b.String()
	if n, ok := d.styleIDs[desc]; ok {
		return n
	}
	d.styles = append(d.styles, desc)
	d.styleIDs[desc] = len(d.styles)
	return len(d.styles)
}

func (d *dumper) conditionalFormats(f *excelize.File, sheet string) {
	cfs := must(f.GetConditionalFormats(sheet))
	ranges := make([]string, 0, len(cfs))
	for r := range cfs {
		ranges = append(ranges, r)
	}
	slices.SortFunc(ranges, compareRefs)
	for _, r := range ranges {
		for _, o := range cfs[r] {
			switch o.Type {
			case "formula":
				st := must(f.GetConditionalStyle(deref(o.Format)))
				colour := ""
				if st.Font != nil {
					colour = st.Font.Color
				}
				d.printf("rule: %s formula %s fill=%s text=%s\n", r, o.Criteria, strings.Join(st.Fill.Color, ","), colour)
			case "data_bar":
				d.printf("rule: %s data_bar min=%s:%s max=%s:%s colour=%s solid=%v direction=%q border=%q\n",
					r, o.MinType, o.MinValue, o.MaxType, o.MaxValue, o.BarColor, o.BarSolid, o.BarDirection, o.BarBorderColor)
			default:
				d.printf("rule: %s %s %+v\n", r, o.Type, o)
			}
		}
	}
}

// compareRefs orders ranges by column, then row, of their first cell.
func compareRefs(a, b string) int {
	first := func(s string) (int, int) {
		s, _, _ = strings.Cut(s, ":")
		c, r, _ := excelize.CellNameToCoordinates(s)
		return c, r
	}
	ac, ar := first(a)
	bc, br := first(b)
	if ac != bc {
		return ac - bc
	}
	return ar - br
}

func must2[A, B any](a A, b B, err error) (A, B) {
	if err != nil {
		panic(dumpError{err})
	}
	return a, b
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
