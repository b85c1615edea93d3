//go:build e2e

package e2e

import (
	"os"
	"testing"
)

func readShared(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// SAKURA's is1a price list of 2026-06-13 (the real response recorded in
// ../shared/data, copied beside the golden import cases), pasted while
// list-2026 is chosen, is laid over it: is1a takes the official prices, tk1a
// keeps list-2026's.
//
// Worked by hand, December 2026, both servers running all month (744 h):
// is1a legacy plan 1 (official 11 / 110 / 2,179): 31 × 110 = 3,410 > 2,179, so
// 2,179; tk1a 4 cores / 8 GB (list-2026: 8,400 + 10 % = 9,240): 9,240.
// Total 11,419.
func TestImport_OfficialListOverShippedCatalog(t *testing.T) {
	t.Parallel()
	p := newTab(t)
	p.period("list-2026", "2026-12", "12")
	p.click(find("details.import > summary"))
	p.paste(byID("import-paste"), readShared(t, "../engine/pricelist/testdata/official/golden/is1a-2026-06-13/is1a.json"))
	p.click(byID("import-apply"))
	p.waitText(byID("import-status"), "list-2026+official-2026-06-13")
	p.waitText(byID("import-status"), "Laid over list-2026")
	p.waitText(byID("catalog-info"), "official price list, as of")

	p.resource(0, "ishikari", "server/plan-1", "is1a")
	p.resource(1, "tokyo", "server/4core-8gb", "tk1a")
	p.waitUpToDate()
	p.waitValue(billCell("2026-12", "total"), "11419")
}

// A price list of the 8 % era cannot be laid over list-2026 (10 %): it
// becomes a catalog of its own, at 8 %, and the page says why.
func TestImport_EightPercentEraStandsAlone(t *testing.T) {
	t.Parallel()
	p := newTab(t)
	p.period("list-2026", "2026-12", "12")
	p.click(find("details.import > summary"))
	p.paste(byID("import-paste"), readShared(t, "../engine/pricelist/testdata/official/golden/eight-percent-2018/tk1a.json"))
	p.click(byID("import-apply"))
	p.waitText(byID("import-status"), "official-2018-11-14")
	p.waitText(byID("import-status"), "Not laid over list-2026: these prices include 8 % tax and list-2026 10 %")
	p.waitText(byID("catalog-info"), "tax rate 8 %")
}
