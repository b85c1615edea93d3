package engine

// KindTotal is what one kind of resource cost over the horizon: the sum of
// its lines after passport discounts (Total) and before them.
type KindTotal struct {
	Kind             Kind
	Total            Yen
	WithoutPassports Yen
}

// KindTotals breaks a result's horizon total down by kind of resource, in the
// order of Kind's constants, kinds without a line left out. Passport fees are
// no kind of resource: Total of all kinds plus the result's passport fees is
// the horizon's total.
func KindTotals(r Result) []KindTotal {
	kinds := make(map[string]Kind, len(r.Resources))
	for _, res := range r.Resources {
		kinds[res.ID] = res.Kind
	}
	var totals, without [len(kindNames)]yenSum
	var seen [len(kindNames)]bool
	for _, m := range r.Months {
		for _, l := range m.Lines {
			k := kinds[l.Resource]
			totals[k].add(l.Amount)
			without[k].add(l.Fee.Amount)
			seen[k] = true
		}
	}
	var out []KindTotal
	for k := range seen {
		if seen[k] {
			out = append(out, KindTotal{Kind: Kind(k), Total: totals[k].total(), WithoutPassports: without[k].total()})
		}
	}
	return out
}

// PassportFeesTotal is the sum of every passport fee charged in the horizon.
func PassportFeesTotal(r Result) Yen {
	var sum yenSum
	for _, m := range r.Months {
		sum.add(m.PassportFeesTotal)
	}
	return sum.total()
}
