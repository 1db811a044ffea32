// Package templates holds the data zhibiao is driven by: the indicator
// catalogue, the tables generated from standard sources (GB/T 2260 divisions,
// Traditional→Simplified characters) and the workbook layouts. It is data
// only; code that reads it lives in the packages that use it.
package templates

import "embed"

// Files holds every data file of the package.
//
//go:embed *.tsv *.json
var Files embed.FS
