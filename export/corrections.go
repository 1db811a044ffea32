package export

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"

	"zhibiao/extract/catalogue"
	"zhibiao/extract/document"
	"zhibiao/extract/evaluate"
	"zhibiao/extract/model"
)

// An analyst's corrections are read from a CSV file (UTF-8, with or
// without a byte order mark, or GB18030 as Excel on a Chinese Windows
// saves it) or from a workbook's 待核对 and 更正 sheets. Columns are found
// by their headers, in any order; other columns are left alone, so that a
// filled 待核对 sheet is a corrections file as it stands.

// Columns of a corrections file, by the headers that name them.
const (
	corRegion = iota
	corIndicator
	corMeasure
	corScope
	corYear
	corKind
	corCorrection
	corNote
	corText
	corSource
	corColumns
)

var correctionHeaders = [corColumns][]string{
	corRegion:     {"地区", "region"},
	corIndicator:  {"指标", "指标名称", "indicator"},
	corMeasure:    {"口径", "measure"},
	corScope:      {"范围", "scope"},
	corYear:       {"年份", "year"},
	corKind:       {"实际/目标", "类别", "kind"},
	corCorrection: {"更正", "correction"},
	corNote:       {"说明", "备注", "note"},
	corText:       {"原文", "text"},
	corSource:     {"文件:行", "文件", "source"},
}

// CorrectionFile is a corrections file, read: its rows, and the rows that
// could not be read, each a *extract.FileError at its line.
type CorrectionFile struct {
	Path   string
	SHA256 string
	Rows   []evaluate.CorrectionRow
	Errors model.ErrorList
}

// maxCorrectionsCSV bounds a corrections CSV: a line per figure.
const maxCorrectionsCSV = 16 << 20

// ReadCorrections reads a corrections file: a workbook when its name ends
// in .xlsx, else CSV. It returns an error when the file cannot be read or
// has no header naming 地区, 指标 and 更正; a row that cannot be read is
// in Errors, and the others are read.
func ReadCorrections(path string, cat *catalogue.Catalogue) (*CorrectionFile, error) {
	if cat == nil {
		cat = catalogue.DefaultCatalogue()
	}
	data, err := readLimited(path, maxWorkbookFile)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	cf := &CorrectionFile{Path: path, SHA256: hex.EncodeToString(sum[:])}
	rd := &correctionReader{namer: newNamer(cat), file: cf, keys: map[correctionKey]int{}}
	name := filepath.Base(path)
	if strings.EqualFold(filepath.Ext(path), ".xlsx") {
		f, err := openWorkbookReader(bytes.NewReader(data))
		if err != nil {
			return nil, model.Errorf(path, 0, "not an Excel workbook (.xlsx)").Because(err)
		}
		defer f.Close()
		read := 0
		// The corrections carried over from earlier runs, then this
		// run's 待核对, whose rows win.
		for _, sheet := range []string{correctionSheet, reviewSheet} {
			if i, _ := f.GetSheetIndex(sheet); i < 0 {
				continue
			}
			rows, err := f.GetRows(sheet)
			if err != nil {
				return nil, model.Errorf(path, 0, "sheet %s cannot be read", sheet).Because(err)
			}
			lines := make([]int, len(rows))
			for i := range rows {
				lines[i] = i + 1
			}
			if err := rd.table(name+":"+sheet, rows, lines); err != nil {
				return nil, err
			}
			read++
		}
		if read == 0 {
			return nil, model.Errorf(path, 0, "no sheet %s or %s to read corrections from", reviewSheet, correctionSheet)
		}
		return cf, nil
	}
	if len(data) > maxCorrectionsCSV {
		return nil, model.ReadError(path, fmt.Errorf("%w: more than %d MiB", document.ErrTooLarge, maxCorrectionsCSV>>20))
	}
	dec, err := document.Decode(data)
	if err != nil {
		return nil, model.ReadError(path, err)
	}
	form := document.CSVForm{}
	if first, _, _ := strings.Cut(dec.Text, "\n"); strings.Contains(first, "\t") && !strings.Contains(first, ",") {
		form.Comma = '\t'
	}
	rows, lines, err := document.ReadCSV(path, dec.Text, form)
	if err != nil {
		return nil, err
	}
	if err := rd.table(name, rows, lines); err != nil {
		return nil, err
	}
	return cf, nil
}

// readLimited reads a file of at most limit bytes.
func readLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, model.Errorf(path, 0, "not a regular file")
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, model.ReadError(path, fmt.Errorf("%w: more than %d MiB", document.ErrTooLarge, limit>>20))
	}
	return data, nil
}

// correctionReader reads the tables of a corrections file.
type correctionReader struct {
	namer *namer
	file  *CorrectionFile
	keys  map[correctionKey]int // index in file.Rows of each figure's row
}

// correctionKey is what makes a row one: its region and figure, and, for
// a row of a sentence left unread, the sentence and its file.
type correctionKey struct {
	region     string
	figure     model.ObservationKey
	text, file string
}

