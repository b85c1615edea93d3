package engine

import "time"

// ContractsPerCopy is how many distinct contracts one copy of a resource makes: each
// interval of a non-server is its own creation (R3.3); everything else is one.
func ContractsPerCopy(r Resource) int {
	if r.Usage.Pattern == PatternIntervals && r.Item != nil && r.Item.Kind != KindServer {
		return len(r.Usage.Intervals)
	}
	return 1
}

// usageShapes returns, for each shape of r (see ContractsPerCopy), its usage seconds in
// each month of the horizon (R2.3, R2.4). Copies of a resource share shapes.
func usageShapes(r Resource, first Month, months int) [][]int64 {
	if r.Usage.Pattern == PatternIntervals && r.Item.Kind != KindServer {
		shapes := make([][]int64, len(r.Usage.Intervals))
		for j, iv := range r.Usage.Intervals {
			shapes[j] = spanSeconds([]Interval{iv}, nil, first, months)
		}
		return shapes
	}
	switch r.Usage.Pattern {
	case PatternHours:
		return [][]int64{hoursSeconds(r, first, months)}
	case PatternIntervals:
		return [][]int64{spanSeconds(r.Usage.Intervals, r.Outages, first, months)}
	default:
		return [][]int64{spanSeconds([]Interval{existence(r, first, months)}, r.Outages, first, months)}
	}
}

// existence is the span of an "always" resource: from its first month (or
// the horizon's) to the end of its last month (or the horizon's).
func existence(r Resource, first Month, months int) Interval {
	from, until := first, first+Month(months-1)
	if r.HasFrom && r.From > from {
		from = r.From
	}
	if r.HasUntil && r.Until < until {
		until = r.Until
	}
	if until < from {
		return Interval{}
	}
	return Interval{from.Start(), until.End()}
}

// hoursSeconds is the hours pattern: the same hours in each month in which the
// resource exists, capped at the month's length (R2.4).
func hoursSeconds(r Resource, first Month, months int) []int64 {
	out := make([]int64, months)
	want := hoursToSeconds(r.Usage.Hours)
	for i := range out {
		m := first + Month(i)
		if (r.HasFrom && m < r.From) || (r.HasUntil && m > r.Until) {
			continue
		}
		out[i] = min(want, m.Seconds())
	}
	return out
}

// spanSeconds splits spans at month boundaries and subtracts outages (already
// merged) from each part (R2.3).
func spanSeconds(spans, outages []Interval, first Month, months int) []int64 {
	out := make([]int64, months)
	for i := range out {
		m := first + Month(i)
		ms, me := m.Start(), m.End()
		var total int64
		for _, s := range spans {
			start, end := later(s.Start, ms), earlier(s.End, me)
			if !end.After(start) {
				continue
			}
			total += seconds(start, end)
			for _, o := range outages {
				os, oe := later(o.Start, start), earlier(o.End, end)
				if oe.After(os) {
					total -= seconds(os, oe)
				}
			}
		}
		out[i] = total
	}
	return out
}

func seconds(a, b time.Time) int64 { return int64(b.Sub(a) / time.Second) }

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func earlier(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
