package engine

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// planCost prices a plan the way R5.4 and R5.5 say, directly: each month, the
// valid rights sorted by rate take the fees sorted dearest first. It shares
// nothing with the search but discountedFee.
func planCost(g adviceGroup, lots []purchaseLot) int64 {
	var cost int64
	for _, l := range lots {
		cost += int64(l.count) * g.perRight[l.term]
	}
	for m, fees := range g.fees {
		var kept []int64 // percent left by each valid right, best first
		for _, l := range lots {
			if m >= l.month && m < l.month+adviceTerms[l.term].months {
				for range l.count {
					kept = append(kept, adviceTerms[l.term].kept)
				}
			}
		}
		slices.Sort(kept)
		for i, f := range fees {
			if i == len(kept) {
				break
			}
			cost -= f - discountedFee(YenFromInt(f), kept[i]).n
		}
	}
	return cost
}

// bruteForce tries every set of purchases: in every month, every count of
// every term that keeps the rights held within the cap.
func bruteForce(g adviceGroup) advicePlan {
	h := len(g.fees)
	best := advicePlan{cost: 0}
	var lots []purchaseLot
	held := make([]int, h)
	var walk func(m, t int)
	walk = func(m, t int) {
		if m == h {
			p := advicePlan{cost: planCost(g, lots), lots: slices.Clone(lots)}
			if p.better(best) {
				best = p
			}
			return
		}
		if t == len(adviceTerms) {
			walk(m+1, 0)
			return
		}
		walk(m, t+1)
		end := min(m+adviceTerms[t].months, h)
		for x := 1; g.available[t] && held[m]+x <= g.cap; x++ {
			for i := m; i < end; i++ {
				held[i] += x
			}
			lots = append(lots, purchaseLot{month: m, term: t, count: x})
			walk(m, t+1)
			lots = lots[:len(lots)-1]
			for i := m; i < end; i++ {
				held[i] -= x
			}
		}
	}
	walk(0, 0)
	return best
}

// randomGroup is a fleet of up to contracts servers of one plan over months
// months, each running in random stretches with a few distinct fees, so that
// ties and sorting both matter.
func randomGroup(r *rand.Rand, contracts, months int) adviceGroup {
	monthly := int64(2000 + r.IntN(10000))
	g := adviceGroup{fees: make([][]int64, months), cap: 0,
		perRight: [3]int64{monthly * 108 / 10, monthly * 48 / 10, monthly * 12 / 10}, available: [3]bool{true, true, true}}
	for m := range g.fees {
		for range contracts {
			switch r.IntN(5) {
			case 0:
			case 1:
				g.fees[m] = append(g.fees[m], 1+r.Int64N(monthly))
			default:
				g.fees[m] = append(g.fees[m], monthly)
			}
		}
		slices.SortFunc(g.fees[m], func(a, b int64) int { return int(b - a) })
		g.cap = max(g.cap, len(g.fees[m]))
	}
	return g
}

func TestBestPlan_equalsBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 2026))
	for i := range 300 {
		contracts := 1 + i%2
		months := 1 + r.IntN(24)
		if contracts == 2 {
			months = 1 + r.IntN(24)
		}
		g := randomGroup(r, contracts, months)
		got, proven := bestPlan(g)
		want := bruteForce(g)
		if got.cost != want.cost || !slices.Equal(got.lots, want.lots) {
			t.Fatalf("case %d (fees %v): bestPlan = %d %v, brute force %d %v", i, g.fees, got.cost, got.lots, want.cost, want.lots)
		}
		if !proven {
			t.Fatalf("case %d: a search this small must be exact", i)
		}
		if c := planCost(g, got.lots); c != got.cost {
			t.Fatalf("case %d: bestPlan says %d, the plan costs %d", i, got.cost, c)
		}
	}
}

func TestBestPlan_hundredServers(t *testing.T) {
	g := adviceGroup{fees: make([][]int64, 60), cap: 100, perRight: [3]int64{102643, 45619, 11404}, available: [3]bool{true, true, true}}
	for m := range g.fees {
		n := 100
		if m >= 18 {
			n = 75
		}
		for range n {
			g.fees[m] = append(g.fees[m], 9504)
		}
	}
	start := time.Now()
	p, proven := bestPlan(g)
	t.Logf("%v %d %v %v", time.Since(start), p.cost, p.lots, proven)
}

// TestBestPlan_scaledEqualsExact checks what the scaled search relies on: on
// fleets whose contracts come in identical pairs, the exact search of the
// whole fleet costs exactly twice the exact search of half of it.
func TestBestPlan_scaledEqualsExact(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	compared := 0
	for i := range 120 {
		months := 6 + r.IntN(16)
		half := randomGroup(r, 1+r.IntN(2), months)
		whole := adviceGroup{fees: make([][]int64, months), cap: half.cap * 2, perRight: half.perRight, available: half.available}
		for m, fees := range half.fees {
			for _, f := range fees {
				whole.fees[m] = append(whole.fees[m], f, f)
			}
		}
		exact, ok := exactPlan(whole)
		if !ok {
			continue
		}
		compared++
		small, _ := exactPlan(half)
		if exact.cost != 2*small.cost {
			t.Errorf("case %d (fees %v): whole fleet %d %v, twice the half %d %v", i, half.fees, exact.cost, exact.lots, 2*small.cost, small.lots)
		}
	}
	if compared < 60 {
		t.Errorf("only %d of 120 cases were small enough to compare", compared)
	}
}
