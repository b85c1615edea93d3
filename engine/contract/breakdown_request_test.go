package contract

import (
	"encoding/json"
	"strings"
	"testing"
)

// A 4-core/8 GB server with seed 002's 12-month passport bought in the first
// month, and a 100 GB disk of the user's own at 3,850 a month, for 12 months.
// Worked by hand (R5.3, R5.5, the seed's table):
//
//	server: 9,504 a month, 20 % off with the passport: 7,603; 12 × 7,603 = 91,236
//	disk:   12 × 3,850 = 46,200
//	passport fee: floor(9,504 × 1.2) = 11,404, in 2018-12 only
//	2018-12: 7,603 + 3,850 + 11,404 = 22,857; later months 7,603 + 3,850 = 11,453
//	year 1 = 91,236 + 46,200 + 11,404 = 148,840 (= the seed's 102,640 + 46,200)
const breakdownScenario = `{"catalog":"seed-2018","start":"2018-12","months":12,
 "customItems":[{"id":"disk/ssd-100gb","kind":"disk","zone":"tk1a","name":{"en":"SSD 100 GB","ja":"SSD 100GB"},"monthly":"3850"}],
 "resources":[{"id":"web","item":"server/4core-8gb","zone":"tk1a","usage":{"pattern":"always"}},
              {"id":"data","item":"disk/ssd-100gb","zone":"tk1a","usage":{"pattern":"always"}}],
 "passports":[{"id":"pp1","item":"server/4core-8gb","zone":"tk1a","term":12,"count":1,"purchased":"2018-12"}]}`

type breakdownAnswer struct {
	Breakdown struct {
		By     string   `json:"by"`
		Months []string `json:"months"`
		Years  []struct {
			Year int    `json:"year"`
			From string `json:"from"`
			To   string `json:"to"`
		} `json:"years"`
		Groups []struct {
			Key    string   `json:"key"`
			Kind   *string  `json:"kind"`
			Months []string `json:"months"`
			Years  []string `json:"years"`
			Total  string   `json:"total"`
		} `json:"groups"`
		Totals struct {
			Months []string `json:"months"`
			Years  []string `json:"years"`
			Total  string   `json:"total"`
		} `json:"totals"`
	} `json:"breakdown"`
}

func breakdown(t *testing.T, extra string) breakdownAnswer {
	t.Helper()
	var a breakdownAnswer
	if err := json.Unmarshal(partsOK(t, `{"request":"breakdown","scenario":`+breakdownScenario+extra+`}`), &a); err != nil {
		t.Fatal(err)
	}
	return a
}

func TestBreakdown_byKind(t *testing.T) {
	a := breakdown(t, `,"by":"kind"`).Breakdown
	want := map[string][3]string{ // first month, year 1, total
		"server":       {"7603", "91236", "91236"},
		"disk":         {"3850", "46200", "46200"},
		"licence":      {"0", "0", "0"},
		"appliance":    {"0", "0", "0"},
		"network":      {"0", "0", "0"},
		"other":        {"0", "0", "0"},
		"passportFees": {"11404", "11404", "11404"},
	}
	var keys []string
	for _, g := range a.Groups {
		keys = append(keys, g.Key)
		w, ok := want[g.Key]
		if !ok {
			t.Errorf("unexpected group %q", g.Key)
			continue
		}
		if got := [3]string{g.Months[0], g.Years[0], g.Total}; got != w {
			t.Errorf("%s: first month, year 1, total = %v, want %v", g.Key, got, w)
		}
		if len(g.Months) != 12 {
			t.Errorf("%s: %d months, want 12", g.Key, len(g.Months))
		}
	}
	if got := strings.Join(keys, ","); got != "server,disk,licence,appliance,network,other,passportFees" {
		t.Errorf("groups %s: want every kind in catalog order, then the passport fees", got)
	}
	if a.Totals.Months[0] != "22857" || a.Totals.Months[1] != "11453" || a.Totals.Years[0] != "148840" || a.Totals.Total != "148840" {
		t.Errorf("totals: first month %s, second %s, year 1 %s, total %s; want 22857, 11453, 148840, 148840",
			a.Totals.Months[0], a.Totals.Months[1], a.Totals.Years[0], a.Totals.Total)
	}
	if a.Groups[len(a.Groups)-1].Kind != nil {
		t.Errorf("the passport fees have a kind: %v", *a.Groups[len(a.Groups)-1].Kind)
	}
}

func TestBreakdown_byResourceOneMonth(t *testing.T) {
	a := breakdown(t, `,"by":"resource","month":"2019-01"`).Breakdown
	if len(a.Months) != 1 || a.Months[0] != "2019-01" {
		t.Fatalf("months %v, want [2019-01]", a.Months)
	}
	got := map[string]string{}
	for _, g := range a.Groups {
		got[g.Key] = g.Months[0] + "/" + g.Years[0]
	}
	// 2019-01: no passport fee; the year stays whole.
	want := map[string]string{"web": "7603/91236", "data": "3850/46200", "passportFees": "0/11404"}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: month/year %s, want %s", k, got[k], w)
		}
	}
	if len(got) != 3 {
		t.Errorf("groups %v, want web, data and passport fees", got)
	}
	if a.Totals.Months[0] != "11453" {
		t.Errorf("the month's total %s, want 11453", a.Totals.Months[0])
	}
	if k := a.Groups[1].Kind; k == nil || *k != "disk" {
		t.Errorf("data's kind %v, want disk", k)
	}
}

func TestBreakdown_errors(t *testing.T) {
	for doc, want := range map[string]string{
		`{"request":"breakdown","scenario":` + breakdownScenario + `}`:                               `"path":"by","code":"required"`,
		`{"request":"breakdown","scenario":` + breakdownScenario + `,"by":"zone"}`:                   `"path":"by","code":"badPattern"`,
		`{"request":"breakdown","scenario":` + breakdownScenario + `,"by":"kind","month":"2020-01"}`: `"path":"month","code":"afterHorizon"`,
		`{"request":"breakdown","by":"kind"}`:                                                        `"path":"scenario","code":"required"`,
	} {
		out, ok := HandleJSON([]byte(doc))
		if ok || !strings.Contains(string(out), want) {
			t.Errorf("%.60s…: ok=%v %s, want an error with %s", doc[len(doc)-40:], ok, out, want)
		}
	}
}
