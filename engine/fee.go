package engine

import "github.com/shopspring/decimal"

// usageFee is R4 for one contract in one month: every figure the line shows.
type usageFee struct {
	hours, days, rest int64
	hourlyOnly        *Yen
	hourlyDaily       *Yen
	monthly           *Yen
	fee               Yen
	basis             string
}

var twentyFour = decimal.NewFromInt(24)

// computeFee applies R4 to S seconds of use at prices p. S must be above 0
// (R3.4: months without use have no line).
func computeFee(p Prices, s int64) usageFee {
	f := usageFee{hours: usageHours(s)}
	f.days, f.rest = f.hours/24, f.hours%24
	if p.Monthly.Set {
		f.monthly = yenPtr(yenFloor(p.Monthly.Value))
	}
	if p.MonthlyOnly() {
		// R4.7: the full monthly fee whenever the contract exists at all.
		f.fee, f.basis = *f.monthly, BasisMonthlyOnly
		return f
	}
	if p.Hourly.Set {
		f.hourlyOnly = yenPtr(yenFloor(decimal.NewFromInt(f.hours).Mul(p.Hourly.Value)))
	}
	hd, dailyCharged := hourlyDaily(p, s, &f)
	f.hourlyDaily = yenPtr(yenFloor(hd))
	switch {
	case p.Monthly.Set && p.Monthly.Value.LessThanOrEqual(hd):
		f.fee, f.basis = *f.monthly, BasisMonthly
	case dailyCharged:
		f.fee, f.basis = yenFloor(hd), BasisDaily
	default:
		f.fee, f.basis = yenFloor(hd), BasisHourly
	}
	return f
}

// hourlyDaily is seed 003's ① (R4.4, R4.6) before truncation, and whether a
// daily price is part of it (R4.9).
func hourlyDaily(p Prices, s int64, f *usageFee) (decimal.Decimal, bool) {
	switch {
	case p.Hourly.Set && p.Daily.Set:
		hourly, daily := p.Hourly.Value, p.Daily.Value
		fullDayAtHourly := twentyFour.Mul(hourly)
		restAtHourly := decimal.NewFromInt(f.rest).Mul(hourly)
		dayPrice := decimal.Min(daily, fullDayAtHourly)
		hd := decimal.NewFromInt(f.days).Mul(dayPrice).Add(decimal.Min(restAtHourly, daily))
		dailyCharged := (f.days >= 1 && daily.LessThanOrEqual(fullDayAtHourly)) || restAtHourly.GreaterThanOrEqual(daily)
		return hd, dailyCharged
	case p.Daily.Set:
		// Without an hourly price, every started day costs a day (R4.6).
		f.days, f.rest = usageDays(s), 0
		return decimal.NewFromInt(f.days).Mul(p.Daily.Value), true
	default:
		return decimal.NewFromInt(f.hours).Mul(p.Hourly.Value), false
	}
}

func yenPtr(y Yen) *Yen { return &y }

// breakPoints are R4.10's least whole hours of a month (1 to 744) from which
// the daily price, and the monthly fee, is billed; nil when never.
func breakPoints(p Prices) (dailyFrom, monthlyFrom *int) {
	if p.MonthlyOnly() {
		one := 1
		return nil, &one
	}
	basisAt := func(h int) string { return computeFee(p, int64(h)*3600).basis }
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
