package engine

import (
	"math/rand/v2"
	"testing"
)

// TestBuy_cutCountsAreCut checks the rule by which buy skips counts (cutCounts)
// against the test it stands for: from random states of random fleets (lots
// held from earlier candidate months, one term bought now, up to two purchases
// left, floor set or not, limits around the bound), every count the rule
// would skip after any count cut by tooFew, given any earlier count evaluated,
// is cut by tooFew too. It also checks the lemma the rule rests on: the
// convex part of the bound for few purchases has no negative second
// difference in the count.
func TestBuy_cutCountsAreCut(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 55))
	skipped, mixed := 0, 0
	for i := range 400 {
		var g adviceGroup
		if i%2 == 0 {
			g = smallFleet(r, 1+r.IntN(3), 12, 1+r.IntN(60))
		} else {
			g = fleetGroup(r, 1+r.IntN(3))
		}
		if g.cap == 0 {
			continue
		}
		s := newPlanSearch(g, 1<<40)
		if s.bound = newLagrangeBound(g, s.candidate); s.bound == nil {
			t.Fatalf("case %d: no bound", i)
		}
		q := s.bound.q
		var m int
		for m = r.IntN(len(g.fees)); !s.candidate[m]; m-- {
		}
		// Up to two lots bought at earlier candidate months, still valid at m.
		var lots []heldLot
		free := g.cap
		for range r.IntN(3) {
			tt, p := r.IntN(3), r.IntN(m+1)
			for !s.candidate[p] {
				p--
			}
			if end := p + adviceTerms[tt].months; p < m && end > m && free > 0 {
				c := 1 + r.IntN(free)
				lots = append(lots, heldLot{term: tt, end: end, count: c})
				free -= c
			}
		}
		term := r.IntN(3)
		if free < 2 {
			continue
		}
		s.floorCost = r.IntN(2) == 0
		base := ceilDiv(s.bound.suffix(m, lots, g.cap), q)
		within := allowance{cost: base + r.Int64N(6*g.perRight[0]) - 2*g.perRight[0], lots: 1 + r.IntN(3)}
		cut := make([]bool, free+1)
		convex := make([]int64, free+1)
		margin := make([]int64, free+1)
		someCut, someNot := false, false
		for x := 1; x <= free; x++ {
			fee := int64(x) * g.perRight[term]
			inner := within.bought(purchaseLot{month: m, term: term, count: x}, fee)
			cut[x] = s.tooFew(m, term+1, s.withLot(lots, m, term, x), inner)
			convex[x] = s.bound.noMore + fee*q
			margin[x] = s.lastFew - inner.cost*q
			someCut, someNot = someCut || cut[x], someNot || !cut[x]
		}
		if someCut && someNot {
			mixed++
		}
		for x := 2; x < free; x++ {
			if d2 := convex[x+1] - 2*convex[x] + convex[x-1]; d2 < 0 {
				t.Fatalf("case %d: the convex part at counts %d…%d is %v, second difference %d", i, x-1, x+1, convex[x-1:x+2], d2)
			}
		}
		for x := 2; x <= free; x++ {
			if !cut[x] {
				continue
			}
			for last := 1; last < x; last++ {
				k := s.cutCounts(x, last, convex[x], convex[last], margin[x], free-x)
				for y := x + 1; y <= x+k; y++ {
					if !cut[y] {
						t.Fatalf("case %d (cap %d, term %d, held %v, within %v): cut at %d, evaluated at %d, skips to %d, but %d is not cut", i, g.cap, term, lots, within, x, last, x+k, y)
					}
					skipped++
				}
			}
		}
	}
	t.Logf("%d skipped counts checked, %d states with counts cut and not", skipped, mixed)
	if skipped < 10000 || mixed < 50 {
		t.Errorf("only %d skipped counts, %d mixed states", skipped, mixed)
	}
}
