package engine

// An allowance is how good a suffix of a plan must be to matter: the search
// (passport_advisor_search.go) may cut any branch it proves worse than its
// allowance. Plans compare as issue 14's tie-breaks say (advicePlan.better):
// cost, then number of passports, then purchase months, then terms, then
// counts, each list compared in order. An allowance is a threshold in that
// same order, so the search can cut not only the branches that cost too much,
// but also those that cost as much as a plan already found and lose to it on
// a tie-break: without that, a fleet with many equal-cost plans had all of
// them searched.

// allowance admits a plan whose key is at most the allowance's: cost at most
// cost, at equal cost at most lots passports, and, when exact, at equal cost
// and count a plan no worse than ref on the later tie-breaks.
type allowance struct {
	cost int64
	lots int
	// exact is set when the allowance is a plan's own key: ref are that
	// plan's lots not yet matched by the suffix searched (len(ref) == lots),
	// and terms and counts say how the lots already matched compared with
	// ref's plan on terms and on counts (-1 better, 0 equal, +1 worse: they
	// decide only if every month is equal). Unset, any months, terms and
	// counts are admitted at cost and lots.
	exact         bool
	ref           []purchaseLot
	terms, counts int8
	// strict is set when the allowance came from a threshold by asking for
	// strictly less cost or fewer passports (see planSearch.floorLots).
	strict bool
}

// unlimited allows every plan.
var unlimited = allowance{cost: cutCost, lots: 1 << 30}

// keyOf is the allowance that admits p and the plans better than p.
func keyOf(p advicePlan) allowance {
	return allowance{cost: p.cost, lots: len(p.lots), exact: true, ref: p.lots}
}

// admits reports whether plan p is within a.
func (a allowance) admits(p advicePlan) bool {
	if p.cost != a.cost {
		return p.cost < a.cost
	}
	if len(p.lots) != a.lots {
		return len(p.lots) < a.lots
	}
	if !a.exact {
		return true
	}
	for i, l := range p.lots {
		if l.month != a.ref[i].month {
			return l.month < a.ref[i].month
		}
	}
	terms := a.terms
	for i := 0; i < len(p.lots) && terms == 0; i++ {
		terms = termOrder(p.lots[i].term, a.ref[i].term)
	}
	if terms != 0 {
		return terms < 0
	}
	counts := a.counts
	for i := 0; i < len(p.lots) && counts == 0; i++ {
		counts = countOrder(p.lots[i].count, a.ref[i].count)
	}
	return counts <= 0
}

// termOrder is -1 if term index t beats u at the terms tie-break (shorter
// wins; adviceTerms runs longest first), +1 if it loses, 0 if equal.
func termOrder(t, u int) int8 {
	switch {
	case t > u:
		return -1
	case t < u:
		return 1
	}
	return 0
}

// countOrder is the same for counts: fewer rights win.
func countOrder(x, y int) int8 {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

// atLeast reports whether a allows everything b does. It may answer false
// when it does (then the search only does again what it did).
func (a allowance) atLeast(b allowance) bool {
	if a.cost != b.cost {
		return a.cost > b.cost
	}
	if a.lots != b.lots {
		return a.lots > b.lots
	}
	if !a.exact || !b.exact {
		return !a.exact
	}
	if len(a.ref) != len(b.ref) {
		return false
	}
	for i := range a.ref {
		if a.ref[i] != b.ref[i] {
			return false
		}
	}
	if a.terms != b.terms {
		return a.terms < b.terms
	}
	return a.terms != 0 || a.counts <= b.counts
}

// stricter is the allowance of plans strictly better than a's threshold on
// cost or, at equal cost, on number of passports: what is left to a suffix
// that has already lost to a's plan on a later tie-break.
func (a allowance) stricter() allowance {
	return allowance{cost: a.cost, lots: a.lots - 1, strict: true}
}

// bought is what is left of a for the rest of a suffix that starts with lot
// l, of fee fee.
func (a allowance) bought(l purchaseLot, fee int64) allowance {
	a.cost -= fee
	if !a.exact {
		a.lots--
		return a
	}
	if len(a.ref) == 0 {
		// One passport more than a's plan: only a lower cost can make up.
		return allowance{cost: a.cost, lots: -1, strict: true}
	}
	r := a.ref[0]
	switch {
	case l.month < r.month:
		return allowance{cost: a.cost, lots: a.lots - 1}
	case l.month > r.month:
		return allowance{cost: a.cost, lots: a.lots - 2, strict: true}
	}
	if a.terms == 0 {
		a.terms = termOrder(l.term, r.term)
	}
	if a.counts == 0 {
		a.counts = countOrder(l.count, r.count)
	}
	a.lots--
	a.ref = a.ref[1:]
	return a
}

// passed is what is left of a for a suffix that buys nothing before month m.
func (a allowance) passed(m int) allowance {
	if a.exact && len(a.ref) > 0 && a.ref[0].month < m {
		return a.stricter()
	}
	return a
}
