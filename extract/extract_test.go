package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"zhibiao/extract/catalogue"
	"zhibiao/extract/divisions"
	"zhibiao/extract/internal/testdoc"
	"zhibiao/extract/model"
	"zhibiao/extract/text"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// observationKeys lists what a report found, without provenance.
func observationKeys(rep *model.Report) []string {
	var out []string
	for _, o := range rep.Observations {
		out = append(out, strings.Join([]string{o.Indicator, string(o.Measure), fmtNum(&[]float64{float64(o.Year)}[0]), string(o.Kind),
			fmtNum(o.Value), fmtNum(o.High), o.Unit, string(o.Qualifier), string(o.Scope)}, " "))
	}
	return out
}

// TestEncodings re-encodes each seed as a user might have it (GBK, Big5 for
// the Traditional one, UTF-16 with a BOM, full-width digits) and checks
// that the same observations come out, with the same region and year.
func TestEncodings(t *testing.T) {
	for _, seed := range testdoc.Seeds(t) {
		want, err := Extract(seed.Name, []byte(seed.Text), Options{})
		if err != nil {
			t.Fatal(err)
		}
		traditional := text.IsTraditional(seed.Text)
		cases := testdoc.EncodeAll(t, seed.Text, traditional)
		cases = append(cases, testdoc.Encoded{Form: "full-width digits", Want: "utf-8", Data: []byte(fullWidth(seed.Text))})
		for _, c := range cases {
			if c.Form == "big5" && c.Text != seed.Text {
				// Big5 lacks some characters of the text: compare with the
				// same text extracted from UTF-8.
				if want, err = Extract(seed.Name, []byte(c.Text), Options{}); err != nil {
					t.Fatal(err)
				}
			}
			got, err := Extract(seed.Name, c.Data, Options{})
			if err != nil {
				t.Errorf("%s as %s: %v", seed.Name, c.Form, err)
				continue
			}
			if got.Source.Encoding != c.Want {
				t.Errorf("%s as %s: encoding %s, want %s", seed.Name, c.Form, got.Source.Encoding, c.Want)
			}
			if got.Region != want.Region || got.Year != want.Year {
				t.Errorf("%s as %s: region %v year %d, want %v %d", seed.Name, c.Form, got.Region, got.Year, want.Region, want.Year)
			}
			g, w := strings.Join(observationKeys(got), "\n"), strings.Join(observationKeys(want), "\n")
			if g != w {
				t.Errorf("%s as %s: observations differ\ngot:\n%s\nwant:\n%s", seed.Name, c.Form, g, w)
			}
		}
	}
}

// fullWidth writes ASCII digits, %, . and , in their full-width forms.
func fullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '0' && r <= '9':
			return r - '0' + '０'
		case r == '%':
			return '％'
		case r == '.':
			return '．'
		}
		return r
	}, s)
}

// TestGolden compares the model of each seed with testdata/golden; run
// `go test ./extract -update` to rewrite them after a reviewed change.
func TestGolden(t *testing.T) {
	paths, _ := filepath.Glob("../testdata/seeds/*.txt")
	for _, rep := range extractFiles(t, paths) {
		rep.Source.Path = filepath.Base(rep.Source.Path)
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(rep); err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("../testdata/golden", strings.TrimSuffix(rep.Source.Path, ".txt")+".json")
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./extract -update)", err)
		}
		if !bytes.Equal(buf.Bytes(), want) {
			t.Errorf("%s differs from %s; if the change is right, run go test ./extract -update and review the diff", rep.Source.Path, golden)
		}
	}
}

// TestLongLine reads a 10 MB report that is one line: it must finish (in
// linear time) and find its figures.
func TestLongLine(t *testing.T) {
	Unit := "全年完成地区生产总值3347.6亿元，增长4.9%，社会消费品零售总额增长6.8%，"
	var b strings.Builder
	b.WriteString("2024年新乡市政府工作报告 2024年工作回顾 ")
	for b.Len() < 10<<20 {
		b.WriteString(Unit)
	}
	rep, err := Extract("long.txt", []byte(b.String()), Options{Region: "新乡市", Year: 2025})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Observations) != 3 {
		t.Errorf("%d observations, want 3: %v", len(rep.Observations), observationKeys(rep))
	}
}

func TestNoFigures(t *testing.T) {
	rep, err := Extract("empty-ish.txt", []byte("各位代表:\n现在,我代表市人民政府,向大会报告工作。\n"), Options{Region: "新乡市", Year: 2025})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Observations) != 0 || len(rep.Warnings) == 0 {
		t.Errorf("want no observations and a warning, got %v %v", rep.Observations, rep.Warnings)
	}
}

func FuzzExtract(f *testing.F) {
	paths, _ := filepath.Glob("../testdata/seeds/*.txt")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data[:min(len(data), 1200)])
	}
	f.Add([]byte("地区生产总值增长6%—6.5%，分别增长、均居全省第"))
	// Encoded seeds, which also load every lazily built table before
	// fuzzing starts: a table built during an input's run would look like
	// new coverage that no later run reproduces.
	// The text is in Traditional script, which every encoding can write.
	for _, c := range testdoc.EncodeAll(f, "各位代表：\n現在，我代表市人民政府向大會報告工作。\n一、2024年工作回顧\n一年來，新鄉市地區生產總值增長5%，美麗新鄉建設紮實推進。", true) {
		f.Add(c.Data)
		if _, err := Extract("warm.txt", c.Data, Options{}); err != nil {
			f.Fatal(err)
		}
	}
	f.Add([]byte("主要预期目标是：\n- 居民收入与经济增长同步\n- 粮食产量稳定在90亿斤以上"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rep, err := Extract("fuzz.txt", data, Options{})
		if err != nil {
			return
		}
		for _, o := range rep.Observations {
			if (o.Value == nil) != (o.Qualifier == model.Qualitative) || o.Line < 1 || o.Text == "" {
				t.Fatalf("malformed observation %+v", o)
			}
		}
	})
}

func BenchmarkExtract(b *testing.B) {
	paths, _ := filepath.Glob("../testdata/seeds/*.txt")
	var inputs [][]byte
	size := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		inputs = append(inputs, data)
		size += len(data)
	}
	catalogue.DefaultCatalogue()
	divisions.Find([]rune("新乡市"), func(divisions.Hit) {})
	selfWords()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, data := range inputs {
			if _, err := Extract("seed.txt", data, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkHostileShapes: texts shaped to make reading slow or large — a
// clause of a hundred thousand figures, sentences of thousands of
// clauses, lists of thousands of names — take time and memory in
// proportion to their size (see MB/s and B/op against the size).
func BenchmarkHostileShapes(b *testing.B) {
	head := "各位代表：\n一、2024年工作回顾\n"
	for _, c := range []struct{ name, text string }{
		{"one clause of figures", head + "全市地区生产总值" + strings.Repeat("增长1%", 100000) + "。\n"},
		{"clauses without a stop", head + "全市地区生产总值" + strings.Repeat("增长1%，", 100000) + "\n"},
		{"a list of names", head + strings.Repeat("地区生产总值、", 60000) + "分别增长" + strings.Repeat("1%、", 60000) + "\n"},
		{"shared ranks", head + strings.Repeat("地区生产总值增长1%，增速均居全省第1位，", 30000) + "\n"},
		{"short lines", head + strings.Repeat("全市地区生产总值增长5%。\n", 60000)},
	} {
		data := []byte(c.text)
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Extract("hostile.txt", data, Options{Region: "新乡市", Year: 2025}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
