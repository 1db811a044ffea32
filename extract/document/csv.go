package document

import (
	"encoding/csv"
	"errors"
	"io"
	"strings"

	"zhibiao/extract/model"
)

// CSVForm says how a CSV file a user writes is read: its separator (','
// when 0), its comment mark (none when 0), and whether leading spaces of
// fields are dropped.
type CSVForm struct {
	Comma, Comment   rune
	TrimLeadingSpace bool
}

// ReadCSV reads the records of the decoded text of a CSV file, each with
// the line it starts on; records may have any number of fields. A text
// that is no valid CSV is a *model.FileError of name at the line where it
// goes wrong.
func ReadCSV(name, text string, form CSVForm) (records [][]string, lines []int, err error) {
	cr := csv.NewReader(strings.NewReader(text))
	if form.Comma != 0 {
		cr.Comma = form.Comma
	}
	cr.Comment = form.Comment
	cr.TrimLeadingSpace = form.TrimLeadingSpace
	cr.FieldsPerRecord = -1
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return records, lines, nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, nil, model.Errorf(name, pe.Line, "not valid CSV: %s", pe.Err.Error())
			}
			return nil, nil, model.ReadError(name, err)
		}
		line, _ := cr.FieldPos(0)
		records, lines = append(records, rec), append(lines, line)
	}
}
