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

// pairFilter is a runeFilter for the first two runes of words: a bit for
// each of 1<<16 hashes of a pair, clear when no word starts with a pair of
// that hash.
type pairFilter struct {
	bits [(1 << 16) / 64]uint64
}

// pairHash mixes two runes into 16 bits (Fibonacci hashing: the top bits
// of a product with 2³²/φ).
func pairHash(a, b rune) uint32 {
	return (uint32(a)<<16 ^ uint32(b)) * 0x9E3779B1 >> 16
}

// add lets the pair a, b through the filter.
func (f *pairFilter) add(a, b rune) {
	h := pairHash(a, b)
	f.bits[h>>6] |= 1 << (h & 63)
}

// mayHave reports whether the pair a, b may have passed to add: false
// means that it certainly did not.
func (f *pairFilter) mayHave(a, b rune) bool {
	h := pairHash(a, b)
	return f.bits[h>>6]&(1<<(h&63)) != 0
}
