package engine

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// equalsExactSearch compares got, case i's plan from a faster search, with
// the plain exact search given budget choices; false when that search ran out
// (nothing compared).
func equalsExactSearch(t *testing.T, i int, g adviceGroup, got advicePlan, budget int, name string) bool {
	t.Helper()
	s := newPlanSearch(g, budget)
	want := s.from(0, nil, unlimited)
	if s.aborted {
		return false
	}
	if got.cost != want.cost || !slices.Equal(got.lots, want.lots) {
		t.Errorf("case %d (cap %d, fees %v): %s %d %v, exact %d %v", i, g.cap, g.fees, name, got.cost, got.lots, want.cost, want.lots)
	}
	return true
}

// randomLot buys, in month m, a random count of term's rights that fits
// under the group's largest count in every month it covers (held counts the
// rights already bought); false when no right fits.
func randomLot(r *rand.Rand, g adviceGroup, held []int, m, term int) (purchaseLot, bool) {
	end := min(m+adviceTerms[term].months, len(g.fees))
	room := g.cap
	for k := m; k < end; k++ {
		room = min(room, g.cap-held[k])
	}
	if room == 0 {
		return purchaseLot{}, false
	}
	x := 1 + r.IntN(room)
	for k := m; k < end; k++ {
		held[k] += x
	}
	return purchaseLot{month: m, term: term, count: x}, true
}
