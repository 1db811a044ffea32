package export

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Document properties and the dates inside the file. excelize starts from
// a template that says the author is "xuri" and the workbook was created on
// 2006-09-16, and archive/zip leaves entry times empty; the workbook says
// zhibiao and the as-of date everywhere instead, never the clock.

const (
	maxProperty = 255 // characters of a document property that Office keeps
	bookTitle   = "指标汇总"
	bookSubject = "政府工作报告主要经济指标及目标完成情况"
	creator     = "zhibiao"
)

func (wb *workbook) writeProperties() error {
	stamp := wb.asOf.Format("2006-01-02T15:04:05Z")
	// Office keeps 255 characters of a property: the regions that fit.
	keywords := "政府工作报告;经济指标"
	for _, reg := range wb.regions {
		if utf8.RuneCountInString(keywords)+1+utf8.RuneCountInString(reg.Name) > maxProperty {
			break
		}
		keywords += ";" + reg.Name
	}
	description := fmt.Sprintf("%d 份报告，%d 个地区", len(wb.reports), len(wb.regions))
	if wb.asOfGiven {
		description += "，数据截至 " + wb.asOf.Format("2006-01-02")
	}
	err := wb.f.SetDocProps(&excelize.DocProperties{
		Title:          bookTitle,
		Subject:        bookSubject,
		Creator:        creator,
		LastModifiedBy: creator,
		Keywords:       keywords,
		Description:    description,
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

// stampedZip is a zip writer whose entries carry a fixed modification time
// and come in the order of their names. excelize adds a workbook's
// streamed sheets in the order of a map, which differs from run to run;
// each entry is therefore compressed on its own as it comes, and the
// entries are written out sorted by Close, so that the same workbook gives
// the same bytes.
type stampedZip struct {
	zw       *zip.Writer
	modified time.Time
	entries  []*zipEntry
}

// zipEntry is an entry compressed and waiting for Close.
type zipEntry struct {
	name       string
	compressed bytes.Buffer
	deflate    *flate.Writer
	crc        hash.Hash32
	size       uint64
}

func (e *zipEntry) Write(p []byte) (int, error) {
	e.crc.Write(p)
	e.size += uint64(len(p))
	return e.deflate.Write(p)
}

// stampedZipWriter returns an excelize zip writer that dates every entry t.
func stampedZipWriter(t time.Time) func(io.Writer) excelize.ZipWriter {
	return func(w io.Writer) excelize.ZipWriter {
		return &stampedZip{zw: zip.NewWriter(w), modified: t.UTC()}
	}
}

// Create adds a compressed entry dated with the fixed time.
func (z *stampedZip) Create(name string) (io.Writer, error) {
	e := &zipEntry{name: name, crc: crc32.NewIEEE()}
	var err error
	if e.deflate, err = flate.NewWriter(&e.compressed, flate.DefaultCompression); err != nil {
		return nil, err
	}
	z.entries = append(z.entries, e)
	return e, nil
}

// AddFS is not used by excelize when writing; it adds nothing.
func (z *stampedZip) AddFS(fs.FS) error {
	return errors.New("zip: AddFS is not supported")
}

// Close writes the entries, sorted by name, and the zip's directory.
func (z *stampedZip) Close() error {
	slices.SortFunc(z.entries, func(a, b *zipEntry) int { return strings.Compare(a.name, b.name) })
	for _, e := range z.entries {
		if err := e.deflate.Close(); err != nil {
			return err
		}
		fh := &zip.FileHeader{
			Name: e.name, Method: zip.Deflate,
			CRC32: e.crc.Sum32(), CompressedSize64: uint64(e.compressed.Len()), UncompressedSize64: e.size,
		}
		//lint:ignore SA1019 CreateRaw, unlike CreateHeader, takes the date only in these fields.
		fh.ModifiedDate, fh.ModifiedTime = msDosTime(z.modified)
		w, err := z.zw.CreateRaw(fh)
		if err != nil {
			return err
		}
		if _, err := e.compressed.WriteTo(w); err != nil {
			return err
		}
	}
	return z.zw.Close()
}

// msDosTime is t in the date and time fields of a zip entry (CreateRaw,
// unlike CreateHeader, leaves them to the caller).
func msDosTime(t time.Time) (date, clock uint16) {
	date = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	clock = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	return date, clock
}
