package document

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
	"zhibiao/extract/internal/testdoc"
	"zhibiao/extract/model"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

func TestHTMLText(t *testing.T) {
	long := strings.Repeat("长", dataRowMaxRunes+1)
	prose := strings.Repeat("句子。", htmlProseMarks)
	tests := []struct {
		name string
		page string
		want string
	}{
		{"entities and white space",
			"<p>增长&nbsp;4.9&#37;，\n   达到&lt;3569.7&gt;亿元&amp;</p>",
			"增长\u00a04.9%， 达到<3569.7>亿元&\n"},
		{"inline elements do not break lines",
			"<p>地区生产总值<b>增长</b><span>4.9%</span>，<a href=x>详见</a>附表</p>",
			"地区生产总值增长4.9%，详见附表\n"},
		{"blocks and line breaks",
			"<div>一<br>二<br/><br>三</div><section><p>四</p>五</section><div><div>六</div></div>",
			"一\n二\n三\n四\n五\n六\n"},
		{"headings and lists",
			"<h1>报告</h1><h3>回顾</h3><ol><li>一项</li><li><p>二项</p></li></ol>",
			"# 报告\n### 回顾\n- 一项\n- 二项\n"},
		{"title first, unless the body repeats it",
			"<html><head><title> 2025年\n政府工作报告 </title></head><body><p>正文</p></body></html>",
			"# 2025年 政府工作报告\n\n正文\n"},
		{"title repeated in the body",
			"<title>政府工作报告</title><h1>政府工作报告</h1><p>正文</p>",
			"# 政府工作报告\n正文\n"},
		{"data table",
			"<table><tr><th>指标</th><th>数值</th><th>增长</th></tr>" +
				"<tr><td><p>地区生产总值</p></td><td>3569.7<br>亿元</td><td></td><td>增长4.9%</td></tr></table>",
			"指标，数值，增长\n\n地区生产总值，3569.7 亿元，增长4.9%\n"},
		{"layout table",
			"<table><tr><td><p>菜单</p></td><td><h2>报告</h2><p>" + long + "</p><p>再一段</p></td></tr></table>",
			"菜单\n## 报告\n" + long + "\n再一段\n"},
		{"layout table around a data table",
			"<table><tr><td><p>前</p><table><tr><td>甲</td><td>乙</td></tr></table><p>后</p></td></tr></table>",
			"前\n甲，乙\n后\n"},
		{"noise by tag",
			"<header>站名</header><nav>导航</nav><aside>侧栏</aside><main><p>正文</p></main><footer>版权</footer>",
			"正文\n"},
		{"noise by class or id",
			`<div class="top-menu">菜单</div><div id="breadcrumbs">位置</div><ul class="navbar"><li>栏目</li></ul>` +
				`<div class="side sidebar-right">侧栏</div><div class="share-box">分享</div><div id="pageFooter">版权</div>` +
				`<div class="Header">页眉</div><p>正文</p>`,
			"正文\n"},
		{"prose is kept whatever its class",
			`<div class="main-header-wrap"><p>` + prose + `</p></div><body class="with-sidebar">`,
			prose + "\n"},
		{"the page frame is kept whatever its class",
			`<html class="nav-open"><body class="has-header"><article class="share"><p>正文</p></article></body></html>`,
			"正文\n"},
		{"hidden elements",
			`<p hidden>甲</p><p style="display: none">乙</p><p style="VISIBILITY:hidden">丙</p><p aria-hidden="true">丁</p><p>正文</p>`,
			"正文\n"},
		{"no script, style, template or form controls",
			`<p>正<script>x</script>文</p><noscript>请启用</noscript><template><p>模板</p></template>` +
				`<select><option>选项</option></select><button>按钮</button><textarea>输入</textarea><svg><text>图</text></svg><style>p{}</style>`,
			"正文\n"},
		{"pre keeps its lines",
			"<pre>一  二\n三</pre>",
			"一  二\n三\n"},
		{"comments",
			"<p>正<!-- 地区生产总值增长99% -->文</p>",
			"正文\n"},
		{"malformed",
			"<p>一<p>二<div>三<table><tr><td>甲<td>乙</table><p>四</b></i>",
			"一\n二\n三\n\n甲，乙\n\n四\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ReadDocument("t.html", []byte(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			if testdoc.Render(doc.Blocks) != tt.want {
				t.Errorf("text %q\nwant %q", testdoc.Render(doc.Blocks), tt.want)
			}
		})
	}
}