// key is the key of a row.
func (rd *correctionReader) key(row evaluate.CorrectionRow) correctionKey {
	k := correctionKey{region: row.Region, figure: row.Key()}
	if row.Measure == "" || row.Year == 0 {
		k.text, k.file = row.Text, row.File
	}
	return k
}

// table reads one table: a header row among its first rows, then the rows
// whose 更正 is filled in. A row of the same figure as a row of an earlier
// table replaces it; twice in one table, it is an error.
func (rd *correctionReader) table(name string, rows [][]string, lines []int) error {
	head, cols := -1, [corColumns]int{}
	for i := 0; i < len(rows) && i < 10 && head < 0; i++ {
		if c, ok := correctionColumns(rows[i]); ok {
			head, cols = i, c
		}
	}
	if head < 0 {
		return &model.FileError{Path: name, Warning: model.Warnf(0, "no header row naming the columns 地区, 指标 and 更正")}
	}
	own := map[correctionKey]int{} // the line of each key of this table
	for i := head + 1; i < len(rows); i++ {
		get := func(c int) string {
			if at := cols[c]; at >= 0 && at < len(rows[i]) {
				return strings.TrimSpace(rows[i][at])
			}
			return ""
		}
		if get(corCorrection) == "" {
			continue // a row the analyst has not filled in
		}
		row, err := rd.row(get)
		if err != nil {
			w := err.(*rowError).Warning
			w.Line = lines[i]
			rd.file.Errors = append(rd.file.Errors, &model.FileError{Path: name, Warning: w})
			continue
		}
		row.Source, row.Line = name, lines[i]
		k := rd.key(row)
		if line, dup := own[k]; dup {
			rd.file.Errors = append(rd.file.Errors, &model.FileError{Path: name, Warning: model.Warnf(lines[i], "the same figure as line %d", line)})
			continue
		}
		own[k] = lines[i]
		if at, ok := rd.keys[k]; ok {
			rd.file.Rows[at] = row
			continue
		}
		rd.keys[k] = len(rd.file.Rows)
		rd.file.Rows = append(rd.file.Rows, row)
	}
	return nil
}

// correctionColumns finds the columns of a header row; ok when it names
// 地区, 指标 and 更正.
func correctionColumns(row []string) (cols [corColumns]int, ok bool) {
	for c := range cols {
		cols[c] = -1
	}
	for i, cell := range row {
		h := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(cell, "\ufeff")))
		for c, names := range correctionHeaders {
			for _, n := range names {
				if h == n && cols[c] < 0 {
					cols[c] = i
				}
			}
		}
	}
	return cols, cols[corRegion] >= 0 && cols[corIndicator] >= 0 && cols[corCorrection] >= 0
}

// rowError is the message of a row that cannot be read, a Warning so that
// it can be translated.
type rowError struct{ model.Warning }

func (e *rowError) Error() string { return e.Message }

func rowErr(w model.Warning) error { return &rowError{w} }

// row reads the cells of one row.
func (rd *correctionReader) row(get func(int) string) (evaluate.CorrectionRow, error) {
	row := evaluate.CorrectionRow{Region: get(corRegion), Note: get(corNote), Text: get(corText)}
	if row.Region == "" {
		return row, rowErr(model.Warnf(0, "no region (地区)"))
	}
	if src := get(corSource); src != "" {
		row.File = src
		if i := strings.LastIndexAny(src, ":："); i > 0 {
			_, size := utf8.DecodeRuneInString(src[i:])
			if n, err := strconv.Atoi(strings.TrimSpace(src[i+size:])); err == nil {
				row.File, row.FileLine = strings.TrimSpace(src[:i]), n
			}
		}
	}
	if y := strings.TrimSuffix(get(corYear), "年"); y != "" {
		v, err := strconv.ParseFloat(y, 64)
		if err != nil || v != float64(int(v)) || v < 1949 || v > 2100 {
			return row, rowErr(model.Warnf(0, "year %q is not a year between 1949 and 2100", get(corYear)))
		}
		row.Year = int(v)
	}
	switch k := strings.ToLower(get(corKind)); k {
	case "":
	case "实际", "actual":
		row.Kind = model.Actual
	case "目标", "target":
		row.Kind = model.Target
	default:
		return row, rowErr(model.Warnf(0, "%q is neither 实际 nor 目标", get(corKind)))
	}
	action, value := correctionAction(get(corCorrection))
	row.Action = action
	var words []string
	for _, c := range []int{corIndicator, corMeasure, corScope} {
		words = append(words, splitWords(get(c))...)
	}
	if len(words) == 0 {
		if action != evaluate.CorrectConfirm {
			return row, rowErr(model.Warnf(0, "no indicator (指标): only the region can be confirmed without one"))
		}
		return row, nil // the report's region, confirmed
	}
	ref, err := rd.namer.item(words)
	if err != nil {
		w, _ := WordWarning(err)
		return row, &rowError{w}
	}
	row.Indicator, row.Measure, row.Scope = ref.ind.ID, ref.measure, ref.scope
	if action != evaluate.CorrectValue {
		return row, nil
	}
	if row.Measure == "" || row.Year == 0 || row.Kind == "" {
		return row, rowErr(model.Warnf(0, "to give a figure, say its 口径, 年份 and 实际/目标"))
	}
	if err := parseCorrectionValue(&row, value, ref.ind); err != nil {
		return row, err
	}
	return row, nil
}

