// Package example builds the example fixed-format template shipped in
// templates/examples/月报模板.xlsx: a monthly briefing table of the kind an
// office keeps, whose cells hold zhibiao placeholders, with what a real
// template has — merged title cells, styles and number formats, a logo,
// formulas over the filled figures, a paragraph with figures inside text,
// and a second sheet of instructions. It is generated, not drawn by hand,
// so that it can be reviewed as code and rebuilt byte for byte:
//
//	make examples
package example

import (
	"archive/zip"
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"regexp"
	"slices"
	"time"

	"github.com/xuri/excelize/v2"
)

// Path is where the template is committed, from the module's root.
const Path = "templates/examples/月报模板.xlsx"

// stamp dates the file's entries and properties: fixed, so that the same
// code gives the same bytes.
var stamp = time.Date(2025, time.March, 1, 0, 0, 0, 0, time.UTC)

const (
	font       = "等线"
	sheet      = "月报"
	notesSheet = "说明"
)

// Template returns the bytes of the example template.
func Template() ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return stampedZip{zip.NewWriter(w)} })
	b := &builder{f: f, styles: map[string]int{}}
	b.report()
	b.notes()
	b.properties()
	if b.err != nil {
		return nil, b.err
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("write template: %w", err)
	}
	return sortContentTypes(buf.Bytes())
}

var defaultType = regexp.MustCompile(`<Default [^>]*></Default>`)

// sortContentTypes rewrites the package with the file-type entries of
// [Content_Types].xml in order: excelize adds those of pictures from a map,
// in an order that changes from run to run.
func sortContentTypes(data []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("reread template: %w", err)
	}
	var buf bytes.Buffer
	zw := stampedZip{zip.NewWriter(&buf)}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			return nil, fmt.Errorf("reread template: %w", err)
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("reread template: %w", err)
		}
		if zf.Name == "[Content_Types].xml" {
			defaults := defaultType.FindAll(body, -1)
			slices.SortFunc(defaults, bytes.Compare)
			i := 0
			body = defaultType.ReplaceAllFunc(body, func([]byte) []byte { i++; return defaults[i-1] })
		}
		w, err := zw.Create(zf.Name)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(body); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// stampedZip dates every entry with stamp.
type stampedZip struct{ *zip.Writer }

func (z stampedZip) Create(name string) (io.Writer, error) {
	return z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: stamp})
}

// builder writes the template; the first error stops it.
type builder struct {
	f      *excelize.File
	styles map[string]int
	err    error
}

func (b *builder) do(err error) {
	if b.err == nil && err != nil {
		b.err = err
	}
}

// style returns a style made once by name.
func (b *builder) style(name string, s *excelize.Style) int {
	if id, ok := b.styles[name]; ok {
		return id
	}
	charset := 134 // GB2312
	if s.Font == nil {
		s.Font = &excelize.Font{}
	}
	s.Font.Family, s.Font.Charset = font, &charset
	if s.Font.Size == 0 {
		s.Font.Size = 11
	}
	id, err := b.f.NewStyle(s)
	b.do(err)
	b.styles[name] = id
	return id
}

func (b *builder) border() []excelize.Border {
	var out []excelize.Border
	for _, side := range []string{"left", "right", "top", "bottom"} {
		out = append(out, excelize.Border{Type: side, Color: "808080", Style: 1})
	}
	return out
}

