package extract

import (
	"strings"
	"zhibiao/extract/lexicon"
	"zhibiao/extract/model"
	"zhibiao/extract/text"
)

// Words that open a review of last year (or of the last five) and words that
// open the plan for this year.
var (
	reviewWords = lexicon.NewList("review")
	planWords   = lexicon.NewList("plan")
	goalWords   = lexicon.NewList("goal")
)

// sections gives each paragraph the context its figures are read in:
// whether they are actuals or targets, of which year, and whether the
// paragraph states the 主要预期目标.
func (r *reader) sections() []context {
	n := len(r.text.Paragraphs)
	if cap(r.contexts) < n {
		r.contexts = make([]context, n)
	}
	out := r.contexts[:n] // every one is set below
	cur := context{kind: model.Actual, year: r.reportYear - 1}
	goalList := false // inside a list of goals under a goals heading
	var opens [][]rune
	late := lateReview{flipped: -1}
	for i := range r.text.Paragraphs {
		p := &r.text.Paragraphs[i]
		heading := isHeading(p)
		var isGoals bool
		if !heading && isBulletHeading(p) {
			// ■ 2025年经济社会发展的主要预期目标: a bullet over a list
			_, _, _, ok := r.section(p.Runes, true)
			heading = ok || goalWords.In(p.Runes)
		}
		switch {
		case heading && isMetadata(p.Runes):
			// 政府工作报告 / ——2025年1月10日在…会议上: no section
		case heading:
			if k, y, span, ok := r.section(p.Runes, true); ok {
				next, style := context{kind: k, year: y, span: span}, headingStyle(p.Runes)
				if style == "" && !hasYear(p.Runes) && late.flips(cur, next) {
					late.flipped = i // 今年是…之年 standing alone as a line
				} else {
					late.heading(out[:i], next, style, r.reportYear)
				}
				cur = next
			}
			isGoals = goalWords.In(p.Runes)
		default:
			opens = openings(opens[:0], p.Runes, 3)
			for _, o := range opens {
				k, y, span, ok := r.section(o, false)
				switch {
				case !ok:
				case k == cur.kind && !span && !cur.span && !hasYear(o):
					// 一年来 under 2023年全市重点工作: the heading's year holds
				default:
					next := context{kind: k, year: y, span: span}
					if !hasYear(o) && late.flips(cur, next) {
						late.flipped = i
					}
					cur = next
				}
			}
			// 主要预期目标是: / 报告明确2025年重点工作:
			pre := preamble(p.Runes)
			if k, y, span, ok := r.section(pre, true); ok && len(pre) > 0 && !goalsReviewed(pre) {
				cur = context{kind: k, year: y, span: span}
			}
			isGoals = goalWords.In(pre) && !goalsReviewed(pre)
		}
		ctx := cur
		switch {
		case isGoals && (heading || len(p.Runes) == len(preamble(p.Runes))+1):
			// a heading, or a paragraph that ends at its colon, over a
			// list of goals: 主要预期目标如下：\n1.地区生产总值增长6%左右；
			goalList = true
		case isGoals:
			ctx.goals = true
			goalList = false
		case goalList && (heading || (!p.Item && listOrdinal(p.Runes) == 0 && len(p.Runes) > 60)):
			goalList = false
		}
		if goalList && !heading {
			ctx.goals = true
		}
		if ctx.goals && ctx.kind != model.Target {
			ctx.kind, ctx.year = model.Target, r.reportYear
		}
		if !ctx.goals && !heading {
			// …攻坚克难。今年发展主要预期目标是: the statement of goals
			// starts inside the paragraph and runs to its end.
			if k := goalsStatement(p.Runes); k >= 0 {
				ctx.goals, ctx.goalsFrom = true, k
			}
		}
		out[i] = ctx
	}
	return out
}

// lateReview follows a review under its heading that a paragraph's 今年
// turned into a plan: 一、2023年工作回顾 … 今年是…之年 … 二、2024年工作安排
// is a report written before the year it reviews was out, whose 今年 is
// the year reviewed; what comes before the plan's own heading, of the
// review heading's level, is the review.
type lateReview struct {
	review  context // under the review's heading
	style   string  // the heading's numbering
	flipped int     // the paragraph whose 今年 began a plan, or -1
}

// flips reports whether a 今年 opening turns the review into a plan.
func (l *lateReview) flips(cur, next context) bool {
	return l.review.year != 0 && l.flipped < 0 && cur.kind == model.Actual && next.kind == model.Target
}

