package divisions

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"
)

// referenceDivisions is the division list of the npm package the table is
// generated from, kept outside the module for checking.
const referenceDivisions = "../../../shared/reference/divisions"

// readReferenceCSV returns the records of one reference file, header
// dropped; it skips the test when the reference is not there (and fails on
// CI, where it must be).
func readReferenceCSV(t *testing.T, name string) [][]string {
	t.Helper()
	path := filepath.Join(referenceDivisions, name)
	f, err := os.Open(path)
	if err != nil {
		if os.IsNotExist(err) {
			if os.Getenv("CI") != "" {
				t.Fatalf("reference division list missing: %v", err)
			}
			t.Skipf("reference division list not available (%v); set CI to make this an error", err)
		}
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(recs) < 2 {
		t.Fatalf("%s: no records", path)
	}
	return recs[1:]
}

// placeholderCities group counties directly under their province; they are
// not prefectures.
var placeholderCities = map[string]bool{
	"市辖区": true, "县": true, "省直辖县级行政区划": true, "自治区直辖县级行政区划": true,
}

func TestDivisionsMatchReference(t *testing.T) {
	provinces := readReferenceCSV(t, "provinces.csv") // code,name
	cities := readReferenceCSV(t, "cities.csv")       // code,name,provinceCode
	areas := readReferenceCSV(t, "areas.csv")         // code,name,cityCode,provinceCode

	want := map[string]Division{}
	for _, r := range provinces {
		want[r[0]] = Division{Code: r[0], Name: r[1], Level: Province}
	}
	countyParent := map[string]string{} // city code → parent of its counties
	for _, r := range cities {
		if placeholderCities[r[1]] {
			countyParent[r[0]] = r[2]
			continue
		}
		countyParent[r[0]] = r[0]
		want[r[0]] = Division{Code: r[0], Name: r[1], Level: Prefecture, ParentCode: r[2]}
	}
	for _, r := range areas {
		parent, ok := countyParent[r[2]]
		if !ok {
			t.Fatalf("reference area %v: unknown city", r)
		}
		want[r[0]] = Division{Code: r[0], Name: r[1], Level: County, ParentCode: parent}
	}

	for code, w := range want {
		got, ok := ByCode(code)
		if !ok {
			t.Errorf("ByCode(%s) missing, want %+v", code, w)
			continue
		}
		if got != w {
			t.Errorf("ByCode(%s) = %+v, want %+v", code, got, w)
		}
	}

	all := All()
	count := map[string]int{}
	for i, d := range all {
		count[d.Level]++
		if _, ok := want[d.Code]; !ok {
			t.Errorf("table has %+v, not in the reference", d)
		}
		if i > 0 && all[i-1].Code >= d.Code {
			t.Errorf("AllDivisions not sorted by code at %s, %s", all[i-1].Code, d.Code)
		}
	}
	wantCount := map[string]int{Province: len(provinces), Prefecture: 0, County: len(areas)}
	for _, r := range cities {
		if !placeholderCities[r[1]] {
			wantCount[Prefecture]++
		}
	}
	for _, level := range []string{Province, Prefecture, County} {
		if count[level] != wantCount[level] {
			t.Errorf("%s: %d in the table, %d in the reference", level, count[level], wantCount[level])
		}
	}
	if len(all) != len(want) {
		t.Errorf("table has %d divisions, reference %d", len(all), len(want))
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		name, code, level string
		parent            string // name of the parent, "" for none
		parentCode        string
		matches           int // how many divisions bear the name
	}{
		{"牧野区", "410711", County, "新乡市", "4107", 1},
		{"新乡市", "4107", Prefecture, "河南省", "41", 1},
		{"焦作市", "4108", Prefecture, "河南省", "41", 1},
		{"河南省", "41", Province, "", "", 1},
		{"海拉尔区", "150702", County, "呼伦贝尔市", "1507", 1},
		{"呼伦贝尔市", "1507", Prefecture, "内蒙古自治区", "15", 1},
		{"宁夏回族自治区", "64", Province, "", "", 1},
		{"北京市", "11", Province, "", "", 1},
		{"东城区", "110101", County, "北京市", "11", 1},          // municipality: district under the province row
		{"济源市", "419001", County, "河南省", "41", 1},          // county-level city governed by the province
		{"长垣市", "410783", County, "新乡市", "4107", 1},        // county-level city
		{"万州区", "500101", County, "重庆市", "50", 1},          // 重庆's districts
		{"城口县", "500229", County, "重庆市", "50", 1},          // and its counties
		{"阿克苏地区", "6529", Prefecture, "新疆维吾尔自治区", "65", 1}, // 地区
		{"锡林郭勒盟", "1525", Prefecture, "内蒙古自治区", "15", 1},
		{"鼓楼区", "320106", County, "南京市", "3201", 4}, // repeated name: first by code
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Lookup(tt.name)
			if len(got) != tt.matches {
				t.Fatalf("Lookup(%s) = %d divisions %+v, want %d", tt.name, len(got), got, tt.matches)
			}
			d := got[0]
			if d.Code != tt.code || d.Name != tt.name || d.Level != tt.level || d.ParentCode != tt.parentCode {
				t.Errorf("Lookup(%s)[0] = %+v, want code %s level %s parent %s", tt.name, d, tt.code, tt.level, tt.parentCode)
			}
			p, ok := Parent(d)
			if tt.parent == "" {
				if ok {
					t.Errorf("Parent(%s) = %+v, want none", tt.name, p)
				}
				return
			}
			if !ok || p.Name != tt.parent || p.Code != tt.parentCode {
				t.Errorf("Parent(%s) = %+v, %v; want %s (%s)", tt.name, p, ok, tt.parent, tt.parentCode)
			}
		})
	}
}

