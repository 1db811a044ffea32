package extract

import (
	"bufio"
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"zhibiao/templates"
)

// Division is one administrative division of the GB/T 2260 table
// (templates/divisions.tsv): a province-level unit (province, autonomous
// region or municipality), a prefecture-level unit (地级市, 地区, 自治州, 盟)
// or a county-level unit (县, 县级市, 市辖区, 旗, and the statistical units
// such as development zones that the National Bureau of Statistics counts
// at that level).
type Division struct {
	Code       string // GB/T 2260 code: 2 digits for a province, 4 for a prefecture, 6 for a county
	Name       string // full name, e.g. 新乡市, 牧野区, 宁夏回族自治区
	Level      string // Province, Prefecture or County
	ParentCode string // code of the enclosing division; empty for a province
}

// divisionTable is templates/divisions.tsv parsed.
type divisionTable struct {
	all    []Division       // sorted by code
	byCode map[string]int   // code → index in all
	byName map[string][]int // full name → indexes in all, by code; not a city's county of its own name
}

var divisions = sync.OnceValue(func() *divisionTable {
	data, err := templates.Files.ReadFile("divisions.tsv")
	if err != nil {
		panic("extract: templates/divisions.tsv: " + err.Error())
	}
	t, err := parseDivisions(data)
	if err != nil {
		panic("extract: templates/divisions.tsv: " + err.Error())
	}
	return t
})

