package main

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"strconv"

	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"zhibiao/extract/document"
	"zhibiao/extract/model"
)

// zhMessages is the Chinese of every message zhibiao says, keyed by its
// English, which is the message's format in the code (a.p.Sprintf and
// extract.Warnf). A test checks that every message has its Chinese.
var zhMessages = map[string]string{
	usageMain: `zhibiao 读取政府工作报告，提取其中的经济指标。

用法：
  zhibiao export [选项] 路径...        生成工作簿（默认 指标汇总.xlsx）
  zhibiao fill --template 模板 -o 输出 路径...
                                       填写固定格式报表中的占位符
  zhibiao extract [选项] 路径...       以 JSON 或 TSV 输出数据模型
  zhibiao indicators [--format csv]    列出指标目录（csv：导出后可编辑，配合 --catalogue 使用）
  zhibiao layout [文件]                显示内置的工作簿版式，或检查版式文件
  zhibiao version                      显示版本
  zhibiao 文件...                      同 export，在第一个文件旁生成 指标汇总.xlsx

路径可以是文件夹：其中的 .txt .md .html .htm .docx .pdf 文件都会读取。
运行 zhibiao 命令 --help 查看该命令的选项。

示例：
  zhibiao export -o 指标汇总.xlsx 报告/
  zhibiao export -o 'out/指标汇总-{date}.xlsx' --quiet 报告/
  zhibiao export --years 2023-2025 --indicators gdp,retail_sales 报告/
  zhibiao fill --template 月报模板.xlsx -o 月报.xlsx 报告/
  zhibiao indicators --format csv > 指标.csv
  zhibiao extract --format tsv 报告.txt
`,
	usageExport: `zhibiao export 生成报告的工作簿：概览、对比、地区表（见 --sheets）、明细、来源。

用法：
  zhibiao export [选项] 路径...

示例：
  zhibiao export -o 指标汇总.xlsx 报告/
  zhibiao export -o 'out/指标汇总-{date}.xlsx' 报告/     （与同名规则下最近一份旧文件比较，生成“变更”表）
  zhibiao export --since 上月.xlsx --as-of 2025-03-01 报告/
  zhibiao export --manifest 清单.csv --strict 报告/
  zhibiao export --years 2023-2025 --indicators gdp,retail_sales,城镇调查失业率 报告/
  zhibiao export --catalogue 指标.csv --layout 版式.json 报告/
`,
	usageExtract: `zhibiao extract 输出报告的数据模型：JSON（报告、目标完成情况、错误）或 TSV（每行一个观测值）。

用法：
  zhibiao extract [选项] 路径...

示例：
  zhibiao extract 报告.txt
  zhibiao extract --format tsv 报告/ > 指标.tsv
  zhibiao extract --region 牧野区 --year 2024 报告.txt
  zhibiao extract --catalogue 指标.csv 报告/
`,
	usageIndicators: `zhibiao indicators 列出指标目录：代码、层级、分组、名称、单位、方向、别名。
加 --format csv 则输出完整的指标目录 CSV 文件，可在 Excel 或 WPS 中编辑，再用 --catalogue 指定。

用法：
  zhibiao indicators [--format tsv|csv] [--catalogue 文件]

示例：
  zhibiao indicators | grep gdp
  zhibiao indicators --format csv > 指标.csv
  zhibiao export --catalogue 指标.csv 报告/
`,
	usageLayout: `zhibiao layout 显示内置的工作簿版式（JSON）：各地区表和对比表显示什么。
保存、修改后用 export 的 --layout 指定。给出文件时，检查该版式文件。

用法：
  zhibiao layout [--catalogue 文件] [文件]

示例：
  zhibiao layout > 版式.json
  zhibiao layout 版式.json
  zhibiao export --layout 版式.json 报告/
`,
	usageFill: `zhibiao fill 填写固定格式报表：模板中写有占位符（如 {{新乡市 地区生产总值 增速 2024 实际}}）的单元格
填入对应的数字，模板的其余内容原样保留。找不到数字的占位符保留在单元格中并报告，此时退出状态为 1。

用法：
  zhibiao fill --template 文件 -o 文件 [选项] 路径...

占位符：{{地区 指标 [口径] 年份 [实际|目标] [内容]}}，内容为
数值、文字、完成情况、差距、原文、出处、单位之一。

示例：
  zhibiao fill --template 月报模板.xlsx -o 月报.xlsx 报告/
  zhibiao fill --template 月报模板.xlsx -o 'out/月报-{date}.xlsx' --catalogue 指标.csv 报告/
`,
	"Run zhibiao help for usage.":                                  "运行 zhibiao help 查看用法。",
	"unknown command %q":                                           "未知命令 %q",
	"%s needs at least one PATH":                                   "%s 至少需要一个路径",
	"indicators takes no arguments":                                "indicators 不带参数",
	"%v":                                                           "%v",
	"--format must be json or tsv, not %q":                         "--format 只能是 json 或 tsv，不能是 %q",
	"--as-of must be a date such as 2025-03-01, not %q":            "--as-of 须是日期，如 2025-03-01，不能是 %q",
	"--tolerance cannot be negative":                               "--tolerance 不能为负数",
	"zhibiao %s (commit %s, catalogue %s)":                         "zhibiao %s（提交 %s，指标目录 %s）",
	"language of messages: zh or en (default: from LANG, else zh)": "提示语言：zh 或 en（默认按 LANG，否则中文）",
	"no progress line and no summary":                              "不显示进度和汇总",
	"output format: json or tsv":                                   "输出格式：json 或 tsv",
	"print, sentence by sentence, what was taken and what was not, and why":                                                                                                       "逐句列出读出了什么、没有读出什么以及原因",
	"the workbook to write; {date} in it becomes the --as-of date, or today":                                                                                                      "要生成的工作簿；其中的 {date} 替换为 --as-of 日期或今天",
	"the year of the 对比 sheet (default: the year most regions have targets for)":                                                                                                  "对比表的年份（默认：有目标的地区最多的年份）",
	"the date of the data, YYYY-MM-DD, stamped in the workbook and in {date}":                                                                                                     "数据日期，格式 YYYY-MM-DD，写入工作簿和 {date}",
	"a missed 左右 target within this many points counts as 基本完成":                                                                                                                   "“左右”目标未达到但差距在此百分点以内的，记为基本完成",
	"an earlier workbook: add a 变更 sheet of what changed since (default: the latest earlier file of the -o pattern)":                                                              "上一期工作簿：增加“变更”表，列出此后的变化（默认：-o 命名规则下最近的一份旧文件）",
	"the region of every input, a GB/T 2260 name such as 新乡市 (overrides detection)":                                                                                               "所有输入的地区，按 GB/T 2260 名称，如 新乡市（不再自动识别）",
	"the year every input was delivered (overrides detection)":                                                                                                                    "所有输入的报告年份（不再自动识别）",
	"a CSV file of path, region, year for inputs whose region or year the text does not tell":                                                                                     "清单 CSV 文件（路径、地区、年份），用于无法从正文识别地区或年份的输入",
	"treat every warning as an error, and write nothing when an input fails":                                                                                                      "把每条警告当作错误；有输入失败时不写任何文件",
	"files read at once (0: one per CPU); the output is the same for any number":                                                                                                  "同时读取的文件数（0：每个 CPU 一个）；输出与此无关",
	"region sheets: auto, region (one each), prefecture (a city with its counties), province, or none; auto is one each up to 50, then the first grouping with at most 50 sheets": "地区工作表：auto、region（每个地区一张）、prefecture（地级市连同所辖县区一张）、province（每省一张）或 none；auto 在地区不超过 50 个时每个地区一张，否则取工作表不超过 50 张的第一种分组",
	"--sheets must be one of %s, not %q":                                                                                                                                          "--sheets 只能是 %s 之一，而不是 %q",
	"some inputs failed or warned; nothing written (--strict)":                                                                                                                    "有输入失败或有警告，未写入任何文件（--strict）",
	"; %s unchanged, not rewritten":                                                                                                                                               "；%s 没有变化，未重写",
	", compared with %s":                                                                                                                                                          "，与 %s 比较",
	// The output, checked before any input is read, and placed after.
	"-o must name a file": "-o 须是文件名",
	"%s: not a regular file but %s; name a file to write": "%s：不是普通文件，而是%s；请指定要写入的文件",
	"a pipe":         "管道",
	"a socket":       "套接字",
	"a device":       "设备",
	"a special file": "特殊文件",
	"%s is also an input; name another file to write":                                                                 "%s 同时是本次的输入文件；请另指定要写入的文件",
	"%s: cannot be replaced: it is read-only or owned by another user":                                                "%s：无法替换：文件只读或属于其他用户",
	"%s: cannot be replaced: it is open in another program (close it in Excel or WPS)":                                "%s：无法替换：文件正被其他程序打开（请先在 Excel 或 WPS 中关闭）",
	"%s: cannot be replaced: it belongs to another user in a shared folder":                                           "%s：无法替换：文件属于共享文件夹中的其他用户",
	"no report was read; %s not written":                                                                              "没有读取到任何报告，未写入 %s",
	"not given":                                                                                                       "本次未提供",
	"%s: the workbook is protected by a password: open it, remove the password, and save it again":                    "%s：工作簿设有密码保护：请打开并取消密码后重新保存",
	"%s: the workbook holds macros (.xlsm), which an .xlsx cannot: save it as an .xlsx workbook without macros first": "%s：工作簿含有宏（.xlsm），.xlsx 不能含宏：请先另存为不含宏的 .xlsx 工作簿",
	"a placeholder inside a formula is not filled: put it in a cell of its own, and refer to that cell":               "公式中的占位符不会被填写：请把占位符放在单独的单元格中，再在公式中引用该单元格",
	"%s has %d characters, more than the %d a cell holds":                                                             "%s 有 %d 个字符，超过单元格可容纳的 %d 个",
	"no input is named %s":                          "没有名为 %s 的输入文件",
	"%s cannot be read (%v); no 变更 sheet this time": "无法读取 %s（%v），本次不生成“变更”表",
	"%s holds %d reports this run did not read: %s; kept it, and wrote %s (--replace to overwrite it)":              "%s 中有 %d 份报告本次没有读到：%s；已保留原文件，新结果写入 %s（如需覆盖，请加 --replace）",
	"%s is no workbook zhibiao wrote; kept it, and wrote %s (--replace to overwrite it)":                            "%s 不是 zhibiao 生成的工作簿，已保留原文件，新结果写入 %s（如需覆盖，请加 --replace）",
	"replace the workbook even when it holds reports this run did not read (else the new one is written beside it)": "即使原工作簿含有本次未读到的报告也覆盖它（否则新结果另存在旁边）",
	"--tolerance must be a number of points, such as 0.2":                                                           "--tolerance 须是百分点数，如 0.2",
	"--region must be the name of a region, not %d characters":                                                      "--region 须是地区名称，而不是 %d 个字符",
	"%s: is a folder, not a file":       "%s：是文件夹，不是文件",
	"%s: folder %s does not exist":      "%s：文件夹 %s 不存在",
	"%s: %s is not a folder":            "%s：%s 不是文件夹",
	"%s: cannot write in folder %s: %v": "%s：无法在文件夹 %s 中写入：%v",
	"[%d/%d] reading %s":                "[%d/%d] 正在读取 %s",
	"%d reports read (%d failed), %d regions, %d observations; targets %d met, %d missed; %d warnings": "读取报告 %d 份（失败 %d 份），地区 %d 个，观测值 %d 个；目标完成 %d 项、未完成 %d 项；警告 %d 条",
	"; wrote %s":                             "；已写入 %s",
	"Press Enter to close this window.":      "按回车键关闭窗口。",
	"the same %s %s report as %s; read once": "与 %[3]s 是同一份%[1]s %[2]s 年报告，只读一次",
	"another %s %s report, with figures different from %s; not used: keep the right one": "又一份%s %s 年报告，数字与 %s 不同，未采用：请保留正确的一份",
	// Customisation: catalogue, layout, fill.
	"%s":                                  "%s",
	"--format must be tsv or csv, not %q": "--format 只能是 tsv 或 csv，不能是 %q",
	"output format: tsv (a table to read) or csv (the catalogue to edit in a spreadsheet)":                                                       "输出格式：tsv（供阅读的表）或 csv（可在电子表格中编辑的指标目录）",
	"an indicator catalogue to use instead of the built-in one: a CSV file written by zhibiao indicators --format csv and edited, or a TSV file": "使用此指标目录代替内置目录：由 zhibiao indicators --format csv 导出并编辑过的 CSV 文件，或 TSV 文件",
	"a layout file (JSON) saying what the region sheets and the 对比 sheet show; zhibiao layout prints the built-in one":                           "版式文件（JSON），规定各地区表和对比表显示什么；zhibiao layout 可显示内置版式",
	"the years the region sheets show: 2024, or 2023-2025":                                                                                       "各地区表显示的年份：2024，或 2023-2025",
	"the indicators the region sheets and the 对比 sheet show, in this order: gdp,retail_sales or 地区生产总值,社会消费品零售总额":                                "各地区表和对比表显示的指标及顺序：gdp,retail_sales 或 地区生产总值,社会消费品零售总额",
	"--years must be a year such as 2024 or a range such as 2023-2025, not %q":                                                                   "--years 须是年份（如 2024）或年份范围（如 2023-2025），不能是 %q",
	"--indicators: %s: %s":          "--indicators：%s：%s",
	"layout takes at most one FILE": "layout 最多带一个文件",
	"%s: no mistakes found":         "%s：未发现错误",
	"the template: an .xlsx workbook whose cells hold placeholders such as {{新乡市 地区生产总值 增速 2024 实际}}": "模板：.xlsx 工作簿，单元格中写有占位符，如 {{新乡市 地区生产总值 增速 2024 实际}}",
	"the filled workbook to write; {date} in it becomes today's date":                                 "要生成的已填报表；其中的 {date} 替换为今天的日期",
	"fill needs --template FILE":                                          "fill 需要 --template 文件",
	"fill needs -o FILE, the workbook to write":                           "fill 需要 -o 文件，即要生成的工作簿",
	"-o %s is the template itself: name another file":                     "-o %s 就是模板本身：请指定另一个文件",
	"%s: not an .xlsx workbook (save an .xls or .et file as .xlsx first)": "%s：不是 .xlsx 工作簿（.xls 或 .et 文件请先另存为 .xlsx）",
	"some inputs or placeholders failed; nothing written (--strict)":      "有输入或占位符失败，未写入任何文件（--strict）",
	"%d placeholders not filled: they are left in their cells":            "有 %d 个占位符未能填写，已原样保留在单元格中",
	// Mistakes in a catalogue file.
	"want %d tab-separated fields, have %d":                          "应有 %d 个以制表符分隔的字段，实有 %d 个",
	"want %d comma-separated fields, have %d":                        "应有 %d 个以逗号分隔的字段，实有 %d 个",
	"indicator %q listed twice (first on line %d)":                   "指标 %q 重复（首次出现在第 %d 行）",
	"indicator without an id":                                        "指标缺少 id",
	"id %q: use letters, digits and _ only, starting with a letter":  "id %q：只能用字母、数字和 _，并以字母开头",
	"%s: tier %q is neither core nor extended":                       "%s：层级 %q 既不是核心（core）也不是扩展（extended）",
	"%s: name %q is empty or has spaces":                             "%s：名称 %q 为空或含有空格",
	"%s: unknown unit %q (the units are %s)":                         "%s：未知单位 %q（可用单位：%s）",
	"%s: direction %q is neither up nor down":                        "%s：方向 %q 既不是越高越好（up）也不是越低越好（down）",
	"%s: unknown measure %q":                                         "%s：未知口径 %q",
	"%s: target measure %q is not one of its measures":               "%s：无数字目标口径 %q 不在该指标的口径中",
	"adds must be yes or no, not %q":                                 "累加只能是 是/否（yes/no），不能是 %q",
	"%s: enabled must be yes or no, not %q":                          "%s：启用只能是 是/否（yes/no），不能是 %q",
	"%s: empty alias":                                                "%s：别名为空",
	"%s: alias %q implies measure %q the indicator does not take":    "%s：别名 %q 指定的口径 %q 不在该指标的口径中",
	"%s: alias %q listed twice":                                      "%s：别名 %q 重复",
	"alias %q claimed by both %s and %s (%s is on line %d)":          "别名 %q 同时属于 %s 和 %s（%s 在第 %d 行）",
	"unknown column %q (the columns are %s)":                         "未知的列 %q（各列为：%s）",
	"column %q named twice":                                          "列 %q 重复",
	"no column %s (%s)":                                              "缺少列 %s（%s）",
	"unknown flag: %s":                                               "未知参数：%s",
	"flag needs an argument: %s":                                     "参数 %s 需要一个值",
	"invalid value %q for --%s":                                      "--%[2]s 的值 %[1]q 无效",
	"bad flag syntax: %s":                                            "参数写法有误：%s",
	" (default %s)":                                                  "（默认 %s）",
	"not an Excel workbook (.xlsx)":                                  "不是 Excel 工作簿（.xlsx）",
	"sheet %s cannot be read":                                        "无法读取工作表 %s",
	"no sheet %s or %s to read corrections from":                     "没有可读取更正的“%s”或“%s”表",
	"not a regular file":                                             "不是普通文件",
	"%d MiB, more than the %d MiB a workbook may have":               "%d MiB，超过工作簿上限 %d MiB",
	"no %s sheet; is it a workbook zhibiao wrote?":                   "没有“%s”表；这是 zhibiao 生成的工作簿吗？",
	"the %s sheet has no column %s; is it a workbook zhibiao wrote?": "“%s”表没有“%s”列；这是 zhibiao 生成的工作簿吗？",
	"grew while it was read":                                         "读取时文件仍在变大",
	"not valid CSV: %s":                                              "不是有效的 CSV：%s",
	"%d fields; expected path, region, year":                         "有 %d 个字段；应为 路径,地区,年份",
	"no path":                                                        "没有路径",
	"year %q is not a number":                                        "年份 %q 不是数字",
	"year %d is not between %d and %d":                               "年份 %d 不在 %d 到 %d 之间",
	"%s: neither a region nor a year":                                "%s：既没有地区也没有年份",
	"%s is already on line %d":                                       "%s 已在第 %d 行",
	"no indicators: the catalogue has no rows":                       "指标目录中没有任何指标",
	// Mistakes in a layout file.
	"empty layout: it must be a JSON object { … }":               "版式文件为空：应为 JSON 对象 { … }",
	"not valid JSON: %s":                                         "不是有效的 JSON：%s",
	"more text after the layout's closing }":                     "版式结尾的 } 之后还有内容",
	"the layout ends too early: a } or ] is missing":             "版式提前结束：缺少 } 或 ]",
	"unknown field %q (see the built-in layout: zhibiao layout)": "未知字段 %q（参见内置版式：zhibiao layout）",
	"%s must be text in quotes":                                  "%s 应为带引号的文字",
	"%s must be a whole number":                                  "%s 应为整数",
	"%s must be true or false":                                   "%s 应为 true 或 false",
	"%s must be a list [ … ]":                                    "%s 应为列表 [ … ]",
	"%s must be an object { … }":                                 "%s 应为对象 { … }",
	"years must be a year (2024) or a range (2023-2025), not %s": "years 须是年份（2024）或年份范围（2023-2025），不能是 %s",
	"a group needs a name":                                       "分组需要名称",
	"year %d is not between 1949 and 2100":                       "年份 %d 不在 1949 至 2100 之间",
	"%q cannot name the 对比 sheet: at most 31 characters, none of []:*?/\\, not the name of another sheet": "%q 不能作为对比表的名称：最多 31 个字符，不能含 []:*?/\\，不能与其他表同名",
	// Words naming an indicator, in a layout, --indicators or a placeholder.
	"two measures: %s and %s":                                   "口径重复：%s 和 %s",
	"two scopes: %s and %s":                                     "排名范围重复：%s 和 %s",
	"two indicators: %s and %s":                                 "指标重复：%s 和 %s",
	"unknown word %q: not an indicator, measure, scope or unit": "无法识别 %q：不是指标、口径、排名范围或单位",
	"no indicator named":                                        "没有写指标",
	"%s does not take the measure %s":                           "%s 没有“%s”口径",
	"%s is a scope of ranks, not of %s":                         "%s 是排名的范围，不能用于%s",
	"%s is switched off in the catalogue":                       "%s 在指标目录中已停用",
	// Placeholders of a template.
	"empty placeholder": "占位符为空",
	"a placeholder starts with the region, then the indicator: %s is an indicator": "占位符应先写地区，再写指标：%s 是指标",
	"two years: %d and %d":                                "年份重复：%d 和 %d",
	"both 实际 and 目标 (actual and target)":                  "同时写了实际和目标",
	"two fields: %s and %s":                               "内容重复：%s 和 %s",
	"no year: write the year of the figure, such as 2024": "没有年份：请写出数字所属的年份，如 2024",
	"say 实际 or 目标 (actual or target)":                     "请写明实际或目标",
	"no closing }} for this {{":                           "{{ 没有对应的 }}",
	"no such region in the reports: %s":                   "报告中没有地区 %s",
	"no such figure":                                      "没有这个数字",
	// Warnings of extract.
	"%s: alias %q names %s, which the catalogue does not have":                                               "%s：别名 %q 所指的 %s 不在指标目录中",
	"%s: alias %q: after > name two indicators joined by +":                                                  "%s：别名 %q：> 之后应写两个用 + 连接的指标",
	"names %s beside a figure, but no rule read it (%s)":                                                     "提到%s和数字，但没有规则读出（%s）",
	"%d more review items not listed: a report with so many is not one to review figure by figure":           "另有 %d 个待核对项未列出：一份报告有这么多待核对项，已无法逐项核对",
	"its paragraph opens on %s: the figure may be of that part, not of the whole region":                     "所在段落以“%s”开头：这个数字可能属于该局部，而不是全地区",
	"names %s beside %s, but no rule read it, and the report gives no other figure of it":                    "提到%s和%s，但没有规则读出，而报告中没有该指标的其他数字",
	"names %s beside %s, left out for the words %s, and the report gives no other figure of it":              "提到%s和%s，因“%s”未采用，而报告中没有该指标的其他数字",
	"%s is outside the plausible range %s%s of the catalogue":                                                "%s超出指标目录的合理范围（%s%s）",
	"the report also states %s (line %s); kept %s":                                                           "报告另有%s（第 %s 行）；采用了%s",
	"plausible range %q: write a measure, perhaps a level, and min~max: growth -15~20; level county 1~20000": "合理范围 %q：应写口径、地区级别（可省）和“下限~上限”，如：增速 -15~20；总量 县级 1~20000",
	"%s: plausible range of %s, which is not one of its measures":                                            "%s：%s 不是该指标的口径，不能设合理范围",
	"%s: nominal must be yes or no, not %q":                                                                  "%s：名义增速须为“是”或“否”，而不是 %q",
	// Corrections and checks across years.
	"a row without an indicator can only confirm the region (确认); to name another region, use --region or a manifest": "没有指标的行只能确认地区（确认）；如需改为其他地区，请用 --region 或清单",
	"no region %s among the reports, nor in GB/T 2260":                                                                "报告中没有地区 %s，GB/T 2260 区划表中也没有",
	"no figure of %s %s %s %s of %s in the reports to delete":                                                         "报告中没有要删除的数字：%[5]s %[1]s %[2]s %[3]s年 %[4]s",
	"no figure of %s %s %s %s of %s in the reports to confirm":                                                        "报告中没有要确认的数字：%[5]s %[1]s %[2]s %[3]s年 %[4]s",
	"no sentence left unread of %s of %s to confirm":                                                                  "%[2]s 没有 %[1]s 的可能漏读句子可确认",
	"the analyst's corrections: a workbook whose 待核对 sheet was filled in, or a CSV with its columns":                  "人工更正：填写过“待核对”表的工作簿，或含相同列的 CSV 文件",
	"no header row naming the columns 地区, 指标 and 更正":                                                                  "没有包含“地区”“指标”“更正”列的表头行",
	"no doubt of the region of %s to confirm":                                                                         "%s 没有需要确认的地区存疑项",
	"the same figure as line %d":                                                                                      "与第 %d 行是同一个数字",
	"%s: %s, %s times %s's %s (%s): a unit or another figure read for it?":                                            "%s年 %s，是%[4]s年 %[5]s（%[6]s）的 %[3]s 倍：单位有误，或读成了别的数字？",
	"%s: %d corrections are of reports this run did not read; kept for the runs that do":                              "%s：有 %d 条更正对应的报告本次未读入；已保留，供读入这些报告时使用",
	"%s: %s, but %s's %s (%s) grown by %s (line %d) gives %s":                                                         "%s年 %s，但按%[3]s年 %[4]s（%[5]s）增长 %[6]s（第 %[7]d 行）推算应为 %[8]s",
	"to give a figure, say its 口径, 年份 and 实际/目标":                                                                      "要填写数字，请写明其口径、年份和实际/目标",
	"no region (地区)":                                                     "没有写地区",
	"year %q is not a year between 1949 and 2100":                        "年份 %q 不是 1949 至 2100 之间的年份",
	"%q is neither 实际 nor 目标":                                            "%q 既不是“实际”也不是“目标”",
	"no indicator (指标): only the region can be confirmed without one":    "没有写指标：不写指标时只能确认地区",
	"%q: a range cannot also be %s":                                      "%q：区间不能同时是%s",
	"%q is not a number of %s (write 6.5, 6%%左右, 3500亿元, 第4位, 删除 or 确认)": "%q 不是%s数值（可写 6.5、6%%左右、3500亿元、第4位、删除或确认）",
	"%d bytes could not be decoded as %s and were replaced":              "有 %d 个字节无法按 %s 解码，已替换",
	"region %s is not in the GB/T 2260 table":                            "地区 %s 不在 GB/T 2260 区划表中",
	"no figures of the catalogue's indicators found":                     "未找到指标目录中的任何指标数字",
	// Region and year.
	"cannot tell the region: it may be %s or %s; name it in a manifest, as: %s":                                       "无法确定地区：可能是%s或%s；请在清单中写明，如：%s",
	"cannot tell the region: it may be %s, but the text does not settle it; name it in a manifest, as: %s":            "无法确定地区：可能是%s，但正文不足以确定；请在清单中写明，如：%s",
	"cannot tell the region: the text names no region of its own; name it in a manifest, as: %s":                      "无法确定地区：正文没有写明本地区；请在清单中写明，如：%s",
	"region %s read only from the names the text uses (%s); if wrong, name it in a manifest, as: %s":                  "地区 %s 仅根据正文中的地名（%s）判断；如有误，请在清单中写明，如：%s",
	"report year %s read only from the years the text mentions most; if wrong, name it in a manifest, as: %s":         "报告年份 %s 仅根据正文中最常出现的年份判断；如有误，请在清单中写明，如：%s",
	"cannot tell the report's year: the text names no year of its review or plan; name it in a manifest, as: %s":      "无法确定报告年份：正文没有写明回顾或计划的年份；请在清单中写明，如：%s",
	"cannot tell the report's year: its review and plan point to different years (%s); name it in a manifest, as: %s": "无法确定报告年份：回顾与计划指向不同的年份（%s）；请在清单中写明，如：%s",
}

