# SAKURA Cloud price simulator. The two user commands are `make serve` and `make test`;
# everything else is a small step they are built from.

GO        ?= go
PORT      ?= 8080
VERSION   ?= $(shell git describe --always --dirty 2>/dev/null || echo dev)
WASM_EXEC := $(shell $(GO) env GOROOT)/lib/wasm/wasm_exec.js
GO_FILES  := $(shell find engine wasm -name '*.go' -not -name '*_test.go' 2>/dev/null) go.mod go.sum

.PHONY: serve dist test check test-engine test-wasm test-js test-e2e e2e-deps wasm bench fuzz clean

# Build the page and serve it on 127.0.0.1:$(PORT).
serve: wasm
	$(GO) run ./scripts/serve -port $(PORT)

# The deployable static folder dist/: the page, the embed script, the wasm
# under a content-hashed name with .br and .gz beside it, a generated service
# worker manifest and a _headers file (see the README's "Deploying").
dist: wasm
	$(GO) run ./scripts/dist -src site -out dist

# Every test: formatting and vet, engine and adapter, browser end-to-end.
test: check test-engine test-wasm test-js test-e2e

# gofmt, go vet and an untidy go.mod all fail the build.
check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt would change: $$out"; exit 1; fi
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./wasm/...
	@cp go.mod /tmp/pricesim-go.mod.bak && cp go.sum /tmp/pricesim-go.sum.bak && \
	  $(GO) mod tidy && \
	  if ! cmp -s go.mod /tmp/pricesim-go.mod.bak || ! cmp -s go.sum /tmp/pricesim-go.sum.bak; then \
	    cp /tmp/pricesim-go.mod.bak go.mod; cp /tmp/pricesim-go.sum.bak go.sum; \
	    echo "go.mod or go.sum is not tidy: run go mod tidy"; exit 1; fi

# Engine, scripts and adapter logic on the host (fuzz seed corpora included).
test-engine:
	$(GO) test ./...

# The adapter: its handler tested on the host, then built for the browser.
test-wasm: site/gen/main.wasm
	$(GO) test ./wasm/

# The page's own rules (saved estimates, links) with node's built-in test runner.
test-js:
	@command -v node >/dev/null 2>&1 || { echo "node is missing: the page's unit tests need Node.js 20 or newer (sudo apt-get install nodejs)"; exit 1; }
	node --test site/test/

# Browser tests in headless Chromium against the built page.
test-e2e: wasm e2e-deps
	$(GO) test -tags e2e -count=1 ./e2e/

# Install Debian's Chromium when it is missing (or say how).
e2e-deps:
	@sh scripts/chromium.sh

# The page's generated files: the engine as wasm and the matching wasm_exec.js.
# gen/build.js, the service worker's list of files and version, is made from
# whatever site/ holds now, so it is written every time (unchanged text is not
# rewritten).
wasm: site/gen/main.wasm site/gen/wasm_exec.js site/gen/main.wasm.br
	@$(GO) run ./scripts/dist -manifest site

# Brotli and gzip copies beside the wasm, sent as the browser accepts
# (scripts/serve/sitehandler); rebuilt only when the wasm is newer.
site/gen/main.wasm.br: site/gen/main.wasm site/gen/wasm_exec.js
	$(GO) run ./scripts/precompress site/gen

# The engine for the browser, stripped (-s -w), then its ~45,000 data segments
# merged (scripts/wasmpack: about 50 KB less to download after brotli).
site/gen/main.wasm: $(GO_FILES) $(wildcard engine/contract/catalogs/*.json) $(wildcard scripts/wasmpack/*.go scripts/wasmpack/wasmdata/*.go)
	@mkdir -p $(@D)
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w -X main.version=$(VERSION)' -o $@.tmp ./wasm
	$(GO) run ./scripts/wasmpack $@.tmp
	mv $@.tmp $@

site/gen/wasm_exec.js: $(WASM_EXEC)
	@mkdir -p $(@D)
	cp $< $@

# Benchmarks: the engine's Go benchmarks at every size, then the measuring
# run (e2e/bench: the engine in wasm under Node, the page in Chromium, the
# wasm's size), which writes BENCHMARKS.md. Never part of make test.
# BENCH_BEFORE=<commit> (e.g. 9131fde) first measures that commit's page,
# built in a temporary worktree, and sets its figures beside this build's;
# BENCH_ONLY=first,keys,scale,large,go,size runs only those parts.
BENCH_ROUNDS ?= 7
BENCH_BEFORE ?=
BENCH_BEFORE_DIR := $(or $(TMPDIR),/tmp)/pricesim-bench-before
bench: wasm e2e-deps
	$(if $(BENCH_ONLY),,$(GO) test -run '^$$' -bench . -benchmem ./engine/...)
	$(if $(BENCH_BEFORE),sh scripts/bench-before.sh $(BENCH_BEFORE) $(BENCH_BEFORE_DIR) $(BENCH_ROUNDS))
	cd e2e/bench && BENCH_ROUNDS=$(BENCH_ROUNDS) BENCH_ONLY=$(BENCH_ONLY) \
	  $(if $(BENCH_BEFORE),BENCH_BEFORE_FIGURES=$(BENCH_BEFORE_DIR).figures.json BENCH_BEFORE_NAME=$(BENCH_BEFORE)) \
	  $(GO) test -tags bench -count=1 -timeout 60m -run TestBenchmarks -v .

# Fuzz every fuzz target of every package, one after another, for FUZZTIME each
# (default 30s). The targets are listed by go test itself, so none is forgotten.
FUZZTIME ?= 30s
fuzz:
	@set -e; for pkg in $$($(GO) list ./...); do \
	  for target in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
	    echo "fuzz $$pkg $$target"; \
	    $(GO) test -run '^$$' -fuzz "^$$target\$$" -fuzztime $(FUZZTIME) $$pkg; \
	  done; \
	done

# Remove generated files.
clean:
	rm -rf site/gen dist e2e/screenshots
