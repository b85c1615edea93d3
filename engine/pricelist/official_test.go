package pricelist_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	. "github.com/sakura-sim/pricesim/engine"
	"github.com/sakura-sim/pricesim/engine/contract"
	. "github.com/sakura-sim/pricesim/engine/pricelist"
)

func officialFixture(t *testing.T, name, zone string) OfficialDocument {
	t.Helper()
	data, err := os.ReadFile("testdata/official/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return OfficialDocument{Zone: zone, Data: data}
}

type wantOfficialItem struct {
	id, zone, serviceClass string
	hourly, daily, monthly string // "" when absent
	kind                   Kind
	passport               bool
}

// checkOfficialItems compares the items of the zones want names: an import
// replaces those zones of its base whole, so they hold the imported items
// alone, in the documents' order.
func checkOfficialItems(t *testing.T, cat *Catalog, want []wantOfficialItem) {
	t.Helper()
	zones := map[string]bool{}
	for _, w := range want {
		zones[w.zone] = true
	}
	c := &Catalog{}
	for _, it := range cat.Items {
		if zones[it.Zone] {
			c.Items = append(c.Items, it)
		}
	}
	if len(c.Items) != len(want) {
		ids := make([]string, len(c.Items))
		for i, it := range c.Items {
			ids[i] = it.ID + "@" + it.Zone
		}
		t.Fatalf("imported items = %v, want %d items", ids, len(want))
	}
	for i, w := range want {
		it := c.Items[i]
		if it.ID != w.id || it.Zone != w.zone || it.Kind != w.kind || it.ServiceClass != w.serviceClass {
			t.Errorf("items[%d] = %s (%s) in %s from %s, want %s (%s) in %s from %s", i,
				it.ID, it.Kind, it.Zone, it.ServiceClass, w.id, w.kind, w.zone, w.serviceClass)
		}
		for _, p := range []struct {
			name string
			got  Price
			want string
		}{{"hourly", it.Prices.Hourly, w.hourly}, {"daily", it.Prices.Daily, w.daily}, {"monthly", it.Prices.Monthly, w.monthly}} {
			got := ""
			if p.got.Set {
				got = p.got.Value.String()
			}
			if got != p.want {
				t.Errorf("items[%d] %s %s = %q, want %q", i, w.id, p.name, got, p.want)
			}
		}
		if it.Passport != w.passport {
			t.Errorf("items[%d] %s in %s passport = %v, want %v", i, w.id, w.zone, it.Passport, w.passport)
		}
		if len(it.Estimated) != 0 {
			t.Errorf("items[%d] %s estimated = %v, want none: official prices are published", i, w.id, it.Estimated)
		}
	}
}

func checkUnmatchedClasses(t *testing.T, got []UnmatchedClass, want []UnmatchedClass) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("unmatched = %+v, want %d entries", got, len(want))
	}
	for i := range want {
		if got[i].Path != want[i].Path || got[i].ServiceClass != want[i].ServiceClass ||
			!strings.Contains(got[i].Reason, want[i].Reason) {
			t.Errorf("unmatched[%d] = %+v, want path %s, class %q, reason containing %q", i, got[i],
				want[i].Path, want[i].ServiceClass, want[i].Reason)
		}
	}
}

// The shared sample: classes keyed by index, a class with Price [], an extra
// ServiceCharge field.
func TestImportOfficialPrices_Sample(t *testing.T) {
	c, report, err := ImportOfficialPrices([]OfficialDocument{officialFixture(t, "sample-is1b.json", "is1b")}, "2026-11-23", defaultCatalog(t))
	if err != nil {
		t.Fatalf("ImportOfficialPrices: %v", err)
	}
	if c.ID != "list-2026+official-2026-11-23" || c.AsOf != "2026-11-23" || c.TaxRate.String() != "0.1" {
		t.Errorf("catalog header = %s, %s, tax %s; want list-2026+official-2026-11-23, 2026-11-23, 0.1", c.ID, c.AsOf, c.TaxRate)
	}
	if !strings.Contains(c.Source, "public price API") || !strings.Contains(c.Source, "is1b") {
		t.Errorf("source = %q, want the API and the zone named", c.Source)
	}
	checkOfficialItems(t, c, []wantOfficialItem{
		{"server/plan-2", "is1b", "cloud/plan/2", "17", "172", "3425", KindServer, false},
		{"server/gpu-4core-56gb-v100", "is1b", "cloud/plan/4core-56gb-v100", "481", "11550", "231000", KindServer, false},
		{"disk/ssd-100gb", "is1b", "cloud/disk/ssd/100", "19", "192", "3850", KindDisk, false},
	})
	if it, _ := c.Lookup("server/gpu-4core-56gb-v100", "is1b"); it == nil || it.Name.Ja != "高火力 VRT 4Core-56GB-V100x1" {
		t.Errorf("GPU plan = %+v, want the API's DisplayName as its ja name", it)
	}
	if it, _ := c.Lookup("disk/ssd-100gb", "is1b"); it == nil || it.DiskType != "ssd" || it.SizeGB != 100 {
		t.Errorf("disk/ssd-100gb = type %q size %d, want ssd 100", it.DiskType, it.SizeGB)
	}
	checkUnmatchedClasses(t, report.Unmatched, []UnmatchedClass{
		{Path: "documents[0].ServiceClasses[3]", ServiceClass: "cloud/autobackup", Reason: "has no price"},
	})
	if len(report.Warnings) != 0 {
		t.Errorf("warnings = %+v, want none", report.Warnings)
	}
}

