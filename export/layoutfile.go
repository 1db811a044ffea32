package export

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"zhibiao/extract/document"
	"zhibiao/extract/model"
	"zhibiao/templates"
)

// A layout says what the region sheets and the 对比 sheet show: which
// indicators and measures, in what order and groups, for which years, and
// the sheets' titles. It is a JSON file; templates/layout.json is the
// built-in one. A layout file gives only what it changes: the fields it
// leaves out keep their built-in values.
//
//	{
//	  "regions": {
//	    "title": "{地区}主要经济指标",
//	    "years": "2023-2025",
//	    "groups": [
//	      {"name": "经济总量", "rows": ["gdp", "规模以上工业增加值 增速"]}
//	    ],
//	    "others": false
//	  },
//	  "compare": {
//	    "sheet": "对比",
//	    "title": "{年份}年主要指标对比",
//	    "emptyTitle": "主要指标对比",
//	    "year": 2024,
//	    "columns": ["gdp", "retail_sales", "城镇调查失业率"]
//	  }
//	}
//
// A row or column names an indicator, and perhaps a measure, a rank's
// scope and a unit, in the words of names.go. On a region sheet an
// indicator alone stands for all its measures that have figures; on the
// 对比 sheet for the measure its targets take.

// Layout is a workbook layout.
type Layout struct {
	Note    string        `json:"note,omitempty"` // free text, for the reader of the file
	Regions RegionLayout  `json:"regions"`
	Compare CompareLayout `json:"compare"`

	name  string     // the file, for messages
	index *jsonIndex // where its values are; nil for the built-in layout
	only  []string   // --indicators: these items alone, in this order
	years *yearSpan  // --years
}

// RegionLayout is the layout of the region sheets.
type RegionLayout struct {
	// Title is the title in A1; {地区} (or {region}) is the region's name.
	Title string `json:"title"`
	// Years are the years shown: "2023-2025", "2024", "2023-" (from
	// 2023 on), or "" for every year with figures. A number is a year.
	Years json.RawMessage `json:"years,omitempty"`
	// Groups are the rows, group by group; a group's name is shown in
	// the first column.
	Groups []RowGroup `json:"groups"`
	// Others shows the figures of indicators no group lists after the
	// listed ones of their catalogue group, or at the end.
	Others bool `json:"others"`
}

// RowGroup is a group of rows of the region sheets.
type RowGroup struct {
	Name string   `json:"name"`
	Rows []string `json:"rows"`
}

// CompareLayout is the layout of the 对比 sheet.
type CompareLayout struct {
	Sheet      string   `json:"sheet"`      // the sheet's name
	Title      string   `json:"title"`      // {年份} (or {year}) is the year compared
	EmptyTitle string   `json:"emptyTitle"` // the title when there is nothing to compare
	Year       int      `json:"year"`       // 0: the year most regions have targets for
	Columns    []string `json:"columns"`    // the column blocks, in order
	Others     bool     `json:"others"`     // core indicators no column names follow, in catalogue order
}

// layoutMaxSize bounds a layout file.
const layoutMaxSize = 4 << 20

// DefaultLayout returns the built-in layout of templates/layout.json, a
// copy the caller may change.
func DefaultLayout() *Layout { return defaultLayout().clone() }

var defaultLayout = sync.OnceValue(func() *Layout {
	l, err := parseLayout("templates/layout.json", builtinLayout(), nil)
	if err != nil {
		panic(err) // the built-in layout is checked by its tests
	}
	l.index = nil
	return l
})

// clone copies a layout, its lists included.
func (l *Layout) clone() *Layout {
	c := *l
	c.Regions.Groups = make([]RowGroup, len(l.Regions.Groups))
	for i, g := range l.Regions.Groups {
		c.Regions.Groups[i] = RowGroup{Name: g.Name, Rows: append([]string(nil), g.Rows...)}
	}
	c.Regions.Years = append(json.RawMessage(nil), l.Regions.Years...)
	c.Compare.Columns = append([]string(nil), l.Compare.Columns...)
	c.only = append([]string(nil), l.only...)
	return &c
}

// builtinLayout is the text of templates/layout.json.
var builtinLayout = sync.OnceValue(func() string {
	data, err := templates.Files.ReadFile("layout.json")
	if err != nil {
		panic(err)
	}
	return string(data)
})

// LoadLayout reads a layout file.
func LoadLayout(path string) (*Layout, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseLayout(path, data)
}

// maxTitle bounds the text of a title or a group's name: a cell of Excel
// holds 32,767 characters, and a region's name or a year is put into a
// title.
const maxTitle = 32767 - 100

