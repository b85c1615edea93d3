//go:build js && wasm

// Command wasm is the billing engine compiled for the browser. It registers
// globalThis.sakura = {estimate, version, ready} and then waits for calls.
package main

import (
	"os"

	"github.com/hack-pad/safejs"
)

func main() {
	estimate, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		return respond(args)
	})
	if err != nil {
		fail(err)
	}
	// safejs.ValueOf rejects a map holding a Func; Set converts the map itself.
	if err := safejs.Global().Set("sakura", map[string]any{
		"estimate": estimate,
		"version":  version,
		"ready":    true,
	}); err != nil {
		fail(err)
	}
	select {}
}

// respond reads the JavaScript arguments for handle. It has its own guard
// because reading them happens before handle's.
func respond(jsArgs []safejs.Value) (resp string) {
	defer recoverInto(&resp)
	args := make([]arg, len(jsArgs))
	for i, v := range jsArgs {
		args[i].Type = v.Type().String()
		if v.Type() == safejs.TypeString {
			args[i].Text, args[i].Err = v.String()
		}
	}
	return handle(args)
}

// fail reports a start-up failure on the browser console (wasm_exec.js
// writes stderr there); the page never sees sakura.ready and says so.
func fail(err error) {
	os.Stderr.WriteString("sakura: " + err.Error() + "\n")
	os.Exit(1)
}
