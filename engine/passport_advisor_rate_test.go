package engine

import (
	"math/rand/v2"
	"os"
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
	return randomFleet(r, resources, 60, months)
}

// TestAdvisorProvenRate measures how many random fleets' best plans are
// proven, per number of resources in the group, and how long bestPlan takes
// (`go test ./engine -run TestAdvisorProvenRate -v`; with ADVISOR_THOROUGH=1,
// EffortThorough's too, a minute or two more). The seed is fixed, so the
// figures compare from one change to the next; only a floor is asserted.
func TestAdvisorProvenRate(t *testing.T) {
	if testing.Short() {
		t.Skip("a measurement")
	}
	const cases = 40
	// Budgets count choices, not time, so these counts do not depend on load.
	floors := map[AdviceEffort]map[int]int{
		EffortQuick:    {1: 40, 2: 37, 3: 30, 6: 20},
		EffortThorough: {1: 40, 2: 40, 3: 36, 6: 22},
	}
	efforts := []AdviceEffort{EffortQuick}
	if os.Getenv("ADVISOR_THOROUGH") != "" {
		efforts = append(efforts, EffortThorough)
	}
	for _, effort := range efforts {
		floor := floors[effort]
		for _, resources := range []int{1, 2, 3, 6} {
			provenRate(t, effort, resources, cases, floor[resources])
		}
	}
}

// provenRate is one row of TestAdvisorProvenRate.
func provenRate(t *testing.T, effort AdviceEffort, resources, cases, floor int) {
	r := rand.New(rand.NewPCG(uint64(resources), 1414))
	proven := 0
	var total, worst time.Duration
	for range cases {
		g := fleetGroup(r, resources)
		start := time.Now()
		p, ok := bestPlanWith(g, effort)
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
	t.Logf("%s, %d resources: proven %d/%d (%d %%), mean %v, worst %v", effort, resources, proven, cases, proven*100/cases, total/time.Duration(cases), worst)
	if proven < floor {
		t.Errorf("%s, %d resources: proven %d of %d, below the %d measured", effort, resources, proven, cases, floor)
	}
}

// TestDeepen_equalsExactSearch checks the search by count of passports
// against the plain exact search: at the bound's cost (as bestPlan runs it),
// at the best plan's own cost and count (only the later tie-breaks left to
// search), and at the cost and count of the heuristic's plan. Whenever it
// proves a plan, it is the exact search's.
func TestDeepen_equalsExactSearch(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 1414))
	proved := 0
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
		c := newPlanSearch(g, rootBudget)
		if c.bound = newLagrangeBound(g, c.candidate); c.bound == nil {
			t.Fatalf("case %d: no bound", i)
		}
		root := ceilDiv(c.bound.suffix(0, nil, g.cap), c.bound.q)
		h := heuristicPlan(g)
		for _, limit := range []struct {
			cost int64
			lots int
		}{{root, c.mostLots()}, {want.cost, len(want.lots)}, {h.cost, len(h.lots)}} {
			got, ok := c.deepen(limit.cost, limit.lots)
			if !ok {
				continue
			}
			proved++
			if got.cost != want.cost || !slices.Equal(got.lots, want.lots) {
				t.Errorf("case %d (cap %d, fees %v), limit %v: deepen %d %v, exact %d %v", i, g.cap, g.fees, limit, got.cost, got.lots, want.cost, want.lots)
			}
		}
	}
	if proved < 60 {
		t.Errorf("only %d proofs", proved)
	}
}

// TestBestPlan_largeEqualsExactSearch checks bestPlan itself on groups past
// exactCapLimit (so it goes through the bound) against the plain exact search
// given a budget large enough.
func TestBestPlan_largeEqualsExactSearch(t *testing.T) {
	r := rand.New(rand.NewPCG(1414, 14))
	compared := 0
	for i := range 40 {
		contracts := exactCapLimit + 1 + r.IntN(4)
		g := uniformGroup(r, contracts, 1+r.IntN(14))
		if i%2 == 1 {
			g = randomGroup(r, contracts, 1+r.IntN(8))
		}
		if g.cap <= exactCapLimit {
			continue
		}
		got, ok := bestPlan(g)
		if !ok {
			continue
		}
		if equalsExactSearch(t, i, g, got, 2_000_000, "bestPlan") {
			compared++
		}
	}
	if compared < 10 {
		t.Errorf("only %d compared", compared)
	}
}

// TestDeepen_hundredServers gives the search by count of passports the
// hand-worked optimum of TestBestPlan_hundredServers: it costs what the bound
// says, and no plan as cheap has fewer than two passports or earlier
// purchases (that test's comment), so deepen proves it and returns it.
func TestDeepen_hundredServers(t *testing.T) {
	g := hundredServers()
	want := advicePlan{cost: -8056025, lots: []purchaseLot{{month: 0, term: 1, count: 100}, {month: 24, term: 0, count: 75}}}
	s := newPlanSearch(g, rootBudget)
	s.bound = newLagrangeBound(g, s.candidate)
	got, ok := s.deepen(want.cost, len(want.lots))
	if !ok || got.cost != want.cost || !slices.Equal(got.lots, want.lots) {
		t.Errorf("deepen = %d %v proven %v, want %d %v proven", got.cost, got.lots, ok, want.cost, want.lots)
	}
	// With one passport at most, nothing costs as little.
	if _, ok := s.deepen(want.cost, 1); ok {
		t.Errorf("deepen found a plan of cost %d with one passport", want.cost)
	}
}

// TestBoundedBestPlan_equalsExactSearch runs the large groups' search
// (bounds, passports counted first, tie-breaks as allowances, the bound for
// few purchases left) on small fleets, where the plain exact search can be
// run to the end, and checks that whatever it proves is the exact search's
// plan, tie-breaks included: fleets of one to three resources of several
// copies (so equal-cost plans abound), whole and part months.
func TestBoundedBestPlan_equalsExactSearch(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 4))
	compared, proven := 0, 0
	for i := range 300 {
		g := smallFleet(r, 1+r.IntN(3), 7, 1+r.IntN(40))
		if g.cap == 0 {
			continue
		}
		got, ok := boundedBestPlan(g)
		if c := planCost(g, got.lots); c != got.cost {
			t.Fatalf("case %d: the plan says %d, it costs %d", i, got.cost, c)
		}
		if !ok {
			continue
		}
		proven++
		if equalsExactSearch(t, i, g, got, 400_000, "bounded") {
			compared++
		}
	}
	t.Logf("proven %d, compared %d of 300", proven, compared)
	if compared < 200 {
		t.Errorf("only %d compared", compared)
	}
}

// smallFleet is fleetGroup on a small scale: resources of 1 to most/resources
// copies over months months.
func smallFleet(r *rand.Rand, resources, most, months int) adviceGroup {
	return randomFleet(r, resources, max(1, most/resources), months)
}

// randomFleet is a group of resources, each 1 to copies copies of one plan
// from a random month to a random month of months, some starting or ending
// part-way through a month.
func randomFleet(r *rand.Rand, resources, copies, months int) adviceGroup {
	monthly := int64(2000 + r.IntN(10000))
	g := adviceGroup{fees: make([][]int64, months),
		perRight: [3]int64{monthly * 108 / 10, monthly * 48 / 10, monthly * 12 / 10}, available: [3]bool{true, true, true}}
	for range resources {
		n := 1 + r.IntN(copies)
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
			for range n {
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
