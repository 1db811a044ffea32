package export

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"zhibiao/extract/catalogue"
	"zhibiao/extract/evaluate"
	"zhibiao/extract/model"
)

// The 待核对 sheet: every doubtful figure and every sentence that may hold
// a missed one, most serious first, each with its reason, its sentence
// and its place in the report, and two columns for the analyst: 更正 (a
// value, 删除 or 确认) and 说明. The sheet is a corrections file as it
// stands (ReadCorrections): the analyst fills it in and gives the
// workbook to the next run with --corrections.

// reviewReasonNames say the review reasons in words.
var reviewReasonNames = map[string]string{
	model.ReviewRegion:       "地区或年份存疑",
	model.ReviewConflict:     "前后数值不一",
	model.ReviewImplausible:  "超出合理范围",
	model.ReviewInconsistent: "与相邻年份不符",
	model.ReviewScope:        "可能是局部数据",
	model.ReviewUnread:       "可能漏读",
	model.ReviewSubperiod:    "非全年数据",
}

// Columns of the 待核对 sheet. ReadCorrections reads all but 数值 and 原因,
// which are there to be read by the analyst.
var reviewHeader = []string{"地区", "指标", "口径", "范围", "年份", "实际/目标", "数值", "原因", "原文", "文件:行", "更正", "说明"}

const (
	revRegion = iota + 1
	revIndicator
	revMeasure
	revScope
	revYear
	revKind
	revValue
	revReason
	revText
	revSource
	revCorrection
	revNote
)

// reviewFirstRow is the first item's row: the title, then the header.
const reviewFirstRow = 3

// reviewRow is an item of the 待核对 sheet.
type reviewRow struct {
	reg  *region
	rep  *model.Report
	item model.ReviewItem
	obs  *model.Observation // the figure it concerns, if any
}

// reviewRows lists the items of the reports: most serious first, then by
// region in the order of the workbook, indicator in catalogue order, year
// and line.
func (b *book) reviewRows() []reviewRow {
	regionAt := map[string]int{}
	byName := map[string]*region{}
	for i, reg := range b.regions {
		regionAt[reg.Name], byName[reg.Name] = i, reg
	}
	var out []reviewRow
	for _, r := range b.reports {
		reg := byName[regionName(r)]
		for _, it := range r.Review {
			row := reviewRow{reg: reg, rep: r, item: it}
			if it.Indicator != "" && it.Measure != "" && it.Year != 0 {
				k := it.Key()
				for i := range r.Observations {
					if r.Observations[i].Key() == k {
						row.obs = &r.Observations[i]
						break
					}
				}
			}
			out = append(out, row)
		}
	}
	slices.SortStableFunc(out, func(x, y reviewRow) int {
		return cmp.Or(
			model.ReviewRank(x.item.Reason)-model.ReviewRank(y.item.Reason),
			regionAt[x.reg.Name]-regionAt[y.reg.Name],
			catalogueIndex(b.cat, x.item.Indicator)-catalogueIndex(b.cat, y.item.Indicator),
			x.item.Year-y.item.Year,
			cmp.Compare(x.rep.Source.Path, y.rep.Source.Path),
			x.item.Line-y.item.Line,
		)
	})
	return out
}

// catalogueIndex is an indicator's place in the catalogue; an item of the
// whole report comes first.
func catalogueIndex(cat *catalogue.Catalogue, id string) int {
	if id == "" {
		return -1
	}
	for i := range cat.Indicators {
		if cat.Indicators[i].ID == id {
			return i
		}
	}
	return len(cat.Indicators)
}

// say words a message of the model in Chinese, as the options' Say does;
// without it, in English.
func (b *book) say(w model.Warning) string {
	if b.sayer != nil {
		return b.sayer(w)
	}
	return w.Message
}

// sayError words an input's error as the workbook shows it.
func (b *book) sayError(err error) string {
	if b.errorSayer != nil {
		return b.errorSayer(err)
	}
	return err.Error()
}

// reviewCounts sums the items up by reason: 冲突 2 项、可能漏读 5 项.
func (b *book) reviewCounts() string {
	n := map[string]int{}
	for _, r := range b.reviews {
		n[r.item.Reason]++
	}
	var parts []string
	for _, reason := range model.ReviewReasons {
		if n[reason] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d 项", reviewReasonNames[reason], n[reason]))
		}
	}
	return strings.Join(parts, "、")
}

// maxReviewLinks bounds the links of the 待核对 sheet, under Excel's
// 65,530 a sheet.
const maxReviewLinks = 65000

