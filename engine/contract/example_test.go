package contract_test

import (
	"fmt"

	"github.com/sakura-sim/pricesim/engine"
	"github.com/sakura-sim/pricesim/engine/contract"
)

// A 4-core / 8 GB server in Tokyo 1 for three years at 2018 prices, with and
// without a 36-month passport (seed 002's price example): the passport costs
// floor(9,504 × 10.8) = 102,643 yen and cuts each month to floor(9,504 × 0.5)
// = 4,752 yen.
func ExampleEstimate_passport() {
	s, err := contract.DecodeScenario([]byte(`{
		"catalog": "seed-2018", "start": "2018-12", "months": 36,
		"resources": [{"id": "web", "item": "server/4core-8gb", "zone": "tk1a", "usage": {"pattern": "always"}}],
		"passports": [{"item": "server/4core-8gb", "zone": "tk1a", "term": 36, "purchased": "2018-12"}]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := engine.Estimate(s)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, y := range res.Years {
		fmt.Printf("year %d: %s yen with the passport, %s without\n", y.Year, y.Total, y.WithoutPassports)
	}
	last := res.Months[len(res.Months)-1]
	fmt.Printf("over three years: %s yen instead of %s\n", last.Cumulative, last.CumulativeWithoutPassports)
	fmt.Println("break-even:", *res.Passports[0].BreakEven)
	// Output:
	// year 1: 159667 yen with the passport, 114048 without
	// year 2: 57024 yen with the passport, 114048 without
	// year 3: 57024 yen with the passport, 114048 without
	// over three years: 273715 yen instead of 342144
	// break-even: 2020-09
}

// R4's worked example: at hourly 11, daily 110 and monthly 2,179 yen, 30 hours
// of use are one 24-hour block and 6 hours: 110 + min(6 × 11, 110) = 176 yen.
func ExampleEstimate_usageFee() {
	s, err := contract.DecodeScenario([]byte(`{
		"catalog": {"id": "r4", "taxRate": "0.10", "items": [
			{"id": "disk/example", "kind": "disk", "zone": "is1a", "hourly": "11", "daily": "110", "monthly": "2179"}]},
		"start": "2026-01", "months": 1,
		"resources": [{"id": "d", "item": "disk/example", "zone": "is1a", "usage": {"pattern": "hours", "hours": "30"}}]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	res, _ := engine.Estimate(s)
	l := res.Months[0].Lines[0]
	fmt.Printf("%d h = %d days + %d h: %s yen (%s); hourly only %s, monthly %s\n", l.Hours, l.Days, l.RestHours, l.Fee.Amount, l.Basis, l.HourlyOnly, l.Monthly)
	fmt.Printf("daily price from %d h, monthly fee from %d h\n", *res.Resources[0].DailyFromHours, *res.Resources[0].MonthlyFromHours)
	// Output:
	// 30 h = 1 days + 6 h: 176 yen (daily); hourly only 330, monthly 2179
	// daily price from 10 h, monthly fee from 465 h
}

// Every problem in a scenario is reported at once, with the JSON path of the
// field it concerns.
func ExampleEstimateJSON_errors() {
	out, ok := contract.EstimateJSON([]byte(`{"start": "2026-13", "months": 0}`))
	fmt.Println(ok)
	fmt.Println(string(out))
	// Output:
	// false
	// {"errors":[{"path":"start","code":"badMonth","args":{},"message":"must be a month written YYYY-MM, such as \"2026-04\""},{"path":"months","code":"outOfRange","args":{"min":"1","max":"120"},"message":"must be a whole number from 1 to 120"}]}
}