// A list of classes, prices with and without a Zone, and plans of every family.
func TestImportOfficialPrices_Array(t *testing.T) {
	c, report, err := ImportOfficialPrices([]OfficialDocument{officialFixture(t, "array-tk1a.json", "tk1a")}, "2026-11-23", defaultCatalog(t))
	if err != nil {
		t.Fatalf("ImportOfficialPrices: %v", err)
	}
	checkOfficialItems(t, c, []wantOfficialItem{
		// 4 cores / 8 GB is a passport plan in tk1a in the shipped list.
		{"server/4core-8gb", "tk1a", "cloud/plan/4core-8gb", "48", "480", "9350", KindServer, true},
		{"server/1core-1gb", "tk1a", "cloud/plan/1core-1gb", "7", "77", "1540", KindServer, false},
		{"disk/hdd-2048gb", "tk1a", "cloud/disk/hdd/2048", "165", "1650", "33000", KindDisk, false},
		{"network/router-100mbps", "tk1a", "cloud/internet/router/100m", "11", "110", "2200", KindNetwork, false},
		{"server/gpu-24core-240gb-h100", "tk1a", "cloud/plan/24core-240gb-h100", "990", "23100", "385000", KindServer, false},
		{"server/dedicated-4core-8gb", "tk1a", "cloud/plan/dedicatedcpu/4core-8gb", "101", "1012", "20240", KindServer, false},
		{"appliance/loadbalancer-standard", "tk1a", "cloud/appliance/loadbalancer/standard", "16", "165", "3300", KindAppliance, false},
	})
	if it, _ := c.Lookup("server/4core-8gb", "tk1a"); it == nil || it.Cores != 4 || it.MemoryGB != 8 {
		t.Errorf("server/4core-8gb = %+v, want 4 cores and 8 GB", it)
	}
	if it, _ := c.Lookup("network/router-100mbps", "tk1a"); it == nil || it.BandwidthMbps != 100 {
		t.Errorf("router = %+v, want 100 Mbps", it)
	}
	checkUnmatchedClasses(t, report.Unmatched, []UnmatchedClass{})
}

func TestImportOfficialPrices_OddShapes(t *testing.T) {
	// No zone for the document: every price must name its own.
	c, report, err := ImportOfficialPrices([]OfficialDocument{officialFixture(t, "odd-is1c.json", "")}, "2026-11-23", defaultCatalog(t))
	if err != nil {
		t.Fatalf("ImportOfficialPrices: %v", err)
	}
	checkOfficialItems(t, c, []wantOfficialItem{
		// Index order 0, 2, 10, not the order written or the keys' text order.
		// Hourly and daily 0 mean the class has no such price.
		{"server/2core-4gb", "is1c", "cloud/plan/2core-4gb", "", "", "4620", KindServer, false},
		{"disk/ssd-20gb", "is1c", "cloud/disk/ssd/20", "2", "22", "440", KindDisk, false},
		{"network/router-1000mbps", "is1c", "cloud/internet/router/1g", "539", "5390", "107800", KindNetwork, false},
	})
	checkUnmatchedClasses(t, report.Unmatched, []UnmatchedClass{
		{Path: "documents[0].ServiceClasses[3]", ServiceClass: "cloud/plan/2core-4gb", Reason: "listed twice"},
		{Path: "documents[0].ServiceClasses[4]", ServiceClass: "", Reason: "has no ServiceClassPath"},
		{Path: "documents[0].ServiceClasses[5]", ServiceClass: "cloud/plan/8core-8gb", Reason: "has no price"},
		{Path: "documents[0].ServiceClasses[6]", ServiceClass: "cloud/plan/4core-8gb", Reason: "names no zone"},
	})
	if len(report.Warnings) != 1 || report.Warnings[0].Path != "documents[0]" ||
		!strings.Contains(report.Warnings[0].Message, "7 of 9") {
		t.Errorf("warnings = %+v, want one on documents[0] saying it holds 7 of 9 classes", report.Warnings)
	}
}

