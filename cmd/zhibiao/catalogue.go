package main

import (
	"bytes"
	"cmp"
	"fmt"
	"strings"
	"zhibiao/extract/catalogue"

	"github.com/spf13/pflag"
	"golang.org/x/text/language"
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
		tier, direction, aliases := ind.Tier, ind.Direction, ind.Aliases
		if a.lang != language.English { // as the CSV says them
			tier, direction = cmp.Or(catalogue.ChineseWords[tier], tier), cmp.Or(catalogue.ChineseWords[direction], direction)
			aliases = make([]string, len(ind.Aliases))
			for i, al := range ind.Aliases {
				aliases[i] = catalogue.ChineseAlias(al)
			}
		}
		fmt.Fprintf(a.stdout, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", ind.ID, tier, ind.Group, ind.Name, ind.Unit, direction, strings.Join(aliases, "|"))
	}
	return nil
}
