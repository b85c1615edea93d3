package main

import (
	"bytes"
	"os"
	"slices"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/sakura-sim/pricesim/engine"
	"github.com/sakura-sim/pricesim/engine/contract"
)

// The committed catalog must be what the notes produce today, so nobody edits
// the JSON by hand and loses the derivation.
func TestGenerate_MatchesCommittedCatalog(t *testing.T) {
	notes, err := os.ReadFile("../../../shared/data/list-prices.md")
	if err != nil {
		t.Skipf("the list-price notes are not beside the repository: %v", err)
	}
	got, err := generate(notes)
	if err != nil {
		t.Fatalf("generate: %v", err)
	}
	want, err := os.ReadFile("../../engine/contract/catalogs/list-2026.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("engine/contract/catalogs/list-2026.json is stale: run go run ./scripts/gencatalog")
	}
}

func TestRouterPrices(t *testing.T) {
	text := "100 → 2,000 · 250 → 24,000, then 50,000 more per 500 Mbps up to 1250 → 124,000."
	got, err := routerPrices(text)
	if err != nil {
		t.Fatalf("routerPrices: %v", err)
	}
	// 100, 250 listed; 750 and 1250 from the rule: 74,000 and 124,000.
	want := []struct {
		mbps    int
		monthly string
	}{{100, "2000"}, {250, "24000"}, {750, "74000"}, {1250, "124000"}}
	if len(got) != len(want) {
		t.Fatalf("routerPrices gave %d bandwidths, want %d", len(got), len(want))
	}
	for i, w := range want {
		if got[i].mbps != w.mbps || got[i].price.taxExcludedMonthly.String() != w.monthly {
			t.Errorf("router %d = %d Mbps %s, want %d Mbps %s", i, got[i].mbps, got[i].price.taxExcludedMonthly, w.mbps, w.monthly)
		}
	}
}

func TestRouterPrices_RuleMissesItsEnd(t *testing.T) {
	text := "100 → 2,000, then 50,000 more per 500 Mbps up to 1000 → 52,000"
	if _, err := routerPrices(text); err == nil {
		t.Errorf("routerPrices(%q) = nil error, want one: 600 Mbps never lands on 1000", text)
	}
}

func TestParseNotes_UnknownSection(t *testing.T) {
	notes := []byte("## Standard servers\n| server/1core-1gb | 1 | 1 | 1,400 |\n## Load balancers\n| x |\n")
	if _, err := parseNotes(notes); err == nil {
		t.Errorf("parseNotes with an unknown section = nil error, want one")
	}
}

