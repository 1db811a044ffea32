package document

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// Errors of Decode. The errors it returns wrap one of these with details, so
// callers test them with errors.Is.
var (
	ErrEmpty       = errors.New("empty file")
	ErrBinary      = errors.New("binary file, not text")
	ErrUndecodable = errors.New("text in no supported encoding")
)

// Names of the encodings Decode recognises, as they appear in Decoded.Encoding
// and in a report's source.
const (
	encUTF8    = "utf-8"
	encUTF16LE = "utf-16le"
	encUTF16BE = "utf-16be"
	encGB18030 = "gb18030"
	encBig5    = "big5"
)

// Decoded is the text of a file and what Decode found out about its bytes.
type Decoded struct {
	Text     string // UTF-8; line ends "\r\n" and lone "\r" turned into "\n"
	Encoding string // utf-8, utf-16le, utf-16be, gb18030 or big5
	Invalid  int    // bytes that could not be decoded and were replaced with U+FFFD
}

const (
	decBinaryWindow = 8 << 10  // bytes looked at for NUL and control bytes
	decSampleSize   = 64 << 10 // bytes the legacy encodings are scored on
	// A decode with more bad bytes than 1/decMaxBadShare of the input, and
	// more than decMaxBadTail of them (a character cut off at the end of a
	// short file), is not accepted.
	decMaxBadShare = 100
	decMaxBadTail  = 3
	// GB18030 or Big5 text whose non-ASCII characters are less than
	// decMinCommonPercent common characters or punctuation, over at least
	// decMinPlausibleChars of them, is taken for garbage. Report text
	// scores about 85%, text decoded in the wrong encoding about 5%.
	decMinCommonPercent  = 20
	decMinPlausibleChars = 50
	decBadPenalty        = 8 // score lost per bad byte, in common characters
)

// Decode turns the bytes of a text file into UTF-8 text and names the
// encoding it found. Encodings are detected, never assumed:
//
//   - a byte order mark decides: UTF-8, UTF-16LE or UTF-16BE (the mark is
//     dropped);
//   - otherwise valid UTF-8 is UTF-8;
//   - otherwise GB18030 (which includes GBK and GB2312), Big5 and UTF-8 with
//     errors are scored on a sample: bad byte sequences count heavily
//     against an encoding, and the share of decoded characters that are
//     frequent Chinese characters (in either script) or Chinese punctuation
//     counts for it. Text decoded in the wrong one of GBK and Big5 is valid
//     but made of rare characters, so the choice is clear-cut.
//
// A few bad bytes, such as a character cut off at the end of the file, are
// replaced with U+FFFD and counted in Invalid. Empty input, binary input and
// input that no encoding decodes cleanly are errors wrapping ErrEmpty,
// ErrBinary and ErrUndecodable; their messages give byte offsets but no
// path, which the caller adds.
//
// Line ends "\r\n" and lone "\r" become "\n", so that line numbers count
// the same lines whatever the file used; nothing else is changed.
//
// Time and memory are linear in the size of the input: GB18030 and Big5 are
// told apart on a sample, and the input is then decoded once.
func Decode(data []byte) (Decoded, error) {
	if len(data) == 0 {
		return Decoded{}, ErrEmpty
	}
	switch {
	case decHasPrefix(data, "\xff\xfe\x00\x00"), decHasPrefix(data, "\x00\x00\xfe\xff"):
		return Decoded{}, fmt.Errorf("%w: utf-32 byte order mark; save the file as utf-8", ErrUndecodable)
	case decHasPrefix(data, "\xef\xbb\xbf"):
		return decodeUTF8BOM(data[3:])
	case decHasPrefix(data, "\xff\xfe"):
		return decodeUTF16(data[2:], unicode.LittleEndian, encUTF16LE)
	case decHasPrefix(data, "\xfe\xff"):
		return decodeUTF16(data[2:], unicode.BigEndian, encUTF16BE)
	}
	if order, ok := sniffUTF16(data); ok {
		// UTF-16 without its byte order mark, as some programs save it:
		// read as what it is, not as binary.
		name := encUTF16LE
		if order == unicode.BigEndian {
			name = encUTF16BE
		}
		if d, err := decodeUTF16(append([]byte{0, 0}, data...)[2:], order, name); err == nil {
			return d, nil
		}
	}
	if err := decCheckBinary(data, 0, 1, false); err != nil {
		return Decoded{}, err
	}
	if utf8.Valid(data) {
		return Decoded{Text: decNewlines(data), Encoding: encUTF8}, nil
	}
	return decodeLegacy(data)
}

