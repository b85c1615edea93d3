//go:build e2e

package e2e

import (
	"encoding/json"
	"os"
	"testing"
)

// ishikariPriceList is SAKURA's price API response for Ishikari 1 (the
// shared sample, in its real shape) with the 1 core / 1 GB plan added, dated
// in the 8 % era: a list of another tax rate cannot be laid over list-2026, so
// it becomes a catalog of Ishikari 1 alone, which lacks every Tokyo 1 row.
func ishikariPriceList(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../shared/data/public-price-sample.json")
	if err != nil {
		t.Fatalf("the sample price list: %v", err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	classes := doc["ServiceClasses"].(map[string]any)
	classes["3"] = map[string]any{
		"DisplayName": "1コア/1GB", "IsPublic": true, "ServiceCharge": "cloud/uptime", "ServiceClassID": 50001,
		"ServiceClassName": "plan/1core-1gb", "ServiceClassPath": "cloud/plan/1core-1gb",
		"Price": map[string]any{"Hourly": 66, "Daily": 660, "Monthly": 13200, "Zone": "is1a"},
	}
	doc["Count"] = 4
	doc["ResponsedAt"] = "2019-06-13T00:06:55+09:00"
	out, _ := json.Marshal(doc)
	return string(out)
}

// Issue 9, problem 1: a fleet in Tokyo 1, a price list imported (it has
// Ishikari 1 only and stands alone), and back to list-2026: no row moved, the rows the imported
// list lacks said so on the row with a fix to click, and the results were
// marked stale meanwhile.
func TestTrust1_catalogSwitchKeepsRows(t *testing.T) {
	t.Parallel()
	p := newTab(t)
	p.period("list-2026", "2026-01", "12")
	// The disk first: a row with no match must not keep the next row from its fix.
	p.resource(0, "data", "disk/ssd-100gb", "tk1a")
	p.resource(1, "web", "server/1core-1gb", "tk1a")
	p.waitUpToDate()
	form := eval[string](p, "reading the form", formJS)
	results := eval[string](p, "reading the results", resultsJS)

	p.click(find("details.import > summary"))
	p.paste(byID("import-paste"), ishikariPriceList(t))
	p.click(byID("import-apply"))
	p.waitText(byID("import-status"), "Imported")
	p.waitAttr(byID("status"), "data-state", "errors")

	for i, want := range [][2]string{{"disk/ssd-100gb", "tk1a"}, {"server/1core-1gb", "tk1a"}} {
		r := row("resource-row", i)
		if got := p.value(r.in("resource-item")); got != want[0] {
			t.Errorf("row %d item = %q after the import, want %q", i, got, want[0])
		}
		if got := p.value(r.in("resource-zone")); got != want[1] {
			t.Errorf("row %d zone = %q after the import, want %q", i, got, want[1])
		}
		// The engine's own message, on the row it is about.
		on := eval[int](p, "counting the row's errors", withEl(r, `return el.querySelectorAll('[data-testid="field-error"]').length;`, "0"))
		if on == 0 {
			t.Errorf("row %d shows no error, though the imported list lacks its item in tk1a%s", i, p.errorsShown())
		}
	}
	if p.exists(byID("form-errors").find(tid("field-error"))) {
		t.Errorf("errors went to the general box instead of their rows%s", p.errorsShown())
	}
	// The server has a match in the imported list: the same plan in Ishikari 1
	// (the list has only that zone); the disk has none, so no fix is offered.
	fix := row("resource-row", 1).in("use-match")
	p.waitVisible(fix)
	if z := p.attr(fix, "data-zone"); z != "is1a" {
		t.Errorf("the match offered for the Tokyo 1 server is in %q, want is1a", z)
	}
	if n := p.count(tid("use-match")); n != 1 {
		t.Errorf("%d fixes offered, want 1 (the server's)", n)
	}
	p.waitAttr(byID("results"), "data-stale", "true")
	p.waitVisible(byID("stale-banner"))
	if after := eval[string](p, "reading the results", resultsJS); after != results {
		t.Errorf("the results changed while the input has errors")
	}

	// Back to list-2026: the form is exactly as the user left it.
	p.choose(byID("catalog-select"), "list-2026")
	p.waitUpToDate()
	if got := eval[string](p, "reading the form", formJS); got != form {
		t.Errorf("switching catalogs changed the form:\nbefore %s\nafter  %s", form, got)
	}
	if got := eval[string](p, "reading the results", resultsJS); got != results {
		t.Errorf("the results differ after switching back")
	}
	if n := p.count(tid("use-match")); n != 0 {
		t.Errorf("%d fixes still offered with no errors", n)
	}
	if p.attr(byID("results"), "data-stale") != "false" || p.exists(byID("stale-banner")) && eval[bool](p, "banner", withEl(byID("stale-banner"), "return !el.hidden;", "false")) {
		t.Errorf("the results are still marked stale with no errors")
	}

	// The fix is one click, and changes that row only.
	imported := eval[string](p, "finding the imported list", withEl(byID("catalog-select"), `return [...el.options].find((o) => o.value.startsWith("official-"))?.value ?? "";`, `""`))
	p.choose(byID("catalog-select"), imported)
	p.waitVisible(fix)
	item := p.attr(fix, "data-item")
	if item != "server/1core-1gb" {
		t.Errorf("the fix offers %q, want server/1core-1gb (matched by id)", item)
	}
	p.click(fix)
	p.waitJS("the row to take the match", withEl(row("resource-row", 1).in("resource-zone"), `return el.value === "is1a";`, "false"))
	if got := p.value(row("resource-row", 1).in("resource-item")); got != item {
		t.Errorf("the server row's item = %q after the fix, want %q", got, item)
	}
	p.waitAttr(byID("status"), "data-state", "errors") // the disk is still missing
	if got := p.value(row("resource-row", 0).in("resource-zone")); got != "tk1a" {
		t.Errorf("the disk row moved to %q when the server row was fixed", got)
	}
}
