package catalogue

import (
	"bytes"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"strings"
	"zhibiao/extract/document"
	"zhibiao/extract/model"
)

// A catalogue is read from a tab-separated file (templates/catalogue.tsv)
// or from a CSV file a spreadsheet can edit (zhibiao indicators --format
// csv writes one). Both have the same columns; a header line names them in
// English or in Chinese. Values may be written as codes (core, up, level,
// yes) or in Chinese (核心, 越高越好, 总量, 是).

// catalogueColumns are the columns of a catalogue, in their order: the
// English name (the TSV's header), the Chinese name (the CSV's header), and
// other names a header may use.
var catalogueColumns = []struct {
	en, zh string
	other  []string
}{
	{"id", "id", []string{"代码", "编号"}},
	{"tier", "层级", []string{"级别"}},
	{"group", "分组", []string{"组"}},
	{"name", "名称", []string{"指标", "指标名称"}},
	{"unit", "单位", nil},
	{"direction", "方向", nil},
	{"measures", "口径", []string{"度量"}},
	{"target", "无数字目标口径", []string{"目标口径"}},
	{"adds", "累加", nil},
	{"aliases", "别名", nil},
	{"enabled", "启用", []string{"是否启用"}},
	{"nominal", "名义增速", nil},
	{"plausible", "合理范围", nil},
}

// Indexes of catalogueColumns.
const (
	colID = iota
	colTier
	colGroup
	colName
	colUnit
	colDirection
	colMeasures
	colTarget
	colAdds
	colAliases
	colEnabled
	colNominal
	colPlausible
	numColumns
)

// columns says which field of a row holds each column, -1 for none; count
// is the number of fields of the header line, 0 without one.
type columns struct {
	at    [numColumns]int
	count int
}

// defaultColumns are the columns of a file without a header line.
func defaultColumns() columns {
	var c columns
	for i := range c.at {
		c.at[i] = i
	}
	return c
}

// readHeader reads a header line. A line is one when its first field names
// a column; then every field must name one, each once, and every column
// but enabled must be there.
func readHeader(fields []string) (columns, bool, error) {
	column := func(s string) int {
		s = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(s, "\ufeff")))
		for i, c := range catalogueColumns {
			if s == c.en || s == c.zh {
				return i
			}
			for _, o := range c.other {
				if s == o {
					return i
				}
			}
		}
		return -1
	}
	if len(fields) == 0 || column(fields[0]) < 0 {
		return columns{}, false, nil
	}
	c := columns{count: len(fields)}
	for i := range c.at {
		c.at[i] = -1
	}
	for i, f := range fields {
		k := column(f)
		switch {
		case k < 0 && strings.TrimSpace(f) == "" && i == len(fields)-1:
			c.count-- // a trailing empty cell
		case k < 0:
			return columns{}, true, lineless(model.Warnf(0, "unknown column %q (the columns are %s)", strings.TrimSpace(f), columnNames()))
		case c.at[k] >= 0:
			return columns{}, true, lineless(model.Warnf(0, "column %q named twice", strings.TrimSpace(f)))
		default:
			c.at[k] = i
		}
	}
	for k, i := range c.at {
		if i < 0 && k < colEnabled {
			return columns{}, true, lineless(model.Warnf(0, "no column %s (%s)", catalogueColumns[k].zh, catalogueColumns[k].en))
		}
	}
	return c, true, nil
}

// columnNames lists the columns as a header line writes them.
func columnNames() string {
	var names []string
	for _, c := range catalogueColumns {
		names = append(names, c.zh)
	}
	return strings.Join(names, ",")
}

// indicator reads one row.
func (c columns) indicator(f []string) (Indicator, error) {
	get := func(k int) string {
		if i := c.at[k]; i >= 0 && i < len(f) {
			return strings.TrimSpace(f[i])
		}
		return ""
	}
	ind := Indicator{ID: get(colID), Tier: get(colTier), Group: get(colGroup), Name: get(colName),
		Unit: get(colUnit), Direction: get(colDirection), Target: model.Measure(get(colTarget))}
	if ind.ID == "" {
		return ind, lineless(model.Warnf(0, "indicator without an id"))
	}
	ind.Tier = word(ind.Tier, map[string]string{"核心": "core", "扩展": "extended"})
	ind.Direction = word(ind.Direction, map[string]string{"越高越好": "up", "越低越好": "down", "越大越好": "up", "越小越好": "down"})
	for _, m := range splitList(get(colMeasures), ",，、 |") {
		code, ok := ParseMeasure(m)
		if !ok {
			code = model.Measure(m) // refused by the check, which names it
		}
		ind.Measures = append(ind.Measures, code)
	}
	if code, ok := ParseMeasure(string(ind.Target)); ok {
		ind.Target = code
	}
	adds, ok := yesNo(get(colAdds), false)
	if !ok {
		return ind, lineless(model.Warnf(0, "adds must be yes or no, not %q", get(colAdds)))
	}
	ind.Adds = adds
	enabled, ok := yesNo(get(colEnabled), true)
	if !ok {
		return ind, lineless(model.Warnf(0, "%s: enabled must be yes or no, not %q", ind.ID, get(colEnabled)))
	}
	ind.Disabled = !enabled
	ind.Aliases = splitList(get(colAliases), "|｜")
	if ind.Nominal, ok = yesNo(get(colNominal), false); !ok {
		return ind, lineless(model.Warnf(0, "%s: nominal must be yes or no, not %q", ind.ID, get(colNominal)))
	}
	var err error
	if ind.Plausible, err = parsePlausible(get(colPlausible)); err != nil {
		return ind, err
	}
	return ind, ind.check()
}

