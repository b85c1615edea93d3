package contract

import (
	"encoding/json"
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"
)

type adviceWire struct {
	Groups []struct {
		Item      string `json:"item"`
		Zone      string `json:"zone"`
		Contracts []struct {
			Month string      `json:"month"`
			Count json.Number `json:"count"`
		} `json:"contracts"`
		Options []struct {
			Term      json.Number `json:"term"`
			Count     json.Number `json:"count"`
			Purchased string      `json:"purchased"`
			Fee       string      `json:"fee"`
			Total     string      `json:"total"`
			Saving    string      `json:"saving"`
			BreakEven *string     `json:"breakEven"`
		} `json:"options"`
	} `json:"groups"`
	Best struct {
		Passports []struct {
			Item      string      `json:"item"`
			Zone      string      `json:"zone"`
			Term      json.Number `json:"term"`
			Count     json.Number `json:"count"`
			Purchased string      `json:"purchased"`
		} `json:"passports"`
		Total            string `json:"total"`
		WithoutPassports string `json:"withoutPassports"`
		Saving           string `json:"saving"`
		Proven           bool   `json:"proven"`
	} `json:"best"`
}

func adviseDoc(months int, resources string) string {
	return fmt.Sprintf(`{"request":"advisePassports","scenario":{"catalog":"seed-2018","start":"2018-12","months":%d,"resources":[%s]}}`, months, resources)
}

const alwaysWeb = `{"id":"web","item":"server/4core-8gb","zone":"tk1a","usage":{"pattern":"always"}}`

// bestOf writes the best plan's passports as "term@month×count" for comparison.
func bestOf(a adviceWire) string {
	var parts []string
	for _, p := range a.Best.Passports {
		parts = append(parts, fmt.Sprintf("%s/%s %s@%s×%s", p.Item, p.Zone, p.Term, p.Purchased, p.Count))
	}
	return strings.Join(parts, ", ")
}

func TestAdvisePassports_workedChecks(t *testing.T) {
	tests := []struct {
		name, doc                         string
		passports, total, without, saving string
	}{
		// Seed 002's table: one server over 36 and 12 months.
		{"seed 002, 36 months", adviseDoc(36, alwaysWeb),
			"server/4core-8gb/tk1a 36@2018-12×1", "273715", "342144", "68429"},
		{"seed 002, 12 months", adviseDoc(12, alwaysWeb),
			"server/4core-8gb/tk1a 12@2018-12×1", "102640", "114048", "11408"},
		// Worked by hand: a second server for the first year only, over 48
		// months. The lasting server is best served by 12 + 36 months (a 12-month
		// right saves 12 × 1,901 − 11,404 = 11,408, a 36-month one 36 × 4,752 −
		// 102,643 = 68,429; 36 + 12 saves the same but buys a third passport);
		// the one-year server by a 12-month right. So two 12-month rights in
		// the first month, and one 36-month right a year later, for the one
		// server left: 2 × 11,408 + 68,429 = 91,245 off 48 × 9,504 + 12 × 9,504
		// = 570,240, which leaves 478,995.
		{"shrinking fleet", adviseDoc(48, alwaysWeb+`,{"id":"batch","item":"server/4core-8gb","zone":"tk1a","until":"2019-11","usage":{"pattern":"always"}}`),
			"server/4core-8gb/tk1a 12@2018-12×2, server/4core-8gb/tk1a 36@2019-12×1", "478995", "570240", "91245"},
		// Worked by hand: 100 hours a month cost 4 days × 475 + 4 h × 47 =
		// 2,088. A right would take ceil(2,088 × 20 %) = 418, ceil(× 35 %) =
		// 731 or ceil(× 50 %) = 1,044 a month: 12 × 418 = 5,016 < 11,404,
		// 24 × 731 = 17,544 < 45,619, 36 × 1,044 = 37,584 < 102,643. No
		// passport pays: 36 × 2,088 = 75,168 either way.
		{"usage too low", adviseDoc(36, `{"id":"dev","item":"server/4core-8gb","zone":"tk1a","usage":{"pattern":"hours","hours":"100"}}`),
			"", "75168", "75168", "0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var a adviceWire
			handleOK(t, tt.doc, &a)
			if got := bestOf(a); got != tt.passports {
				t.Errorf("best passports = %q, want %q", got, tt.passports)
			}
			if a.Best.Total != tt.total || a.Best.WithoutPassports != tt.without || a.Best.Saving != tt.saving {
				t.Errorf("best total, withoutPassports, saving = %s, %s, %s, want %s, %s, %s",
					a.Best.Total, a.Best.WithoutPassports, a.Best.Saving, tt.total, tt.without, tt.saving)
			}
			if !a.Best.Proven {
				t.Errorf("best.proven = false for a one-group search this small")
			}
			checkAdviceInvariants(t, a)
			checkBestAgainstEstimate(t, tt.doc, a)
		})
	}
}

