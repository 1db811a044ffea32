// Command t2s generates templates/t2s.tsv, a one-character-to-one-character
// Traditional→Simplified table, from the kSimplifiedVariant field of the
// Unicode Han database (Unihan_Variants.txt) as shipped by Debian's
// unicode-data package. The package is installed with apt-get when it is
// missing.
//
// The table maps a rune to a rune so that a converted text keeps every
// position of the original. A character is mapped only when converting it
// cannot damage Simplified text:
//
//   - a character that lists itself among its simplified variants (著 → 着 著,
//     乾 → 乾 干, 藉 → 借 藉) is also a Simplified character and is kept;
//   - a character that is itself the simplified variant of another character
//     (后 for 後, 干 for 乾 and 幹, 里 for 裡) is a Simplified character and is
//     kept, whatever variants it has of its own;
//   - a character of GB 2312 (Unihan kGB0), the basic Simplified set, is kept
//     (吒 of 哪吒, 阪 of 大阪, 瑙 of 玛瑙, 幺), except 後, 於 and 麽: GB 2312
//     holds them for surnames and old texts, Simplified prose writes 后, 于,
//     么, and Traditional prose uses them on every page;
//   - of several candidates the first listed is taken.
//
// Run it from the module root (make generate does):
//
//	go run ./internal/gen/t2s
package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/bzip2"
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
	"zhibiao/internal/gen/table"
)

const unicodeDir = "/usr/share/unicode"

func main() {
	out := flag.String("o", filepath.Join("templates", "t2s.tsv"), "output file")
	src := flag.String("src", "", "read this Unihan_Variants.txt (plain, .bz2, or Unihan.zip) instead of the installed one")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("gen/t2s: ")
	n, version, err := run(*out, *src)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s: %d rows from Unihan %s", *out, n, version)
}

func run(out, src string) (int, string, error) {
	other := ""
	if src == "" {
		var err error
		if src, err = findUnihan("Unihan_Variants.txt"); err != nil {
			if err := aptInstall(); err != nil {
				return 0, "", err
			}
			if src, err = findUnihan("Unihan_Variants.txt"); err != nil {
				return 0, "", err
			}
		}
		if other, err = findUnihan("Unihan_OtherMappings.txt"); err != nil {
			return 0, "", err
		}
	} else if strings.HasSuffix(src, ".zip") {
		other = src
	} else {
		other = filepath.Join(filepath.Dir(src), strings.Replace(filepath.Base(src), "Variants", "OtherMappings", 1))
	}
	data, err := readUnihan(src, "Unihan_Variants.txt")
	if err != nil {
		return 0, "", err
	}
	version, err := unicodeVersion(data)
	if err != nil {
		return 0, "", fmt.Errorf("%s: %w", src, err)
	}
	simp, err := parseField(data, "kSimplifiedVariant")
	if err != nil {
		return 0, "", fmt.Errorf("%s: %w", src, err)
	}
	data, err = readUnihan(other, "Unihan_OtherMappings.txt")
	if err != nil {
		return 0, "", err
	}
	gb0, err := parseField(data, "kGB0")
	if err != nil {
		return 0, "", fmt.Errorf("%s: %w", other, err)
	}
	if len(gb0) < 6000 {
		return 0, "", fmt.Errorf("%s: only %d kGB0 entries", other, len(gb0))
	}
	table := build(simp, gb0)
	origin := filepath.Base(src)
	if strings.HasPrefix(src, unicodeDir+"/") {
		origin = "Debian package unicode-data"
		if v := debVersion(); v != "" {
			origin += " " + v
		}
	}
	return len(table), version, write(out, version, origin, table)
}

// findUnihan returns the path of a Unihan file under /usr/share/unicode, in
// whichever form the package ships it.
func findUnihan(member string) (string, error) {
	for _, name := range []string{
		member,
		member + ".bz2",
		member + ".gz",
		"Unihan.zip",
		"unihan/" + member,
		"unihan/Unihan.zip",
	} {
		p := filepath.Join(unicodeDir, name)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("no %s or Unihan.zip in %s (Debian package unicode-data)", member, unicodeDir)
}

func aptInstall() error {
	log.Printf("installing Debian package unicode-data")
	cmd := exec.Command("apt-get", "install", "-y", "unicode-data")
	cmd.Stdout = os.Stderr
	cmd.Stderr = os.Stderr
	cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("apt-get install -y unicode-data: %w (run apt-get update first, or pass -src)", err)
	}
	return nil
}

