package contract

import (
	"bytes"
	"encoding/json"
	"fmt"
	. "github.com/sakura-sim/pricesim/engine"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fuzzSeeds are hand-written scenarios that reach passports, credits and
// alerts together, beside the golden inputs.
var fuzzSeeds = []string{
	`{"catalog":"seed-2018","start":"2018-12","months":14,
	  "resources":[{"id":"web","item":"server/4core-8gb","zone":"tk1a","count":2,"usage":{"pattern":"always"}},
	               {"id":"batch","item":"server/4core-8gb","zone":"tk1a","usage":{"pattern":"hours","hours":"200"}}],
	  "passports":[{"item":"server/4core-8gb","zone":"tk1a","term":12,"count":2,"purchased":"2018-12"},
	               {"id":"late","item":"server/4core-8gb","zone":"tk1a","term":36,"purchased":"2019-06"}],
	  "credits":[{"id":"c1","kind":"coupon","amount":"20000","registered":"2018-12-05","expires":"2019-03-31","registerBy":"2018-12-31","code":"1234 5678 9012 3456"},
	             {"id":"p1","kind":"prepaid","amount":"30000","registered":"2019-02-10"}],
	  "alerts":{"billAbove":"15000","balanceBelow":"5000"}}`,
	`{"catalog":"list-2026","start":"2026-04","months":3,
	  "resources":[{"id":"s","item":"server/2core-4gb","zone":"is1b","usage":{"pattern":"intervals","intervals":[
	                 {"start":"2026-04-01T09:00:00+09:00","end":"2026-04-03T18:30:00+09:00"},
	                 {"start":"2026-05-10T00:00:00","end":"2026-06-02T00:00:00"}]},
	                "outages":[{"start":"2026-05-11T00:00:00+09:00","end":"2026-05-11T06:00:00+09:00"}]},
	               {"id":"d","item":"disk/ssd-100gb","zone":"is1a","count":3,"from":"2026-05","usage":{"pattern":"always"}}],
	  "passports":[{"item":"server/2core-4gb","zone":"is1b","term":24,"purchased":"2025-06"}],
	  "credits":[{"kind":"coupon","amount":"3000","registered":"2026-03-01","expires":"2026-05-31"},
	             {"kind":"coupon","amount":"1000","registered":"2026-04-25","expires":"2026-06-30","registerBy":"2026-04-20"}],
	  "alerts":{"balanceBelow":"2500"}}`,
	`{"catalog":{"id":"custom","taxRate":"0.10","items":[
	    {"id":"srv","kind":"server","zone":"z1","hourly":"10.5","daily":"105.3","monthly":"2100.7","passport":true,
	     "passportFees":{"12":"2000"}},
	    {"id":"rds","kind":"licence","zone":"z1","monthly":"1100"}]},
	  "start":"2024-02","months":13,
	  "resources":[{"id":"a","item":"srv","zone":"z1","usage":{"pattern":"hours","hours":"19.5"}},
	               {"id":"l","item":"rds","zone":"z1","usage":{"pattern":"intervals","intervals":[
	                 {"start":"2024-02-01T00:00:00+09:00","end":"2024-02-01T00:00:01+09:00"},
	                 {"start":"2024-02-29T23:59:59+09:00","end":"2024-03-01T00:00:01+09:00"}]}}],
	  "passports":[{"item":"srv","zone":"z1","term":12,"purchased":"2024-02"}],
	  "credits":[{"kind":"prepaid","amount":"10000","registered":"2024-02-29"}],
	  "overrides":[{"item":"srv","zone":"z1","daily":null}],
	  "alerts":{"billAbove":"1"}}`,
	`{"start":"2026-01","months":1}`,
	`{"catalog":"seed-2018","start":"2018-12","months":0,"resources":[{"id":"x"}],"bogus":1}`,
	`[]`,
	`{"catalog":"seed-2018","start":"2018-12","months":1,"resources":[{"id":"w","item":"server/4core-8gb","zone":"tk1a","usage":{"pattern":"hours","hours":744}}]}`,
}

// FuzzEstimateJSON: whatever the bytes, EstimateJSON never panics and
// answers valid JSON: an estimate that keeps every invariant, or an error
// list with at least one entry, each with a message.
func FuzzEstimateJSON(f *testing.F) {
	files, err := filepath.Glob("testdata/golden/*.json")
	if err != nil || len(files) == 0 {
		f.Fatalf("no golden cases to seed from (%v)", err)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		var c struct {
			Input json.RawMessage `json:"input"`
		}
		if err := json.Unmarshal(data, &c); err != nil || len(c.Input) == 0 {
			f.Fatalf("%s: no input (%v)", file, err)
		}
		f.Add([]byte(c.Input))
	}
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	// Generated valid scenarios give the mutator deep starting points: most
	// mutations of JSON text stop at the parser.
	rng := rand.New(rand.NewPCG(12, 2026))
	for range 20 {
		f.Add(genScenario(rng))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// An estimate near the contract-month limit takes seconds; the fuzzer
		// learns nothing from its size that a small one does not show, so big
		// ones are skipped to keep executions fast.
		if s, err := DecodeScenario(data); err == nil && fuzzContractMonths(s) > 20_000 {
			t.Skip("too large to fuzz quickly")
		}
		out, ok := EstimateJSON(data)
		if !json.Valid(out) {
			t.Fatalf("EstimateJSON(%q) wrote invalid JSON: %q", data, out)
		}
		if !ok {
			checkErrorList(t, data, out)
			return
		}
		if bytes.Contains(out, []byte(":null")) {
			checkNoNullLists(t, out)
		}
		checkContractFields(t, out)
		s, err := DecodeScenario(data)
		if err != nil {
			t.Fatalf("EstimateJSON accepted %q, DecodeScenario refuses it: %v", data, err)
		}
		r, err := Estimate(s)
		if err != nil {
			t.Fatalf("EstimateJSON accepted %q, Estimate refuses it: %v", data, err)
		}
		again := AppendEstimate(nil, r)
		if !bytes.Equal(again, out) {
			t.Fatalf("estimating %q twice gave different answers", data)
		}
		checkInvariants(t, r)
		if !t.Failed() {
			checkWithoutPassports(t, s, r)
		}
		if t.Failed() {
			t.Logf("scenario: %s", data)
		}
	})
}