// Styles of the template.
func (b *builder) title() int {
	return b.style("title", &excelize.Style{Font: &excelize.Font{Bold: true, Size: 18},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
}
func (b *builder) subtitle() int {
	return b.style("subtitle", &excelize.Style{Font: &excelize.Font{Color: "595959", Size: 10},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
}
func (b *builder) header() int {
	return b.style("header", &excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"C00000"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}, Border: b.border()})
}
func (b *builder) text() int {
	return b.style("text", &excelize.Style{Alignment: &excelize.Alignment{Vertical: "center"}, Border: b.border()})
}
func (b *builder) centre() int {
	return b.style("centre", &excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}, Border: b.border()})
}
func (b *builder) number(format string) int {
	return b.style("number "+format, &excelize.Style{CustomNumFmt: &format,
		Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}, Border: b.border()})
}
func (b *builder) paragraph() int {
	return b.style("paragraph", &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
}
func (b *builder) small() int {
	return b.style("small", &excelize.Style{Font: &excelize.Font{Color: "595959", Size: 9},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
}

// set writes a value and its style.
func (b *builder) set(sheet, ref string, v any, style int) {
	b.do(b.f.SetCellValue(sheet, ref, v))
	b.do(b.f.SetCellStyle(sheet, ref, ref, style))
}

// formula writes a formula and its style.
func (b *builder) formula(sheet, ref, formula string, style int) {
	b.do(b.f.SetCellFormula(sheet, ref, formula))
	b.do(b.f.SetCellStyle(sheet, ref, ref, style))
}

// merge merges a range and styles it whole.
func (b *builder) merge(sheet, from, to string, style int) {
	b.do(b.f.MergeCell(sheet, from, to))
	b.do(b.f.SetCellStyle(sheet, from, to, style))
}

// Formats of the figures: percentages are stored as 4.9, not 0.049.
const (
	percent = `0.0"%"`
	amount  = `#,##0.0`
	gap     = `+0.0;-0.0;0.0`
	count   = `0`
)

// rows of the table: an indicator's measure, its unit, the number format,
// and the words of its placeholders — Chinese names on some rows, ids on
// others, as a clerk may write either.
var rows = []struct {
	label, unit, format, words string
}{
	{"地区生产总值增速", "%", percent, "地区生产总值 增速"},
	{"规模以上工业增加值增速", "%", percent, "industry_value_added growth"},
	{"固定资产投资增速", "%", percent, "固定资产投资增速"},
	{"社会消费品零售总额增速", "%", percent, "retail_sales growth"},
	{"城镇新增就业", "万人", amount, "城镇新增就业"},
}

// report writes the briefing sheet.
func (b *builder) report() {
	f := b.f
	b.do(f.SetSheetName("Sheet1", sheet))
	b.do(f.SetDefaultFont(font))
	for i, w := range []float64{26, 8, 12, 12, 12, 10, 14} {
		col, _ := excelize.ColumnNumberToName(i + 1)
		b.do(f.SetColWidth(sheet, col, col, w))
	}

	b.set(sheet, "A1", "新乡市2024年主要经济指标完成情况", b.title())
	b.merge(sheet, "A1", "F1", b.title())
	b.do(f.SetRowHeight(sheet, 1, 36))
	b.do(f.AddPictureFromBytes(sheet, "G1", &excelize.Picture{
		Extension: ".png", File: logo(), InsertType: excelize.PictureInsertTypePlaceOverCells,
		Format: &excelize.GraphicOptions{AltText: "徽标", OffsetX: 8, OffsetY: 4, LockAspectRatio: true, Positioning: "oneCell"},
	}))
	b.set(sheet, "A2", "数据来源：政府工作报告（由 zhibiao 填写）　单位：%、万人", b.subtitle())
	b.merge(sheet, "A2", "G2", b.subtitle())

	for i, h := range []string{"指标", "单位", "2024年目标", "2024年实际", "完成情况", "差距", "实际减目标（公式）"} {
		ref, _ := excelize.CoordinatesToCellName(i+1, 4)
		b.set(sheet, ref, h, b.header())
	}
	b.do(f.SetRowHeight(sheet, 4, 30))
	first := 5
	for i, r := range rows {
		row := first + i
		cell := func(col string) string { return fmt.Sprintf("%s%d", col, row) }
		ph := func(tail string) string { return "{{新乡市 " + r.words + " 2024 " + tail + "}}" }
		b.set(sheet, cell("A"), r.label, b.text())
		b.set(sheet, cell("B"), r.unit, b.centre())
		b.set(sheet, cell("C"), ph("目标"), b.number(r.format))
		b.set(sheet, cell("D"), ph("实际"), b.number(r.format))
		b.set(sheet, cell("E"), ph("完成情况"), b.centre())
		b.set(sheet, cell("F"), ph("差距"), b.number(gap))
		b.formula(sheet, cell("G"), fmt.Sprintf(`IF(AND(ISNUMBER(C%[1]d),ISNUMBER(D%[1]d)),D%[1]d-C%[1]d,"")`, row), b.number(gap))
	}
	last := first + len(rows) - 1
	total := last + 1
	b.set(sheet, fmt.Sprintf("A%d", total), "完成目标的指标数", b.text())
	b.merge(sheet, fmt.Sprintf("A%d", total), fmt.Sprintf("D%d", total), b.text())
	b.formula(sheet, fmt.Sprintf("E%d", total), fmt.Sprintf(`COUNTIF(E%d:E%d,"完成")`, first, last), b.number(count))
	b.set(sheet, fmt.Sprintf("F%d", total), "", b.text())
	b.merge(sheet, fmt.Sprintf("F%d", total), fmt.Sprintf("G%d", total), b.text())

	// Figures inside text.
	p := total + 2
	b.set(sheet, fmt.Sprintf("A%d", p), "2024年，新乡市完成地区生产总值{{新乡市 地区生产总值 2024 实际}}，"+
		"增长{{新乡市 gdp growth 2024 actual}}，预期目标为{{新乡市 地区生产总值增速 2024 目标}}，"+
		"{{新乡市 地区生产总值增速 2024 差距}}；城镇新增就业{{新乡市 城镇新增就业 2024 实际}}，"+
		"{{新乡市 城镇新增就业 2024 完成情况}}全年目标。", b.paragraph())
	b.merge(sheet, fmt.Sprintf("A%d", p), fmt.Sprintf("G%d", p+2), b.paragraph())
	b.set(sheet, fmt.Sprintf("A%d", p+3), "原文：“{{新乡市 地区生产总值增速 2024 实际 原文}}”（{{新乡市 地区生产总值增速 2024 实际 出处}}）", b.small())
	b.merge(sheet, fmt.Sprintf("A%d", p+3), fmt.Sprintf("G%d", p+3), b.small())

	// The regions compared.
	c := p + 5
	for i, h := range []string{"地区", "2024年增速目标", "目标（文字）", "2023年增速全省排名"} {
		ref, _ := excelize.CoordinatesToCellName(i+1, c)
		b.set(sheet, ref, h, b.header())
	}
	b.do(f.SetRowHeight(sheet, c, 30))
	regions := []struct{ name, label, rank string }{
		{"新乡市", "新乡市", ""},
		{"牧野区", "其中：牧野区", ""}, // a district of 新乡市, under its city
		{"焦作市", "焦作市", "{{焦作市 地区生产总值增速全省排名 2023 实际}}"},
	}
	for i, r := range regions {
		row := c + 1 + i
		b.set(sheet, fmt.Sprintf("A%d", row), r.label, b.text())
		b.set(sheet, fmt.Sprintf("B%d", row), "{{"+r.name+" gdp growth 2024 target}}", b.number(percent))
		b.set(sheet, fmt.Sprintf("C%d", row), "{{"+r.name+" gdp growth 2024 target 文字}}", b.centre())
		rank := r.rank
		if rank == "" {
			rank = "—"
		}
		b.set(sheet, fmt.Sprintf("D%d", row), rank, b.number(`"第"0"位"`))
	}
	avg := c + 1 + len(regions)
	// The cities' average: a district is part of its city, and is not
	// averaged with it.
	b.set(sheet, fmt.Sprintf("A%d", avg), "两市平均", b.text())
	b.formula(sheet, fmt.Sprintf("B%d", avg), fmt.Sprintf("AVERAGE(B%d,B%d)", c+1, c+3), b.number(`0.00"%"`))
	b.set(sheet, fmt.Sprintf("C%d", avg), "", b.text())
	b.set(sheet, fmt.Sprintf("D%d", avg), "", b.text())

	b.set(sheet, fmt.Sprintf("A%d", avg+2), `占位符的写法见“说明”表。在花括号前加 \ 可让它原样保留，如 \{{地区 指标 年份 实际}}`, b.small())
	b.merge(sheet, fmt.Sprintf("A%d", avg+2), fmt.Sprintf("G%d", avg+2), b.small())

	b.do(f.SetSheetDimension(sheet, fmt.Sprintf("A1:G%d", avg+2)))
	orientation, size := "landscape", 9
	b.do(f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &orientation, Size: &size}))
	b.do(f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: "&C第 &P 页 共 &N 页"}))
}