// debVersion is the installed unicode-data package version, or "" when it
// cannot be told.
func debVersion() string {
	b, err := exec.Command("dpkg-query", "-W", "-f=${Version}", "unicode-data").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}

// readUnihan returns the text of a Unihan file: path itself, compressed or
// not, or the member of that name when path is Unihan.zip.
func readUnihan(path, member string) ([]byte, error) {
	switch {
	case strings.HasSuffix(path, ".zip"):
		zr, err := zip.OpenReader(path)
		if err != nil {
			return nil, err
		}
		defer zr.Close()
		for _, f := range zr.File {
			if filepath.Base(f.Name) != member {
				continue
			}
			rc, err := f.Open()
			if err != nil {
				return nil, err
			}
			defer rc.Close()
			return io.ReadAll(rc)
		}
		return nil, fmt.Errorf("%s: no %s inside", path, member)
	case strings.HasSuffix(path, ".bz2"):
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return io.ReadAll(bzip2.NewReader(f))
	case strings.HasSuffix(path, ".gz"):
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return io.ReadAll(zr)
	default:
		return os.ReadFile(path)
	}
}

var versionRE = regexp.MustCompile(`(?m)^#\s*Unicode version:\s*(\S+)`)

func unicodeVersion(data []byte) (string, error) {
	m := versionRE.FindSubmatch(data)
	if m == nil {
		return "", errors.New("no \"# Unicode version:\" line")
	}
	return string(m[1]), nil
}

// parseField returns every entry of one Unihan field whose values are code
// points (kSimplifiedVariant) or other tokens (kGB0): source → the values in
// the order listed; a value that is no code point is kept as U+FFFD.
func parseField(data []byte, field string) (map[rune][]rune, error) {
	m := map[rune][]rune{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 || f[1] != field {
			continue
		}
		src, err := codePoint(f[0])
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		for _, v := range strings.Fields(f[2]) {
			if !strings.HasPrefix(v, "U+") {
				m[src] = append(m[src], utf8.RuneError)
				continue
			}
			// Values may carry a source tag: U+4E94<kMatthews.
			v, _, _ = strings.Cut(v, "<")
			r, err := codePoint(v)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", n, err)
			}
			m[src] = append(m[src], r)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(m) == 0 {
		return nil, fmt.Errorf("no %s entries", field)
	}
	return m, nil
}

func codePoint(s string) (rune, error) {
	h, ok := strings.CutPrefix(s, "U+")
	if !ok {
		return 0, fmt.Errorf("bad code point %q", s)
	}
	n, err := strconv.ParseUint(h, 16, 32)
	if err != nil || n > 0x10FFFF {
		return 0, fmt.Errorf("bad code point %q", s)
	}
	return rune(n), nil
}

type pair struct{ trad, simp rune }

// gb2312Mapped are the GB 2312 characters that are mapped all the same:
// GB 2312 holds them (for surnames and old texts), but Simplified prose
// writes 后, 于, 么 while Traditional prose uses them on every page.
var gb2312Mapped = map[rune]bool{'後': true, '於': true, '麽': true}

// build applies the rules of the package comment. simp holds the
// kSimplifiedVariant entries, gb0 the characters of GB 2312 (kGB0).
func build(simp, gb0 map[rune][]rune) []pair {
	isTarget := map[rune]bool{}
	for src, vs := range simp {
		for _, v := range vs {
			if v != src {
				isTarget[v] = true
			}
		}
	}
	var table []pair
	for src, vs := range simp {
		if len(vs) == 0 || isTarget[src] || slices.Contains(vs, src) {
			continue
		}
		if _, ok := gb0[src]; ok && !gb2312Mapped[src] {
			continue
		}
		table = append(table, pair{src, vs[0]})
	}
	sort.Slice(table, func(i, j int) bool { return table[i].trad < table[j].trad })
	return table
}

func write(path, version, origin string, pairs []pair) error {
	return table.Write(path, func(w io.Writer) error {
		fmt.Fprintf(w, "# generated by internal/gen/t2s from Unicode %s Unihan kSimplifiedVariant (Unihan_Variants.txt, %s); do not edit\n", version, origin)
		fmt.Fprintln(w, "# one character to one character; characters that are also Simplified (listed as their own or another character's simplified variant, or in GB 2312 except 後 於 麽) are left out")
		for _, p := range pairs {
			fmt.Fprintf(w, "%c\t%c\n", p.trad, p.simp)
		}
		return nil
	})
}
