// Package runeset holds filters that tell, at the cost of a bit test, that
// a rune or a pair of runes cannot start any of a set of words, so that a
// scan through a report can skip the map or list that holds them at nearly
// every rune.
package runeset

// Filter keeps a bit for each rune of the Basic Multilingual Plane, where
// all the words start, and lets every other rune through.
type Filter struct {
	bmp [(1 << 16) / 64]uint64
}

// Add lets r through the filter.
func (f *Filter) Add(r rune) {
	if uint32(r) <= 0xFFFF {
		f.bmp[r>>6] |= 1 << (r & 63)
	}
}

// MayHave reports whether r passed to Add, or is beyond the Basic
// Multilingual Plane: false means that r certainly did not.
func (f *Filter) MayHave(r rune) bool {
	if uint32(r) > 0xFFFF {
		return true
	}
	return f.bmp[r>>6]&(1<<(r&63)) != 0
}

// Union sets f to the union of a and b.
func (f *Filter) Union(a, b *Filter) {
	for i := range f.bmp {
		f.bmp[i] = a.bmp[i] | b.bmp[i]
	}
}

// PairFilter is a Filter for the first two runes of words: a Bloom filter
// that sets two of 1<<16 bits for each pair that starts a word, and lets a
// pair through only when both of its bits are set.
type PairFilter struct {
	bits [(1 << 16) / 64]uint64
}

// pairBits mixes two runes into the two 16-bit indexes of their bits
// (Fibonacci hashing: the top bits of a product with 2⁶⁴/φ).
func pairBits(a, b rune) (uint32, uint32) {
	h := (uint64(uint32(a))<<32 | uint64(uint32(b))) * 0x9E3779B97F4A7C15
	return uint32(h >> 48), uint32(h>>32) & 0xFFFF
}

// Add lets the pair a, b through the filter.
func (f *PairFilter) Add(a, b rune) {
	h1, h2 := pairBits(a, b)
	f.bits[h1>>6] |= 1 << (h1 & 63)
	f.bits[h2>>6] |= 1 << (h2 & 63)
}

// MayHave reports whether the pair a, b may have passed to Add: false
// means that it certainly did not.
func (f *PairFilter) MayHave(a, b rune) bool {
	h1, h2 := pairBits(a, b)
	return f.bits[h1>>6]&(1<<(h1&63)) != 0 && f.bits[h2>>6]&(1<<(h2&63)) != 0
}
