package engine

import (
	"strconv"
)

// Estimate prices a decoded scenario: the usage fee of every contract in every
// month (R4), passport discounts and fees (R5), monthly bills (R6), what
// credits pay (R7), notices (R8) and the multi-year view (R9).
//
// Estimate returns an error wrapping ErrInvalidScenario if the scenario was not
// built by DecodeScenario and breaks one of its guarantees (no catalog, a
// resource without an item, a horizon out of range, ...).
func Estimate(s Scenario) (Result, error) {
	if err := checkDecoded(s); err != nil {
		return Result{}, err
	}
	// One way through: each stage makes its own value from the earlier ones.
	usage := usageOf(s)                                                // R2, R3
	fees := feesOf(s, usage)                                           // R4
	discounts := discountsOf(s, fees)                                  // R5.4, R5.5
	bills := billsOf(s, fees, discounts)                               // R5.3, R6
	ledger := settleCredits(creditBillsOf(bills), s.Credits, s.Alerts) // R7, R8
	months := settledMonths(bills, ledger)
	return Result{
		Catalog:   catalogSummary(s),
		Resources: resourceSummaries(s),
		Months:    months,
		Years:     yearTotals(months), // R9
		Passports: passportSummaries(s, discounts.outcomes),
		Credits:   ledger.Credits,
	}, nil
}

// checkDecoded guards Estimate against scenarios assembled by hand in Go.
func checkDecoded(s Scenario) error {
	var r problems
	if s.Catalog == nil {
		r.fail("catalog", "required")
	}
	if s.Months < 1 || s.Months > 120 {
		r.fail("months", "outOfRange", "min", "1", "max", "120")
	}
	for i, res := range s.Resources {
		p := "resources[" + strconv.Itoa(i) + "]"
		if res.Item == nil {
			r.fail(p+".item", "required")
		} else if res.Item.Prices.MonthlyOnly() && !res.Item.Prices.Monthly.Set {
			r.fail(p+".item", "noPrice")
		}
		if res.Count < 1 || res.Count > MaxCount {
			r.fail(p+".count", "outOfRange", "min", "1", "max", strconv.Itoa(MaxCount))
		}
		if res.Usage.Pattern < PatternAlways || res.Usage.Pattern > PatternIntervals {
			r.fail(p+".usage.pattern", "badPattern", "patterns", `"always", "hours", "intervals"`)
		}
	}
	for i, pp := range s.Passports {
		p := "passports[" + strconv.Itoa(i) + "]"
		if pp.Item == nil || !pp.Item.Passport || !pp.Item.Prices.Monthly.Set && pp.Item.PassportFees[pp.Term].IsZero() {
			r.fail(p+".item", "notPassportPlan", "item", itemID(pp.Item), "zone", itemZone(pp.Item))
		}
		if _, ok := passportTermsByMonths[pp.Term]; !ok {
			r.fail(p+".term", "badTerm")
		}
		if pp.Count < 1 || pp.Count > MaxCount {
			r.fail(p+".count", "outOfRange", "min", "1", "max", strconv.Itoa(MaxCount))
		}
	}
	for i, c := range s.Credits {
		if c.Kind != CreditCoupon && c.Kind != CreditPrepaid {
			r.fail("credits["+strconv.Itoa(i)+"].kind", "badCreditKind")
		}
	}
	return r.err()
}

// problems collects what checkDecoded finds.
type problems []FieldError

func (p *problems) fail(path string, code Code, args ...string) {
	*p = append(*p, NewFieldError(path, code, args...))
}

func itemID(it *Item) string {
	if it == nil {
		return ""
	}
	return it.ID
}

func itemZone(it *Item) string {
	if it == nil {
		return ""
	}
	return it.Zone
}

func (p problems) err() error {
	if len(p) == 0 {
		return nil
	}
	return &ValidationError{Subject: SubjectScenario, Problems: p}
}
