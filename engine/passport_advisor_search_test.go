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

// hundredServers is issue 14's large case: 100 always-on servers of seed
// 002's 4-core plan (monthly 9,504) in one zone over 60 months, 25 of them
// leaving after month 18.
func hundredServers() adviceGroup {
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
	return g
}

// TestBestPlan_hundredServers checks the large case against its optimum,
// worked by hand, and the search's time.
//
// One right discounts a month by 4,752 (50 %), 3,327 (35 %) or 1,901 (20 %)
// (9,504 − floor(9,504 × kept)) and costs 102,643 (36), 45,619 (24) or
// 11,404 (12). The plan: 100 rights of 24 months in month 0, then 75 of 36
// months in month 24. Discounts: months 0–17, 100 × 18 × 3,327 = 5,988,600;
// months 18–23, 75 × 6 × 3,327 = 1,497,150 (25 rights find no server);
// months 24–59, 75 × 36 × 4,752 = 12,830,400. Fees: 100 × 45,619 + 75 ×
// 102,643 = 12,260,125. Cost: 12,260,125 − 20,316,150 = −8,056,025.
//
// No plan costs less (passport_advisor_bound.go's bound, by hand). The
// candidate months are 0, 6, 12, … (the residues of the start, the end and the
// change at 18), so the blocks are 6 months. Multipliers ν: 0 for the blocks
// at 0, 6, 12 (100 servers: nothing to price); 19,962 at 18; 17,100 at 24 and
// 30; 11,409 at 36, 42, 48; 2 at 54. A right's gain in a block is 6 × its
// monthly discount − ν, if positive (36 / 24 / 12): blocks 0–12 28,512 /
// 19,962 / 11,406; 18: 8,550 / 0 / 0; 24, 30: 11,412 / 2,862 / 0; 36–48:
// 17,103 / 8,553 / 0; 54: 28,510 / 19,960 / 11,404. Cheapest path of one
// unit to the end, backwards (a right: fee − gains + the path from where it
// ends): from 54 and 48, 0 (a 12 gains at most 11,404, its fee); from 42, 0
// (a 24 gains 2 × 8,553 + 19,960 < 45,619); from 36, 0 (a 24 gains 3 × 8,553 +
// 19,960 = 45,619: 0; a 36, 79,819 < 102,643); from 30, 0 (a 36 gains 91,231);
// from 24, 0 (a 36 gains 2 × 11,412 + 3 × 17,103 + 28,510 = 102,643: 0); from
// 18, 0 (a 36 gains 82,683); from 12, −2 (a 12 gains 11,406); from 6,
// −11,408 (a 12 gains 22,812; a 36, 105,501 − 102,643 = 2,858 only); from 0,
// −14,267 (a 24 gains 59,886 − 45,619 = 14,267, then 0 from 24; a 36 gains
// 85,536 + 8,550 + 22,824 = 116,910, 14,267 more than its fee, then 0 from
// 36; a 12 only −11,410). So every plan costs at least 100 × (−14,267) − 75 ×
// Σν = −1,426,700 − 75 × 88,391 = −8,056,025: the plan above is optimal.
//
// Tie-breaks: one purchase of k rights saves at most k × (36 × 4,752 −
// 102,643) = k × 68,429 ≤ 6,842,900, so an optimal plan has two passports at
// least. In any optimal plan every unit follows a cheapest path, so every
// unit buys in month 0 (idling there costs −11,408 at best), and a second
// purchase can only be a 36 at 24, a 24 at 36 or a 12 at 48 or 54: with two
// passports, the earliest second purchase is the 36 at 24, its units having
// held 24-month rights, so the first purchase is 100 × 24 at 0; and the 36 at
// 24 must be 75 rights (each one fewer loses 68,429, each one more finds no
// server).
func TestBestPlan_hundredServers(t *testing.T) {
	g := hundredServers()
	nu := [][]lpRat{{{0, 1}}, {{0, 1}}, {{0, 1}}, {{19962, 1}}, {{17100, 1}}, {{17100, 1}},
		{{11409, 1}}, {{11409, 1}}, {{11409, 1}}, {{2, 1}}}
	lb := lagrangeBoundWith(g, purchaseMonths(g.fees), nu)
	if got := lb.spFrom[0]; got != -14267*lb.q {
		t.Errorf("cheapest path with the hand multipliers = %d/%d, want -14267", got, lb.q)
	}
	if got := lb.suffix(0, nil, g.cap); got != -8056025*lb.q {
		t.Errorf("bound with the hand multipliers = %d/%d, want -8056025", got, lb.q)
	}
	start := time.Now()
	p, proven := bestPlan(g)
	t.Logf("100 servers × 60 months: %v natively", time.Since(start))
	want := []purchaseLot{{month: 0, term: 1, count: 100}, {month: 24, term: 0, count: 75}}
	if p.cost != -8056025 || !slices.Equal(p.lots, want) || !proven {
		t.Errorf("bestPlan = %d %v proven %v, want -8056025 %v proven", p.cost, p.lots, proven, want)
	}
}

