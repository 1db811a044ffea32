package export

import (
	"fmt"
	"slices"
	"strings"
	"zhibiao/extract/model"
)

// The 来源 sheet: each input file, read or not, with what was read from it
// and the warnings and errors it gave.

var sourceHeader = []string{
	"文件", "状态", "地区", "层级", "上级", "地区依据", "报告年份", "年份依据", "标题", "格式", "编码", "文字", "SHA-256", "观测数", "警告", "错误",
}

// Columns of the 来源 sheet.
const (
	srcFile = iota + 1
	srcStatus
	srcRegion
	srcLevel
	srcParent
	srcRegionEvidence
	srcYear
	srcYearEvidence
	srcTitle
	srcFormat
	srcEncoding
	srcScript
	srcSHA256
	srcObservations
	srcWarnings
	srcError
)

// evidenceNames say how a region or a year was told.
var evidenceNames = map[string]string{
	model.ByGiven:    "指定",
	model.ByTitle:    "标题",
	model.ByDate:     "会议日期",
	model.ByText:     "自称与地名",
	model.BySections: "回顾与计划的年份",
	model.ByNames:    "仅凭地名（把握不足）",
	model.ByYears:    "仅凭正文年份（把握不足）",
}

// evidenceText says the evidence of a region or a year in a cell:
// 自称与地名：代表市人民政府 2、市委 5、新乡 40；其次 长垣市 2.
func evidenceText(ev *model.Evidence) string {
	if ev == nil {
		return ""
	}
	s := label(evidenceNames, ev.By)
	if sum := ev.Summary(); sum != "" {
		s += "：" + sum
	}
	return s
}

var scriptNames = map[string]string{"simplified": "简体", "traditional": "繁体"}

// sourceText bounds the columns of long text: title, warnings and errors;
// a SHA-256 is shown whole.
const (
	sourceText = 40
	hashWidth  = 34
)

func (wb *workbook) writeSources() error {
	w := wb.sheet(sourceSheet)
	for i, h := range sourceHeader {
		w.str(i+1, 1, h, headerStyle)
	}
	w.height(1, headerHeight)
	plain := styleSpec{border: true}
	failed := styleSpec{border: true, color: missedText}
	for i, in := range wb.inputs {
		row := i + 2
		for col := range sourceHeader {
			w.style(col+1, row, plain)
		}
		r := in.Report
		path := in.Path
		if path == "" && r != nil {
			path = r.Source.Path
		}
		w.str(srcFile, row, path, plain)
		if in.Err != nil || r == nil {
			msg := "没有读到报告"
			if in.Err != nil {
				msg = wb.sayError(in.Err)
			}
			w.str(srcStatus, row, "失败", failed)
			w.long(srcError, row, msg, failed)
			continue
		}
		w.str(srcStatus, row, "已读", plain)
		w.str(srcRegion, row, regionName(r), plain)
		w.str(srcLevel, row, label(levelNames, r.Region.Level), plain)
		w.str(srcParent, row, r.Region.Parent, plain)
		w.long(srcRegionEvidence, row, evidenceText(r.RegionEvidence), plain)
		if r.Year != 0 {
			w.int(srcYear, row, r.Year, styleSpec{numFmt: yearFormat, border: true})
		}
		w.long(srcYearEvidence, row, evidenceText(r.YearEvidence), plain)
		w.long(srcTitle, row, r.Title, plain)
		w.str(srcFormat, row, r.Source.Format, plain)
		w.str(srcEncoding, row, r.Source.Encoding, plain)
		w.str(srcScript, row, label(scriptNames, r.Source.Script), plain)
		w.long(srcSHA256, row, r.Source.SHA256, plain)
		w.int(srcObservations, row, len(r.Observations), styleSpec{numFmt: countFormat, border: true})
		w.long(srcWarnings, row, wb.warningsText(r.Warnings), plain)
	}
	if c := wb.corrections; c != nil {
		wb.correctionSource(w, len(wb.inputs)+2, c)
	}
	w.fitColumns(1, 0, 0, func(col int) float64 {
		switch col {
		case srcTitle, srcWarnings, srcError, srcRegionEvidence, srcYearEvidence:
			return sourceText
		case srcSHA256:
			return hashWidth
		}
		return maxColumn
	})
	w.fitWrapped()

	w.freeze(1, 1)
	w.page(1, 1, 1)
	return w.finish()
}

// warningsText joins a report's warnings in one cell: 第 3 行：…；….
func (b *book) warningsText(ws []model.Warning) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = b.say(w)
		if w.Line > 0 {
			parts[i] = fmt.Sprintf("第 %d 行：%s", w.Line, parts[i])
		}
	}
	return strings.Join(parts, "；")
}

// correctionSource lists the corrections file on a row of 来源: its
// SHA-256, what its rows did, and the rows that could not be applied.
func (wb *workbook) correctionSource(w *sheetWriter, row int, c *AppliedCorrections) {
	plain := styleSpec{border: true}
	for col := range sourceHeader {
		w.style(col+1, row, plain)
	}
	res := c.Result
	w.str(srcFile, row, c.File.Path, plain)
	w.str(srcStatus, row, "更正文件", plain)
	w.long(srcSHA256, row, c.File.SHA256, plain)
	w.int(srcObservations, row, len(c.File.Rows), styleSpec{numFmt: countFormat, border: true})
	w.str(srcWarnings, row, fmt.Sprintf("更正 %d、补录 %d、删除 %d、确认 %d；本次未读到其报告 %d", res.Corrected, res.Added, res.Deleted, res.Confirmed, len(res.Skipped)), plain)
	var errs []string
	all := append(slices.Clone(c.File.Errors), res.Errors...)
	all.Sort() // by line: the file's own mistakes and the rows that could not be applied
	for _, e := range all {
		errs = append(errs, fmt.Sprintf("%s：%s", e.Where(), wb.say(e.Warning)))
	}
	if len(errs) > 0 {
		w.str(srcError, row, strings.Join(errs, "；"), styleSpec{border: true, color: missedText})
	}
}