// heading takes a heading's context: a plan heading of the review's level
// of the report's year gives back to the review what its 今年 took; a
// review heading with its year starts a review.
func (l *lateReview) heading(before []context, next context, style string, reportYear int) {
	if l.flipped >= 0 && next.kind == model.Target && next.year == reportYear && style == l.style {
		for j := l.flipped; j < len(before); j++ {
			if !before[j].goals && before[j].kind == model.Target {
				before[j] = l.review
			}
		}
	}
	*l = lateReview{flipped: -1}
	if next.kind == model.Actual && !next.span && style != "" {
		l.review, l.style = next, style
	}
}

// headingStyle is how a heading is numbered: 一、, （一）, 1., or none,
// which tells headings of one level from those under them.
func headingStyle(rs []rune) string {
	n := listOrdinal(rs)
	if n == 0 {
		return ""
	}
	var b []rune
	for _, r := range rs[:n] {
		switch {
		case r >= '0' && r <= '9':
			b = append(b, '9')
		case isOrdinalDigit(r):
			b = append(b, '十')
		default:
			b = append(b, r)
		}
	}
	return string(b)
}

// section reads a heading, or the opening words of a paragraph, for the
// period its section covers.
func (r *reader) section(rs []rune, heading bool) (kind model.Kind, year int, span, ok bool) {
	var review, plan bool
	if heading {
		review, plan = reviewWords.In(rs), planWords.In(rs)
	} else {
		// In running text only a paragraph's opening words count, and a
		// plan only when they start with 今年 (主要目标质效齐升 reviews),
		// or with the year itself: 2025年是“十四五”规划收官之年.
		if y, end := readYear(rs, 0); y > 0 && hasWord(rs, end, "是") {
			switch y {
			case r.reportYear:
				return model.Target, y, false, true
			case r.reportYear - 1:
				return model.Actual, y, false, true
			}
		}
		review, plan = reviewWords.In(rs), hasWord(rs, 0, "今年")
		if !review && !plan {
			return "", 0, false, false
		}
	}
	// A five-year plan period: 过去五年, “十四五”时期, 今后五年; not a
	// heading or opening that also names a year (2025年及“十四五”时期).
	if n := planPeriod(rs); (n > 0 || containsAny(rs, "五年")) && !hasYear(rs) && !containsAny(rs, "今年", "一年") {
		end := r.reportYear - 1
		if n > 0 {
			end = 1955 + 5*n // the 14th plan ends in 2025
		}
		switch {
		case review || end < r.reportYear:
			return model.Actual, min(end, r.reportYear-1), true, true
		case plan:
			if n == 0 {
				end = r.reportYear + 4
			}
			return model.Target, end, true, true
		}
	}
	var years []int
	for i := 0; i < len(rs); i++ {
		if y, end := readYear(rs, i); y > 0 {
			years = append(years, y)
			i = end - 1
		}
	}
	if len(years) == 0 {
		switch {
		case review && !plan:
			return model.Actual, r.reportYear - 1, false, true
		case plan && !review:
			return model.Target, r.reportYear, false, true
		}
		return "", 0, false, false
	}
	latest := years[0]
	for _, y := range years {
		latest = max(latest, y)
	}
	switch {
	case latest < r.reportYear && (review || plan || heading):
		return model.Actual, latest, false, true
	case latest == r.reportYear && !review:
		return model.Target, latest, false, true
	case latest > r.reportYear && plan:
		return model.Target, latest, false, true
	}
	return "", 0, false, false // 2023年执行情况与2024年计划: a title
}

// planPeriod returns the number of the five-year plan a text names
// (“十四五” → 14), or 0.
func planPeriod(rs []rune) int {
	for i := 0; i+2 < len(rs); i++ {
		if rs[i] == '十' && rs[i+2] == '五' {
			if d, ok := chineseDigit(rs[i+1]); ok && d > 0 {
				return 10 + int(d)
			}
		}
	}
	return 0
}

// isMetadata reports whether a short line tells of the report, not of a
// section of it: the title, the date and place it was delivered, the name
// of the government.
func isMetadata(rs []rune) bool {
	if hasWord(rs, 0, "——") || containsAny(rs, "人民代表大会", "政府工作报告", "人民政府") {
		return true
	}
	for i := range rs {
		if y, end := readAnyYear(rs, i); y > 0 && isDate(rs, end) {
			return true // 2025年1月10日
		}
	}
	return false
}