func generatedCatalog(t *testing.T) *engine.Catalog {
	t.Helper()
	notes, err := os.ReadFile("../../../shared/data/list-prices.md")
	if err != nil {
		t.Skipf("the list-price notes are not beside the repository: %v", err)
	}
	doc, err := generate(notes)
	if err != nil {
		t.Fatalf("generate: %v", err)
	}
	c, err := contract.ParseCatalog(doc)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// The four hourly prices the revised derivation lowers, worked by hand from
// list-prices.md's tax-excluded monthly prices (daily = ceil(m ÷ 20), hourly =
// floor(daily ÷ 10), then × 1.10 truncated), against the old rule
// floor(m × 0.0055):
//
//	1 core / 2 GB 1,950: daily 98 → 107; hourly 9 → 9.9 → 9   (old 10.725 → 10)
//	SSD 100 GB   3,500: daily 175 → 192; hourly 17 → 18.7 → 18 (old 19.25 → 19)
//	SSD 250 GB   8,750: daily 438 → 481; hourly 43 → 47.3 → 47 (old 48.125 → 48)
//	SSD 500 GB  17,500: daily 875 → 962; hourly 87 → 95.7 → 95 (old 96.25 → 96)
//
// and two that do not move: 1 core / 1 GB 1,400 (daily 70 → 77, hourly 7 → 7)
// and plan 1's published triple, 1,981 → 2,179 / 110 / 11.
func TestGenerate_RevisedDerivation(t *testing.T) {
	c := generatedCatalog(t)
	tests := []struct{ id, hourly, daily, monthly string }{
		{"server/1core-2gb", "9", "107", "2145"},
		{"disk/ssd-100gb", "18", "192", "3850"},
		{"disk/ssd-250gb", "47", "481", "9625"},
		{"disk/ssd-500gb", "95", "962", "19250"},
		{"server/1core-1gb", "7", "77", "1540"},
	}
	for _, zone := range []string{"is1a", "tk1b"} {
		for _, tt := range tests {
			it, ok := c.Lookup(tt.id, zone)
			if !ok {
				t.Errorf("%s is missing from %s", tt.id, zone)
				continue
			}
			got := [3]string{it.Prices.Hourly.Value.String(), it.Prices.Daily.Value.String(), it.Prices.Monthly.Value.String()}
			if got != [3]string{tt.hourly, tt.daily, tt.monthly} {
				t.Errorf("%s in %s = %v, want hourly %s, daily %s, monthly %s", tt.id, zone, got, tt.hourly, tt.daily, tt.monthly)
			}
		}
	}
	daily, hourly := derive(decimal.RequireFromString("1981"))
	if got := [2]string{withTax(daily).String(), withTax(hourly).String()}; got != [2]string{"110", "11"} {
		t.Errorf("plan 1 (1,981 before tax) derives daily, hourly %v, want the published 110, 11", got)
	}
}

// The revision changes no daily price: for every derived price of the notes,
// the old rule's daily floor(m × 0.055) equals the new one.
func TestGenerate_NoDailyPriceChanges(t *testing.T) {
	notes, err := os.ReadFile("../../../shared/data/list-prices.md")
	if err != nil {
		t.Skipf("the list-price notes are not beside the repository: %v", err)
	}
	p, err := parseNotes(notes)
	if err != nil {
		t.Fatal(err)
	}
	var derived []listed
	for _, s := range p.servers {
		derived = append(derived, s.price)
	}
	for _, d := range p.disks {
		derived = append(derived, d.price)
	}
	for _, r := range p.routers {
		derived = append(derived, r.price)
	}
	old := decimal.RequireFromString("0.055")
	checked := 0
	for _, l := range derived {
		if l.published != nil {
			continue
		}
		_, daily, _, _ := l.prices()
		if want := l.taxExcludedMonthly.Mul(old).Floor().String(); daily != want {
			t.Errorf("monthly %s before tax: daily %s, the shipped catalog had %s", l.taxExcludedMonthly, daily, want)
		}
		checked++
	}
	if checked < 40 {
		t.Errorf("checked %d derived prices, want every one of the notes' (over 40)", checked)
	}
}

// GPU plans only where the public price lists show them: V100 and H100 in
// is1a, H100 in is1b, each at its published price.
func TestGenerate_GPUZones(t *testing.T) {
	c := generatedCatalog(t)
	want := map[string][]string{
		"server/gpu-4core-56gb-v100":   {"is1a"},
		"server/gpu-24core-240gb-h100": {"is1a", "is1b"},
	}
	for id, zones := range want {
		if got := c.Zones(id); !slices.Equal(got, zones) {
			t.Errorf("%s is in zones %v, want %v", id, got, zones)
		}
	}
	if it, ok := c.Lookup("server/gpu-24core-240gb-h100", "is1b"); !ok || it.AssumedFrom != "" || it.Prices.Hourly.Value.String() != "990" {
		t.Errorf("H100 in is1b = %+v, want its own published price 990 an hour", it)
	}
}

// No router price is invented: nothing above the 5,000 Mbps the notes list,
// in any zone (tk1b sells more, at prices not known here).
func TestGenerate_NoInventedRouterPrices(t *testing.T) {
	c := generatedCatalog(t)
	top := 0
	for _, it := range c.Items {
		if it.BandwidthMbps > 5000 {
			t.Errorf("%s in %s: %d Mbps has no listed price", it.ID, it.Zone, it.BandwidthMbps)
		}
		top = max(top, it.BandwidthMbps)
	}
	if top != 5000 {
		t.Errorf("the fastest router is %d Mbps, want 5000 (498,000 before tax)", top)
	}
	if it, ok := c.Lookup("network/router-5000mbps", "tk1b"); !ok || it.Prices.Monthly.Value.String() != "547800" {
		t.Errorf("5,000 Mbps in tk1b = %+v, want monthly 547,800 (498,000 × 1.1)", it)
	}
}
