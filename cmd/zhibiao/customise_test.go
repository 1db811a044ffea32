package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

const exampleTemplate = "../../templates/examples/月报模板.xlsx"

// TestIndicatorsCSV: indicators --format csv writes the catalogue with a
// byte order mark and a Chinese header; an edited copy given with
// --catalogue adds an indicator that extract then finds.
func TestIndicatorsCSV(t *testing.T) {
	code, out, stderr := runCLI("indicators", "--format", "csv")
	if code != exitOK || !strings.HasPrefix(out, "\ufeffid,层级,分组,名称,单位,方向,口径,无数字目标口径,累加,别名,启用,名义增速,合理范围\r\ngdp,核心,") {
		t.Fatalf("exit %d %s\n%.200s", code, stderr, out)
	}
	path := filepath.Join(t.TempDir(), "指标.csv")
	edited := out + "digital_economy,扩展,数字经济,数字经济规模,亿元,越高越好,总量、增速,总量,否,数字经济总量,是\r\n"
	edited = strings.Replace(edited, "\r\ncpi,核心,价格,居民消费价格涨幅,%,越低越好,增速,增速,否,", "\r\ncpi,核心,价格,居民消费价格涨幅,%,越低越好,增速,增速,是,", 1)
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr = runCLI(append([]string{"extract", "--format", "tsv", "--catalogue", path}, seeds(t)...)...)
	if code != exitOK || !strings.Contains(out, "\tdigital_economy\t2023\tactual\tlevel\t1000\t\t亿元\tat_least\t") {
		t.Errorf("the added indicator is not extracted: exit %d %s", code, stderr)
	}
	code, out, _ = runCLI("indicators", "--catalogue", path)
	if code != exitOK || !strings.Contains(out, "digital_economy\textended\t数字经济\t数字经济规模\t亿元\tup\t") {
		t.Errorf("indicators --catalogue: exit %d\n%s", code, out)
	}
	// Switched off: not in the listing, not extracted, not in the workbook.
	off := strings.Replace(edited, ",数字经济总量,是\r\n", ",数字经济总量,否\r\n", 1)
	os.WriteFile(path, []byte(off), 0o644)
	_, out, _ = runCLI("indicators", "--catalogue", path)
	_, tsv, _ := runCLI(append([]string{"extract", "--format", "tsv", "--catalogue", path}, seeds(t)...)...)
	if strings.Contains(out, "digital_economy") || strings.Contains(tsv, "digital_economy") {
		t.Error("a switched-off indicator is listed or extracted")
	}
}

// TestCatalogueErrorCLI: a mistake in the catalogue is reported at its line,
// in English and in Chinese, before any input is read.
func TestCatalogueErrorCLI(t *testing.T) {
	_, out, _ := runCLI("indicators", "--format", "csv")
	path := filepath.Join(t.TempDir(), "指标.csv")
	os.WriteFile(path, []byte(strings.Replace(out, ",越低越好,", ",越来越好,", 1)), 0o644)
	line := 1 + strings.Count(out[:strings.Index(out, ",越低越好,")], "\n")
	for _, c := range []struct{ lang, want string }{
		{"en", `:` + strconv.Itoa(line) + `: unemployment_rate: direction "越来越好" is neither up nor down`},
		{"zh", `:` + strconv.Itoa(line) + `: unemployment_rate：方向 "越来越好" 既不是越高越好（up）也不是越低越好（down）`},
	} {
		code, _, stderr := runCLI(append([]string{"export", "--lang", c.lang, "--catalogue", path, "-o", filepath.Join(t.TempDir(), "x.xlsx")}, seeds(t)...)...)
		if code != exitInput || !strings.Contains(stderr, path+c.want) || strings.Contains(stderr, "guessed") {
			t.Errorf("%s: exit %d, stderr %q; want %q", c.lang, code, stderr, path+c.want)
		}
	}
}

