package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// seed002 is seed 002's price example: one 4-core/8 GB server in tk1a for
// 36 months with a 12-month passport bought in the first month.
const seed002 = `{"catalog":"seed-2018","start":"2018-12","months":36,
 "resources":[{"id":"web","item":"server/4core-8gb","zone":"tk1a","count":1,"usage":{"pattern":"always"}}],
 "passports":[{"id":"pp1","item":"server/4core-8gb","zone":"tk1a","term":12,"count":1,"purchased":"2018-12"}]}`

func str(s string) arg { return arg{Type: "string", Text: s} }

// errorsOf decodes resp as the contract's error list and fails unless it is one.
func errorsOf(t *testing.T, resp string) []struct{ Path, Message string } {
	t.Helper()
	var doc struct {
		Errors []struct{ Path, Message string } `json:"errors"`
	}
	if err := json.Unmarshal([]byte(resp), &doc); err != nil {
		t.Fatalf("response is not JSON: %v\n%s", err, resp)
	}
	if len(doc.Errors) == 0 {
		t.Fatalf("response is not an error list: %s", resp)
	}
	return doc.Errors
}

func TestHandle_validScenario(t *testing.T) {
	resp := handle([]arg{str(seed002)})
	var est struct {
		Errors []json.RawMessage `json:"errors"`
		Years  []struct {
			Year  int    `json:"year"`
			Total string `json:"total"`
		} `json:"years"`
	}
	if err := json.Unmarshal([]byte(resp), &est); err != nil {
		t.Fatalf("handle(seed 002) is not JSON: %v\n%s", err, resp)
	}
	if len(est.Errors) != 0 {
		t.Fatalf("handle(seed 002) = %s, want an estimate", resp)
	}
	// seed 002: 102,640 in the first year with a 12-month passport.
	if len(est.Years) != 3 || est.Years[0].Total != "102640" {
		t.Errorf("handle(seed 002) years = %+v, want 3 years, the first totalling 102640", est.Years)
	}
}

func TestHandle_badInput(t *testing.T) {
	tests := []struct {
		name string
		args []arg
		want string // part of the first message
	}{
		{"garbage", []arg{str("not json {")}, ""},
		{"empty object", []arg{str("{}")}, ""},
		{"no argument", nil, "one JSON string, got 0 arguments"},
		{"two arguments", []arg{str("{}"), str("{}")}, "one JSON string, got 2 arguments"},
		{"number", []arg{{Type: "number"}}, "got an argument of type number"},
		{"object", []arg{{Type: "object"}}, "got an argument of type object"},
		{"undefined", []arg{{Type: "undefined"}}, "got an argument of type undefined"},
		{"unreadable string", []arg{{Type: "string", Err: errString("boom")}}, "could not read its argument: boom"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs := errorsOf(t, handle(tt.args))
			if !strings.Contains(errs[0].Message, tt.want) {
				t.Errorf("handle(%s) message = %q, want it to contain %q", tt.name, errs[0].Message, tt.want)
			}
		})
	}
}

func TestHandle_enginePanicIsRecovered(t *testing.T) {
	saved := engineCall
	t.Cleanup(func() { engineCall = saved })
	engineCall = func([]byte) ([]byte, bool) { panic("index out of range [3] with length 3") }

	errs := errorsOf(t, handle([]arg{str(seed002)}))
	if errs[0].Path != "" || !strings.Contains(errs[0].Message, "internal error in the engine: index out of range") {
		t.Errorf("handle after an engine panic = %+v, want one pathless internal error", errs)
	}
}

func TestErrorResponse_escapes(t *testing.T) {
	errs := errorsOf(t, errorResponse("unreadableArgument", "detail", "a \"quoted\"\n<message>"))
	if errs[0].Message != "estimate could not read its argument: a \"quoted\"\n<message>" {
		t.Errorf("errorResponse message = %q, want the text unchanged", errs[0].Message)
	}
}

type errString string

func (e errString) Error() string { return string(e) }
