//go:build e2e

package e2e

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// billsJS reads the bills table as rows of raw figures, keyed by column.
var billsJS = fmt.Sprintf(`(() => { %s;
	return __e2eAll(document, %q).map((tr) =>
		Object.fromEntries([...tr.querySelectorAll("[data-col]")].map((c) => [c.dataset.col, c.dataset.value ?? ""])));
})()`, locateJS, tid("bills-row"))

// couponScenario fills R7's example with a 12-month passport as well, so a
// shared link has to carry every kind of row.
func couponScenario(p *page) {
	p.t.Helper()
	p.period("seed-2018", "2018-12", "24")
	p.resource(0, "web", "server/4core-8gb", "tk1a")
	p.addPassport("tk1a", "server/4core-8gb", "12", "2018-12")
	p.click(byID("add-coupon"))
	c := row("credit-row", 0)
	p.typeInto(c.in("credit-amount"), "20000")
	p.setValue(c.in("credit-registered"), "2018-12-05")
	p.setValue(c.in("credit-expires"), "2019-03-31")
	p.waitUpToDate()
	// Year 1 with a 12-month passport is seed 002's 102,640, coupon or not.
	p.waitValue(yearCell(1, "total"), "102640")
}

// A link copied from one tab opens the same estimate in another.
func TestShare_linkOpensSameEstimate(t *testing.T) {
	t.Parallel()
	p := newTab(t)
	couponScenario(p)
	p.click(byID("share-link"))
	p.waitJS("the URL to carry the scenario", `/^#[sj]=/.test(location.hash)`)
	url := eval[string](p, "reading the URL", `location.href`)
	want := eval[[]map[string]string](p, "reading the bills", billsJS)
	if len(want) != 24 {
		t.Fatalf("the bills table has %d months, want 24", len(want))
	}

	q := newTabAt(t, url)
	q.waitUpToDate()
	q.waitValue(yearCell(1, "total"), "102640")
	got := eval[[]map[string]string](q, "reading the bills in the new tab", billsJS)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("bills in the shared tab differ:\n got %v\nwant %v", got, want)
	}
	// The form, too, is restored: the user can go on editing.
	checks := []struct {
		l    loc
		want string
	}{
		{byID("start-month"), "2018-12"},
		{byID("horizon-select"), "24"},
		{row("resource-row", 0).in("resource-id"), "web"},
		{row("resource-row", 0).in("resource-item"), "server/4core-8gb"},
		{row("resource-row", 0).in("resource-zone"), "tk1a"},
		{row("passport-row", 0).in("passport-term"), "12"},
		{row("passport-row", 0).in("passport-month"), "2018-12"},
		{row("credit-row", 0).in("credit-amount"), "20000"},
		{row("credit-row", 0).in("credit-registered"), "2018-12-05"},
		{row("credit-row", 0).in("credit-expires"), "2019-03-31"},
	}
	for _, c := range checks {
		if got := q.value(c.l); got != c.want {
			t.Errorf("shared tab: %s = %q, want %q", c.l, got, c.want)
		}
	}
}

// The CSV export holds exactly the bills table's figures.
func TestShare_csvMatchesBills(t *testing.T) {
	t.Parallel()
	p := newTab(t)
	couponScenario(p)
	p.click(byID("export-csv"))
	p.waitJS("the CSV export", `globalThis.__lastExport?.kind === "csv"`)
	text := eval[string](p, "reading the export", `globalThis.__lastExport.text`)
	records, err := csv.NewReader(strings.NewReader(text)).ReadAll()
	if err != nil {
		t.Fatalf("the export is not CSV: %v\n%.300s", err, text)
	}
	bills := eval[[]map[string]string](p, "reading the bills", billsJS)
	// A header, a row per month, one per year (2) and the whole period.
	if len(records) != 1+len(bills)+2+1 {
		t.Fatalf("the CSV has %d rows, want a header, %d months, 2 years and the whole period", len(records), len(bills))
	}
	header := records[0]
	header[0] = "month" // "period": on a month's row, the month
	for i, rec := range records[1 : 1+len(bills)] {
		for j, key := range header {
			want, ok := bills[i][key]
			if !ok {
				continue // the cost by kind and the custom-price column are not in the bills table
			}
			if rec[j] != want {
				t.Errorf("CSV row %d (%s) %s = %q, the table shows %q", i+1, bills[i]["month"], key, rec[j], want)
			}
		}
	}
	// December by hand: the passport fee 11,404 plus the server discounted to
	// 7,603 is 19,007; the coupon pays the 7,603 but never a passport fee
	// (R5.6), so 11,404 is charged.
	dec := map[string]string{}
	for j, key := range header {
		dec[key] = records[1][j]
	}
	for key, want := range map[string]string{"month": "2018-12", "total": "19007", "passportFees": "11404", "creditsPaid": "7603", "charged": "11404"} {
		if dec[key] != want {
			t.Errorf("CSV December %s = %q, want %q", key, dec[key], want)
		}
	}
}

// The JSON export is the scenario and the estimate on screen.
func TestShare_jsonExport(t *testing.T) {
	t.Parallel()
	p := newTab(t)
	couponScenario(p)
	p.click(byID("export-json"))
	p.waitJS("the JSON export", `globalThis.__lastExport?.kind === "json"`)
	text := eval[string](p, "reading the export", `globalThis.__lastExport.text`)
	var doc struct {
		Scenario struct {
			Catalog json.RawMessage `json:"catalog"`
			Start   string          `json:"start"`
			Months  int             `json:"months"`
		} `json:"scenario"`
		Estimate struct {
			Years []struct {
				Total string `json:"total"`
			} `json:"years"`
			Months []struct {
				Month   string `json:"month"`
				Charged string `json:"charged"`
			} `json:"months"`
		} `json:"estimate"`
	}
	if err := json.Unmarshal([]byte(text), &doc); err != nil {
		t.Fatalf("the JSON export does not parse: %v\n%.300s", err, text)
	}
	if string(doc.Scenario.Catalog) != `"seed-2018"` || doc.Scenario.Start != "2018-12" || doc.Scenario.Months != 24 {
		t.Errorf("exported scenario = %s %s %d, want seed-2018 2018-12 24", doc.Scenario.Catalog, doc.Scenario.Start, doc.Scenario.Months)
	}
	if len(doc.Estimate.Years) != 2 || len(doc.Estimate.Months) != 24 {
		t.Fatalf("exported estimate has %d years and %d months, want 2 and 24", len(doc.Estimate.Years), len(doc.Estimate.Months))
	}
	for i, y := range doc.Estimate.Years {
		if shown := p.attr(yearCell(i+1, "total"), "data-value"); y.Total != shown {
			t.Errorf("exported year %d total = %s, the page shows %s", i+1, y.Total, shown)
		}
	}
	for _, m := range doc.Estimate.Months {
		if shown := p.attr(billCell(m.Month, "charged"), "data-value"); m.Charged != shown {
			t.Errorf("exported %s charged = %s, the page shows %s", m.Month, m.Charged, shown)
		}
	}
}
