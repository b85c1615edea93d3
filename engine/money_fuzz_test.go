package engine

import (
	"strings"
	"testing"
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
		if !y.d.IsInteger() {
			t.Fatalf("ParseYen(%q) = %s, not a whole number of yen", s, y)
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
