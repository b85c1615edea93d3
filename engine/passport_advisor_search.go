package engine

// The passport advisor's search (issue 14): the cheapest set of passport
// purchases for one group (one eligible plan in one zone), exact within the
// space the advisor promises.
//
// # The space
//
// A plan is any set of purchases (term 12, 24 or 36, a count, a purchase month
// inside the horizon) whose rights held in any month never exceed N, the
// group's largest monthly count of contracts. Its cost is the sum of its
// passport fees minus the discounts the engine's own rules give it (R5.4 sorted
// assignment, R5.5 rounding).
//
// # Why counts are enough
//
// In month m the contracts with a fee are sorted dearest first (f1 ≥ f2 ≥ …),
// and the valid rights sorted by rate, 50 % first (R5.4). So the month's
// discount depends only on how many rights of each rate are valid, not on
// which purchase they came from: with a, b, c rights of 50, 35, 20 %, the
// first a contracts get 50 %, the next b 35 %, the next c 20 %, and each
// discount is the engine's fee − floor(fee × kept) (for whole-yen fees,
// ceil(fee × rate)). Rights past the last contract are lost. The search
// therefore precomputes, per month and rate, prefix sums of those discounts,
// and prices a month in O(1) from (a, b, c).
//
// # Why the search is exact
//
// The future of a plan depends on its past only through the rights already
// bought that are still valid later: for each term, how many rights expire
// after each coming month. That vector is the state; the months are the
// stages. In each month where a best plan may buy (purchaseMonths proves the
// others never need a purchase), the search tries every count of every term
// that keeps the rights within N (buying more than N − held is outside the
// space), adds the month's fees and discounts, and continues with the new
// state. A state reached twice in the same month has the same best future, so
// it is solved once (memoised). Nothing is pruned by estimate: every plan of
// the space buying only in those months is a path of this graph and every
// path is a plan, so the best path is the best plan. The same goes for the
// tie-breaks (fewer passports, then earlier purchases, then shorter terms, then
// fewer rights): they compare plans lexicographically in month order, and two
// plans sharing a prefix compare as their suffixes do, so the best suffix from
// a state is best for every prefix leading to it.
//
// # What it costs
//
// Equal-rate rights are interchangeable, so the state holds counts, not
// purchases, and months without a possible purchase are priced straight
// through. The number of states still grows quickly with N (each month may
// buy any count of each term), so the plain search is for groups of up to
// exactCapLimit contracts a month within searchBudget choices. Larger groups
// get the same search with a proven lower bound (passport_advisor_bound.go)
// cutting every branch that cannot be as good as a plan already known: still
// exact, since no plan at least as good is ever cut. Only a search that runs
// past its budget even so answers with a plan not proven best (bestPlan).
// TestBestPlan_equalsBruteForce checks the search against trying every set
// of purchases in every month (no month skipped), and
// TestBoundedPlan_equalsExactSearch the bounded search against the plain one.

import "slices"

// adviceTerms are the terms in the order a month's choice is made (longest
// first: the sorted assignment of R5.4 puts their rights first) and the
// percent of the fee each leaves (R5.1).
var adviceTerms = [3]struct {
	months int
	kept   int64
}{{36, 50}, {24, 65}, {12, 80}}

// adviceGroup is what the search needs of one group.
type adviceGroup struct {
	// fees[m] are month m's positive contract fees, dearest first.
	fees [][]int64
	// perRight[t] is the passport fee of one right of adviceTerms[t], which
	// can be bought only when available[t].
	perRight  [3]int64
	available [3]bool
	// cap is N, the group's largest monthly count of contracts.
	cap int
}

// purchaseLot is one purchase of a plan: month index, term index, count.
type purchaseLot struct {
	month, term, count int
}

// advicePlan is a plan and its cost (passport fees − discounts).
type advicePlan struct {
	cost int64
	lots []purchaseLot
}

