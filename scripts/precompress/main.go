// Command precompress writes brotli (.br) and gzip (.gz) copies beside every
// text or wasm file under the folders it is given, for the dev server and
// static hosts to send as they are:
//
//	go run ./scripts/precompress site/gen
//
// Copies already newer than their file are kept, so a rebuild only pays for
// what changed (brotli at quality 11 takes seconds on the wasm).
package main

import (
	"fmt"
	"os"

	"github.com/sakura-sim/pricesim/scripts/serve/sitehandler"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: precompress dir...")
		os.Exit(2)
	}
	for _, dir := range os.Args[1:] {
		if err := sitehandler.PrecompressTree(dir); err != nil {
			fmt.Fprintln(os.Stderr, "precompress:", err)
			os.Exit(1)
		}
	}
}