// parseDivisions reads the table: comment lines start with #, the first
// other line names the columns, then code, name, level, parent_code.
func parseDivisions(data []byte) (*divisionTable, error) {
	t := &divisionTable{byCode: map[string]int{}, byName: map[string][]int{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	header := true
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			return nil, fmt.Errorf("line %d: %d fields, want 4", n, len(f))
		}
		if header {
			header = false
			if f[0] == "code" {
				continue
			}
		}
		d := Division{Code: f[0], Name: f[1], Level: f[2], ParentCode: f[3]}
		switch {
		case d.Code == "" || d.Name == "":
			return nil, fmt.Errorf("line %d: empty code or name", n)
		case d.Level != Province && d.Level != Prefecture && d.Level != County:
			return nil, fmt.Errorf("line %d: unknown level %q", n, d.Level)
		case d.Level == Province && d.ParentCode != "":
			return nil, fmt.Errorf("line %d: province %s with a parent", n, d.Code)
		case d.Level != Province && d.ParentCode == "":
			return nil, fmt.Errorf("line %d: %s %s without a parent", n, d.Level, d.Code)
		}
		if _, dup := t.byCode[d.Code]; dup {
			return nil, fmt.Errorf("line %d: duplicate code %s", n, d.Code)
		}
		t.byCode[d.Code] = len(t.all)
		t.all = append(t.all, d)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(t.all) == 0 {
		return nil, fmt.Errorf("no divisions")
	}
	slices.SortStableFunc(t.all, func(a, b Division) int { return strings.Compare(a.Code, b.Code) })
	for i, d := range t.all {
		t.byCode[d.Code] = i
	}
	for i, d := range t.all {
		if d.ParentCode != "" {
			p, ok := t.byCode[d.ParentCode]
			if !ok {
				return nil, fmt.Errorf("%s %s: unknown parent %s", d.Code, d.Name, d.ParentCode)
			}
			if t.all[p].Name == d.Name {
				// 中山市 (442000) under 中山市 (4420): the statistical
				// county of a city without districts is the city itself,
				// which its name stands for.
				continue
			}
		}
		t.byName[d.Name] = append(t.byName[d.Name], i)
	}
	return t, nil
}

// AllDivisions returns every division of the table, sorted by code (a
// province is followed by its prefectures and counties). The slice is the
// caller's own.
func AllDivisions() []Division {
	return slices.Clone(divisions().all)
}

// LookupDivision returns the divisions whose full name is name (新乡市,
// 牧野区, 河南省, 宁夏回族自治区), sorted by code. County names repeat across
// provinces (鼓楼区, 朝阳区), so there may be several; none when the name is
// unknown. A short name (新乡) is not a full name: see ShortName.
func LookupDivision(name string) []Division {
	t := divisions()
	idx := t.byName[name]
	if len(idx) == 0 {
		return nil
	}
	out := make([]Division, len(idx))
	for i, j := range idx {
		out[i] = t.all[j]
	}
	return out
}

// DivisionByCode returns the division of a GB/T 2260 code (41, 4107,
// 410711), and whether there is one.
func DivisionByCode(code string) (Division, bool) {
	t := divisions()
	i, ok := t.byCode[code]
	if !ok {
		return Division{}, false
	}
	return t.all[i], true
}

// ParentOf returns the division that encloses d: the prefecture of a
// county, the province of a prefecture, and the province of a county that
// no prefecture governs (the districts of a municipality, 济源市). A
// province has no parent.
func ParentOf(d Division) (Division, bool) {
	if d.ParentCode == "" {
		return Division{}, false
	}
	return DivisionByCode(d.ParentCode)
}

// Label is the name a region is shown and grouped by: its name, with its
// parent's when another division of the table has the same name, so that
// 鼓楼区（南京市） and 鼓楼区（福州市） are two regions, not one.
func (r Region) Label() string {
	if r.Parent != "" && len(divisions().byName[r.Name]) > 1 {
		return r.Name + "（" + r.Parent + "）"
	}
	return r.Name
}

// ethnicGroups are the names of China's ethnic groups as they appear in the
// names of autonomous divisions, longest first so that 土家 is tried before
// 土. 各 stands for 各族 (龙胜各族自治县).
var ethnicGroups = func() []string {
	g := strings.Fields(`汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎
		傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬
		锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲
		门巴 珞巴 基诺 各`)
	slices.SortStableFunc(g, func(a, b string) int {
		return utf8.RuneCountInString(b) - utf8.RuneCountInString(a)
	})
	return g
}()

// autonomousSuffixes end the names of autonomous divisions.
var autonomousSuffixes = []string{"自治区", "自治州", "自治县", "自治旗"}

// divisionSuffixes are the administrative suffixes ShortName strips, in the
// order tried.
var divisionSuffixes = []string{"特别行政区", "管理区", "地区", "新区", "矿区", "特区", "省", "市", "盟", "区", "县", "旗"}

// shortNameExceptions are names the suffix rules would cut wrongly.
var shortNameExceptions = map[string]string{
	"神农架林区": "神农架", // 林区 is the suffix here, but part of the name in 万柏林区, 碑林区
}

// ShortName returns the name a division goes by in running text: the full
// name without its administrative suffix (新乡市 → 新乡, 河南省 → 河南, 牧野区
// → 牧野, 呼伦贝尔市 → 呼伦贝尔) and, for an autonomous division, without the
// ethnic groups that precede it (宁夏回族自治区 → 宁夏, 内蒙古自治区 → 内蒙古,
// 长阳土家族自治县 → 长阳). A short name keeps at least 2 runes, so 城区, 郊区,
// 滑县 stay as they are and 清新区 becomes 清新. Development zones (…开发区)
// keep their full name. Short names are not unique: 河南蒙古族自治县 → 河南.
func ShortName(name string) string {
	if s, ok := shortNameExceptions[name]; ok {
		return s
	}
	if utf8.RuneCountInString(name) <= 2 || strings.HasSuffix(name, "开发区") {
		return name
	}
	for _, suf := range autonomousSuffixes {
		rest, ok := strings.CutSuffix(name, suf)
		if !ok || utf8.RuneCountInString(rest) < 2 {
			continue
		}
		return stripEthnicGroups(rest)
	}
	for _, suf := range divisionSuffixes {
		rest, ok := strings.CutSuffix(name, suf)
		if ok && utf8.RuneCountInString(rest) >= 2 {
			return rest
		}
	}
	return name
}

// stripEthnicGroups removes the ethnic group names (with or without 族)
// that end the name of an autonomous division, as long as 2 runes remain:
// 积石山保安族东乡族撒拉族 → 积石山, 伊犁哈萨克 → 伊犁, 鄂温克族 → 鄂温克.
func stripEthnicGroups(s string) string {
	for {
		next := s
		for _, g := range ethnicGroups {
			if rest, ok := strings.CutSuffix(s, g+"族"); ok && utf8.RuneCountInString(rest) >= 2 {
				next = rest
				break
			}
			// A bare single-rune name (回, 白, 水) is too likely part of the
			// place name; only longer ones (哈萨克, 蒙古) go without 族.
			if utf8.RuneCountInString(g) < 2 {
				continue
			}
			if rest, ok := strings.CutSuffix(s, g); ok && utf8.RuneCountInString(rest) >= 2 {
				next = rest
				break
			}
		}
		if next == s {
			break
		}
		s = next
	}
	if rest, ok := strings.CutSuffix(s, "族"); ok && utf8.RuneCountInString(rest) >= 2 {
		s = rest
	}
	return s
}
