//go:build e2e

package e2e

import "testing"

// R4's worked example on the page: custom prices hourly 11, daily 110,
// monthly 2,179 entered for one server, used a given number of hours in
// December 2018 (744 hours long).
//
// Worked by hand (R4.2–R4.5, R4.9, R4.10):
//
//	30 h = 1 day 6 h: HD = 110 + 6 × 11 = 176 < 2,179, hourly only 330: fee 176, daily.
//	464 h = 19 days 8 h: HD = 2,090 + 88 = 2,178 < 2,179: fee 2,178, daily.
//	465 h = 19 days 9 h: HD = 2,090 + 99 = 2,189 ≥ 2,179: fee 2,179, monthly; hourly only 5,115.
//	Break points: daily from 10 h (10 × 11 = 110 ≥ 110), monthly from 465 h.
func TestComparison_R4CustomPrices(t *testing.T) {
	t.Parallel()
	p := newTab(t)
	p.period("seed-2018", "2018-12", "12")
	r := p.resource(0, "web", "server/4core-8gb", "tk1a")
	p.choose(r.in("resource-usage"), "hours")
	p.typeInto(r.in("resource-hours"), "30")
	p.typeInto(r.in("resource-hourly"), "11")
	p.typeInto(r.in("resource-daily"), "110")
	p.typeInto(r.in("resource-monthly"), "2,179")

	// The card shows the prices entered, not the catalog's.
	p.waitValue(find(tid("comparison-card")+`[data-resource="web"]`).find(`[data-price="monthly"]`), "2179")
	for name, want := range map[string]string{
		"hours": "30", "hourlyOnly": "330", "hourlyDaily": "176", "monthly": "2179", "fee": "176", "basis": "daily",
		"dailyFrom": "10", "monthlyFrom": "465",
	} {
		p.waitValue(figure("web", name), want)
	}

	p.typeInto(r.in("resource-hours"), "464")
	p.waitValue(figure("web", "hours"), "464")
	p.waitValue(figure("web", "fee"), "2178")
	p.waitValue(figure("web", "basis"), "daily")

	p.typeInto(r.in("resource-hours"), "465")
	for name, want := range map[string]string{
		"hours": "465", "hourlyOnly": "5115", "hourlyDaily": "2189", "fee": "2179", "basis": "monthly",
	} {
		p.waitValue(figure("web", name), want)
	}
	// The bill agrees with the card.
	p.waitValue(billCell("2018-12", "total"), "2179")
}
