package engine

import (
	"strconv"
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
		return 0, ErrBadMonth
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
func (m Month) String() string { return string(m.Append(nil)) }

// MarshalText writes "YYYY-MM".
func (m Month) MarshalText() ([]byte, error) { return m.Append(nil), nil }

// Append appends "YYYY-MM" to b.
func (m Month) Append(b []byte) []byte {
	b = appendPadded(b, m.Year(), 4)
	return appendPadded(append(b, '-'), int(m.Calendar()), 2)
}

// appendPadded writes n with at least width digits, zeros in front, as
// fmt's %0*d does.
func appendPadded(b []byte, n, width int) []byte {
	if n < 0 {
		b, n, width = append(b, '-'), -n, width-1
	}
	for d, w := 10, 1; w < width; d, w = d*10, w+1 {
		if n < d {
			b = append(b, '0')
		}
	}
	return strconv.AppendInt(b, int64(n), 10)
}

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
		return Date{}, ErrBadDate
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
func (d Date) String() string { return string(d.Append(nil)) }

// MarshalText writes "YYYY-MM-DD".
func (d Date) MarshalText() ([]byte, error) { return d.Append(nil), nil }

// Append appends "YYYY-MM-DD" to b.
func (d Date) Append(b []byte) []byte {
	b = appendPadded(b, d.Year, 4)
	b = appendPadded(append(b, '-'), int(d.Month), 2)
	return appendPadded(append(b, '-'), d.Day, 2)
}

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
	if strings.ContainsAny(s, ".,") {
		return time.Time{}, ErrFractionalSecond
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
	return time.Time{}, ErrBadTime
}