// TestLayoutCLI: zhibiao layout prints the built-in layout, which export
// takes back; a layout file's mistake is reported at its line and column;
// --years and --indicators are checked as usage.
func TestLayoutCLI(t *testing.T) {
	code, out, _ := runCLI("layout")
	var l map[string]any
	if code != exitOK || json.Unmarshal([]byte(out), &l) != nil || l["regions"] == nil {
		t.Fatalf("layout: exit %d\n%.200s", code, out)
	}
	dir := t.TempDir()
	good := filepath.Join(dir, "版式.json")
	os.WriteFile(good, []byte(out), 0o644)
	if code, _, stderr := runCLI("layout", good); code != exitOK || !strings.Contains(stderr, "no mistakes found") {
		t.Errorf("layout FILE: exit %d %s", code, stderr)
	}
	bad := filepath.Join(dir, "坏版式.json")
	os.WriteFile(bad, []byte("{\n  \"regions\": {\n    \"years\": 2024,\n    \"grups\": []\n  }\n}\n"), 0o644)
	for _, c := range []struct{ lang, want string }{
		{"en", bad + `:4:5: unknown field "regions.grups"`},
		{"zh", bad + `:4:5: 未知字段 "regions.grups"`},
	} {
		code, _, stderr := runCLI(append([]string{"export", "--lang", c.lang, "--layout", bad, "-o", filepath.Join(dir, "x.xlsx")}, seeds(t)...)...)
		if code != exitInput || !strings.Contains(stderr, c.want) {
			t.Errorf("%s: exit %d, stderr %q; want %q", c.lang, code, stderr, c.want)
		}
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--years", "2024-20"}, `--years must be a year such as 2024 or a range such as 2023-2025, not "2024-20"`},
		{[]string{"--indicators", "gdp,gpd"}, `--indicators: gpd: unknown word "gpd"`},
		{[]string{"--indicators", "城镇调查失业率 增速"}, "--indicators: 城镇调查失业率 增速: unemployment_rate does not take the measure 增速"},
	} {
		args := append(append([]string{"export", "-o", filepath.Join(dir, "x.xlsx")}, c.args...), seeds(t)...)
		if code, _, stderr := runCLI(args...); code != exitUsage || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want %q", c.args, code, stderr, c.want)
		}
	}
	out2 := filepath.Join(dir, "选.xlsx")
	args := append([]string{"export", "-o", out2, "--years", "2024", "--indicators", "gdp growth，社会消费品零售总额"}, seeds(t)...)
	if code, _, stderr := runCLI(args...); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, err := excelize.OpenFile(out2)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("新乡市")
	var labels []string
	for _, r := range rows[3:] {
		labels = append(labels, r[1])
	}
	if strings.Join(labels, "|") != "地区生产总值增速 (%)|社会消费品零售总额增速 (%)" || strings.Join(rows[1][2:], "|") != "2024年" {
		t.Errorf("rows %q, years %q", labels, rows[1][2:])
	}
}

// TestFillCLI: fill writes the example template filled, every placeholder
// found; a placeholder that names nothing is reported as
// template!sheet!cell: {{…}}: message, left in its cell, and the exit
// status is 1; with --strict nothing is written.
func TestFillCLI(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "月报.xlsx")
	code, _, stderr := runCLI(append([]string{"fill", "--template", exampleTemplate, "-o", out}, seeds(t)...)...)
	if code != exitOK || strings.Contains(stderr, "{{") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	v, _ := f.GetCellValue("月报", "D5")
	f.Close()
	if v != "4.9%" {
		t.Errorf("D5 %q, want 4.9%%", v)
	}

	tmpl := excelize.NewFile()
	tmpl.SetCellStr("Sheet1", "A1", "{{新乡市 地区生产总值增速 2024 实际}}")
	tmpl.SetCellStr("Sheet1", "B3", "{{新乡市 地区生产总值增速 2031 实际}}")
	bad := filepath.Join(dir, "template.xlsx")
	if err := tmpl.SaveAs(bad); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ lang, want string }{
		{"en", bad + "!Sheet1!B3: {{新乡市 地区生产总值增速 2031 实际}}: no such figure"},
		{"zh", bad + "!Sheet1!B3: {{新乡市 地区生产总值增速 2031 实际}}: 没有这个数字"},
	} {
		out := filepath.Join(dir, c.lang+".xlsx")
		code, _, stderr := runCLI(append([]string{"fill", "--lang", c.lang, "--template", bad, "-o", out}, seeds(t)...)...)
		if code != exitInput || !strings.Contains(stderr, c.want) {
			t.Errorf("%s: exit %d, stderr %q; want %q", c.lang, code, stderr, c.want)
		}
		f, err := excelize.OpenFile(out)
		if err != nil {
			t.Fatal(err)
		}
		a1, _ := f.GetCellValue("Sheet1", "A1")
		b3, _ := f.GetCellValue("Sheet1", "B3")
		f.Close()
		if a1 != "4.9" || b3 != "{{新乡市 地区生产总值增速 2031 实际}}" {
			t.Errorf("%s: A1 %q, B3 %q", c.lang, a1, b3)
		}
	}
	strict := filepath.Join(dir, "strict.xlsx")
	if code, _, _ := runCLI(append([]string{"fill", "--strict", "--template", bad, "-o", strict}, seeds(t)...)...); code != exitInput {
		t.Errorf("--strict: exit %d", code)
	}
	if _, err := os.Stat(strict); err == nil {
		t.Error("--strict wrote a workbook with placeholders left")
	}
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"fill", "-o", out}, exitUsage, "fill needs --template FILE"},
		{[]string{"fill", "--template", bad}, exitUsage, "fill needs -o FILE"},
		{[]string{"fill", "--template", bad, "-o", bad}, exitUsage, "is the template itself"},
		{[]string{"fill", "--template", filepath.Join(dir, "no.xlsx"), "-o", out}, exitInput, "no.xlsx: no such file or directory"},
		{[]string{"fill", "--template", seeds(t)[0], "-o", out}, exitInput, "not an .xlsx workbook"},
	} {
		code, _, stderr := runCLI(append(c.args, seeds(t)...)...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, stderr, c.code, c.want)
		}
	}
	if data, err := os.ReadFile(bad); err != nil || !bytes.HasPrefix(data, []byte("PK")) {
		t.Error("the template was overwritten")
	}
}
