package text

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
	"zhibiao/extract/document"
	"zhibiao/extract/internal/testdoc"
	"zhibiao/extract/model"
)

func TestNormalise(t *testing.T) {
	for _, c := range []struct {
		name, in string
		want     []string // the paragraphs, normalised
	}{
		{"markdown debris", "### 主要预期目标\n\n- 地区生产总值增长6%**\n**●综合实力稳步提升**  \n", []string{"主要预期目标", "地区生产总值增长6%", "综合实力稳步提升"}},
		{"width and script", "地區生產總值增長５．５％，達到１２３億元", []string{"地区生产总值增长5.5%,达到123亿元"}},
		{"spaces in numbers", "城镇调查失业率5.5 %左右，地区生产总值达到 287.9亿元", []string{"城镇调查失业率5.5%左右,地区生产总值达到287.9亿元"}},
		{"Latin words keep a space", "举办 Mobile World 大会", []string{"举办Mobile World大会"}},
		{"entities", "增长&nbsp;6%&amp;", []string{"增长6%&"}},
		{"a sentence broken mid-line", "全年完成地区生产总值3569.7亿元，固定资产投资增长8.9%，社会消\n费品零售总额增长6.8%。\n下一段。", []string{"全年完成地区生产总值3569.7亿元,固定资产投资增长8.9%,社会消费品零售总额增长6.8%。", "下一段。"}},
		{"a title broken after one character", "政府工作报\n告\n", []string{"政府工作报告"}},
		{"a heading is not joined", "一、2024年工作回顾\n过去一年,全市地区生产总值增长5%。", []string{"一、2024年工作回顾", "过去一年,全市地区生产总值增长5%。"}},
		{"list items are not joined", "- 地区生产总值增长6%\n- 固定资产投资增长8%", []string{"地区生产总值增长6%", "固定资产投资增长8%"}},
		{"zero-width spaces", "\u200b\n增长\u200b5%", []string{"增长5%"}},
	} {
		text := Normalise(document.TextBlocks(c.in))
		var got []string
		for _, p := range text.Paragraphs {
			got = append(got, string(p.Runes))
			if len(p.Pos) != len(p.Runes) {
				t.Errorf("%s: %d positions for %d runes", c.name, len(p.Pos), len(p.Runes))
			}
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s:\ngot  %q\nwant %q", c.name, got, c.want)
		}
	}
}

// TestHeadRunes: the paragraphs lie one after another in the text's
// runes, which headRunes returns for the head.
func TestHeadRunes(t *testing.T) {
	texts := []string{"\n\n一、标题\n\n正文,\n接着。\n\n- 一项\n\n", readSeed(t, seedSimplified), readSeed(t, seedTraditional)}
	for _, s := range texts {
		text := Normalise(document.TextBlocks(s))
		for _, n := range []int{0, 1, 2, 40, len(text.Paragraphs) + 1} {
			var want []rune
			for _, p := range text.Paragraphs[:min(n, len(text.Paragraphs))] {
				want = append(want, p.Runes...)
			}
			if got := HeadRunes(text, n); string(got) != string(want) {
				t.Errorf("headRunes(%.10q, %d) = %.20q, want %.20q", s, n, string(got), string(want))
			}
		}
	}
}

// TestCountRunes: countRunes agrees with utf8.RuneCountInString on valid
// UTF-8 of every length around its eight-byte steps.
func TestCountRunes(t *testing.T) {
	s := "地区生产总值3569.7亿元,增长５．５％。Ω\U0001F600"
	for i := range len(s) {
		for j := i; j <= len(s); j++ {
			if sub := s[i:j]; utf8.ValidString(sub) && countRunes(sub) != utf8.RuneCountInString(sub) {
				t.Fatalf("countRunes(%q) = %d, want %d", sub, countRunes(sub), utf8.RuneCountInString(sub))
			}
		}
	}
}

// TestDecodeIdeograph: decodeIdeograph agrees with utf8.DecodeRuneInString
// on every three bytes that start with a lead byte of the ideographs.
func TestDecodeIdeograph(t *testing.T) {
	for b0 := 0xE0; b0 <= 0xEF; b0++ {
		for b1 := 0; b1 < 256; b1++ {
			for b2 := 0; b2 < 256; b2++ {
				s := string([]byte{byte(b0), byte(b1), byte(b2)})
				want, size := utf8.DecodeRuneInString(s)
				got, ok := decodeIdeograph(s)
				if ok != (size == 3 && isIdeograph(want)) || ok && got != want {
					t.Fatalf("decodeIdeograph(% x) = %U, %v; want %U", s, got, ok, want)
				}
			}
		}
	}
}

// TestQuote: a span of normalised runes quotes the source as written, in
// its own script and width, and knows its line.
func TestQuote(t *testing.T) {
	src := "各位代表:\n全年完成地區生產總值３５６９．７億元、增長4.9%。"
	text := Normalise(document.TextBlocks(src))
	p := &text.Paragraphs[1]
	index := func(word string) int {
		for k := range p.Runes {
			if strings.HasPrefix(string(p.Runes[k:]), word) {
				return k
			}
		}
		return -1
	}
	i := index("地区生产总值")
	j := index("亿元") + 2
	if got := text.Quote(p, i, j); got != "地區生產總值３５６９．７億元" {
		t.Errorf("quote %q", got)
	}
	if line := text.Line(p.Pos[i]); line != 2 {
		t.Errorf("line %d, want 2", line)
	}
}

func BenchmarkNormalise(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join(testdoc.SeedDir(), "*.txt"))
	var texts []string
	size := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		size += len(data)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range texts {
			Normalise(document.TextBlocks(s))
		}
	}
}

// TestPlaces: a span of a paragraph joined from two blocks quotes both, as
// the document has them, and every rune knows its block's page and line.
func TestPlaces(t *testing.T) {
	blocks := []model.Block{
		{Text: "全年全市地区生产总值按可比价格计算比上年增长", Page: 2, Line: 40},
		{Text: "5.2%，规模以上工业增加值增长6%。", Page: 3, Line: 1},
	}
	text := Normalise(blocks)
	if len(text.Paragraphs) != 1 {
		t.Fatalf("%d paragraphs, want the two lines joined", len(text.Paragraphs))
	}
	p := &text.Paragraphs[0]
	end := slices.Index(p.Runes, ',') // folded from ，
	if got := text.Quote(p, 4, end); got != "地区生产总值按可比价格计算比上年增长\n5.2%" {
		t.Errorf("quote %q", got)
	}
	for i, want := range map[int][2]int{0: {2, 40}, end - 1: {3, 1}} {
		if page, line := text.Page(p.Pos[i]), text.Line(p.Pos[i]); page != want[0] || line != want[1] {
			t.Errorf("rune %d: page %d line %d, want %v", i, page, line, want)
		}
	}
}
