//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

// main exists so that go build ./... and go vet ./... pass on the host; the
// adapter only means something inside a browser.
func main() {
	fmt.Fprintln(os.Stderr, "build with GOOS=js GOARCH=wasm")
	os.Exit(2)
}
