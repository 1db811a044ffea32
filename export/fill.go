package export

import (
	"bytes"
	"fmt"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"zhibiao/extract/catalogue"
	"zhibiao/extract/model"
	"zhibiao/extract/text"
)

// Filling a user's fixed-format workbook (固定格式报表): every cell of the
// template that holds a placeholder (see placeholder.go) gets the figure
// it names; everything else — styles, merged cells, pictures, formulas,
// other sheets — is kept as the template has it. A cell that is a
// placeholder alone becomes a number (or a text, for a status or a
// phrase) in the cell's own style and number format; a placeholder inside
// text is replaced by the figure as text (6%左右, 3569.7亿元, 第4位).

// FillOptions are the options of Fill.
type FillOptions struct {
	// Catalogue is the indicator catalogue; nil is the default one.
	Catalogue *catalogue.Catalogue
	// Tolerance is passed to extract.Evaluate (see WorkbookOptions).
	Tolerance float64
	// AsOf dates the file's entries; zero is 1 January of the latest
	// report year, so that the same inputs give the same bytes.
	AsOf time.Time
}

// Problem is a placeholder that was not filled, and why; it stays in its
// cell as it was written, for the user to see.
type Problem struct {
	Sheet       string
	Cell        string // B3
	Placeholder string // {{…}}, as written
	model.Warning
}

// Fill fills the placeholders of a template (the bytes of an .xlsx file)
// with the figures of the inputs, and returns the filled workbook and the
// placeholders it could not fill. An error means the template could not
// be read or written.
func Fill(template []byte, inputs []Input, opt FillOptions) ([]byte, []Problem, error) {
	f, err := openWorkbookReader(bytes.NewReader(template))
	if err != nil {
		return nil, nil, fmt.Errorf("read template: %w", err)
	}
	defer f.Close()
	b := newBook(inputs, WorkbookOptions{Catalogue: opt.Catalogue, Tolerance: opt.Tolerance, AsOf: opt.AsOf})
	fl := &filler{book: b, f: f, names: newNamer(b.cat)}
	for _, sheet := range f.GetSheetList() {
		if err := fl.fillSheet(sheet); err != nil {
			return nil, nil, err
		}
	}
	// Formulas over the figures are worked out again when the file opens.
	full := true
	if err := f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &full}); err != nil {
		return nil, nil, fmt.Errorf("calculation properties: %w", err)
	}
	f.SetZipWriter(stampedZipWriter(b.asOf))
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return nil, nil, fmt.Errorf("write workbook: %w", err)
	}
	return buf.Bytes(), fl.problems, nil
}

// filler fills one template.
type filler struct {
	*book
	f        *excelize.File
	names    *namer
	problems []Problem
}

// fillSheet fills the placeholders of one sheet.
func (fl *filler) fillSheet(sheet string) error {
	rows, err := fl.f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil && strings.HasSuffix(err.Error(), "is not a worksheet") {
		return nil // a chart sheet or a dialog sheet: no cells to fill (excelize says so in words only)
	}
	if err != nil {
		return fmt.Errorf("sheet %s: %w", sheet, err)
	}
	fl.formulaPlaceholders(sheet)
	for r, row := range rows {
		for c, v := range row {
			if !strings.Contains(v, "{{") && !strings.Contains(v, "｛｛") {
				continue
			}
			ref, err := excelize.CoordinatesToCellName(c+1, r+1)
			if err != nil {
				return err
			}
			if formula, err := fl.f.GetCellFormula(sheet, ref); err != nil || formula != "" {
				continue // a formula is the template's own, said by formulaPlaceholders
			}
			if err := fl.fillCell(sheet, ref, v); err != nil {
				return fmt.Errorf("sheet %s: cell %s: %w", sheet, ref, err)
			}
		}
	}
	return nil
}

// maxFormulaCells bounds the cells of a sheet looked at for formulas: a
// template is a report's page, not a database.
const maxFormulaCells = 1 << 20