// better reports whether plan p beats q: lower cost, then fewer passports,
// then earlier purchases, then shorter terms, then fewer rights (issue 14's
// tie-breaks, and a last one so that the order is total). Lots are listed by
// month, then term index, as the search makes them.
func (p advicePlan) better(q advicePlan) bool {
	if p.cost != q.cost {
		return p.cost < q.cost
	}
	if len(p.lots) != len(q.lots) {
		return len(p.lots) < len(q.lots)
	}
	for i := range p.lots {
		if p.lots[i].month != q.lots[i].month {
			return p.lots[i].month < q.lots[i].month
		}
	}
	for i := range p.lots {
		// adviceTerms runs longest first: a higher index is a shorter term.
		if p.lots[i].term != q.lots[i].term {
			return p.lots[i].term > q.lots[i].term
		}
	}
	for i := range p.lots {
		if p.lots[i].count != q.lots[i].count {
			return p.lots[i].count < q.lots[i].count
		}
	}
	return false
}

// monthDiscounts holds, for one month, the prefix sums of the discounts the
// engine gives the month's sorted fees at each rate: at[t][j] is the sum of
// the discounts of the j dearest contracts at adviceTerms[t]'s rate.
type monthDiscounts struct {
	at [3][]int64
}

func discountTable(fees []int64) monthDiscounts {
	var d monthDiscounts
	for t, term := range adviceTerms {
		d.at[t] = make([]int64, len(fees)+1)
		for j, f := range fees {
			fee := YenFromInt(f)
			d.at[t][j+1] = d.at[t][j] + fee.Sub(discountedFee(fee, term.kept)).n
		}
	}
	return d
}

// value is the month's discount with held[t] valid rights of each term: the
// dearest held[0] contracts at 50 %, the next held[1] at 35 %, the next
// held[2] at 20 % (R5.4), rights past the last contract lost.
func (d monthDiscounts) value(held [3]int) int64 {
	n := len(d.at[0]) - 1
	var sum int64
	from := 0
	for t := range held {
		to := min(from+held[t], n)
		sum += d.at[t][to] - d.at[t][from]
		from = to
	}
	return sum
}

// heldLot is a purchase still valid: its term index, the first month index it
// is no longer valid in, and its count of rights.
type heldLot struct {
	term, end, count int
}

// planSearch is one group's search: the month tables, which months a
// purchase may be made in, the memo of best plans from each state, and, when
// set, the lower bound that cuts plans that cannot beat a known one.
type planSearch struct {
	g         adviceGroup
	months    []monthDiscounts
	candidate []bool
	memo      map[string]memoEntry
	key       []byte
	aborted   bool
	steps     int
	budget    int
	bound     *lagrangeBound
	// floorCost is set when no plan costs less than the allowance the search
	// started with (its cost is the bound's), and floorLots when moreover no
	// plan as cheap has fewer passports. A branch left to beat those is cut
	// at once instead of searched.
	floorCost, floorLots bool
	// lastFew is what the last tooFew's fewPurchases returned.
	lastFew int64
}

// memoEntry is the best plan found from a state when its suffix was allowed
// at most within (see from).
type memoEntry struct {
	plan   advicePlan
	within allowance
}

// cutCost marks a branch the bound proved dearer than allowed. It is far above
// any plan's cost and never added to.
const cutCost = int64(1) << 61

func (p advicePlan) cut() bool { return p.cost >= cutCost }

// searchBudget bounds the choices one exact search may try, so that a large
// fleet gets an answer in well under a second in the page instead of a frozen
// tab. A search within it is exact; see bestPlan for what happens past it.
const searchBudget = 150_000

// boundedBudget bounds the choices of one bounded search (see boundedPlan):
// the bound leaves few branches, but a fleet whose plans tie or nearly tie in
// many ways may still have too many to try in the page's time.
const boundedBudget = 100_000

// exactCapLimit is the largest group the exact search is tried on: with 8
// contracts a month over a few years it already runs past searchBudget, so
// larger groups go straight to the scaled search instead of spending the
// budget first.
const exactCapLimit = 8

// bestPlan is the cheapest plan for g and whether it is proven so.
//
// Small groups get the plain exact search (the comment at the top of this
// file). Larger ones, or small ones that run past searchBudget, get the exact
// search again with the lower bound of passport_advisor_bound.go cutting
// branches: first looking for a plan that costs what the bound says, with
// the fewest passports (deepen), which is the best plan whenever one exists;
// then, if deepen proved that none exists within rootBudget choices, letting
// the cost limit grow from the bound (boundedPlan) with the choices left.
// Either answer is the best plan, tie-breaks included. Only if the choices
// run out is a plan found by heuristicPlan returned, not proven.
func bestPlan(g adviceGroup) (advicePlan, bool) {
	return bestPlanWith(g, EffortQuick)
}

