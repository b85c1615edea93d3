package pricelist_test

import (
	"strings"
	"testing"

	. "github.com/sakura-sim/pricesim/engine"
	"github.com/sakura-sim/pricesim/engine/contract"
	. "github.com/sakura-sim/pricesim/engine/pricelist"
	"github.com/shopspring/decimal"
)

func matchTestCatalog(id string, items ...Item) *Catalog {
	for i := range items {
		if !items[i].Prices.Monthly.Set {
			items[i].Prices.Monthly = PriceOf(decimal.NewFromInt(1000))
		}
	}
	return NewCatalog(id, "2026-01-01", "test", decimal.RequireFromString("0.10"), items)
}

func TestMatchItems(t *testing.T) {
	list, ok := contract.ShippedCatalog("list-2026")
	if !ok {
		t.Fatal("list-2026 is not shipped")
	}
	custom := matchTestCatalog("custom",
		Item{ID: "server/web-plan-4-8", Kind: KindServer, Zone: "is1a", Cores: 4, MemoryGB: 8},
		Item{ID: "server/dedicated-web", Kind: KindServer, Zone: "is1a", Cores: 4, MemoryGB: 8},
		Item{ID: "server/dedicated-small", Kind: KindServer, Zone: "is1a", Cores: 2, MemoryGB: 2},
		Item{ID: "server/gpu-big", Kind: KindServer, Zone: "is1a", Cores: 4, MemoryGB: 56},
		Item{ID: "disk/fast-100", Kind: KindDisk, Zone: "is1b", DiskType: "ssd", SizeGB: 100},
		Item{ID: "disk/slow-2t", Kind: KindDisk, Zone: "is1b", DiskType: "hdd", SizeGB: 2048},
		Item{ID: "network/uplink-250", Kind: KindNetwork, Zone: "tk1b", BandwidthMbps: 250},
		Item{ID: "licence/windows", Kind: KindLicence, Zone: "is1a"},
		Item{ID: "server/odd-7", Kind: KindServer, Zone: "is1a", Cores: 7, MemoryGB: 7},
		Item{ID: "server/4core-8gb", Kind: KindServer, Zone: "xx9z", Cores: 4, MemoryGB: 8},
	)
	tests := []struct {
		item, zone string
		to, by     string // to "" means unmatched, and by holds part of the reason
	}{
		{"server/web-plan-4-8", "is1a", "server/4core-8gb", "cores and memory"},
		// Same size as a standard plan, but dedicated: only a dedicated plan will do.
		{"server/dedicated-web", "is1a", "server/dedicated-4core-8gb", "cores and memory"},
		{"server/dedicated-small", "is1a", "", "another kind of plan"},
		{"server/gpu-big", "is1a", "server/gpu-4core-56gb-v100", "cores and memory"},
		{"disk/fast-100", "is1b", "disk/ssd-100gb", "disk type and size"},
		// HDD is shipped in is1c and tk1a only.
		{"disk/slow-2t", "is1b", "", "no disk in is1b"},
		{"network/uplink-250", "tk1b", "network/router-250mbps", "bandwidth"},
		{"licence/windows", "is1a", "", "nothing (size, bandwidth) to match it by"},
		{"server/odd-7", "is1a", "", "no server in is1a"},
		{"server/4core-8gb", "xx9z", "", "no item in zone xx9z"},
		{"server/not-there", "is1a", "", "is not in zone is1a"},
	}
	refs := make([]ItemRef, len(tests))
	for i, tt := range tests {
		refs[i] = ItemRef{Item: tt.item, Zone: tt.zone}
	}
	refs = append(refs, refs[0]) // asked twice, answered once
	got := MatchItems(custom, list, refs)
	if n := len(got.Matches) + len(got.Unmatched); n != len(tests) {
		t.Fatalf("MatchItems answered %d items, want %d", n, len(tests))
	}
	matches := map[ItemRef]ItemMatch{}
	for _, m := range got.Matches {
		matches[ItemRef{m.Item, m.Zone}] = m
	}
	unmatched := map[ItemRef]UnmatchedItem{}
	for _, u := range got.Unmatched {
		unmatched[ItemRef{u.Item, u.Zone}] = u
	}
	for _, tt := range tests {
		ref := ItemRef{tt.item, tt.zone}
		if tt.to != "" {
			m, ok := matches[ref]
			if !ok || m.To != tt.to || m.By != tt.by {
				t.Errorf("MatchItems(%s in %s) = %+v (unmatched: %q), want %s by %s", tt.item, tt.zone, m, unmatched[ref].Reason, tt.to, tt.by)
			}
			continue
		}
		u, ok := unmatched[ref]
		if !ok || !strings.Contains(u.Reason, tt.by) {
			t.Errorf("MatchItems(%s in %s) unmatched = %+v (matched: %+v), want a reason containing %q", tt.item, tt.zone, u, matches[ref], tt.by)
		}
	}
}

