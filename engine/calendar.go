package engine

import (
	"fmt"
	"strings"
	"time"
)

// jst is Japan Standard Time: UTC+9 all year, no daylight saving (billing-rules R2.1).
var jst = time.FixedZone("JST", 9*60*60)

// Month is a billing month in JST, counted as year×12 + (month−1) so that
// month arithmetic is integer arithmetic. The zero value is "0000-01"; code that
// needs "no month" uses a separate flag.
type Month int

// NewMonth returns the month of year y and calendar month m.
func NewMonth(y int, m time.Month) Month { return Month(y*12 + int(m) - 1) }

// ParseMonth parses "YYYY-MM".
func ParseMonth(s string) (Month, error) {
	t, err := time.Parse("2006-01", s)
	if err != nil || len(s) != 7 {
		return 0, fmt.Errorf("must be a month written YYYY-MM, such as \"2026-04\"")
	}
	return NewMonth(t.Year(), t.Month()), nil
}

// Year returns the calendar year of m.
func (m Month) Year() int { return int(m) / 12 }

// Calendar returns the calendar month of m.
func (m Month) Calendar() time.Month { return time.Month(int(m)%12 + 1) }

// Start returns the first instant of m in JST.
func (m Month) Start() time.Time { return time.Date(m.Year(), m.Calendar(), 1, 0, 0, 0, 0, jst) }

// End returns the first instant after m, so m is the half-open span [Start, End).
func (m Month) End() time.Time { return (m + 1).Start() }

// Seconds is the length of m in seconds.
func (m Month) Seconds() int64 { return int64(m.End().Sub(m.Start()) / time.Second) }

// Days is the number of calendar days in m.
func (m Month) Days() int { return int(m.Seconds() / 86400) }

// FirstDay and LastDay return the first and last calendar dates of m.
func (m Month) FirstDay() Date { return Date{m.Year(), m.Calendar(), 1} }

// LastDay returns the last calendar date of m: its bill is fixed then (R2.2).
func (m Month) LastDay() Date { return Date{m.Year(), m.Calendar(), m.Days()} }

// String returns "YYYY-MM".
func (m Month) String() string { return fmt.Sprintf("%04d-%02d", m.Year(), int(m.Calendar())) }

// MarshalText writes "YYYY-MM".
func (m Month) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// Date is a calendar date in JST.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// ParseDate parses "YYYY-MM-DD", rejecting impossible dates such as 2026-02-30.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil || len(s) != 10 {
		return Date{}, fmt.Errorf("must be a date written YYYY-MM-DD, such as \"2026-04-01\"")
	}
	return Date{t.Year(), t.Month(), t.Day()}, nil
}

// BillingMonth returns the month that contains d.
func (d Date) BillingMonth() Month { return NewMonth(d.Year, d.Month) }

// Compare returns -1, 0 or +1 as d is before, equal to or after o.
func (d Date) Compare(o Date) int {
	switch {
	case d.Year != o.Year:
		return sign(d.Year - o.Year)
	case d.Month != o.Month:
		return sign(int(d.Month) - int(o.Month))
	default:
		return sign(d.Day - o.Day)
	}
}

// Before reports whether d is earlier than o.
func (d Date) Before(o Date) bool { return d.Compare(o) < 0 }

// After reports whether d is later than o.
func (d Date) After(o Date) bool { return d.Compare(o) > 0 }

// AddDays returns the date n days after d.
func (d Date) AddDays(n int) Date {
	t := time.Date(d.Year, d.Month, d.Day+n, 0, 0, 0, 0, time.UTC)
	return Date{t.Year(), t.Month(), t.Day()}
}

// String returns "YYYY-MM-DD".
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day) }

// MarshalText writes "YYYY-MM-DD".
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

// ParseInstant reads an RFC 3339 time; without an offset it is JST (R2.1).
// Usage is counted in whole seconds (R2.4), so fractions of a second are refused
// rather than silently dropped.
func ParseInstant(s string) (time.Time, error) {
	const problem = "must be a time written like \"2026-12-03T09:00:00+09:00\" (no offset means JST)"
	if strings.ContainsAny(s, ".,") {
		return time.Time{}, fmt.Errorf("must be in whole seconds, without a fraction")
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if t, err := time.ParseInLocation("2006-01-02T15:04:05", s, jst); err == nil {
		return t, nil
	}
	if t, err := time.ParseInLocation("2006-01-02T15:04", s, jst); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("%s", problem)
}
