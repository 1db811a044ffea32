package export

import (
	"math"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// numberShower tells how a number looks in a number format, as Excel
// shows it (6.5 in 0.0"%左右" is 6.5%左右), for column widths. The cells of
// a sheet are streamed, not held by excelize, so it formats on a scratch
// sheet of its own.
type numberShower struct {
	f      *excelize.File
	styles map[string]int // number format → style id in f
	cache  map[shownKey]string
}

type shownKey struct {
	v      float64
	numFmt string
}

func newNumberShower() *numberShower {
	return &numberShower{f: excelize.NewFile(), styles: map[string]int{}, cache: map[shownKey]string{}}
}

// show returns v as numFmt ("" for General) shows it.
func (s *numberShower) show(v float64, numFmt string) (string, error) {
	k := shownKey{v, numFmt}
	if t, ok := s.cache[k]; ok {
		return t, nil
	}
	id, ok := s.styles[numFmt]
	if !ok {
		var err error
		style := &excelize.Style{}
		if numFmt != "" {
			style.CustomNumFmt = &numFmt
		}
		if id, err = s.f.NewStyle(style); err != nil {
			return "", err
		}
		s.styles[numFmt] = id
	}
	const sheet, cell = "Sheet1", "A1"
	if err := s.f.SetCellFloat(sheet, cell, v, -1, 64); err != nil {
		return "", err
	}
	if err := s.f.SetCellStyle(sheet, cell, cell, id); err != nil {
		return "", err
	}
	t, err := s.f.GetCellValue(sheet, cell)
	if err != nil {
		return "", err
	}
	s.cache[k] = t
	return t, nil
}

// numberColumn is a column and a number format in it.
type numberColumn struct {
	col    int
	numFmt string
}

// numberRange keeps the numbers of a column and format that may be shown
// widest: the largest, the smallest and the longest written out. A format
// shows a number with fixed decimals, so its width grows with the integer
// digits and the sign; General shows every decimal.
type numberRange struct {
	seen              bool
	largest, smallest float64
	longest           float64
	longestLen        int
}

func (r numberRange) with(v float64) numberRange {
	n := len(strconv.FormatFloat(v, 'f', -1, 64))
	if !r.seen {
		return numberRange{seen: true, largest: v, smallest: v, longest: v, longestLen: n}
	}
	r.largest, r.smallest = math.Max(r.largest, v), math.Min(r.smallest, v)
	if n > r.longestLen {
		r.longest, r.longestLen = v, n
	}
	return r
}

func (r numberRange) extremes() []float64 {
	return []float64{r.largest, r.smallest, r.longest}
}
