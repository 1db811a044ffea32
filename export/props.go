package export

import (
	"archive/zip"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// Document properties and the dates inside the file. excelize starts from
// a template that says the author is "xuri" and the workbook was created on
// 2006-09-16, and archive/zip leaves entry times empty; the workbook says
// zhibiao and the as-of date everywhere instead, never the clock.

const (
	bookTitle   = "指标汇总"
	bookSubject = "政府工作报告主要经济指标及目标完成情况"
	creator     = "zhibiao"
)

func (wb *workbook) writeProperties() error {
	stamp := wb.asOf.Format("2006-01-02T15:04:05Z")
	var names []string
	for _, reg := range wb.regions {
		names = append(names, reg.Name)
	}
	err := wb.f.SetDocProps(&excelize.DocProperties{
		Title:          bookTitle,
		Subject:        bookSubject,
		Creator:        creator,
		LastModifiedBy: creator,
		Keywords:       strings.Join(append([]string{"政府工作报告", "经济指标"}, names...), ";"),
		Description:    fmt.Sprintf("%d 份报告，%d 个地区，数据截至 %s", len(wb.reports), len(wb.regions), wb.asOf.Format("2006-01-02")),
		Language:       "zh-CN",
		Created:        stamp,
		Modified:       stamp,
	})
	if err != nil {
		return fmt.Errorf("document properties: %w", err)
	}
	if err := wb.f.SetAppProps(&excelize.AppProperties{Application: creator}); err != nil {
		return fmt.Errorf("application properties: %w", err)
	}
	return nil
}

// stampedZip is a zip writer whose entries carry a fixed modification time.
type stampedZip struct {
	*zip.Writer
	modified time.Time
}

// stampedZipWriter returns an excelize zip writer that dates every entry t.
func stampedZipWriter(t time.Time) func(io.Writer) excelize.ZipWriter {
	return func(w io.Writer) excelize.ZipWriter {
		return stampedZip{Writer: zip.NewWriter(w), modified: t.UTC()}
	}
}

// Create adds a compressed entry dated with the fixed time.
func (z stampedZip) Create(name string) (io.Writer, error) {
	return z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: z.modified})
}