func init() {
	for en, zh := range zhMessages {
		message.SetString(language.Chinese, en, zh)
	}
}

// errorNames says in Chinese what the errors of reading an input are; the
// English detail follows in brackets, unless it adds nothing.
var errorNames = []struct {
	err   error
	zh    string
	plain bool // the Chinese says all there is to say
}{
	{document.ErrEmpty, "空文件", true},
	{document.ErrBinary, "二进制文件，不是文本", false},
	{document.ErrUndecodable, "无法识别文本编码", false},
	{document.ErrUnsupported, "不支持的文件类型", false},
	{document.ErrMismatch, "文件扩展名与内容不符", false},
	{document.ErrLegacyDoc, "旧版 Word/WPS 文档（.doc、.wps）无法读取：请在 Word 或 WPS 中“另存为” .docx，或运行 soffice --headless --convert-to docx 文件", true},
	{document.ErrNoPDFTool, "未找到 pdftotext：请安装 poppler-utils（apt-get install poppler-utils）", true},
	{document.ErrTooLarge, "文件过大，不是一份报告", false},
	{document.ErrEncrypted, "文档有密码保护", true},
	{document.ErrNoText, "文档中没有文字（扫描件需先做文字识别）", false},
	{fs.ErrNotExist, "文件不存在", true},
	{fs.ErrPermission, "没有读取权限", true},
}

