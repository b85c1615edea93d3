package pricelist_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	. "github.com/sakura-sim/pricesim/engine"
	"github.com/sakura-sim/pricesim/engine/contract"
	. "github.com/sakura-sim/pricesim/engine/pricelist"
)

// goldenImport is one case of testdata/official/golden/: price documents in
// the real shape beside a case.json whose want was worked by hand (its
// source says how). Every class of the documents is either in want.imported
// (the items of the imported zones, in order) or in want.unmatched.
type goldenImport struct {
	Source    string  `json:"source"`
	AsOf      string  `json:"asOf"`
	Base      *string `json:"base"`
	Documents []struct {
		File string `json:"file"`
		Zone string `json:"zone"`
	} `json:"documents"`
	Want struct {
		ID       string `json:"id"`
		AsOf     string `json:"asOf"`
		TaxRate  string `json:"taxRate"`
		Items    int    `json:"items"`
		Imported []struct {
			ID, Zone, ServiceClass, Kind string
			Hourly, Daily, Monthly       string
			Passport                     bool
		} `json:"imported"`
		Unmatched []struct {
			Path, ServiceClass, Code string
		} `json:"unmatched"`
		PassportsNotCarried []struct {
			Item, Zone, Code string
		} `json:"passportsNotCarried"`
		Overlay struct {
			Base     string `json:"base"`
			Overlaid bool   `json:"overlaid"`
			Code     string `json:"code"`
		} `json:"overlay"`
		Zones []struct {
			Zone     string `json:"zone"`
			Official bool   `json:"official"`
			AsOf     string `json:"asOf"`
		} `json:"zones"`
	} `json:"want"`
}

