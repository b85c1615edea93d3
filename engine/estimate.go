package engine

import (
	"fmt"
	"slices"
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
	resourceIndex := make(map[string]int, len(s.Resources))
	for i, r := range s.Resources {
		resourceIndex[r.ID] = i
	}
	bills := usageBills(s)
	outcomes := applyPassports(s, bills, resourceIndex)
	addPassportFees(s, bills)
	totalBills(s, bills)
	ledger := settle(s, bills)
	return Result{
		Catalog:   catalogSummary(s),
		Resources: resourceSummaries(s),
		Months:    bills,
		Years:     yearTotals(s, bills),
		Passports: passportSummaries(s, outcomes),
		Credits:   ledger.Credits,
	}, nil
}

// checkDecoded guards Estimate against scenarios assembled by hand in Go.
func checkDecoded(s Scenario) error {
	var r problems
	if s.Catalog == nil {
		r.fail("catalog", "is required")
	}
	if s.Months < 1 || s.Months > 120 {
		r.fail("months", "must be a whole number from 1 to 120")
	}
	for i, res := range s.Resources {
		p := "resources[" + strconv.Itoa(i) + "]"
		if res.Item == nil {
			r.fail(p+".item", "is required")
		} else if res.Item.Prices.MonthlyOnly() && !res.Item.Prices.Monthly.Set {
			r.fail(p+".item", "has no price")
		}
		if res.Count < 1 || res.Count > MaxCount {
			r.fail(p+".count", "must be a whole number from 1 to %d", MaxCount)
		}
		if !slices.Contains(UsagePatterns(), res.Usage.Pattern) {
			r.fail(p+".usage.pattern", "must be one of %v", UsagePatterns())
		}
	}
	for i, pp := range s.Passports {
		p := "passports[" + strconv.Itoa(i) + "]"
		if pp.Item == nil || !pp.Item.Passport || !pp.Item.Prices.Monthly.Set && pp.Item.PassportFees[pp.Term].IsZero() {
			r.fail(p+".item", "must be a passport-eligible plan")
		}
		if _, ok := passportTermsByMonths[pp.Term]; !ok {
			r.fail(p+".term", "must be 12, 24 or 36 months")
		}
		if pp.Count < 1 {
			r.fail(p+".count", "must be at least 1")
		}
	}
	for i, c := range s.Credits {
		if c.Kind != CreditCoupon && c.Kind != CreditPrepaid {
			r.fail("credits["+strconv.Itoa(i)+"].kind", "must be %q or %q", CreditCoupon, CreditPrepaid)
		}
	}
	return r.err()
}

// problems collects what checkDecoded finds.
type problems []FieldError

func (p *problems) fail(path, format string, args ...any) {
	*p = append(*p, FieldError{Path: path, Message: fmt.Sprintf(format, args...)})
}

func (p problems) err() error {
	if len(p) == 0 {
		return nil
	}
	return &ValidationError{Problems: p}
}
