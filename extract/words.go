package extract

import (
	"slices"
	"strings"
	"unicode/utf8"
	"zhibiao/extract/internal/runeset"
)

// The words a clause may hold besides its subject and figures. A clause
// whose other words are all listed here speaks of its subject; any other
// word (人均, 海洋, 区本级, 高技术制造业, 第一季度 …) makes it a statement
// about something else, and its figures are not the indicator's.
var fillerWords = []string{
	// time and place
	"全年", "年度", "当年", "今年", "去年", "上年", "本年", "年末", "年底", "全口径", "全社会",
	"全体", "我市", "我省", "我区", "我县", "本市", "本省", "本区", "本县",
	// verbs of reaching and doing
	"实现", "完成", "达到", "达", "为", "是", "在", "于", "有", "共", "共计", "合计", "总计",
	"累计", "累计完成", "稳定在", "保持在", "控制在", "稳定", "保持", "持续", "继续", "进一步",
	"再", "又", "也", "将", "要", "力争", "确保", "争取", "努力", "预期", "预计", "初步核算",
	"经初步核算", "据初步核算", "初步统计", "实际", "名义", "首次", "历史性", "成功", "顺利",
	"一举", "稳步", "较快", "快速", "大幅", "平均", "总体", "经济普查后", "普查后", "修订后", "全", "同口径", "自然口径",
	"按不变价格计算", "按不变价计算", "不变价", "可比价", "现价",
	// growth and change
	"增长", "增速", "增幅", "涨幅", "上涨", "上升", "提高", "提升", "增加", "下降", "降低",
	"回落", "减少", "负增长", "下跌", "下滑", "增产", "减产", "同比", "比上年", "较上年", "比去年", "较去年",
	"比上年同期", "较上年同期", "同期", "按可比价格计算", "按可比价计算", "按可比口径计算",
	"按可比口径", "可比口径", "按可比价", "按现价计算", "按", "计算", "到", "至", "从", "由",
	// measures and qualifiers
	"总量", "规模", "总额", "总值", "总数", "占", "占比", "比重", "突破", "超过", "超", "逾",
	"高于", "不低于", "低于", "不超过", "不高于", "不到", "不足", "近", "接近", "约", "大约", "左右", "以上",
	"降到", "降至", "升至", "升到", "增至", "减至", "提高到", "提升到", "上升到", "下降到", "回落到", "回落至",
	"以内", "以下", "跃上", "迈上", "站上", "跨越", "跃居", "位居", "稳居", "居", "排名", "排",
	"位列", "列", "分别", "均", "都", "各", "和", "与", "及", "以及", "的", "了", "其中",
	// multi-year words: recognised here so that the clause is read, then excluded
	"年均", "平均每年", "每年", "连续", "历年",
	// goal statements
	"主要预期目标", "预期目标", "主要目标", "目标", "目标是", "目标为", "安排",
}

// fillerByFirst holds fillerWords by their first rune, longest first, for
// greedy matching.
var fillerByFirst = func() map[rune][][]rune {
	out := map[rune][][]rune{}
	for _, w := range fillerWords {
		rs := []rune(w)
		out[rs[0]] = append(out[rs[0]], rs)
	}
	for _, ws := range out {
		slices.SortFunc(ws, func(a, b []rune) int { return len(b) - len(a) })
	}
	return out
}()

// fillerStarts holds the first runes of fillerWords, the keys of
// fillerByFirst.
var fillerStarts = func() *runeset.Filter {
	f := new(runeset.Filter)
	for r := range fillerByFirst {
		f.Add(r)
	}
	return f
}()

// isFiller reports whether rs holds only filler words, years (2024年,
// 2010年的), punctuation and the extra words given (the report's own region
// names and scope words).
func isFiller(rs []rune, extra [][]rune) bool {
	i := listOrdinal(rs)
next:
	for i < len(rs) {
		r := rs[i]
		if r == '(' || r == '（' {
			// A short note in brackets: (不含农户), (GDP), (按可比价计算).
			if j := closing(rs, i); j > 0 {
				i = j + 1
				continue
			}
		}
		if isFillerMark(r) {
			i++
			continue
		}
		if j := yearAt(rs, i); j > i {
			i = j
			continue
		}
		for _, w := range extra {
			if len(w) > 0 && w[0] == r && i+len(w) <= len(rs) && slices.Equal(rs[i:i+len(w)], w) {
				i += len(w)
				continue next
			}
		}
		if fillerStarts.MayHave(r) {
			for _, w := range fillerByFirst[r] {
				if i+len(w) <= len(rs) && slices.Equal(rs[i:i+len(w)], w) {
					i += len(w)
					continue next
				}
			}
		}
		return false
	}
	return true
}

// isFillerMark reports whether r is a bracket, a quotation mark or a dash,
// which filler may hold.
func isFillerMark(r rune) bool {
	switch r {
	case '(', ')', '（', '）', '“', '”', '"', '\'', '‘', '’', '《', '》', '〈', '〉', '[', ']', '【', '】', '—', '-':
		return true
	}
	return false
}

