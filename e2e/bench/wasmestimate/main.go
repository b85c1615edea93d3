// Command wasmestimate times engine.Estimate and the estimateSummary request
// inside a WebAssembly build (make bench runs it under Node with Go's
// go_js_wasm_exec): the page's engine minus the page. It prints one line per
// round, "estimate <ns> summary <ns>".
package main

import (
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/sakura-sim/pricesim/engine"
	"github.com/sakura-sim/pricesim/engine/contract"
	"github.com/sakura-sim/pricesim/scripts/benchscenario"
)

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: wasmestimate contracts months rounds")
		os.Exit(2)
	}
	contracts, _ := strconv.Atoi(os.Args[1])
	months, _ := strconv.Atoi(os.Args[2])
	rounds, _ := strconv.Atoi(os.Args[3])
	in := benchscenario.Scenario(contracts, months)
	s, err := contract.DecodeScenario(in)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	summary := []byte(`{"request":"estimateSummary","scenario":` + string(in) + `}`)
	for i := 0; i < rounds+1; i++ { // the first round warms up
		t0 := time.Now()
		if _, err := engine.Estimate(s); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		t1 := time.Now()
		if out, ok := contract.HandleJSON(summary); !ok {
			fmt.Fprintf(os.Stderr, "%s\n", out)
			os.Exit(1)
		}
		t2 := time.Now()
		if i > 0 {
			fmt.Printf("estimate %d summary %d\n", t1.Sub(t0).Nanoseconds(), t2.Sub(t1).Nanoseconds())
		}
	}
}
