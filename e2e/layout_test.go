//go:build e2e

package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// summaryCell is one figure of the sticky totals card: row key ("first",
// "year-1", "horizon") and column (summary-with, summary-without).
func summaryCell(key, col string) loc {
	return find(fmt.Sprintf(`[data-testid="summary-row"][data-key=%q] [data-testid=%q]`, key, col))
}

// widths are the two screens of issue 13: a laptop and a 390 px phone.
var widths = []int64{1280, 390}

// waitControl waits until a form control's value is want.
func (p *page) waitControl(l loc, want string) {
	p.t.Helper()
	p.waitJS(fmt.Sprintf("the control's value to be %q", want), withEl(l, fmt.Sprintf(`return el.value === %q;`, want), "false"))
}

func (p *page) viewport(width int64) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(width, 844)); err != nil {
		p.t.Fatal(err)
	}
}

// inView is JS true when el is shown and wholly inside the window.
const inView = `const r = el.getBoundingClientRect(); return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;`

// Editing the last of ten rows keeps the totals in view: the card beside the
// form on a laptop, the bar at the bottom of a phone; and they follow the edit.
func TestLayout_summaryInViewWhileEditing(t *testing.T) {
	t.Parallel()
	for _, width := range widths {
		p := newTab(t)
		p.viewport(width)
		p.period("seed-2018", "2018-12", "12")
		p.resource(0, "web", "server/4core-8gb", "tk1a")
		for p.count(tid("resource-row")) < 10 {
			p.click(byID("add-resource"))
		}
		p.waitUpToDate()
		last := row("resource-row", 9)
		p.focus(last.in("resource-count"))
		p.typeInto(last.in("resource-count"), "2")
		p.waitUpToDate()
		totals := byID("summary-card")
		if width < 1100 {
			totals = byID("summary-bar")
		}
		if !eval[bool](p, "the totals in view", withEl(totals, inView, "false")) {
			t.Errorf("%d px: the totals are not in view while the last row is edited", width)
		}
		if !eval[bool](p, "the edited field in view", withEl(last.in("resource-count"), inView, "false")) {
			t.Errorf("%d px: the edited field is hidden (under the totals?)", width)
		}
		// Eleven 4-core servers at the seed's monthly fee 9,504: 104,544 a
		// month, 1,254,528 over the 12 months (no passports: both columns).
		p.waitValue(summaryCell("first", "summary-with"), "104544")
		p.waitValue(summaryCell("horizon", "summary-with"), "1254528")
		p.waitValue(summaryCell("horizon", "summary-without"), "1254528")
		if width < 1100 {
			p.waitValue(byID("bar-total"), "1254528")
			// One tap to the results.
			p.click(byID("bar-to-results"))
			p.waitJS("the results at the top of the screen", withEl(byID("results"), `return Math.abs(el.getBoundingClientRect().top) < innerHeight / 2;`, "false"))
		}
	}
}

// A new row starts from the previous row's kind, zone and plan; "Duplicate"
// copies a row with everything but its id, right after it.
func TestLayout_newRowInheritsAndDuplicates(t *testing.T) {
	t.Parallel()
	for _, width := range widths {
		p := newTab(t)
		p.viewport(width)
		p.period("list-2026", "2026-04", "12")
		p.resource(0, "db", "server/2core-4gb", "tk1b")
		p.click(byID("add-resource"))
		second := row("resource-row", 1)
		p.waitControl(second.in("resource-item"), "server/2core-4gb")
		p.waitControl(second.in("resource-zone"), "tk1b")
		p.waitControl(second.in("resource-kind"), "server")

		p.setValue(row("resource-row", 0).in("resource-count"), "3")
		p.click(row("resource-row", 0).in("duplicate-resource"))
		copy := row("resource-row", 1)
		p.waitControl(copy.in("resource-count"), "3")
		p.waitControl(copy.in("resource-item"), "server/2core-4gb")
		p.waitControl(copy.in("resource-zone"), "tk1b")
		if n := p.count(tid("resource-row")); n != 3 {
			t.Errorf("%d px: %d rows after duplicating, want 3", width, n)
		}
		if id := p.value(copy.in("resource-id")); id == "db" {
			t.Errorf("%d px: the copy kept the id %q, which must stay unique", width, id)
		}
		p.waitUpToDate()
		// 2 cores / 4 GB at 4,620 a month: 3 + 3 + 1 = 7 servers, 32,340 in the first month.
		p.waitValue(summaryCell("first", "summary-with"), "32340")
		if p.exists(byID("summary-custom")) {
			t.Errorf("%d px: the totals say custom prices before any was given", width)
		}
		// A negotiated monthly fee of 4,000 for the plan (rows of one item and
		// zone must agree on it): 7 × 4,000 = 28,000, marked as custom.
		for i := 0; i < 3; i++ {
			p.typeInto(row("resource-row", i).in("resource-monthly"), "4000")
		}
		p.waitValue(summaryCell("first", "summary-with"), "28000")
		p.waitVisible(byID("summary-custom"))
		p.waitText(find(`[data-testid="comparison-card"][data-resource="db"]`).in("custom-mark"), "Custom price")
	}
}

