package export

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"strings"
	"zhibiao/extract/document"
	"zhibiao/extract/model"

	"github.com/xuri/excelize/v2"
)

// Bounds on a workbook read back (a previous month's, a template, a filled
// 待核对 sheet): a workbook of a million rows inflates to some hundreds of
// MiB, so anything past these is no workbook of zhibiao's or its user's,
// and is refused before it takes the machine's memory.
const (
	maxWorkbookFile = 512 << 20 // bytes of the .xlsx itself
	maxUnzipped     = 2 << 30   // bytes of all its parts, inflated
	maxPartXML      = 1 << 30   // bytes of one part's XML kept in memory
)

// openWorkbook opens an .xlsx for reading with the bounds above.
func openWorkbook(path string) (*excelize.File, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, model.Errorf(path, 0, "not a regular file")
	}
	if fi.Size() > maxWorkbookFile {
		return nil, model.Errorf(path, 0, "%d MiB, more than the %d MiB a workbook may have", fi.Size()>>20, maxWorkbookFile>>20).Because(document.ErrTooLarge)
	}
	return excelize.OpenFile(path, workbookLimits())
}

// openWorkbookReader opens an .xlsx held in r with the bounds above.
func openWorkbookReader(r io.Reader) (*excelize.File, error) {
	return excelize.OpenReader(r, workbookLimits())
}

func workbookLimits() excelize.Options {
	return excelize.Options{UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: maxPartXML}
}

// SourceRow is one input a workbook's 来源 sheet lists: its file, whether
// it was read, and the SHA-256 of its bytes.
type SourceRow struct {
	File   string
	Read   bool
	SHA256 string
}

// ReadSources reads the 来源 sheet of a workbook zhibiao wrote. It fails
// when the file is no such workbook.
func ReadSources(path string) ([]SourceRow, error) {
	f, err := openWorkbook(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission) {
			return nil, err
		}
		return nil, model.Errorf(path, 0, "not an Excel workbook (.xlsx)").Because(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sourceSheet, excelize.Options{RawCellValue: true})
	if err != nil || len(rows) == 0 {
		return nil, model.Errorf(path, 0, "no %s sheet; is it a workbook zhibiao wrote?", sourceSheet)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[strings.TrimSpace(h)] = i
	}
	for _, h := range []string{sourceHeader[srcFile-1], sourceHeader[srcStatus-1], sourceHeader[srcSHA256-1]} {
		if _, ok := col[h]; !ok {
			return nil, model.Errorf(path, 0, "the %s sheet has no column %s; is it a workbook zhibiao wrote?", sourceSheet, h)
		}
	}
	at := func(row []string, h string) string {
		if i := col[h]; i < len(row) {
			return strings.TrimSpace(row[i])
		}
		return ""
	}
	var out []SourceRow
	for _, row := range rows[1:] {
		file := at(row, sourceHeader[srcFile-1])
		if file == "" {
			continue
		}
		out = append(out, SourceRow{File: file, Read: at(row, sourceHeader[srcStatus-1]) == "已读", SHA256: at(row, sourceHeader[srcSHA256-1])})
	}
	return out, nil
}