// bestPlanWith is bestPlan with the searches' budgets of choices multiplied
// by effort's factor: a larger budget only lets more searches finish, and
// what a finished search answers is the best plan whatever its budget.
func bestPlanWith(g adviceGroup, effort AdviceEffort) (advicePlan, bool) {
	if g.cap == 0 {
		return advicePlan{}, true
	}
	if g.cap <= exactCapLimit {
		s := newPlanSearch(g, searchBudget*effort.factor())
		if p := s.from(0, nil, unlimited); !s.aborted {
			return p, true
		}
	}
	return boundedBestPlanWith(g, rootBudget*effort.factor())
}

// boundedBestPlan is bestPlan's search for groups past exactCapLimit: the
// search with the lower bound, first by count of passports, then with a
// growing cost limit, and the heuristic plan, not proven, if both run out.
func boundedBestPlan(g adviceGroup) (advicePlan, bool) {
	return boundedBestPlanWith(g, rootBudget)
}

// boundedBestPlanWith is boundedBestPlan within budget choices in all.
func boundedBestPlanWith(g adviceGroup, budget int) (advicePlan, bool) {
	s := newPlanSearch(g, budget)
	if s.bound = newLagrangeBound(g, s.candidate); s.bound == nil {
		return heuristicPlan(g), false
	}
	if p, ok := s.deepen(ceilDiv(s.bound.suffix(0, nil, g.cap), s.bound.q), s.mostLots()); ok {
		return p, true
	}
	if s.aborted {
		return heuristicPlan(g), false
	}
	// No plan costs what the bound says (the relaxation is not tight): the
	// choices left let the cost limit grow from the bound. Buying nothing
	// costs 0: the best plan costs at most that.
	left := s.budget - s.steps
	s.memo, s.steps, s.aborted, s.budget = map[string]memoEntry{}, 0, false, left
	if p, ok := s.bounded(0); ok {
		return p, true
	}
	return heuristicPlan(g), false
}

// rootBudget bounds the choices (and evaluations of the bound for few
// purchases, which take about as long) bestPlan spends on a large group.
// Measured (TestAdvisorProvenRate): most groups have a plan that costs what
// the bound says (the relaxation is tight far more often than not), and
// proving its count of passports and tie-breaks is where the choices go.
// 150,000 keeps a group's search near the time 350,000 cheaper choices took
// before the bound for few purchases.
const rootBudget = 150_000

// mostLots is the most passports a plan can have: one per term per
// candidate month (the search merges a month's rights of one term).
func (s *planSearch) mostLots() int {
	n := 0
	for _, c := range s.candidate {
		if c {
			n += len(adviceTerms)
		}
	}
	return n
}

// deepen searches, exactly, for a plan costing at most cost: with an
// allowance of that cost and L passports, for L = 0, 1, … up to maxLots,
// sharing one memo (an entry is reused only where from says it may) and one
// budget. With that allowance the bound cuts every branch that cannot cost
// less, or as little with at most L passports: when the cost is what the
// bound says, the runs with too few passports find nothing and end fast,
// proving the count, and the first run that finds a plan has only the later
// tie-breaks left to search. Its answer is the best plan, for the reason
// boundedPlan's is: every plan costing less, or as little with at most L
// passports, is admitted, no admitted plan is cut, and the runs before proved
// that no plan as cheap has fewer. It reports false if no plan costs at most
// cost with at most maxLots passports, or the budget ran out.
func (s *planSearch) deepen(cost int64, maxLots int) (advicePlan, bool) {
	s.memo, s.steps, s.aborted = map[string]memoEntry{}, 0, false
	// Each run leaves the next one a floor: nothing costs less than the
	// bound, and the runs before found nothing as cheap with fewer passports.
	s.floorCost = cost <= ceilDiv(s.bound.suffix(0, nil, s.g.cap), s.bound.q)
	s.floorLots = s.floorCost
	defer func() { s.floorCost, s.floorLots = false, false }()
	for lots := 0; lots <= maxLots; lots++ {
		within := allowance{cost: cost, lots: lots}
		p := s.from(0, nil, within)
		if s.aborted {
			return advicePlan{}, false
		}
		// A plan outside the allowance only says that none is within it.
		if !p.cut() && within.admits(p) {
			return p, true
		}
	}
	return advicePlan{}, false
}