func (wb *workbook) writeReview() error {
	w := wb.sheet(reviewSheet)
	facts := "没有待核对的项目"
	if len(wb.reviews) > 0 {
		facts = fmt.Sprintf("共 %d 项：%s。在“更正”列填写正确数值（如 6.5、6%%左右、3500亿元）、删除或确认，下月运行时用 --corrections 读入本工作簿", len(wb.reviews), wb.reviewCounts())
	}
	w.title("待核对", facts)
	w.height(1, titleHeight)
	for col, h := range reviewHeader {
		w.str(col+1, 2, h, headerStyle)
	}
	w.height(2, headerHeight)
	input := styleSpec{border: true, fill: inputFill, numFmt: "@"}
	links := 0
	for i, r := range wb.reviews {
		row := reviewFirstRow + i
		it := r.item
		ind := wb.cat.Indicator(it.Indicator)
		w.str(revRegion, row, r.reg.Name, textStyle)
		if it.Indicator != "" {
			w.str(revIndicator, row, indicatorName(ind, it.Indicator), textStyle)
		}
		if it.Measure != "" {
			w.str(revMeasure, row, label(measureNames, it.Measure), textStyle)
		}
		if it.Scope != "" {
			w.str(revScope, row, label(scopeNames, it.Scope), textStyle)
		}
		if it.Year != 0 {
			w.int(revYear, row, it.Year, centreStyle)
		}
		if it.Kind != "" {
			w.str(revKind, row, label(kindNames, it.Kind), centreStyle)
		}
		if r.obs != nil {
			spec := textStyle
			at := wb.placed[placeOf(r.reg.Name, r.obs)]
			if at != "" && links < maxReviewLinks {
				spec = styleSpec{border: true, link: true}
				links++
				w.link(revValue, row, at)
			}
			w.str(revValue, row, model.ValueText(r.obs), spec)
		}
		w.long(revReason, row, reviewReasonNames[it.Reason]+"："+wb.say(it.Warning), textStyle)
		w.long(revText, row, it.Text, textStyle)
		w.str(revSource, row, sourceRef(filepath.Base(r.rep.Source.Path), it.Page, it.Line), textStyle)
		w.style(revCorrection, row, input)
		w.style(revNote, row, input)
	}
	last := reviewFirstRow + max(len(wb.reviews), 1) - 1
	w.style(revCorrection, last, input)
	w.style(revNote, last, input)
	w.correctionChoices(revCorrection, reviewFirstRow, last)
	w.fitColumns(2, 0, 0, func(col int) float64 {
		switch col {
		case revReason, revText:
			return 60
		case revCorrection, revNote:
			return 24
		}
		return maxColumn
	})
	w.fitWrapped()

	if w.err == nil {
		for _, col := range []int{revCorrection, revNote} {
			if len(w.widths) < col || w.widths[col-1] < 14 {
				w.width(col, 14) // room to write in
			}
		}
	}
	w.freeze(1, 2)
	w.page(2, 2, 1)
	return w.finish()
}