func TestLookupDivisionUnknown(t *testing.T) {
	for _, name := range []string{"", "新乡", "市辖区", "省直辖县级行政区划", "全国", "新乡市 "} {
		if got := Lookup(name); len(got) != 0 {
			t.Errorf("Lookup(%q) = %+v, want none", name, got)
		}
	}
	if d, ok := ByCode("4190"); ok {
		t.Errorf("ByCode(4190) = %+v: placeholder emitted as a division", d)
	}
	if _, ok := ByCode(""); ok {
		t.Error(`ByCode("") found a division`)
	}
}

func TestDivisionsAreCopies(t *testing.T) {
	a := All()
	a[0].Name = "changed"
	if All()[0].Name == "changed" {
		t.Error("AllDivisions returns the table itself")
	}
	l := Lookup("新乡市")
	l[0].Name = "changed"
	if Lookup("新乡市")[0].Name != "新乡市" {
		t.Error("LookupDivision returns the table itself")
	}
}

func TestShortName(t *testing.T) {
	tests := []struct{ name, want string }{
		{"新乡市", "新乡"},
		{"河南省", "河南"},
		{"牧野区", "牧野"},
		{"宁夏回族自治区", "宁夏"},
		{"内蒙古自治区", "内蒙古"},
		{"广西壮族自治区", "广西"},
		{"新疆维吾尔自治区", "新疆"},
		{"西藏自治区", "西藏"},
		{"长垣市", "长垣"},
		{"呼伦贝尔市", "呼伦贝尔"},
		{"海拉尔区", "海拉尔"},
		{"东城区", "东城"},
		{"北京市", "北京"},
		{"城区", "城区"},
		{"郊区", "郊区"},
		{"矿区", "矿区"},
		{"滑县", "滑县"},
		{"清新区", "清新"},
		{"滨海新区", "滨海"},
		{"浦东新区", "浦东"},
		{"峰峰矿区", "峰峰"},
		{"六枝特区", "六枝"},
		{"神农架林区", "神农架"},
		{"万柏林区", "万柏林"},
		{"碑林区", "碑林"},
		{"阿克苏地区", "阿克苏"},
		{"锡林郭勒盟", "锡林郭勒"},
		{"科尔沁右翼前旗", "科尔沁右翼前"},
		{"延边朝鲜族自治州", "延边"},
		{"黔东南苗族侗族自治州", "黔东南"},
		{"伊犁哈萨克自治州", "伊犁"},
		{"长阳土家族自治县", "长阳"},
		{"互助土族自治县", "互助"},
		{"积石山保安族东乡族撒拉族自治县", "积石山"},
		{"龙胜各族自治县", "龙胜"},
		{"东乡族自治县", "东乡"},
		{"鄂温克族自治旗", "鄂温克"},
		{"鄂伦春自治旗", "鄂伦春"},
		{"新乡经济技术开发区", "新乡经济技术开发区"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := ShortName(tt.name); got != tt.want {
			t.Errorf("ShortName(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// Every division's short name keeps at least 2 runes and is a prefix of
// its full name.
func TestShortNameAllDivisions(t *testing.T) {
	for _, d := range All() {
		s := ShortName(d.Name)
		if n := len([]rune(s)); n < 2 && len([]rune(d.Name)) >= 2 {
			t.Errorf("ShortName(%s) = %q: fewer than 2 runes", d.Name, s)
		}
		if len(s) > len(d.Name) || d.Name[:len(s)] != s {
			t.Errorf("ShortName(%s) = %q: not a prefix", d.Name, s)
		}
	}
}

// TestSixDigits: codes are shown in the six digits of GB/T 2260.
func TestSixDigits(t *testing.T) {
	for code, want := range map[string]string{"41": "410000", "4107": "410700", "410721": "410721", "442000": "442000"} {
		if got := SixDigits(code); got != want {
			t.Errorf("SixDigits(%s) = %s, want %s", code, got, want)
		}
	}
}
