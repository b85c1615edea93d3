package main

import (
	"bytes"
	"os"
	"testing"
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
