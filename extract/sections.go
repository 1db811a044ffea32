package extract

// Words that open a review of last year (or of the last five) and words that
// open the plan for this year.
var (
	reviewWords = []string{"回顾", "执行情况", "过去一年", "过去的一年", "一年来", "过去五年", "过去的五年", "五年来", "主要成就", "工作成效"}
	planWords   = []string{"预期目标", "主要目标", "总体要求", "工作安排", "重点工作", "主要任务", "重点任务", "今年", "计划", "工作建议", "工作部署", "重点抓好", "总体思路"}
	goalWords   = []string{"预期目标", "主要目标"}
)

// sections gives each paragraph the context its figures are read in:
// whether they are actuals or targets, of which year, and whether the
// paragraph states the 主要预期目标.
func (r *reader) sections() []context {
	out := make([]context, len(r.text.Paragraphs))
	cur := context{kind: Actual, year: r.reportYear - 1}
	goalList := false // inside a list of goals under a goals heading
	for i := range r.text.Paragraphs {
		p := &r.text.Paragraphs[i]
		heading := isHeading(p)
		words := p.Runes
		if !heading {
			words = opening(p.Runes)
		}
		if k, y, ok := r.section(words, heading); ok {
			cur = context{kind: k, year: y}
		}
		ctx := cur
		isGoals := containsAny(words, goalWords...)
		switch {
		case isGoals && heading:
			goalList = true
		case isGoals:
			ctx.goals = true
			goalList = false
		case goalList && (heading || (!p.Item && len(p.Runes) > 60)):
			goalList = false
		}
		if goalList && !heading {
			ctx.goals = true
		}
		if ctx.goals && ctx.kind != Target {
			ctx.kind, ctx.year = Target, r.reportYear
		}
		out[i] = ctx
	}
	return out
}

// section reads a heading, or the opening words of a paragraph, for the
// period its section covers.
func (r *reader) section(rs []rune, heading bool) (kind string, year int, ok bool) {
	review := containsAny(rs, reviewWords...)
	plan := containsAny(rs, planWords...)
	if !heading && !review && !plan {
		return "", 0, false
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
			return Actual, r.reportYear - 1, true
		case plan && !review:
			return Target, r.reportYear, true
		}
		return "", 0, false
	}
	latest := years[0]
	for _, y := range years {
		latest = max(latest, y)
	}
	switch {
	case latest < r.reportYear && (review || plan || heading):
		return Actual, latest, true
	case latest == r.reportYear && !review:
		return Target, latest, true
	case latest == r.reportYear && review && plan:
		return "", 0, false // 2023年执行情况与2024年计划: a title
	case latest > r.reportYear && plan:
		return Target, latest, true
	}
	return "", 0, false
}

// isHeading reports whether a paragraph is a heading: marked as one, or a
// short line that is not a sentence.
func isHeading(p *Paragraph) bool {
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
	return true
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
