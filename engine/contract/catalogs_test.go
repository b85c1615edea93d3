package contract

import (
	"slices"
	"strings"
	"testing"

	. "github.com/sakura-sim/pricesim/engine"
)

func TestShippedCatalogs_Parse(t *testing.T) {
	entries, err := shippedFiles.ReadDir("catalogs")
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) < 2 {
		t.Fatalf("%d shipped catalog files, want at least seed-2018 and list-2026", len(entries))
	}
	for _, e := range entries {
		t.Run(e.Name(), func(t *testing.T) {
			data, err := shippedFiles.ReadFile("catalogs/" + e.Name())
			if err != nil {
				t.Fatal(err)
			}
			c, err := ParseCatalog(data)
			if err != nil {
				t.Fatalf("ParseCatalog: %v", err)
			}
			if c.ID+".json" != e.Name() {
				t.Errorf("catalog id %q in file %s, want the file named after its id", c.ID, e.Name())
			}
			// What CatalogJSON writes must read back the same.
			out, err := CatalogJSON(c)
			if err != nil {
				t.Fatalf("CatalogJSON: %v", err)
			}
			again, err := ParseCatalog(out)
			if err != nil {
				t.Fatalf("ParseCatalog(CatalogJSON()): %v", err)
			}
			if len(again.Items) != len(c.Items) {
				t.Errorf("round trip kept %d items, want %d", len(again.Items), len(c.Items))
			}
		})
	}
	if _, err := ShippedCatalogs(); err != nil {
		t.Errorf("ShippedCatalogs() error = %v", err)
	}
}

func TestDefaultCatalog(t *testing.T) {
	c, ok := DefaultCatalog()
	if !ok || c.ID != "list-2026" {
		t.Fatalf("DefaultCatalog() = %v, %v, want list-2026", c, ok)
	}
	if c.AsOf != "2026-04-28" || c.TaxRate.String() != "0.1" || c.Source == "" {
		t.Errorf("list-2026 header = asOf %q, taxRate %s, source %q; want 2026-04-28, 0.1 and a source", c.AsOf, c.TaxRate, c.Source)
	}
}

// Figures worked by hand from ../shared/data/list-prices.md: tax included =
// floor(monthly × 1.1), daily = floor(monthly ÷ 20 × 1.1), hourly =
// floor(monthly ÷ 200 × 1.1).
func TestList2026_Prices(t *testing.T) {
	c, ok := ShippedCatalog("list-2026")
	if !ok {
		t.Fatal("list-2026 is not shipped")
	}
	derived := []string{"hourly", "daily"}
	tests := []struct {
		id, zone                string
		hourly, daily, monthly  string
		estimated               []string
		cores, memoryGB, sizeGB int
	}{
		// list-prices.md: daily = ceil(m ÷ 20), hourly = floor(daily ÷ 10) before tax.
		// 1,950: 2,145; ceil(97.5) = 98 → 107.8; floor(9.8) = 9 → 9.9 (the old rule gave 10).
		{"server/1core-2gb", "is1a", "9", "107", "2145", derived, 1, 2, 0},
		// 1,400: 1,540; 70 × 1.1 = 77; 7 × 1.1 = 7.7 ("7 yen an hour" before tax).
		{"server/1core-1gb", "is1a", "7", "77", "1540", derived, 1, 1, 0},
		{"server/1core-1gb", "tk1b", "7", "77", "1540", derived, 1, 1, 0},
		// 8,400: 9,240; 420 × 1.1 = 462; 42 × 1.1 = 46.2.
		{"server/4core-8gb", "tk1a", "46", "462", "9240", derived, 4, 8, 0},
		// 18,400: 20,240; 920 × 1.1 = 1,012; 92 × 1.1 = 101.2.
		{"server/dedicated-4core-8gb", "is1b", "101", "1012", "20240", derived, 4, 8, 0},
		// GPU plans: the public price API's tax-included figures as published.
		{"server/gpu-4core-56gb-v100", "is1a", "481", "11550", "231000", nil, 4, 56, 0},
		{"server/gpu-24core-240gb-h100", "is1b", "990", "23100", "385000", nil, 24, 240, 0},
		// 3,500: 3,850; 175 × 1.1 = 192.5; 17 × 1.1 = 18.7 (the old rule gave 19).
		{"disk/ssd-100gb", "is1b", "18", "192", "3850", derived, 0, 0, 100},
		// 8,750: 9,625; ceil(437.5) = 438 → 481.8; 43 → 47.3 (the old rule gave 48).
		{"disk/ssd-250gb", "tk1a", "47", "481", "9625", derived, 0, 0, 250},
		// 17,500: 19,250; 875 → 962.5; 87 → 95.7 (the old rule gave 96).
		{"disk/ssd-500gb", "is1c", "95", "962", "19250", derived, 0, 0, 500},
		// 30,000: 33,000; 1,500 × 1.1 = 1,650; 150 × 1.1 = 165.
		{"disk/hdd-2048gb", "is1c", "165", "1650", "33000", derived, 0, 0, 2048},
		// 800: 880; 40 × 1.1 = 44; 4 × 1.1 = 4.4.
		{"disk/hdd-40gb", "tk1a", "4", "44", "880", derived, 0, 0, 40},
		// 2,000: 2,200; 100 × 1.1 = 110; 10 × 1.1 = 11.
		{"network/router-100mbps", "is1c", "11", "110", "2200", derived, 0, 0, 0},
		// 198,000 + 6 × 50,000 = 498,000: 547,800; 24,900 × 1.1 = 27,390; 2,490 × 1.1 = 2,739.
		{"network/router-5000mbps", "tk1a", "2739", "27390", "547800", derived, 0, 0, 0},
	}
	for _, tt := range tests {
		it, ok := c.Lookup(tt.id, tt.zone)
		if !ok {
			t.Errorf("Lookup(%s, %s) found nothing", tt.id, tt.zone)
			continue
		}
		for _, p := range []struct {
			name string
			got  Price
			want string
		}{{"hourly", it.Prices.Hourly, tt.hourly}, {"daily", it.Prices.Daily, tt.daily}, {"monthly", it.Prices.Monthly, tt.monthly}} {
			if !p.got.Set || p.got.Value.String() != p.want {
				t.Errorf("%s in %s: %s = %v, want %s", tt.id, tt.zone, p.name, p.got.Value, p.want)
			}
		}
		if !slices.Equal(it.Estimated, tt.estimated) {
			t.Errorf("%s in %s: estimated = %v, want %v", tt.id, tt.zone, it.Estimated, tt.estimated)
		}
		if it.Cores != tt.cores || it.MemoryGB != tt.memoryGB || it.SizeGB != tt.sizeGB {
			t.Errorf("%s in %s: cores %d, memory %d GB, size %d GB; want %d, %d, %d", tt.id, tt.zone,
				it.Cores, it.MemoryGB, it.SizeGB, tt.cores, tt.memoryGB, tt.sizeGB)
		}
		if it.Name.En == "" || it.Name.Ja == "" {
			t.Errorf("%s in %s: name %+v, want both languages", tt.id, tt.zone, it.Name)
		}
	}
}

