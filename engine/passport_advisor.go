package engine

import (
	"slices"
)

// PassportAdvice answers "which passports should I buy" for a scenario
// (issue 14): per passport-eligible plan and zone, the simple options, and
// the cheapest purchase plan of all.
type PassportAdvice struct {
	Groups []PassportAdviceGroup
	Best   PassportPlan
}

// PassportAdviceGroup is one eligible plan in one zone of the scenario.
type PassportAdviceGroup struct {
	Item string
	Zone string
	// Contracts are the group's contracts with a fee in each month of the
	// horizon, as R5.4 counts them: a server re-created counts again.
	Contracts []MonthContracts
	// Options are: none, then a 12-, 24- and 36-month passport bought in the
	// horizon's first month for the group's largest monthly count.
	Options []PassportOption
}

// MonthContracts is a month's count of contracts in a group.
type MonthContracts struct {
	Month Month
	Count int
}

// PassportOption is one simple choice and what the scenario costs with it
// (the other groups without passports).
type PassportOption struct {
	Term      int // 0 for none
	Count     int
	Purchased Month
	Fee       Yen
	Total     Yen
	// Saving is the total without passports minus Total.
	Saving    Yen
	BreakEven *Month
}

// PassportPlan is a set of purchases and the scenario's total with it.
type PassportPlan struct {
	Passports        []PlannedPassport
	Total            Yen
	WithoutPassports Yen
	Saving           Yen
	// Proven is true when the search that found the plan finished, so the
	// plan is the best of the space (ties broken as issue 14 says); false only
	// for a group whose search ran past its budget (see bestPlan).
	Proven bool
}

// PlannedPassport is one purchase of a plan.
type PlannedPassport struct {
	Item      string
	Zone      string
	Term      int
	Count     int
	Purchased Month
}

// AdvisePassports finds, for the scenario with its own passports set aside,
// the purchase plan with the lowest total over the horizon (see
// passport_advisor_search.go for the space searched and why the answer is
// exact) and prices the simple options beside it.
//
// AdvisePassports returns an error if the scenario is not one Estimate
// accepts.
func AdvisePassports(s Scenario) (PassportAdvice, error) {
	return AdvisePassportsWith(s, EffortQuick)
}

// AdviceEffort is how long the advisor may search before it answers a plan
// not proven best (PassportPlan.Proven false).
type AdviceEffort uint8

const (
	// EffortQuick answers within the page's time: a large group's search
	// stops after 150,000 choices (a few hundred milliseconds at most
	// natively).
	EffortQuick AdviceEffort = iota
	// EffortThorough gives every search twelve times the choices: it proves
	// most groups EffortQuick leaves unproven whose best plan costs what the
	// bound says, and may find a cheaper plan for the others, in seconds
	// (TestAdvisorThorough).
	EffortThorough
)

// String is the effort's name in requests: "quick" or "thorough".
func (e AdviceEffort) String() string {
	if e == EffortThorough {
		return "thorough"
	}
	return "quick"
}

// factor multiplies the searches' budgets of choices.
func (e AdviceEffort) factor() int {
	if e == EffortThorough {
		return 12
	}
	return 1
}