// correctionChoices offers 删除 and 确认 in a drop-down on the 更正 column,
// which takes any value as well.
func (w *sheetWriter) correctionChoices(col, first, last int) {
	if w.err != nil {
		return
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = w.ref(col, first) + ":" + w.ref(col, last)
	if err := dv.SetDropList([]string{"删除", "确认"}); err != nil {
		w.fail("choices", col, first, err)
		return
	}
	dv.ShowErrorMessage = false // a value is welcome too
	dv.SetInput("更正", "填写正确的数值（6.5、6%左右、3500亿元、第4位），或选“删除”“确认”")
	w.fail("choices", col, first, w.f.AddDataValidation(w.name, dv))
}

// link makes a cell a link to a place in the workbook: 'sheet'!C5.
func (w *sheetWriter) link(col, row int, location string) {
	if w.err != nil {
		return
	}
	ref := w.ref(col, row)
	w.fail("link", col, row, w.f.SetCellHyperLink(w.name, ref, location, "Location"))
}

// place is a figure's cell on its region's sheet.
type place struct {
	region string
	row    rowKey
	year   int
	kind   model.Kind
}

func placeOf(region string, o *model.Observation) place {
	return place{region, rowKey{o.Indicator, o.Measure, o.Scope, o.Unit}, o.Year, o.Kind}
}

// markOf is the mark of a figure's cell: corrected, flagged, or none.
func markOf(f *evaluate.Figure) string {
	switch {
	case f.Corrected != nil:
		return markCorrected
	case len(f.Flags) > 0:
		return markFlag
	}
	return ""
}

// figureNote is the note of a figure cell: its phrase, file and line; why
// it waits for review; and the analyst's correction.
func (b *book) figureNote(kind string, f *evaluate.Figure) string {
	var b2 strings.Builder
	b2.WriteString(noteText(kind, f))
	said := map[string]bool{}
	for _, it := range b.itemsOf[itemPlace{f.File, f.Key()}] {
		fmt.Fprintf(&b2, "\n待核对（%s）：%s", reviewReasonNames[it.Reason], b.say(it.Warning))
		said[it.Reason] = true
	}
	for _, flag := range f.Flags {
		if !said[flag] {
			fmt.Fprintf(&b2, "\n待核对：%s", reviewReasonNames[flag])
		}
	}
	if c := f.Corrected; c != nil {
		fmt.Fprintf(&b2, "\n人工更正：%s（%s 第 %d 行）", cmp.Or(c.Note, "未说明"), c.File, c.Line)
	}
	if c := f.Confirmed; c != nil {
		fmt.Fprintf(&b2, "\n已确认：%s（%s 第 %d 行）", cmp.Or(c.Note, "未说明"), c.File, c.Line)
	}
	return b2.String()
}

// itemPlace keys the review items of a figure: its report and key.
type itemPlace struct {
	file string
	key  model.ObservationKey
}

// indexItems indexes the review items of the reports by figure.
func (b *book) indexItems() {
	b.itemsOf = map[itemPlace][]model.ReviewItem{}
	for _, r := range b.reports {
		for _, it := range r.Review {
			if it.Indicator != "" && it.Measure != "" {
				k := itemPlace{r.Source.Path, it.Key()}
				b.itemsOf[k] = append(b.itemsOf[k], it)
			}
		}
	}
}

// The 更正 sheet: the corrections this run read, so that the workbook
// carries them to the next run, which reads them with --corrections
// before the rows of 待核对 (whose newer rows win). Its columns are those
// ReadCorrections reads, and 来自: the file and line each came from.
var correctionHeader = []string{"地区", "指标", "口径", "范围", "年份", "实际/目标", "更正", "说明", "原文", "文件:行", "来自"}

func (wb *workbook) writeCorrections() error {
	w := wb.sheet(correctionSheet)
	rows := wb.corrections.File.Rows
	res := wb.corrections.Result
	w.title("更正", fmt.Sprintf("读自 %s：%d 条；更正 %d、补录 %d、删除 %d、确认 %d，本次未读到其报告 %d，有误 %d",
		filepath.Base(wb.corrections.File.Path), len(rows), res.Corrected, res.Added, res.Deleted, res.Confirmed, len(res.Skipped), len(res.Errors)))
	w.height(1, titleHeight)
	for col, h := range correctionHeader {
		w.str(col+1, 2, h, headerStyle)
	}
	w.height(2, headerHeight)
	text := styleSpec{border: true, numFmt: "@"}
	for i, c := range rows {
		row := reviewFirstRow + i
		ind := wb.cat.Indicator(c.Indicator)
		cells := []string{c.Region, "", "", "", "", label(kindNames, c.Kind), correctionText(c), c.Note, c.Text, "", c.Source + ":" + strconv.Itoa(c.Line)}
		if c.Indicator != "" {
			cells[1] = indicatorName(ind, c.Indicator)
		}
		cells[2] = label(measureNames, c.Measure)
		cells[3] = label(scopeNames, c.Scope)
		if c.Year != 0 {
			cells[4] = strconv.Itoa(c.Year)
		}
		if c.File != "" {
			cells[9] = c.File
			if c.FileLine > 0 {
				cells[9] += ":" + strconv.Itoa(c.FileLine)
			}
		}
		for col, v := range cells {
			w.str(col+1, row, v, text)
		}
	}
	w.fitColumns(2, 0, 0, func(col int) float64 {
		if col == 9 {
			return 60
		}
		return maxColumn
	})
	w.freeze(1, 2)
	w.page(2, 2, 1)
	return w.finish()
}

// correctionText writes a correction's 更正 the way ReadCorrections reads
// it back: 删除, 确认, or the value with its qualifier and unit.
func correctionText(c evaluate.CorrectionRow) string {
	switch c.Action {
	case evaluate.CorrectDelete:
		return "删除"
	case evaluate.CorrectConfirm:
		return "确认"
	}
	return model.ValueText(&model.Observation{Measure: c.Measure, Value: c.Value, High: c.High, Unit: c.Unit, Qualifier: c.Qualifier})
}