func TestMatchItems_ByIDAndServiceClass(t *testing.T) {
	seed, _ := contract.ShippedCatalog("seed-2018")
	list, _ := contract.ShippedCatalog("list-2026")
	got := MatchItems(seed, list, nil)
	if len(got.Matches) != 1 || got.Matches[0].To != "server/4core-8gb" || got.Matches[0].By != "id" || got.Matches[0].Zone != "tk1a" {
		t.Errorf("MatchItems(seed-2018, list-2026) = %+v, want server/4core-8gb in tk1a by id", got)
	}

	official, _, err := ImportOfficialPrices([]OfficialDocument{officialFixture(t, "sample-is1b.json", "is1b")}, "2026-11-23", nil)
	if err != nil {
		t.Fatal(err)
	}
	renamed := matchTestCatalog("renamed", Item{ID: "server/legacy-two", Kind: KindServer, Zone: "is1b", ServiceClass: "cloud/plan/2"})
	got = MatchItems(renamed, official, nil)
	if len(got.Matches) != 1 || got.Matches[0].To != "server/plan-2" || got.Matches[0].By != "serviceClass" {
		t.Errorf("MatchItems(renamed, official) = %+v, want server/plan-2 by serviceClass", got)
	}

	// Official to list: the SSD keeps its id; the legacy plan has no size to
	// go by; list-2026 sells no V100 in is1b.
	got = MatchItems(official, list, nil)
	if len(got.Matches) != 1 || got.Matches[0].To != "disk/ssd-100gb" {
		t.Errorf("MatchItems(official, list-2026).Matches = %+v, want disk/ssd-100gb", got.Matches)
	}
	if len(got.Unmatched) != 2 || got.Unmatched[0].Item != "server/plan-2" || got.Unmatched[1].Item != "server/gpu-4core-56gb-v100" {
		t.Errorf("MatchItems(official, list-2026).Unmatched = %+v, want server/plan-2 and the V100", got.Unmatched)
	}

	// The array fixture's items exist in list-2026 under the same ids, but
	// the H100, which list-2026 sells in is1a and is1b only, and the load
	// balancer, which it does not list.
	array, _, err := ImportOfficialPrices([]OfficialDocument{officialFixture(t, "array-tk1a.json", "tk1a")}, "2026-11-23", nil)
	if err != nil {
		t.Fatal(err)
	}
	got = MatchItems(array, list, nil)
	if len(got.Matches) != 5 || len(got.Unmatched) != 2 || got.Unmatched[0].Item != "server/gpu-24core-240gb-h100" ||
		got.Unmatched[1].Item != "appliance/loadbalancer-standard" {
		t.Errorf("MatchItems(array, list-2026) = %+v, want 5 matches by id, the H100 and the load balancer unmatched", got)
	}
	// And back: list-2026's tk1a items without a counterpart are listed, not dropped.
	got = MatchItems(list, array, []ItemRef{{"server/4core-8gb", "tk1a"}, {"server/8core-16gb", "tk1a"}})
	if len(got.Matches) != 1 || len(got.Unmatched) != 1 || got.Unmatched[0].Item != "server/8core-16gb" {
		t.Errorf("MatchItems(list-2026, array) = %+v, want server/4core-8gb matched and server/8core-16gb unmatched", got)
	}
}

func TestMatchItems_Ambiguous(t *testing.T) {
	from := matchTestCatalog("from", Item{ID: "server/c-4-8", Kind: KindServer, Zone: "is1a", Cores: 4, MemoryGB: 8})
	to := matchTestCatalog("to",
		Item{ID: "server/a-4-8", Kind: KindServer, Zone: "is1a", Cores: 4, MemoryGB: 8},
		Item{ID: "server/b-4-8", Kind: KindServer, Zone: "is1a", Cores: 4, MemoryGB: 8})
	got := MatchItems(from, to, nil)
	if len(got.Unmatched) != 1 || !strings.Contains(got.Unmatched[0].Reason, "server/a-4-8, server/b-4-8") {
		t.Errorf("MatchItems with two equal candidates = %+v, want unmatched naming both", got)
	}
	// Two candidates, one differing from the source only in its numbers: it wins.
	from = matchTestCatalog("from", Item{ID: "server/a-04-08", Kind: KindServer, Zone: "is1a", Cores: 4, MemoryGB: 8})
	got = MatchItems(from, to, nil)
	if len(got.Matches) != 1 || got.Matches[0].To != "server/a-4-8" {
		t.Errorf("MatchItems preferring the same family = %+v, want server/a-4-8", got)
	}
	if got := MatchItems(from, nil, nil); len(got.Unmatched) != 1 {
		t.Errorf("MatchItems(from, nil) = %+v, want the item unmatched", got)
	}
}