// yearAt matches a year such as 2024年 at rs[i:] and returns the index
// after it, or i.
func yearAt(rs []rune, i int) int {
	if i < len(rs) && isDigit(rs[i]) {
		if y, j := readYear(rs, i); y > 0 {
			return j
		}
	}
	return i
}

// readYear reads a four-digit year from 1949 to 2099 followed by 年.
func readYear(rs []rune, i int) (year, end int) {
	if i+5 > len(rs) || rs[i+4] != '年' {
		return 0, i
	}
	y := 0
	for k := i; k < i+4; k++ {
		if rs[k] < '0' || rs[k] > '9' {
			return 0, i
		}
		y = y*10 + int(rs[k]-'0')
	}
	if i > 0 && rs[i-1] >= '0' && rs[i-1] <= '9' {
		return 0, i
	}
	if y < 1949 || y > 2099 {
		return 0, i
	}
	return y, i + 5
}

// containsWord reports whether rs contains word.
func containsWord(rs []rune, word string) bool {
	return indexWord(rs, word) >= 0
}

func indexWord(rs []rune, word string) int {
	first, _ := utf8.DecodeRuneInString(word)
	for i, r := range rs {
		if r == first && hasWord(rs, i, word) {
			return i
		}
	}
	return -1
}

func containsAny(rs []rune, words ...string) bool {
	for _, w := range words {
		if containsWord(rs, w) {
			return true
		}
	}
	return false
}

// isShareOf reports whether a lead states a share of a whole:
// 占一般公共预算支出的, 占全省比重.
func isShareOf(rs []rune) bool {
	return len(rs) > 1 && rs[0] == '占' && (rs[len(rs)-1] == '的' || hasWordBefore(rs, len(rs), "比重") || hasWordBefore(rs, len(rs), "比例"))
}

// isShareOfTarget reports whether a lead states how much of a target or a
// budget was reached (完成年度目标的, 为年度预算的, 完成投资计划的): the figure
// after it is no figure of the indicator, but the indicator is still the
// subject of the statement.
func isShareOfTarget(rs []rune) bool {
	for _, w := range []string{"目标的", "计划的", "任务的", "预算的"} {
		if hasWordBefore(rs, len(rs), w) {
			return true
		}
	}
	return false
}

// trimFiller drops the filler words at both ends of rs.
func trimFiller(rs []rune) []rune {
	for len(rs) > 0 && isFiller(rs[:1], nil) {
		rs = rs[1:]
	}
	for len(rs) > 0 && isFiller(rs[len(rs)-1:], nil) {
		rs = rs[:len(rs)-1]
	}
	return rs
}

// trimPunct drops punctuation and spaces at both ends of rs.
func trimPunct(rs []rune) []rune {
	isPunct := func(r rune) bool { return strings.ContainsRune(" ,，、:;。()（）“”\"", r) }
	for len(rs) > 0 && isPunct(rs[0]) {
		rs = rs[1:]
	}
	for len(rs) > 0 && isPunct(rs[len(rs)-1]) {
		rs = rs[:len(rs)-1]
	}
	return rs
}

// closing returns the index of the bracket closing the one at rs[i], if it
// comes within 15 runes, or -1.
func closing(rs []rune, i int) int {
	for j := i + 1; j < len(rs) && j <= i+16; j++ {
		switch rs[j] {
		case ')', '）':
			return j
		case '(', '（', '。', ',', ';':
			return -1
		}
	}
	return -1
}

func lastIndexWord(rs []rune, word string) int {
	last := -1
	for i := indexWord(rs, word); i >= 0; {
		last = i
		j := indexWord(rs[i+1:], word)
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return last
}

// listOrdinal returns the length of a list item's number at the start of
// rs: 1. 2、 (3) （三） 一是 二、, or 0.
func listOrdinal(rs []rune) int {
	i := 0
	open := i < len(rs) && (rs[i] == '(' || rs[i] == '（')
	if open {
		i++
	}
	j := i
	for j < len(rs) && ((rs[j] >= '0' && rs[j] <= '9') || isOrdinalDigit(rs[j])) {
		j++
	}
	if j == i || j >= len(rs) {
		return 0
	}
	switch {
	case open && (rs[j] == ')' || rs[j] == '）'):
		return j + 1
	case !open && (rs[j] == '.' || rs[j] == '、'):
		return j + 1
	case !open && rs[j] == '是' && !(rs[i] >= '0' && rs[i] <= '9'):
		return j + 1 // 一是
	}
	return 0
}

// isOrdinalDigit reports whether r is one of the Chinese numerals that
// number a list: 一 to 十.
func isOrdinalDigit(r rune) bool {
	switch r {
	case '一', '二', '三', '四', '五', '六', '七', '八', '九', '十':
		return true
	}
	return false
}