// isHeading reports whether a paragraph is a heading: marked as one, or a
// short line that is not a sentence.
func isHeading(p *text.Paragraph) bool {
	if p.Heading {
		return true
	}
	if p.Item {
		return false
	}
	n := len(p.Runes)
	if n > 40 {
		return false
	}
	for i, r := range p.Runes {
		if (r == '。' || r == ',' || r == ';' || r == ':') && i < n-1 {
			return false
		}
	}
	// An item of a list ends as a sentence: 2.城镇调查失业率控制在5.5%左右；
	last := p.Runes[n-1]
	return last != ';' && !(last == '。' && (containsAny(p.Runes, "%", "亿", "万") || listOrdinal(p.Runes) > 0))
}

// preamble returns what a paragraph says before its first colon, when the
// colon comes early: 综合考虑各方面因素,今年经济社会发展主要预期目标为:
func preamble(rs []rune) []rune {
	for i, r := range rs {
		if i >= 50 || r == '。' {
			break
		}
		if r == ':' {
			return rs[:i]
		}
	}
	return nil
}

// openings appends to out the opening words of the first n sentences of a
// paragraph (各位代表! 2025年是“十四五”收官之年。五年来,…).
func openings(out [][]rune, rs []rune, n int) [][]rune {
	s := 0
	for i := 0; i <= len(rs) && n > 0; i++ {
		if i == len(rs) || rs[i] == '。' || rs[i] == '!' || rs[i] == '?' {
			if i > s {
				out = append(out, opening(rs[s:i]))
				n--
			}
			s = i + 1
		}
	}
	return out
}

// isBulletHeading reports whether a list item may be a heading: short, and
// not a sentence.
func isBulletHeading(p *text.Paragraph) bool {
	return p.Item && len(p.Runes) <= 30 && !containsAny(p.Runes, "。", ",", ";", "%")
}

// opening returns the words a paragraph opens with: up to its first
// punctuation mark, at most 30 runes.
func opening(rs []rune) []rune {
	for i, r := range rs {
		if i >= 30 {
			return rs[:i]
		}
		switch r {
		case '。', ',', ':', ';', '!', '?':
			return rs[:i]
		}
	}
	return rs
}

// hasYear reports whether rs names a year (2025年).
func hasYear(rs []rune) bool {
	for i, r := range rs {
		if isDigit(r) {
			if y, _ := readYear(rs, i); y > 0 {
				return true
			}
		}
	}
	return false
}

// goalsStatement finds where a statement of goals starts inside a
// paragraph: the sentence whose goal word (主要预期目标) is followed by a
// colon, or by 是 or 为 and the goals (主要预期目标是地区生产总值增长6%左右).
// A review of last year's goals (年初确定的主要预期目标完成情况是:) is no
// statement of goals. It returns -1 when there is none.
func goalsStatement(rs []rune) int {
	start := 0
	for i := 0; i < len(rs); i++ {
		switch rs[i] {
		case '。', '!', '?':
			start = i + 1
			continue
		}
		if i-start > 50 {
			continue // the statement opens its sentence
		}
		n := goalWords.At(rs, i)
		if n == 0 {
			continue
		}
		j := i + n
		for j < len(rs) && j < i+n+4 && rs[j] != ':' && rs[j] != '是' && rs[j] != '为' && !isPunct(rs[j]) {
			j++ // 主要预期目标建议为
		}
		if j < len(rs) && (rs[j] == ':' || rs[j] == '是' || rs[j] == '为') && !reviewWords.In(rs[start:j]) && !goalsReviewed(rs[start:j]) {
			return start
		}
	}
	return -1
}

// goalsReviewed reports whether the words before a goal statement's verb
// say that the goals are reviewed, not set: 完成情况, 年初确定的.
func goalsReviewed(rs []rune) bool { return goalReviewWords.In(rs) }

// goalReviewWords mark a review of the year's goals.
var goalReviewWords = lexicon.NewList("goal_review")

// isPunct reports whether r ends or divides a sentence.
func isPunct(r rune) bool { return strings.ContainsRune(",。;:!?、", r) }

// at returns the context of a sentence starting at rune s of its
// paragraph: a statement of goals that starts inside a paragraph covers
// only the sentences from its start, and they are targets of the report
// year.
func (c context) at(s, reportYear int) context {
	if !c.goals {
		return c
	}
	if s < c.goalsFrom {
		c.goals = false
		return c
	}
	return context{kind: model.Target, year: reportYear, goals: true}
}
