package pricelist

import (
	"testing"

	"github.com/sakura-sim/pricesim/engine"
	"github.com/shopspring/decimal"
)

// Two generations of one plan in one zone are both kept: the newest under the
// plain id (what the shipped catalogs call it), the unmarked one as -g1.
func TestImportOfficialPrices_TwoGenerations(t *testing.T) {
	doc := OfficialDocument{Zone: "is1b", Data: []byte(`{"ResponsedAt":"2026-06-13T00:00:00+09:00","ServiceClasses":[
	 {"ServiceClassPath":"cloud/plan/24core-240gb-1gpu-nvidia_h100_80gbvram","IsPublic":true,"Price":{"Hourly":990,"Daily":23100,"Monthly":385000}},
	 {"ServiceClassPath":"cloud/plan/24core-240gb-1gpu-nvidia_h100_80gbvram-g2","IsPublic":true,"Price":{"Hourly":900,"Daily":21000,"Monthly":350000}},
	 {"ServiceClassPath":"cloud/plan/24core-240gb-1gpu-nvidia_h100_80gbvram-g2","IsPublic":true,"Price":{"Hourly":1,"Daily":1,"Monthly":1}}]}`)}
	c, report, err := ImportOfficialPrices([]OfficialDocument{doc}, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"server/gpu-24core-240gb-h100": "350000", "server/gpu-24core-240gb-h100-g1": "385000"}
	if len(c.Items) != 2 {
		t.Fatalf("%d items, want 2", len(c.Items))
	}
	for id, monthly := range want {
		if it, ok := c.Lookup(id, "is1b"); !ok || it.Prices.Monthly.Value.String() != monthly {
			t.Errorf("%s = %+v, want monthly %s", id, it, monthly)
		}
	}
	if len(report.Unmatched) != 1 || report.Unmatched[0].Code != ReasonDuplicate || report.Unmatched[0].Path != "documents[0].ServiceClasses[2]" {
		t.Errorf("unmatched = %+v, want ServiceClasses[2] as a duplicate", report.Unmatched)
	}
}

// A passport plan whose class maps to another id keeps its eligibility when
// an imported plan stands for it by cores and memory, and the base's other
// zone is left as it was.
func TestImportOfficialPrices_PassportCarriedByCoresAndMemory(t *testing.T) {
	base := engine.NewCatalog("mine", "2026-04-28", "test", decimal.RequireFromString("0.10"), []engine.Item{
		{ID: "server/4core-8gb", Kind: engine.KindServer, Zone: "tk1a", Cores: 4, MemoryGB: 8, Passport: true,
			Prices: engine.Prices{Monthly: engine.PriceOf(decimal.RequireFromString("9240"))}},
		{ID: "server/4core-8gb", Kind: engine.KindServer, Zone: "is1b", Cores: 4, MemoryGB: 8, Passport: true,
			Prices: engine.Prices{Monthly: engine.PriceOf(decimal.RequireFromString("9240"))}},
	})
	doc := OfficialDocument{Zone: "tk1a", Data: []byte(`{"ResponsedAt":"2026-06-13T00:00:00+09:00","ServiceClasses":[
	 {"ServiceClassPath":"cloud/plan/4core-8gb-std","Price":{"Hourly":46,"Daily":462,"Monthly":9240}}]}`)}
	c, report, err := ImportOfficialPrices([]OfficialDocument{doc}, "", base)
	if err != nil {
		t.Fatal(err)
	}
	if it, ok := c.Lookup("server/4core-8gb-std", "tk1a"); !ok || !it.Passport {
		t.Errorf("server/4core-8gb-std in tk1a = %+v, want passport-eligible (it stands for server/4core-8gb)", it)
	}
	if it, ok := c.Lookup("server/4core-8gb", "is1b"); !ok || !it.Passport {
		t.Errorf("is1b, not imported, lost server/4core-8gb: %+v", it)
	}
	if len(report.PassportsNotCarried) != 0 || !report.Overlay.Overlaid || c.ID != "mine+official-2026-06-13" {
		t.Errorf("report = %+v, catalog %s; want nothing lost, overlaid as mine+official-2026-06-13", report, c.ID)
	}
}
