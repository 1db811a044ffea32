package export

import (
	"strconv"
	"strings"
	"zhibiao/extract/model"
)

// A placeholder in a template's cell asks for one figure of the model, or
// something about it. It is written between {{ and }} (or ｛｛ and ｝｝, as
// a Chinese input method types them), alone in a cell or inside text, as
// words separated by spaces:
//
//	{{ region  indicator [measure] [scope] [unit]  year  [kind]  [field] }}
//
//	{{新乡市 地区生产总值 增速 2024 实际}}
//	{{新乡市 gdp growth 2024 target}}
//	{{新乡市 地区生产总值增速 2024 完成情况}}
//	{{新乡市 地区生产总值增速 2024 差距}}
//	{{新乡市 地区生产总值增速 2024 实际 原文}}
//	{{牧野区 地区生产总值全市排名 2023 实际}}
//
// The region comes first: its name as the reports give it (新乡市), or
// its short name (新乡) when no other region of the reports has it. The
// other words may come in any order:
//
//   - the indicator and its measure, as names.go reads them; an indicator
//     alone is its level, or for an indicator that is itself a rate or a
//     change (城镇调查失业率, 居民消费价格涨幅) that measure;
//   - the year the figure describes: 2024 or 2024年;
//   - the kind: 实际 (actual) or 目标 (target);
//   - the field: 数值 (value, the default), 文字 (text: the value as the
//     workbook shows it, 6.0%左右), 完成情况 (status), 差距 (gap), 原文
//     (source: the phrase of the report), 出处 (file: the report's file and
//     line), 单位 (unit). 完成情况 and 差距 belong to a target, and need no
//     kind; the others need one.
//
// Letters may be in either case. A \ before {{ keeps the braces as they
// are: \{{ is written {{.

// Fields of a placeholder.
const (
	fieldValue  = "value"
	fieldText   = "text"
	fieldStatus = "status"
	fieldGap    = "gap"
	fieldSource = "source"
	fieldFile   = "file"
	fieldUnit   = "unit"
)

// fieldWords name the fields.
var fieldWords = map[string]string{
	"数值": fieldValue, "值": fieldValue, "value": fieldValue,
	"文字": fieldText, "文本": fieldText, "text": fieldText,
	"完成情况": fieldStatus, "status": fieldStatus,
	"差距": fieldGap, "gap": fieldGap,
	"原文": fieldSource, "source": fieldSource,
	"出处": fieldFile, "file": fieldFile,
	"单位": fieldUnit, "unit": fieldUnit,
}

// kindWords name the kinds.
var kindWords = map[string]model.Kind{
	"实际": model.Actual, "actual": model.Actual, "实际值": model.Actual,
	"目标": model.Target, "target": model.Target, "目标值": model.Target, "预期目标": model.Target,
}

// placeholder is what a placeholder asks for.
type placeholder struct {
	region string // as written
	item   itemRef
	year   int
	kind   model.Kind // model.Actual, model.Target, or "" for status and gap
	field  string
}

// parsePlaceholder reads the words between the braces.
func (n *namer) parsePlaceholder(text string) (placeholder, error) {
	var p placeholder
	words := splitWords(text)
	if len(words) == 0 {
		return p, wordErr(model.Warnf(0, "empty placeholder"))
	}
	p.region = words[0]
	if _, named := n.labels[fold(p.region)]; named {
		return p, wordErr(model.Warnf(0, "a placeholder starts with the region, then the indicator: %s is an indicator", p.region))
	}
	var rest []string
	for _, w := range words[1:] {
		k := fold(w)
		if y, ok := placeholderYear(k); ok {
			if p.year != 0 && p.year != y {
				return p, wordErr(model.Warnf(0, "two years: %d and %d", p.year, y))
			}
			p.year = y
			continue
		}
		if kind, ok := kindWords[k]; ok {
			if p.kind != "" && p.kind != kind {
				return p, wordErr(model.Warnf(0, "both 实际 and 目标 (actual and target)"))
			}
			p.kind = kind
			continue
		}
		if f, ok := fieldWords[k]; ok {
			if p.field != "" && p.field != f {
				return p, wordErr(model.Warnf(0, "two fields: %s and %s", w, p.field))
			}
			p.field = f
			continue
		}
		rest = append(rest, w)
	}
	item, err := n.item(rest)
	if err != nil {
		return p, err
	}
	if item.ind.Disabled {
		return p, wordErr(model.Warnf(0, "%s is switched off in the catalogue", item.ind.ID))
	}
	if item.measure == "" {
		item.measure = model.Level
		if !item.ind.Takes(model.Level) {
			item.measure = item.ind.Target
		}
	}
	p.item = item
	if p.year == 0 {
		return p, wordErr(model.Warnf(0, "no year: write the year of the figure, such as 2024"))
	}
	if p.field == "" {
		p.field = fieldValue
	}
	switch p.field {
	case fieldStatus, fieldGap:
	default:
		if p.kind == "" {
			return p, wordErr(model.Warnf(0, "say 实际 or 目标 (actual or target)"))
		}
	}
	return p, nil
}

// placeholderYear reads a year: 2024 or 2024年.
func placeholderYear(k string) (int, bool) {
	k = strings.TrimSuffix(k, "年")
	if len(k) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(k)
	return y, err == nil && y >= 1949 && y <= 2100
}

// span is a placeholder's place in a text: s[start:end] is {{…}}, inner
// the words between the braces.
type span struct {
	start, end int
	inner      string
}

// Braces of a placeholder, as typed with and without a Chinese input
// method.
var (
	opens  = []string{"{{", "｛｛"}
	closes = []string{"}}", "｝｝"}
)

// findPlaceholders finds the placeholders of a text, and the places of the
// escaped braces (\{{) whose backslash is to go. unclosed is the offset of
// an opening without its closing, or -1.
func findPlaceholders(s string) (spans []span, escapes []int, unclosed int) {
	unclosed = -1
	for i := 0; i < len(s); {
		open := ""
		for _, o := range opens {
			if strings.HasPrefix(s[i:], o) {
				open = o
			}
		}
		if open == "" {
			i++
			continue
		}
		if i > 0 && s[i-1] == '\\' {
			escapes = append(escapes, i-1)
			i += len(open)
			continue
		}
		end, closeLen := -1, 0
		for _, c := range closes {
			if j := strings.Index(s[i+len(open):], c); j >= 0 && (end < 0 || j < end) {
				end, closeLen = j, len(c)
			}
		}
		if end < 0 {
			unclosed = i
			break
		}
		start := i
		i += len(open) + end + closeLen
		spans = append(spans, span{start: start, end: i, inner: s[start+len(open) : i-closeLen]})
	}
	return spans, escapes, unclosed
}