// notes writes the sheet of instructions.
func (b *builder) notes() {
	f := b.f
	if _, err := f.NewSheet(notesSheet); err != nil {
		b.do(err)
		return
	}
	// A column a portrait page prints whole, the lines wrapped in it.
	const width = 80
	b.do(f.SetColWidth(notesSheet, "A", "A", width))
	fit, one := true, 1
	b.do(f.SetSheetProps(notesSheet, &excelize.SheetPropsOptions{FitToPage: &fit}))
	b.do(f.SetPageLayout(notesSheet, &excelize.PageLayoutOptions{FitToWidth: &one}))
	lines := []string{
		"这是 zhibiao 固定格式报表的示例模板。用法：zhibiao fill --template 月报模板.xlsx -o 月报.xlsx 报告文件夹",
		`占位符写在单元格中，用两层花括号括起，各项之间用空格分开：\{{地区 指标 [口径] 年份 实际或目标 [内容]}}`,
		`例：\{{新乡市 地区生产总值 增速 2024 实际}}　\{{新乡市 gdp growth 2024 target}}　\{{新乡市 地区生产总值增速 2024 完成情况}}`,
		"地区写在最前面；指标可写名称（地区生产总值）、代码（gdp）或表中的行名（地区生产总值增速、地区生产总值全省排名）。",
		"口径：总量、增速、比率、排名、增速排名；只写指标时为总量（失业率、涨幅等本身就是比率或增速的指标除外）。",
		"内容：数值（默认）、文字（如 6%左右）、完成情况、差距、原文、出处、单位。完成情况和差距不必写实际或目标。",
		"单元格中只有一个占位符时填入数字，保留单元格的格式；占位符在文字中间时替换为文字。",
		"找不到的占位符原样保留并报告（退出状态为 1），不会被悄悄清空。",
	}
	for i, l := range lines {
		b.set(notesSheet, fmt.Sprintf("A%d", i+1), l, b.paragraph())
		cells := 0 // the width of the line: a Chinese character takes two
		for _, r := range l {
			cells++
			if r >= 0x2E80 {
				cells++
			}
		}
		b.do(f.SetRowHeight(notesSheet, i+1, 15*float64((cells+width-3)/(width-2))))
	}
	b.do(f.SetSheetDimension(notesSheet, fmt.Sprintf("A1:A%d", len(lines))))
}

// properties sets the document properties, dated with stamp.
func (b *builder) properties() {
	date := stamp.Format("2006-01-02T15:04:05Z")
	b.do(b.f.SetDocProps(&excelize.DocProperties{
		Title: "月报模板", Subject: "zhibiao 固定格式报表示例", Creator: "zhibiao", LastModifiedBy: "zhibiao",
		Language: "zh-CN", Created: date, Modified: date,
	}))
	b.do(b.f.SetAppProps(&excelize.AppProperties{Application: "zhibiao"}))
	b.f.SetActiveSheet(0)
}

// logo draws a small picture for the title's corner: a red seal-like
// square with a white bar, as an office's logo might sit there.
func logo() []byte {
	const w, h = 48, 48
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	red := color.RGBA{0xC0, 0x00, 0x00, 0xFF}
	for y := range h {
		for x := range w {
			c := color.RGBA{}
			edge := x < 3 || y < 3 || x >= w-3 || y >= h-3
			bar := y >= 20 && y < 28 && x >= 10 && x < w-10
			switch {
			case edge:
				c = red
			case bar:
				c = red
			}
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	return buf.Bytes()
}