// formulaPlaceholders says each placeholder written inside a formula:
// the template's formulas are kept as they are, so it is not filled.
func (fl *filler) formulaPlaceholders(sheet string) {
	dim, err := fl.f.GetSheetDimension(sheet)
	if err != nil || dim == "" {
		return
	}
	first, last, _ := strings.Cut(dim, ":")
	if last == "" {
		last = first
	}
	c1, r1, err1 := excelize.CellNameToCoordinates(first)
	c2, r2, err2 := excelize.CellNameToCoordinates(last)
	if err1 != nil || err2 != nil || (c2-c1+1)*(r2-r1+1) > maxFormulaCells {
		return
	}
	for r := r1; r <= r2; r++ {
		for c := c1; c <= c2; c++ {
			ref, _ := excelize.CoordinatesToCellName(c, r)
			if f, err := fl.f.GetCellFormula(sheet, ref); err == nil && (strings.Contains(f, "{{") || strings.Contains(f, "｛｛")) {
				fl.problem(sheet, ref, f, model.Warnf(0, "a placeholder inside a formula is not filled: put it in a cell of its own, and refer to that cell"))
			}
		}
	}
}

// fillCell fills the placeholders of one cell holding text.
func (fl *filler) fillCell(sheet, ref, text string) error {
	spans, escapes, unclosed := findPlaceholders(text)
	if unclosed >= 0 {
		fl.problem(sheet, ref, text[unclosed:], model.Warnf(0, "no closing }} for this {{"))
	}
	// A placeholder alone in its cell: a number, in the cell's own style.
	if len(spans) == 1 && len(escapes) == 0 && unclosed < 0 && strings.TrimSpace(text) == text[spans[0].start:spans[0].end] {
		v, ok := fl.value(sheet, ref, text, spans[0].inner)
		switch {
		case !ok:
			return nil
		case v.number != nil:
			return fl.f.SetCellFloat(sheet, ref, *v.number, -1, 64)
		default:
			return fl.f.SetCellStr(sheet, ref, cleanText(v.text))
		}
	}
	replace := func(s string) string {
		var out strings.Builder
		last := 0
		sp, esc, _ := findPlaceholders(s)
		cuts := map[int]bool{}
		for _, e := range esc {
			cuts[e] = true
		}
		for _, p := range sp {
			out.WriteString(dropAt(s[last:p.start], last, cuts))
			if v, ok := fl.value(sheet, ref, s[p.start:p.end], p.inner); ok {
				out.WriteString(cleanText(v.text))
			} else {
				out.WriteString(s[p.start:p.end])
			}
			last = p.end
		}
		out.WriteString(dropAt(s[last:], last, cuts))
		return out.String()
	}
	runs, err := fl.f.GetCellRichText(sheet, ref)
	if err == nil && len(runs) > 1 && placeholdersWithinRuns(runs) {
		for i := range runs {
			runs[i].Text = replace(runs[i].Text)
		}
		return fl.f.SetCellRichText(sheet, ref, runs)
	}
	return fl.f.SetCellStr(sheet, ref, replace(text))
}

