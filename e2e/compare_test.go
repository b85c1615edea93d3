//go:build e2e

package e2e

import (
	"strings"
	"testing"
)

// Two variants of seed 002's case side by side: one 4-core/8 GB server in
// tk1a from 2018-12 for 36 months, first with one 36-month right bought in
// 2018-12 (duplicated as a variant), then without it (the form as edited).
//
// Worked by hand (seed 002's table): with the passport 273,715 (year 1:
// 102,643 + 12 × 4,752 = 159,667; years 2 and 3: 57,024), without it
// 342,144 (114,048 a year): the second costs 68,429 more over the horizon,
// 45,619 less in year 1 and 57,024 more in each later year.
func TestCompare_twoVariants(t *testing.T) {
	t.Parallel()
	p := newTab(t)
	p.period("seed-2018", "2018-12", "36")
	p.resource(0, "web", "server/4core-8gb", "tk1a")
	pp := p.addPassport("tk1a", "server/4core-8gb", "36", "2018-12")
	p.waitValue(cumulativeCell("2021-11", "cumulative"), "273715")

	p.click(byID("compare-duplicate"))
	p.click(pp.in("remove-passport"))
	p.waitValue(cumulativeCell("2021-11", "cumulative"), "342144")
	p.show(byID("compare"))

	cell := func(key, col string) loc {
		return find(`[data-testid="compare-row"][data-key="` + key + `"] [data-col="` + col + `"]`)
	}
	p.waitValue(cell("total", "estimate-0"), "273715")
	p.waitValue(cell("total", "estimate-1"), "342144")
	p.waitValue(cell("total", "difference-0"), "68429")
	p.waitValue(cell("withoutPassports", "estimate-0"), "342144")
	p.waitValue(cell("year1", "difference-0"), "-45619")
	p.waitValue(cell("year2", "difference-0"), "57024")
	p.waitValue(cell("kind-server", "estimate-0"), "171072")
	p.waitValue(cell("passportFees", "estimate-0"), "102643")
	p.waitValue(cell("charged", "estimate-1"), "342144")
	p.waitVisible(byID("compare-chart"))

	t.Log("CSV export")
	p.click(byID("compare-csv"))
	csv := eval[string](p, "the exported CSV", `window.__lastExport?.text ?? ""`)
	if !strings.Contains(csv, "273715,342144,68429") {
		t.Errorf("comparison CSV lacks the totals and their difference:\n%s", csv)
	}

	t.Log("in a link, opened in another tab")
	p.click(byID("compare-link"))
	p.waitJS("the comparison link", `document.querySelector('[data-testid="compare-link"]')?.dataset.href?.includes("#c=")`)
	link := eval[string](p, "the comparison link", `document.querySelector('[data-testid="compare-link"]').dataset.href`)
	other := newTabAt(t, link)
	other.show(byID("compare"))
	other.waitValue(cell("total", "estimate-0"), "273715")
	other.waitAttr(find(`[data-testid="compare-column"][data-index="0"]`), "data-testid", "compare-column")
	if got := other.count(tid("compare-entry")); got != 1 {
		t.Errorf("the linked comparison holds %d stored estimates, want 1", got)
	}

	t.Log("after a reload")
	p.reload()
	p.show(byID("compare"))
	p.waitValue(cell("total", "estimate-0"), "273715")
	p.waitValue(cell("total", "difference-0"), "68429")

	t.Log("a saved estimate in the comparison")
	p.typeInto(byID("save-name"), "Without passport")
	p.click(byID("save-estimate"))
	p.waitJS("the saved estimate offered", `[...document.querySelectorAll('[data-testid="compare-saved"] option')].some((o) => o.textContent === "Without passport")`)
	p.choose(byID("compare-saved"), "0")
	p.click(byID("compare-add-saved"))
	p.waitValue(cell("total", "estimate-1"), "342144")
	p.waitValue(cell("total", "estimate-2"), "342144")
	p.waitValue(cell("total", "difference-1"), "68429")
}
