package engine

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// shrinkingThreeWay is a group of the 4-core plan of seed-2018 (9,504 a month;
// passport fees 102,643, 45,619 and 11,404 a right) over 65 months: 36
// servers all along, 31 for the first 53 months and 11 for the first 19.
func shrinkingThreeWay() adviceGroup {
	g := adviceGroup{fees: make([][]int64, 65), perRight: [3]int64{102643, 45619, 11404}, available: [3]bool{true, true, true}, cap: 78}
	for m := range g.fees {
		n := 36
		if m < 53 {
			n += 31
		}
		if m < 19 {
			n += 11
		}
		for range n {
			g.fees[m] = append(g.fees[m], 9504)
		}
	}
	return g
}

// TestAdvisorThorough checks that EffortThorough proves groups EffortQuick
// leaves unproven, at no higher cost. The hand-built group's plan is priced
// by hand (the search proves it best; nothing here can): 67 rights of 36
// months and 11 of 24 bought at once, then 36 of 36 months and 31 of 12 in
// month 36. Fees 67 × 102,643 + 11 × 45,619 + 36 × 102,643 + 31 × 11,404 =
// 11,427,562. Discounts (4,752 at 50 %, 3,327 at 35 %, 1,901 at 20 %):
// months 0–18, 78 servers: 67 × 4,752 + 11 × 3,327 = 354,981, × 19 =
// 6,744,639; months 19–35, 67 servers: 67 × 4,752 × 17 = 5,412,528; months
// 36–47: 36 × 4,752 + 31 × 1,901 = 230,003, × 12 = 2,760,036; months 48–64:
// 36 × 4,752 × 17 = 2,908,224. In all 17,825,427, so the plan costs
// −6,397,865. The two random fleets (TestAdvisorProvenRate's 2-resource fleet
// 22 and 3-resource fleet 8) have a plan at the bound's cost that the quick
// budget cannot prove (TestAdvisorUnproven: 0.30 and 0.16 million choices).
func TestAdvisorThorough(t *testing.T) {
	fleet := func(resources, index int) adviceGroup {
		r := rand.New(rand.NewPCG(uint64(resources), 1414))
		for range index {
			fleetGroup(r, resources)
		}
		return fleetGroup(r, resources)
	}
	cases := []struct {
		name string
		g    adviceGroup
		want *advicePlan
	}{
		{"shrinking three ways", shrinkingThreeWay(), &advicePlan{cost: -6397865,
			lots: []purchaseLot{{0, 0, 67}, {0, 1, 11}, {36, 0, 36}, {36, 2, 31}}}},
		{"2 resources, fleet 22", fleet(2, 22), nil},
		{"3 resources, fleet 8", fleet(3, 8), nil},
	}
	for _, c := range cases {
		quick, quickProven := bestPlan(c.g)
		got, proven := bestPlanWith(c.g, EffortThorough)
		if quickProven {
			t.Errorf("%s: proven with the quick budget; pick a fleet it leaves unproven", c.name)
		}
		if !proven {
			t.Errorf("%s: not proven with the thorough budget", c.name)
			continue
		}
		if priced := planCostOf(c.g, got.lots); priced != got.cost || got.cost > quick.cost {
			t.Errorf("%s: thorough plan says %d, priced %d; quick plan %d", c.name, got.cost, priced, quick.cost)
		}
		if c.want != nil && (got.cost != c.want.cost || !slices.Equal(got.lots, c.want.lots)) {
			t.Errorf("%s: thorough plan %d %v, want %d %v", c.name, got.cost, got.lots, c.want.cost, c.want.lots)
		}
		if c.want == nil {
			// These plans cost what the bound says.
			s := newPlanSearch(c.g, 1)
			s.bound = newLagrangeBound(c.g, s.candidate)
			if root := ceilDiv(s.bound.suffix(0, nil, c.g.cap), s.bound.q); got.cost != root {
				t.Errorf("%s: thorough plan costs %d, the bound %d", c.name, got.cost, root)
			}
		}
	}
}