// dropAt removes from s, which starts at offset base of its text, the
// bytes at the offsets of cuts: the backslashes of escaped braces.
func dropAt(s string, base int, cuts map[int]bool) string {
	if len(cuts) == 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if !cuts[base+i] {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// placeholdersWithinRuns reports whether every placeholder of a rich text
// lies within one run, so that the runs can be filled one by one and keep
// their fonts.
func placeholdersWithinRuns(runs []excelize.RichTextRun) bool {
	var whole strings.Builder
	n := 0
	for _, r := range runs {
		whole.WriteString(r.Text)
		sp, _, unclosed := findPlaceholders(r.Text)
		if unclosed >= 0 {
			return false
		}
		n += len(sp)
	}
	sp, _, _ := findPlaceholders(whole.String())
	return len(sp) == n
}

// filled is what a placeholder gives: a number (with its text), or a text.
type filled struct {
	number *float64
	text   string
}

// problem records a placeholder that is left as it is.
func (fl *filler) problem(sheet, ref, ph string, w model.Warning) {
	fl.problems = append(fl.problems, Problem{Sheet: sheet, Cell: ref, Placeholder: ph, Warning: w})
}

// value resolves one placeholder; when it cannot, it records the problem.
func (fl *filler) value(sheet, ref, whole, inner string) (filled, bool) {
	v, w := fl.resolve(inner)
	if w != nil {
		fl.problem(sheet, ref, whole, *w)
		return filled{}, false
	}
	return v, true
}

// resolve finds what a placeholder names in the model.
func (fl *filler) resolve(inner string) (filled, *model.Warning) {
	p, err := fl.names.parsePlaceholder(inner)
	if err != nil {
		w, _ := WordWarning(err)
		return filled{}, &w
	}
	reg := fl.region(p.region)
	if reg == nil {
		w := model.Warnf(0, "no such region in the reports: %s", p.region)
		return filled{}, &w
	}
	missing := model.Warnf(0, "no such figure")
	c := reg.cellFor(p.item, p.year)
	if c == nil {
		return filled{}, &missing
	}
	fig := c.actual
	if p.kind == model.Target || (p.kind == "" && (p.field == fieldStatus || p.field == fieldGap)) {
		fig = c.target
	}
	if fig == nil {
		return filled{}, &missing
	}
	switch p.field {
	case fieldStatus:
		if c.eval == nil {
			return filled{}, &missing
		}
		return filled{text: label(statusNames, c.eval.Status)}, nil
	case fieldGap:
		if c.eval == nil || c.eval.Gap == nil {
			return filled{}, &missing
		}
		g := *c.eval.Gap
		return filled{number: &g, text: gapText(g, fig.Unit)}, nil
	case fieldSource:
		return filled{text: fig.Text}, nil
	case fieldFile:
		return filled{text: filepath.Base(fig.File) + " " + placeText(fig.File, fig.Page, fig.Line)}, nil
	case fieldUnit:
		return filled{text: fig.Unit}, nil
	}
	if fig.Value == nil {
		return filled{text: text.ToSimplified(fig.Text)}, nil // a qualitative target, in Simplified script
	}
	v, other, low := *fig.Value, (*float64)(nil), true
	if fig.Kind == model.Target {
		v, other, low = fl.targetValue(fig)
	}
	text := proseFigure(v, fig.Unit, fig.Qualifier, fig.Measure, other, low)
	if p.field == fieldText {
		return filled{text: text}, nil
	}
	return filled{number: &v, text: text}, nil
}

// region returns the region of the reports a placeholder names: by its
// name (鼓楼区（南京市）), or by its plain or short name when only one
// region has it.
func (fl *filler) region(name string) *region {
	var short *region
	n := 0
	for _, reg := range fl.regions {
		if reg.Name == name {
			return reg // its label
		}
		// 鼓楼区 for 鼓楼区（南京市）, 新乡 for 新乡市: when no other region
		// of the reports answers to it.
		if len(reg.reports) == 0 {
			continue
		}
		switch exact, shortly := reg.reports[0].Region.Answers(name); {
		case exact:
			return reg
		case shortly:
			short = reg
			n++
		}
	}
	if n == 1 {
		return short
	}
	return nil
}

// proseFigure writes a figure the way a report does, as the number format
// of figureFormat shows it in the workbook but with the decimals as
// stated: 4.9%, 3569.7亿元, 6%左右, 第4位, 6.5%—7%, 下降3%以上. other is the
// other end of a range, low whether v is its low end.
func proseFigure(v float64, unit string, qualifier model.Qualifier, measure model.Measure, other *float64, low bool) string {
	o := model.Observation{Measure: measure, Value: &v, Unit: unit, Qualifier: qualifier}
	if qualifier == model.Range && other != nil {
		lo, hi := v, *other
		if !low {
			lo, hi = *other, v
		}
		o.Value, o.High = &lo, &hi
	}
	return model.ValueText(&o)
}

// gapText says a gap as an analyst writes it: 低于目标1.1个百分点,
// 高于目标0.5万人, 比目标落后1位 for a rank, 与目标持平.
func gapText(g float64, unit string) string {
	s := strconv.FormatFloat(math.Abs(g), 'f', -1, 64)
	switch {
	case g == 0:
		return "与目标持平"
	case unit == "位" && g > 0:
		return "比目标落后" + s + "位" // a larger place is a lower rank
	case unit == "位":
		return "比目标领先" + s + "位"
	case unit == "%":
		s += "个百分点"
	default:
		s += unit
	}
	if g < 0 {
		return "低于目标" + s
	}
	return "高于目标" + s
}
