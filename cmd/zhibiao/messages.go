package main

import (
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"zhibiao/extract"
)

// zhMessages is the Chinese of every message zhibiao says, keyed by its
// English, which is the message's format in the code (a.p.Sprintf and
// extract.Warnf). A test checks that every message has its Chinese.
var zhMessages = map[string]string{
	usageMain: `zhibiao 读取政府工作报告，提取其中的经济指标。

用法：
  zhibiao export [选项] 路径...        生成工作簿（默认 指标汇总.xlsx）
  zhibiao extract [选项] 路径...       以 JSON 或 TSV 输出数据模型
  zhibiao indicators                   列出指标目录
  zhibiao version                      显示版本
  zhibiao 文件...                      同 export，在第一个文件旁生成 指标汇总.xlsx

路径可以是文件夹：其中的 .txt .md .html .htm .docx .pdf 文件都会读取。
运行 zhibiao 命令 --help 查看该命令的选项。

示例：
  zhibiao export -o 指标汇总.xlsx 报告/
  zhibiao export -o 'out/指标汇总-{date}.xlsx' --quiet 报告/
  zhibiao extract --format tsv 报告.txt
`,
	usageExport: `zhibiao export 生成报告的工作簿：概览、对比、各地区一张表、明细、来源。

用法：
  zhibiao export [选项] 路径...

示例：
  zhibiao export -o 指标汇总.xlsx 报告/
  zhibiao export -o 'out/指标汇总-{date}.xlsx' 报告/     （与同名规则下最近一份旧文件比较，生成“变更”表）
  zhibiao export --since 上月.xlsx --as-of 2025-03-01 报告/
  zhibiao export --manifest 清单.csv --strict 报告/
`,
	usageExtract: `zhibiao extract 输出报告的数据模型：JSON（报告、目标完成情况、错误）或 TSV（每行一个观测值）。

用法：
  zhibiao extract [选项] 路径...

示例：
  zhibiao extract 报告.txt
  zhibiao extract --format tsv 报告/ > 指标.tsv
  zhibiao extract --region 牧野区 --year 2024 报告.txt
`,
	usageIndicators: `zhibiao indicators 列出指标目录：代码、层级、分组、名称、单位、方向、别名。

用法：
  zhibiao indicators

示例：
  zhibiao indicators | grep gdp
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
	"the workbook to write; {date} in it becomes the --as-of date, or today":                                         "要生成的工作簿；其中的 {date} 替换为 --as-of 日期或今天",
	"the year of the 对比 sheet (default: the year most regions have targets for)":                                     "对比表的年份（默认：有目标的地区最多的年份）",
	"the date of the data, YYYY-MM-DD, stamped in the workbook and in {date}":                                        "数据日期，格式 YYYY-MM-DD，写入工作簿和 {date}",
	"a missed 左右 target within this many points counts as 基本完成":                                                      "“左右”目标未达到但差距在此百分点以内的，记为基本完成",
	"an earlier workbook: add a 变更 sheet of what changed since (default: the latest earlier file of the -o pattern)": "上一期工作簿：增加“变更”表，列出此后的变化（默认：-o 命名规则下最近的一份旧文件）",
	"the region of every input, a GB/T 2260 name such as 新乡市 (overrides detection)":                                  "所有输入的地区，按 GB/T 2260 名称，如 新乡市（不再自动识别）",
	"the year every input was delivered (overrides detection)":                                                       "所有输入的报告年份（不再自动识别）",
	"a CSV file of path, region, year for inputs whose region or year the text does not tell":                        "清单 CSV 文件（路径、地区、年份），用于无法从正文识别地区或年份的输入",
	"treat every warning as an error, and write nothing when an input fails":                                         "把每条警告当作错误；有输入失败时不写任何文件",
	"some inputs failed or warned; nothing written (--strict)":                                                       "有输入失败或有警告，未写入任何文件（--strict）",
	"unchanged":                         "（未变化）",
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
	// Warnings of extract.
	"%d bytes could not be decoded as %s and were replaced":                                "有 %d 个字节无法按 %s 解码，已替换",
	"region %s is not in the GB/T 2260 table":                                              "地区 %s 不在 GB/T 2260 区划表中",
	"cannot tell the report's year; set it with --year":                                    "无法识别报告年份，请用 --year 指定",
	"report year %s guessed from the years the text mentions; set it with --year if wrong": "报告年份 %s 是根据正文中的年份推测的，如有误请用 --year 指定",
	"no figures of the catalogue's indicators found":                                       "未找到指标目录中的任何指标数字",
	"cannot tell the region from the text; set it with --region":                           "无法从正文识别地区，请用 --region 指定",
	"region %s guessed from place names mentioned %d times; set it with --region if wrong": "地区 %s 是根据正文中出现 %d 次的地名推测的，如有误请用 --region 指定",
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
	{extract.ErrEmpty, "空文件", true},
	{extract.ErrBinary, "二进制文件，不是文本", false},
	{extract.ErrUndecodable, "无法识别文本编码", false},
	{extract.ErrUnsupported, "不支持的文件类型", false},
	{extract.ErrMismatch, "文件扩展名与内容不符", false},
	{extract.ErrLegacyDoc, "旧版 Word/WPS 文档（.doc、.wps）无法读取：请在 Word 或 WPS 中“另存为” .docx，或运行 soffice --headless --convert-to docx 文件", true},
	{extract.ErrNoPDFTool, "未找到 pdftotext：请安装 poppler-utils（apt-get install poppler-utils）", true},
	{extract.ErrTooLarge, "文件过大，不是一份报告", false},
	{extract.ErrEncrypted, "文档有密码保护", true},
	{extract.ErrNoText, "文档中没有文字（扫描件需先做文字识别）", false},
	{fs.ErrNotExist, "文件不存在", true},
	{fs.ErrPermission, "没有读取权限", true},
}

// describe says an error in the user's language, as path: message.
func (a *app) describe(path string, err error) string {
	var ue *usageErr
	if errors.As(err, &ue) {
		return ue.msg
	}
	var dup *duplicateError
	if errors.As(err, &dup) {
		if dup.same {
			return prefixed(path, a.p.Sprintf("the same %s %s report as %s; read once", dup.region, strconv.Itoa(dup.year), dup.first))
		}
		return prefixed(path, a.p.Sprintf("another %s %s report, with figures different from %s; not used: keep the right one", dup.region, strconv.Itoa(dup.year), dup.first))
	}
	msg := withPath(path, err)
	if a.lang == language.English {
		return msg
	}
	detail := strings.TrimPrefix(msg, path+": ")
	for _, n := range errorNames {
		if errors.Is(err, n.err) {
			if n.plain {
				return prefixed(path, n.zh)
			}
			return prefixed(path, fmt.Sprintf("%s（%s）", n.zh, detail))
		}
	}
	return msg
}

// warning says a report's warning in the user's language, as
// path:line: message.
func (a *app) warning(path string, w extract.Warning) string {
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
