package pricelist

import (
	"time"

	"github.com/sakura-sim/pricesim/engine"
	"github.com/sakura-sim/pricesim/engine/document"
	"github.com/shopspring/decimal"
)

// The public price API publishes prices with the consumption tax in force on
// the day it answers (price-api.md): 10 % since 2019-10-01, 8 % before.
var (
	taxFrom2019 = "2019-10-01"
	tax8        = decimal.RequireFromString("0.08")
	tax10       = decimal.RequireFromString("0.10")
)

// taxRateOn is the consumption tax rate in force on a date "YYYY-MM-DD".
func taxRateOn(date string) decimal.Decimal {
	if date < taxFrom2019 {
		return tax8
	}
	return tax10
}

var jst = time.FixedZone("JST", 9*60*60)

// documentDate reads ResponsedAt as a date in Japan; a document without one
// is dated asOf, which is then required. An asOf of another tax era than
// ResponsedAt is a warning: the document's own date wins.
func (r *reader) documentDate(path string, obj map[string]any, asOf string, report *ImportReport) dated {
	if s, isStr := obj["ResponsedAt"].(string); isStr && s != "" {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			r.Fail(document.Join(path, "ResponsedAt"), "badResponsedAt")
			return dated{}
		}
		d := dated{date: t.In(jst).Format("2006-01-02"), from: "ResponsedAt"}
		d.rate = taxRateOn(d.date)
		if asOf != "" && !taxRateOn(asOf).Equal(d.rate) {
			report.Warnings = append(report.Warnings, engine.NewFieldError(document.Join(path, "ResponsedAt"), "responsedAtTaxEra",
				"date", d.date, "rate", percent(d.rate), "asOf", asOf, "asOfRate", percent(taxRateOn(asOf))))
		}
		return d
	}
	if asOf == "" {
		r.Fail("asOf", "requiredAsOfFor", "document", path)
		return dated{}
	}
	return dated{date: asOf, from: "asOf", rate: taxRateOn(asOf)}
}

// oneTaxRate fails when documents of two tax rates are given together: a
// catalog has one tax rate (R6.2).
func (r *reader) oneTaxRate(listPath string, dates []dated) {
	for i, d := range dates {
		if !d.rate.Equal(dates[0].rate) {
			r.Fail(document.Index(listPath, i), "mixedTaxRates", "date", d.date, "rate", percent(d.rate),
				"first", document.Index(listPath, 0), "firstDate", dates[0].date, "firstRate", percent(dates[0].rate))
			return
		}
	}
}

func percent(rate decimal.Decimal) string { return rate.Shift(2).String() }
