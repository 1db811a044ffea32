// Command example writes the example fixed-format template,
// templates/examples/月报模板.xlsx, from the code of internal/example; the
// same code gives the same bytes. Run it from the module root (make
// examples does):
//
//	go run ./internal/gen/example
package main

import (
	"log"
	"os"
	"path/filepath"

	"zhibiao/internal/example"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("example: ")
	data, err := example.Template()
	if err != nil {
		log.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(example.Path), 0o755); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(example.Path, data, 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s (%d bytes)", example.Path, len(data))
}
