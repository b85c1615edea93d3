package engine

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Yen is a whole amount of Japanese yen. Its zero value is ¥0. It is immutable;
// every operation returns a new value.
//
// Invariant: d is an integer. Only rounding.go turns fractional decimals into Yen.
type Yen struct{ d decimal.Decimal }

// YenFromInt returns n yen.
func YenFromInt(n int64) Yen { return Yen{decimal.NewFromInt(n)} }

// ParseYen parses a whole number of yen written as a decimal string ("9504").
// It returns an error for fractions, exponents, signs other than a leading minus,
// and anything that is not a number.
func ParseYen(s string) (Yen, error) {
	d, err := ParseDecimal(s)
	if err != nil {
		return Yen{}, err
	}
	if !d.IsInteger() {
		return Yen{}, ErrNotWholeYen
	}
	return Yen{d}, nil
}

// MustParseYen is ParseYen for tests and package-level tables; it panics on bad input.
func MustParseYen(s string) Yen {
	y, err := ParseYen(s)
	if err != nil {
		panic(fmt.Sprintf("MustParseYen(%q): %v", s, err))
	}
	return y
}

// ParseDecimal accepts plain decimal notation only: digits with an optional
// leading minus and an optional fraction. decimal.NewFromString also takes
// exponents and a leading plus, which a price field should never contain.
func ParseDecimal(s string) (decimal.Decimal, error) {
	body := strings.TrimPrefix(s, "-")
	if body == "" || strings.Count(body, ".") > 1 || strings.HasPrefix(body, ".") || strings.HasSuffix(body, ".") {
		return decimal.Decimal{}, ErrBadDecimal
	}
	for _, r := range body {
		if (r < '0' || r > '9') && r != '.' {
			return decimal.Decimal{}, ErrBadDecimal
		}
	}
	if len(body) > 30 {
		return decimal.Decimal{}, ErrTooManyDigits
	}
	return decimal.NewFromString(s)
}

// Add returns y + o.
func (y Yen) Add(o Yen) Yen { return Yen{y.d.Add(o.d)} }

// Sub returns y - o.
func (y Yen) Sub(o Yen) Yen { return Yen{y.d.Sub(o.d)} }

// MulInt returns y × n.
func (y Yen) MulInt(n int64) Yen { return Yen{y.d.Mul(decimal.NewFromInt(n))} }

// Cmp compares y and o: -1, 0 or +1.
func (y Yen) Cmp(o Yen) int { return y.d.Cmp(o.d) }

// Equal reports whether y and o are the same amount.
func (y Yen) Equal(o Yen) bool { return y.d.Equal(o.d) }

// IsZero reports whether y is ¥0.
func (y Yen) IsZero() bool { return y.d.IsZero() }

// IsPositive reports whether y is above ¥0.
func (y Yen) IsPositive() bool { return y.d.IsPositive() }

// IsNegative reports whether y is below ¥0.
func (y Yen) IsNegative() bool { return y.d.IsNegative() }

// Decimal returns y as a decimal, for arithmetic with prices and rates.
func (y Yen) Decimal() decimal.Decimal { return y.d }

// MinYen returns the smaller of a and b.
func MinYen(a, b Yen) Yen {
	if a.Cmp(b) <= 0 {
		return a
	}
	return b
}

// String returns y as a plain integer string ("9504").
func (y Yen) String() string { return string(y.appendTo(nil)) }

// MarshalText writes y as a decimal string; JSON money is never a JSON number (R1.4).
func (y Yen) MarshalText() ([]byte, error) { return y.appendTo(nil), nil }

// Append appends y in decimal to b.
func (y Yen) Append(b []byte) []byte { return y.appendTo(b) }

// appendTo writes y in decimal. Estimates hold tens of thousands of amounts,
// so the common case skips decimal's big.Int formatting.
func (y Yen) appendTo(b []byte) []byte {
	if y.d.Exponent() == 0 && y.d.NumDigits() <= 18 {
		return strconv.AppendInt(b, y.d.IntPart(), 10)
	}
	return append(b, y.d.String()...)
}

// UnmarshalText reads a whole-yen decimal string.
func (y *Yen) UnmarshalText(b []byte) error {
	v, err := ParseYen(string(b))
	if err != nil {
		return err
	}
	*y = v
	return nil
}

// yenSum adds many amounts without allocating: whole yen are summed in an
// int64 while they safely fit, and only larger amounts go through decimal.
// The result is exact either way.
type yenSum struct {
	small int64
	large decimal.Decimal
}

// smallYenLimit keeps the int64 part far from overflow: 10^15 yen per term,
// at most 9,000 such terms before the sum could exceed 9.2 × 10^18.
const smallYenLimit = 1_000_000_000_000_000

func (s *yenSum) add(y Yen) {
	if y.d.Exponent() <= 0 && y.d.NumDigits() <= 15 && s.small < 8e18 && s.small > -8e18 {
		if v := y.d.IntPart(); v < smallYenLimit && v > -smallYenLimit {
			s.small += v
			return
		}
	}
	s.large = s.large.Add(y.d)
}

func (s *yenSum) total() Yen { return Yen{s.large.Add(decimal.NewFromInt(s.small))} }

// YenFromDecimal returns d as yen; it fails when d has a fraction.
func YenFromDecimal(d decimal.Decimal) (Yen, error) {
	if !d.IsInteger() {
		return Yen{}, ErrNotWholeYen
	}
	return Yen{d}, nil
}
