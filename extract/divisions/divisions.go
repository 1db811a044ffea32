// Package divisions is the GB/T 2260 table of China's administrative
// divisions (templates/divisions.tsv): their codes, names, levels and
// parents, the short names by which reports name them, the kind of each
// (what its own report calls it: 市, 县, 区, 州, 盟 …), and an index that
// finds their names in running text.
package divisions

import (
	"bufio"
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"zhibiao/extract/internal/runeset"
	"zhibiao/templates"
)

// Levels of a division.
const (
	Province   = "province"
	Prefecture = "prefecture"
	County     = "county"
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
		panic("divisions: templates/divisions.tsv: " + err.Error())
	}
	t, err := parseDivisions(data)
	if err != nil {
		panic("divisions: templates/divisions.tsv: " + err.Error())
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

// All returns every division of the table, sorted by code (a province is
// followed by its prefectures and counties). The slice is the caller's
// own.
func All() []Division {
	return slices.Clone(divisions().all)
}

// Lookup returns the divisions whose full name is name (新乡市,
// 牧野区, 河南省, 宁夏回族自治区), sorted by code. County names repeat across
// provinces (鼓楼区, 朝阳区), so there may be several; none when the name is
// unknown. A short name (新乡) is not a full name: see ShortName.
func Lookup(name string) []Division {
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

// ByCode returns the division of a GB/T 2260 code (41, 4107,
// 410711), and whether there is one.
func ByCode(code string) (Division, bool) {
	t := divisions()
	i, ok := t.byCode[code]
	if !ok {
		return Division{}, false
	}
	return t.all[i], true
}

// Parent returns the division that encloses d: the prefecture of a
// county, the province of a prefecture, and the province of a county that
// no prefecture governs (the districts of a municipality, 济源市). A
// province has no parent.
func Parent(d Division) (Division, bool) {
	if d.ParentCode == "" {
		return Division{}, false
	}
	return ByCode(d.ParentCode)
}

// Shared reports whether more than one division bears the full name
// name (鼓楼区), so that it is told apart by its parent's.
func Shared(name string) bool { return len(divisions().byName[name]) > 1 }

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

// Kind is what a division calls itself in its own report, told by the
// suffix of its name: 市 (全市, 我市, 市委) for a city of any level, 县 for
// a county, 区 for a district, 州 for an autonomous prefecture, and so on.
// Reports of divisions of one kind speak alike, so a report's kind is the
// first thing its words tell; its name comes second, among the divisions
// of that kind.
type Kind string

// The kinds of division, and of the nation.
const (
	NationKind     Kind = "国"
	ProvinceKind   Kind = "省"
	RegionKind     Kind = "自治区"
	CityKind       Kind = "市"
	PrefectureKind Kind = "州" // an autonomous prefecture, 自治州
	LeagueKind     Kind = "盟"
	AreaKind       Kind = "地区"
	CountyKind     Kind = "县" // counties and autonomous counties
	DistrictKind   Kind = "区" // districts of cities, and other units named …区
	BannerKind     Kind = "旗" // banners and autonomous banners
)

// kindSuffixes tell a name's kind, in the order tried: 自治区 before 区,
// 自治州 before 州.
var kindSuffixes = []struct {
	suffix string
	kind   Kind
}{
	{"特别行政区", ""}, // governed apart: no report of theirs is read
	{"自治区", RegionKind}, {"省", ProvinceKind}, {"自治州", PrefectureKind}, {"盟", LeagueKind},
	{"地区", AreaKind}, {"市", CityKind}, {"旗", BannerKind}, {"县", CountyKind}, {"区", DistrictKind},
}

// KindOf returns the kind of a division's full name, or "" for names of
// no kind (the islands the table lists).
func KindOf(name string) Kind {
	for _, s := range kindSuffixes {
		if strings.HasSuffix(name, s.suffix) {
			return s.kind
		}
	}
	return ""
}

// Kinds lists every kind, the nation's first.
func Kinds() []Kind {
	return []Kind{NationKind, ProvinceKind, RegionKind, CityKind, PrefectureKind, LeagueKind, AreaKind, CountyKind, DistrictKind, BannerKind}
}

// Get returns the division at index i of All (as Hit.Div gives it).
func Get(i int) Division { return divisions().all[i] }

// Index returns the index in All of the division with a code.
func Index(code string) (int, bool) {
	i, ok := divisions().byCode[code]
	return i, ok
}

// SixDigits writes a code of the table as GB/T 2260 writes it, in six
// digits: 41 → 410000, 4107 → 410700. The table keeps a province's and a
// prefecture's code short, as their prefixes, so that a prefecture
// without counties (中山市, 4420) and the one county-level division under
// it (442000) stay apart.
func SixDigits(code string) string {
	if n := len(code); n == 2 || n == 4 {
		return code + "0000"[:6-n]
	}
	return code
}

// Forms of a division's name in running text.
const (
	FullForm  = iota // 新乡市, 恩施土家族苗族自治州
	ShortForm        // 新乡, 恩施
	UsualForm        // the usual name of an autonomous one: 恩施州, 长阳县
)

// Hit is a division's name found in running text: the division (its index
// in All), the span of runes and the form of the name. Everyday says the
// name is a short name that is also an everyday word (合作 for 合作市,
// 资源 for 资源县), which a text may well mean as the word.
type Hit struct {
	Div        int
	Start, End int
	Form       int
	Everyday   bool
}

// nameIndex finds division names in running text, keyed by their first
// two runes.
type nameIndex struct {
	byPrefix map[[2]rune][]nameEntry
	prefixes runeset.PairFilter // the keys of byPrefix
}

type nameEntry struct {
	text []rune
	div  int
	form int
}

var names = sync.OnceValue(func() *nameIndex {
	ix := &nameIndex{byPrefix: map[[2]rune][]nameEntry{}}
	for i, d := range divisions().all {
		add := func(name string, form int) {
			rs := []rune(name)
			if len(rs) < 2 {
				return
			}
			k := [2]rune{rs[0], rs[1]}
			for _, e := range ix.byPrefix[k] {
				if e.div == i && slices.Equal(e.text, rs) {
					return
				}
			}
			ix.prefixes.Add(rs[0], rs[1])
			ix.byPrefix[k] = append(ix.byPrefix[k], nameEntry{text: rs, div: i, form: form})
		}
		add(d.Name, FullForm)
		short := ShortName(d.Name)
		if short == d.Name || isScopeWord(short) {
			continue // 全州 (全州县) is a report's word for its own prefecture
		}
		add(short, ShortForm)
		// 恩施州, 长阳县, 鄂温克旗: the usual name of an autonomous division.
		for _, s := range []struct{ suffix, form string }{{"自治州", "州"}, {"自治县", "县"}, {"自治旗", "旗"}} {
			if strings.HasSuffix(d.Name, s.suffix) {
				add(short+s.form, UsualForm)
			}
		}
	}
	for k := range ix.byPrefix {
		// Longest first, and the divisions bearing one name together.
		slices.SortStableFunc(ix.byPrefix[k], func(a, b nameEntry) int {
			if len(a.text) != len(b.text) {
				return len(b.text) - len(a.text)
			}
			return slices.Compare(a.text, b.text)
		})
	}
	return ix
})

// isScopeWord reports whether a name is also the word by which a report
// speaks of its own region: 全 and a kind (全州).
func isScopeWord(name string) bool {
	rest, ok := strings.CutPrefix(name, "全")
	return ok && KindOf(rest) != "" && utf8.RuneCountInString(rest) <= 3
}

// Find calls fn for the longest division name at each position of rs.
// A short name overlapping a full name that starts inside it gives way to
// that full name: in 关于洪泽区 the name is 洪泽区, not 于洪 (于洪区). Where
// several divisions bear the name found (鼓楼区, or 吉林 for 吉林省 and
// 吉林市), fn is called for each, with the same span.
func Find(rs []rune, fn func(Hit)) {
	ix := names()
	for i := 0; i+1 < len(rs); i++ {
		if !ix.prefixes.MayHave(rs[i], rs[i+1]) {
			continue // no name starts here, as at nearly every rune
		}
		es := ix.longestAt(rs, i)
		if len(es) == 0 {
			continue
		}
		n := len(es[0].text)
		if es[0].form == ShortForm {
			if j := ix.fullNameWithin(rs, i+1, i+n); j >= 0 {
				i = j - 1
				continue
			}
		}
		if es[0].form == ShortForm && crossesWord(rs, i, i+n) {
			continue // 和政 in 和政策, 新和 in 创新和: the runes of a word
		}
		common := es[0].form == ShortForm && n == 2 && isEveryday(rs[i], rs[i+1])
		for _, e := range es {
			fn(Hit{Div: e.div, Start: i, End: i + n, Form: e.form, Everyday: common})
		}
		i += n - 1
	}
}

// everyday holds the everyday two-rune words of templates/words.tsv.
var everyday = sync.OnceValue(func() map[[2]rune]bool {
	data, err := templates.Files.ReadFile("words.tsv")
	if err != nil {
		panic("divisions: templates/words.tsv: " + err.Error())
	}
	out := map[[2]rune]bool{}
	header := true
	for line := range strings.Lines(string(data)) {
		line = strings.TrimRight(line, "\r\n")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if header {
			header = false
			continue
		}
		rs := []rune(line)
		if len(rs) == 2 {
			out[[2]rune{rs[0], rs[1]}] = true
		}
	}
	return out
})

// isEveryday reports whether a and b make an everyday two-rune word.
func isEveryday(a, b rune) bool { return everyday()[[2]rune{a, b}] }

// crossesWord reports whether the name at rs[s:e] shares its first or last
// rune with an everyday word that begins before it or ends after it.
func crossesWord(rs []rune, s, e int) bool {
	return s > 0 && isEveryday(rs[s-1], rs[s]) || e < len(rs) && isEveryday(rs[e-1], rs[e])
}

// longestAt returns the entries of the longest name at rs[i:]: one per
// division that bears it.
func (ix *nameIndex) longestAt(rs []rune, i int) []nameEntry {
	if i+1 >= len(rs) || !ix.prefixes.MayHave(rs[i], rs[i+1]) {
		return nil
	}
	es := ix.byPrefix[[2]rune{rs[i], rs[i+1]}]
	for k, e := range es {
		if i+len(e.text) <= len(rs) && slices.Equal(rs[i:i+len(e.text)], e.text) {
			end := k + 1
			for end < len(es) && slices.Equal(es[end].text, e.text) {
				end++
			}
			return es[k:end]
		}
	}
	return nil
}

// fullNameWithin returns the first position in [from, to) where a full
// division name starts, or -1.
func (ix *nameIndex) fullNameWithin(rs []rune, from, to int) int {
	for j := from; j < to; j++ {
		if es := ix.longestAt(rs, j); len(es) > 0 && es[0].form == FullForm {
			return j
		}
	}
	return -1
}

// FullNameAt returns the length of the longest full division name at
// rs[i:], or 0.
func FullNameAt(rs []rune, i int) int {
	for _, e := range names().longestAt(rs, i) {
		if e.form == FullForm {
			return len(e.text)
		}
	}
	return 0
}

// Depth orders kinds from the nation down: a report speaks of its own
// region's government and of those above it (市委 and 省委 in a city's
// report), so the deepest kind it speaks of is its own. A city (市) may be
// of prefecture or county level, and lies below the other prefecture-level
// kinds: a city that speaks of 州委 is a county-level city of that
// prefecture.
func (k Kind) Depth() int {
	switch k {
	case NationKind:
		return 0
	case ProvinceKind, RegionKind:
		return 2
	case PrefectureKind, LeagueKind, AreaKind:
		return 4
	case CityKind:
		return 5
	}
	return 6
}
