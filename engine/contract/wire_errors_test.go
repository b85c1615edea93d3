package contract

import (
	"os"
	"strings"
	"testing"

	"github.com/sakura-sim/pricesim/engine"
)

// wireError is one entry of the contract's error list as the page reads it.
type wireError struct {
	Path    string            `json:"path"`
	Code    string            `json:"code"`
	Args    map[string]string `json:"args"`
	Message string            `json:"message"`
}

// checkCode fails unless e's code is known and its message is the code's
// template filled from its args, with every placeholder given: a page that
// translates from code and args must be able to say exactly what the message
// says.
func checkCode(t *testing.T, e wireError) {
	t.Helper()
	tmpl, known := engine.ProblemCodes()[engine.Code(e.Code)]
	if !known {
		t.Errorf("%s: code %q is not a known code (message %q)", e.Path, e.Code, e.Message)
		return
	}
	msg := tmpl
	for name, value := range e.Args {
		if !strings.Contains(tmpl, "{"+name+"}") {
			t.Errorf("%s: code %s has arg %q that its message does not use", e.Path, e.Code, name)
		}
		msg = strings.ReplaceAll(msg, "{"+name+"}", value)
	}
	if msg != e.Message {
		t.Errorf("%s: code %s with args %v gives %q, but the message is %q", e.Path, e.Code, e.Args, msg, e.Message)
	}
}

// The README lists every code with its English message, so a translator
// works from the same list the engine uses.
func TestREADME_ListsEveryCode(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for code, tmpl := range engine.ProblemCodes() {
		row := "| `" + string(code) + "` |"
		i := strings.Index(string(readme), row)
		if i < 0 {
			t.Errorf("README lists no code %s", code)
			continue
		}
		line := string(readme[i:])
		line = line[:strings.IndexByte(line, '\n')]
		if !strings.HasSuffix(line, "| "+strings.ReplaceAll(tmpl, "|", `\|`)+" |") {
			t.Errorf("README's row for %s is %q, want its message %q", code, line, tmpl)
		}
	}
}
