package extract

import (
	"strconv"
	"strings"

	"zhibiao/extract/lexicon"
	"zhibiao/extract/model"
	"zhibiao/extract/text"
)

// yearDecision is what the text tells of the year a report was delivered.
type yearDecision struct {
	year int
	// late: delivered in November or December for the year to come, so
	// that its 今年 is the year it reviews and its 明年 the year it plans.
	late     bool
	evidence model.Evidence
}

// detectYear tells the year a report was delivered, from the evidence of
// the whole text, strongest first: the date line of the congress
// (2025年2月9日在…人民代表大会, also in Chinese numerals), the title
// (2025年…政府工作报告, …执行情况与2025年…计划), then the years of its
// review and of its plan (2024年工作回顾 → 2025; 2025年政府工作的总体要求 →
// 2025; a review that opens 2024年，… → 2025), and failing all of those
// the latest year the text mentions often, which is a low-confidence
// reading. The year is 0 when nothing tells it.
func detectYear(t *text.Text) yearDecision {
	head := text.HeadRunes(t, 40)
	head = head[:min(len(head), headSize)]
	for i := 0; i < len(head); i++ {
		y, end := readAnyYear(head, i)
		if y == 0 {
			continue
		}
		rest := head[end:min(len(head), end+40)]
		switch {
		case isDate(head, end) && containsAny(rest, "人民代表大会", "人大"):
			word := model.Count{Word: string(head[i:dateEnd(head, end)]), Count: 1}
			if month(head, end) >= 11 {
				// delivered in December for the year to come
				return yearDecision{year: y + 1, late: true, evidence: model.Evidence{By: model.ByDate, Words: []model.Count{word}}}
			}
			return yearDecision{year: y, evidence: model.Evidence{By: model.ByDate, Words: []model.Count{word}}}
		case hasWord(rest, 0, "政府工作报告") || (indexWord(rest, "政府工作报告") > 0 && indexWord(rest, "政府工作报告") <= 12 && !containsAny(rest[:indexWord(rest, "政府工作报告")], "年", ",", "。")):
			return yearDecision{year: y, evidence: model.Evidence{By: model.ByTitle, Words: []model.Count{{Word: string(head[i:end]) + "…政府工作报告", Count: 1}}}}
		case hasWordBefore(head, i, "与") && containsWord(head[max(0, i-30):i], "执行情况"):
			return yearDecision{year: y, evidence: model.Evidence{By: model.ByTitle, Words: []model.Count{{Word: "执行情况与" + string(head[i:end]), Count: 1}}}}
		}
	}
	if d, ok := yearOfSections(t); ok {
		return d
	}
	return yearOfMentions(t)
}

// Words that tie a year to the review (2024年工作回顾) or to the plan
// (2025年工作安排) when they follow it closely.
var (
	yearReviewWords = lexicon.NewList("review_of_year")
	yearPlanWords   = lexicon.NewList("plan_of_year")
	yearWorkWords   = lexicon.NewList("work_of_year")
)

// yearOfSections reads the report year from the years of its review and
// of its plan: headings and markers that tie a year to either, and the
// years that open paragraphs before the plan begins (the review: 2024年，
// 在…领导下 → 2025) or open the plan (2025年是…, followed by the plan).
func yearOfSections(t *text.Text) (yearDecision, bool) {
	votes := map[int]int{}
	words := map[int][]model.Count{}
	first, last := map[int]int{}, map[int]int{} // the paragraphs of each year's first and last vote
	soft := map[int]int{}                       // votes of words that head a review as well as a plan
	cur := 0
	vote := func(y, weight int, word string) {
		if _, ok := first[y]; !ok {
			first[y] = cur
		}
		last[y] = cur
		votes[y] += weight
		for i, c := range words[y] {
			if c.Word == word {
				words[y][i].Count++
				return
			}
		}
		words[y] = append(words[y], model.Count{Word: word, Count: 1})
	}
	ps := t.Paragraphs
	planStart := len(ps)
	for i := range ps {
		if opensPlan(&ps[i]) {
			planStart = i
			break
		}
	}
	for i := range ps {
		p := &ps[i]
		rs := p.Runes
		cur = i
		// A year tied to the review or the plan by the words after it.
		for k := 0; k < len(rs); k++ {
			if !isDigit(rs[k]) {
				continue
			}
			y, end := readYear(rs, k)
			if y == 0 {
				continue
			}
			zone := rs[end:min(len(rs), end+16)]
			// The year opens the paragraph, a sentence or a clause: not
			// 完成2024年重点工作任务, inside a statement.
			atStart := k == listOrdinal(rs) || k > 0 && strings.ContainsRune("。;；:：,，!！", rs[k-1])
			switch {
			case hasWordBefore(rs, k, "回顾"):
				vote(y+1, 2, "回顾"+string(rs[k:end]))
			case atStart && yearReviewWords.At(zone, 0) > 0:
				vote(y+1, 2, string(rs[k:end])+string(zone[:yearReviewWords.At(zone, 0)]))
			case atStart && yearPlanWords.In(zone) && !yearReviewWords.In(zone):
				j := yearPlanWords.Index(zone)
				vote(y, 2, string(rs[k:end])+string(zone[:j+yearPlanWords.At(zone, j)]))
			case atStart && yearWorkWords.In(zone) && !yearReviewWords.In(zone):
				// 2024年主要工作: the plan's, or the review's if a later
				// year's follows (see below)
				j := yearWorkWords.Index(zone)
				vote(y, 2, string(rs[k:end])+string(zone[:j+yearWorkWords.At(zone, j)]))
				soft[y] += 2
			}
			k = end - 1
		}
		if isHeading(p) {
			if y, _ := readYear(rs, 0); y == 0 {
				continue
			}
		}
		// A paragraph that opens with a year: 2024年，… in the review,
		// 2025年是… where the plan begins.
		y, end := readYear(rs, listOrdinal(rs))
		if y == 0 || end >= len(rs) {
			continue
		}
		switch {
		case i < planStart-1 && (rs[end] == ',' || rs[end] == '是'):
			vote(y+1, 1, string(rs[:end+1]))
		case (i == planStart-1 || i == planStart) && rs[end] == '是':
			vote(y, 1, string(rs[:end+1]))
		}
	}
	best := 0
	for _, y := range sortedKeys(votes) {
		if best == 0 || votes[y] > votes[best] || votes[y] == votes[best] && y > best {
			best = y
		}
	}
	if best == 0 {
		return yearDecision{}, false
	}
	ev := model.Evidence{By: model.BySections, Words: words[best]}
	for _, y := range sortedKeys(votes) {
		if y != best && (ev.RunnerUp == nil || votes[y] > ev.RunnerUp.Count) {
			ev.RunnerUp = &model.Count{Word: strconv.Itoa(y), Count: votes[y]}
		}
	}
	if ev.RunnerUp != nil && 2*ev.RunnerUp.Count > votes[best] {
		// A report reviews one year, then plans the next: a year whose
		// work is named only before the next year first is, is the year
		// reviewed (一、2024年主要工作 … 二、2025年工作安排).
		y, _ := strconv.Atoi(ev.RunnerUp.Word)
		lo, hi := min(y, best), max(y, best)
		if hi != lo+1 || last[lo] >= first[hi] || soft[lo] < votes[lo] {
			// The review and the plan disagree: no year rather than a guess.
			return yearDecision{evidence: ev}, true
		}
		ev.Words = append(words[hi], words[lo]...)
		ev.RunnerUp = nil
		return yearDecision{year: hi, evidence: ev}, true
	}
	return yearDecision{year: best, evidence: ev}, true
}