// ParseLayout reads a layout from its JSON text, over the built-in one.
// name is used in messages, which are *extract.FileError at a line and
// column: a syntax error, an unknown field, a value of the wrong type, a
// year range that is not one.
func ParseLayout(name string, data []byte) (*Layout, error) {
	if len(data) > layoutMaxSize {
		return nil, model.ReadError(name, fmt.Errorf("%w: more than %d MiB", document.ErrTooLarge, layoutMaxSize>>20))
	}
	dec, err := document.Decode(data)
	if err != nil {
		return nil, model.ReadError(name, err)
	}
	return parseLayout(name, dec.Text, DefaultLayout())
}

// parseLayout decodes text over base (nil: over nothing).
func parseLayout(name, text string, base *Layout) (*Layout, error) {
	l := &Layout{}
	if base != nil {
		l = base.clone()
	}
	l.name = name
	fail := func(off int, w model.Warning) error {
		line, col := lineCol(text, off)
		w.Line = line
		return &model.FileError{Path: name, Col: col, Warning: w}
	}
	if strings.TrimSpace(text) == "" {
		return nil, &model.FileError{Path: name, Warning: model.Warnf(0, "empty layout: it must be a JSON object { … }")}
	}
	// The text is decoded on its own first, for its mistakes; then over the
	// base, whose lists the text's own lists replace whole (encoding/json
	// would decode a list's items over the base's items).
	off, err := decodeStrict(text, &Layout{})
	if err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return nil, fail(off, model.Warnf(0, "not valid JSON: %s", se.Error()))
		case errors.Is(err, errTrailing):
			return nil, fail(off, model.Warnf(0, "more text after the layout's closing }"))
		case errors.Is(err, io.ErrUnexpectedEOF):
			return nil, fail(len(text), model.Warnf(0, "the layout ends too early: a } or ] is missing"))
		}
		ix, ierr := indexJSON(text, reflect.TypeFor[Layout]())
		if ierr != nil {
			return nil, fail(off, model.Warnf(0, "not valid JSON: %s", err.Error()))
		}
		switch {
		case errors.As(err, &te):
			start, ok := ix.ends[off]
			if !ok {
				start = off
			}
			path := ix.pathAt(start, te.Field)
			if path == "" {
				path, start = "layout", ix.skip(0) // not an object at all
			}
			return nil, fail(start, typeWarning(path, te.Type))
		case ix.keyAt >= 0:
			return nil, fail(ix.keyAt, model.Warnf(0, "unknown field %q (see the built-in layout: zhibiao layout)", ix.unknown))
		}
		return nil, fail(off, model.Warnf(0, "not valid JSON: %s", err.Error()))
	}
	ix, err := indexJSON(text, reflect.TypeFor[Layout]())
	if err != nil {
		return nil, fail(0, model.Warnf(0, "not valid JSON: %s", err.Error()))
	}
	if _, ok := ix.values["regions.groups"]; ok {
		l.Regions.Groups = nil
	}
	if _, ok := ix.values["compare.columns"]; ok {
		l.Compare.Columns = nil
	}
	if err := json.Unmarshal([]byte(text), l); err != nil {
		return nil, fail(0, model.Warnf(0, "not valid JSON: %s", err.Error()))
	}
	l.index = ix
	if raw, ok := ix.values["regions.years"]; ok {
		if _, err := parseYearsJSON(l.Regions.Years); err != nil {
			return nil, fail(raw, model.Warnf(0, "years must be a year (2024) or a range (2023-2025), not %s", string(l.Regions.Years)))
		}
	}
	for i, g := range l.Regions.Groups {
		if strings.TrimSpace(g.Name) == "" {
			return nil, fail(ix.at(fmt.Sprintf("regions.groups[%d]", i)), model.Warnf(0, "a group needs a name"))
		}
		if utf8.RuneCountInString(g.Name) > maxTitle {
			return nil, fail(ix.at(fmt.Sprintf("regions.groups[%d]", i)), model.Warnf(0, "%s has %d characters, more than the %d a cell holds", "name", utf8.RuneCountInString(g.Name), maxTitle))
		}
	}
	for _, t := range []struct{ path, text string }{
		{"regions.title", l.Regions.Title}, {"compare.title", l.Compare.Title}, {"compare.emptyTitle", l.Compare.EmptyTitle},
	} {
		// A title is a cell's text, with a region's name or a year put in.
		if n := utf8.RuneCountInString(t.text); n > maxTitle {
			return nil, fail(ix.at(t.path), model.Warnf(0, "%s has %d characters, more than the %d a cell holds", t.path, n, maxTitle))
		}
	}
	if c := l.Compare; c.Year != 0 && (c.Year < 1949 || c.Year > 2100) {
		return nil, fail(ix.at("compare.year"), model.Warnf(0, "year %d is not between 1949 and 2100", c.Year))
	}
	if s := l.Compare.Sheet; !validSheetName(s) {
		return nil, fail(ix.at("compare.sheet"), model.Warnf(0, "%q cannot name the 对比 sheet: at most 31 characters, none of []:*?/\\, not the name of another sheet", s))
	}
	return l, nil
}

