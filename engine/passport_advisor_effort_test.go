package engine

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// shrinkingThreeWay is a group of the 4-core plan of seed-2018 (9,504 a month;
// passport fees 102,643, 45,619 and 11,404 a right) over 60 months: 36
// servers all along, 31 for the first 53 months and 11 for the first 19.
func shrinkingThreeWay() adviceGroup {
	g := adviceGroup{fees: make([][]int64, 60), perRight: [3]int64{102643, 45619, 11404}, available: [3]bool{true, true, true}, cap: 78}
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
// by hand (the search proves it best; nothing here can): 47 rights of 24
// months and 31 of 12 bought at once, 31 of 36 months in month 12 and 36 of
// 36 months in month 24. Fees 47 × 45,619 + 31 × 11,404 + 31 × 102,643 + 36
// × 102,643 = 9,374,698. Discounts (4,752 at 50 %, 3,327 at 35 %, 1,901 at
// 20 %): months 0–11, 78 servers: 47 × 3,327 + 31 × 1,901 = 215,300, × 12 =
// 2,583,600; months 12–18: 31 × 4,752 + 47 × 3,327 = 303,681, × 7 =
// 2,125,767; months 19–23, 67 servers: 31 × 4,752 + 36 × 3,327 = 267,084, × 5
// = 1,335,420; months 24–47: 67 × 4,752 × 24 = 7,641,216; months 48–59: 36 ×
// 4,752 × 12 = 2,052,864. In all 15,738,867, so the plan costs −6,364,169.
// The two random fleets (TestAdvisorProvenRate's 2-resource fleet 22 and
// 3-resource fleet 8) have a plan at the bound's cost that the quick budget
// cannot prove (TestAdvisorUnproven: 0.30 and 0.16 million choices).
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
		{"shrinking three ways", shrinkingThreeWay(), &advicePlan{cost: -6364169,
			lots: []purchaseLot{{0, 1, 47}, {0, 2, 31}, {12, 0, 31}, {24, 0, 36}}}},
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
