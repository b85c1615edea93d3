package engine

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// FuzzParseYen: a string ParseYen accepts prints as a canonical whole number
// that parses back to the same amount, and prints the same again.
func FuzzParseYen(f *testing.F) {
	for _, s := range []string{"0", "9504", "-1", "007", "1.0", "1.5", "-0", "1e3", "+1", " 1", "",
		"123456789012345678901234567890", "1234567890123456789012345678901", "0.000", "99999999999999999999.00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		y, err := ParseYen(s)
		if err != nil {
			return
		}
		if !y.dec().IsInteger() {
			t.Fatalf("ParseYen(%q) = %s, not a whole number of yen", s, y)
		}
		if y.big != nil && y.big.Abs().LessThan(decimal.NewFromInt(smallYenLimit)) {
			t.Fatalf("ParseYen(%q) = %s kept as a decimal, not in its int64 form", s, y)
		}
		if y.big == nil && (y.n >= smallYenLimit || y.n <= -smallYenLimit) {
			t.Fatalf("ParseYen(%q) = %s kept in int64 beyond the limit", s, y)
		}
		// Arithmetic agrees with decimal's, in both forms.
		two := y.Add(y)
		if !two.dec().Equal(y.dec().Add(y.dec())) || !two.Equal(y.MulInt(2)) || !two.Sub(y).Equal(y) {
			t.Fatalf("%s + %s = %s, × 2 = %s: the forms disagree", y, y, two, y.MulInt(2))
		}
		if y.MulInt(-3).Cmp(y) != -y.Sign() && !y.IsZero() {
			t.Fatalf("%s × -3 compares wrongly with %s", y, y)
		}
		printed := y.String()
		back, err := ParseYen(printed)
		if err != nil {
			t.Fatalf("ParseYen(%q) = %s, and ParseYen(%q) fails: %v", s, printed, printed, err)
		}
		if !back.Equal(y) || back.String() != printed {
			t.Fatalf("ParseYen(%q) = %s, ParseYen(%q) = %s: the round trip changed it", s, printed, printed, back)
		}
		text, err := y.MarshalText()
		if err != nil || string(text) != printed {
			t.Fatalf("Yen(%s).MarshalText() = %q, %v; want %q", printed, text, err, printed)
		}
		var u Yen
		if err := u.UnmarshalText(text); err != nil || !u.Equal(y) {
			t.Fatalf("UnmarshalText(%q) = %s, %v; want %s", text, u, err, printed)
		}
		if strings.TrimLeft(strings.TrimPrefix(printed, "-"), "0") != strings.TrimPrefix(printed, "-") && printed != "0" {
			t.Fatalf("ParseYen(%q) prints as %q, with leading zeros", s, printed)
		}
		if printed == "-0" {
			t.Fatalf("ParseYen(%q) prints as -0", s)
		}
	})
}
