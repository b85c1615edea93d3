package engine

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

var (
	passportFields = []string{"id", "item", "zone", "term", "count", "purchased"}
	creditFields   = []string{"id", "kind", "amount", "registered", "expires", "registerBy", "code"}
	alertFields    = []string{"billAbove", "balanceBelow"}
	prepaidFixed   = []int64{10000, 30000}
	prepaidMinOpen = YenFromInt(50000)
	maxAlert       = YenFromInt(999_999_999)
)

func (d *scenarioDecoder) passports(list []any) []Passport {
	return decodeUnique(d, "passports", list, d.passport, func(pp Passport) string { return pp.ID })
}

func (d *scenarioDecoder) passport(path string, v any, i int) (Passport, bool) {
	obj, ok := d.object(path, v, passportFields...)
	if !ok {
		return Passport{}, false
	}
	before := len(d.problems)
	pp := Passport{ID: fmt.Sprintf("passport-%d", i+1), Count: 1}
	if present(obj, "id") {
		pp.ID, _ = d.nonEmpty(path, obj, "id", true)
	}
	id, idOK := d.nonEmpty(path, obj, "item", true)
	zone, zoneOK := d.nonEmpty(path, obj, "zone", true)
	if idOK && zoneOK && d.cat != nil {
		if it, found := d.lookup(path, id, zone); found {
			switch {
			case it.Kind != KindServer:
				d.fail(join(path, "item"), "%q is a %s: discount passports are for servers only", id, it.Kind)
			case !it.Passport:
				d.fail(join(path, "item"), "plan %q in zone %q is not eligible for discount passports", id, zone)
			default:
				pp.Item = it
			}
		}
	}
	const termProblem = "must be 12, 24 or 36 months"
	if term, ok := d.integerOr(path, obj, "term", true, 12, 36, termProblem); ok {
		if !slices.Contains(passportTerms, term) {
			d.fail(join(path, "term"), termProblem)
		}
		pp.Term = term
	}
	if present(obj, "count") {
		pp.Count, _ = d.integer(path, obj, "count", true, 1, maxCount)
	}
	purchased, purchasedOK := d.month(path, obj, "purchased", true)
	pp.Purchased = purchased
	if purchasedOK && d.horizonOK && slices.Contains(passportTerms, pp.Term) {
		if purchased > d.last {
			d.fail(join(path, "purchased"), "is after the horizon's last month %s", d.last)
		} else if purchased+Month(pp.Term-1) < d.first {
			d.fail(join(path, "purchased"), "is too early: the %d-month term ends in %s, before the horizon starts (%s)", pp.Term, purchased+Month(pp.Term-1), d.first)
		}
	}
	return pp, len(d.problems) == before
}

func (d *scenarioDecoder) credits(list []any) []Credit {
	return decodeUnique(d, "credits", list, d.credit, func(c Credit) string { return c.ID })
}