// AdvisePassportsWith is AdvisePassports searching with the given effort.
func AdvisePassportsWith(s Scenario, effort AdviceEffort) (PassportAdvice, error) {
	s.Passports = nil
	without, err := Estimate(s)
	if err != nil {
		return PassportAdvice{}, err
	}
	withoutTotal := horizonTotal(without)
	groups := adviceGroupsOf(s)
	advice := PassportAdvice{Groups: make([]PassportAdviceGroup, len(groups)),
		Best: PassportPlan{Passports: []PlannedPassport{}, Proven: true}}
	var planCost Yen
	for i, g := range groups {
		out := PassportAdviceGroup{Item: g.item.ID, Zone: g.item.Zone, Contracts: make([]MonthContracts, len(g.search.fees))}
		for m, fees := range g.search.fees {
			out.Contracts[m] = MonthContracts{Month: s.Start + Month(m), Count: len(fees)}
		}
		out.Options = []PassportOption{{Purchased: s.Start, Total: withoutTotal}}
		for t := len(adviceTerms) - 1; t >= 0 && g.search.cap > 0; t-- {
			if g.search.available[t] {
				out.Options = append(out.Options, simpleOption(g.search, t, s.Start, withoutTotal))
			}
		}
		advice.Groups[i] = out
		plan, proven := bestPlanWith(g.search, effort)
		advice.Best.Proven = advice.Best.Proven && proven
		planCost = planCost.Add(YenFromInt(plan.cost))
		for _, lot := range plan.lots {
			advice.Best.Passports = append(advice.Best.Passports, PlannedPassport{Item: g.item.ID, Zone: g.item.Zone,
				Term: adviceTerms[lot.term].months, Count: lot.count, Purchased: s.Start + Month(lot.month)})
		}
	}
	// A plan's cost is its passport fees less the discounts the engine's own
	// rules give it (groups never share a contract), so the scenario's total
	// with it is the total without passports plus that cost; tests check it
	// against Estimate.
	advice.Best.Total = withoutTotal.Add(planCost)
	advice.Best.WithoutPassports = withoutTotal
	advice.Best.Saving = withoutTotal.Sub(advice.Best.Total)
	return advice, nil
}

// simpleOption is term index t bought in the horizon's first month for the
// group's largest monthly count, priced by the same rules as the search.
func simpleOption(g adviceGroup, t int, start Month, withoutTotal Yen) PassportOption {
	lots := []purchaseLot{{month: 0, term: t, count: g.cap}}
	fee := int64(g.cap) * g.perRight[t]
	total := withoutTotal.Add(YenFromInt(planCostOf(g, lots)))
	o := PassportOption{Term: adviceTerms[t].months, Count: g.cap, Purchased: start, Fee: YenFromInt(fee),
		Total: total, Saving: withoutTotal.Sub(total)}
	var held [3]int
	held[t] = g.cap
	var discounts int64
	for m := 0; m < min(len(g.fees), adviceTerms[t].months); m++ {
		discounts += discountTable(g.fees[m]).value(held)
		if discounts >= fee {
			be := start + Month(m) // R9.3
			o.BreakEven = &be
			break
		}
	}
	return o
}

// horizonTotal is the last month's cumulative total: what the whole horizon costs.
func horizonTotal(r Result) Yen {
	if len(r.Months) == 0 {
		return Yen{}
	}
	return r.Months[len(r.Months)-1].Cumulative
}

// itemGroup is a group's catalog item and its search.
type itemGroup struct {
	item   *Item
	search adviceGroup
}

// adviceGroupsOf collects, in the order the scenario first uses them, the
// passport-eligible server plans and their contracts' fees each month.
func adviceGroupsOf(s Scenario) []itemGroup {
	fees := feesOf(s, usageOf(s))
	index := map[itemKey]int{}
	var groups []itemGroup
	for _, r := range s.Resources {
		it := r.Item
		key := itemKey{it.ID, it.Zone}
		if _, seen := index[key]; seen || it.Kind != KindServer || !it.Passport {
			continue
		}
		g := adviceGroup{fees: make([][]int64, s.Months)}
		for t, term := range adviceTerms {
			if fee, ok := it.PassportFees[term.months]; ok {
				g.perRight[t], g.available[t] = fee.n, fee.big == nil
			} else if it.Prices.Monthly.Set {
				fee := passportFeePerRight(it.Prices.Monthly.Value, passportTermsByMonths[term.months].k)
				g.perRight[t], g.available[t] = fee.n, fee.big == nil
			}
		}
		index[key] = len(groups)
		groups = append(groups, itemGroup{item: it, search: g})
	}
	for m, month := range fees {
		for _, cf := range month {
			it := s.Resources[cf.resource].Item
			gi, ok := index[itemKey{it.ID, it.Zone}]
			if ok && cf.fee.Amount.IsPositive() {
				groups[gi].search.fees[m] = append(groups[gi].search.fees[m], cf.fee.Amount.n)
			}
		}
	}
	for i := range groups {
		g := &groups[i].search
		for m := range g.fees {
			slices.SortFunc(g.fees[m], func(a, b int64) int { return compareInt64(b, a) })
			g.cap = max(g.cap, len(g.fees[m]))
		}
	}
	return groups
}

func compareInt64(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
