package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// messageFormats finds every message format the code says: the first
// argument of a printer's Sprintf (x.p.Sprintf) and the format of
// model.Warnf and model.Errorf, as string literals or constants of this package.
func messageFormats(t *testing.T) map[string]string {
	t.Helper()
	consts := map[string]string{"usageMain": usageMain, "usageExport": usageExport, "usageExtract": usageExtract,
		"usageIndicators": usageIndicators, "usageLayout": usageLayout, "usageFill": usageFill}
	found := map[string]string{}
	fset := token.NewFileSet()
	files, _ := filepath.Glob("*.go")
	for _, dir := range []string{"../../extract", "../../export"} {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(path, ".go") {
				files = append(files, path)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			var arg ast.Expr
			switch fn := call.Fun.(type) {
			case *ast.SelectorExpr:
				if x, ok := fn.X.(*ast.SelectorExpr); ok && x.Sel.Name == "p" && fn.Sel.Name == "Sprintf" && len(call.Args) > 0 {
					arg = call.Args[0]
				}
				switch {
				case fn.Sel.Name == "Warnf" && len(call.Args) > 1:
					arg = call.Args[1]
				case fn.Sel.Name == "Errorf" && isIdent(fn.X, "model") && len(call.Args) > 2:
					arg = call.Args[2]
				case fn.Sel.Name == "usageError" && len(call.Args) > 0: // says a.p.Sprintf(format, …)
					arg = call.Args[0]
				case fn.Sel.Name == "parse" && len(call.Args) > 1: // says a.p.Sprintf(usage)
					arg = call.Args[1]
				}
			case *ast.Ident:
				if fn.Name == "Warnf" && len(call.Args) > 1 {
					arg = call.Args[1]
				}
			}
			switch a := arg.(type) {
			case *ast.BasicLit:
				s, err := strconv.Unquote(a.Value)
				if err != nil {
					t.Fatal(err)
				}
				found[s] = fset.Position(a.Pos()).String()
			case *ast.Ident:
				switch s, ok := consts[a.Name]; {
				case ok:
					found[s] = fset.Position(a.Pos()).String()
				case a.Name == "format" || a.Name == "usage":
					// the parameters of usageError and parse, whose callers are searched
				default:
					t.Errorf("%s: message format %s is not a literal or a known constant", fset.Position(a.Pos()), a.Name)
				}
			}
			return true
		})
	}
	return found
}

var verb = regexp.MustCompile(`%(\[\d+\])?[-+# 0-9.]*[a-zA-Z%]`)

// TestMessagesHaveBothLanguages: every message the code says has its
// Chinese, with the same verbs, and the catalog holds no message the code
// no longer says.
func TestMessagesHaveBothLanguages(t *testing.T) {
	used := messageFormats(t)
	if len(used) < 30 {
		t.Fatalf("found only %d messages: the search is broken", len(used))
	}
	for en, where := range used {
		zh, ok := zhMessages[en]
		if !ok {
			t.Errorf("%s: no Chinese for %q", where, en)
			continue
		}
		if !maps.Equal(countVerbs(en), countVerbs(zh)) {
			t.Errorf("%q and %q have different verbs", en, zh)
		}
	}
	for en := range zhMessages {
		if _, ok := used[en]; !ok {
			t.Errorf("the catalog has %q, which nothing says", en)
		}
	}
}

func countVerbs(s string) map[byte]int {
	n := map[byte]int{}
	for _, v := range verb.FindAllString(s, -1) {
		n[v[len(v)-1]]++
	}
	return n
}

func TestLanguageChoice(t *testing.T) {
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	for _, c := range []struct {
		args []string
		env  map[string]string
		want string
	}{
		{nil, nil, "zh"},
		{nil, map[string]string{"LANG": "en_US.UTF-8"}, "en"},
		{nil, map[string]string{"LANG": "zh_CN.UTF-8"}, "zh"},
		{nil, map[string]string{"LC_ALL": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"},
		{[]string{"export", "--lang", "en"}, map[string]string{"LANG": "zh_CN.UTF-8"}, "en"},
		{[]string{"export", "--lang=zh"}, map[string]string{"LANG": "en_US.UTF-8"}, "zh"},
	} {
		if got := chooseLanguage(c.args, env(c.env)).String(); got != c.want {
			t.Errorf("%v %v: %s, want %s", c.args, c.env, got, c.want)
		}
	}
}

// TestChinese: messages are Chinese with --lang zh, and the help of each
// subcommand comes with its examples in the chosen language.
func TestChinese(t *testing.T) {
	code, _, stderr := runCLI("extract", "--lang", "zh")
	if code != exitUsage || !strings.Contains(stderr, "extract 至少需要一个路径") {
		t.Errorf("exit %d, %q", code, stderr)
	}
	code, _, stderr = runCLI("extract", "--lang", "zh", "no/such.txt")
	if code != exitInput || !strings.Contains(stderr, "no/such.txt: 文件不存在") {
		t.Errorf("exit %d, %q", code, stderr)
	}
	for _, c := range []struct{ cmd, zh, en string }{
		{"export", "示例：", "Examples:"},
		{"extract", "示例：", "Examples:"},
		{"indicators", "示例：", "Examples:"},
		{"layout", "示例：", "Examples:"},
		{"fill", "示例：", "Examples:"},
	} {
		_, out, _ := runCLI(c.cmd, "--help", "--lang", "zh")
		if !strings.Contains(out, c.zh) || !strings.Contains(out, "--strict") && c.cmd != "indicators" && c.cmd != "layout" {
			t.Errorf("%s --help in Chinese:\n%s", c.cmd, out)
		}
		_, out, _ = runCLI(c.cmd, "--help", "--lang", "en")
		if !strings.Contains(out, c.en) {
			t.Errorf("%s --help in English:\n%s", c.cmd, out)
		}
	}
}

// isIdent reports whether x is the identifier name.
func isIdent(x ast.Expr, name string) bool {
	id, ok := x.(*ast.Ident)
	return ok && id.Name == name
}
