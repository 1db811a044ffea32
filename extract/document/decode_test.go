package document

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
	"zhibiao/extract/internal/testdoc"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

func TestDecodeSeeds(t *testing.T) {
	for _, seed := range testdoc.Seeds(t) {
		for _, c := range testdoc.EncodeAll(t, seed.Text, seed.Name == testdoc.TraditionalSeed) {
			t.Run(seed.Name+"/"+c.Form, func(t *testing.T) {
				d, err := Decode(c.Data)
				if err != nil {
					t.Fatalf("Decode: %v", err)
				}
				if d.Encoding != c.Want {
					t.Errorf("Encoding = %q, want %q", d.Encoding, c.Want)
				}
				if d.Invalid != 0 {
					t.Errorf("Invalid = %d, want 0", d.Invalid)
				}
				if d.Text != c.Text {
					t.Errorf("text differs from the original at byte %d", firstDiff(d.Text, c.Text))
				}
			})
		}
	}
	t.Run("big5 text is not taken for gb18030", func(t *testing.T) {
		// A Simplified seed cut down to what Big5 can encode is a poor text,
		// but still detected.
		for _, seed := range testdoc.Seeds(t) {
			lossy := testdoc.Encodable(traditionalchinese.Big5, seed.Text)
			d, err := Decode(testdoc.MustEncode(t, traditionalchinese.Big5, lossy))
			if err != nil {
				t.Fatalf("%s: %v", seed.Name, err)
			}
			if d.Encoding != "big5" || d.Text != lossy {
				t.Errorf("%s: Encoding = %q, text equal: %v", seed.Name, d.Encoding, d.Text == lossy)
			}
		}
	})
}

func firstDiff(a, b string) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return i
}

// TestDecodeScoresSeparate shows on the seeds why the choice between
// GB18030 and Big5 is safe: the right one decodes to text made mostly of
// common characters, the wrong one to text that has few of them.
func TestDecodeScoresSeparate(t *testing.T) {
	share := func(data []byte, enc string) (int, decStats) {
		sample, _ := decSample(data)
		st := newDecLegacy(enc).run(sample, nil, 0)
		return st.common * 100 / max(st.chars, 1), st
	}
	for _, seed := range testdoc.Seeds(t) {
		forms := map[string][]byte{"gb18030": testdoc.MustEncode(t, simplifiedchinese.GB18030, seed.Text)}
		if seed.Name == testdoc.TraditionalSeed {
			forms["big5"] = testdoc.MustEncode(t, traditionalchinese.Big5, testdoc.Encodable(traditionalchinese.Big5, seed.Text))
		}
		for right, data := range forms {
			wrong := "big5"
			if right == "big5" {
				wrong = "gb18030"
			}
			rs, rst := share(data, right)
			ws, wst := share(data, wrong)
			t.Logf("%s in %s: %d%% common as %s (%d bad bytes), %d%% as %s (%d bad bytes)",
				seed.Name, right, rs, right, rst.invalid, ws, wrong, wst.invalid)
			if rs < 60 || ws > 15 || rst.invalid != 0 {
				t.Errorf("%s in %s: common characters %d%% (right) and %d%% (wrong) do not separate", seed.Name, right, rs, ws)
			}
			if ws >= decMinCommonPercent && wst.invalid*decMaxBadShare <= len(data) {
				t.Errorf("%s in %s: decoded as %s it would pass for text", seed.Name, right, wrong)
			}
		}
	}
}

// pngLike is a PNG signature and header followed by random bytes.
func pngLike() []byte {
	rng := rand.New(rand.NewPCG(1, 2))
	b := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00")
	for range 4096 {
		b = append(b, byte(rng.UintN(256)))
	}
	return b
}

// garbageHigh is random bytes from 0x80 to 0xff.
func garbageHigh() []byte {
	rng := rand.New(rand.NewPCG(3, 4))
	b := make([]byte, 4096)
	for i := range b {
		b[i] = byte(0x80 + rng.UintN(128))
	}
	return b
}

