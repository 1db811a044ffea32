package export

import (
	"testing"
	"zhibiao/extract/evaluate"
	"zhibiao/extract/model"
)

func TestFigureFormat(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	tests := []struct {
		v         float64
		unit      string
		qualifier model.Qualifier
		measure   model.Measure
		other     *float64
		low       bool
		want      string
	}{
		{6, "%", model.Exact, model.Growth, nil, true, `#,##0"%"`},
		{6, "%", model.About, model.Growth, nil, true, `#,##0"%左右"`},
		{2.77, "%", model.Exact, model.Rate, nil, true, `#,##0.00"%"`},
		{5.5, "%", model.AtMost, model.Rate, nil, true, `#,##0.0"%以内"`},
		{3569.7, "亿元", model.Exact, model.Level, nil, true, `#,##0.0"亿元"`},
		{450, "万吨", model.AtLeast, model.Level, nil, true, `#,##0"万吨以上"`},
		{0.8317, "万人", model.Exact, model.Level, nil, true, `#,##0.00"万人"`},
		{1.23456789, "万人", model.Exact, model.Level, nil, true, `#,##0.00"万人"`},
		{25000, "元", model.Exact, model.Level, nil, true, `#,##0"元"`},
		{4, "位", model.Exact, model.Rank, nil, true, `"第"#,##0"位"`},
		{-3, "%", model.AtMost, model.Growth, nil, true, `#,##0"%以内";"下降"#,##0"%以上"`},
		{-3, "%", model.AtLeast, model.Growth, nil, true, `#,##0"%以上";"下降"#,##0"%以内"`},
		{-2.1, "%", model.Exact, model.Growth, nil, true, `#,##0.0"%"`},
		{6.5, "%", model.Range, model.Growth, f(7), true, `#,##0.0"—7.0%"`},
		{5.5, "%", model.Range, model.Rate, f(5), false, `"5.0—"#,##0.0"%"`},
	}
	for _, tt := range tests {
		got := figureFormat(tt.v, tt.unit, tt.qualifier, tt.measure, tt.other, tt.low)
		if got != tt.want {
			t.Errorf("figureFormat(%v %s %s %s) = %s, want %s", tt.v, tt.unit, tt.qualifier, tt.measure, got, tt.want)
		}
	}
}

func TestGapFormat(t *testing.T) {
	tests := []struct {
		gap    float64
		unit   string
		status evaluate.Status
		want   string
	}{
		{-1.1, "%", evaluate.Missed, `"▼ "+#,##0.0"个百分点";"▼ "-#,##0.0"个百分点";"▼ "#,##0.0"个百分点"`},
		{0.25, "%", evaluate.Met, `"▲ "+#,##0.00"个百分点";"▲ "-#,##0.00"个百分点";"▲ "#,##0.00"个百分点"`},
		{-0.2, "%", evaluate.NearlyMet, `"△ "+#,##0.0"个百分点";"△ "-#,##0.0"个百分点";"△ "#,##0.0"个百分点"`},
		{12, "亿元", evaluate.Met, `"▲ "+#,##0"亿元";"▲ "-#,##0"亿元";"▲ "#,##0"亿元"`},
		{-2, "位", evaluate.Met, `"▲ "+#,##0"位";"▲ "-#,##0"位";"▲ "#,##0"位"`},
	}
	for _, tt := range tests {
		if got := gapFormat(tt.gap, tt.unit, tt.status); got != tt.want {
			t.Errorf("gapFormat(%v, %s, %s) = %s, want %s", tt.gap, tt.unit, tt.status, got, tt.want)
		}
	}
}
