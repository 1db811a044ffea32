package evaluate

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"zhibiao/extract/catalogue"
	"zhibiao/extract/model"
)

// An analyst's corrections: rows that each key a figure of a region and
// say what it is (a value), that it is wrong (删除) or that it is right
// (确认). They are applied after extraction and before evaluation, on
// every run, so that a correction made once is kept month after month.

// Actions of a correction.
const (
	CorrectValue   = "value"   // the figure is this value; added when the report's figure was missed
	CorrectDelete  = "delete"  // the figure is no figure of the indicator
	CorrectConfirm = "confirm" // the figure is right: do not flag it again
)

// CorrectionRow is one row of a corrections file, read.
type CorrectionRow struct {
	Source    string // the corrections file, and its sheet: 指标汇总.xlsx:待核对
	Line      int    // of the corrections file
	Region    string
	Indicator string        // an id; "" for a row of the report's region
	Measure   model.Measure // "" for a row of a sentence left unread
	Scope     model.Scope
	Year      int
	Kind      model.Kind
	Action    string
	Value     *float64
	High      *float64
	Unit      string
	Qualifier model.Qualifier
	Note      string // 说明
	Text      string // 原文, when the row gives it
	File      string // the report's file, when the row gives it (文件:行)
	FileLine  int    // and the line
}

// Key is the observation key the row names.
func (c *CorrectionRow) Key() model.ObservationKey {
	return model.ObservationKey{Indicator: c.Indicator, Measure: c.Measure, Kind: c.Kind, Scope: c.Scope, Year: c.Year}
}

// CorrectionResult counts what applying corrections did. Rows of a region
// or report this run did not read are skipped, not wrong: a corrections
// file is kept over many runs.
type CorrectionResult struct {
	Corrected, Added, Deleted, Confirmed int
	Skipped                              []CorrectionRow
	Errors                               model.ErrorList // at the row's line
}

// ApplyCorrections applies the rows of an analyst's corrections to the
// reports: a value replaces the figure's in every report that states it
// (or is added to the report of that year when none does), 删除 removes
// it, 确认 keeps it and clears its flags. The review items a row settles
// go. A row that names no figure the reports have is an error at its line.
func ApplyCorrections(reports []*model.Report, rows []CorrectionRow) CorrectionResult {
	var res CorrectionResult
	fail := func(row CorrectionRow, w model.Warning) {
		res.Errors = append(res.Errors, &model.FileError{Path: row.Source, Warning: w})
	}
	for _, row := range rows {
		mine := reportsOf(reports, row.Region)
		if len(mine) == 0 {
			if _, known := model.RegionByName(row.Region); known || knownShortName(row.Region) {
				res.Skipped = append(res.Skipped, row)
			} else {
				fail(row, model.Warnf(row.Line, "no region %s among the reports, nor in GB/T 2260", row.Region))
			}
			continue
		}
		source := &model.Correction{File: row.Source, Line: row.Line, Note: row.Note}
		var w model.Warning
		var ok bool
		switch {
		case row.Indicator == "":
			ok, w = confirmRegion(mine, row)
			if ok {
				res.Confirmed++
			}
		case row.Measure == "" || row.Year == 0:
			ok, w = confirmUnread(mine, row)
			if ok {
				res.Confirmed++
			}
		default:
			ok, w = applyRow(mine, row, source, &res)
			if !ok && row.Action == CorrectConfirm {
				// the row of a sentence left unread, its 口径 and 年份
				// given: nothing was taken to confirm
				if done, _ := confirmUnread(mine, row); done {
					ok = true
					res.Confirmed++
				}
			}
		}
		if !ok {
			fail(row, w)
		}
	}
	return res
}

// reportsOf returns the reports of a region named by its name, its label
// (鼓楼区（南京市）) or, when one region of the reports has it, its short
// name (新乡).
func reportsOf(reports []*model.Report, name string) []*model.Report {
	name = strings.TrimSpace(name)
	var exact, short []*model.Report
	shortRegions := map[string]bool{}
	for _, r := range reports {
		switch exactly, shortly := r.Region.Answers(name); {
		case exactly:
			exact = append(exact, r)
		case shortly:
			short = append(short, r)
			shortRegions[r.Region.Label()] = true
		}
	}
	if len(exact) > 0 {
		return exact
	}
	if len(shortRegions) == 1 {
		return short
	}
	return nil
}

// knownShortName reports whether a name is the short name of a division.
func knownShortName(name string) bool {
	for _, suffix := range []string{"市", "县", "区", "省"} {
		if _, ok := model.RegionByName(name + suffix); ok {
			return true
		}
	}
	return false
}

// confirmRegion settles the doubt of a report's region: 确认 only.
func confirmRegion(mine []*model.Report, row CorrectionRow) (bool, model.Warning) {
	if row.Action != CorrectConfirm {
		return false, model.Warnf(row.Line, "a row without an indicator can only confirm the region (确认); to name another region, use --region or a manifest")
	}
	done := false
	for _, r := range mine {
		if row.File != "" && filepath.Base(r.Source.Path) != row.File {
			continue
		}
		n := len(r.Review)
		r.Review = slices.DeleteFunc(r.Review, func(it model.ReviewItem) bool { return it.Reason == model.ReviewRegion })
		if len(r.Review) < n {
			done = true
			for i := range r.Observations {
				unflag(&r.Observations[i], model.ReviewRegion)
			}
		}
	}
	if !done {
		return false, model.Warnf(row.Line, "no doubt of the region of %s to confirm", row.Region)
	}
	return true, model.Warning{}
}