func TestDecodeEdges(t *testing.T) {
	gbk := testdoc.MustEncode(t, simplifiedchinese.GB18030, "2024年全市地区生产总值增长4.9%。")
	big5 := testdoc.MustEncode(t, traditionalchinese.Big5, "2024年全市地區生產總值增長4.9%。")
	utf16Odd := append(testdoc.MustEncode(t, testdoc.UTF16LEBOM, "经济增长"), 'x')
	utf16Lone := append(testdoc.MustEncode(t, testdoc.UTF16BEBOM, "经济"), 0xd8, 0x00, 0x00, 'a')
	tests := []struct {
		name    string
		data    []byte
		err     error  // nil: decodes
		msg     string // part of the error message
		enc     string
		text    string
		invalid int
	}{
		{name: "empty", data: nil, err: ErrEmpty},
		{name: "utf-8 bom only", data: []byte("\xef\xbb\xbf"), err: ErrEmpty},
		{name: "utf-16 bom only", data: []byte("\xff\xfe"), err: ErrEmpty},
		{name: "png", data: pngLike(), err: ErrBinary, msg: "offset 8"},
		{name: "nul bytes", data: make([]byte, 1000), err: ErrBinary, msg: "offset 0"},
		{name: "nul after utf-8 bom", data: []byte("\xef\xbb\xbfab\x00c"), err: ErrBinary, msg: "offset 5"},
		{name: "control bytes", data: bytes.Repeat([]byte{1, 2, 3, 'a', 4, 5, 'b', 6, 7, 8}, 100), err: ErrBinary, msg: "control"},
		{name: "utf-16 nul", data: append(testdoc.MustEncode(t, testdoc.UTF16LEBOM, "经济"), 0, 0), err: ErrBinary, msg: "offset 6"},
		{name: "utf-32 bom", data: []byte("\xff\xfe\x00\x00a\x00\x00\x00"), err: ErrUndecodable, msg: "utf-32"},
		{name: "garbage high bytes", data: garbageHigh(), err: ErrUndecodable, msg: "best guess"},
		{name: "utf-8 bom then gbk", data: append([]byte("\xef\xbb\xbf"), bytes.Repeat(gbk, 20)...), err: ErrUndecodable, msg: "utf-8"},
		{name: "ascii", data: []byte("GDP 5%\n"), enc: "utf-8", text: "GDP 5%\n"},
		{name: "one gbk character", data: testdoc.MustEncode(t, simplifiedchinese.GBK, "中"), enc: "gb18030", text: "中"},
		{name: "gbk", data: gbk, enc: "gb18030", text: "2024年全市地区生产总值增长4.9%。"},
		{name: "gbk truncated lead byte", data: append(append([]byte{}, gbk...), 0xd6), enc: "gb18030",
			text: "2024年全市地区生产总值增长4.9%。\uFFFD", invalid: 1},
		{name: "gbk truncated four-byte", data: append(append([]byte{}, gbk...), 0x81, 0x30), enc: "gb18030",
			text: "2024年全市地区生产总值增长4.9%。\uFFFD0", invalid: 1},
		{name: "big5", data: big5, enc: "big5", text: "2024年全市地區生產總值增長4.9%。"},
		{name: "big5 truncated lead byte", data: append(append([]byte{}, big5...), 0xa4), enc: "big5",
			text: "2024年全市地區生產總值增長4.9%。\uFFFD", invalid: 1},
		{name: "utf-8 truncated", data: []byte("经济增长\xe4\xb8"), enc: "utf-8", text: "经济增长\uFFFD\uFFFD", invalid: 2},
		{name: "utf-16 odd length", data: utf16Odd, enc: "utf-16le", text: "经济增长\uFFFD", invalid: 1},
		{name: "utf-16 lone surrogate", data: utf16Lone, enc: "utf-16be", text: "经济\uFFFDa", invalid: 2},
		{name: "gb18030 four-byte", data: testdoc.MustEncode(t, simplifiedchinese.GB18030, "• 增长😀"), enc: "gb18030", text: "• 增长😀"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Decode(tt.data)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("err = %v, want %v", err, tt.err)
				}
				if !strings.Contains(err.Error(), tt.msg) {
					t.Errorf("message %q does not say %q", err, tt.msg)
				}
				if err.Error() != strings.ToLower(err.Error()[:1])+err.Error()[1:] {
					t.Errorf("message %q starts with a capital", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if d.Encoding != tt.enc || d.Text != tt.text || d.Invalid != tt.invalid {
				t.Errorf("got %q %q invalid %d, want %q %q invalid %d", d.Encoding, d.Text, d.Invalid, tt.enc, tt.text, tt.invalid)
			}
		})
	}
}

func TestDecodeUndecodableMessage(t *testing.T) {
	data := garbageHigh()
	_, err := Decode(data)
	if err == nil {
		t.Fatal("garbage decoded")
	}
	t.Logf("garbage high bytes: %v", err)
	// Half a GBK text and half garbage: more than 1% bad bytes.
	gbk := testdoc.MustEncode(t, simplifiedchinese.GB18030, strings.Repeat("全市地区生产总值增长。", 50))
	mixed := append(append([]byte{}, gbk...), bytes.Repeat([]byte{0xff}, 100)...)
	_, err = Decode(mixed)
	if !errors.Is(err, ErrUndecodable) {
		t.Fatalf("err = %v, want ErrUndecodable", err)
	}
	want := "best guess gb18030, but 100 of"
	if !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "byte offset 1100") {
		t.Errorf("message %q should name gb18030, the count and offset 1100", err)
	}
}

