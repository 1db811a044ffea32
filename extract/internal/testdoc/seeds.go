package testdoc

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// TraditionalSeed is the seed report written in Traditional script.
const TraditionalSeed = "001_ad040a272685ffdb.txt"

// DecodeSeed is a seed report: its file name and its text.
type DecodeSeed struct {
	Name string
	Text string
}

// SeedDir is the directory of the seed reports, testdata/seeds at the
// top of the module, wherever the test runs.
func SeedDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "testdata", "seeds")
}

// Seeds reads the seed reports.
func Seeds(tb testing.TB) []DecodeSeed {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join(SeedDir(), "*.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	if len(paths) == 0 {
		tb.Fatal("no seed reports in " + SeedDir())
	}
	var seeds []DecodeSeed
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		if !utf8.Valid(b) {
			tb.Fatalf("%s: seed is not UTF-8", p)
		}
		seeds = append(seeds, DecodeSeed{filepath.Base(p), string(b)})
	}
	return seeds
}

// MustEncode encodes s in e, or fails the test.
func MustEncode(tb testing.TB, e encoding.Encoding, s string) []byte {
	tb.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		tb.Fatalf("encode: %v", err)
	}
	return b
}

// Encodable is s without the runes e cannot encode.
func Encodable(e encoding.Encoding, s string) string {
	enc := e.NewEncoder()
	var b strings.Builder
	for _, r := range s {
		if _, err := enc.String(string(r)); err == nil {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Encoded is one encoding of a text, as a test case makes them: name of the form, the
// encoding Decode must find, the bytes, and the text Decode must give back.
type Encoded struct {
	Form, Want string
	Data       []byte
	Text       string
}

// EncodeAll writes a text in each encoding a report may come in: UTF-8
// with and without a BOM, UTF-16 of both orders, GB18030, GBK and, for a
// Traditional text, Big5.
func EncodeAll(tb testing.TB, text string, traditional bool) []Encoded {
	tb.Helper()
	cases := []Encoded{
		{"utf-8", "utf-8", []byte(text), text},
		{"utf-8 bom", "utf-8", append([]byte("\xef\xbb\xbf"), text...), text},
		{"utf-16le bom", "utf-16le", MustEncode(tb, UTF16LEBOM, text), text},
		{"utf-16be bom", "utf-16be", MustEncode(tb, UTF16BEBOM, text), text},
		{"gb18030", "gb18030", MustEncode(tb, simplifiedchinese.GB18030, text), text},
	}
	if gbk, err := simplifiedchinese.GBK.NewEncoder().String(text); err == nil {
		cases = append(cases, Encoded{"gbk", "gb18030", []byte(gbk), text})
	}
	if traditional {
		// Big5 cannot encode every character of a Traditional text either:
		// those it cannot are left out of the text before encoding.
		lossy := Encodable(traditionalchinese.Big5, text)
		cases = append(cases, Encoded{"big5", "big5", MustEncode(tb, traditionalchinese.Big5, lossy), lossy})
	}
	return cases
}

// Lines returns the lines of a seed's text without Markdown marks, as
// they should appear in the text of the same report in another form.
func Lines(text string) []string {
	var out []string
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimLeft(line, "# ")
		line = strings.TrimPrefix(line, "- ")
		line = strings.TrimSpace(strings.ReplaceAll(line, "**", ""))
		if line != "" {
			out = append(out, line)
		}
	}
	return out
}

// UTF-16 of both byte orders, with a BOM.
var (
	UTF16LEBOM = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	UTF16BEBOM = unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
)