// checkAdviceInvariants: none is the first option of every group, and the best
// plan costs no more than any option.
func checkAdviceInvariants(t *testing.T, a adviceWire) {
	t.Helper()
	best := mustInt(t, a.Best.Total)
	for _, g := range a.Groups {
		if len(g.Options) == 0 || g.Options[0].Term.String() != "0" || g.Options[0].Fee != "0" || g.Options[0].Total != a.Best.WithoutPassports {
			t.Errorf("group %s/%s: first option %+v, want none at the total without passports", g.Item, g.Zone, g.Options)
		}
		for _, o := range g.Options {
			if best.Cmp(mustInt(t, o.Total)) > 0 {
				t.Errorf("group %s/%s: best total %s above option %s's %s", g.Item, g.Zone, a.Best.Total, o.Term, o.Total)
			}
		}
	}
}

func mustInt(t *testing.T, s string) *big.Int {
	t.Helper()
	n, ok := new(big.Int).SetString(s, 10)
	if !ok {
		t.Fatalf("%q is not a whole number of yen", s)
	}
	return n
}

func TestAdvisePassports_options(t *testing.T) {
	var a adviceWire
	handleOK(t, adviseDoc(36, alwaysWeb), &a)
	if len(a.Groups) != 1 || a.Groups[0].Item != "server/4core-8gb" || a.Groups[0].Zone != "tk1a" || len(a.Groups[0].Contracts) != 36 {
		t.Fatalf("groups = %+v, want one group of 36 months", a.Groups)
	}
	// Seed 002's fees; totals over 36 months: a 12-month right saves 11,408,
	// a 24-month one 228,096 − 193,867 = 34,229; break-even months 6, 14, 22.
	want := []string{
		"0 0 2018-12 0 342144 0 <nil>",
		"12 1 2018-12 11404 330736 11408 2019-05",
		"24 1 2018-12 45619 307915 34229 2020-01",
		"36 1 2018-12 102643 273715 68429 2020-09",
	}
	for i, o := range a.Groups[0].Options {
		be := "<nil>"
		if o.BreakEven != nil {
			be = *o.BreakEven
		}
		got := fmt.Sprintf("%s %s %s %s %s %s %s", o.Term, o.Count, o.Purchased, o.Fee, o.Total, o.Saving, be)
		if i >= len(want) || got != want[i] {
			t.Errorf("options[%d] = %s, want %s", i, got, want[min(i, len(want)-1)])
		}
	}
}

// A re-created server counts again in its month (R5.4).
func TestAdvisePassports_contractsCountRecreations(t *testing.T) {
	var a adviceWire
	handleOK(t, adviseDoc(2, `{"id":"web","item":"server/4core-8gb","zone":"tk1a","usage":{"pattern":"intervals","intervals":[
		{"start":"2018-12-01T00:00:00","end":"2018-12-02T00:00:00"},{"start":"2018-12-05T00:00:00","end":"2018-12-06T00:00:00"}]}},
		{"id":"db","item":"server/4core-8gb","zone":"tk1a","count":3,"usage":{"pattern":"always"}}`), &a)
	got := fmt.Sprintf("%s:%s %s:%s", a.Groups[0].Contracts[0].Month, a.Groups[0].Contracts[0].Count, a.Groups[0].Contracts[1].Month, a.Groups[0].Contracts[1].Count)
	if got != "2018-12:4 2019-01:3" {
		t.Errorf("contracts = %s, want 2018-12:4 2019-01:3 (a server's intervals are one contract; three copies)", got)
	}
}

func TestAdvisePassports_errors(t *testing.T) {
	errs := handleError(t, `{"request":"advisePassports"}`)
	if errs[0].Path != "scenario" || errs[0].Code != "required" {
		t.Errorf("no scenario: %+v, want scenario required", errs)
	}
	errs = handleError(t, `{"request":"advisePassports","scenario":{"catalog":"seed-2018","start":"2018-12","months":0,"resources":[]}}`)
	if errs[0].Path != "scenario.months" {
		t.Errorf("months 0: %+v, want an error at scenario.months", errs)
	}
	errs = handleError(t, `{"request":"advisePassports","scenario":{},"extra":1}`)
	if errs[0].Path != "extra" {
		t.Errorf("extra field: %+v, want an error at extra", errs)
	}
	for effort, code := range map[string]string{`"slow"`: "badEffort", `"Thorough"`: "badEffort", `1`: "notString"} {
		errs = handleError(t, `{"request":"advisePassports","effort":`+effort+`,"scenario":{"catalog":"seed-2018","start":"2018-12","months":12,"resources":[]}}`)
		if errs[0].Path != "effort" || errs[0].Code != code {
			t.Errorf("effort %s: %+v, want %s at effort", effort, errs, code)
		}
	}
}

