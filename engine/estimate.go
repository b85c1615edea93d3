package engine

import (
	"encoding/json"
	"fmt"
	"slices"
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

// EstimateJSON decodes a scenario, estimates it, and returns the estimate
// (ok) or the contract's error list (not ok). It never panics: an internal
// failure becomes an error list too.
func EstimateJSON(scenario []byte) (out []byte, ok bool) {
	defer func() {
		if p := recover(); p != nil {
			out, ok = errorDocument(fmt.Errorf("internal error in the engine: %v", p)), false
		}
	}()
	s, err := DecodeScenario(scenario)
	if err != nil {
		return errorDocument(err), false
	}
	res, err := Estimate(s)
	if err != nil {
		return errorDocument(err), false
	}
	out, err = json.Marshal(res)
	if err != nil {
		return errorDocument(fmt.Errorf("writing the estimate: %w", err)), false
	}
	return out, true
}

// checkDecoded guards Estimate against scenarios assembled by hand in Go.
func checkDecoded(s Scenario) error {
	var r reader
	if s.Catalog == nil {
		r.fail("catalog", "is required")
	}
	if s.Months < 1 || s.Months > 120 {
		r.fail("months", "must be a whole number from 1 to 120")
	}
	for i, res := range s.Resources {
		p := index("resources", i)
		if res.Item == nil {
			r.fail(join(p, "item"), "is required")
		} else if res.Item.Prices.MonthlyOnly() && !res.Item.Prices.Monthly.Set {
			r.fail(join(p, "item"), "has no price")
		}
		if res.Count < 1 || res.Count > maxCount {
			r.fail(join(p, "count"), "must be a whole number from 1 to %d", maxCount)
		}
		if !slices.Contains(usagePatterns, res.Usage.Pattern) {
			r.fail(join(p, "usage.pattern"), "must be one of %v", usagePatterns)
		}
	}
	for i, pp := range s.Passports {
		p := index("passports", i)
		if pp.Item == nil || !pp.Item.Passport || !pp.Item.Prices.Monthly.Set && pp.Item.PassportFees[pp.Term].IsZero() {
			r.fail(join(p, "item"), "must be a passport-eligible plan")
		}
		if _, ok := passportTermsByMonths[pp.Term]; !ok {
			r.fail(join(p, "term"), "must be 12, 24 or 36 months")
		}
		if pp.Count < 1 {
			r.fail(join(p, "count"), "must be at least 1")
		}
	}
	for i, c := range s.Credits {
		if c.Kind != CreditCoupon && c.Kind != CreditPrepaid {
			r.fail(join(index("credits", i), "kind"), "must be %q or %q", CreditCoupon, CreditPrepaid)
		}
	}
	return r.err()
}
