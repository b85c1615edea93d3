package main

import (
	"fmt"
	"strconv"

	"github.com/sakura-sim/pricesim/engine"
	"github.com/sakura-sim/pricesim/engine/contract"
	"github.com/sakura-sim/pricesim/engine/document"
)

// version names the build the page runs; the Makefile sets it with
// -ldflags "-X main.version=..." so a bug report can say which engine priced it.
var version = "dev"

// engineCall is the engine entry the adapter forwards to. It is a variable
// only so the tests can make it panic.
var engineCall = contract.HandleJSON

// arg is what the adapter needs to know about one JavaScript argument: its
// typeof name and, for a string, its text. main.go fills it in, so the
// handler stays free of syscall/js and is tested on the host.
type arg struct {
	Type string // "string", "number", "object", ...
	Text string // the string's value when Type is "string"
	Err  error  // reading the argument from JavaScript failed
}

// handle answers one call of sakura.estimate(json). It always returns a JSON
// document, never panics: a panic inside a js.Func callback would end the Go
// program and every later call would fail with "Go program has already exited".
func handle(args []arg) (resp string) {
	defer recoverInto(&resp)
	if len(args) != 1 {
		return errorResponse("badArguments", "count", strconv.Itoa(len(args)))
	}
	a := args[0]
	if a.Err != nil {
		return errorResponse("unreadableArgument", "detail", a.Err.Error())
	}
	if a.Type != "string" {
		return errorResponse("badArgumentType", "type", a.Type)
	}
	out, _ := engineCall([]byte(a.Text))
	return string(out)
}

// recoverInto turns a panic into the contract's error document in *resp. It
// must be deferred directly by the function whose panic it catches.
func recoverInto(resp *string) {
	if r := recover(); r != nil {
		*resp = errorResponse("internalError", "detail", fmt.Sprint(r))
	}
}

// errorResponse is the one mapping from an adapter problem to the contract's
// error list; the problem has no field, so its path is empty.
func errorResponse(code engine.Code, args ...string) string {
	return string(document.ErrorDocument(&engine.ValidationError{Subject: engine.SubjectDocument,
		Problems: []engine.FieldError{engine.NewFieldError("", code, args...)}}))
}