func TestHTMLEncoding(t *testing.T) {
	const text = "地区生产总值增长4.9%，规模以上工业增加值增长6%。"
	gbk := func(s string) string {
		out, err := simplifiedchinese.GBK.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	big5 := func(s string) string {
		out, err := traditionalchinese.Big5.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	const trad = "地區生產總值增長4.9%，規模以上工業增加值增長6%。"
	tests := []struct {
		name     string
		page     string
		encoding string
		text     string
		invalid  int
	}{
		{"meta charset gb2312", `<meta charset="gb2312"><p>` + gbk(text) + `</p>`, "gb18030", text, 0},
		{"http-equiv gbk", `<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=GBK"><p>` + gbk(text) + `</p>`, "gb18030", text, 0},
		{"http-equiv attributes in another order", `<meta content='text/html;charset="gb18030"' http-equiv=content-type><p>` + gbk(text) + `</p>`, "gb18030", text, 0},
		{"meta charset big5", `<meta charset=big5><p>` + big5(trad) + `</p>`, "big5", trad, 0},
		{"meta charset utf-8", `<meta charset="utf-8"><p>` + text + `</p>`, "utf-8", text, 0},
		{"no declaration, GBK detected", `<p>` + gbk(text+text+text) + `</p>`, "gb18030", text, 0},
		{"no declaration, UTF-8", `<p>` + text + `</p>`, "utf-8", text, 0},
		{"BOM beats the declaration", "\xef\xbb\xbf" + `<meta charset="gbk"><p>` + text + `</p>`, "utf-8", text, 0},
		{"UTF-8 declared as GBK", `<meta charset="gbk"><p>` + text + `</p>`, "utf-8", text, 0},
		{"GBK declared as UTF-8", `<meta charset="utf-8"><p>` + gbk(text+text+text) + `</p>`, "gb18030", text, 0},
		{"unknown charset, detected", `<meta charset="x-unknown"><p>` + gbk(text+text+text) + `</p>`, "gb18030", text, 0},
		{"declaration past 4 KiB is not read", strings.Repeat(" ", 5000) + `<meta charset="big5"><p>` + text + `</p>`, "utf-8", text, 0},
		{"a cut character", `<meta charset="gbk"><p>` + gbk(text) + "\xb5</p>", "gb18030", text, 1},
		{"charset in a body meta", `<body><meta charset="gbk"><p>` + gbk(text) + `</p>`, "gb18030", text, 0},
		{"carriage returns", "<meta charset=\"gbk\"><p>\r\n" + gbk(text) + "\r\n</p>", "gb18030", text, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ReadDocument("t.html", []byte(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			if doc.Encoding != tt.encoding || doc.Invalid != tt.invalid {
				t.Errorf("encoding %q invalid %d, want %q %d", doc.Encoding, doc.Invalid, tt.encoding, tt.invalid)
			}
			if !strings.Contains(testdoc.Render(doc.Blocks), tt.text) {
				t.Errorf("text %q lacks %q", testdoc.Render(doc.Blocks), tt.text)
			}
		})
	}
}

func TestHTMLCharsetLabels(t *testing.T) {
	tests := []struct{ content, charset, name string }{
		{"text/html; charset=gb2312", "gb2312", "gb18030"},
		{"text/html;charset = 'GBK' ", "GBK", "gb18030"},
		{`text/html; CHARSET="big5"; x=y`, "big5", "big5"},
		{"text/html; charset=utf-16", "utf-16", "utf-8"},
		{"text/html", "", ""},
		{"text/html; charset", "", ""},
		{"text/html; charset=windows-1252", "windows-1252", ""},
	}
	for _, tt := range tests {
		c := contentCharset(tt.content)
		if c != tt.charset {
			t.Errorf("contentCharset(%q) = %q, want %q", tt.content, c, tt.charset)
		}
		if got := charsetName(c); got != tt.name {
			t.Errorf("charsetName(%q) = %q, want %q", c, got, tt.name)
		}
	}
}

// FuzzHTML reads pages of the fuzzer's: the reader must not panic, and its
// text must be valid UTF-8 and within bounds.
func FuzzHTML(f *testing.F) {
	for _, page := range []string{
		testdoc.HTMLFromSeed("# 报告\n\n- 地区生产总值增长4.9%\n\n正文。", "utf-8"),
		`<meta http-equiv="Content-Type" content="text/html; charset=gbk"><table><tr><td><table><tr><td>甲`,
		`<nav class="x"><p>。。。。。</p></nav><pre>一
二</pre><h7>x</h7>`,
		"<p>\xb5\xd8\xc7\xf8</p>",
	} {
		f.Add([]byte(page))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := ReadDocument("f.html", data)
		if err != nil {
			return
		}
		if !utf8.ValidString(testdoc.Render(doc.Blocks)) {
			t.Errorf("text is not valid UTF-8: %q", testdoc.Render(doc.Blocks))
		}
		// Decoding at most doubles the bytes (two of GBK make three of
		// UTF-8); marks and the "，" between cells add a few per element.
		if len(testdoc.Render(doc.Blocks)) > 8*len(data)+64 {
			t.Errorf("%d bytes of text from a page of %d", len(testdoc.Render(doc.Blocks)), len(data))
		}
	})
}

// TestHTMLTextSize: the text a page holds outside scripts and styles is
// counted before its tree is built, and no further than past the limit.
func TestHTMLTextSize(t *testing.T) {
	page := "<html><head><style>p{}</style><script>var x = 'long';</script></head><body><p>地区生产总值</p>增长</body></html>"
	if n := htmlTextSize(page, 1000); n != len("地区生产总值")+len("增长") {
		t.Errorf("text of %d bytes, want %d", n, len("地区生产总值")+len("增长"))
	}
	big := "<p>" + strings.Repeat("增长", 1000) + "</p>"
	if n := htmlTextSize(big, 100); n <= 100 {
		t.Errorf("past the limit: %d", n)
	}
	if _, err := readHTML([]byte("<p>" + strings.Repeat("x", MaxText+1) + "</p>")); !errors.Is(err, ErrTooLarge) {
		t.Errorf("a page of more text than a report: %v", err)
	}
}

// TestStructureIsTheReaders: marks of Markdown typed into a web page or a
// Word document are text, not structure: only the elements say what is a
// heading or an item.
func TestStructureIsTheReaders(t *testing.T) {
	want := []model.Block{
		{Kind: model.Heading, Level: 2, Text: "一、工作回顾", Line: 1},
		{Kind: model.Paragraph, Text: "# 不是标题", Line: 2},
		{Kind: model.Paragraph, Text: "- 不是列表项", Line: 3},
		{Kind: model.Item, Text: "列表项", Line: 4},
	}
	doc, err := readHTML([]byte("<h2>一、工作回顾</h2><p># 不是标题</p><p>- 不是列表项</p><ul><li>列表项</li></ul>"))
	if err != nil {
		t.Fatal(err)
	}
	got := slices.DeleteFunc(doc.Blocks, func(b model.Block) bool { return b.Kind == model.Break })
	if !slices.Equal(got, want) {
		t.Errorf("web page: %+v\nwant %+v", got, want)
	}
	body := testdoc.DOCXParagraph("1", "一、工作回顾") + testdoc.DOCXParagraph("", "# 不是标题") + testdoc.DOCXParagraph("", "- 不是列表项")
	doc, err = readDOCX(testdoc.MinimalDOCX(t, body))
	if err != nil {
		t.Fatal(err)
	}
	got = slices.DeleteFunc(doc.Blocks, func(b model.Block) bool { return b.Kind == model.Break })
	if len(got) != 3 || got[0].Kind != model.Heading || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("Word document: %+v", got)
	}
}