// heuristicPlan is a good plan found fast, not proven best. When the group's
// contracts come in classes that have the same fee in every month (the copies
// of a resource, say) and every class's size is a multiple of d, it is the
// exact plan of the group with each class d times smaller, its counts
// multiplied back (a plan of the large group costing d times as much). Else,
// or if that search is still too large, it is the plan of independent rows:
// each position of the sorted fees planned on its own.
func heuristicPlan(g adviceGroup) advicePlan {
	if div := classDivisor(g); div > 1 {
		if p, ok := exactPlan(scaleDown(g, div)); ok {
			for i := range p.lots {
				p.lots[i].count *= div
			}
			p.cost *= int64(div)
			return p
		}
	}
	return rowPlan(g)
}

// exactPlan runs the exact search, or reports that it would exceed searchBudget.
func exactPlan(g adviceGroup) (advicePlan, bool) {
	s := newPlanSearch(g, searchBudget)
	p := s.from(0, nil, unlimited)
	return p, !s.aborted
}

func newPlanSearch(g adviceGroup, budget int) *planSearch {
	s := &planSearch{g: g, months: make([]monthDiscounts, len(g.fees)), memo: map[string]memoEntry{}, budget: budget}
	for m, fees := range g.fees {
		s.months[m] = discountTable(fees)
	}
	s.candidate = purchaseMonths(g.fees)
	return s
}

// boundedPlan is the exact search with the lower bound cutting every branch
// that cannot cost at most a limit, so it finds the best plan, tie-breaks
// included, whenever one costs at most the limit: every plan it leaves out
// costs more. The limit starts at the bound itself (often the optimum: then
// only optimal branches survive) and grows towards known, the cost of a plan
// known to exist (0: buying nothing), so that the tree opens only as far as
// the bound's gap needs. The
// memo carries over from one limit to the next (see from). It reports false if
// the search ran past boundedBudget or the bound could not be built.
func boundedPlan(g adviceGroup, known int64) (advicePlan, bool) {
	s := newPlanSearch(g, boundedBudget)
	if s.bound = newLagrangeBound(g, s.candidate); s.bound == nil {
		return advicePlan{}, false
	}
	return s.bounded(known)
}

// bounded is boundedPlan on a search whose bound is built.
func (s *planSearch) bounded(known int64) (advicePlan, bool) {
	root := s.bound.suffix(0, nil, s.g.cap)
	limit := ceilDiv(root, s.bound.q)
	for step := int64(1); ; step *= 4 {
		limit = min(limit, known)
		p := s.from(0, nil, allowance{cost: limit, lots: unlimited.lots})
		if s.aborted {
			return advicePlan{}, false
		}
		if !p.cut() && p.cost <= limit {
			return p, true
		}
		if limit == known {
			return advicePlan{}, false
		}
		limit += step
	}
}

// ceilDiv is the least integer at least a/b, for b > 0.
func ceilDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && a > 0 {
		q++
	}
	return q
}

// classDivisor is the greatest common divisor of the sizes of the group's
// classes of contracts: runs of positions in the sorted fees that have the
// same fee in every month.
func classDivisor(g adviceGroup) int {
	div, run := 0, 1
	for p := 1; p <= g.cap; p++ {
		if p < g.cap && samePosition(g, p-1, p) {
			run++
			continue
		}
		div, run = gcd(div, run), 1
	}
	return div
}