// TestBoundedPlan_equalsExactSearch checks the bounded search (what groups
// past exactCapLimit get) against the plain exact search, given a budget large
// enough, on random fleets of 3 to 12 contracts over up to 36 months: some
// with one fee per month (whole months of one plan), some with mixed fees
// (partial months), where rounding makes the month's discount lose its
// regular shape.
func TestBoundedPlan_equalsExactSearch(t *testing.T) {
	r := rand.New(rand.NewPCG(2026, 14))
	compared, proven := 0, 0
	const cases = 60
	for i := range cases {
		contracts := 3 + r.IntN(10)
		months := 1 + r.IntN(36)
		switch {
		case contracts > 8:
			months = 1 + r.IntN(12)
		case contracts > 5:
			months = 1 + r.IntN(20)
		}
		g := randomGroup(r, contracts, months)
		if i%2 == 1 {
			g = uniformGroup(r, contracts, months)
		}
		got, ok := boundedPlan(g, min(heuristicPlan(g).cost, 0))
		if !ok {
			continue
		}
		proven++
		if c := planCost(g, got.lots); c != got.cost {
			t.Fatalf("case %d: boundedPlan says %d, the plan costs %d", i, got.cost, c)
		}
		if equalsExactSearch(t, i, g, got, 300_000, "bounded") {
			compared++
		}
	}
	if proven < cases*9/10 || compared < cases/3 {
		t.Errorf("proven %d and compared %d of %d cases", proven, compared, cases)
	}
}

// TestLagrangeBound_belowEveryPlan checks weak duality as implemented: on
// random fleets, random plans buying in candidate months never cost less
// than the bound says.
func TestLagrangeBound_belowEveryPlan(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 14))
	for i := range 200 {
		g := randomGroup(r, 1+r.IntN(12), 1+r.IntN(48))
		if i%2 == 1 {
			g = uniformGroup(r, 1+r.IntN(12), 1+r.IntN(48))
		}
		candidate := purchaseMonths(g.fees)
		lb := newLagrangeBound(g, candidate)
		for range 20 {
			held := make([]int, len(g.fees))
			var lots []purchaseLot
			for m, ok := range candidate {
				if !ok || r.IntN(3) > 0 {
					continue
				}
				if lot, fits := randomLot(r, g, held, m, r.IntN(3)); fits {
					lots = append(lots, lot)
				}
			}
			if c, b := planCost(g, lots), lb.suffix(0, nil, g.cap); c*lb.q < b {
				t.Fatalf("case %d: plan %v costs %d, below the bound %d/%d", i, lots, c, b, lb.q)
			}
		}
	}
}

// uniformGroup is a fleet of whole-month servers of one plan, each running
// from a random month to a random month: one fee in every month.
func uniformGroup(r *rand.Rand, contracts, months int) adviceGroup {
	monthly := int64(2000 + r.IntN(10000))
	g := adviceGroup{fees: make([][]int64, months),
		perRight: [3]int64{monthly * 108 / 10, monthly * 48 / 10, monthly * 12 / 10}, available: [3]bool{true, true, true}}
	for range contracts {
		from, to := 0, months
		if r.IntN(2) == 0 {
			from = r.IntN(months)
		}
		if r.IntN(2) == 0 {
			to = from + 1 + r.IntN(months-from)
		}
		for m := from; m < to; m++ {
			g.fees[m] = append(g.fees[m], monthly)
		}
	}
	for m := range g.fees {
		g.cap = max(g.cap, len(g.fees[m]))
	}
	return g
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

// TestBestPlan_fortyThenThirtyTwo is a fleet the search could not prove
// before the bound for few purchases and the tie-breaks as allowances (it
// answered "proven": false after 350,000 choices): 40 servers of monthly
// 11,285 for months 0–24, 32 of them on to month 75, over 114 months.
//
// Worked by hand: a right discounts a month by 5,643 (50 %: 11,285 −
// floor(11,285 × 0.5)) or 3,950 (35 %: 11,285 − 7,335) and costs 121,878 (36
// months, floor(11,285 × 10.8)) or 54,168 (24 months, × 4.8). The plan: 32 ×
// 36 and 8 × 24 in month 0, 32 × 36 in month 36. Fees: 64 × 121,878 + 8 ×
// 54,168 = 8,233,536. Discounts: months 0–23, 24 × (32 × 5,643 + 8 × 3,950) =
// 5,092,224; month 24, 32 × 5,643 = 180,576; months 25–35, 11 × 180,576 =
// 1,986,336; months 36–71, 36 × 180,576 = 6,500,736; in all 13,759,872. Cost:
// −5,526,336, which is the Lagrangian bound (valid for every plan,
// TestLagrangeBound_belowEveryPlan), so no plan is cheaper. That it wins the
// tie-breaks is the search's proof, checked on small fleets against the plain
// search (TestBoundedBestPlan_equalsExactSearch).
func TestBestPlan_fortyThenThirtyTwo(t *testing.T) {
	g := adviceGroup{fees: make([][]int64, 114), cap: 40, perRight: [3]int64{121878, 54168, 13542}, available: [3]bool{true, true, true}}
	for m := range g.fees {
		n := 0
		switch {
		case m < 25:
			n = 40
		case m < 76:
			n = 32
		}
		for range n {
			g.fees[m] = append(g.fees[m], 11285)
		}
	}
	want := []purchaseLot{{month: 0, term: 0, count: 32}, {month: 0, term: 1, count: 8}, {month: 36, term: 0, count: 32}}
	if c := planCost(g, want); c != -5526336 {
		t.Fatalf("the hand-worked plan costs %d by the rules, want -5526336", c)
	}
	lb := newLagrangeBound(g, purchaseMonths(g.fees))
	if got := ceilDiv(lb.suffix(0, nil, g.cap), lb.q); got != -5526336 {
		t.Errorf("bound = %d, want -5526336", got)
	}
	start := time.Now()
	p, proven := bestPlan(g)
	t.Logf("40 then 32 servers × 114 months: %v natively", time.Since(start))
	if p.cost != -5526336 || !slices.Equal(p.lots, want) || !proven {
		t.Errorf("bestPlan = %d %v proven %v, want -5526336 %v proven", p.cost, p.lots, proven, want)
	}
}
