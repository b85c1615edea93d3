// Command wasmpack merges the data segments of a Go-built wasm module, after
// the linker, to make the download smaller:
//
//	go run ./scripts/wasmpack [-gap N] site/gen/main.wasm
//
// Go's linker splits the data section wherever it finds more than 8 bytes of
// zeros, about 48,000 segments for the engine. Each costs a header (an offset
// expression and a size) that is cheap in raw bytes but costly after brotli,
// which squeezes the zeros to almost nothing and the headers hardly at all.
// The module is rewritten in place; wasmdata.Pack says what it refuses.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/sakura-sim/pricesim/scripts/wasmpack/wasmdata"
)

func main() {
	gap := flag.Int("gap", wasmdata.DefaultGap, "merge segments at most this many bytes apart")
	out := flag.String("o", "", "write here instead of rewriting the module in place")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: wasmpack [-gap N] [-o out.wasm] module.wasm")
		os.Exit(2)
	}
	in := flag.Arg(0)
	module, err := os.ReadFile(in)
	if err != nil {
		fail(err)
	}
	packed, st, err := wasmdata.Pack(module, *gap)
	if err != nil {
		fail(fmt.Errorf("%s: %w", in, err))
	}
	if *out == "" {
		*out = in
	}
	if err := os.WriteFile(*out, packed, 0o644); err != nil {
		fail(err)
	}
	fmt.Printf("wasmpack: %s: %d data segments → %d, %d → %d bytes\n", in, st.SegmentsBefore, st.SegmentsAfter, len(module), len(packed))
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "wasmpack:", err)
	os.Exit(1)
}