// A fleet the quick search leaves unproven and the thorough one proves (the
// engine's TestAdvisorThorough prices its plan by hand): 36 servers for 60
// months, 31 more until 2023-04 and 11 more until 2020-06.
func TestAdvisePassports_thorough(t *testing.T) {
	scenario := `"scenario":{"catalog":"seed-2018","start":"2018-12","months":60,"resources":[
		{"id":"core","item":"server/4core-8gb","zone":"tk1a","count":36,"usage":{"pattern":"always"}},
		{"id":"mid","item":"server/4core-8gb","zone":"tk1a","count":31,"until":"2023-04","usage":{"pattern":"always"}},
		{"id":"short","item":"server/4core-8gb","zone":"tk1a","count":11,"until":"2020-06","usage":{"pattern":"always"}}]}`
	var quick, thorough, explicit adviceWire
	handleOK(t, `{"request":"advisePassports",`+scenario+`}`, &quick)
	handleOK(t, `{"request":"advisePassports","effort":"quick",`+scenario+`}`, &explicit)
	doc := `{"request":"advisePassports","effort":"thorough",` + scenario + `}`
	handleOK(t, doc, &thorough)
	if quick.Best.Proven || explicit.Best.Proven || bestOf(quick) != bestOf(explicit) {
		t.Errorf("quick: %s proven %v; effort quick: %s proven %v; want the same plan, not proven", bestOf(quick), quick.Best.Proven, bestOf(explicit), explicit.Best.Proven)
	}
	want := "server/4core-8gb/tk1a 24@2018-12×47, server/4core-8gb/tk1a 12@2018-12×31, server/4core-8gb/tk1a 36@2019-12×31, server/4core-8gb/tk1a 36@2020-12×36"
	if got := bestOf(thorough); got != want || thorough.Best.Saving != "6364169" || !thorough.Best.Proven {
		t.Errorf("thorough: %s, saving %s, proven %v; want %s, saving 6364169, proven", got, thorough.Best.Saving, thorough.Best.Proven, want)
	}
	if q, ok := new(big.Int).SetString(quick.Best.Saving, 10); !ok || q.Cmp(big.NewInt(6364169)) > 0 {
		t.Errorf("quick saving %s, more than the proven best's 6364169", quick.Best.Saving)
	}
	checkAdviceInvariants(t, thorough)
	checkBestAgainstEstimate(t, doc, thorough)
}

// The fleet: 100 always-on servers in one zone over 60 months, a
// quarter leaving after 18. Worked by hand: 100 rights of 24 months at first
// (18 × 100 + 6 × 75 months at 3,327 off, for 100 × 45,619) and, from month 25,
// 75 rights of 36 months (36 × 75 × 4,752 off for 75 × 102,643): 2,923,850 +
// 5,132,175 = 8,056,025 saved.
func TestAdvisePassports_hundredServers(t *testing.T) {
	doc := adviseDoc(60, `{"id":"stay","item":"server/4core-8gb","zone":"tk1a","count":75,"usage":{"pattern":"always"}},
		{"id":"leave","item":"server/4core-8gb","zone":"tk1a","count":25,"until":"2020-05","usage":{"pattern":"always"}}`)
	start := time.Now()
	var a adviceWire
	handleOK(t, doc, &a)
	took := time.Since(start)
	if got, want := bestOf(a), "server/4core-8gb/tk1a 24@2018-12×100, server/4core-8gb/tk1a 36@2020-12×75"; got != want {
		t.Errorf("best = %s, want %s", got, want)
	}
	if a.Best.Saving != "8056025" || !a.Best.Proven {
		t.Errorf("saving = %s, proven %v; want 8056025, proven (nothing saves more: engine's TestBestPlan_hundredServers)", a.Best.Saving, a.Best.Proven)
	}
	checkAdviceInvariants(t, a)
	checkBestAgainstEstimate(t, doc, a)
	if took > time.Second {
		t.Errorf("advice took %v, want well under a second", took)
	}
	t.Logf("100 servers, 60 months: %v", took)
}

// checkBestAgainstEstimate estimates the advised scenario with the best plan's
// passports and wants the advice's total as the last month's cumulative.
func checkBestAgainstEstimate(t *testing.T, doc string, a adviceWire) {
	t.Helper()
	var req struct {
		Scenario map[string]any `json:"scenario"`
	}
	if err := json.Unmarshal([]byte(doc), &req); err != nil {
		t.Fatal(err)
	}
	var passports []map[string]any
	for _, p := range a.Best.Passports {
		term, _ := p.Term.Int64()
		count, _ := p.Count.Int64()
		passports = append(passports, map[string]any{"item": p.Item, "zone": p.Zone, "term": term, "count": count, "purchased": p.Purchased})
	}
	req.Scenario["passports"] = passports
	scenario, _ := json.Marshal(req.Scenario)
	var est struct {
		Months []struct {
			Cumulative string `json:"cumulative"`
		} `json:"months"`
	}
	handleOK(t, string(scenario), &est)
	if got := est.Months[len(est.Months)-1].Cumulative; got != a.Best.Total {
		t.Errorf("estimate with the best plan totals %s, the advice says %s", got, a.Best.Total)
	}
}