func fuzzContractMonths(s Scenario) int {
	n := 0
	for _, r := range s.Resources {
		n += r.Count * ContractsPerCopy(r) * s.Months
	}
	return n
}

// checkErrorList: an error list has at least one entry, each with a message
// a user can read; an internal error is a bug, not a user mistake.
func checkErrorList(t *testing.T, data, out []byte) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(out))
	dec.DisallowUnknownFields()
	var list struct {
		Errors []struct {
			Path    *string           `json:"path"`
			Code    string            `json:"code"`
			Args    map[string]string `json:"args"`
			Message string            `json:"message"`
		} `json:"errors"`
	}
	if err := dec.Decode(&list); err != nil {
		t.Fatalf("EstimateJSON(%q): the error list %s does not have the contract's shape: %v", data, out, err)
	}
	if len(list.Errors) == 0 || len(list.Errors) > 101 {
		t.Fatalf("EstimateJSON(%q) failed with %d errors, want 1 to 101", data, len(list.Errors))
	}
	for _, e := range list.Errors {
		if e.Path == nil || strings.TrimSpace(e.Message) == "" {
			t.Errorf("EstimateJSON(%q): error entry without a path or a message: %s", data, out)
		}
		if strings.Contains(e.Message, "internal error") {
			t.Errorf("EstimateJSON(%q): %s", data, e.Message)
		}
		if e.Path != nil {
			checkCode(t, wireError{Path: *e.Path, Code: e.Code, Args: e.Args, Message: e.Message})
		}
	}
}

// checkNoNullLists fails when a list of the estimate is written as null:
// contract.md says empty lists are [].
func checkNoNullLists(t *testing.T, out []byte) {
	t.Helper()
	for _, key := range []string{"resources", "months", "lines", "passportFees", "credits", "notices", "years", "passports", "estimated"} {
		if bytes.Contains(out, []byte(`"`+key+`":null`)) {
			t.Errorf("the estimate writes %q as null, want []", key)
		}
	}
}

