package document

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"zhibiao/extract/model"
)

// Inputs expands the command line's paths: a file is taken as it is (even
// with an unsupported extension — ReadDocument then reports it); a folder
// is walked recursively for supported files, in lexical order, skipping
// hidden files and folders (name starting with "."), Office lock files
// (~$…), and the tool's own outputs (*.xlsx, *.xls). Returns the files in a
// stable order (arguments in the given order, each folder's files sorted),
// without duplicates (same cleaned path twice).
//
// A folder's legacy Word documents (.doc, .wps) are listed too, so that
// ReadDocument tells the user to convert them rather than they go missing
// unnoticed. Symbolic links to files are followed; links to folders are
// not, so a walk cannot loop.
//
// A path that cannot be read — a missing argument, a folder that may not be
// listed — does not stop the others: Inputs returns every file it found
// together with an error joining one *fs.PathError per such path.
func Inputs(paths []string) ([]string, error) {
	var (
		files []string
		errs  []error
		seen  = map[string]bool{}
	)
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	for _, arg := range paths {
		root := filepath.Clean(arg)
		info, err := os.Stat(root)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if !info.IsDir() {
			add(root)
			continue
		}
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, err)
				if d != nil && d.IsDir() && p != root {
					return fs.SkipDir
				}
				return nil
			}
			if p == root {
				return nil
			}
			name := d.Name()
			if strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() || !wanted(name) {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				info, err := os.Stat(p)
				if err != nil {
					errs = append(errs, err)
					return nil
				}
				if !info.Mode().IsRegular() {
					return nil
				}
			} else if !d.Type().IsRegular() {
				return nil
			}
			add(p)
			return nil
		})
		if err != nil {
			errs = append(errs, err)
		}
	}
	return files, errors.Join(errs...)
}

// wanted reports whether a folder walk lists a file of this name.
func wanted(name string) bool {
	if strings.HasPrefix(name, "~$") {
		return false // an Office lock file
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx", ".xls":
		return false // a workbook this tool wrote
	}
	return Supported(name) || isLegacyDoc(name)
}

// ManifestEntry overrides what is detected about one input file. A zero
// field overrides nothing.
type ManifestEntry struct {
	Region string
	Year   int
	Line   int // the line of the manifest it is on
}

// manifestMaxSize bounds the size of a manifest: a line per report.
const manifestMaxSize = 16 << 20

// Bounds on a report year in a manifest.
const (
	manifestMinYear = 1949
	manifestMaxYear = 2100
)

// ReadManifest reads a CSV manifest — path, region, year — into overrides
// by cleaned path. Paths are relative to dir, the manifest's folder, unless
// absolute. name is the manifest's name in messages, which are of the form
// "manifest.csv:LINE: message".
//
// The header line is optional; with one (path/文件, region/地区,
// year/年份), the columns may come in any order and others are ignored.
// Either the region or the year of a row may be empty, not both. The text
// is UTF-8, with or without a byte order mark, or any encoding Decode
// detects: Excel on Chinese Windows saves CSV as GBK. Lines starting with
// "#" are comments.
func ReadManifest(name string, r io.Reader, dir string) (map[string]ManifestEntry, error) {
	data, err := io.ReadAll(io.LimitReader(r, manifestMaxSize+1))
	if err != nil {
		return nil, model.ReadError(name, err)
	}
	if len(data) > manifestMaxSize {
		return nil, model.ReadError(name, fmt.Errorf("%w: more than %d MiB", ErrTooLarge, manifestMaxSize>>20))
	}
	dec, err := Decode(data)
	if err != nil {
		return nil, model.ReadError(name, err)
	}
	records, lines, err := ReadCSV(name, dec.Text, CSVForm{Comment: '#', TrimLeadingSpace: true})
	if err != nil {
		return nil, err
	}
	col := manifestColumns{path: 0, region: 1, year: 2}
	out := map[string]ManifestEntry{}
	seen := map[string]int{} // the line of each path
	first := true
	for k, rec := range records {
		line := lines[k]
		for i := range rec {
			rec[i] = strings.TrimSpace(rec[i])
		}
		if first {
			first = false
			if c, ok := manifestHeader(rec); ok {
				col = c
				continue
			}
		}
		if len(rec) == 1 && rec[0] == "" {
			continue
		}
		if col.header == 0 && len(rec) > 3 {
			return nil, model.Errorf(name, line, "%d fields; expected path, region, year", len(rec))
		}
		field := func(i int) string {
			if 0 <= i && i < len(rec) {
				return rec[i]
			}
			return ""
		}
		p, region, year := field(col.path), field(col.region), field(col.year)
		if p == "" {
			return nil, model.Errorf(name, line, "no path")
		}
		e := ManifestEntry{Region: region, Line: line}
		if year != "" {
			y, err := strconv.Atoi(strings.TrimSuffix(year, "年"))
			if err != nil {
				return nil, model.Errorf(name, line, "year %q is not a number", year)
			}
			if y < manifestMinYear || y > manifestMaxYear {
				return nil, model.Errorf(name, line, "year %d is not between %d and %d", y, manifestMinYear, manifestMaxYear)
			}
			e.Year = y
		}
		if e.Region == "" && e.Year == 0 {
			return nil, model.Errorf(name, line, "%s: neither a region nor a year", p)
		}
		p = filepath.FromSlash(p)
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		p = filepath.Clean(p)
		if prev, dup := seen[p]; dup {
			return nil, model.Errorf(name, line, "%s is already on line %d", p, prev)
		}
		seen[p] = line
		out[p] = e
	}
	return out, nil
}

// manifestColumns says which field of a row holds what; header is the
// number of fields of the header line, 0 when there is none.
type manifestColumns struct {
	path, region, year int
	header             int
}

// manifestHeader reads a header line: a line whose fields name the
// columns. Without a path column it is not one.
func manifestHeader(rec []string) (manifestColumns, bool) {
	c := manifestColumns{path: -1, region: -1, year: -1, header: len(rec)}
	for i, f := range rec {
		switch strings.ToLower(f) {
		case "path", "file", "文件", "路径", "文件名":
			c.path = i
		case "region", "地区", "区域", "行政区":
			c.region = i
		case "year", "年份", "年度", "报告年份":
			c.year = i
		}
	}
	if c.path < 0 || (c.region < 0 && c.year < 0) {
		return manifestColumns{}, false
	}
	return c, true
}
