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

var chineseDigits = map[rune]float64{
	'〇': 0, '零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4,
	'五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
}

var chineseUnits = map[rune]float64{'十': 10, '百': 100, '千': 1000}

// parseChinese reads a number written in Chinese numerals at rs[i:]
// (一百二十, 两, 十五, 三千). Multipliers 万 and 亿 are left to the unit.
func parseChinese(rs []rune, i int) (n number, ok bool) {
	var total, digit float64
	seen := false
	j := i
	for ; j < len(rs); j++ {
		r := rs[j]
		if d, isDigit := chineseDigits[r]; isDigit {
			digit = d
			seen = true
			continue
		}
		if u, isUnit := chineseUnits[r]; isUnit {
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

// round12 rounds to 12 significant digits, so that unit conversion does not
// leave binary noise (8317 人 → 0.8317 万人, not 0.8317000000000001).
func round12(v float64) float64 {
	if v == 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return v
	}
	s := strconv.FormatFloat(v, 'g', 12, 64)
	r, _ := strconv.ParseFloat(s, 64)
	return r
}
