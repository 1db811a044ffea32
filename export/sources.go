package export

import (
	"fmt"
	"strings"

	"zhibiao/extract"
)

// The 来源 sheet: each input file, read or not, with what was read from it
// and the warnings and errors it gave.

var sourceHeader = []string{
	"文件", "状态", "地区", "层级", "上级", "报告年份", "标题", "格式", "编码", "文字", "SHA-256", "观测数", "警告", "错误",
}

var scriptNames = map[string]string{"simplified": "简体", "traditional": "繁体"}

// sourceText bounds the columns of long text: title, warnings and errors;
// a SHA-256 is shown whole.
const (
	sourceText = 40
	hashWidth  = 70
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
		w.str(1, row, path, plain)
		if in.Err != nil || r == nil {
			msg := "没有读到报告"
			if in.Err != nil {
				msg = in.Err.Error()
			}
			w.str(2, row, "失败", failed)
			w.str(14, row, msg, failed)
			continue
		}
		w.str(2, row, "已读", plain)
		w.str(3, row, regionName(r), plain)
		w.str(4, row, label(levelNames, r.Region.Level), plain)
		w.str(5, row, r.Region.Parent, plain)
		if r.Year != 0 {
			w.int(6, row, r.Year, styleSpec{numFmt: yearFormat, border: true})
		}
		w.str(7, row, r.Title, plain)
		w.str(8, row, r.Source.Format, plain)
		w.str(9, row, r.Source.Encoding, plain)
		w.str(10, row, label(scriptNames, r.Source.Script), plain)
		w.str(11, row, r.Source.SHA256, plain)
		w.int(12, row, len(r.Observations), styleSpec{numFmt: countFormat, border: true})
		w.str(13, row, warningsText(r.Warnings), plain)
	}
	w.fitColumns(1, 0, 0, func(col int) float64 {
		switch col {
		case 7, 13, 14:
			return sourceText
		case 11:
			return hashWidth
		}
		return maxColumn
	})
	w.freeze(1, 1)
	w.page(1, 1, 1)
	return w.finish()
}

// warningsText joins a report's warnings in one cell: 第 3 行：…；….
func warningsText(ws []extract.Warning) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.Message
		if w.Line > 0 {
			parts[i] = fmt.Sprintf("第 %d 行：%s", w.Line, w.Message)
		}
	}
	return strings.Join(parts, "；")
}