func (d *scenarioDecoder) credit(path string, v any, i int) (Credit, bool) {
	obj, ok := d.object(path, v, creditFields...)
	if !ok {
		return Credit{}, false
	}
	before := len(d.problems)
	c := Credit{ID: fmt.Sprintf("credit-%d", i+1)}
	if present(obj, "id") {
		c.ID, _ = d.nonEmpty(path, obj, "id", true)
	}
	c.Kind, _ = d.str(path, obj, "kind", true)
	if c.Kind != "" && c.Kind != CreditCoupon && c.Kind != CreditPrepaid {
		d.fail(join(path, "kind"), "must be %q or %q", CreditCoupon, CreditPrepaid)
		return c, false
	}
	amount, amountOK := d.wholeYen(path, obj, "amount", true)
	c.Amount = amount
	registered, registeredOK := d.date(path, obj, "registered", true)
	c.Registered = registered

	switch c.Kind {
	case CreditPrepaid:
		if present(obj, "expires") {
			d.fail(join(path, "expires"), "must not be given for a prepaid ID: it is valid for 12 months from registration")
		}
		for _, k := range []string{"registerBy", "code"} {
			if present(obj, k) {
				d.fail(join(path, k), "applies only to coupons, not to a prepaid ID")
			}
		}
		if amountOK && !prepaidAmountAllowed(amount) {
			d.fail(join(path, "amount"), "must be 10,000, 30,000, or 50,000 yen or more: the amounts prepaid IDs are sold for")
		}
		if registeredOK {
			c.Expires = prepaidExpiry(registered)
		}
	case CreditCoupon:
		expires, expiresOK := d.date(path, obj, "expires", true)
		c.Expires = expires
		if expiresOK && registeredOK && expires.Before(registered) {
			d.fail(join(path, "expires"), "must not be before the registration date %s", registered)
		}
		c.RegisterBy, c.HasRegisterBy = d.date(path, obj, "registerBy", false)
		if code, given := d.str(path, obj, "code", false); given {
			if err := checkCouponCode(code); err != nil {
				d.fail(join(path, "code"), "%v", err)
			}
			c.Code = code
		}
	}
	if d.horizonOK && len(d.problems) == before {
		if c.Expires.Before(d.first.FirstDay()) {
			if c.Kind == CreditPrepaid {
				d.fail(join(path, "registered"), "is too early: the prepaid ID expires on %s (12 months from registration), before the horizon starts (%s)", c.Expires, d.first)
			} else {
				d.fail(join(path, "expires"), "is before the horizon starts (%s): the coupon could pay nothing", d.first)
			}
		}
		if registered.After(d.last.LastDay()) {
			d.fail(join(path, "registered"), "is after the horizon's last month %s", d.last)
		}
	}
	return c, len(d.problems) == before
}

func prepaidAmountAllowed(a Yen) bool {
	for _, n := range prepaidFixed {
		if a.Equal(YenFromInt(n)) {
			return true
		}
	}
	return a.Cmp(prepaidMinOpen) >= 0
}

// prepaidExpiry is the last valid day of a prepaid ID: 12 months from
// registration, through the day before the same date a year later (R7.2).
// time.Date turns 29 February of a common year into 1 March, so one day
// earlier is 28 February, as the rule says.
func prepaidExpiry(registered Date) Date {
	t := time.Date(registered.Year+1, registered.Month, registered.Day-1, 0, 0, 0, 0, time.UTC)
	return Date{t.Year(), t.Month(), t.Day()}
}

// checkCouponCode accepts 16 digits with single spaces or hyphens between them (R7.2).
func checkCouponCode(code string) error {
	problem := fmt.Errorf("must be the coupon's 16 digits, optionally grouped with spaces or hyphens (\"1234-5678-9012-3456\")")
	digits := 0
	prevSep := true // a separator may not lead
	for _, r := range code {
		switch {
		case r >= '0' && r <= '9':
			digits++
			prevSep = false
		case (r == ' ' || r == '-') && !prevSep:
			prevSep = true
		default:
			return problem
		}
	}
	if digits != 16 || prevSep || strings.TrimSpace(code) != code {
		return problem
	}
	return nil
}

func (d *scenarioDecoder) alerts(v any) Alerts {
	if v == nil {
		return Alerts{}
	}
	obj, ok := d.object("alerts", v, alertFields...)
	if !ok {
		return Alerts{}
	}
	var a Alerts
	for _, f := range []struct {
		key string
		dst **Yen
	}{{"billAbove", &a.BillAbove}, {"balanceBelow", &a.BalanceBelow}} {
		amount, ok := d.money("alerts", obj, f.key, false)
		if !ok {
			continue
		}
		y := Yen{amount}
		if !amount.IsInteger() || !y.IsPositive() || y.Cmp(maxAlert) > 0 {
			d.fail(join("alerts", f.key), "must be from 1 to 999,999,999 yen")
			continue
		}
		*f.dst = &y
	}
	return a
}
