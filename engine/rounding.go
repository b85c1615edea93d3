package engine

import (
	"math/big"

	"github.com/shopspring/decimal"
)

// This file is the only place that rounds or divides money (billing-rules R1.3):
// every rounding is a truncation down to the whole yen, named for the rule it serves.

var (
	secondsPerHour = decimal.NewFromInt(3600)
	one            = decimal.NewFromInt(1)
)

// yenFloor drops fractions of a yen (billing-rules R1.3, R4.8): custom prices may
// have fractions, the billed fee never does.
func yenFloor(a decimal.Decimal) Yen { return yenOf(a.Floor()) }

// discountedFee is floor(fee × (1 − rate)) (billing-rules R5.5), with 1 − rate
// given in percent (80 for a 20 % discount): exact integer arithmetic.
func discountedFee(fee Yen, keptPercent int64) Yen {
	if fee.big != nil {
		return yenFloor(fee.dec().Mul(decimal.New(keptPercent, -2)))
	}
	p := fee.n * keptPercent // |fee| < 10^15, so no overflow
	q := p / 100
	if p%100 != 0 && p < 0 {
		q-- // floor, not truncation toward zero
	}
	return YenFromInt(q)
}

// passportFeePerRight is floor(M × k) (billing-rules R5.3).
func passportFeePerRight(monthly, k decimal.Decimal) Yen { return yenFloor(monthly.Mul(k)) }

// includedTax is floor(total × t / (1 + t)) (billing-rules R6.2). With t
// written as the fraction num/den it is floor(total × num / (den + num)): integer
// arithmetic only, so no rounded division ever happens.
func includedTax(total Yen, rate decimal.Decimal) Yen {
	if !total.IsPositive() || !rate.IsPositive() {
		return Yen{}
	}
	num, den := rate.BigInt(), big.NewInt(1)
	if exp := rate.Exponent(); exp < 0 {
		num = rate.Coefficient()
		den = decimal.New(1, -exp).BigInt()
	}
	top := new(big.Int).Mul(total.dec().BigInt(), num)
	bottom := new(big.Int).Add(den, num)
	return yenOf(decimal.NewFromBigInt(top.Quo(top, bottom), 0))
}

// usageHours is ceil(S / 3600): a started hour counts (billing-rules R4.2).
func usageHours(seconds int64) int64 { return (seconds + 3599) / 3600 }

// usageDays is ceil(S / 86400), the started days of an item without an hourly
// price (billing-rules R4.6).
func usageDays(seconds int64) int64 { return (seconds + 86399) / 86400 }

// hoursToSeconds turns the hours pattern's decimal hours into seconds (R2.4),
// rounding a fraction of a second up: any use at all is a started hour (R4.2),
// so a tiny but positive number of hours must not vanish.
func hoursToSeconds(h decimal.Decimal) int64 { return h.Mul(secondsPerHour).Ceil().IntPart() }
