# zhibiao — see README.md. `make demo` and `make test` are all the set-up.
GO       ?= go
VERSION  ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT   ?= $(shell git rev-parse --short HEAD 2>/dev/null || echo none)
LDFLAGS  := -s -w -X main.version=$(VERSION) -X main.commit=$(COMMIT)
BIN      := bin/zhibiao
# A count, not a duration: a duration races Go's fuzz coordinator at its
# deadline and fails with "context deadline exceeded" (golang/go#75804).
FUZZTIME ?= 20000x

.PHONY: build test check demo bench corpus fuzz generate examples dist clean
DIST_TARGETS := linux/amd64 linux/arm64 windows/amd64 darwin/arm64

build:
	$(GO) build -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/zhibiao

# test: formatting and vet, every test (accuracy against the gold included),
# the parallel reading of generated reports under the race detector, then
# each fuzz target for a bounded time.
test: check
	$(GO) test ./...
	@if [ "$$($(GO) env CGO_ENABLED)" = 1 ]; then \
	  echo "$(GO) test -race -short -run GeneratedCorpus ./cmd/zhibiao"; \
	  $(GO) test -race -short -run 'GeneratedCorpus' ./cmd/zhibiao || exit 1; \
	elif [ -n "$$CI" ]; then \
	  echo "race test: the race detector needs a C compiler; .ci/install-tools installs gcc" >&2; exit 1; \
	else \
	  echo "race test skipped: the race detector needs a C compiler (apt-get install gcc)"; \
	fi
	$(MAKE) fuzz

check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

# demo: the main job on the bundled sample reports, then the example
# fixed-format template filled from them; both land in out/.
demo: build
	mkdir -p out
	./$(BIN) export -o out/指标汇总.xlsx testdata/seeds/*.txt
	./$(BIN) fill --template templates/examples/月报模板.xlsx -o out/月报.xlsx testdata/seeds/*.txt

# bench: extraction speed on the seeds (MB/s, allocations), the workbook of
# 10, 300 and 3,000 generated reports, then exports of 1,000 and 10,000
# generated reports end to end, with elapsed time and peak memory, and how
# long LibreOffice takes to open the larger workbook. The corpora are made
# once, in out/.
BENCH_SIZES := 1000 10000
bench: build
	$(GO) test -run '^$$' -bench . -benchmem ./extract/... ./export
	@echo "cores: $$(nproc)"
	@for n in $(BENCH_SIZES); do \
	  d=out/corpus-$$n; \
	  [ -f $$d/expected.tsv ] || $(GO) run ./internal/gen/corpus -n $$n -o $$d >/dev/null || exit 1; \
	  printf 'export of %s generated reports (%s): ' $$n "$$(du -sh $$d | cut -f1)"; \
	  /usr/bin/time -f '%e s, peak RSS %M KB' ./$(BIN) export --quiet -o out/bench-$$n.xlsx $$d || exit 1; \
	done
	@printf 'LibreOffice opening the workbook of %s reports (to CSV): ' $(lastword $(BENCH_SIZES)); \
	  /usr/bin/time -f '%e s' -o out/bench-soffice.time soffice --headless --convert-to csv \
	    --outdir out/bench-csv out/bench-$(lastword $(BENCH_SIZES)).xlsx >/dev/null 2>&1; \
	  cat out/bench-soffice.time

# corpus: a synthetic corpus of N generated reports and their expected
# observations (expected.tsv), for scale and accuracy runs of your own.
N      ?= 10000
SEED   ?= 1
CORPUS ?= out/corpus-$(N)
corpus:
	$(GO) run ./internal/gen/corpus -n $(N) -seed $(SEED) -o $(CORPUS)

# Each target as package:function.
FUZZ_TARGETS := document:FuzzDecode extract:FuzzExtract document:FuzzHTML document:FuzzDOCX
fuzz:
	@for t in $(FUZZ_TARGETS); do \
	  p=./extract; [ $${t%%:*} = extract ] || p=./extract/$${t%%:*}; f=$${t#*:}; \
	  echo "$(GO) test $$p -fuzz $$f"; \
	  $(GO) test $$p -run '^$$' -fuzz "^$$f\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 5s || exit 1; \
	done

# generate: the tables derived from standard sources (committed; needs npm
# and Debian's unicode-data, which the generators install when missing).
generate:
	$(GO) run ./internal/gen/divisions
	$(GO) run ./internal/gen/words
	$(GO) run ./internal/gen/t2s

# examples: the example fixed-format template, built by code (committed;
# the same code gives the same bytes, which a test checks).
examples:
	$(GO) run ./internal/gen/example

# dist: static binaries for every target, cross-compiled, version stamped.
dist:
	@mkdir -p dist
	@for t in $(DIST_TARGETS); do \
	  os=$${t%/*}; arch=$${t#*/}; ext=; [ $$os = windows ] && ext=.exe; \
	  echo "dist/zhibiao-$$os-$$arch$$ext"; \
	  CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -trimpath -ldflags '$(LDFLAGS)' \
	    -o dist/zhibiao-$$os-$$arch$$ext ./cmd/zhibiao || exit 1; \
	done

clean:
	rm -rf bin dist out
