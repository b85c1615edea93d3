package contract

import (
	"fmt"
	"github.com/sakura-sim/pricesim/engine"
	"github.com/sakura-sim/pricesim/engine/document"
	"slices"
	"strconv"
)

var (
	passportFields = []string{"id", "item", "zone", "term", "count", "purchased"}
	creditFields   = []string{"id", "kind", "amount", "registered", "expires", "registerBy", "code"}
	alertFields    = []string{"billAbove", "balanceBelow"}
	maxAlert       = engine.YenFromInt(999_999_999)
)

func (d *scenarioDecoder) passports(list []any) []engine.Passport {
	return decodeUnique(d, "passports", list, d.passport, func(pp engine.Passport) string { return pp.ID })
}

func (d *scenarioDecoder) passport(path string, v any, i int) (engine.Passport, bool) {
	obj, ok := d.Object(path, v, passportFields...)
	if !ok {
		return engine.Passport{}, false
	}
	before := d.Count()
	pp := engine.Passport{ID: fmt.Sprintf("passport-%d", i+1), Count: 1}
	if document.Present(obj, "id") {
		pp.ID, _ = d.NonEmpty(path, obj, "id", true)
	}
	id, idOK := d.NonEmpty(path, obj, "item", true)
	zone, zoneOK := d.NonEmpty(path, obj, "zone", true)
	if idOK && zoneOK && d.cat != nil {
		if it, found := d.lookup(path, id, zone); found {
			switch {
			case it.Kind != engine.KindServer:
				d.Fail(document.Join(path, "item"), "passportNotServer", "item", id, "kind", it.Kind.String())
			case !it.Passport:
				d.Fail(document.Join(path, "item"), "notPassportPlan", "item", id, "zone", zone)
			default:
				pp.Item = it
			}
		}
	}
	if term, ok := d.IntegerOr(path, obj, "term", true, 12, 36, "badTerm"); ok {
		if !slices.Contains(passportTerms, term) {
			d.Fail(document.Join(path, "term"), "badTerm")
		}
		pp.Term = term
	}
	if document.Present(obj, "count") {
		pp.Count, _ = d.Integer(path, obj, "count", true, 1, engine.MaxCount)
	}
	purchased, purchasedOK := d.Month(path, obj, "purchased", true)
	pp.Purchased = purchased
	if purchasedOK && d.horizonOK && slices.Contains(passportTerms, pp.Term) {
		if purchased > d.last {
			d.Fail(document.Join(path, "purchased"), "afterHorizon", "last", d.last.String())
		} else if purchased+engine.Month(pp.Term-1) < d.first {
			d.Fail(document.Join(path, "purchased"), "passportTooEarly", "term", strconv.Itoa(pp.Term), "ends", (purchased + engine.Month(pp.Term-1)).String(), "first", d.first.String())
		}
	}
	return pp, d.Count() == before
}

func (d *scenarioDecoder) credits(list []any) []engine.Credit {
	return decodeUnique(d, "credits", list, d.credit, func(c engine.Credit) string { return c.ID })
}

func (d *scenarioDecoder) credit(path string, v any, i int) (engine.Credit, bool) {
	obj, ok := d.Object(path, v, creditFields...)
	if !ok {
		return engine.Credit{}, false
	}
	before := d.Count()
	c := engine.Credit{ID: fmt.Sprintf("credit-%d", i+1)}
	if document.Present(obj, "id") {
		c.ID, _ = d.NonEmpty(path, obj, "id", true)
	}
	if name, ok := d.Str(path, obj, "kind", true); ok {
		if c.Kind, ok = engine.ParseCreditKind(name); !ok {
			d.Fail(document.Join(path, "kind"), "badCreditKind")
			return c, false
		}
	}
	amount, amountOK := d.WholeYen(path, obj, "amount", true)
	c.Amount = amount
	registered, registeredOK := d.Date(path, obj, "registered", true)
	c.Registered = registered

	switch c.Kind {
	case engine.CreditPrepaid:
		if document.Present(obj, "expires") {
			d.Fail(document.Join(path, "expires"), "expiresOnPrepaid")
		}
		for _, k := range []string{"registerBy", "code"} {
			if document.Present(obj, k) {
				d.Fail(document.Join(path, k), "couponOnly")
			}
		}
		if amountOK && !engine.PrepaidAmountAllowed(amount) {
			d.Fail(document.Join(path, "amount"), "badPrepaidAmount")
		}
		if registeredOK {
			c.Expires = engine.PrepaidExpiry(registered)
		}
	case engine.CreditCoupon:
		expires, expiresOK := d.Date(path, obj, "expires", true)
		c.Expires = expires
		if expiresOK && registeredOK && expires.Before(registered) {
			d.Fail(document.Join(path, "expires"), "expiresBeforeRegistered", "registered", registered.String())
		}
		c.RegisterBy, c.HasRegisterBy = d.Date(path, obj, "registerBy", false)
		if code, given := d.Str(path, obj, "code", false); given {
			if err := engine.CheckCouponCode(code); err != nil {
				d.FailWith(document.Join(path, "code"), err)
			}
			c.Code = code
		}
	}
	if d.horizonOK && d.Count() == before {
		if c.Expires.Before(d.first.FirstDay()) {
			if c.Kind == engine.CreditPrepaid {
				d.Fail(document.Join(path, "registered"), "prepaidTooEarly", "expires", c.Expires.String(), "first", d.first.String())
			} else {
				d.Fail(document.Join(path, "expires"), "couponExpiresTooEarly", "first", d.first.String())
			}
		}
		if registered.After(d.last.LastDay()) {
			d.Fail(document.Join(path, "registered"), "afterHorizon", "last", d.last.String())
		}
	}
	return c, d.Count() == before
}

func (d *scenarioDecoder) alerts(v any) engine.Alerts {
	if v == nil {
		return engine.Alerts{}
	}
	obj, ok := d.Object("alerts", v, alertFields...)
	if !ok {
		return engine.Alerts{}
	}
	var a engine.Alerts
	for _, f := range []struct {
		key string
		dst **engine.Yen
	}{{"billAbove", &a.BillAbove}, {"balanceBelow", &a.BalanceBelow}} {
		amount, ok := d.Money("alerts", obj, f.key, false)
		if !ok {
			continue
		}
		y, _ := engine.YenFromDecimal(amount)
		if !amount.IsInteger() || !y.IsPositive() || y.Cmp(maxAlert) > 0 {
			d.Fail(document.Join("alerts", f.key), "badAlert")
			continue
		}
		*f.dst = &y
	}
	return a
}
