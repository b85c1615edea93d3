//go:build e2e

package e2e

import (
	"fmt"
	"testing"
)

// addCustomItem adds a custom item through its section and fills it; a price
// of "" stays empty (the item has no such price).
func (p *page) addCustomItem(kind, name, zone, hourly, daily, monthly string) loc {
	p.t.Helper()
	before := p.count(tid("custom-item-row"))
	p.click(byID("add-custom-item"))
	p.waitJS("a new custom item row", fmt.Sprintf(`__e2eAll(document, %q).length > %d`, tid("custom-item-row"), before))
	r := row("custom-item-row", before)
	p.choose(r.in("custom-kind"), kind)
	p.paste(r.in("custom-name"), name)
	p.choose(r.in("custom-zone"), zone)
	for testid, v := range map[string]string{"custom-hourly": hourly, "custom-daily": daily, "custom-monthly": monthly} {
		p.paste(r.in(testid), v)
	}
	return r
}

// Seed 003, section 4: a monthly-only licence (Windows Server for RDS) created
// three times in one month is billed three times. The catalog has no licence,
// so the user adds it as a custom item with a monthly price only, and one
// resource row with three existence intervals in December 2026.
//
// Worked by hand: each interval of a non-server is one creation, so one
// contract (R3.3); an item with neither hourly nor daily price costs its full
// monthly fee in every month it exists, per creation (R4.7). December:
// 3 × 1,045 = 3,135; January (no interval): 0. Tax included (R6.2, 10 %):
// floor(3,135 × 0.10 / 1.10) = floor(285) = 285.
//
// Then a second custom item with no hourly price (daily 100, monthly 2,000),
// 5 hours a month: without an hourly price every started day costs a day
// (R4.6): ceil(18,000 s / 86,400 s) = 1 day × 100 = 100 < 2,000. December:
// 3,135 + 100 = 3,235.
func TestCustomItems_MonthlyOnlyLicenceCreatedThreeTimes(t *testing.T) {
	t.Parallel()
	p := newTab(t)
	p.period("list-2026", "2026-12", "12")
	rds := p.addCustomItem("licence", "Windows Server RDS SAL", "tk1a", "", "", "1,045")
	p.waitText(rds.in("custom-id"), "custom/1")

	r := p.resource(0, "rds", "custom/1", "tk1a")
	p.choose(r.in("resource-usage"), "intervals")
	p.paste(r.in("resource-intervals"), "2026-12-01T09:00 2026-12-01T12:00\n"+
		"2026-12-10T09:00 2026-12-10T12:00\n"+
		"2026-12-20T09:00 2026-12-20T12:00")
	p.waitUpToDate()
	p.waitValue(billCell("2026-12", "total"), "3135")
	p.waitValue(billCell("2026-12", "tax"), "285")
	p.waitValue(billCell("2027-01", "total"), "0")

	p.addCustomItem("other", "Support plan", "tk1a", "", "100", "2000")
	r2 := p.resource(1, "support", "custom/2", "tk1a")
	p.choose(r2.in("resource-usage"), "hours")
	p.typeInto(r2.in("resource-hours"), "5")
	p.waitUpToDate()
	p.waitValue(billCell("2026-12", "total"), "3235")

	// In Japanese the section and the item's kind are translated; the bill stays.
	p.click(byID("lang-toggle"))
	p.waitText(byID("add-custom-item"), "独自の品目を追加")
	p.waitJS("the licence kind in Japanese", withEl(rds.in("custom-kind"), `return el.selectedOptions[0]?.textContent === "ライセンス";`, "false"))
	p.waitValue(billCell("2026-12", "total"), "3235")
	p.click(byID("lang-toggle"))

	// The custom items travel with the scenario: a reload of its link shows
	// the same bill and the items in their section.
	link := eval[string](p, "reading the link", `location.href`)
	q := newTabAt(t, link)
	q.waitUpToDate()
	q.waitValue(billCell("2026-12", "total"), "3235")
	if got := q.value(row("custom-item-row", 0).in("custom-monthly")); got != "1045" {
		t.Errorf("the reopened link's first custom item has monthly %q, want 1045", got)
	}
}

// A custom price of "-" removes a catalog price: 1 core / 1 GB in tk1a
// (list-2026: hourly 7, daily 77, monthly 1,540) used 5 hours a month costs
// 5 × 7 = 35 by the hour; with the hourly price removed, every started day
// costs a day (R4.6): 1 × 77 = 77.
func TestCustomItems_RemovePriceWithDash(t *testing.T) {
	t.Parallel()
	p := newTab(t)
	p.period("list-2026", "2026-12", "12")
	r := p.resource(0, "web", "server/1core-1gb", "tk1a")
	p.choose(r.in("resource-usage"), "hours")
	p.typeInto(r.in("resource-hours"), "5")
	p.waitValue(billCell("2026-12", "total"), "35")
	p.typeInto(r.in("resource-hourly"), "-")
	p.waitUpToDate()
	p.waitValue(billCell("2026-12", "total"), "77")
}

// A custom item with no price at all is the engine's error, shown beside the
// item's name; giving it a monthly price clears it.
func TestCustomItems_NoPriceIsShownBesideTheItem(t *testing.T) {
	t.Parallel()
	p := newTab(t)
	p.period("list-2026", "2026-12", "12")
	r := p.addCustomItem("appliance", "Load balancer", "tk1a", "", "", "")
	p.waitVisible(fieldError("customItems[0]"))
	if got := p.attr(r.in("custom-name"), "aria-invalid"); got != "true" {
		t.Errorf("the custom item's name has aria-invalid %q, want true", got)
	}
	p.paste(r.in("custom-monthly"), "2,200")
	p.waitUpToDate()
	if p.exists(fieldError("customItems[0]")) {
		t.Errorf("the error stays after a monthly price was given")
	}
}
