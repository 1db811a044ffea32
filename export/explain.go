package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"zhibiao/extract/catalogue"
	"zhibiao/extract/model"
)

// reasonNames say why a figure was not taken, in the words of the
// workbook.
var reasonNames = map[string]string{
	model.ReasonLookAlike:    "相似指标",
	model.ReasonSubScope:     "局部或行业口径",
	model.ReasonMultiYear:    "多年合计或平均",
	model.ReasonSubPeriod:    "不足一年的时段",
	model.ReasonOtherSubject: "说的是别的主体",
	model.ReasonUnit:         "不是目录中的单位或数量",
	model.ReasonBase:         "未写年份的基数",
	model.ReasonMeasure:      "该指标没有这一口径",
	model.ReasonOwnScope:     "本地区内部的排名",
	model.ReasonNoRule:       "没有规则读出（可能漏读）",
}

// WriteExplain writes, report by report and sentence by sentence, what
// was taken from each sentence and what was not, and why: the reports
// must have been read with extract.Options.Explain.
func WriteExplain(w io.Writer, reports []*model.Report, cat *catalogue.Catalogue) error {
	bw := bufio.NewWriter(w)
	name := func(id string) string {
		if ind := cat.Indicator(id); ind != nil {
			return ind.Name
		}
		return id
	}
	for _, r := range reports {
		fmt.Fprintf(bw, "# %s：%s %d 年报告\n", r.Source.Path, regionName(r), r.Year)
		for _, s := range r.Sentences {
			fmt.Fprintf(bw, "%s: %s\n", sourceRef(r.Source.Path, s.Page, s.Line), oneLine(s.Text))
			for _, o := range s.Taken {
				scope := ""
				if o.Scope != "" {
					scope = label(scopeNames, o.Scope)
				}
				fmt.Fprintf(bw, "  取    %s %s%s %d %s %s%s %s\n", name(o.Indicator), label(measureNames, o.Measure), scope,
					o.Year, label(kindNames, o.Kind), valueText(o), o.Unit, label(qualifierNames, o.Qualifier))
			}
			for _, d := range s.Declined {
				subject := "（主体不明）"
				if d.Indicator != "" {
					subject = name(d.Indicator)
				}
				why := label(reasonNames, d.Reason)
				if d.Words != "" {
					why += "：" + d.Words
				}
				fmt.Fprintf(bw, "  不取  %s %s —— %s\n", oneLine(d.Figure), subject, why)
			}
		}
		for _, it := range r.Review {
			fmt.Fprintf(bw, "%s: 待核对（%s）：%s\n", sourceRef(r.Source.Path, it.Page, it.Line), it.Reason, it.Message)
		}
	}
	return bw.Flush()
}

// valueText writes an observation's value: 6, 6—6.5, or 定性.
func valueText(o model.Observation) string {
	switch {
	case o.Value == nil:
		return "—"
	case o.High != nil:
		return FormatNumber(o.Value) + "—" + FormatNumber(o.High)
	}
	return FormatNumber(o.Value)
}

// oneLine puts text on one line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
