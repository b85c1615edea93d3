package engine

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// randomLots is a plan's lots in the search's order (month, then term index),
// at most one per month and term, from a few months so that plans share
// months often.
func randomLots(r *rand.Rand) []purchaseLot {
	var lots []purchaseLot
	for m := 0; m < 6; m++ {
		for t := range adviceTerms {
			if r.IntN(4) == 0 {
				lots = append(lots, purchaseLot{month: m * 3, term: t, count: 1 + r.IntN(3)})
			}
		}
	}
	return lots
}

// TestAllowance_walkEqualsBetter checks the allowance as the search uses it:
// starting from a plan q's key, taking a plan p's lots one by one (bought, and
// passed for the months p buys nothing in) and its cost at the end admits p
// exactly when q is not better than p (advicePlan.better, issue 14's
// tie-breaks).
func TestAllowance_walkEqualsBetter(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 5))
	for i := range 20000 {
		q := advicePlan{cost: int64(r.IntN(3)), lots: randomLots(r)}
		p := advicePlan{cost: int64(r.IntN(3)), lots: randomLots(r)}
		if i%3 == 0 {
			p.lots = slices.Clone(q.lots) // same months and terms, maybe other counts
			for j := range p.lots {
				if r.IntN(3) == 0 {
					p.lots[j].count = 1 + r.IntN(3)
				}
			}
		}
		want := !q.better(p)
		if got := keyOf(q).admits(p); got != want {
			t.Fatalf("case %d: keyOf(%v).admits(%v) = %v, want %v", i, q, p, got, want)
		}
		a := keyOf(q)
		for _, l := range p.lots {
			a = a.passed(l.month).bought(l, 0)
		}
		a = a.passed(18)
		if got := a.admits(advicePlan{cost: p.cost}); got != want {
			t.Fatalf("case %d: walking %v against %v admits %v, want %v", i, p, q, got, want)
		}
	}
}

// TestFewPurchases_belowEveryPlan checks the bound for few purchases left as
// the search uses it: from a candidate month, with the lots of a random plan
// bought before it held, it is never above what the rest of the plan costs
// (fees of its later purchases less the discounts from that month on), given
// as many purchases as the rest makes.
func TestFewPurchases_belowEveryPlan(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 15))
	checked := 0
	for i := range 300 {
		g := smallFleet(r, 1+r.IntN(4), 12+r.IntN(40), 1+r.IntN(60))
		if g.cap == 0 {
			continue
		}
		candidate := purchaseMonths(g.fees)
		lb := newLagrangeBound(g, candidate)
		if lb == nil {
			t.Fatalf("case %d: no bound", i)
		}
		for range 20 {
			held := make([]int, len(g.fees))
			var lots []purchaseLot
			for m, ok := range candidate {
				for tt := range adviceTerms {
					if !ok || r.IntN(5) > 0 {
						continue
					}
					if lot, fits := randomLot(r, g, held, m, tt); fits {
						lots = append(lots, lot)
					}
				}
			}
			// Split at a candidate month: the lots before are held.
			var at int
			for at = r.IntN(len(g.fees)); !candidate[at]; at-- {
			}
			var before []heldLot
			var rest int64
			later := 0
			for _, l := range lots {
				if l.month < at {
					if end := l.month + adviceTerms[l.term].months; end > at {
						before = append(before, heldLot{term: l.term, end: end, count: l.count})
					}
				} else {
					rest += int64(l.count) * g.perRight[l.term]
					later++
				}
			}
			for m := at; m < len(g.fees); m++ {
				var h [3]int
				for _, l := range lots {
					if m >= l.month && m < l.month+adviceTerms[l.term].months {
						h[l.term] += l.count
					}
				}
				rest -= discountTable(g.fees[m]).value(h)
			}
			for extra := 0; extra <= 2 && later+extra <= fewPurchasesMax; extra++ {
				if b := lb.fewPurchases(g, at, 0, before, later+extra, rest*lb.q); b > rest*lb.q {
					t.Fatalf("case %d: lots %v from month %d cost %d, below the bound %d/%d with %d purchases", i, lots, at, rest, b, lb.q, later+extra)
				}
			}
			checked++
		}
	}
	if checked < 4000 {
		t.Errorf("only %d plans checked", checked)
	}
}
