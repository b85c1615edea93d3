//go:build e2e

package e2e

import (
	"encoding/json"
	"testing"
)

// seed002 is seed 002's price example: one 4-core/8 GB server in tk1a for
// 36 months with a 12-month passport bought in the first month.
const seed002 = `{"catalog":"seed-2018","start":"2018-12","months":36,
 "resources":[{"id":"web","item":"server/4core-8gb","zone":"tk1a","count":1,"usage":{"pattern":"always"}}],
 "passports":[{"id":"pp1","item":"server/4core-8gb","zone":"tk1a","term":12,"count":1,"purchased":"2018-12"}]}`

type errorList struct {
	Errors []struct {
		Path    string `json:"path"`
		Message string `json:"message"`
	} `json:"errors"`
}

func TestSmoke_pageLoads(t *testing.T) {
	t.Parallel()
	p := newTab(t)
	p.waitVisible(byID("app"))
	if v := eval[string](p, "reading sakura.version", `typeof sakura.version === "string" ? sakura.version : "(not a string)"`); v == "" || v == "(not a string)" {
		t.Errorf("sakura.version = %q, want the build's version", v)
	}
	if p.exists(byID("wasm-unavailable")) && eval[bool](p, "checking wasm-unavailable", withEl(byID("wasm-unavailable"), "return __e2eVisible(el);", "false")) {
		t.Errorf("wasm-unavailable is visible in a browser with WebAssembly")
	}
}

// The adapter answers bad calls with the contract's error list: a thrown
// exception would reach the page as an uncaught error, and a Go panic would
// end the program for every later call.
func TestSmoke_estimateErrors(t *testing.T) {
	t.Parallel()
	p := newTab(t)
	for _, call := range []string{
		`sakura.estimate('{}')`,
		`sakura.estimate('not json')`,
		`sakura.estimate(42)`,
		`sakura.estimate()`,
		`sakura.estimate('{}', '{}')`,
		`sakura.estimate({catalog: "seed-2018"})`,
	} {
		out := evalAwait[string](p, call, `(async () => { try { return await `+call+`; } catch (e) { return "threw: " + e; } })()`)
		var doc errorList
		if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc.Errors) == 0 {
			t.Errorf("%s = %s, want an error list", call, out)
		}
	}
	// Still alive after all that.
	out := evalAwait[string](p, "a call after the errors", `sakura.estimate('{}')`)
	if err := json.Unmarshal([]byte(out), new(errorList)); err != nil {
		t.Errorf("sakura.estimate after bad calls = %s, want JSON", out)
	}
}

func TestSmoke_estimateSeed002(t *testing.T) {
	t.Parallel()
	p := newTab(t)
	raw := evalAwait[string](p, "estimating seed 002", `sakura.estimate(`+jsString(seed002)+`)`)
	var est struct {
		errorList
		Years []struct {
			Year             int    `json:"year"`
			Total            string `json:"total"`
			WithoutPassports string `json:"withoutPassports"`
		} `json:"years"`
	}
	if err := json.Unmarshal([]byte(raw), &est); err != nil {
		t.Fatalf("sakura.estimate(seed 002) is not JSON: %v\n%.300s", err, raw)
	}
	if len(est.Errors) > 0 {
		t.Fatalf("sakura.estimate(seed 002) = errors %+v, want an estimate", est.Errors)
	}
	// Seed 002: 102,640 with a 12-month passport, 114,048 without, in year 1.
	if len(est.Years) != 3 || est.Years[0].Total != "102640" || est.Years[0].WithoutPassports != "114048" {
		t.Errorf("seed 002 years = %+v, want 3, the first 102640 with and 114048 without passports", est.Years)
	}
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err)
	}
	return string(b)
}
