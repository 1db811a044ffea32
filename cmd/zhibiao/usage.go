package main

// The usage of zhibiao and of its subcommands, in English; their Chinese
// is in the message catalog (messages.go).
const (
	usageMain = `zhibiao reads Chinese government work reports and extracts their economic indicators.

Usage:
  zhibiao export [flags] PATH...       write the workbook (default 指标汇总.xlsx)
  zhibiao extract [flags] PATH...      print the model as JSON or TSV
  zhibiao indicators                   print the indicator catalogue
  zhibiao version                      print the version
  zhibiao FILE...                      as export, writing 指标汇总.xlsx beside the first file

A PATH may be a folder: it is walked for .txt .md .html .htm .docx .pdf files.
Run zhibiao COMMAND --help for the flags of a command.

Examples:
  zhibiao export -o 指标汇总.xlsx reports/
  zhibiao export -o 'out/指标汇总-{date}.xlsx' --quiet reports/
  zhibiao extract --format tsv report.txt
`
	usageExport = `zhibiao export writes the workbook of the reports: 概览, 对比, a sheet per region, 明细, 来源.

Usage:
  zhibiao export [flags] PATH...

Examples:
  zhibiao export -o 指标汇总.xlsx reports/
  zhibiao export -o 'out/指标汇总-{date}.xlsx' reports/     (a 变更 sheet against the latest earlier file)
  zhibiao export --since 上月.xlsx --as-of 2025-03-01 reports/
  zhibiao export --manifest 清单.csv --strict reports/
`
	usageExtract = `zhibiao extract prints the model of the reports: JSON (reports, evaluations, errors) or TSV (one observation a line).

Usage:
  zhibiao extract [flags] PATH...

Examples:
  zhibiao extract report.txt
  zhibiao extract --format tsv reports/ > 指标.tsv
  zhibiao extract --region 牧野区 --year 2024 report.txt
`
	usageIndicators = `zhibiao indicators prints the indicator catalogue: id, tier, group, name, unit, direction, aliases.

Usage:
  zhibiao indicators

Example:
  zhibiao indicators | grep gdp
`
)
