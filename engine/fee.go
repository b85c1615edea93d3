package engine

import "github.com/shopspring/decimal"

// Fee is R4 for S seconds of use: the fee charged and the alternatives it
// was chosen from, every figure a line or a fee curve point shows.
type Fee struct {
	// Hours is H = ceil(S / 3600) (R4.2); Days and RestHours are its 24-hour
	// blocks and remainder (R4.3), or the started days of an item without an
	// hourly price (R4.6).
	Hours, Days, RestHours int64
	// HourlyOnly, HourlyDaily and Monthly are the three ways of billing
	// (R4.4, R4.5), nil where a price is missing.
	HourlyOnly  *Yen
	HourlyDaily *Yen
	Monthly     *Yen
	// Amount is the cheapest of them, billed on Basis (R4.9).
	Amount Yen
	Basis  Basis
}

var twentyFour = decimal.NewFromInt(24)

// FeeFor applies R4 to S seconds of use at prices p. S must be above 0
// (R3.4: months without use have no line).
func FeeFor(p Prices, s int64) Fee {
	f := Fee{Hours: usageHours(s)}
	f.Days, f.RestHours = f.Hours/24, f.Hours%24
	if p.Monthly.Set {
		f.Monthly = yenPtr(yenFloor(p.Monthly.Value))
	}
	if p.MonthlyOnly() {
		// R4.7: the full monthly fee whenever the contract exists at all.
		f.Amount, f.Basis = *f.Monthly, BasisMonthlyOnly
		return f
	}
	if p.Hourly.Set {
		f.HourlyOnly = yenPtr(yenFloor(decimal.NewFromInt(f.Hours).Mul(p.Hourly.Value)))
	}
	hd, dailyCharged := hourlyDaily(p, s, &f)
	f.HourlyDaily = yenPtr(yenFloor(hd))
	switch {
	case p.Monthly.Set && p.Monthly.Value.LessThanOrEqual(hd):
		f.Amount, f.Basis = *f.Monthly, BasisMonthly
	case dailyCharged:
		f.Amount, f.Basis = yenFloor(hd), BasisDaily
	default:
		f.Amount, f.Basis = yenFloor(hd), BasisHourly
	}
	return f
}

// hourlyDaily is seed 003's ① (R4.4, R4.6) before truncation, and whether a
// daily price is part of it (R4.9).
func hourlyDaily(p Prices, s int64, f *Fee) (decimal.Decimal, bool) {
	switch {
	case p.Hourly.Set && p.Daily.Set:
		hourly, daily := p.Hourly.Value, p.Daily.Value
		fullDayAtHourly := twentyFour.Mul(hourly)
		restAtHourly := decimal.NewFromInt(f.RestHours).Mul(hourly)
		dayPrice := decimal.Min(daily, fullDayAtHourly)
		hd := decimal.NewFromInt(f.Days).Mul(dayPrice).Add(decimal.Min(restAtHourly, daily))
		dailyCharged := (f.Days >= 1 && daily.LessThanOrEqual(fullDayAtHourly)) || restAtHourly.GreaterThanOrEqual(daily)
		return hd, dailyCharged
	case p.Daily.Set:
		// Without an hourly price, every started day costs a day (R4.6).
		f.Days, f.RestHours = usageDays(s), 0
		return decimal.NewFromInt(f.Days).Mul(p.Daily.Value), true
	default:
		return decimal.NewFromInt(f.Hours).Mul(p.Hourly.Value), false
	}
}

func yenPtr(y Yen) *Yen { return &y }

// BreakPoints are R4.10's least whole hours of a month (1 to 744) from which
// the daily price, and the monthly fee, is billed; nil when never.
func BreakPoints(p Prices) (dailyFrom, monthlyFrom *int) {
	if p.MonthlyOnly() {
		one := 1
		return nil, &one
	}
	basisAt := func(h int) Basis { return FeeFor(p, int64(h)*3600).Basis }
	// HD never falls as hours grow, so once the monthly fee applies it stays:
	// a binary search finds the first hour.
	lo, hi := 1, 745
	for lo < hi {
		mid := (lo + hi) / 2
		if basisAt(mid) == BasisMonthly {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	if lo <= 744 {
		monthlyFrom = &lo
	}
	// A daily price is billed from within the first day or never: past 24 h
	// either a whole day already costs the daily price, or it never will.
	for h := 1; h <= 24 && h <= 744; h++ {
		if monthlyFrom != nil && h >= *monthlyFrom {
			break
		}
		if basisAt(h) == BasisDaily {
			dailyFrom = &h
			break
		}
	}
	return dailyFrom, monthlyFrom
}