// correctionAction reads what a 更正 cell asks: 删除, 确认, or a value.
func correctionAction(cell string) (action, value string) {
	v := strings.TrimSpace(width.Fold.String(cell))
	switch strings.ToLower(v) {
	case "删除", "删", "delete":
		return evaluate.CorrectDelete, ""
	case "确认", "确定", "正确", "confirm", "ok", "√", "✓":
		return evaluate.CorrectConfirm, ""
	}
	return evaluate.CorrectValue, v
}

// qualifierWords are how a value says its qualifier, before or after it.
var qualifierWords = []struct {
	word      string
	qualifier model.Qualifier
	prefix    bool
}{
	{"左右", model.About, false}, {"约", model.About, true},
	{"以上", model.AtLeast, false}, {"不低于", model.AtLeast, true}, {"不少于", model.AtLeast, true},
	{">=", model.AtLeast, true}, {"≥", model.AtLeast, true},
	{"以下", model.AtMost, false}, {"以内", model.AtMost, false}, {"不超过", model.AtMost, true},
	{"不高于", model.AtMost, true}, {"<=", model.AtMost, true}, {"≤", model.AtMost, true},
}

// parseCorrectionValue reads a value with its qualifier and unit into
// row: 6.5, 6%左右, 下降3%, 7%以上, 6-6.5%, 3500亿元, 第4位.
func parseCorrectionValue(row *evaluate.CorrectionRow, v string, ind *catalogue.Indicator) error {
	orig := v
	row.Qualifier = model.Exact
	for _, q := range qualifierWords {
		if q.prefix && strings.HasPrefix(v, q.word) {
			row.Qualifier, v = q.qualifier, strings.TrimSpace(strings.TrimPrefix(v, q.word))
			break
		}
		if !q.prefix && strings.HasSuffix(v, q.word) {
			row.Qualifier, v = q.qualifier, strings.TrimSpace(strings.TrimSuffix(v, q.word))
			break
		}
	}
	negative := false
	if rest, ok := strings.CutPrefix(v, "下降"); ok {
		negative, v = true, rest
		// 下降3%以上 is a fall of at least 3%: at most -3
		switch row.Qualifier {
		case model.AtLeast:
			row.Qualifier = model.AtMost
		case model.AtMost:
			row.Qualifier = model.AtLeast
		}
	} else if rest, ok := strings.CutPrefix(v, "增长"); ok {
		v = rest
	}
	parts := []string{v}
	for _, sep := range []string{"—", "～", "~", "至", "到"} {
		if a, b, ok := strings.Cut(v, sep); ok {
			parts = []string{a, b}
			break
		}
	}
	if len(parts) == 1 && strings.Count(v, "-") == 1 && !strings.HasPrefix(v, "-") {
		a, b, _ := strings.Cut(v, "-")
		parts = []string{a, b}
	}
	if len(parts) == 2 {
		if row.Qualifier != model.Exact {
			return rowErr(model.Warnf(0, "%q: a range cannot also be %s", orig, qualifierNames[row.Qualifier]))
		}
		row.Qualifier = model.Range
	}
	var nums []float64
	for _, p := range parts {
		x, ok := correctionNumber(strings.TrimSpace(p), row.Measure, ind)
		if !ok {
			return rowErr(model.Warnf(0, "%q is not a number of %s (write 6.5, 6%%左右, 3500亿元, 第4位, 删除 or 确认)", orig, label(measureNames, row.Measure)))
		}
		if negative {
			x = -x
		}
		nums = append(nums, x)
	}
	row.Value = &nums[0]
	if len(nums) == 2 {
		row.High = &nums[1]
	}
	row.Unit = measureUnit(ind, row.Measure)
	return nil
}

// correctionNumber reads one number of a measure: a percentage, with or
// without %; a rank, with or without 第…位; an amount, with or without a
// unit, in the indicator's unit.
func correctionNumber(s string, measure model.Measure, ind *catalogue.Indicator) (float64, bool) {
	switch measure {
	case model.Growth, model.Rate:
		s = strings.TrimSpace(strings.TrimSuffix(s, "%"))
		x, err := strconv.ParseFloat(s, 64)
		return x, err == nil && !isBad(x)
	case model.Rank, model.GrowthRank:
		s = strings.TrimPrefix(s, "第")
		s = strings.TrimSuffix(strings.TrimSuffix(s, "位"), "名")
		n, err := strconv.Atoi(strings.TrimSpace(s))
		return float64(n), err == nil && n > 0
	}
	x, ok := catalogue.ParseAmount(s, ind.Unit)
	return x, ok && !isBad(x)
}

func isBad(x float64) bool { return x != x || x > 1e15 || x < -1e15 }
