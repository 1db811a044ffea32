package export

import (
	"path/filepath"
	"reflect"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestDetailSheetsSplit: observations past a sheet's rows go on in 明细2,
// 明细3 …, each a table of its own, and a later run reads them all back,
// from a workbook built in excelize's model or streamed.
func TestDetailSheetsSplit(t *testing.T) {
	for _, stream := range []bool{false, true} {
		lim := limits{stream: stream, detailRows: 40}
		t.Run(map[bool]string{false: "model", true: "streamed"}[stream], func(t *testing.T) { checkDetailSplit(t, lim) })
	}
}

func checkDetailSplit(t *testing.T, lim limits) {
	inputs := seedInputs(t)
	path := filepath.Join(t.TempDir(), "split.xlsx")
	opt := WorkbookOptions{AsOf: demoAsOf, limits: lim}
	if err := SaveWorkbook(path, inputs, opt); err != nil {
		t.Fatal(err)
	}
	b := newBook(inputs, opt)
	total := len(b.details)
	want := (total + lim.detailRows - 1) / lim.detailRows
	if want < 2 {
		t.Fatalf("only %d observations: the test needs more than one sheet's worth", total)
	}

	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows := 0
	for k := 1; k <= want; k++ {
		sheet, table := detailSheet, detailTable
		if k > 1 {
			sheet, table = sheet+strconv.Itoa(k), table+strconv.Itoa(k)
		}
		got, err := f.GetRows(sheet)
		if err != nil {
			t.Fatalf("sheet %s: %v", sheet, err)
		}
		if len(got) < 2 || len(got)-1 > lim.detailRows || !reflect.DeepEqual(got[0][:len(detailHeader)], detailHeader) {
			t.Errorf("sheet %s: %d rows, header %q", sheet, len(got), got[0])
		}
		rows += len(got) - 1
		tables, err := f.GetTables(sheet)
		if err != nil || len(tables) != 1 || tables[0].Name != table {
			t.Errorf("sheet %s: tables %+v (%v), want one named %s", sheet, tables, err, table)
		}
	}
	if i, _ := f.GetSheetIndex(detailSheet + strconv.Itoa(want+1)); i != -1 {
		t.Errorf("a sheet %s%d too many", detailSheet, want+1)
	}
	if rows != total {
		t.Errorf("%d observation rows in %d sheets, want %d", rows, want, total)
	}

	prev, err := ReadPrevious(path)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := prev, previousOf(b.reports); !reflect.DeepEqual(got, want) {
		t.Errorf("read back %d observations, want %d", len(got), len(want))
	}
}

// TestNotesOnShortSheetsOnly: a sheet longer than maxNotedRows gets no
// notes (they would cost the square of its rows); a shorter one gets all.
func TestNotesOnShortSheetsOnly(t *testing.T) {
	for _, rows := range []int{maxNotedRows, maxNotedRows + 1} {
		f := excelize.NewFile()
		w := &sheetWriter{f: f, name: "Sheet1"}
		w.ref(1, rows)
		w.note(1, 1, "原文")
		if err := w.finish(); err != nil {
			t.Fatal(err)
		}
		notes, err := f.GetComments("Sheet1")
		if err != nil {
			t.Fatal(err)
		}
		if want := rows <= maxNotedRows; (len(notes) == 1) != want {
			t.Errorf("%d rows: %d notes, want notes %v", rows, len(notes), want)
		}
	}
}
