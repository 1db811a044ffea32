package main

import (
	"zhibiao/export"
	"zhibiao/extract/evaluate"
)

func (a *app) runExtract(args []string) (int, error) {
	fs := a.newFlags("extract")
	format := fs.String("format", "json", a.p.Sprintf("output format: json or tsv"))
	in := a.inputFlags(fs)
	fs.BoolVar(&in.explain, "explain", false, a.p.Sprintf("print, sentence by sentence, what was taken and what was not, and why"))
	if err := a.parse(fs, usageExtract, args); err != nil {
		return exitUsage, err
	}
	if *format != "json" && *format != "tsv" {
		return exitUsage, a.usageError("--format must be json or tsv, not %q", *format)
	}
	if fs.NArg() == 0 {
		return exitUsage, a.usageError("%s needs at least one PATH", "extract")
	}
	cat, err := in.catalogueInForce()
	if err != nil {
		return exitInput, err
	}
	set, err := a.readInputs(fs.Args(), *in)
	if err != nil {
		return exitInput, err
	}
	inputs, failed := set.inputs, set.failed
	model := &export.Model{Errors: []string{}}
	for _, in := range inputs {
		if in.Err != nil {
			model.Errors = append(model.Errors, withPath(in.Path, in.Err))
			continue
		}
		model.Reports = append(model.Reports, in.Report)
	}
	model.Evaluations = evaluate.Evaluate(model.Reports, cat, 0)
	if model.Evaluations == nil {
		model.Evaluations = []evaluate.Evaluation{}
	}
	switch {
	case in.explain:
		err = export.WriteExplain(a.stdout, model.Reports, cat)
	case *format == "tsv":
		err = export.WriteTSV(a.stdout, model.Reports)
	default:
		err = export.WriteJSON(a.stdout, model)
	}
	a.summary(inputs, model.Evaluations, "")
	if failed {
		return exitInput, err
	}
	return exitOK, err
}
