// Command estimate prints the estimate of a scenario (contract.md).
//
//	go run ./scripts/estimate FILE
//	go run ./scripts/estimate < scenario.json
//
// It exits 0 with the estimate JSON, or 2 with the error list JSON when the
// scenario is invalid (1 when the file cannot be read).
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/sakura-sim/pricesim/engine/contract"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 1 {
		fmt.Fprintln(stderr, "usage: estimate [FILE] (the scenario is read from standard input without FILE)")
		return 1
	}
	var in []byte
	var err error
	if len(args) == 1 && args[0] != "-" {
		in, err = os.ReadFile(args[0])
	} else {
		in, err = io.ReadAll(stdin)
	}
	if err != nil {
		fmt.Fprintf(stderr, "estimate: %v\n", err)
		return 1
	}
	out, ok := contract.HandleJSON(in)
	var pretty bytes.Buffer
	if json.Indent(&pretty, out, "", "  ") == nil {
		out = pretty.Bytes()
	}
	stdout.Write(out)
	fmt.Fprintln(stdout)
	if !ok {
		return 2
	}
	return 0
}
