package main

import (
	"fmt"
	"strings"

	"zhibiao/export"
	"zhibiao/extract/catalogue"
)

// layout makes the layout of an export: the file of --layout or the
// built-in one, with --years and --indicators applied, checked against the
// catalogue. Mistakes in the flags are usage errors; those of the file are
// reported at their line and column.
func (a *app) layout(job exportJob, cat *catalogue.Catalogue) (*export.Layout, error) {
	l := export.DefaultLayout()
	if job.layout != "" {
		var err error
		if l, err = export.LoadLayout(job.layout); err != nil {
			return nil, err
		}
	}
	if job.years != "" {
		if err := l.SetYears(job.years); err != nil {
			return nil, a.usageError("--years must be a year such as 2024 or a range such as 2023-2025, not %q", job.years)
		}
	}
	var items []string
	for _, item := range job.indicators {
		items = append(items, strings.FieldsFunc(item, func(r rune) bool { return r == '，' || r == '、' })...)
	}
	if len(items) > 0 {
		for _, item := range items {
			if err := export.CheckItem(cat, item); err != nil {
				w, _ := export.WordWarning(err)
				return nil, a.usageError("--indicators: %s: %s", strings.TrimSpace(item), a.p.Sprintf(w.Format, w.Args...))
			}
		}
		l.SetIndicators(items)
	}
	if err := l.Check(cat); err != nil {
		return nil, err
	}
	return l, nil
}

// runLayout prints the built-in layout, to start a layout file from, or
// checks a layout file.
func (a *app) runLayout(args []string) error {
	fs := a.newFlags("layout")
	var o inputOptions
	a.catalogueFlag(fs, &o.catalogue)
	if err := a.parse(fs, usageLayout, args); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return a.usageError("layout takes at most one FILE")
	}
	if fs.NArg() == 0 {
		fmt.Fprint(a.stdout, export.DefaultLayoutJSON())
		return nil
	}
	cat, err := o.catalogueInForce()
	if err != nil {
		return err
	}
	l, err := export.LoadLayout(fs.Arg(0))
	if err != nil {
		return err
	}
	if err := l.Check(cat); err != nil {
		return err
	}
	if !a.quiet {
		fmt.Fprintln(a.stderr, a.p.Sprintf("%s: no mistakes found", fs.Arg(0)))
	}
	return nil
}
