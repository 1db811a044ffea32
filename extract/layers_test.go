package extract

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestLayers checks the direction of the imports: the packages below
// extract import neither extract nor anything above it, the model imports
// only the division table, and extract itself reads no file format — zip,
// XML, HTML and encodings are the document reader's.
func TestLayers(t *testing.T) {
	readers := []string{"archive/zip", "encoding/xml", "golang.org/x/net/html", "golang.org/x/text/encoding", "os/exec"}
	imports := map[string][]string{} // package directory → its imports, tests left out
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, spec := range f.Imports {
			p, _ := strconv.Unquote(spec.Path.Value)
			imports[filepath.Dir(path)] = append(imports[filepath.Dir(path)], p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(imports) < 6 {
		t.Fatalf("found %d packages: the walk is broken", len(imports))
	}
	for dir, list := range imports {
		for _, p := range list {
			switch {
			case dir == "." && slices.ContainsFunc(readers, func(r string) bool { return p == r || strings.HasPrefix(p, r+"/") }):
				t.Errorf("extract imports %s: reading file formats is package document's", p)
			case dir != "." && (p == "zhibiao/extract" || strings.HasPrefix(p, "zhibiao/export") || strings.HasPrefix(p, "zhibiao/cmd")):
				t.Errorf("extract/%s imports %s, a package above it", dir, p)
			case dir == "model" && strings.HasPrefix(p, "zhibiao/") && p != "zhibiao/extract/divisions":
				t.Errorf("extract/model imports %s: the model is the bottom", p)
			}
		}
	}
}
