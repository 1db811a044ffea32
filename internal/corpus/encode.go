package corpus

import (
	"bufio"
	"bytes"
	"math/rand/v2"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"

	"zhibiao/templates"
)

// Encodings of a generated file, with how often each is drawn (in
// hundredths): most reports are UTF-8, many older ones GB18030, a few
// UTF-16 from Windows tools, and some in Traditional script.
var encodings = []struct {
	name   string
	script string
	weight int
}{
	{"utf-8", "simplified", 50},
	{"utf-8-bom", "simplified", 10},
	{"gb18030", "simplified", 20},
	{"utf-16le", "simplified", 5},
	{"big5", "traditional", 10},
	{"utf-8", "traditional", 5},
}

func chooseEncoding(rng *rand.Rand) (string, string) {
	k := rng.IntN(100)
	for _, e := range encodings {
		if k < e.weight {
			return e.name, e.script
		}
		k -= e.weight
	}
	return "utf-8", "simplified"
}

// encode writes text in an encoding and script. A text Big5 cannot hold
// (a rare character of a place name) falls back to UTF-8. It returns the
// bytes and the encoding and script used, as the extractor names them.
func encode(text, enc, script string) ([]byte, string, string) {
	if script == "traditional" {
		text = toTraditional(text)
	}
	var e encoding.Encoding
	switch enc {
	case "utf-8":
		return []byte(text), "utf-8", script
	case "utf-8-bom":
		return append([]byte("\ufeff"), text...), "utf-8", script
	case "gb18030":
		e = simplifiedchinese.GB18030
	case "utf-16le":
		e = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	case "big5":
		e = traditionalchinese.Big5
	}
	out, err := e.NewEncoder().Bytes([]byte(text))
	if err != nil {
		return []byte(text), "utf-8", script
	}
	return out, enc, script
}

// toTraditional writes Simplified text in Traditional script, rune for
// rune, with the inverse of the extractor's table: each Simplified rune
// becomes the most common Traditional one that the table maps back to it,
// unless it is as common in Big5 itself (同, not 衕).
func toTraditional(s string) string {
	inv := traditional()
	return strings.Map(func(r rune) rune {
		if t, ok := inv[r]; ok {
			return t
		}
		return r
	}, s)
}

var traditional = sync.OnceValue(func() map[rune]rune {
	data, err := templates.Files.ReadFile("t2s.tsv")
	if err != nil {
		panic("corpus: templates/t2s.tsv: " + err.Error())
	}
	inv := map[rune]rune{}
	best := map[rune]int{} // the commonness of the choice so far
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		from, to, ok := strings.Cut(line, "\t")
		if !ok || utf8.RuneCountInString(from) != 1 || utf8.RuneCountInString(to) != 1 {
			continue
		}
		t, _ := utf8.DecodeRuneInString(from)
		s, _ := utf8.DecodeRuneInString(to)
		c, seen := best[s]
		if !seen {
			c = big5Commonness(to) // 同 stays 同: it is Traditional too
		}
		if k := big5Commonness(from); k < c {
			inv[s], best[s] = t, k
		} else if !seen {
			best[s] = c
		}
	}
	return inv
})

// big5Commonness ranks a character by its place in Big5: 0 for the
// frequent characters (A440–C67E), 1 for the less frequent ones, 2 for
// those Big5 lacks.
func big5Commonness(c string) int {
	b, err := traditionalchinese.Big5.NewEncoder().String(c)
	switch {
	case err != nil || len(b) != 2:
		return 2
	case b >= "\xa4\x40" && b <= "\xc6\x7e":
		return 0
	}
	return 1
}