// contractFields are the estimate's field names that contract.md requires,
// by the list they appear in ("" is the top level).
var contractFields = map[string][]string{
	"":                 {"catalog", "resources", "months", "years", "passports", "credits"},
	"catalog":          {"id", "asOf", "taxRate", "source"},
	"resources":        {"id", "dailyFromHours", "monthlyFromHours"},
	"months":           {"month", "lines", "passportFees", "total", "tax", "withoutPassports", "cumulative", "cumulativeWithoutPassports", "creditsPaid", "credits", "charged", "notices"},
	"lines":            {"resource", "contract", "item", "zone", "seconds", "hours", "hourlyOnly", "hourlyDaily", "monthly", "fee", "basis", "discount", "amount"},
	"passportFees":     {"passport", "item", "zone", "term", "count", "amount"},
	"months.credits":   {"id", "paid", "balance"},
	"notices":          {"kind", "date"},
	"years":            {"year", "from", "to", "total", "withoutPassports", "charged", "creditsUsed"},
	"passports":        {"id", "item", "zone", "term", "count", "purchased", "fee", "discounts", "breakEven", "unusedRightMonths"},
	"credits":          {"id", "kind", "amount", "expires", "used", "expiredUnused", "exhausted"},
	"lines[].passport": {"id", "term", "purchased"},
}

// checkContractFields fails when the estimate lacks a field contract.md
// names, or writes money as a JSON number.
func checkContractFields(t reporter, out []byte) {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Errorf("the estimate is not a JSON object: %v", err)
		return
	}
	has := func(where string, obj any, list string) {
		m, ok := obj.(map[string]any)
		if !ok {
			t.Errorf("%s is not an object", where)
			return
		}
		for _, f := range contractFields[list] {
			if _, ok := m[f]; !ok {
				t.Errorf("%s has no %q (contract.md)", where, f)
			}
		}
		for _, money := range []string{"total", "tax", "fee", "amount", "discount", "paid", "balance", "charged", "creditsPaid", "used"} {
			if v, ok := m[money]; ok {
				if _, isStr := v.(string); !isStr {
					t.Errorf("%s.%s = %v, want a decimal string (R1.4)", where, money, v)
				}
			}
		}
	}
	each := func(v any, fn func(i int, x any)) {
		list, _ := v.([]any)
		for i, x := range list {
			fn(i, x)
		}
	}
	has("estimate", doc, "")
	has("catalog", doc["catalog"], "catalog")
	for _, top := range []string{"resources", "years", "passports", "credits"} {
		each(doc[top], func(i int, x any) { has(fmt.Sprintf("%s[%d]", top, i), x, top) })
	}
	each(doc["months"], func(i int, m any) {
		at := fmt.Sprintf("months[%d]", i)
		has(at, m, "months")
		mm, _ := m.(map[string]any)
		each(mm["lines"], func(j int, l any) {
			has(fmt.Sprintf("%s.lines[%d]", at, j), l, "lines")
			if p, ok := l.(map[string]any)["passport"]; ok {
				has(fmt.Sprintf("%s.lines[%d].passport", at, j), p, "lines[].passport")
			}
		})
		each(mm["passportFees"], func(j int, x any) { has(fmt.Sprintf("%s.passportFees[%d]", at, j), x, "passportFees") })
		each(mm["credits"], func(j int, x any) { has(fmt.Sprintf("%s.credits[%d]", at, j), x, "months.credits") })
		each(mm["notices"], func(j int, x any) { has(fmt.Sprintf("%s.notices[%d]", at, j), x, "notices") })
	})
}

// TestCheckContractFields_Catches: the golden example's estimate passes, and
// loses its pass when a required field goes or money becomes a number.
func TestCheckContractFields_Catches(t *testing.T) {
	out, ok := EstimateJSON([]byte(fuzzSeeds[0]))
	if !ok {
		t.Fatalf("seed 0 is refused: %s", out)
	}
	rec := &recorder{}
	checkContractFields(rec, out)
	if len(rec.msgs) != 0 {
		t.Fatalf("checkContractFields of a good estimate: %q", rec.msgs)
	}
	for _, tt := range []struct{ from, to, want string }{
		{`"withoutPassports":`, `"without":`, `has no "withoutPassports"`},
		{`"discount":"0"`, `"discount":0`, "want a decimal string"},
		{`"breakEven":`, `"breakeven":`, `has no "breakEven"`},
	} {
		rec := &recorder{}
		checkContractFields(rec, bytes.Replace(out, []byte(tt.from), []byte(tt.to), 1))
		if !strings.Contains(strings.Join(rec.msgs, "\n"), tt.want) {
			t.Errorf("after replacing %s by %s, checkContractFields reported %q, want %q", tt.from, tt.to, rec.msgs, tt.want)
		}
	}
}