// typeWarning says that the value at path has the wrong type.
func typeWarning(path string, t reflect.Type) model.Warning {
	switch t.Kind() {
	case reflect.String:
		return model.Warnf(0, "%s must be text in quotes", path)
	case reflect.Int, reflect.Int64:
		return model.Warnf(0, "%s must be a whole number", path)
	case reflect.Bool:
		return model.Warnf(0, "%s must be true or false", path)
	case reflect.Slice:
		return model.Warnf(0, "%s must be a list [ … ]", path)
	}
	return model.Warnf(0, "%s must be an object { … }", path)
}

// at returns the offset of the value at path, or of the nearest enclosing
// value the text gives.
func (ix *jsonIndex) at(path string) int {
	for {
		if off, ok := ix.values[path]; ok {
			return off
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			return 0
		}
		path = path[:i]
	}
}

// pathAt returns the path of the value starting at off, or field.
func (ix *jsonIndex) pathAt(off int, field string) string {
	for p, o := range ix.values {
		if o == off && p != "" {
			return p
		}
	}
	return field
}

// given reports whether the layout file gives the value at path; values
// it does not give are the built-in layout's.
func (l *Layout) given(path string) (int, bool) {
	if l.index == nil {
		return 0, false
	}
	off, ok := l.index.values[path]
	return off, ok
}

// fail makes the error of a value at path of the layout file.
func (l *Layout) fail(off int, w model.Warning) error {
	line, col := lineCol(l.index.text, off)
	w.Line = line
	return &model.FileError{Path: l.name, Col: col, Warning: w}
}

// validSheetName reports whether s can name the 对比 sheet.
func validSheetName(s string) bool {
	if s == "" || len([]rune(s)) > maxSheetName || strings.ContainsAny(s, `[]:*?/\`) ||
		strings.HasPrefix(s, "'") || strings.HasSuffix(s, "'") {
		return false
	}
	for _, taken := range []string{overviewSheet, changeSheet, detailSheet, sourceSheet, "History"} {
		if strings.EqualFold(s, taken) {
			return false
		}
	}
	return true
}

// DefaultLayoutJSON returns the text of the built-in layout, to start a
// layout file from.
func DefaultLayoutJSON() string { return builtinLayout() }

// SetYears makes the region sheets show the years of span: 2024,
// 2023-2025, 2023- (from 2023 on), -2025.
func (l *Layout) SetYears(span string) error {
	y, ok := parseYears(span)
	if !ok {
		return fmt.Errorf("%q is not a year (2024) or a range of years (2023-2025)", span)
	}
	l.years = &y
	return nil
}

// SetIndicators makes the region sheets and the 对比 sheet show these
// items alone, in this order (see CheckItem).
func (l *Layout) SetIndicators(items []string) { l.only = items }

// yearSpan is a range of years, both ends included; 0 is an open end.
type yearSpan struct{ from, to int }

func (s yearSpan) has(y int) bool {
	return (s.from == 0 || y >= s.from) && (s.to == 0 || y <= s.to)
}

// parseYears reads 2024, 2023-2025, 2023-, -2025; "" is every year.
func parseYears(s string) (yearSpan, bool) {
	s = fold(s)
	if s == "" || s == "all" || s == "全部" {
		return yearSpan{}, true
	}
	s = strings.NewReplacer("年", "", "—", "-", "–", "-", "~", "-", "～", "-", "至", "-", "到", "-").Replace(s)
	from, to, isRange := strings.Cut(s, "-")
	year := func(t string) (int, bool) {
		t = strings.TrimSpace(t)
		if t == "" {
			return 0, true
		}
		y, err := strconv.Atoi(t)
		return y, err == nil && y >= 1949 && y <= 2100
	}
	a, okA := year(from)
	b, okB := year(to)
	if !isRange {
		return yearSpan{a, a}, okA && a != 0
	}
	if !okA || !okB || (a == 0 && b == 0) || (a != 0 && b != 0 && a > b) {
		return yearSpan{}, false
	}
	return yearSpan{a, b}, true
}

// parseYearsJSON reads the years of a layout: a string, a number or null.
func parseYearsJSON(raw json.RawMessage) (yearSpan, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return yearSpan{}, nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		var n int
		if err := json.Unmarshal(raw, &n); err != nil {
			return yearSpan{}, err
		}
		s = strconv.Itoa(n)
	}
	y, ok := parseYears(s)
	if !ok {
		return yearSpan{}, fmt.Errorf("not a year range: %s", raw)
	}
	return y, nil
}
