# zhibiao — see README.md. `make demo` and `make test` are all the set-up.
GO      ?= go
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT  ?= $(shell git rev-parse --short HEAD 2>/dev/null || echo none)
LDFLAGS := -s -w -X main.version=$(VERSION) -X main.commit=$(COMMIT)
BIN     := bin/zhibiao

.PHONY: build test demo bench fuzz generate vet dist clean

build:
	$(GO) build -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/zhibiao

test: vet
	$(GO) test ./...
	$(MAKE) fuzz FUZZTIME=10s

vet:
	$(GO) vet ./...
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt needed: $$out"; exit 1; fi

demo: build
	./$(BIN) extract testdata/seeds/*.txt

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./extract

FUZZTIME ?= 30s
fuzz:
	$(GO) test ./extract -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $(FUZZTIME)
	$(GO) test ./extract -run '^$$' -fuzz '^FuzzExtract$$' -fuzztime $(FUZZTIME)

generate:
	$(GO) run ./internal/gen/divisions
	$(GO) run ./internal/gen/t2s

clean:
	rm -rf bin
