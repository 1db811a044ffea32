package main

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"

	"zhibiao/export"
	"zhibiao/extract/evaluate"
	"zhibiao/extract/model"
)

// fillJob is what a fill was asked to do.
type fillJob struct {
	template  string
	pattern   string // the output's name, perhaps with {date}
	tolerance float64
	inputs    *inputOptions
}

func (a *app) runFill(args []string) (int, error) {
	fs := a.newFlags("fill")
	job := fillJob{}
	fs.StringVarP(&job.template, "template", "t", "", a.p.Sprintf("the template: an .xlsx workbook whose cells hold placeholders such as {{新乡市 地区生产总值 增速 2024 实际}}"))
	fs.StringVarP(&job.pattern, "output", "o", "", a.p.Sprintf("the filled workbook to write; {date} in it becomes today's date"))
	fs.Float64Var(&job.tolerance, "tolerance", 0, a.p.Sprintf("a missed 左右 target within this many points counts as 基本完成"))
	job.inputs = a.inputFlags(fs)
	if err := a.parse(fs, usageFill, args); err != nil {
		return exitUsage, err
	}
	switch {
	case job.template == "":
		return exitUsage, a.usageError("fill needs --template FILE")
	case job.pattern == "":
		return exitUsage, a.usageError("fill needs -o FILE, the workbook to write")
	case fs.NArg() == 0:
		return exitUsage, a.usageError("%s needs at least one PATH", "fill")
	}
	if err := a.checkTolerance(job.tolerance); err != nil {
		return exitUsage, err
	}
	if err := a.checkRegion(job.inputs.region); err != nil {
		return exitUsage, err
	}
	return a.fill(fs.Args(), job)
}

// fill fills the template with the figures of the reports the paths name.
// Placeholders that name nothing are left in their cells and reported as
// template!sheet!cell: {{…}}: message; the workbook is still written, and
// the exit status is 1 (with --strict nothing is written).
func (a *app) fill(paths []string, job fillJob) (int, error) {
	cat, err := job.inputs.catalogueInForce()
	if err != nil {
		return exitInput, err
	}
	template, err := os.ReadFile(job.template)
	if err != nil {
		return exitInput, err
	}
	zr, err := zip.NewReader(bytes.NewReader(template), int64(len(template)))
	switch {
	case err != nil && isEncryptedOffice(template):
		return exitInput, errors.New(a.p.Sprintf("%s: the workbook is protected by a password: open it, remove the password, and save it again", job.template))
	case err != nil:
		return exitInput, errors.New(a.p.Sprintf("%s: not an .xlsx workbook (save an .xls or .et file as .xlsx first)", job.template))
	case hasMacros(zr):
		return exitInput, errors.New(a.p.Sprintf("%s: the workbook holds macros (.xlsm), which an .xlsx cannot: save it as an .xlsx workbook without macros first", job.template))
	}
	out := outputName(job.pattern, a.now())
	if same(out, job.template) {
		return exitUsage, a.usageError("-o %s is the template itself: name another file", out)
	}
	out, err = a.checkOutput(out, paths, job.inputs.manifest, job.inputs.catalogue)
	if err != nil {
		if errors.Is(err, errUsage) {
			return exitUsage, err
		}
		return exitInput, err
	}
	set, err := a.readInputs(paths, *job.inputs)
	if err != nil {
		return exitInput, err
	}
	inputs, failed := set.inputs, set.failed
	if !anyRead(inputs) {
		return exitInput, errors.New(a.p.Sprintf("no report was read; %s not written", out))
	}
	data, problems, err := export.Fill(template, inputs, export.FillOptions{Catalogue: cat, Tolerance: job.tolerance})
	if err != nil {
		return exitInput, model.ReadError(job.template, err)
	}
	for _, p := range problems {
		a.tell(fmt.Sprintf("%s!%s!%s: %s: %s", job.template, p.Sheet, p.Cell, p.Placeholder, a.p.Sprintf(p.Format, p.Args...)))
	}
	if len(problems) > 0 {
		failed = true
	}
	if failed && job.inputs.strict {
		return exitInput, errors.New(a.p.Sprintf("some inputs or placeholders failed; nothing written (--strict)"))
	}
	if err := export.SaveFile(out, data); err != nil {
		return exitInput, err
	}
	var reports []*model.Report
	for _, in := range inputs {
		if in.Report != nil {
			reports = append(reports, in.Report)
		}
	}
	a.summary(inputs, evaluate.Evaluate(reports, cat, job.tolerance), a.p.Sprintf("; wrote %s", out))
	if len(problems) > 0 && !a.quiet {
		fmt.Fprintln(a.stderr, a.p.Sprintf("%d placeholders not filled: they are left in their cells", len(problems)))
	}
	if failed {
		return exitInput, nil
	}
	return exitOK, nil
}

// isEncryptedOffice reports whether data is an Office document protected by
// a password: a compound file (the container of .xls, and of an encrypted
// .xlsx) holding the stream EncryptionInfo.
func isEncryptedOffice(data []byte) bool {
	const cfb = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
	name := []byte{'E', 0, 'n', 0, 'c', 0, 'r', 0, 'y', 0, 'p', 0, 't', 0, 'i', 0, 'o', 0, 'n', 0, 'I', 0, 'n', 0, 'f', 0, 'o', 0}
	return bytes.HasPrefix(data, []byte(cfb)) && bytes.Contains(data, name)
}

// hasMacros reports whether an .xlsx archive holds a VBA project, as an
// .xlsm workbook does.
func hasMacros(zr *zip.Reader) bool {
	for _, f := range zr.File {
		if strings.EqualFold(f.Name, "xl/vbaProject.bin") {
			return true
		}
	}
	return false
}

// same reports whether two paths name the same file.
func same(a, b string) bool {
	if fa, err := os.Stat(a); err == nil {
		if fb, err := os.Stat(b); err == nil {
			return os.SameFile(fa, fb)
		}
	}
	return absPath(a) == absPath(b)
}
