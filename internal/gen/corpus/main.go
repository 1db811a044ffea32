// Command corpus writes a synthetic corpus of government work reports and
// their expected observations (expected.tsv) into a folder, for scale and
// accuracy runs: go run ./internal/gen/corpus -n 10000 -o corpus.
package main

import (
	"flag"
	"fmt"
	"os"

	"zhibiao/internal/corpus"
)

func main() {
	n := flag.Int("n", 1000, "number of reports")
	out := flag.String("o", "corpus", "folder to write them into")
	seed := flag.Uint64("seed", 1, "random seed: the same seed and n give the same corpus")
	flag.Parse()
	g, err := corpus.NewGenerator(*n, *seed)
	if err == nil {
		err = g.Write(*out)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "corpus:", err)
		os.Exit(1)
	}
	fmt.Printf("%d reports and %s in %s\n", *n, corpus.ExpectedFile, *out)
}
