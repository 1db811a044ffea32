package export

import (
	"bytes"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestSheetPolicies: the seeds (新乡市, its district 牧野区, and 焦作市) under
// each sheet policy: which sheets there are, and which regions a shared
// sheet's 地区 column names.
func TestSheetPolicies(t *testing.T) {
	inputs := seedInputs(t)
	for _, c := range []struct {
		policy  string
		sheets  []string
		regions map[string][]string // shared sheet → its regions, in order
	}{
		{"", []string{"概览", "待核对", "对比", "新乡市", "牧野区", "焦作市", "明细", "来源"}, nil},
		{SheetsRegion, []string{"概览", "待核对", "对比", "新乡市", "牧野区", "焦作市", "明细", "来源"}, nil},
		{SheetsPrefecture, []string{"概览", "待核对", "对比", "新乡市", "焦作市", "明细", "来源"},
			map[string][]string{"新乡市": {"新乡市", "牧野区"}, "焦作市": {"焦作市"}}},
		{SheetsProvince, []string{"概览", "待核对", "对比", "河南省", "明细", "来源"},
			map[string][]string{"河南省": {"新乡市", "牧野区", "焦作市"}}},
		{SheetsNone, []string{"概览", "待核对", "对比", "明细", "来源"}, nil},
	} {
		var buf bytes.Buffer
		if err := WriteWorkbook(&buf, inputs, WorkbookOptions{AsOf: demoAsOf, Sheets: c.policy}); err != nil {
			t.Fatalf("%q: %v", c.policy, err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		if got := f.GetSheetList(); !slices.Equal(got, c.sheets) {
			t.Errorf("%q: sheets %v, want %v", c.policy, got, c.sheets)
		}
		for sheet, want := range c.regions {
			rows, err := f.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) < regionFirstRow || rows[1][0] != "地区" {
				t.Errorf("%q: sheet %s has no 地区 column", c.policy, sheet)
				continue
			}
			var got []string
			for _, row := range rows[regionFirstRow-1:] {
				if len(row) > 0 && (len(got) == 0 || got[len(got)-1] != row[0]) {
					got = append(got, row[0])
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("%q: sheet %s holds %v, want %v in turn", c.policy, sheet, got, want)
			}
		}
		f.Close()
	}
	if err := WriteWorkbook(&bytes.Buffer{}, inputs, WorkbookOptions{Sheets: "county"}); err == nil {
		t.Errorf("an unknown sheet policy was accepted")
	}
}
