package contract

import (
	"fmt"
	"testing"
)

// Seed 002's server over 36 months, with one 36-month right and without:
// 273,715 (102,643 fee + 36 × 4,752 = 171,072 of server fees) against
// 342,144 (36 × 9,504), so the second costs 68,429 more. Year 1: 102,643 +
// 12 × 4,752 = 159,667 against 114,048 (−45,619); years 2 and 3: 57,024
// against 114,048 (+57,024 each).
func TestCompareEstimates_seed002(t *testing.T) {
	scenario := func(passports string) string {
		return `{"catalog":"seed-2018","start":"2018-12","months":36,"resources":[` + alwaysWeb + `],"passports":[` + passports + `]}`
	}
	doc := `{"request":"compareEstimates","scenarios":[` +
		scenario(`{"item":"server/4core-8gb","zone":"tk1a","term":36,"count":1,"purchased":"2018-12"}`) + `,` + scenario("") + `]}`
	var got struct {
		Estimates []struct {
			Years []struct {
				Total string `json:"total"`
			} `json:"years"`
			Total, WithoutPassports, PassportFees, CreditsUsed, Charged string
			Kinds                                                       []struct{ Kind, Total, WithoutPassports string }
			Cumulative                                                  []struct{ Month, Cumulative string }
		} `json:"estimates"`
		Differences []struct {
			Total, WithoutPassports, PassportFees string
			Years                                 []struct{ Total string }
			Kinds                                 []struct{ Kind, Total string }
		} `json:"differences"`
	}
	handleOK(t, doc, &got)
	a, b := got.Estimates[0], got.Estimates[1]
	check := func(what, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %s, want %s", what, got, want)
		}
	}
	check("with: total", a.Total, "273715")
	check("with: withoutPassports", a.WithoutPassports, "342144")
	check("with: passportFees", a.PassportFees, "102643")
	check("with: charged", a.Charged, "273715")
	check("with: credits used", a.CreditsUsed, "0")
	check("with: kinds", fmt.Sprint(a.Kinds), "[{server 171072 342144}]")
	check("with: year 1", a.Years[0].Total, "159667")
	check("with: last cumulative", a.Cumulative[35].Cumulative+" "+a.Cumulative[35].Month, "273715 2021-11")
	check("without: total", b.Total, "342144")
	check("without: passportFees", b.PassportFees, "0")
	d := got.Differences[0]
	check("difference: total", d.Total, "68429")
	check("difference: passport fees", d.PassportFees, "-102643")
	check("difference: years", fmt.Sprint(d.Years), "[{-45619} {57024} {57024}]")
	check("difference: kinds", fmt.Sprint(d.Kinds), "[{server 171072}]")
}

func TestCompareEstimates_errors(t *testing.T) {
	errs := handleError(t, `{"request":"compareEstimates","scenarios":[{}]}`)
	if errs[0].Path != "scenarios" || errs[0].Code != "outOfRange" {
		t.Errorf("one scenario: %+v, want scenarios outOfRange", errs)
	}
	errs = handleError(t, `{"request":"compareEstimates","scenarios":[{"catalog":"seed-2018","start":"2018-12","months":1,"resources":[]},{"catalog":"seed-2018","start":"2018-13","months":1,"resources":[]}]}`)
	if errs[0].Path != "scenarios[1].start" {
		t.Errorf("bad start in the second: %+v, want scenarios[1].start", errs)
	}
}