func TestImportOfficialPrices_SeveralZones(t *testing.T) {
	docs := []OfficialDocument{officialFixture(t, "sample-is1b.json", "is1b"), officialFixture(t, "array-tk1a.json", "tk1a")}
	c, _, err := ImportOfficialPrices(docs, "2026-11-23", defaultCatalog(t))
	if err != nil {
		t.Fatalf("ImportOfficialPrices: %v", err)
	}
	// list-2026's items in is1a (26 plans, 2 GPU plans, 11 SSDs, 12 routers),
	// is1c (26, 11 SSDs, 5 HDDs, 12) and tk1b (26, 11, 12), then is1b's 3 and tk1a's 7.
	if len(c.Items) != 51+54+49+3+7 {
		t.Errorf("%d items, want list-2026's 154 in is1a, is1c, tk1b, 3 from is1b and 7 from tk1a", len(c.Items))
	}
	if !strings.Contains(c.Source, "is1b, tk1a") {
		t.Errorf("source = %q, want both zones", c.Source)
	}
	if _, ok := c.Lookup("disk/ssd-100gb", "is1b"); !ok {
		t.Errorf("disk/ssd-100gb is missing from is1b")
	}
	// The same document twice: the second copy is reported, not merged.
	c, report, err := ImportOfficialPrices([]OfficialDocument{docs[0], docs[0]}, "2026-11-23", defaultCatalog(t))
	if err != nil {
		t.Fatalf("ImportOfficialPrices: %v", err)
	}
	// list-2026 has 50 items in is1b (26 plans, the H100, 11 SSDs, 12 routers).
	if n := len(c.Items) - (258 - 50); n != 3 || len(report.Unmatched) != 5 {
		t.Errorf("the sample twice: %d items in is1b, %d unmatched; want 3 and 5 (2 × autobackup, 3 repeats)", n, len(report.Unmatched))
	}
}

func TestImportOfficialPrices_Errors(t *testing.T) {
	malformed := officialFixture(t, "malformed.json", "is1a")
	badPrice := officialFixture(t, "malformed-price.json", "is1a")
	sample := officialFixture(t, "sample-is1b.json", "is1b")
	onlyAutobackup := OfficialDocument{Zone: "is1a", Data: []byte(`{"ServiceClasses":[{"ServiceClassPath":"cloud/autobackup","Price":[]}]}`)}
	tests := []struct {
		name  string
		docs  []OfficialDocument
		asOf  string
		paths []string
		text  string
	}{
		{"truncated JSON", []OfficialDocument{sample, malformed}, "2026-11-23", []string{"documents[1]"}, "not valid JSON"},
		{"bad price and a class that is not an object", []OfficialDocument{badPrice}, "2026-11-23",
			[]string{"documents[0].ServiceClasses[0].Price.Monthly", "documents[0].ServiceClasses[1]"}, "must be"},
		{"no document", nil, "2026-11-23", []string{"documents"}, "at least one"},
		{"bad date", []OfficialDocument{sample}, "23/11/2026", []string{"asOf"}, ""},
		{"not an object", []OfficialDocument{{Zone: "is1a", Data: []byte(`[]`)}}, "2026-11-23", []string{"documents[0]"}, "ServiceClasses"},
		{"no ServiceClasses", []OfficialDocument{{Zone: "is1a", Data: []byte(`{"Total":0}`)}}, "2026-11-23",
			[]string{"documents[0].ServiceClasses"}, "public price API"},
		{"ServiceClasses a string", []OfficialDocument{{Zone: "is1a", Data: []byte(`{"ServiceClasses":"x"}`)}}, "2026-11-23",
			[]string{"documents[0].ServiceClasses"}, "list"},
		{"key not an index", []OfficialDocument{{Zone: "is1a", Data: []byte(`{"ServiceClasses":{"a":{}}}`)}}, "2026-11-23",
			[]string{"documents[0].ServiceClasses.a"}, "index"},
		{"negative price", []OfficialDocument{{Zone: "is1a", Data: []byte(`{"ServiceClasses":[{"ServiceClassPath":"cloud/plan/1core-1gb","Price":{"Monthly":-1}}]}`)}},
			"2026-11-23", []string{"documents[0].ServiceClasses[0].Price.Monthly"}, "at least 0"},
		{"nothing usable", []OfficialDocument{onlyAutobackup}, "2026-11-23", []string{"documents"}, "unmatched"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _, err := ImportOfficialPrices(tt.docs, tt.asOf, defaultCatalog(t))
			if err == nil {
				t.Fatalf("ImportOfficialPrices = %d items, nil error; want an error", len(c.Items))
			}
			var verr *ValidationError
			if !errors.As(err, &verr) {
				t.Fatalf("error %v is not a *ValidationError", err)
			}
			if len(verr.Problems) != len(tt.paths) {
				t.Fatalf("problems = %+v, want paths %v", verr.Problems, tt.paths)
			}
			for i, p := range tt.paths {
				if verr.Problems[i].Path != p || !strings.Contains(verr.Problems[i].Message, tt.text) {
					t.Errorf("problems[%d] = %+v, want path %s and a message containing %q", i, verr.Problems[i], p, tt.text)
				}
			}
		})
	}
}

// defaultCatalog is the reference for passport eligibility, as the request
// router passes it.
func defaultCatalog(t *testing.T) *Catalog {
	t.Helper()
	def, ok := contract.DefaultCatalog()
	if !ok {
		t.Fatal("no shipped catalog")
	}
	return def
}