// sniffUTF16 tells UTF-16 without a byte order mark by its zero bytes:
// the digits, newlines and Latin letters of a text have a zero in the
// high byte of their code unit, at odd offsets (little-endian) or even
// ones (big-endian), and on the other side few (一 is 4E00); Chinese text
// in a byte encoding has no zero byte at all.
func sniffUTF16(data []byte) (unicode.Endianness, bool) {
	n := min(len(data), 1<<16) &^ 1
	if n < 16 || bytes.IndexByte(data[:min(n, 4096)], 0) < 0 {
		return unicode.LittleEndian, false // text in a byte encoding: no zero byte
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	units := n / 2
	switch {
	case odd*20 >= units && even*8 <= odd:
		return unicode.LittleEndian, true
	case even*20 >= units && odd*8 <= even:
		return unicode.BigEndian, true
	}
	return unicode.LittleEndian, false
}

func decHasPrefix(data []byte, prefix string) bool {
	return len(data) >= len(prefix) && string(data[:len(prefix)]) == prefix
}

// decodeUTF8BOM decodes what follows a UTF-8 byte order mark: UTF-8 by
// declaration, with bad bytes replaced.
func decodeUTF8BOM(body []byte) (Decoded, error) {
	const bom = 3
	if len(body) == 0 {
		return Decoded{}, fmt.Errorf("%w: nothing after the utf-8 byte order mark", ErrEmpty)
	}
	if err := decCheckBinary(body, bom, 1, false); err != nil {
		return Decoded{}, err
	}
	if utf8.Valid(body) {
		return Decoded{Text: decNewlines(body), Encoding: encUTF8}, nil
	}
	var b strings.Builder
	b.Grow(len(body))
	st := newDecLegacy(encUTF8).run(body, &b, 0)
	if decTooBad(st.invalid, len(body)) {
		return Decoded{}, decBadBytes(encUTF8, st.invalid, len(body), bom+st.firstBad)
	}
	return Decoded{Text: b.String(), Encoding: encUTF8, Invalid: st.invalid}, nil
}

// decodeUTF16 decodes what follows a UTF-16 byte order mark.
func decodeUTF16(body []byte, order unicode.Endianness, name string) (Decoded, error) {
	const bom = 2
	if len(body) == 0 {
		return Decoded{}, fmt.Errorf("%w: nothing after the %s byte order mark", ErrEmpty, name)
	}
	big := order == unicode.BigEndian
	if err := decCheckBinary(body, bom, 2, big); err != nil {
		return Decoded{}, err
	}
	bad, first := decUTF16Invalid(body, big)
	if decTooBad(bad, len(body)) {
		return Decoded{}, decBadBytes(name, bad, len(body), bom+first)
	}
	out, err := unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder().Bytes(body)
	if err != nil { // the decoder replaces bad input, so this does not happen
		return Decoded{}, fmt.Errorf("%w: %s: %v", ErrUndecodable, name, err)
	}
	return Decoded{Text: decNewlines(out), Encoding: name, Invalid: bad}, nil
}

// decUTF16Invalid counts the bytes of body that the UTF-16 decoder replaces
// with U+FFFD (unpaired surrogates and an odd last byte) and gives the
// offset of the first, or -1.
func decUTF16Invalid(body []byte, big bool) (bad, first int) {
	first = -1
	unit := func(i int) rune {
		if big {
			return rune(body[i])<<8 | rune(body[i+1])
		}
		return rune(body[i+1])<<8 | rune(body[i])
	}
	mark := func(i, n int) {
		if first < 0 {
			first = i
		}
		bad += n
	}
	i := 0
	for i+1 < len(body) {
		r := unit(i)
		if !utf16.IsSurrogate(r) {
			i += 2
			continue
		}
		if i+3 < len(body) {
			if r2 := unit(i + 2); 0xdc00 <= r2 && r2 <= 0xdfff {
				// The decoder takes a surrogate followed by a low surrogate
				// as a pair, which is bad unless the first one is high.
				if utf16.DecodeRune(r, r2) == utf8.RuneError {
					mark(i, 4)
				}
				i += 4
				continue
			}
		}
		mark(i, 2)
		i += 2
	}
	if i < len(body) {
		mark(i, 1)
	}
	return bad, first
}

// decodeLegacy decodes input that has no byte order mark and is not valid
// UTF-8. UTF-8 that is cut off in its last character or has few bad bytes
// stays UTF-8; otherwise GB18030, Big5 and UTF-8 are scored on a sample and
// the whole input is decoded once with the best.
func decodeLegacy(data []byte) (Decoded, error) {
	sample, start := decSample(data)
	var (
		best      *decLegacy
		bestStats decStats
		bestScore int
	)
	for _, name := range []string{encGB18030, encBig5} {
		d := newDecLegacy(name)
		st := d.run(sample, nil, 0)
		if score := st.common - decBadPenalty*st.invalid; best == nil || score > bestScore {
			best, bestStats, bestScore = d, st, score
		}
	}
	u := newDecLegacy(encUTF8)
	// Bytes of GB18030 or Big5 text make a bad UTF-8 sequence for every
	// well-formed one or more; real UTF-8 seldom has a bad one. The UTF-8
	// pass stops once it can neither meet that nor beat the best score.
	if decCutUTF8(data) {
		best = u
	} else if st := u.run(sample, nil, bestScore); !st.stopped {
		score := st.common - decBadPenalty*st.invalid
		if st.invalid*100 <= st.chars-st.bad || score > bestScore {
			best, bestStats = u, st
		}
	}
	if best.name != encUTF8 && bestStats.chars >= decMinPlausibleChars &&
		bestStats.common*100 < decMinCommonPercent*bestStats.chars {
		where := fmt.Sprintf("non-ascii text from byte offset %d", start)
		if bestStats.firstBad >= 0 {
			where = fmt.Sprintf("first bad byte at offset %d", start+bestStats.firstBad)
		}
		return Decoded{}, fmt.Errorf("%w: best guess %s gives only %d%% common characters, not readable text; %s",
			ErrUndecodable, best.name, bestStats.common*100/bestStats.chars, where)
	}
	var b strings.Builder
	if best.name == encUTF8 {
		b.Grow(len(data) + 8)
	} else {
		b.Grow(len(data) + len(data)/2) // two bytes of GB18030 or Big5 make three of UTF-8
	}
	st := best.run(data, &b, 0)
	if decTooBad(st.invalid, len(data)) {
		return Decoded{}, decBadBytes(best.name, st.invalid, len(data), st.firstBad)
	}
	return Decoded{Text: b.String(), Encoding: best.name, Invalid: st.invalid}, nil
}

// decCutUTF8 tells whether data is UTF-8 cut off in its last character:
// valid but for an incomplete sequence of one to three bytes at the end.
func decCutUTF8(data []byte) bool {
	for k := 1; k <= utf8.UTFMax-1 && k <= len(data); k++ {
		if tail := data[len(data)-k:]; utf8.RuneStart(tail[0]) {
			return !utf8.FullRune(tail) && utf8.Valid(data[:len(data)-k])
		}
	}
	return false
}

// decSample is the part of data the legacy encodings are scored on: from
// the first non-ASCII byte (which starts a character in all of them), about
// decSampleSize bytes, ended after a byte below 0x30, which is never the
// second or a later byte of a character in GB18030, Big5 or UTF-8, so that
// no character is cut in two. start is the sample's offset in data.
func decSample(data []byte) (sample []byte, start int) {
	for start < len(data) && data[start] < utf8.RuneSelf {
		start++
	}
	end := start + decSampleSize
	if end >= len(data) {
		return data[start:], start
	}
	for j := end; j > end-1024; j-- {
		if data[j-1] < 0x30 {
			return data[start:j], start
		}
	}
	return data[start:end], start
}

// decTooBad tells whether bad bytes out of n are too many to accept.
func decTooBad(bad, n int) bool {
	return bad > decMaxBadTail && bad*decMaxBadShare > n
}

func decBadBytes(name string, bad, n, first int) error {
	return fmt.Errorf("%w: best guess %s, but %d of %d bytes (%.1f%%) cannot be decoded, the first at byte offset %d",
		ErrUndecodable, name, bad, n, float64(bad)*100/float64(n), first)
}

// decCheckBinary rejects input whose first decBinaryWindow bytes hold a NUL
// or more than 10% control characters other than \t \n \v \f \r. width is 1
// for byte encodings and 2 for UTF-16 (code units in the byte order big or
// little); base is the offset of data in the file, for messages.
func decCheckBinary(data []byte, base, width int, big bool) error {
	n := min(len(data), decBinaryWindow)
	controls, units := 0, 0
	for i := 0; i+width <= n; i += width {
		u := int(data[i])
		if width == 2 {
			if big {
				u = u<<8 | int(data[i+1])
			} else {
				u |= int(data[i+1]) << 8
			}
		}
		units++
		switch {
		case u == 0:
			return fmt.Errorf("%w: NUL character at byte offset %d", ErrBinary, base+i)
		case u < 0x20 && (u < '\t' || u > '\r'), u == 0x7f:
			controls++
		}
	}
	if controls*10 > units {
		return fmt.Errorf("%w: %d of the first %d characters are control characters", ErrBinary, controls, units)
	}
	return nil
}

// decNewlines is p as a string with "\r\n" and lone "\r" turned into "\n".
func decNewlines(p []byte) string {
	i := bytes.IndexByte(p, '\r')
	if i < 0 {
		return string(p)
	}
	var b strings.Builder
	b.Grow(len(p))
	for i >= 0 {
		b.Write(p[:i])
		b.WriteByte('\n')
		p = p[i+1:]
		if len(p) > 0 && p[0] == '\n' {
			p = p[1:]
		}
		i = bytes.IndexByte(p, '\r')
	}
	b.Write(p)
	return b.String()
}

// decStats is what a pass of a decLegacy over some bytes found.
type decStats struct {
	invalid  int // bytes replaced with U+FFFD
	firstBad int // offset of the first of them, or -1
	chars    int // non-ASCII characters, bad ones included
	bad      int // bad sequences among them
	stopped  bool
	common   int // of those, frequent Chinese characters and Chinese punctuation
}

// decLegacy decodes GB18030, Big5 or (with bad bytes) UTF-8 into UTF-8. It
// decodes GB18030 and Big5 exactly as golang.org/x/text does, from tables
// made with its decoders, but knows where each bad sequence is and how long,
// which the x/text decoders do not say. One decLegacy serves one call of
// Decode.
type decLegacy struct {
	name string
	step func(d *decLegacy, p []byte) (r rune, s string, n int, ok bool)
	// The two-byte table and its trail byte index, for the fast path of
	// run; nil for UTF-8.
	table []rune
	trail *[256]uint8
	width int               // trail bytes per lead byte in table
	gb    *encoding.Decoder // for four-byte GB18030 sequences; made when needed
	buf   [16]byte
}

func newDecLegacy(name string) *decLegacy {
	d := &decLegacy{name: name}
	switch name {
	case encGB18030:
		decGBOnce.Do(decLoadGB18030)
		d.step = (*decLegacy).stepGB18030
		d.table, d.trail, d.width = decGBTable, &decGBTrail, 190
	case encBig5:
		decBig5Once.Do(decLoadBig5)
		d.step = (*decLegacy).stepBig5
		d.table, d.trail, d.width = decBig5Table, &decBig5Trail, 157
	default:
		d.step = (*decLegacy).stepUTF8
	}
	return d
}

// run decodes data, writing the text to out unless out is nil, and counts.
// Common characters are counted only when out is nil, for scoring; then
// a UTF-8 pass stops early (stats.stopped) when its bad bytes are more than
// 1% of the characters it can still find and its score cannot reach
// stopBelow.
func (d *decLegacy) run(data []byte, out *strings.Builder, stopBelow int) decStats {
	st := decStats{firstBad: -1}
	for i := 0; i < len(data); {
		c := data[i]
		if d.table != nil && 0x81 <= c && c < 0xff && i+1 < len(data) {
			// Fast path: a mapped pair of lead and trail bytes.
			if t := d.trail[data[i+1]]; t != 0xff {
				if r := d.table[int(c-0x81)*d.width+int(t)]; r > 0 {
					st.chars++
					if out != nil {
						out.WriteRune(r)
					} else if decIsCommon(r) {
						st.common++
					}
					i += 2
					continue
				}
			}
		}
		if c == '\r' {
			i++
			if i < len(data) && data[i] == '\n' {
				i++
			}
			if out != nil {
				out.WriteByte('\n')
			}
			continue
		}
		if c < utf8.RuneSelf {
			j := i + 1
			for j < len(data) && data[j] < utf8.RuneSelf && data[j] != '\r' {
				j++
			}
			if out != nil {
				out.Write(data[i:j])
			}
			i = j
			continue
		}
		r, s, n, ok := d.step(d, data[i:])
		st.chars++
		switch {
		case !ok:
			if st.firstBad < 0 {
				st.firstBad = i
			}
			st.bad++
			st.invalid += n
			if out != nil {
				out.WriteString("\uFFFD")
			} else if d.table == nil {
				rest := (len(data) - i) / 2 // at most this many more characters
				if st.invalid*100 > st.chars-st.bad+rest &&
					st.common-decBadPenalty*st.invalid+rest < stopBelow {
					st.stopped = true
					return st
				}
			}
		case s != "":
			if out != nil {
				out.WriteString(s)
			}
		default:
			if out != nil {
				out.WriteRune(r)
			} else if decIsCommon(r) {
				st.common++
			}
		}
		i += n
	}
	return st
}

// The step functions decode the character at the start of p, whose first
// byte is not ASCII: the rune, or a string when it decodes to several; its
// length; and whether it was good. A bad sequence decodes to U+FFFD.

func (d *decLegacy) stepUTF8(p []byte) (rune, string, int, bool) {
	r, n := utf8.DecodeRune(p)
	return r, "", n, r != utf8.RuneError || n > 1
}

// stepGB18030 follows golang.org/x/text/encoding/simplifiedchinese.
func (d *decLegacy) stepGB18030(p []byte) (rune, string, int, bool) {
	c0 := p[0]
	switch {
	case c0 == 0x80:
		return '€', "", 1, true
	case c0 == 0xff, len(p) < 2:
		return utf8.RuneError, "", 1, false
	}
	var t int
	switch c1 := p[1]; {
	case 0x40 <= c1 && c1 < 0x7f:
		t = int(c1 - 0x40)
	case 0x80 <= c1 && c1 < 0xff:
		t = int(c1 - 0x41)
	case 0x30 <= c1 && c1 < 0x40:
		return d.fourByte(p)
	default:
		return utf8.RuneError, "", 1, false
	}
	if r := decGBTable[int(c0-0x81)*190+t]; r != 0 {
		return r, "", 2, true
	}
	return utf8.RuneError, "", 2, false
}

// fourByte decodes a four-byte GB18030 sequence, rare in practice, with the
// x/text decoder itself.
func (d *decLegacy) fourByte(p []byte) (rune, string, int, bool) {
	if len(p) < 4 || p[2] < 0x81 || p[2] == 0xff || p[3] < 0x30 || p[3] > 0x39 {
		return utf8.RuneError, "", 1, false
	}
	if d.gb == nil {
		d.gb = simplifiedchinese.GB18030.NewDecoder()
	}
	nDst, _, _ := d.gb.Transform(d.buf[:], p[:4], true)
	r, n := utf8.DecodeRune(d.buf[:nDst])
	if n != nDst {
		// Out of range: x/text replaced the first byte and went on with
		// the next three.
		return utf8.RuneError, "", 1, false
	}
	return r, "", 4, true
}

// stepBig5 follows golang.org/x/text/encoding/traditionalchinese.
func (d *decLegacy) stepBig5(p []byte) (rune, string, int, bool) {
	c0 := p[0]
	if c0 < 0x81 || c0 == 0xff || len(p) < 2 {
		return utf8.RuneError, "", 1, false
	}
	var t int
	switch c1 := p[1]; {
	case 0x40 <= c1 && c1 < 0x7f:
		t = int(c1 - 0x40)
	case 0xa1 <= c1 && c1 < 0xff:
		t = int(c1 - 0x62)
	case c1 < 0x40:
		return utf8.RuneError, "", 1, false
	default:
		return utf8.RuneError, "", 2, false
	}
	i := int(c0-0x81)*157 + t
	switch r := decBig5Table[i]; r {
	case 0:
		return utf8.RuneError, "", 2, false
	case -1:
		return 0, decBig5Multi[i], 2, true
	default:
		return r, "", 2, true
	}
}

// Two-byte tables made with the x/text decoders: the rune of each lead and
// trail byte pair, 0 where the pair decodes to U+FFFD, and for Big5 -1 where
// it decodes to two runes (held in decBig5Multi).
var (
	decGBOnce    sync.Once
	decGBTable   []rune // (lead-0x81)*190 + decGBTrail[trail]
	decBig5Once  sync.Once
	decBig5Table []rune // (lead-0x81)*157 + decBig5Trail[trail]
	decBig5Multi map[int]string
)

// Trail byte indexes of the two-byte tables, 0xff for bytes that are not a
// trail byte.
var decGBTrail, decBig5Trail = func() (gb, big5 [256]uint8) {
	for c := range 256 {
		gb[c], big5[c] = 0xff, 0xff
		switch {
		case 0x40 <= c && c < 0x7f:
			gb[c], big5[c] = uint8(c-0x40), uint8(c-0x40)
		case 0x80 <= c && c < 0xff:
			gb[c] = uint8(c - 0x41)
			if c >= 0xa1 {
				big5[c] = uint8(c - 0x62)
			}
		}
	}
	return gb, big5
}()

func decLoadGB18030() {
	dec := simplifiedchinese.GB18030.NewDecoder()
	decGBTable = make([]rune, 126*190)
	for c0 := 0x81; c0 <= 0xfe; c0++ {
		for c1 := 0x40; c1 <= 0xfe; c1++ {
			if c1 == 0x7f {
				continue
			}
			t := c1 - 0x40
			if c1 > 0x7f {
				t = c1 - 0x41
			}
			s := decPair(dec, c0, c1)
			if r, n := utf8.DecodeRuneInString(s); n == len(s) && r != utf8.RuneError {
				decGBTable[(c0-0x81)*190+t] = r
			}
		}
	}
}

func decLoadBig5() {
	dec := traditionalchinese.Big5.NewDecoder()
	decBig5Table = make([]rune, 126*157)
	decBig5Multi = map[int]string{}
	for c0 := 0x81; c0 <= 0xfe; c0++ {
		for c1 := 0x40; c1 <= 0xfe; c1++ {
			if 0x7f <= c1 && c1 <= 0xa0 {
				continue
			}
			t := c1 - 0x40
			if c1 > 0x7f {
				t = c1 - 0x62
			}
			i := (c0-0x81)*157 + t
			s := decPair(dec, c0, c1)
			switch r, n := utf8.DecodeRuneInString(s); {
			case n < len(s):
				decBig5Table[i] = -1
				decBig5Multi[i] = s
			case r != utf8.RuneError:
				decBig5Table[i] = r
			}
		}
	}
}

func decPair(dec *encoding.Decoder, c0, c1 int) string {
	var dst [16]byte
	nDst, _, _ := dec.Transform(dst[:], []byte{byte(c0), byte(c1)}, true)
	return string(dst[:nDst])
}

// decIsCommon tells whether r is one of the frequent characters of Chinese
// reports, in either script, or Chinese punctuation.
func decIsCommon(r rune) bool {
	switch {
	case decCJKFirst <= r && r <= decCJKLast:
		i := r - decCJKFirst
		return decCommonCJK[i>>6]&(1<<(i&63)) != 0
	case 0x3000 <= r && r <= 0x303f, // CJK symbols and punctuation: 、。《》「」【】
		0xff01 <= r && r <= 0xff5e, // full-width forms: ，：；（）％
		r == '—', r == '…', r == '·', r == '“', r == '”', r == '‘', r == '’':
		return true
	}
	return false
}

const (
	decCJKFirst = 0x4e00
	decCJKLast  = 0x9fff
)

// decCommonCJK is the set of decCommonSimplified and decCommonTraditional, a bit
// per code point from decCJKFirst.
var decCommonCJK = func() (set [(decCJKLast - decCJKFirst + 64) / 64]uint64) {
	for _, r := range decCommonSimplified + decCommonTraditional {
		if decCJKFirst <= r && r <= decCJKLast {
			i := r - decCJKFirst
			set[i>>6] |= 1 << (i & 63)
		}
	}
	return set
}()

// decCommonSimplified holds about 600 characters: the most frequent of
// modern written Chinese and those of the vocabulary of government work
// reports (发展 经济 增长 亿元 …). decCommonTraditional holds their
// Traditional forms that differ (發 展 經 濟 增 長 億 …), Taiwan and Hong
// Kong variants included. Text decoded in the wrong encoding has few of them.
const decCommonSimplified = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动" +
	"同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自" +
	"二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日" +
	"那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变" +
	"条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总" +
	"次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指" +
	"几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器" +
	"压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安" +
	"场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集" +
	"温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容须际商非验连断" +
	"深难近千周委素技备半办青省列习响约支般史感劳便团往历市克何除消构府称太准精值号率" +
	"族维划选标写存候亲快效院查江型王按格养易置派层片始却专状育厂京识适属包住调满县局" +
	"照参红细引听该铁价严亿项推施稳升城乡镇村企创服障投费域综落绿态环境污染善营优扶贫" +
	"振兴健康医疗卫校融贷款税财预筹协贸园港航旅游粮食户居房网络智源碳排突破超累扎坚聚" +
	"焦巩固拓续福祉招幸获告审执降左右顾显著模零售额失涨幅均配耗吨"

const decCommonTraditional = "這爲個國時來們於對會發動過說產種後學經進電裏現實兩體機當點從業應開還義間樣與關線" +
	"內數麼質氣變條沒結問無軍並題黨員總設長頭資邊級圖統較將組見計別論運農幾區強決幹戰" +
	"則據處隊給門規熱領東導壓爭濟階術極聯認權證採轉單風帶場車務萬達積議聲報鬥類離華確" +
	"張馬節話況溫傳許羣廣記觀織裝衆書覆須際驗連斷難備辦習響約勞團歷構稱準號維劃選標寫" +
	"親養層卻專狀廠識適屬調滿縣參紅細聽該鐵價嚴億項穩鄉鎮創費綜綠態環營優貧興醫療衛貸" +
	"稅財預籌協貿園遊糧戶網絡堅鞏續獲審執顧顯額漲噸為裡眾汙説衞復複乾臺"
