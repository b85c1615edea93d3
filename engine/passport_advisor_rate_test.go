package engine

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// fleetGroup is a group made of resources: each resource is 1 to 60 copies
// of one server plan running from a random month to a random month of a 12 to
// 120 month horizon, some starting or ending part-way through a month (a
// lower fee that month), as scenarios of the page make them.
func fleetGroup(r *rand.Rand, resources int) adviceGroup {
	months := 12 + r.IntN(109)
	monthly := int64(2000 + r.IntN(10000))
	g := adviceGroup{fees: make([][]int64, months),
		perRight: [3]int64{monthly * 108 / 10, monthly * 48 / 10, monthly * 12 / 10}, available: [3]bool{true, true, true}}
	for range resources {
		copies := 1 + r.IntN(60)
		from, to := 0, months
		if r.IntN(2) == 0 {
			from = r.IntN(months)
		}
		if r.IntN(2) == 0 {
			to = from + 1 + r.IntN(months-from)
		}
		partial := r.IntN(3) == 0
		for m := from; m < to; m++ {
			fee := monthly
			if partial && (m == from || m == to-1) {
				fee = 1 + r.Int64N(monthly)
			}
			for range copies {
				g.fees[m] = append(g.fees[m], fee)
			}
		}
	}
	for m := range g.fees {
		slices.SortFunc(g.fees[m], func(a, b int64) int { return int(b - a) })
		g.cap = max(g.cap, len(g.fees[m]))
	}
	return g
}

// TestAdvisorProvenRate measures how many random fleets' best plans are
// proven, per number of resources in the group, and how long bestPlan takes
// (`go test ./engine -run TestAdvisorProvenRate -v`). The seed is fixed, so the
// figures compare from one change to the next; only a floor is asserted.
func TestAdvisorProvenRate(t *testing.T) {
	if testing.Short() {
		t.Skip("a measurement")
	}
	const cases = 40
	// Budgets count choices, not time, so these counts do not depend on load.
	floor := map[int]int{1: 40, 2: 30, 3: 16, 6: 8}
	for _, resources := range []int{1, 2, 3, 6} {
		r := rand.New(rand.NewPCG(uint64(resources), 1414))
		proven := 0
		var total, worst time.Duration
		for range cases {
			g := fleetGroup(r, resources)
			start := time.Now()
			p, ok := bestPlan(g)
			d := time.Since(start)
			total += d
			worst = max(worst, d)
			if ok {
				proven++
			}
			if c := planCost(g, p.lots); c != p.cost {
				t.Fatalf("bestPlan says %d, the plan costs %d", p.cost, c)
			}
		}
		t.Logf("%d resources: proven %d/%d (%d %%), mean %v, worst %v", resources, proven, cases, proven*100/cases, total/cases, worst)
		if proven < floor[resources] {
			t.Errorf("%d resources: proven %d of %d, below the %d measured", resources, proven, cases, floor[resources])
		}
	}
}

// TestCertify_equalsExactSearch checks the tie-break certificate against the
// plain exact search: given a plan as good as the best (the best itself, in
// the same cost and count of passports, so only the later tie-breaks are left
// to search) or a worse one (the heuristic's), certify returns, when it
// proves anything, the exact search's plan.
func TestCertify_equalsExactSearch(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 1414))
	certified := 0
	for i := range 60 {
		contracts := 3 + r.IntN(3)
		g := randomGroup(r, contracts, 1+r.IntN(24))
		if i%2 == 1 {
			g = uniformGroup(r, contracts, 1+r.IntN(36))
		}
		s := newPlanSearch(g, 300_000)
		want := s.from(0, nil, unlimited)
		if s.aborted {
			continue
		}
		for _, h := range []advicePlan{want, heuristicPlan(g)} {
			c := newPlanSearch(g, boundedBudget)
			if c.bound = newLagrangeBound(g, c.candidate); c.bound == nil {
				t.Fatalf("case %d: no bound", i)
			}
			got, ok := c.certify(h)
			if !ok {
				t.Logf("case %d cap %d months %d: not certified (steps %d, aborted %v)", i, g.cap, len(g.fees), c.steps, c.aborted)
				continue
			}
			certified++
			if got.cost != want.cost || !slices.Equal(got.lots, want.lots) {
				t.Errorf("case %d (cap %d, fees %v), given %v: certified %d %v, exact %d %v", i, g.cap, g.fees, h.lots, got.cost, got.lots, want.cost, want.lots)
			}
		}
	}
	if certified < 60 {
		t.Errorf("only %d certificates", certified)
	}
}

// TestCertify_hundredServers gives the certificate the hand-worked optimum of
// TestBestPlan_hundredServers: it costs what the bound says, and no plan as
// cheap has fewer than two passports or earlier purchases (that test's
// comment), so certify proves it and returns it unchanged.
func TestCertify_hundredServers(t *testing.T) {
	g := hundredServers()
	want := advicePlan{cost: -8056025, lots: []purchaseLot{{month: 0, term: 1, count: 100}, {month: 24, term: 0, count: 75}}}
	s := newPlanSearch(g, boundedBudget)
	s.bound = newLagrangeBound(g, s.candidate)
	got, ok := s.certify(want)
	if !ok || got.cost != want.cost || !slices.Equal(got.lots, want.lots) {
		t.Errorf("certify = %d %v proven %v, want %d %v proven", got.cost, got.lots, ok, want.cost, want.lots)
	}
}
