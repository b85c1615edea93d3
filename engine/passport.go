package engine

import (
	"sort"

	"github.com/shopspring/decimal"
)

// passportTerm is one of the three terms a passport is sold for (R5.1, R5.3).
type passportTerm struct {
	rate string          // discount on the server fee, as the contract writes it
	kept int64           // percent of the fee left after the discount: 100 − rate
	k    decimal.Decimal // passport fee per right = floor(monthly × k)
}

var passportTermsByMonths = map[int]passportTerm{
	12: {"0.2", 80, decimal.RequireFromString("1.2")},
	24: {"0.35", 65, decimal.RequireFromString("4.8")},
	36: {"0.5", 50, decimal.RequireFromString("10.8")},
}

// passportFee is the fee of one right (R5.3): the catalog's explicit fee when
// it lists one, else floor(M × k).
func passportFee(pp Passport) Yen {
	if fee, ok := pp.Item.PassportFees[pp.Term]; ok {
		return fee
	}
	return passportFeePerRight(pp.Item.Prices.Monthly.Value, passportTermsByMonths[pp.Term].k)
}

// validIn reports whether pp's rights are valid in month m (R5.2).
func (pp Passport) validIn(m Month) bool {
	return m >= pp.Purchased && m <= pp.Purchased+Month(pp.Term-1)
}

// passportOutcome is what the rights of one purchase did in each month.
type passportOutcome struct {
	discounts   []Yen // per horizon month
	unusedRight int   // right-months that found no server (R9.4)
}

// lineDiscount is what a passport right did to one contract's fee (R5.5).
type lineDiscount struct {
	amount   Yen // the fee after the discount
	discount Yen
	passport *PassportRef
}

// passportDiscounts is the passport stage's output: per month, per contract
// fee (in the fee stage's order), the discount if a right took it; and what
// each purchase did, in scenario order.
type passportDiscounts struct {
	months   [][]lineDiscount // nil for a month no right is valid in
	outcomes []passportOutcome
}

// at is the discount of the month's contract fee i, if any.
func (d passportDiscounts) at(month, i int) (lineDiscount, bool) {
	if d.months[month] == nil || d.months[month][i].passport == nil {
		return lineDiscount{}, false
	}
	return d.months[month][i], true
}

// discountsOf is the passport stage: each valid right discounts the dearest
// server fee of its plan and zone in each month (R5.4, R5.5).
func discountsOf(s Scenario, fees [][]contractFee) passportDiscounts {
	out := passportDiscounts{months: make([][]lineDiscount, len(fees)), outcomes: make([]passportOutcome, len(s.Passports))}
	for i := range out.outcomes {
		out.outcomes[i].discounts = make([]Yen, len(fees))
	}
	if len(s.Passports) == 0 {
		return out
	}
	// Rights of equal rate go in order of purchase month, then scenario order.
	order := make([]int, len(s.Passports))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		pa, pb := s.Passports[order[a]], s.Passports[order[b]]
		if pa.Term != pb.Term {
			return pa.Term > pb.Term // longer term, higher rate
		}
		return pa.Purchased < pb.Purchased
	})
	groups := map[itemKey][]int{}
	var keys []itemKey
	for _, i := range order {
		k := itemKey{s.Passports[i].Item.ID, s.Passports[i].Item.Zone}
		if _, seen := groups[k]; !seen {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], i)
	}
	var candidates []int
	for mi, month := range fees {
		m := s.Start + Month(mi)
		for _, key := range keys {
			candidates = candidates[:0]
			for li, cf := range month {
				it := s.Resources[cf.resource].Item
				if it.ID == key.id && it.Zone == key.zone && it.Kind == KindServer && cf.fee.Amount.IsPositive() {
					candidates = append(candidates, li)
				}
			}
			sort.SliceStable(candidates, func(a, b int) bool {
				fa, fb := &month[candidates[a]], &month[candidates[b]]
				if c := fa.fee.Amount.Cmp(fb.fee.Amount); c != 0 {
					return c > 0
				}
				if fa.resource != fb.resource {
					return fa.resource < fb.resource
				}
				return fa.contract < fb.contract
			})
			next := 0
			for _, pi := range groups[key] {
				pp := s.Passports[pi]
				if !pp.validIn(m) {
					continue
				}
				term := passportTermsByMonths[pp.Term]
				ref := &PassportRef{ID: pp.ID, Term: pp.Term, Purchased: pp.Purchased, Rate: term.rate}
				for r := 0; r < pp.Count; r++ {
					if next >= len(candidates) {
						out.outcomes[pi].unusedRight += pp.Count - r
						break
					}
					if out.months[mi] == nil {
						out.months[mi] = make([]lineDiscount, len(month))
					}
					li := candidates[next]
					next++
					fee := month[li].fee.Amount
					amount := discountedFee(fee, term.kept)
					d := lineDiscount{amount: amount, discount: fee.Sub(amount), passport: ref}
					out.months[mi][li] = d
					out.outcomes[pi].discounts[mi] = out.outcomes[pi].discounts[mi].Add(d.discount)
				}
			}
		}
	}
	return out
}

// passportSummaries reports each purchase's fee, discounts and break-even (R9.3).
func passportSummaries(s Scenario, outcomes []passportOutcome) []PassportSummary {
	out := make([]PassportSummary, len(s.Passports))
	for i, pp := range s.Passports {
		fee := passportFee(pp).MulInt(int64(pp.Count))
		sum := PassportSummary{ID: pp.ID, Item: pp.Item.ID, Zone: pp.Item.Zone, Term: pp.Term, Count: pp.Count,
			Purchased: pp.Purchased, ValidTo: pp.Purchased + Month(pp.Term-1),
			Rate: passportTermsByMonths[pp.Term].rate, Fee: fee,
			FeeBeforeHorizon:  pp.Purchased < s.Start,
			UnusedRightMonths: outcomes[i].unusedRight}
		for mi, d := range outcomes[i].discounts {
			sum.Discounts = sum.Discounts.Add(d)
			m := s.Start + Month(mi)
			if sum.BreakEven == nil && !sum.FeeBeforeHorizon && m >= pp.Purchased && sum.Discounts.Cmp(fee) >= 0 {
				sum.BreakEven = &m
			}
		}
		out[i] = sum
	}
	return out
}