// opensPlan reports whether a paragraph begins the plan for the report's
// year: a heading of the plan (二、2025年工作安排), or a paragraph that
// opens with 今年 or states the year's general requirements or goals.
func opensPlan(p *text.Paragraph) bool {
	if isHeading(p) {
		return planWords.In(p.Runes) && !reviewWords.In(p.Runes)
	}
	op := opening(p.Runes)
	return hasWord(p.Runes, 0, "今年") || containsAny(op, "总体要求", "总的要求") || goalWords.In(preamble(p.Runes))
}

// yearOfMentions is the last resort: the latest year the text mentions
// at least three times. The evidence says it is a low-confidence reading.
func yearOfMentions(t *text.Text) yearDecision {
	counts := map[int]int{}
	for _, p := range t.Paragraphs {
		for k := 0; k < len(p.Runes); k++ {
			if y, end := readYear(p.Runes, k); y > 0 {
				counts[y]++
				k = end - 1
			}
		}
	}
	best := 0
	for _, y := range sortedKeys(counts) {
		if counts[y] >= 3 && y > best {
			best = y
		}
	}
	if best == 0 {
		return yearDecision{}
	}
	return yearDecision{year: best, evidence: model.Evidence{By: model.ByYears, Words: []model.Count{{Word: strconv.Itoa(best) + "年", Count: counts[best]}}}}
}

// readAnyYear reads a year at rs[i:] written in Arabic digits (2025年) or
// in Chinese numerals (二〇二五年), and returns it with the index after 年.
func readAnyYear(rs []rune, i int) (year, end int) {
	if y, end := readYear(rs, i); y > 0 {
		return y, end
	}
	if i+5 > len(rs) || rs[i+4] != '年' || i > 0 && isYearNumeral(rs[i-1]) {
		return 0, i
	}
	y := 0
	for k := i; k < i+4; k++ {
		d, ok := yearNumeral(rs[k])
		if !ok {
			return 0, i
		}
		y = y*10 + d
	}
	if y < 1949 || y > 2099 {
		return 0, i
	}
	return y, i + 5
}

// yearNumeral is the digit of a Chinese numeral as years write them:
// 二〇二五, also with ○ or 零 for the zero.
func yearNumeral(r rune) (int, bool) {
	switch r {
	case '〇', '○', '零', 'O':
		return 0, true
	}
	if d, ok := chineseDigit(r); ok {
		return int(d), true
	}
	return 0, false
}

func isYearNumeral(r rune) bool { _, ok := yearNumeral(r); return ok || isDigit(r) }

// month reads the month after a year ending at rs[end] (2018年12月 → 12,
// 二〇一八年十二月 → 12).
func month(rs []rune, end int) int {
	m := 0
	j := end
	for ; j < len(rs) && isDigit(rs[j]); j++ {
		m = m*10 + int(rs[j]-'0')
	}
	if j > end {
		return m
	}
	if n, ok := parseChinese(rs, end); ok && n.end < len(rs) && rs[n.end] == '月' {
		return int(n.value)
	}
	return 0
}

// isDate reports whether a year ending at rs[end] is followed by a month
// (2025年2月9日, 二〇二五年二月九日).
func isDate(rs []rune, end int) bool {
	j := end
	for j < len(rs) && isDigit(rs[j]) {
		j++
	}
	if j == end {
		if n, ok := parseChinese(rs, end); ok {
			j = n.end
		}
	}
	return j > end && j < len(rs) && rs[j] == '月'
}

// dateEnd returns the index after the date whose year ends at rs[end]: its
// month and day.
func dateEnd(rs []rune, end int) int {
	j := end
	for j < len(rs) && j < end+8 {
		if rs[j] == '日' {
			return j + 1
		}
		if !isDigit(rs[j]) && !text.IsChineseDigit(rs[j]) && rs[j] != '月' {
			break
		}
		j++
	}
	return j
}
