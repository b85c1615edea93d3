package engine

import (
	"cmp"
	"math/bits"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Yen is a whole amount of Japanese yen. Its zero value is ¥0. It is immutable;
// every operation returns a new value.
//
// An estimate holds hundreds of thousands of amounts, almost all far below
// 10^15 yen, so those are kept in an int64 and added, compared and written
// without decimal's big integers; larger amounts (a custom price can have 30
// digits) are kept as a decimal. Each amount has one form: small when it
// fits, so two equal amounts always look alike.
//
// Invariant: big is nil when |n| < smallYenLimit, else big holds an integer
// decimal of at least that size and n is 0. Only rounding.go turns fractional
// decimals into Yen.
type Yen struct {
	n   int64
	big *decimal.Decimal
}

// smallYenLimit bounds the int64 form: sums and differences of two small
// amounts cannot overflow.
const smallYenLimit = 1_000_000_000_000_000

// YenFromInt returns n yen.
func YenFromInt(n int64) Yen {
	if n > -smallYenLimit && n < smallYenLimit {
		return Yen{n: n}
	}
	d := decimal.NewFromInt(n)
	return Yen{big: &d}
}

// yenOf is d, an integer, in its one form.
func yenOf(d decimal.Decimal) Yen {
	if exp := int(d.Exponent()); exp >= -18 && exp <= 15 && d.NumDigits()+exp <= 16 {
		if v := d.IntPart(); v > -smallYenLimit && v < smallYenLimit {
			return Yen{n: v}
		}
	}
	return Yen{big: &d}
}

// dec is y as a decimal, for arithmetic with prices and rates.
func (y Yen) dec() decimal.Decimal {
	if y.big != nil {
		return *y.big
	}
	return decimal.NewFromInt(y.n)
}

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
	return yenOf(d), nil
}

// MustParseYen is ParseYen for tests and package-level tables; it panics on bad input.
func MustParseYen(s string) Yen {
	y, err := ParseYen(s)
	if err != nil {
		panic("MustParseYen(" + strconv.Quote(s) + "): " + err.Error())
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
func (y Yen) Add(o Yen) Yen {
	if y.big == nil && o.big == nil {
		return YenFromInt(y.n + o.n)
	}
	return yenOf(y.dec().Add(o.dec()))
}

// Sub returns y - o.
func (y Yen) Sub(o Yen) Yen {
	if y.big == nil && o.big == nil {
		return YenFromInt(y.n - o.n)
	}
	return yenOf(y.dec().Sub(o.dec()))
}

// MulInt returns y × n.
func (y Yen) MulInt(n int64) Yen {
	if y.big == nil {
		if hi, lo := bits.Mul64(absInt(y.n), absInt(n)); hi == 0 && lo < smallYenLimit {
			if (y.n < 0) != (n < 0) {
				return Yen{n: -int64(lo)}
			}
			return Yen{n: int64(lo)}
		}
	}
	return yenOf(y.dec().Mul(decimal.NewFromInt(n)))
}

func absInt(n int64) uint64 {
	if n < 0 {
		return uint64(-n)
	}
	return uint64(n)
}

// Cmp compares y and o: -1, 0 or +1.
func (y Yen) Cmp(o Yen) int {
	if y.big == nil && o.big == nil {
		return cmp.Compare(y.n, o.n)
	}
	return y.dec().Cmp(o.dec())
}

// Equal reports whether y and o are the same amount.
func (y Yen) Equal(o Yen) bool { return y.Cmp(o) == 0 }

// IsZero reports whether y is ¥0.
func (y Yen) IsZero() bool { return y.big == nil && y.n == 0 }

// IsPositive reports whether y is above ¥0.
func (y Yen) IsPositive() bool { return y.Sign() > 0 }

// IsNegative reports whether y is below ¥0.
func (y Yen) IsNegative() bool { return y.Sign() < 0 }

// Sign is -1, 0 or +1 as y is below, at or above ¥0.
func (y Yen) Sign() int {
	if y.big != nil {
		return y.big.Sign()
	}
	return cmp.Compare(y.n, 0)
}

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

// appendTo writes y in decimal.
func (y Yen) appendTo(b []byte) []byte {
	if y.big == nil {
		return strconv.AppendInt(b, y.n, 10)
	}
	return append(b, y.big.String()...)
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

// add keeps the int64 part far from overflow: terms are below 10^15, and
// the part moves to decimal before it could pass 9.2 × 10^18.
func (s *yenSum) add(y Yen) {
	if y.big == nil && s.small < 8e18 && s.small > -8e18 {
		s.small += y.n
		return
	}
	s.large = s.large.Add(y.dec())
}

func (s *yenSum) total() Yen {
	if s.large.IsZero() {
		return yenOf(decimal.NewFromInt(s.small))
	}
	return yenOf(s.large.Add(decimal.NewFromInt(s.small)))
}

// YenFromDecimal returns d as yen; it fails when d has a fraction.
func YenFromDecimal(d decimal.Decimal) (Yen, error) {
	if !d.IsInteger() {
		return Yen{}, ErrNotWholeYen
	}
	return yenOf(d), nil
}
