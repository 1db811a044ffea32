package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestDebugSentence(t *testing.T) {
	s := os.Getenv("ZB_SENT")
	if s == "" {
		t.Skip()
	}
	rep := &Report{}
	ReadText(rep, s, Options{Region: os.Getenv("ZB_REGION"), Year: 2022})
	for _, o := range rep.Observations {
		fmt.Printf("%s %s %d %s %v %s %s\n", o.Indicator, o.Measure, o.Year, o.Kind, export(o.Value), o.Qualifier, o.Text)
	}
}

func export(v *float64) any {
	if v == nil {
		return "-"
	}
	return *v
}

func TestDebugTime(t *testing.T) {
	if os.Getenv("ZB_TIME") == "" {
		t.Skip()
	}
	data, _ := os.ReadFile("../testdata/seeds/000_cd39c75d5ad0c911.txt")
	data = data[:4000]
	for i := 0; i < 5; i++ {
		start := time.Now()
		Extract("x.txt", data, Options{})
		fmt.Println(time.Since(start))
	}
}

func TestDebugMutate(t *testing.T) {
	if os.Getenv("ZB_MUT") == "" {
		t.Skip()
	}
	paths := []string{"../testdata/seeds/000_cd39c75d5ad0c911.txt", "../testdata/seeds/003_5395d6b01c45880a.txt", "../testdata/seeds/001_ad040a272685ffdb.txt"}
	rng := uint64(1)
	next := func() uint64 { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng }
	for iter := 0; iter < 20000; iter++ {
		data, _ := os.ReadFile(paths[iter%3])
		data = data[:min(len(data), 4000)]
		for k := 0; k < int(next()%8)+1; k++ {
			i := int(next() % uint64(len(data)))
			switch next() % 4 {
			case 0:
				data[i] = byte(next())
			case 1:
				j := int(next() % uint64(len(data)))
				if j > i {
					data = append(data[:i], data[j:]...)
				}
			case 2:
				j := int(next() % uint64(len(data)))
				n := int(next() % 200)
				if j+n < len(data) {
					data = append(data[:i], append(append([]byte{}, data[j:j+n]...), data[i:]...)...)
				}
			case 3:
				data = append(data[:i], append([]byte("，、分别均居全省第"), data[i:]...)...)
			}
		}
		done := make(chan bool)
		go func() { Extract("x.txt", data, Options{}); close(done) }()
		select {
		case <-done:
		case <-time.After(3 * time.Second):
			os.WriteFile("/tmp/slow.txt", data, 0o644)
			t.Fatalf("iteration %d slow", iter)
		}
	}
}

func TestDebugDump(t *testing.T) {
	glob := os.Getenv("ZB_DUMP")
	if glob == "" {
		t.Skip()
	}
	paths, _ := filepath.Glob(glob)
	f, _ := os.Create("/tmp/dump.tsv")
	defer f.Close()
	fmt.Fprintln(f, "file\tregion\tindicator\tyear\tkind\tmeasure\tvalue\thigh\tunit\tqualifier\tscope\ttext\tline")
	for _, rep := range extractFiles(t, paths) {
		for _, o := range rep.Observations {
			fmt.Fprintf(f, "%s\t%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\n", filepath.Base(rep.Source.Path), rep.Region.Name, o.Indicator, o.Year, o.Kind, o.Measure, fmtNum2(o.Value), fmtNum2(o.High), o.Unit, o.Qualifier, o.Scope, o.Text, o.Line)
		}
	}
}

func fmtNum2(v *float64) string {
	if v == nil {
		return ""
	}
	return fmtNum(v)
}
