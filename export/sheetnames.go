package export

import (
	"strconv"
	"strings"
	"unicode/utf16"
)

// Names of the fixed sheets, in workbook order around the region sheets.
const (
	overviewSheet   = "概览"
	changeSheet     = "变更" // only when there is a previous workbook
	reviewSheet     = "待核对"
	correctionSheet = "更正" // only when corrections were given
	compareSheet    = "对比"
	detailSheet     = "明细"
	sourceSheet     = "来源"
)

// Excel's rules for a sheet name: at most 31 UTF-16 units, none of
// []:*?/\, not starting or ending with an apostrophe, not History (which
// Excel keeps for itself), unique ignoring case.
const maxSheetName = 31

// sheetNamer hands out valid, unique sheet names.
type sheetNamer struct {
	taken []string
}

func newSheetNamer() *sheetNamer {
	return &sheetNamer{taken: []string{overviewSheet, changeSheet, reviewSheet, correctionSheet, compareSheet, detailSheet, sourceSheet, "History"}}
}

// reserve keeps a name from being handed out.
func (n *sheetNamer) reserve(name string) { n.taken = append(n.taken, name) }

// name returns a valid sheet name for s not yet handed out: forbidden
// characters become _, the name is cut to fit, and a clash gets a number
// ("新乡市 (2)") within the length limit.
func (n *sheetNamer) name(s string) string {
	base := strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || strings.ContainsRune(`[]:*?/\`, r) {
			return '_'
		}
		return r
	}, s)
	base = strings.Trim(base, "' ")
	if base == "" {
		base = "地区"
	}
	name := truncateUTF16(base, maxSheetName)
	for i := 2; n.isTaken(name); i++ {
		suffix := " (" + strconv.Itoa(i) + ")"
		name = truncateUTF16(base, maxSheetName-len(suffix)) + suffix
	}
	n.taken = append(n.taken, name)
	return name
}

func (n *sheetNamer) isTaken(name string) bool {
	for _, t := range n.taken {
		if strings.EqualFold(t, name) {
			return true
		}
	}
	return false
}

// truncateUTF16 cuts s to at most n UTF-16 units without splitting a rune,
// and without leaving an apostrophe or a space at the end.
func truncateUTF16(s string, n int) string {
	units := 0
	for i, r := range s {
		units += utf16.RuneLen(r)
		if units > n {
			return strings.TrimRight(s[:i], "' ")
		}
	}
	return s
}

// quoteSheet quotes a sheet name for a formula or a defined name.
func quoteSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}
