//go:build e2e

package e2e

import "testing"

// A saved estimate comes back, form and figures, after the form was changed;
// deleting it empties the list.
func TestSaved_saveChangeOpen(t *testing.T) {
	t.Parallel()
	p := newTab(t)
	p.period("seed-2018", "2018-12", "36")
	p.resource(0, "web", "server/4core-8gb", "tk1a")
	p.addPassport("tk1a", "server/4core-8gb", "24", "2018-12")
	// Seed 002, 24 months: year 1 = 45,619 + 12 × 6,177.
	p.waitValue(yearCell(1, "total"), "119743")

	p.typeInto(byID("save-name"), "seed 002, 24 months")
	p.click(byID("save-estimate"))
	item := find(tid("saved-item") + `[data-name="seed 002, 24 months"]`)
	p.waitVisible(item)

	p.click(row("passport-row", 0).in("remove-passport"))
	p.choose(byID("horizon-select"), "12")
	p.waitValue(yearCell(1, "total"), "114048")

	// The form has changes that were not saved: the page asks before dropping them.
	p.click(item.in("open-saved"))
	p.waitText(byID("confirm"), "not saved")
	p.answer(true)
	p.waitValue(yearCell(1, "total"), "119743")
	p.waitValue(yearCell(2, "total"), "74124")
	if got := p.value(byID("horizon-select")); got != "36" {
		t.Errorf("reopened horizon = %q, want 36", got)
	}
	if got := p.value(row("passport-row", 0).in("passport-term")); got != "24" {
		t.Errorf("reopened passport term = %q, want 24", got)
	}

	p.click(item.in("delete-saved"))
	p.waitJS("the saved estimate to go", `__e2eAll(document, '[data-testid="saved-item"]').length === 0`)
}
