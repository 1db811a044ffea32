package text

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
	"zhibiao/extract/document"
	"zhibiao/extract/internal/testdoc"
)

const (
	seedSimplified  = "000_cd39c75d5ad0c911.txt"
	seedTraditional = "001_ad040a272685ffdb.txt"
)

func readSeed(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(testdoc.SeedDir(), name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestToSimplified(t *testing.T) {
	tests := []struct{ in, want string }{
		{"新鄉市", "新乡市"},
		{"地區生產總值", "地区生产总值"},
		{"億元", "亿元"},
		{"規上工業增加值", "规上工业增加值"},
		{"單位生產總值能耗", "单位生产总值能耗"},
		{"糧食產量", "粮食产量"},
		{"進出口", "进出口"},
		{"居民消費價格漲幅", "居民消费价格涨幅"},
		{"城鎮調查失業率", "城镇调查失业率"},
		{"經濟增長6%左右", "经济增长6%左右"},
		{"社會消費品零售總額", "社会消费品零售总额"},
		{"城鎮新增就業7.7萬人", "城镇新增就业7.7万人"},
		{"之後", "之后"},
		{"位於", "位于"},
		{"", ""},
		{"GDP 5.0%", "GDP 5.0%"},
		// Characters Simplified text uses too stay as they are.
		{"著力", "著力"},
		{"显著", "显著"},
		{"干部", "干部"},
		{"后面", "后面"},
		{"里程", "里程"},
		{"发展", "发展"},
		{"乾隆", "乾隆"},
		{"哪吒", "哪吒"},
		{"大阪", "大阪"},
		{"玛瑙", "玛瑙"},
		// Invalid UTF-8 is kept byte for byte.
		{"億\xff元", "亿\xff元"},
		{"\xe5\x84", "\xe5\x84"},
	}
	for _, tt := range tests {
		got := ToSimplified(tt.in)
		if got != tt.want {
			t.Errorf("ToSimplified(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if a, b := utf8.RuneCountInString(got), utf8.RuneCountInString(tt.in); a != b {
			t.Errorf("ToSimplified(%q): %d runes, want %d", tt.in, a, b)
		}
	}
}

// changedRunes lists the runes of s that ToSimplified changes, "a→b" each
// once, in order of appearance.
func changedRunes(s string) []string {
	var out []string
	seen := map[rune]bool{}
	for _, r := range s {
		if sr := simplifiedRune(r); sr != r && !seen[r] {
			seen[r] = true
			out = append(out, string(r)+"→"+string(sr))
		}
	}
	return out
}

// Simplified text must come back as it is: a paragraph of the Simplified
// seed, and the whole of every Simplified seed.
func TestToSimplifiedKeepsSimplified(t *testing.T) {
	seed := readSeed(t, seedSimplified)
	var para string
	for line := range strings.SplitSeq(seed, "\n") {
		if strings.HasPrefix(line, "2023年,是全面贯彻落实党的二十大精神") {
			para = line
			break
		}
	}
	if para == "" {
		t.Fatal("paragraph not found in the Simplified seed")
	}
	inputs := map[string]string{"paragraph": para}
	for _, name := range []string{seedSimplified, "003_5395d6b01c45880a.txt", "004_930fd535bb2f4bae.txt"} {
		inputs[name] = readSeed(t, name)
	}
	for name, s := range inputs {
		if got := ToSimplified(s); got != s {
			t.Errorf("%s: ToSimplified changed Simplified text: %s", name, strings.Join(changedRunes(s), " "))
		}
	}
}

func TestToSimplifiedTraditionalSeed(t *testing.T) {
	s := readSeed(t, seedTraditional)
	got := ToSimplified(s)
	if a, b := utf8.RuneCountInString(got), utf8.RuneCountInString(s); a != b {
		t.Fatalf("%d runes, want %d", a, b)
	}
	// Rune for rune: the n-th rune of the result comes from the n-th of s.
	gr, sr := []rune(got), []rune(s)
	for i := range sr {
		if gr[i] != sr[i] && simplifiedRune(sr[i]) != gr[i] {
			t.Fatalf("rune %d: %q from %q", i, gr[i], sr[i])
		}
	}
	for _, want := range []string{"新乡市政府工作报告", "主要预期目标", "规上工业增加值增长7%左右", "城镇调查失业率5.5%左右", "粮食产量稳定在90亿斤以上"} {
		if !strings.Contains(got, want) {
			t.Errorf("converted Traditional seed lacks %q", want)
		}
	}
}

func TestToSimplifiedNoAllocation(t *testing.T) {
	s := readSeed(t, seedSimplified)
	if n := testing.AllocsPerRun(10, func() { _ = ToSimplified(s) }); n != 0 {
		t.Errorf("ToSimplified of Simplified text: %v allocations, want 0", n)
	}
}

func TestIsTraditional(t *testing.T) {
	tests := []struct {
		name string
		text string
		want bool
	}{
		{"seed 000", readSeed(t, seedSimplified), false},
		{"seed 001", readSeed(t, seedTraditional), true},
		{"seed 003", readSeed(t, "003_5395d6b01c45880a.txt"), false},
		{"seed 004", readSeed(t, "004_930fd535bb2f4bae.txt"), false},
		{"empty", "", false},
		{"ascii", "GDP growth 5.0%", false},
		{"short Traditional", "2025年新鄉市政府工作報告", true},
		{"short Simplified", "2025年新乡市政府工作报告", false},
		{"one Traditional name in Simplified prose", strings.Repeat("全年完成地区生产总值3347.6亿元，增长4.9%。", 20) + "臺灣", false},
	}
	for _, tt := range tests {
		if got := IsTraditional(tt.text); got != tt.want {
			t.Errorf("IsTraditional(%s) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestScriptTableRuneForRune(t *testing.T) {
	tb := t2s()
	n := len(tb.supp)
	for i, s := range tb.dense {
		if s == 0 {
			continue
		}
		n++
		if r := tb.lo + rune(i); r == s || !utf8.ValidRune(s) {
			t.Errorf("t2s: %U → %U", r, s)
		}
	}
	if n < 2000 {
		t.Errorf("t2s table has %d characters, want thousands", n)
	}
}

func BenchmarkToSimplified(b *testing.B) {
	for _, bc := range []struct{ name, seed string }{
		{"traditional", seedTraditional},
		{"simplified", seedSimplified},
	} {
		s := readSeed(b, bc.seed)
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			b.ReportAllocs()
			for b.Loop() {
				_ = ToSimplified(s)
			}
		})
	}
}

// TestTextScript: Normalise counts the runes of a text as IsTraditional
// does, the ones it drops (Markdown, bullets, zero-width spaces) included.
func TestTextScript(t *testing.T) {
	texts := []string{
		readSeed(t, seedSimplified),
		readSeed(t, seedTraditional),
		"## ● 新鄉市\n\ufeff地區&nbsp;**生產**總值\u200b\r\n\u3000\u3000臺灣 ５％\n- 億元",
		"\xff\xfe無效的\xe4\xb8UTF-8",
	}
	for _, s := range texts {
		var want scriptCount
		for _, r := range s {
			want.add(t2s(), r)
		}
		if got := Normalise(document.TextBlocks(s)).script; got != want {
			t.Errorf("Normalise(%.20q) counts %+v, want %+v", s, got, want)
		}
	}
}

// TestIsHan: the shortcut for the CJK Unified Ideographs agrees with the
// Unicode tables.
func TestIsHan(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if IsHan(r) != unicode.Is(unicode.Han, r) {
			t.Fatalf("isHan(%U) = %v", r, IsHan(r))
		}
	}
}
