package main

// The usage of zhibiao and of its subcommands, in English; their Chinese
// is in the message catalog (messages.go).
const (
	usageMain = `zhibiao reads Chinese government work reports and extracts their economic indicators.

Usage:
  zhibiao export [flags] PATH...       write the workbook (default 指标汇总.xlsx)
  zhibiao fill --template T -o OUT PATH...
                                       fill the placeholders of a fixed-format workbook
  zhibiao extract [flags] PATH...      print the model as JSON or TSV
  zhibiao indicators [--format csv]    print the indicator catalogue (csv: to edit and use with --catalogue)
  zhibiao layout [FILE]                print the built-in workbook layout, or check a layout file
  zhibiao version                      print the version
  zhibiao FILE...                      as export, writing 指标汇总.xlsx beside the first file

A PATH may be a folder: it is walked for .txt .md .html .htm .docx .pdf files.
Run zhibiao COMMAND --help for the flags of a command.

Examples:
  zhibiao export -o 指标汇总.xlsx reports/
  zhibiao export -o 'out/指标汇总-{date}.xlsx' --quiet reports/
  zhibiao export --years 2023-2025 --indicators gdp,retail_sales reports/
  zhibiao fill --template 月报模板.xlsx -o 月报.xlsx reports/
  zhibiao indicators --format csv > 指标.csv
  zhibiao extract --format tsv report.txt
`
	usageExport = `zhibiao export writes the workbook of the reports: 概览, 对比, region sheets (--sheets), 明细, 来源.

Usage:
  zhibiao export [flags] PATH...

Examples:
  zhibiao export -o 指标汇总.xlsx reports/
  zhibiao export -o 'out/指标汇总-{date}.xlsx' reports/     (a 变更 sheet against the latest earlier file)
  zhibiao export --since 上月.xlsx --as-of 2025-03-01 reports/
  zhibiao export --manifest 清单.csv --strict reports/
  zhibiao export --years 2023-2025 --indicators gdp,retail_sales,城镇调查失业率 reports/
  zhibiao export --catalogue 指标.csv --layout 版式.json reports/
`
	usageExtract = `zhibiao extract prints the model of the reports: JSON (reports, evaluations, errors) or TSV (one observation a line).

Usage:
  zhibiao extract [flags] PATH...

Examples:
  zhibiao extract report.txt
  zhibiao extract --format tsv reports/ > 指标.tsv
  zhibiao extract --region 牧野区 --year 2024 report.txt
  zhibiao extract --catalogue 指标.csv reports/
`
	usageIndicators = `zhibiao indicators prints the indicator catalogue: id, tier, group, name, unit, direction, aliases.
With --format csv it writes the whole catalogue as a CSV file to edit in Excel or WPS and use with --catalogue.

Usage:
  zhibiao indicators [--format tsv|csv] [--catalogue FILE]

Examples:
  zhibiao indicators | grep gdp
  zhibiao indicators --format csv > 指标.csv
  zhibiao export --catalogue 指标.csv reports/
`
	usageLayout = `zhibiao layout prints the built-in workbook layout (JSON): what the region sheets and the 对比 sheet show.
Save it, edit it, and give it to export with --layout. With a FILE, it checks that layout file.

Usage:
  zhibiao layout [--catalogue FILE] [FILE]

Examples:
  zhibiao layout > 版式.json
  zhibiao layout 版式.json
  zhibiao export --layout 版式.json reports/
`
	usageFill = `zhibiao fill fills a fixed-format workbook: every cell of the template that holds a placeholder
such as {{新乡市 地区生产总值 增速 2024 实际}} gets the figure it names; the rest of the template is kept.
A placeholder that names nothing is left in its cell and reported; the exit status is then 1.

Usage:
  zhibiao fill --template FILE -o FILE [flags] PATH...

Placeholders: {{region indicator [measure] year [实际|目标] [field]}}, field one of
数值 (value), 文字 (text), 完成情况 (status), 差距 (gap), 原文 (source), 出处 (file), 单位 (unit).

Examples:
  zhibiao fill --template 月报模板.xlsx -o 月报.xlsx reports/
  zhibiao fill --template 月报模板.xlsx -o 'out/月报-{date}.xlsx' --catalogue 指标.csv reports/
`
)