func TestImportOfficialPrices_Golden(t *testing.T) {
	dirs, err := filepath.Glob("testdata/official/golden/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no golden import cases: %v", err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, "case.json"))
			if err != nil {
				t.Fatal(err)
			}
			var gc goldenImport
			if err := json.Unmarshal(data, &gc); err != nil {
				t.Fatalf("case.json: %v", err)
			}
			if gc.Source == "" {
				t.Fatalf("case.json has no source: say where the figures come from")
			}
			var docs []OfficialDocument
			classes := 0
			for _, d := range gc.Documents {
				raw, err := os.ReadFile(filepath.Join(dir, d.File))
				if err != nil {
					t.Fatal(err)
				}
				docs = append(docs, OfficialDocument{Zone: d.Zone, Data: raw})
				classes += countClasses(t, raw)
			}
			var base *Catalog
			if gc.Base != nil {
				var ok bool
				if base, ok = contract.ShippedCatalog(*gc.Base); !ok {
					t.Fatalf("base %q is not shipped", *gc.Base)
				}
			}
			c, report, err := ImportOfficialPrices(docs, gc.AsOf, base)
			if err != nil {
				t.Fatalf("ImportOfficialPrices: %v", err)
			}
			w := gc.Want
			if len(w.Imported)+len(w.Unmatched) != classes {
				t.Fatalf("the case accounts for %d + %d classes, the documents hold %d: give every class's outcome",
					len(w.Imported), len(w.Unmatched), classes)
			}
			if c.ID != w.ID || c.AsOf != w.AsOf || c.TaxRate.String() != w.TaxRate || len(c.Items) != w.Items {
				t.Errorf("catalog %s as of %s at %s with %d items, want %s as of %s at %s with %d",
					c.ID, c.AsOf, c.TaxRate, len(c.Items), w.ID, w.AsOf, w.TaxRate, w.Items)
			}
			zones := map[string]bool{}
			for _, it := range w.Imported {
				zones[it.Zone] = true
			}
			var got []Item
			for _, it := range c.Items {
				if zones[it.Zone] {
					got = append(got, it)
				}
			}
			if len(got) != len(w.Imported) {
				t.Errorf("%d items in the imported zones, want %d", len(got), len(w.Imported))
			}
			for i := range min(len(got), len(w.Imported)) {
				g, want := got[i], w.Imported[i]
				prices := [3]string{priceText(g.Prices.Hourly), priceText(g.Prices.Daily), priceText(g.Prices.Monthly)}
				if g.ID != want.ID || g.Zone != want.Zone || g.ServiceClass != want.ServiceClass || g.Kind.String() != want.Kind ||
					prices != [3]string{want.Hourly, want.Daily, want.Monthly} || g.Passport != want.Passport {
					t.Errorf("item %d = %s in %s from %s (%s) %v passport %v;\n          want %s in %s from %s (%s) %v passport %v", i,
						g.ID, g.Zone, g.ServiceClass, g.Kind, prices, g.Passport,
						want.ID, want.Zone, want.ServiceClass, want.Kind, [3]string{want.Hourly, want.Daily, want.Monthly}, want.Passport)
				}
				if len(g.Estimated) != 0 || g.Name.En == "" || g.Name.Ja == "" {
					t.Errorf("item %d %s: estimated %v, name %+v; want none estimated and both names", i, g.ID, g.Estimated, g.Name)
				}
			}
			if len(report.Unmatched) != len(w.Unmatched) {
				t.Errorf("unmatched = %+v, want %d", report.Unmatched, len(w.Unmatched))
			}
			for i := range min(len(report.Unmatched), len(w.Unmatched)) {
				g, want := report.Unmatched[i], w.Unmatched[i]
				if g.Path != want.Path || g.ServiceClass != want.ServiceClass || string(g.Code) != want.Code || g.Reason == "" {
					t.Errorf("unmatched[%d] = %s %s %s (%q), want %s %s %s", i, g.Path, g.ServiceClass, g.Code, g.Reason, want.Path, want.ServiceClass, want.Code)
				}
			}
			if len(report.PassportsNotCarried) != len(w.PassportsNotCarried) {
				t.Errorf("passports not carried = %+v, want %d", report.PassportsNotCarried, len(w.PassportsNotCarried))
			}
			for i := range min(len(report.PassportsNotCarried), len(w.PassportsNotCarried)) {
				g, want := report.PassportsNotCarried[i], w.PassportsNotCarried[i]
				if g.Item != want.Item || g.Zone != want.Zone || string(g.Code) != want.Code || g.Reason == "" {
					t.Errorf("passportsNotCarried[%d] = %+v, want %s in %s (%s)", i, g, want.Item, want.Zone, want.Code)
				}
			}
			if o := report.Overlay; o.Base != w.Overlay.Base || o.Overlaid != w.Overlay.Overlaid || string(o.Code) != w.Overlay.Code ||
				(!o.Overlaid && o.Base != "" && o.Reason == "") {
				t.Errorf("overlay = %+v, want %+v with a reason when not overlaid", o, w.Overlay)
			}
			if len(c.ZoneSources) != len(w.Zones) {
				t.Errorf("zones = %+v, want %d", c.ZoneSources, len(w.Zones))
			}
			for i := range min(len(c.ZoneSources), len(w.Zones)) {
				g, want := c.ZoneSources[i], w.Zones[i]
				if g.Zone != want.Zone || g.Official != want.Official || g.AsOf != want.AsOf || g.Source == "" {
					t.Errorf("zones[%d] = %+v, want %s official %v as of %s with a source", i, g, want.Zone, want.Official, want.AsOf)
				}
			}
			// What the page and the command line keep must read back the same.
			out, err := contract.CatalogJSON(c)
			if err != nil {
				t.Fatal(err)
			}
			back, err := contract.ParseCatalog(out)
			if err != nil || len(back.ZoneSources) != len(c.ZoneSources) || len(back.Items) != len(c.Items) {
				t.Errorf("the catalog does not read back: %v", err)
			}
		})
	}
}

func priceText(p Price) string {
	if !p.Set {
		return ""
	}
	return p.Value.String()
}

// countClasses counts a document's service classes, keyed or listed.
func countClasses(t *testing.T, raw []byte) int {
	t.Helper()
	var doc struct {
		ServiceClasses json.RawMessage
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	var list []json.RawMessage
	if json.Unmarshal(doc.ServiceClasses, &list) == nil {
		return len(list)
	}
	var keyed map[string]json.RawMessage
	if err := json.Unmarshal(doc.ServiceClasses, &keyed); err != nil {
		t.Fatal(err)
	}
	return len(keyed)
}
