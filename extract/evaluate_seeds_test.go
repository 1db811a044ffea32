package extract

import (
	"path/filepath"
	"testing"
	"zhibiao/extract/evaluate"
	"zhibiao/extract/model"
)

// TestEvaluateSeeds checks 新乡市's 2024 targets (report 000) against its
// 2024 results (report 001), as SPEC §4 lists them.
func TestEvaluateSeeds(t *testing.T) {
	paths, _ := filepath.Glob("../testdata/seeds/*.txt")
	evals := evaluate.Evaluate(extractFiles(t, paths), nil, 0)
	want := map[string]struct {
		status evaluate.Status
		gap    float64
	}{
		"gdp":                    {evaluate.Missed, -1.1},
		"industry_value_added":   {evaluate.Missed, -1},
		"retail_sales":           {evaluate.Missed, -1.2},
		"fixed_asset_investment": {evaluate.Met, 0.9},
	}
	found := 0
	for _, e := range evals {
		if e.Region != "新乡市" || e.Year != 2024 {
			continue
		}
		if w, ok := want[e.Indicator]; ok && e.Measure == model.Growth {
			found++
			if e.Status != w.status || e.Gap == nil || *e.Gap != w.gap {
				t.Errorf("%s: %s %v, want %s %v", e.Indicator, e.Status, e.Gap, w.status, w.gap)
			}
		}
		if e.Indicator == "urban_new_jobs" {
			found++
			if e.Status != evaluate.Met || e.Actual == nil || *e.Actual.Value != 8.3 {
				t.Errorf("urban_new_jobs: %s %+v", e.Status, e.Actual)
			}
		}
		if e.Indicator == "resident_income" && e.Status != evaluate.NotApplied {
			t.Errorf("qualitative resident_income: %s", e.Status)
		}
	}
	if found != 5 {
		t.Errorf("found %d of the 5 evaluations of SPEC §4", found)
	}
}
