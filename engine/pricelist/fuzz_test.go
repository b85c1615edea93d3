package pricelist_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	. "github.com/sakura-sim/pricesim/engine"
	"github.com/sakura-sim/pricesim/engine/contract"
	. "github.com/sakura-sim/pricesim/engine/pricelist"
)

// FuzzImportOfficialPrices: any bytes as a zone's price document, laid over
// list-2026 or alone, never panic, and give either a *ValidationError or a
// catalog the contract's own reader accepts, with every imported zone's
// source said.
func FuzzImportOfficialPrices(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/official/*.json")
	golden, _ := filepath.Glob("testdata/official/golden/*/*.json")
	for _, name := range append(seeds, golden...) {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data, "is1b", true)
		}
	}
	f.Add([]byte(`{"ResponsedAt":"2019-09-30T23:59:59+09:00","ServiceClasses":[{"ServiceClassPath":"cloud/plan/1","Price":{"Monthly":1}}]}`), "tk1a", false)
	base, ok := contract.ShippedCatalog("list-2026")
	if !ok {
		f.Fatal("list-2026 is not shipped")
	}
	f.Fuzz(func(t *testing.T, data []byte, zone string, overlay bool) {
		b := base
		if !overlay {
			b = nil
		}
		c, report, err := ImportOfficialPrices([]OfficialDocument{{Zone: zone, Data: data}}, "2026-11-23", b)
		if err != nil {
			var verr *ValidationError
			if !errors.As(err, &verr) || len(verr.Problems) == 0 {
				t.Fatalf("error %v is not a *ValidationError with problems", err)
			}
			return
		}
		out, err := contract.CatalogJSON(c)
		if err != nil {
			t.Fatalf("CatalogJSON: %v", err)
		}
		if _, err := contract.ParseCatalog(out); err != nil {
			t.Fatalf("the imported catalog does not read back: %v\n%s", err, out)
		}
		for _, u := range report.Unmatched {
			if u.Code == "" || u.Reason == "" {
				t.Fatalf("unmatched %+v has no code or reason", u)
			}
		}
		official := map[string]bool{}
		for _, z := range c.ZoneSources {
			official[z.Zone] = z.Official
		}
		for _, it := range c.Items {
			if _, said := official[it.Zone]; !said {
				t.Fatalf("zone %q of %s has no source", it.Zone, it.ID)
			}
		}
	})
}
