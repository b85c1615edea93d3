package engine

// A breakdown answers "what do the disks cost?": the bills of a result
// grouped by item kind or by resource, with the passport fees (R5.3) as a
// group of their own, so that in every month the groups add up to the month's
// total (R6: a bill is its lines after discounts plus the passport fees
// charged in it). Years follow the result's years (R9.1).

// BreakdownBy says how a breakdown groups the lines.
type BreakdownBy uint8

const (
	BreakdownByKind BreakdownBy = iota + 1
	BreakdownByResource
)

// PassportFeesGroup is the key of the passport fees' own group.
const PassportFeesGroup = "passportFees"

// BreakdownGroup is one row of a breakdown: a kind (every kind an item can
// have, so an unused kind shows as zero), a resource, or the passport fees.
type BreakdownGroup struct {
	Key string
	// Kind is the group's kind, or the resource's; zero for passport fees.
	Kind   Kind
	Months []Yen // one per month of the result
	Years  []Yen // one per year of the result
	Total  Yen
}

// Breakdown is a result's bills grouped; its totals are the result's own.
type Breakdown struct {
	By          BreakdownBy
	Groups      []BreakdownGroup
	MonthTotals []Yen
	YearTotals  []Yen
	Total       Yen
}

// BreakdownOf groups res's bills by. It reads only the result, in one pass
// over its lines.
func BreakdownOf(res Result, by BreakdownBy) Breakdown {
	var groups []BreakdownGroup
	index := map[string]int{}
	add := func(key string, kind Kind) {
		index[key] = len(groups)
		groups = append(groups, BreakdownGroup{Key: key, Kind: kind, Months: make([]Yen, len(res.Months)), Years: make([]Yen, len(res.Years))})
	}
	kindOf := make(map[string]Kind, len(res.Resources))
	for _, r := range res.Resources {
		kindOf[r.ID] = r.Kind
	}
	if by == BreakdownByKind {
		for k := KindServer; int(k) < len(kindNames); k++ {
			add(k.String(), k)
		}
	} else {
		for _, r := range res.Resources {
			add(r.ID, r.Kind)
		}
	}
	add(PassportFeesGroup, 0)
	fees := index[PassportFeesGroup]

	sums := make([]yenSum, len(groups))
	for mi := range res.Months {
		b := &res.Months[mi]
		for gi := range sums {
			sums[gi] = yenSum{}
		}
		for _, l := range b.Lines {
			key := l.Resource
			if by == BreakdownByKind {
				key = kindOf[l.Resource].String()
			}
			sums[index[key]].add(l.Amount)
		}
		sums[fees].add(b.PassportFeesTotal)
		for gi := range groups {
			groups[gi].Months[mi] = sums[gi].total()
		}
	}

	out := Breakdown{By: by, Groups: groups, MonthTotals: make([]Yen, len(res.Months)), YearTotals: make([]Yen, len(res.Years))}
	for mi := range res.Months {
		out.MonthTotals[mi] = res.Months[mi].Total
	}
	for yi, y := range res.Years {
		out.YearTotals[yi] = y.Total
	}
	// Months and years are both in order: one walk sums each year.
	yi := 0
	for mi := range res.Months {
		m := res.Months[mi].Month
		for yi < len(res.Years) && m > res.Years[yi].To {
			yi++
		}
		if yi == len(res.Years) || m < res.Years[yi].From {
			continue
		}
		for gi := range groups {
			groups[gi].Years[yi] = groups[gi].Years[yi].Add(groups[gi].Months[mi])
		}
	}
	for gi := range groups {
		var s yenSum
		for _, v := range groups[gi].Months {
			s.add(v)
		}
		groups[gi].Total = s.total()
	}
	if n := len(res.Months); n > 0 {
		out.Total = res.Months[n-1].Cumulative
	}
	return out
}
