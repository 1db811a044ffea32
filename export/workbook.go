package export

import (
	"cmp"
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"zhibiao/extract/catalogue"
	"zhibiao/extract/evaluate"
	"zhibiao/extract/model"
)

// WorkbookOptions are the options of a workbook.
type WorkbookOptions struct {
	// Year is the year of the 对比 sheet; 0 is the layout's year, and
	// failing that the year for which most regions have targets, the later
	// on a tie.
	Year int
	// AsOf is stamped in the document properties and the file's entries;
	// zero is 1 January of the latest report year, never the clock, so that
	// the same inputs give the same bytes.
	AsOf time.Time
	// Tolerance is passed to extract.Evaluate: a missed 左右 target within
	// it is 基本完成.
	Tolerance float64
	// Catalogue is the indicator catalogue; nil is the default one.
	Catalogue *catalogue.Catalogue
	// Layout says what the region sheets and the 对比 sheet show; nil is
	// the built-in layout (DefaultLayout).
	Layout *Layout
	// Previous are the observations of a workbook written before (see
	// ReadPrevious). When it is not nil, even when empty, the workbook gets
	// a 变更 sheet after 概览 listing what was added, changed and removed
	// since, and 概览 gives the counts.
	Previous []PreviousObservation
	// PreviousName is the previous workbook's file name, as the 变更 and
	// 概览 sheets name it.
	PreviousName string
	// Sheets is the policy of region sheets (SheetsAuto, SheetsRegion …);
	// "" is SheetsAuto.
	Sheets string
	// Say words a message of the model (a review item's, a warning) in
	// Chinese, as the workbook shows them; nil writes the English.
	Say func(model.Warning) string
	// SayError words why an input could not be read in Chinese, without
	// its path, as the 来源 sheet shows it; nil writes the English.
	SayError func(error) string
	// Corrections are the analyst's corrections applied to the reports
	// (see extract.ApplyCorrections); the workbook lists them on its 更正
	// sheet, so that it is the corrections file of the next run, and
	// names the file on 来源. nil when none were given.
	Corrections *AppliedCorrections
	// limits are the sizes of a large workbook; tests change them.
	limits limits
}

// AppliedCorrections are a corrections file and what applying it did.
type AppliedCorrections struct {
	File   *CorrectionFile
	Result evaluate.CorrectionResult
}

// Input is one input file: its report, or the error that stopped it.
type Input struct {
	Path   string
	Report *model.Report
	Err    error
}

// WriteWorkbook writes the workbook of the inputs to w (SPEC §5): 概览,
// 变更 (when there is a previous workbook), 待核对, 更正 (when corrections
// were given), 对比, a sheet per region, 明细 and 来源. The same inputs and options give the same bytes.
func WriteWorkbook(w io.Writer, inputs []Input, opt WorkbookOptions) error {
	f, err := render(inputs, opt)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("write workbook: %w", err)
	}
	return nil
}

// workbook is a book being rendered into an excelize file.
type workbook struct {
	*book
	f          *excelize.File
	st         *styles
	shown      *numberShower
	streamed   bool // the sheets are streamed (see sheetWriter)
	detailRows int  // the observations of one 明细 sheet
}

// maxModelObservations is the most observations a workbook may have for its
// sheets to go into excelize's model cell by cell, which takes some 3 s at
// this size; a larger one (past 500 reports or so) is streamed.
const maxModelObservations = 20000

// limits change the sizes at which a workbook is built otherwise, so that
// tests reach those ways with a few reports; the zero value is the
// product's.
type limits struct {
	stream     bool // stream the sheets whatever their size
	detailRows int  // observations of one 明细 sheet; 0 is maxDetailRows
}

// plan resolves the layout against the catalogue.
func (opt WorkbookOptions) plan(cat *catalogue.Catalogue) (*plan, error) {
	l := opt.Layout
	if l == nil {
		l = DefaultLayout()
	}
	return l.resolve(cat)
}

// render builds the workbook in memory.
func render(inputs []Input, opt WorkbookOptions) (*excelize.File, error) {
	cat := opt.Catalogue
	if cat == nil {
		cat = catalogue.DefaultCatalogue()
	}
	if _, err := opt.plan(cat); err != nil {
		return nil, err
	}
	b := newBook(inputs, opt)
	f := excelize.NewFile()
	f.SetZipWriter(stampedZipWriter(b.asOf))
	wb := &workbook{book: b, f: f, shown: newNumberShower()}
	wb.streamed = opt.limits.stream || len(b.details) > maxModelObservations
	wb.detailRows = cmp.Or(opt.limits.detailRows, maxDetailRows)
	if err := wb.build(); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

func (wb *workbook) build() error {
	var err error
	if wb.st, err = newStyles(wb.f); err != nil {
		return err
	}
	if err := wb.f.SetSheetName(wb.f.GetSheetName(0), overviewSheet); err != nil {
		return fmt.Errorf("name sheet %s: %w", overviewSheet, err)
	}
	names := newSheetNamer()
	names.reserve(wb.plan.compareSheet)
	var order []string
	if wb.previous {
		order = append(order, changeSheet)
	}
	order = append(order, reviewSheet)
	if wb.corrections != nil {
		order = append(order, correctionSheet)
	}
	order = append(order, wb.plan.compareSheet)
	sheets, err := wb.regionSheets(wb.sheetPolicy)
	if err != nil {
		return err
	}
	for _, s := range sheets {
		s.name = names.name(s.key)
		order = append(order, s.name)
		for _, reg := range s.regions {
			reg.sheet = s.name
		}
	}
	order = append(order, detailSheets(len(wb.details), wb.detailRows)...)
	order = append(order, sourceSheet)
	for _, name := range order {
		// NewSheet hands back an existing sheet of the same name, in any
		// case, instead of failing: the names must be unique beforehand.
		if i, err := wb.f.GetSheetIndex(name); err != nil || i != -1 {
			return fmt.Errorf("add sheet %s: name taken or invalid (%v)", name, err)
		}
		if _, err := wb.f.NewSheet(name); err != nil {
			return fmt.Errorf("add sheet %s: %w", name, err)
		}
	}
	// Before any sheet is streamed: it marks every sheet's view, and a
	// streamed sheet is no longer held to be marked.
	wb.f.SetActiveSheet(0)
	steps := []func() error{wb.writeOverview}
	if wb.previous {
		steps = append(steps, wb.writeChanges)
	}
	steps = append(steps, wb.writeCompare)
	for _, s := range sheets {
		steps = append(steps, func() error { return wb.writeRegionSheet(s) })
	}
	// 待核对 after the region sheets, whose cells its rows link to.
	steps = append(steps, wb.writeReview)
	if wb.corrections != nil {
		steps = append(steps, wb.writeCorrections)
	}
	steps = append(steps, wb.writeDetails, wb.writeSources, wb.writeProperties)
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}