// describe says an error in the user's language, as place: message. The
// place is the one the error names, else path.
func (a *app) describe(path string, err error) string {
	place, msg := a.explain(err)
	return prefixed(cmp.Or(place, path), msg)
}

// explain says an error in the user's language, and the place it names,
// if any. It reads the error's parts — a *model.FileError's place, format
// and cause, an *fs.PathError's path and cause — never its text.
func (a *app) explain(err error) (place, msg string) {
	var ue *usageErr
	if errors.As(err, &ue) {
		return "", ue.msg
	}
	var dup *duplicateError
	if errors.As(err, &dup) {
		if dup.same {
			return "", a.p.Sprintf("the same %s %s report as %s; read once", dup.region, strconv.Itoa(dup.year), dup.first)
		}
		return "", a.p.Sprintf("another %s %s report, with figures different from %s; not used: keep the right one", dup.region, strconv.Itoa(dup.year), dup.first)
	}
	var fe *model.FileError
	if errors.As(err, &fe) {
		place = fe.Where()
		if fe.Format != "" {
			return place, a.p.Sprintf(fe.Format, fe.Args...)
		}
		if fe.Err == nil {
			return place, fe.Message
		}
		err = fe.Err
	}
	detail := err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) {
		place = cmp.Or(place, pe.Path)
		detail = pe.Err.Error()
	}
	if a.lang == language.English {
		return place, detail
	}
	for _, n := range errorNames {
		if errors.Is(err, n.err) {
			if n.plain {
				return place, n.zh
			}
			return place, fmt.Sprintf("%s（%s）", n.zh, detail)
		}
	}
	return place, detail
}

// warning says a report's warning in the user's language, as
// path:line: message.
func (a *app) warning(path string, w model.Warning) string {
	msg := w.Message
	if w.Format != "" {
		msg = a.p.Sprintf(w.Format, w.Args...)
	}
	if w.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", path, w.Line, msg)
	}
	return prefixed(path, msg)
}

func prefixed(path, msg string) string {
	if path == "" {
		return msg
	}
	return path + ": " + msg
}

// chineseError says why an input could not be read in Chinese, whatever
// --lang says, without the place: the workbook's 来源 sheet names the file.
func (a *app) chineseError(err error) string {
	zh := *a
	zh.p, zh.lang = zhPrinter, language.Chinese
	_, msg := zh.explain(err)
	return msg
}

// chinese words a message of the model in Chinese, whatever --lang says:
// the workbook's text is Chinese.
func (a *app) chinese(w model.Warning) string {
	if w.Format == "" {
		return w.Message
	}
	return zhPrinter.Sprintf(w.Format, w.Args...)
}

var zhPrinter = message.NewPrinter(language.Chinese)
