package extract

import (
	"math"
	"strconv"
)

// number is a figure as written: its value and the runes it spans.
type number struct {
	value      float64
	start, end int // rune span in the paragraph
}

// isDigit reports whether r is an ASCII digit.
func isDigit(r rune) bool { return '0' <= r && r <= '9' }

// parseArabic reads an Arabic number at rs[i:]: digits with an optional
// decimal part and thousands separators (3,569.7). ok is false when no digit
// starts there.
func parseArabic(rs []rune, i int) (n number, ok bool) {
	j := i
	var buf []byte
	for j < len(rs) {
		r := rs[j]
		switch {
		case r >= '0' && r <= '9':
			buf = append(buf, byte(r))
		case r == ',' && len(buf) > 0 && threeDigits(rs, j+1) && !hasDot(buf):
			// a thousands separator: exactly three digits follow
		case r == '.' && len(buf) > 0 && !hasDot(buf) && j+1 < len(rs) && rs[j+1] >= '0' && rs[j+1] <= '9':
			buf = append(buf, '.')
		default:
			goto done
		}
		j++
	}
done:
	if len(buf) == 0 {
		return n, false
	}
	v, err := strconv.ParseFloat(string(buf), 64)
	if err != nil || math.IsInf(v, 0) {
		return n, false
	}
	return number{value: v, start: i, end: j}, true
}

func hasDot(b []byte) bool {
	for _, c := range b {
		if c == '.' {
			return true
		}
	}
	return false
}

func threeDigits(rs []rune, i int) bool {
	if i+3 > len(rs) {
		return false
	}
	for k := i; k < i+3; k++ {
		if rs[k] < '0' || rs[k] > '9' {
			return false
		}
	}
	return i+3 == len(rs) || rs[i+3] < '0' || rs[i+3] > '9'
}

// chineseDigit returns the value of a Chinese digit: 〇 零 一 二 两 三 四
// 五 六 七 八 九.
func chineseDigit(r rune) (float64, bool) {
	switch r {
	case '〇', '零':
		return 0, true
	case '一':
		return 1, true
	case '二', '两':
		return 2, true
	case '三':
		return 3, true
	case '四':
		return 4, true
	case '五':
		return 5, true
	case '六':
		return 6, true
	case '七':
		return 7, true
	case '八':
		return 8, true
	case '九':
		return 9, true
	}
	return 0, false
}

// chineseUnit returns the value of 十, 百 or 千.
func chineseUnit(r rune) (float64, bool) {
	switch r {
	case '十':
		return 10, true
	case '百':
		return 100, true
	case '千':
		return 1000, true
	}
	return 0, false
}

// parseChinese reads a number written in Chinese numerals at rs[i:]
// (一百二十, 两, 十五, 三千). Multipliers 万 and 亿 are left to the unit.
func parseChinese(rs []rune, i int) (n number, ok bool) {
	var total, digit float64
	seen := false
	j := i
	for ; j < len(rs); j++ {
		r := rs[j]
		if d, isDigit := chineseDigit(r); isDigit {
			digit = d
			seen = true
			continue
		}
		if u, isUnit := chineseUnit(r); isUnit {
			if digit == 0 && !seen {
				digit = 1 // 十五 = 15
			}
			total += digit * u
			digit = 0
			seen = true
			continue
		}
		break
	}
	if !seen {
		return n, false
	}
	return number{value: total + digit, start: i, end: j}, true
}
