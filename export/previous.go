package export

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"zhibiao/extract/model"

	"github.com/xuri/excelize/v2"
)

// Reading back the 明细 sheet of a workbook written before, so that a
// monthly run can list what changed since (the 变更 sheet).

// PreviousObservation is one row of a previous workbook's 明细 sheet, with
// the Chinese labels turned back into the model's codes.
type PreviousObservation struct {
	Region    string
	Year      int
	Kind      model.Kind // model.Actual or model.Target
	Indicator string     // the indicator id (指标代码)
	Measure   model.Measure
	Scope     model.Scope
	Value     *float64
	High      *float64
	Unit      string
	Qualifier model.Qualifier
	Text      string // the source phrase
	File      string // the input's file name, without its folder
	Line      int
}

// ReadPrevious reads the observations of the 明细 sheets (明细, then 明细2
// … when there were more than a sheet holds) of a workbook written by
// WriteWorkbook, in the order of their rows. A workbook without
// observations gives an empty, non-nil list. The columns are found by their
// headers, so a sheet whose columns were moved or added to in Excel is
// read as well; labels the writer does not know are kept as they are.
func ReadPrevious(path string) ([]PreviousObservation, error) {
	f, err := openWorkbook(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission) {
			return nil, fmt.Errorf("previous workbook: %w", err) // the error names the file
		}
		return nil, model.Errorf(path, 0, "not an Excel workbook (.xlsx)").Because(err)
	}
	defer f.Close()
	if i, err := f.GetSheetIndex(detailSheet); err != nil || i == -1 {
		return nil, model.Errorf(path, 0, "no %s sheet; is it a workbook zhibiao wrote?", detailSheet)
	}
	out := []PreviousObservation{}
	for k := 1; ; k++ {
		sheet := detailSheet
		if k > 1 {
			sheet += strconv.Itoa(k)
			if i, err := f.GetSheetIndex(sheet); err != nil || i == -1 {
				return out, nil
			}
		}
		if out, err = readDetailSheet(f, sheet, out); err != nil {
			return nil, model.ReadError(path, err)
		}
	}
}

// readDetailSheet appends the observations of one 明细 sheet to out. It
// reads row by row, as a sheet may hold a million of them.
func readDetailSheet(f *excelize.File, sheet string, out []PreviousObservation) ([]PreviousObservation, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, fmt.Errorf("read sheet %s: %w", sheet, err)
	}
	defer rows.Close()
	var cols detailIndex
	for n := 1; rows.Next(); n++ {
		row, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("read sheet %s row %d: %w", sheet, n, err)
		}
		if cols == nil {
			if cols, err = detailColumns(row); err != nil {
				return nil, fmt.Errorf("sheet %s: %w; is it a workbook zhibiao wrote?", sheet, err)
			}
			continue
		}
		if isBlank(row) {
			continue
		}
		o, err := cols.parse(row)
		if err != nil {
			return nil, fmt.Errorf("sheet %s row %d: %w", sheet, n, err)
		}
		out = append(out, o)
	}
	if err := rows.Error(); err != nil {
		return nil, fmt.Errorf("read sheet %s: %w", sheet, err)
	}
	if cols == nil {
		return nil, fmt.Errorf("sheet %s is empty; is it a workbook zhibiao wrote?", sheet)
	}
	return out, nil
}

// detailIndex is where each column of the 明细 sheet is, 0-based.
type detailIndex map[string]int

// detailColumns finds the columns of the 明细 sheet by their headers: all
// of detailHeader must be there, once each.
func detailColumns(header []string) (detailIndex, error) {
	cols := detailIndex{}
	for i, h := range header {
		h = strings.TrimSpace(h)
		if _, dup := cols[h]; dup && h != "" {
			return nil, fmt.Errorf("column %s twice in the header", h)
		}
		cols[h] = i
	}
	var missing []string
	for _, h := range detailHeader {
		if _, ok := cols[h]; !ok {
			missing = append(missing, h)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("unexpected header %q: no column %s", strings.Join(trimRight(header), " "), strings.Join(missing, ", "))
	}
	return cols, nil
}

// trimRight drops the empty cells at the end of a row.
func trimRight(row []string) []string {
	for len(row) > 0 && strings.TrimSpace(row[len(row)-1]) == "" {
		row = row[:len(row)-1]
	}
	return row
}

// isBlank tells whether every cell of a row is empty.
func isBlank(row []string) bool {
	return len(trimRight(row)) == 0
}

// parse reads one row of the 明细 sheet.
func (c detailIndex) parse(row []string) (PreviousObservation, error) {
	at := func(header string) string {
		if i := c[header]; i < len(row) {
			return row[i]
		}
		return ""
	}
	var err error
	o := PreviousObservation{
		Region:    at("地区"),
		Kind:      unlabel(kindNames, at("类型")),
		Indicator: at("指标代码"),
		Measure:   unlabel(measureNames, at("口径")),
		Scope:     unlabel(scopeNames, at("排名范围")),
		Unit:      at("单位"),
		Qualifier: unlabel(qualifierNames, at("限定")),
		Text:      at("原文"),
		File:      at("文件"),
	}
	if o.Year, err = wholeNumber("年份", at("年份")); err != nil {
		return o, err
	}
	if o.Line, err = wholeNumber("行", at("行")); err != nil {
		return o, err
	}
	if o.Value, err = optionalNumber("数值", at("数值")); err != nil {
		return o, err
	}
	if o.High, err = optionalNumber("上限", at("上限")); err != nil {
		return o, err
	}
	if o.Indicator == "" {
		return o, fmt.Errorf("指标代码 is empty")
	}
	if o.Kind != model.Actual && o.Kind != model.Target {
		return o, fmt.Errorf("类型 %q is neither %s nor %s", at("类型"), kindNames[model.Actual], kindNames[model.Target])
	}
	return o, nil
}

// wholeNumber reads a whole number, 0 for an empty cell.
func wholeNumber(header, s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v != math.Trunc(v) || math.Abs(v) > math.MaxInt32 {
		return 0, fmt.Errorf("%s %q is not a whole number", header, s)
	}
	return int(v), nil
}

// optionalNumber reads a number, nil for an empty cell.
func optionalNumber(header, s string) (*float64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return nil, fmt.Errorf("%s %q is not a number", header, s)
	}
	return &v, nil
}

// previousOf turns the reports' observations into the form of a previous
// workbook's rows, as the 明细 sheet writes them.
func previousOf(reports []*model.Report) []PreviousObservation {
	var out []PreviousObservation
	for _, r := range reports {
		file := filepath.Base(r.Source.Path)
		for _, o := range r.Observations {
			out = append(out, PreviousObservation{
				Region: regionName(r), Year: o.Year, Kind: o.Kind, Indicator: o.Indicator,
				Measure: o.Measure, Scope: o.Scope, Value: o.Value, High: o.High, Unit: o.Unit,
				Qualifier: o.Qualifier, Text: cleanText(o.Text), File: file, Line: o.Line,
			})
		}
	}
	return out
}
