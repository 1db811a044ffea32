package extract

// runeFilter tells at the cost of a bit test that a rune cannot start any
// of a set of words, so that a scan through a report can skip the map or
// list that holds them at nearly every rune. It keeps a bit for each rune
// of the Basic Multilingual Plane, where all the words start, and lets
// every other rune through.
type runeFilter struct {
	bmp [(1 << 16) / 64]uint64
}

// add lets r through the filter.
func (f *runeFilter) add(r rune) {
	if uint32(r) <= 0xFFFF {
		f.bmp[r>>6] |= 1 << (r & 63)
	}
}

// mayHave reports whether r passed to add, or is beyond the Basic
// Multilingual Plane: false means that r certainly did not.
func (f *runeFilter) mayHave(r rune) bool {
	if uint32(r) > 0xFFFF {
		return true
	}
	return f.bmp[r>>6]&(1<<(r&63)) != 0
}