func TestDecodeNewlines(t *testing.T) {
	const in, want = "经\r\n济\r增\n\r\n长\r\r\n年\r", "经\n济\n增\n\n长\n\n年\n"
	forms := []struct {
		name, enc string
		data      []byte
	}{
		{"utf-8", "utf-8", []byte(in)},
		{"utf-8 bom", "utf-8", append([]byte("\xef\xbb\xbf"), in...)},
		{"utf-8 bad byte", "utf-8", append([]byte(strings.Repeat(in, 100)), 0xff)},
		{"utf-16le", "utf-16le", testdoc.MustEncode(t, testdoc.UTF16LEBOM, in)},
		{"utf-16be", "utf-16be", testdoc.MustEncode(t, testdoc.UTF16BEBOM, in)},
		{"gb18030", "gb18030", testdoc.MustEncode(t, simplifiedchinese.GB18030, in)},
		{"big5", "big5", testdoc.MustEncode(t, traditionalchinese.Big5, in)},
	}
	for _, f := range forms {
		t.Run(f.name, func(t *testing.T) {
			d, err := Decode(f.data)
			if err != nil {
				t.Fatal(err)
			}
			got := strings.TrimSuffix(d.Text, "\uFFFD")
			if f.name == "utf-8 bad byte" {
				if got != strings.Repeat(want, 100) {
					t.Errorf("Text = %q", d.Text)
				}
			} else if got != want {
				t.Errorf("Text = %q, want %q", d.Text, want)
			}
			if d.Encoding != f.enc {
				t.Errorf("Encoding = %q, want %q", d.Encoding, f.enc)
			}
		})
	}
}

// TestDecodeLikeXText checks that the table-driven decoder gives the same
// text as the golang.org/x/text decoders, on random bytes that are rich in
// valid, unmapped, cut-off and four-byte sequences.
func TestDecodeLikeXText(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	pick := []byte{0x80, 0x81, 0x84, 0x90, 0xa1, 0xa4, 0xb0, 0xc6, 0xc7, 0xd6, 0xe3, 0xf9, 0xfe, 0xff,
		0x30, 0x31, 0x39, 0x3f, 0x40, 0x7e, 0x7f, 0xa0, '\r', '\n', 'a'}
	for i := range 3000 {
		b := make([]byte, 1+rng.IntN(64))
		for j := range b {
			if rng.IntN(2) == 0 {
				b[j] = pick[rng.IntN(len(pick))]
			} else {
				b[j] = byte(rng.UintN(256))
			}
		}
		if i < 256*4 { // every lead byte before each kind of trail
			b = []byte{byte(i / 4), []byte{0x30, 0x40, 0xa1, 0xff}[i%4], 0x81, 0x30}
		}
		compareWithXText(t, b)
	}
}

func compareWithXText(t *testing.T, b []byte) {
	t.Helper()
	for _, c := range []struct {
		name string
		enc  encoding.Encoding
	}{{"gb18030", simplifiedchinese.GB18030}, {"big5", traditionalchinese.Big5}} {
		want, err := c.enc.NewDecoder().Bytes(b)
		if err != nil {
			t.Fatal(err)
		}
		var got strings.Builder
		st := newDecLegacy(c.name).run(b, &got, 0)
		if got.String() != decNewlines(want) {
			t.Fatalf("%s % x: got %q, x/text %q", c.name, b, got.String(), want)
		}
		if st.invalid < strings.Count(got.String(), "\uFFFD")-strings.Count(string(b), "\x84\x31\xa4\x37") {
			t.Fatalf("%s % x: %d bad bytes for %q", c.name, b, st.invalid, got.String())
		}
	}
}

