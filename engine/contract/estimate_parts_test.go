package contract

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// seed002Scenario is seed 002's price example: one 4-core/8 GB server in tk1a
// for 36 months with a 12-month passport bought in the first month.
const seed002Scenario = `{"catalog":"seed-2018","start":"2018-12","months":36,
 "resources":[{"id":"web","item":"server/4core-8gb","zone":"tk1a","count":2,"usage":{"pattern":"always"}}],
 "passports":[{"id":"pp1","item":"server/4core-8gb","zone":"tk1a","term":12,"count":1,"purchased":"2018-12"}]}`

type partsEstimate struct {
	Resources []map[string]any `json:"resources"`
	Months    []map[string]any `json:"months"`
	Years     []map[string]any `json:"years"`
	Passports []map[string]any `json:"passports"`
	Credits   []map[string]any `json:"credits"`
}

func partsOK(t *testing.T, doc string) []byte {
	t.Helper()
	out, ok := HandleJSON([]byte(doc))
	if !ok {
		t.Fatalf("HandleJSON(%.80s…) = %s", doc, out)
	}
	return out
}

// The summary is the estimate without the lines: every other figure equal,
// each month's line count, and each resource's first line as the estimate has it.
func TestEstimateSummary_isTheEstimateWithoutLines(t *testing.T) {
	var full, sum partsEstimate
	if err := json.Unmarshal(partsOK(t, seed002Scenario), &full); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(partsOK(t, `{"request":"estimateSummary","scenario":`+seed002Scenario+`}`), &sum); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(full.Years, sum.Years) || !reflect.DeepEqual(full.Passports, sum.Passports) || !reflect.DeepEqual(full.Credits, sum.Credits) {
		t.Errorf("summary's years, passports or credits differ from the estimate's")
	}
	// Seed 002 (one contract): 102,640 in the first year with the passport; two contracts here.
	if len(sum.Months) != 36 || sum.Months[0]["month"] != "2018-12" {
		t.Fatalf("summary has %d months from %v, want 36 from 2018-12", len(sum.Months), sum.Months[0]["month"])
	}
	for i, m := range sum.Months {
		lines := full.Months[i]["lines"].([]any)
		if m["lineCount"] != float64(len(lines)) || m["lineCount"] != float64(2) {
			t.Errorf("month %v lineCount = %v, want 2 (the estimate has %d lines)", m["month"], m["lineCount"], len(lines))
		}
		if _, has := m["lines"]; has {
			t.Errorf("summary month %v has lines", m["month"])
		}
		delete(full.Months[i], "lines")
		delete(m, "lineCount")
		if !reflect.DeepEqual(full.Months[i], m) {
			t.Errorf("month %v: summary %v, estimate %v", m["month"], m, full.Months[i])
		}
	}
	fb := sum.Resources[0]["firstBilled"].(map[string]any)
	line := fb["line"].(map[string]any)
	if fb["month"] != "2018-12" || fb["contracts"] != float64(2) || line["contract"] != float64(1) {
		t.Errorf("firstBilled = %v, want 2018-12, 2 contracts, contract 1's line", fb)
	}
	// December 2018 has 744 hours: the always-on server is billed its monthly fee.
	if line["hours"] != float64(744) || line["basis"] != "monthly" {
		t.Errorf("first line = %v, want 744 hours billed monthly", line)
	}
}

func TestEstimateMonth_linesOfOneMonth(t *testing.T) {
	var full partsEstimate
	if err := json.Unmarshal(partsOK(t, seed002Scenario), &full); err != nil {
		t.Fatal(err)
	}
	var got struct{ Month map[string]any }
	if err := json.Unmarshal(partsOK(t, `{"request":"estimateMonth","scenario":`+seed002Scenario+`,"month":"2019-03"}`), &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Month, full.Months[3]) {
		t.Errorf("estimateMonth 2019-03 = %v, want the estimate's fourth month %v", got.Month, full.Months[3])
	}
	if err := json.Unmarshal(partsOK(t, `{"request":"estimateMonth","scenario":`+seed002Scenario+`,"month":"2019-03","resource":"nobody"}`), &got); err != nil {
		t.Fatal(err)
	}
	if lines := got.Month["lines"].([]any); len(lines) != 0 || got.Month["total"] != full.Months[3]["total"] {
		t.Errorf("estimateMonth for a resource without lines = %v, want no lines and the month's total", got.Month)
	}
}

func TestEstimateParts_errors(t *testing.T) {
	tests := []struct{ doc, path, code string }{
		{`{"request":"estimateSummary"}`, "scenario", "required"},
		{`{"request":"estimateSummary","scenario":{},"extra":1}`, "extra", "unknownField"},
		{`{"request":"estimateMonth","scenario":` + seed002Scenario + `}`, "month", "required"},
		{`{"request":"estimateMonth","scenario":` + seed002Scenario + `,"month":"2018-11"}`, "month", "beforeHorizon"},
		{`{"request":"estimateMonth","scenario":` + seed002Scenario + `,"month":"2021-12"}`, "month", "afterHorizon"},
		// The scenario's own errors keep the scenario's paths, so the page finds the field.
		{`{"request":"estimateSummary","scenario":{"catalog":"seed-2018","start":"2018-12","months":0}}`, "months", "outOfRange"},
		{`{"request":"estimateSummary","scenario":{"catalog":"seed-2018","catalog":"seed-2018","start":"2018-12","months":1}}`, "catalog", "duplicateKey"},
	}
	for _, tt := range tests {
		out, ok := HandleJSON([]byte(tt.doc))
		var doc struct{ Errors []struct{ Path, Code string } }
		if ok || json.Unmarshal(out, &doc) != nil || len(doc.Errors) == 0 {
			t.Errorf("%s = %s, want an error list", tt.doc, out)
			continue
		}
		found := false
		for _, e := range doc.Errors {
			found = found || (e.Path == tt.path && e.Code == tt.code)
		}
		if !found {
			t.Errorf("%.90s… errors = %+v, want %s at %q", tt.doc, doc.Errors, tt.code, tt.path)
		}
	}
}

// The bound: what the page receives for 1,000 contracts × 36 months.
func TestEstimateSummary_size(t *testing.T) {
	out := partsOK(t, `{"request":"estimateSummary","scenario":`+string(benchScenario())+`}`)
	if len(out) > 300_000 {
		t.Errorf("summary of 1,000 × 36 is %d bytes, want at most 300,000", len(out))
	}
	full := partsOK(t, string(benchScenario()))
	if len(out)*10 > len(full) || !strings.Contains(string(out), `"lineCount":`) {
		t.Errorf("summary %d bytes against the estimate's %d: want a tenth or less", len(out), len(full))
	}
	t.Logf("summary %d bytes, estimate %d bytes", len(out), len(full))
}
