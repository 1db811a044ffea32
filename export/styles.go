package export

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// The workbook's font: 等线 with the GB2312 charset, which Excel and WPS
// on Chinese systems pick for Chinese text. excelize's default is Calibri.
const (
	fontName    = "等线"
	fontCharset = 134 // GB2312
	fontSize    = 11
	titleSize   = 16
	sectionSize = 12
)

// Colours: Excel's own "light red fill with dark red text" and its green
// and yellow siblings, so the sheets look like what users already know.
const (
	missedFill   = "FFC7CE"
	missedText   = "9C0006"
	metFill      = "C6EFCE"
	metText      = "006100"
	nearlyFill   = "FFEB9C"
	nearlyText   = "9C5700"
	headerFill   = "DDEBF7"
	borderColour = "BFBFBF"
	noteColour   = "595959"
	inputFill    = "FFF2CC" // cells for the analyst to fill in
	flagColour   = "C65911" // the border of a figure waiting for review
	fixedColour  = "2F5597" // the border of a figure the analyst corrected
	linkColour   = "0563C1"
)

// Marks of a figure cell, drawn as its border so that a black-and-white
// print keeps them: dashed for a figure on the 待核对 sheet, double for one
// the analyst corrected.
const (
	markFlag      = "flag"
	markCorrected = "corrected"
)

// styleSpec is a cell style as the writer thinks of it.
type styleSpec struct {
	numFmt string  // custom number format, "" for General
	bold   bool    //
	size   float64 // font size, 0 for fontSize
	color  string  // font colour, "" for automatic
	fill   string  // solid fill, "" for none
	align  string  // horizontal alignment, "" for the default
	indent int     // left indent, in steps
	border bool    // thin grey border all round
	mark   string  // markFlag, markCorrected: a border that marks the figure
	link   bool    // underlined in the colour of links
	wrap   bool    // text wraps within the cell
}

// styles creates cell styles once each, and the conditional formats'
// differential styles.
type styles struct {
	f     *excelize.File
	cache map[styleSpec]int

	met, missed, nearly int // differential style ids
}

func newStyles(f *excelize.File) (*styles, error) {
	s := &styles{f: f, cache: map[styleSpec]int{}}
	if err := s.setDefaultFont(); err != nil {
		return nil, err
	}
	var err error
	if s.met, err = s.conditional(metFill, metText); err != nil {
		return nil, err
	}
	if s.missed, err = s.conditional(missedFill, missedText); err != nil {
		return nil, err
	}
	if s.nearly, err = s.conditional(nearlyFill, nearlyText); err != nil {
		return nil, err
	}
	return s, nil
}

// setDefaultFont makes 等线 (GB2312) the font of the Normal style, which
// Excel also measures column widths with. SetDefaultFont sets the name only;
// the charset is taken over from a cell style's font that carries it.
func (s *styles) setDefaultFont() error {
	if err := s.f.SetDefaultFont(fontName); err != nil {
		return fmt.Errorf("set default font: %w", err)
	}
	id, err := s.get(styleSpec{})
	if err != nil {
		return err
	}
	st := s.f.Styles
	if st == nil || st.Fonts == nil || st.CellXfs == nil || id >= len(st.CellXfs.Xf) || st.CellXfs.Xf[id].FontID == nil {
		return fmt.Errorf("set default font: style sheet not loaded")
	}
	fonts := st.Fonts.Font
	fonts[0].Charset = fonts[*st.CellXfs.Xf[id].FontID].Charset
	return nil
}

// font is the font of a style: always 等线 with its charset.
func font(spec styleSpec) *excelize.Font {
	charset := fontCharset
	size := spec.size
	if size == 0 {
		size = fontSize
	}
	f := &excelize.Font{Family: fontName, Charset: &charset, Size: size, Bold: spec.bold, Color: spec.color}
	if spec.link {
		f.Color, f.Underline = linkColour, "single"
	}
	return f
}

// get returns the id of a style, creating it the first time.
func (s *styles) get(spec styleSpec) (int, error) {
	if id, ok := s.cache[spec]; ok {
		return id, nil
	}
	st := &excelize.Style{Font: font(spec)}
	if spec.numFmt != "" {
		st.CustomNumFmt = &spec.numFmt
	}
	if spec.fill != "" {
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{spec.fill}}
	}
	st.Alignment = &excelize.Alignment{Horizontal: spec.align, Indent: spec.indent, Vertical: "center", WrapText: spec.wrap}
	if spec.border || spec.mark != "" {
		colour, style := borderColour, 1
		switch spec.mark {
		case markFlag:
			colour, style = flagColour, 8 // medium dashed
		case markCorrected:
			colour, style = fixedColour, 6 // double
		}
		for _, side := range []string{"left", "right", "top", "bottom"} {
			st.Border = append(st.Border, excelize.Border{Type: side, Color: colour, Style: style})
		}
	}
	id, err := s.f.NewStyle(st)
	if err != nil {
		return 0, fmt.Errorf("cell style %+v: %w", spec, err)
	}
	s.cache[spec] = id
	return id, nil
}

// conditional creates the differential style of a conditional format.
func (s *styles) conditional(fill, text string) (int, error) {
	id, err := s.f.NewConditionalStyle(&excelize.Style{
		Font: &excelize.Font{Color: text},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fill}},
	})
	if err != nil {
		return 0, fmt.Errorf("conditional style: %w", err)
	}
	return id, nil
}

// Common styles of the sheets.
var (
	titleStyle   = styleSpec{bold: true, size: titleSize}
	sectionStyle = styleSpec{bold: true, size: sectionSize}
	headerStyle  = styleSpec{bold: true, fill: headerFill, align: "center", border: true}
	textStyle    = styleSpec{border: true}
	centreStyle  = styleSpec{border: true, align: "center"}
	noteStyle    = styleSpec{color: noteColour}
	labelStyle   = styleSpec{bold: true}
)
