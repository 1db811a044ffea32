package evaluate

import (
	"maps"
	"testing"
	"zhibiao/extract/catalogue"
	"zhibiao/extract/model"
)

func f64(v float64) *float64 { return &v }

func TestJudge(t *testing.T) {
	up := &catalogue.Indicator{ID: "gdp", Direction: "up"}
	down := &catalogue.Indicator{ID: "cpi", Direction: "down"}
	actual := func(v float64) *Figure { return &Figure{Observation: model.Observation{Value: f64(v)}} }
	target := func(v float64, q model.Qualifier) model.Observation {
		return model.Observation{Measure: model.Growth, Value: f64(v), Qualifier: q}
	}
	for _, c := range []struct {
		name   string
		target model.Observation
		actual *Figure
		ind    *catalogue.Indicator
		tol    float64
		status Status
		gap    float64
	}{
		{"up exact missed", target(6, model.Exact), actual(4.9), up, 0, Missed, -1.1},
		{"up exact met", target(8, model.Exact), actual(8.9), up, 0, Met, 0.9},
		{"up equal met", target(8, model.Exact), actual(8), up, 0, Met, 0},
		{"down about met", target(3, model.About), actual(0.2), down, 0, Met, -2.8},
		{"down about missed", target(2, model.About), actual(2.5), down, 0, Missed, 0.5},
		{"at_most on up", target(5.5, model.AtMost), actual(5.1), up, 0, Met, -0.4},
		{"at_least on down", target(-3, model.AtMost), actual(-3.5), down, 0, Met, -0.5},
		{"about within tolerance", target(7.5, model.About), actual(7.4), up, 0.2, NearlyMet, -0.1},
		{"about beyond tolerance", target(7.5, model.About), actual(7.0), up, 0.2, Missed, -0.5},
		{"exact not eased", target(7.5, model.Exact), actual(7.4), up, 0.2, Missed, -0.1},
		{"range up uses low end", model.Observation{Measure: model.Growth, Value: f64(5), High: f64(5.5), Qualifier: model.Range}, actual(5.2), up, 0, Met, 0.2},
	} {
		status, gap := judge(c.target, c.actual, c.ind, c.tol)
		if status != c.status || gap == nil || *gap != c.gap {
			t.Errorf("%s: %s %v, want %s %v", c.name, status, gap, c.status, c.gap)
		}
	}
	if s, g := judge(model.Observation{Qualifier: model.Qualitative}, actual(1), up, 0); s != NotApplied || g != nil {
		t.Errorf("qualitative: %s %v", s, g)
	}
	if s, g := judge(target(6, model.Exact), nil, up, 0); s != Pending || g != nil {
		t.Errorf("no actual: %s %v", s, g)
	}
}

// TestNotStated: a target without its actual is pending while the
// region's report of the following year is not read, and not stated once
// it is and says nothing of it; another region's report changes nothing.
func TestNotStated(t *testing.T) {
	target := func(ind string) model.Observation {
		return model.Observation{Indicator: ind, Measure: model.Growth, Year: 2024, Kind: model.Target, Value: f64(6), Unit: "%", Qualifier: model.Exact}
	}
	report := func(name string, year int, obs ...model.Observation) *model.Report {
		return &model.Report{Region: model.Region{Name: name, Level: model.Prefecture}, Year: year, Observations: obs}
	}
	reports := []*model.Report{
		report("新乡市", 2024, target("gdp"), target("retail_sales")),
		report("新乡市", 2025, model.Observation{Indicator: "gdp", Measure: model.Growth, Year: 2024, Kind: model.Actual, Value: f64(4.9), Unit: "%", Qualifier: model.Exact}),
		report("焦作市", 2024, target("gdp")),
		report("安阳市", 2025), // another region's report of 2025
	}
	got := map[string]Status{}
	for _, e := range Evaluate(reports, nil, 0) {
		got[e.Region+" "+e.Indicator] = e.Status
	}
	want := map[string]Status{"新乡市 gdp": Missed, "新乡市 retail_sales": NotStated, "焦作市 gdp": Pending}
	if !maps.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
