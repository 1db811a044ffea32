package example

import (
	"bytes"
	"os"
	"testing"
)

// TestCommitted: the committed template is what the code builds, byte for
// byte (run make examples after changing the code).
func TestCommitted(t *testing.T) {
	built, err := Template()
	if err != nil {
		t.Fatal(err)
	}
	again, err := Template()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(built, again) {
		t.Fatal("two builds of the template differ")
	}
	committed, err := os.ReadFile("../../" + Path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(built, committed) {
		t.Errorf("%s is not what the code builds: run make examples", Path)
	}
}
