// Package export writes zhibiao's model: as JSON and as the tab-separated
// table of `zhibiao extract --format tsv`, and as Excel workbooks.
package export

import (
	"bufio"
	"encoding/json"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"zhibiao/extract/evaluate"
	"zhibiao/extract/model"
)

// Model is what `zhibiao extract` prints: the reports read, and the errors
// of the inputs that could not be read.
type Model struct {
	Reports     []*model.Report       `json:"reports"`
	Evaluations []evaluate.Evaluation `json:"evaluations"`
	Errors      []string              `json:"errors,omitempty"`
}

// WriteJSON writes the model as indented JSON.
func WriteJSON(w io.Writer, m *Model) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(m)
}

// TSVHeader is the first line of the TSV form.
const TSVHeader = "file\tregion\tindicator\tyear\tkind\tmeasure\tvalue\thigh\tunit\tqualifier\tscope\ttext\tline\tflags"

// WriteTSV writes one line per observation in the columns of TSVHeader;
// flags are the observation's review reasons, comma-separated.
// Values are plain decimals; tabs and line breaks in the text become spaces.
func WriteTSV(w io.Writer, reports []*model.Report) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(TSVHeader + "\n")
	for _, r := range reports {
		file := filepath.Base(r.Source.Path)
		for _, o := range r.Observations {
			fields := []string{
				file, r.Region.Name, o.Indicator, strconv.Itoa(o.Year), string(o.Kind), string(o.Measure),
				FormatNumber(o.Value), FormatNumber(o.High), o.Unit, string(o.Qualifier), string(o.Scope),
				cleanField(o.Text), strconv.Itoa(o.Line), strings.Join(o.Flags, ","),
			}
			bw.WriteString(strings.Join(fields, "\t"))
			bw.WriteByte('\n')
		}
	}
	return bw.Flush()
}

// FormatNumber writes a value in plain decimal, without exponent; "" for nil.
func FormatNumber(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

func cleanField(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}