// The plan picker narrows by name and by cores, memory and GPU, with prices
// beside each plan, and says how many match (a status for screen readers).
func TestLayout_planSearch(t *testing.T) {
	t.Parallel()
	p := newTab(t)
	p.period("list-2026", "2026-04", "12")
	p.resource(0, "gpu", "server/1core-1gb", "is1a")
	r := row("resource-row", 0)
	p.click(r.find("details.plan-search > summary"))
	p.typeInto(r.in("plan-query"), "h100")
	p.waitText(r.in("plan-matches"), "1 plan matches")
	options := func() int {
		return eval[int](p, "counting plan options", withEl(r.in("resource-item"), `return el.options.length;`, "0"))
	}
	// The H100 plan, and the 1-core plan the row still uses.
	if n := options(); n != 2 {
		t.Errorf("%d plan options after searching h100, want 2 (the match and the chosen plan)", n)
	}
	if !eval[bool](p, "the price beside the plan", withEl(r.in("resource-item"),
		`return [...el.options].some((o) => o.value === "server/gpu-24core-240gb-h100" && o.textContent.includes("385,000"));`, "false")) {
		t.Errorf("the H100 option does not show its monthly fee 385,000")
	}
	p.typeInto(r.in("plan-query"), "")
	p.choose(r.in("plan-gpu"), "only")
	// is1a lists two GPU plans: V100 and H100.
	p.waitText(r.in("plan-matches"), "2 plans match")
	p.choose(r.in("plan-gpu"), "")
	p.choose(r.in("plan-cores"), "24")
	p.choose(r.in("plan-memory"), "240")
	p.waitText(r.in("plan-matches"), "match")
	if !eval[bool](p, "only big plans", withEl(r.in("resource-item"),
		`return [...el.options].every((o) => o.value === "server/1core-1gb" || /(2[4-9]|[3-9]\d|\d{3})core-(2[4-9]\d|[3-9]\d\d|\d{4})gb/.test(o.value));`, "false")) {
		t.Errorf("plans under 24 cores or 240 GB are still offered: %s", p.options(r.in("resource-item")))
	}
}

// Printed, page one holds the inputs and the totals: both sit in the first
// A4 page's height (1,047 px of 96 dpi between 1 cm margins), and the form
// itself is not printed.
func TestLayout_printFirstPage(t *testing.T) {
	t.Parallel()
	p := newTab(t)
	p.period("seed-2018", "2018-12", "24")
	p.resource(0, "web", "server/4core-8gb", "tk1a")
	p.waitUpToDate()
	p.printedPageOneHoldsInputsAndTotals(pageContentWidth, pageContentHeight)
	p.waitText(byID("print-inputs"), "4 cores / 8 GB")
	p.waitText(byID("print-inputs"), "24 months")
	if eval[bool](p, "the form hidden", `document.querySelector("#scenario-form").getBoundingClientRect().height > 0`) {
		t.Errorf("the form is printed")
	}
	// 24 months × 9,504 = 228,096.
	p.waitValue(summaryCell("horizon", "summary-with"), "228096")
}

// The per-kind breakdown, passport fees included, adds up to the month's and
// the year's bill. Seed 002: one 4-core/8 GB server in tk1a at 9,504 a month
// with a 12-month passport bought in 2018-12 (worked by hand in
// passport_test.go): the server costs 7,603 a month after the 20 % discount,
// the passport fee is 11,404 in 2018-12; the first month's bill is 7,603 +
// 11,404 = 19,007, year 1's 12 × 7,603 + 11,404 = 102,640.
func TestLayout_breakdownByKindAddsUp(t *testing.T) {
	t.Parallel()
	for _, width := range widths {
		p := newTab(t)
		p.viewport(width)
		p.period("seed-2018", "2018-12", "12")
		p.resource(0, "web", "server/4core-8gb", "tk1a")
		p.click(byID("add-passport"))
		p.waitUpToDate()
		p.click(find(`[data-testid="breakdown"] > summary`))
		cell := func(key string, col int) loc {
			return find(fmt.Sprintf(`[data-testid="breakdown-row"][data-key=%q] td[data-col="%d"]`, key, col))
		}
		// Columns: year 1, then the whole period (also year 1 here).
		p.waitValue(cell("server", 0), "91236")
		p.waitValue(cell("passportFees", 0), "11404")
		p.waitValue(cell("disk", 0), "0")
		p.waitValue(cell("total", 0), "102640")
		p.waitValue(cell("total", 1), "102640")
		// The year's bill in the totals card is the same figure.
		p.waitValue(summaryCell("year-1", "summary-with"), "102640")

		p.choose(byID("breakdown-period"), "2018-12")
		p.waitValue(cell("server", 0), "7603")
		p.waitValue(cell("passportFees", 0), "11404")
		p.waitValue(cell("total", 0), "19007")
		p.waitValue(summaryCell("first", "summary-with"), "19007")
		// Every row but the total adds up to the total (all six kinds are listed).
		sum := eval[int](p, "adding the rows", `[...document.querySelectorAll('[data-testid="breakdown-row"]:not([data-key="total"]) td[data-col="0"]')].reduce((s, td) => s + Number(td.dataset.value), 0)`)
		if sum != 19007 {
			t.Errorf("%d px: the rows add up to %d, want 19,007", width, sum)
		}
		if n := p.count(`[data-testid="breakdown-row"]`); n != 8 {
			t.Errorf("%d px: %d breakdown rows, want 8 (six kinds, passport fees, total)", width, n)
		}
		// Its CSV is the table on screen.
		p.click(byID("export-breakdown-csv"))
		csv := eval[string](p, "the breakdown CSV", `window.__lastExport?.text ?? ""`)
		if !strings.Contains(csv, "Discount passport fees,11404,\r\n") || !strings.Contains(csv, "Bill total,19007,\r\n") {
			t.Errorf("%d px: the breakdown CSV lacks the passport fees or total rows:\n%s", width, csv)
		}
	}
}
