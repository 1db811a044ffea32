package main

import (
	"bytes"
	"fmt"
	"strings"
	"zhibiao/extract/catalogue"

	"github.com/spf13/pflag"
)

// catalogueFlag adds --catalogue to a flag set.
func (a *app) catalogueFlag(fs *pflag.FlagSet, path *string) {
	fs.StringVar(path, "catalogue", "", a.p.Sprintf("an indicator catalogue to use instead of the built-in one: a CSV file written by zhibiao indicators --format csv and edited, or a TSV file"))
}

// catalogueInForce loads the catalogue of --catalogue once, or returns the
// built-in one.
func (o *inputOptions) catalogueInForce() (*catalogue.Catalogue, error) {
	if o.cat != nil {
		return o.cat, nil
	}
	if o.catalogue == "" {
		o.cat = catalogue.DefaultCatalogue()
		return o.cat, nil
	}
	cat, err := catalogue.LoadCatalogue(o.catalogue)
	if err != nil {
		return nil, err
	}
	o.cat = cat
	return cat, nil
}

func (a *app) runIndicators(args []string) error {
	fs := a.newFlags("indicators")
	format := fs.String("format", "tsv", a.p.Sprintf("output format: tsv (a table to read) or csv (the catalogue to edit in a spreadsheet)"))
	var o inputOptions
	a.catalogueFlag(fs, &o.catalogue)
	if err := a.parse(fs, usageIndicators, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return a.usageError("indicators takes no arguments")
	}
	if *format != "tsv" && *format != "csv" {
		return a.usageError("--format must be tsv or csv, not %q", *format)
	}
	cat, err := o.catalogueInForce()
	if err != nil {
		return err
	}
	if *format == "csv" {
		var buf bytes.Buffer
		if err := catalogue.WriteCatalogueCSV(&buf, cat); err != nil {
			return err
		}
		_, err := a.stdout.Write(buf.Bytes())
		return err
	}
	for _, ind := range cat.Indicators {
		if ind.Disabled {
			continue
		}
		fmt.Fprintf(a.stdout, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", ind.ID, ind.Tier, ind.Group, ind.Name, ind.Unit, ind.Direction, strings.Join(ind.Aliases, "|"))
	}
	return nil
}