func TestList2026_Zones(t *testing.T) {
	c, _ := ShippedCatalog("list-2026")
	tests := []struct {
		id, zone string
		want     bool
	}{
		{"network/router-100mbps", "is1c", true},
		{"network/router-100mbps", "is1b", true},
		{"disk/hdd-2048gb", "is1c", true},
		{"disk/hdd-2048gb", "tk1a", true},
		{"disk/hdd-2048gb", "is1b", false},
		{"disk/hdd-2048gb", "is1a", false},
		{"disk/hdd-40gb", "tk1b", false},
		{"disk/ssd-20gb", "tk1b", true},
		// GPU plans only where the public lists show them (price-api.md).
		{"server/gpu-4core-56gb-v100", "is1a", true},
		{"server/gpu-4core-56gb-v100", "is1b", false},
		{"server/gpu-4core-56gb-v100", "tk1a", false},
		{"server/gpu-24core-240gb-h100", "is1a", true},
		{"server/gpu-24core-240gb-h100", "is1b", true},
		{"server/gpu-24core-240gb-h100", "is1c", false},
		{"server/gpu-24core-240gb-h100", "tk1b", false},
		// No price is known above 5,000 Mbps, though tk1b sells faster routers.
		{"network/router-5000mbps", "tk1b", true},
		{"network/router-5500mbps", "tk1b", false},
	}
	for _, tt := range tests {
		if _, got := c.Lookup(tt.id, tt.zone); got != tt.want {
			t.Errorf("Lookup(%s, %s) found = %v, want %v", tt.id, tt.zone, got, tt.want)
		}
	}
	// 26 server plans, 11 SSD sizes and 12 bandwidths in each of 5 zones; 5 HDD
	// sizes in 2; the V100 in one zone and the H100 in two.
	if got, want := len(c.Items), (26+11+12)*5+5*2+1+2; got != want {
		t.Errorf("list-2026 has %d items, want %d", got, want)
	}
	for _, it := range c.Items {
		want := "is1a"
		if it.Zone == "is1a" || strings.Contains(it.ID, "gpu") {
			want = ""
		}
		if it.AssumedFrom != want {
			t.Errorf("%s in %s: assumedFrom %q, want %q", it.ID, it.Zone, it.AssumedFrom, want)
		}
	}
}

func TestList2026_Passport(t *testing.T) {
	c, _ := ShippedCatalog("list-2026")
	want := map[itemKey]bool{}
	for _, id := range []string{"server/2core-2gb", "server/2core-4gb", "server/4core-4gb", "server/4core-8gb"} {
		for _, zone := range []string{"is1b", "tk1a"} {
			want[itemKey{id, zone}] = true
		}
	}
	got := 0
	for _, it := range c.Items {
		if it.Passport {
			got++
		}
		if it.Passport != want[itemKey{it.ID, it.Zone}] {
			t.Errorf("%s in %s: passport = %v, want %v", it.ID, it.Zone, it.Passport, !it.Passport)
		}
	}
	if got != 8 {
		t.Errorf("%d passport plans, want 8", got)
	}
}