// confirmUnread settles the items of sentences left unread that a row
// names: by indicator, and by the sentence when the row gives it.
func confirmUnread(mine []*model.Report, row CorrectionRow) (bool, model.Warning) {
	if row.Action != CorrectConfirm {
		return false, model.Warnf(row.Line, "to give a figure, say its 口径, 年份 and 实际/目标")
	}
	done := false
	for _, r := range mine {
		n := len(r.Review)
		r.Review = slices.DeleteFunc(r.Review, func(it model.ReviewItem) bool {
			return it.Reason == model.ReviewUnread && it.Indicator == row.Indicator &&
				(row.Measure == "" || it.Measure == row.Measure) && (row.Kind == "" || it.Kind == row.Kind) &&
				(row.Year == 0 || it.Year == row.Year) &&
				(row.Text == "" || sameText(it.Text, row.Text))
		})
		done = done || len(r.Review) < n
	}
	if !done {
		return false, model.Warnf(row.Line, "no sentence left unread of %s of %s to confirm", row.Indicator, row.Region)
	}
	return true, model.Warning{}
}

// sameText compares a sentence with the one a row quotes, spaces aside.
func sameText(a, b string) bool {
	strip := func(s string) string { return strings.Join(strings.Fields(s), "") }
	return strip(a) == strip(b)
}

// applyRow applies a row that names a figure.
func applyRow(mine []*model.Report, row CorrectionRow, source *model.Correction, res *CorrectionResult) (bool, model.Warning) {
	k := row.Key()
	found := false
	for _, r := range mine {
		here := false
		for i := 0; i < len(r.Observations); i++ {
			o := &r.Observations[i]
			if o.Key() != k {
				continue
			}
			found, here = true, true
			switch row.Action {
			case CorrectDelete:
				r.Observations = slices.Delete(r.Observations, i, i+1)
				i--
			case CorrectConfirm:
				o.Confirmed, o.Flags = source, nil
			default:
				o.Value, o.High, o.Unit, o.Qualifier = row.Value, row.High, row.Unit, row.Qualifier
				o.Corrected, o.Confirmed, o.Flags = source, nil, nil
			}
		}
		if here {
			settle(r, k)
		}
	}
	switch {
	case found && row.Action == CorrectDelete:
		res.Deleted++
	case found && row.Action == CorrectConfirm:
		res.Confirmed++
	case found:
		res.Corrected++
	case row.Action == CorrectDelete:
		return false, model.Warnf(row.Line, "no figure of %s %s %s %s of %s in the reports to delete", row.Indicator, catalogue.MeasureWord(row.Measure), strconv.Itoa(row.Year), row.Kind, row.Region)
	case row.Action == CorrectConfirm:
		return false, model.Warnf(row.Line, "no figure of %s %s %s %s of %s in the reports to confirm", row.Indicator, catalogue.MeasureWord(row.Measure), strconv.Itoa(row.Year), row.Kind, row.Region)
	default:
		host := hostOf(mine, row)
		if host == nil {
			res.Skipped = append(res.Skipped, row)
			return true, model.Warning{}
		}
		text := row.Text
		if text == "" {
			text = "（人工补录）"
		}
		host.Observations = append(host.Observations, model.Observation{
			Indicator: row.Indicator, Measure: row.Measure, Year: row.Year, Kind: row.Kind,
			Value: row.Value, High: row.High, Unit: row.Unit, Qualifier: row.Qualifier, Scope: row.Scope,
			Text: text, Line: row.FileLine, Corrected: source,
		})
		settle(host, k)
		res.Added++
	}
	return true, model.Warning{}
}

// settle removes the review items of a key a correction settled, and the
// items of sentences left unread of the same indicator, measure and kind:
// the figure they may have held is now given.
func settle(r *model.Report, k model.ObservationKey) {
	r.Review = slices.DeleteFunc(r.Review, func(it model.ReviewItem) bool {
		if it.Key() == k {
			return true
		}
		return it.Reason == model.ReviewUnread && it.Indicator == k.Indicator && it.Kind == k.Kind && (it.Measure == "" || it.Measure == k.Measure)
	})
}

// hostOf is the report a missed figure is added to: the one the row names,
// else the region's report of the year after an actual or of a target's
// own year.
func hostOf(mine []*model.Report, row CorrectionRow) *model.Report {
	for _, r := range mine {
		if row.File != "" && filepath.Base(r.Source.Path) == row.File {
			return r
		}
	}
	want := row.Year + 1
	if row.Kind == model.Target {
		want = row.Year
	}
	for _, r := range mine {
		if r.Year == want {
			return r
		}
	}
	return nil
}

// unflag removes a flag of an observation.
func unflag(o *model.Observation, reason string) {
	o.Flags = slices.DeleteFunc(o.Flags, func(f string) bool { return f == reason })
	if len(o.Flags) == 0 {
		o.Flags = nil
	}
}