// word returns the code a Chinese word stands for, or s itself.
func word(s string, codes map[string]string) string {
	if code, ok := codes[s]; ok {
		return code
	}
	return strings.ToLower(s)
}

// yesNo reads yes or no (是, 否); an empty field is def.
func yesNo(s string, def bool) (v, ok bool) {
	switch strings.ToLower(s) {
	case "":
		return def, true
	case "yes", "是", "y", "true":
		return true, true
	case "no", "否", "n", "false":
		return false, true
	}
	return false, false
}

// splitList splits a list at any of the separators, dropping empty items.
func splitList(s, seps string) []string {
	var out []string
	for _, item := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(seps, r) }) {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

// MeasureNames are the Chinese names of the measures, as the workbook and
// the catalogue's CSV write them.
var MeasureNames = map[model.Measure]string{
	model.Level:      "总量",
	model.Growth:     "增速",
	model.Rate:       "比率",
	model.Rank:       "排名",
	model.GrowthRank: "增速排名",
}

// ParseMeasure returns the measure a word names: its code (growth), its
// Chinese name (增速), or 占比 and 增长 for a rate and a growth.
func ParseMeasure(s string) (model.Measure, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for code, name := range MeasureNames {
		if s == string(code) || s == name {
			return code, true
		}
	}
	switch s {
	case "占比", "比重", "率":
		return model.Rate, true
	case "增长", "增幅", "增速率":
		return model.Growth, true
	case "位次":
		return model.Rank, true
	}
	return "", false
}

// ParseCatalogueCSV reads a catalogue in the CSV form `zhibiao indicators
// --format csv` writes: a header line naming the columns (Chinese or
// English), then an indicator a row. The text may be UTF-8, with or
// without a byte order mark, or GBK, as a spreadsheet on a Chinese system
// saves it. Empty rows and rows starting with # are skipped. name is used
// in messages (name:line: message), which are *FileError.
func ParseCatalogueCSV(name string, r io.Reader) (*Catalogue, error) {
	text, sum, err := readCatalogueText(name, r)
	if err != nil {
		return nil, err
	}
	records, lines, err := document.ReadCSV(name, text, document.CSVForm{Comment: '#'})
	if err != nil {
		return nil, err
	}
	var rows []catalogueRow
	for i, rec := range records {
		if strings.TrimSpace(strings.Join(rec, "")) == "" {
			continue
		}
		rows = append(rows, catalogueRow{line: lines[i], fields: rec})
	}
	return buildCatalogue(name, rows, sum, true)
}

// LoadCatalogue reads the catalogue file at path: CSV when its name ends
// in .csv, tab-separated when in .tsv or .txt, and otherwise told by its
// first line.
func LoadCatalogue(path string) (*Catalogue, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	csvForm := false
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		csvForm = true
	case ".tsv", ".txt":
	default:
		first, _, _ := bytes.Cut(data, []byte("\n"))
		csvForm = !bytes.Contains(first, []byte("\t"))
	}
	if csvForm {
		return ParseCatalogueCSV(path, bytes.NewReader(data))
	}
	return ParseCatalogue(path, bytes.NewReader(data))
}

// ChineseWords are the Chinese of the codes of tiers and directions, as
// the catalogue's CSV writes them.
var ChineseWords = map[string]string{"core": "核心", "extended": "扩展", "up": "越高越好", "down": "越低越好"}

// ChineseAlias writes an alias with the measure it implies in Chinese:
// 经济增长=增速.
func ChineseAlias(a string) string { return chineseAlias(a) }

// WriteCatalogueCSV writes the catalogue as a CSV file a spreadsheet opens
// cleanly (UTF-8 with a byte order mark, CRLF line ends), with a Chinese
// header line and Chinese values, every indicator, switched off or not.
// ParseCatalogueCSV reads it back.
func WriteCatalogueCSV(w io.Writer, c *Catalogue) error {
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	cw := csv.NewWriter(&buf)
	cw.UseCRLF = true
	header := make([]string, len(catalogueColumns))
	for i, col := range catalogueColumns {
		header[i] = col.zh
	}
	cw.Write(header)
	zh := ChineseWords
	yes := map[bool]string{true: "是", false: "否"}
	for _, ind := range c.Indicators {
		measures := make([]string, len(ind.Measures))
		for i, m := range ind.Measures {
			measures[i] = MeasureNames[m]
		}
		aliases := make([]string, len(ind.Aliases))
		for i, a := range ind.Aliases {
			aliases[i] = chineseAlias(a)
		}
		cw.Write([]string{ind.ID, zh[ind.Tier], ind.Group, ind.Name, ind.Unit, zh[ind.Direction],
			strings.Join(measures, "、"), MeasureNames[ind.Target], yes[ind.Adds], strings.Join(aliases, "|"), yes[!ind.Disabled],
			yes[ind.Nominal], plausibleText(ind.Plausible, true)})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// chineseAlias writes the measure an alias implies in Chinese: 经济增长=增速.
func chineseAlias(a string) string {
	name, after, hasAfter := strings.Cut(a, "@")
	name, measure, ok := strings.Cut(name, "=")
	if ok {
		if code, known := ParseMeasure(measure); known {
			name += "=" + MeasureNames[code]
		} else {
			name += "=" + measure
		}
	}
	if hasAfter {
		name += "@" + after
	}
	return name
}

// MeasureWord names a measure in the words of a report.
func MeasureWord(m model.Measure) string {
	if s, ok := MeasureNames[m]; ok {
		return s
	}
	return string(m)
}