// TestDecodeLongLine decodes 10 MB of GBK text, Chinese, digits and ASCII
// punctuation, that is a single line: it takes linear time (a fraction of a
// second), whatever the length of the line.
func TestDecodeLongLine(t *testing.T) {
	var pieces []string
	for _, s := range testdoc.Seeds(t) {
		if s.Name != testdoc.TraditionalSeed {
			pieces = append(pieces, strings.ReplaceAll(s.Text, "\n", " "))
		}
	}
	var text strings.Builder
	var data []byte
	for i := 0; len(data) < 10<<20; i++ {
		p := pieces[i%len(pieces)]
		text.WriteString(p)
		data = append(data, testdoc.MustEncode(t, simplifiedchinese.GB18030, p)...)
	}
	start := time.Now()
	d, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%.1f MB of GBK in one line decoded in %v", float64(len(data))/(1<<20), time.Since(start))
	if d.Encoding != "gb18030" || d.Invalid != 0 || d.Text != text.String() {
		t.Errorf("Encoding %q, Invalid %d, text equal %v", d.Encoding, d.Invalid, d.Text == text.String())
	}
	if strings.Contains(d.Text, "\n") {
		t.Error("Text has more than one line")
	}
}

func FuzzDecode(f *testing.F) {
	for _, seed := range testdoc.Seeds(f) {
		for _, c := range testdoc.EncodeAll(f, seed.Text, seed.Name == testdoc.TraditionalSeed) {
			f.Add(c.Data)
		}
	}
	gbk := testdoc.MustEncode(f, simplifiedchinese.GB18030, "全市地区生产总值增长4.9%\r\n")
	for _, b := range [][]byte{nil, []byte("\xef\xbb\xbf"), []byte("\xff\xfe"), pngLike(), make([]byte, 64),
		garbageHigh(), append(gbk, 0xd6), append(gbk, 0x81, 0x30), []byte("a\rb\r\nc"), []byte("\xff\xfe\x00\xd8")} {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Decode(data)
		d2, err2 := Decode(data)
		if d != d2 || (err == nil) != (err2 == nil) || (err != nil && err.Error() != err2.Error()) {
			t.Fatalf("not deterministic: %v / %v", err, err2)
		}
		if err != nil {
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrBinary) && !errors.Is(err, ErrUndecodable) {
				t.Fatalf("unexpected error: %v", err)
			}
			return
		}
		if !utf8.ValidString(d.Text) {
			t.Fatal("Text is not valid UTF-8")
		}
		if strings.Contains(d.Text, "\r") {
			t.Fatal("Text holds a CR")
		}
		if d.Invalid < 0 || d.Invalid > len(data) {
			t.Fatalf("Invalid = %d for %d bytes", d.Invalid, len(data))
		}
		switch d.Encoding {
		case "utf-8", "utf-16le", "utf-16be", "gb18030", "big5":
		default:
			t.Fatalf("Encoding = %q", d.Encoding)
		}
		if len(data) <= 4096 {
			compareWithXText(t, data)
		}
	})
}

func BenchmarkDecode(b *testing.B) {
	seeds := testdoc.Seeds(b)
	var all, trad string
	for _, s := range seeds {
		all += s.Text
		if s.Name == testdoc.TraditionalSeed {
			trad = s.Text
		}
	}
	forms := []struct {
		name string
		data []byte
	}{
		{"utf-8", []byte(all)},
		{"utf-8-crlf", []byte(strings.ReplaceAll(all, "\n", "\r\n"))},
		{"utf-16le", testdoc.MustEncode(b, testdoc.UTF16LEBOM, all)},
		{"gb18030", testdoc.MustEncode(b, simplifiedchinese.GB18030, all)},
		{"big5", testdoc.MustEncode(b, traditionalchinese.Big5, testdoc.Encodable(traditionalchinese.Big5, trad))},
	}
	for _, f := range forms {
		b.Run(f.name, func(b *testing.B) {
			b.SetBytes(int64(len(f.data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Decode(f.data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestDecodeUTF16WithoutBOM: UTF-16 saved without its byte order mark is
// read as UTF-16, either way round, not refused as binary.
func TestDecodeUTF16WithoutBOM(t *testing.T) {
	text := "各位代表：\n2024年，全市地区生产总值增长5.2%，达到3500亿元。\n"
	for _, c := range []struct {
		enc  encoding.Encoding
		want string
	}{
		{unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le"},
		{unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be"},
	} {
		data := testdoc.MustEncode(t, c.enc, strings.Repeat(text, 4))
		d, err := Decode(data)
		if err != nil || d.Encoding != c.want || !strings.Contains(d.Text, "地区生产总值增长5.2%") {
			t.Errorf("%s without BOM: %q %v", c.want, d.Encoding, err)
		}
	}
	// A GB18030 text has no zero byte, and is not taken for UTF-16.
	if d, err := Decode(testdoc.MustEncode(t, simplifiedchinese.GB18030, strings.Repeat(text, 4))); err != nil || d.Encoding != "gb18030" {
		t.Errorf("gb18030: %q %v", d.Encoding, err)
	}
}