func samePosition(g adviceGroup, a, b int) bool {
	for _, fees := range g.fees {
		var fa, fb int64
		if a < len(fees) {
			fa = fees[a]
		}
		if b < len(fees) {
			fb = fees[b]
		}
		if fa != fb {
			return false
		}
	}
	return true
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// scaleDown keeps one position in div of each class.
func scaleDown(g adviceGroup, div int) adviceGroup {
	small := g
	small.cap = g.cap / div
	small.fees = make([][]int64, len(g.fees))
	for m, fees := range g.fees {
		for p := div - 1; p < len(fees); p += div {
			small.fees[m] = append(small.fees[m], fees[p])
		}
	}
	return small
}

// rowPlan plans each position of the sorted fees on its own (a position's
// fee each month is what one right there would discount) and sums the rows'
// purchases: a feasible plan, never above the cap, priced exactly after.
func rowPlan(g adviceGroup) advicePlan {
	counts := map[[2]int]int{}
	var plan advicePlan
	for p := 0; p < g.cap; p++ {
		row := adviceGroup{fees: make([][]int64, len(g.fees)), cap: 1, perRight: g.perRight, available: g.available}
		for m, fees := range g.fees {
			if p < len(fees) {
				row.fees[m] = fees[p : p+1]
			}
		}
		if p == 0 || !samePosition(g, p-1, p) {
			plan, _ = exactPlan(row) // one position: a few thousand states at most
		}
		for _, l := range plan.lots {
			counts[[2]int{l.month, l.term}]++
		}
	}
	var out advicePlan
	for m := range g.fees {
		for t := range adviceTerms {
			if c := counts[[2]int{m, t}]; c > 0 {
				out.lots = append(out.lots, purchaseLot{month: m, term: t, count: c})
			}
		}
	}
	out.cost = planCostOf(g, out.lots)
	return out
}

// purchaseMonths marks the months an optimal plan may buy in: those congruent,
// modulo 12, to the horizon's start, its end, or a month whose sorted fees
// differ from the month before. Why no other month: take the lots of a best
// plan bought in months of one other residue. Every month in which those lots
// start or stop being valid has that residue (terms are multiples of 12), so
// at each such boundary neither the fees nor the other lots change. Moving
// all of those lots one month earlier, or one month later, then changes the
// discounts by exactly opposite amounts, with the same fees and within the
// same cap. If earlier is no worse, the plan was not best (earlier purchases
// win ties); if later is better, it was not best either (a lot pushed past
// the horizon is dropped, which only saves its fee). So no best plan has such
// lots.
func purchaseMonths(fees [][]int64) []bool {
	h := len(fees)
	anchored := [12]bool{0: true}
	anchored[h%12] = true
	for m := 1; m < h; m++ {
		if !slices.Equal(fees[m-1], fees[m]) {
			anchored[m%12] = true
		}
	}
	out := make([]bool, h)
	for m := range out {
		out[m] = anchored[m%12]
	}
	return out
}

// from is the best plan for months m onward, given the lots still valid in
// month m (bought before it). With a bound, branches proved worse than within
// are cut; the answer is then exact whenever within admits it (no plan as
// good was cut), and otherwise it only says that within admits none.
func (s *planSearch) from(m int, lots []heldLot, within allowance) advicePlan {
	h := len(s.g.fees)
	// Months without a purchase run straight through to the next candidate.
	var cost int64
	for m < h && !s.candidate[m] {
		lots = expire(lots, m)
		cost -= s.months[m].value(heldCounts(lots))
		m++
	}
	if within = within.passed(m); s.hopeless(within) {
		return advicePlan{cost: cutCost}
	}
	if m == h {
		return advicePlan{cost: cost}
	}
	lots = expire(lots, m)
	if s.floorCost && within.lots == 0 {
		// Another purchase would need a lower cost than the floor: the
		// rest of the plan is fixed, and priced straight through.
		return s.withoutPurchase(m, lots, cost)
	}
	inner := within
	inner.cost -= cost
	k := s.stateKey(m, lots)
	e, seen := s.memo[k]
	// A memo entry is reusable if its own allowance admitted its plan (then
	// it is the best plan from the state, whatever the allowance), or if that
	// allowance allowed at least as much as this one.
	if !seen || (!e.within.admits(e.plan) && !e.within.atLeast(inner)) {
		e = memoEntry{plan: advicePlan{cost: cutCost}, within: inner}
		if !s.tooFew(m, 0, lots, inner) {
			e.plan = s.buy(m, 0, lots, inner)
		}
		s.memo[k] = e
	}
	if e.plan.cut() {
		return e.plan
	}
	return advicePlan{cost: e.plan.cost + cost, lots: e.plan.lots}
}

// withoutPurchase is the plan that buys nothing from month m on, with lots
// held and cost so far.
func (s *planSearch) withoutPurchase(m int, lots []heldLot, cost int64) advicePlan {
	if s.steps++; s.steps > s.budget {
		s.aborted = true
		return advicePlan{cost: cutCost}
	}
	for ; m < len(s.g.fees) && len(lots) > 0; m++ {
		lots = expire(lots, m)
		cost -= s.months[m].value(heldCounts(lots))
	}
	return advicePlan{cost: cost}
}

// tooFew reports whether no completion from candidate month m, with lots
// held and terms before index t of month m chosen, is within the allowance:
// none with the purchases it allows costs little enough (fewPurchases), and
// one with more would have to cost less, which the floor or the bound rules
// out.
func (s *planSearch) tooFew(m, t int, lots []heldLot, within allowance) bool {
	if s.bound == nil || within.lots < 0 || within.lots > fewPurchasesMax {
		return false
	}
	// The bound takes about as long as a choice of the search: it counts as one.
	if s.steps++; s.steps > s.budget {
		s.aborted = true
		return true
	}
	q := s.bound.q
	s.lastFew = s.bound.fewPurchases(s.g, m, t, lots, within.lots, within.cost*q)
	return s.lastFew > within.cost*q &&
		(s.floorCost || s.bound.suffix(m, lots, s.g.cap) > (within.cost-1)*q)
}

// fewPurchasesMax is the most purchases left for which from tries the bound
// with few purchases (fewPurchases) before searching a state.
const fewPurchasesMax = 16

// hopeless reports whether a admits no plan because the search knows a floor
// (planSearch.floorCost, floorLots) and a asks for better than it.
func (s *planSearch) hopeless(a allowance) bool {
	return (s.floorCost && a.lots < 0) || (s.floorLots && a.strict)
}

// buy chooses the count of term index t bought in month m, then the next
// term's, then prices the month and goes on.
func (s *planSearch) buy(m, t int, lots []heldLot, within allowance) advicePlan {
	if s.steps++; s.steps > s.budget {
		s.aborted = true
		return advicePlan{cost: cutCost}
	}
	if t == len(adviceTerms) {
		return s.next(m, lots, within)
	}
	room := s.g.cap
	for _, l := range lots {
		room -= l.count
	}
	if !s.g.available[t] {
		room = 0
	}
	var base, step int64
	if s.bound != nil {
		base, step = s.bound.suffix(m, lots, s.g.cap), s.bound.perRight(m, t)
	}
	best := advicePlan{cost: cutCost}
	// lastX is the last count at which the bound for few purchases was
	// evaluated (0: none yet), and lastConvex that bound's convex part there
	// (see below).
	lastX, lastConvex := 0, int64(0)
	// Counts 1, 2, … first, none last: at equal cost and count of passports,
	// a plan buying now beats one buying later, so a plan found buying lets
	// the tie-breaks cut more of the others.
	for i := 0; i <= room && !s.aborted; i++ {
		x := (i + 1) % (room + 1)
		// Once a plan is found, the other counts matter only if better.
		if !best.cut() && within.admits(best) {
			within = keyOf(best)
		}
		inner := within
		fee := int64(x) * s.g.perRight[t]
		lot := purchaseLot{month: m, term: t, count: x}
		if x > 0 {
			inner = within.bought(lot, fee)
		}
		if s.hopeless(inner) {
			continue
		}
		if s.bound != nil {
			// The bound grows with x by the right's reduced cost, never
			// less than 0 (the cheapest path may always take the right
			// instead): once x is cut for its cost, so is every larger x.
			lb := base + int64(x)*step
			if lb > inner.cost*s.bound.q {
				if x > 0 {
					i = room - 1 // on to none
				}
				continue
			}
			if inner.lots < 0 && lb > (inner.cost-1)*s.bound.q {
				continue // as dear at least, with more passports
			}
		}
		held := s.withLot(lots, m, t, x)
		// With few purchases left after this one, the bound for few
		// purchases is tried per count: cutCounts makes a run of cut counts
		// cost a few evaluations. Two left proved more fleets than one and
		// as many as up to sixteen (TestAdvisorProvenRate), at the least cost.
		if x > 0 && inner.lots <= 2 {
			steps := s.steps
			cut := s.tooFew(m, t+1, held, inner)
			if s.aborted {
				continue
			}
			if s.steps > steps {
				convex := s.bound.noMore + fee*s.bound.q
				if cut && lastX > 0 {
					i += s.cutCounts(x, lastX, convex, lastConvex, s.lastFew-inner.cost*s.bound.q, room-1-i)
				}
				lastX, lastConvex = x, convex
			}
			if cut {
				continue
			}
		}
		p := s.buy(m, t+1, held, inner)
		if p.cut() {
			continue
		}
		if x > 0 {
			p = advicePlan{cost: p.cost + fee, lots: append([]purchaseLot{lot}, p.lots...)}
		}
		if p.better(best) {
			best = p
		}
	}
	return best
}

// cutCounts is how many counts after x, of the most left, buy may skip
// because the bound for few purchases cuts them too, given that it cut x by
// margin (> 0, times q) and its convex part was convex at x and lastConvex at
// lastX < x.
//
// That bound, from month m with x rights more of one term, is noMore(x) −
// S(x), and buy compares it with a limit of (within.cost − x × fee) × q. Here
// g(x) = noMore(x) + x × fee × q is convex in x: noMore is linear in x (the
// rights' fees and gains) plus, per block, the credit of contracts no right
// takes (the dearest priced first, so each right more makes up less) and the
// gain of rights past the contracts (the smallest lost first, so each right
// more loses at least as much). And S(x), what the few purchases left may
// make up, never grows with x: each of its terms is a bonus times the free
// capacity or a shortfall, and both shrink as x grows. So with d the slope of
// the chord from lastX to x (no slope after x is less), every count x + k is
// cut while k × (−d) < margin, and all of them once d ≥ 0. The second part of
// tooFew's test (the floor, or the suffix bound, linear in x with a slope ≥
// 0 once the fees count) holds for every larger count once it holds at x.
// TestBuy_cutCountsAreCut checks each skipped count against tooFew itself.
func (s *planSearch) cutCounts(x, lastX int, convex, lastConvex, margin int64, most int) int {
	rise, run := convex-lastConvex, int64(x-lastX)
	d := rise / run
	if rise%run != 0 && rise < 0 {
		d-- // floor: a lower bound of the slopes after x
	}
	if d >= 0 {
		return most
	}
	return int(min((margin-1)/(-d), int64(most)))
}

// withLot is lots and x rights of term index t bought in month m.
func (s *planSearch) withLot(lots []heldLot, m, t, x int) []heldLot {
	if x == 0 {
		return lots
	}
	return append(append(make([]heldLot, 0, len(lots)+1), lots...), heldLot{term: t, end: m + adviceTerms[t].months, count: x})
}

// next prices month m with the lots valid in it and solves the months after.
func (s *planSearch) next(m int, lots []heldLot, within allowance) advicePlan {
	value := s.months[m].value(heldCounts(lots))
	within.cost += value
	p := s.from(m+1, lots, within)
	if p.cut() {
		return p
	}
	return advicePlan{cost: p.cost - value, lots: p.lots}
}

// expire drops the lots no longer valid in month m.
func expire(lots []heldLot, m int) []heldLot {
	for i, l := range lots {
		if l.end <= m {
			out := make([]heldLot, 0, len(lots)-1)
			out = append(out, lots[:i]...)
			for _, l := range lots[i+1:] {
				if l.end > m {
					out = append(out, l)
				}
			}
			return out
		}
	}
	return lots
}

func heldCounts(lots []heldLot) [3]int {
	var held [3]int
	for _, l := range lots {
		held[l.term] += l.count
	}
	return held
}

// stateKey names the state: the month and, per term and month of expiry, the
// rights still valid. Rights of one term that expire together are
// interchangeable, so their count is all that matters.
func (s *planSearch) stateKey(m int, lots []heldLot) string {
	var counts [3][36]int
	for _, l := range lots {
		counts[l.term][l.end-m-1] += l.count
	}
	b := s.key[:0]
	b = appendVarint(b, m)
	for t := range counts {
		for r := 0; r < adviceTerms[t].months; r++ {
			b = appendVarint(b, counts[t][r])
		}
	}
	s.key = b
	return string(b)
}

func appendVarint(b []byte, n int) []byte {
	for n >= 0x80 {
		b = append(b, byte(n)|0x80)
		n >>= 7
	}
	return append(b, byte(n))
}

// planCostOf prices a plan month by month as R5.4 and R5.5 say.
func planCostOf(g adviceGroup, lots []purchaseLot) int64 {
	var cost int64
	for _, l := range lots {
		cost += int64(l.count) * g.perRight[l.term]
	}
	for m, fees := range g.fees {
		var held [3]int
		for _, l := range lots {
			if m >= l.month && m < l.month+adviceTerms[l.term].months {
				held[l.term] += l.count
			}
		}
		cost -= discountTable(fees).value(held)
	}
	return cost
}
