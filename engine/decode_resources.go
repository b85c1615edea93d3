package engine

import (
	"encoding/json"
	"sort"
	"time"

	"github.com/shopspring/decimal"
)

var (
	resourceFields = []string{"id", "item", "zone", "count", "from", "until", "outages", "usage"}
	usagePatterns  = []string{PatternAlways, PatternHours, PatternIntervals}
	maxMonthHours  = decimal.NewFromInt(744)
)

func (d *scenarioDecoder) resources(list []any) []Resource {
	return decodeUnique(d, "resources", list, d.resource, func(r Resource) string { return r.ID })
}

// decodeUnique decodes each entry of a list with one, keeping the entries
// without problems, and reports an id that an earlier entry already has.
// one gets the entry's position for defaults such as "passport-3".
func decodeUnique[T any](d *scenarioDecoder, name string, list []any, one func(path string, v any, i int) (T, bool), id func(T) string) []T {
	out := make([]T, 0, len(list))
	seen := map[string]int{}
	for i, raw := range list {
		p := index(name, i)
		entry, ok := one(p, raw, i)
		if key := id(entry); key != "" {
			if first, dup := seen[key]; dup {
				d.fail(join(p, "id"), "%q is already the id of %s[%d]", key, name, first)
				ok = false
			} else {
				seen[key] = i
			}
		}
		if ok {
			out = append(out, entry)
		}
	}
	return out
}

func (d *scenarioDecoder) resource(path string, v any, _ int) (Resource, bool) {
	obj, ok := d.object(path, v, resourceFields...)
	if !ok {
		return Resource{}, false
	}
	before := len(d.problems)
	var res Resource
	res.ID, _ = d.nonEmpty(path, obj, "id", true)
	id, idOK := d.nonEmpty(path, obj, "item", true)
	zone, zoneOK := d.nonEmpty(path, obj, "zone", true)
	if idOK && zoneOK && d.cat != nil {
		res.Item, _ = d.lookup(path, id, zone)
	}
	res.Count = 1
	if present(obj, "count") {
		res.Count, _ = d.integer(path, obj, "count", true, 1, maxCount)
	}
	res.From, res.HasFrom = d.month(path, obj, "from", false)
	res.Until, res.HasUntil = d.month(path, obj, "until", false)
	if res.HasFrom && res.HasUntil && res.Until < res.From {
		d.fail(join(path, "until"), "must not be before from (%s)", res.From)
	}
	res.Usage = d.usage(join(path, "usage"), obj["usage"])
	if res.Usage.Pattern == PatternIntervals {
		for _, k := range []string{"from", "until"} {
			if present(obj, k) {
				d.fail(join(path, k), "does not apply to the \"intervals\" pattern: the intervals say when it exists")
			}
		}
	}
	if d.horizonOK && res.Usage.Pattern != PatternIntervals {
		if res.HasFrom && res.From > d.last {
			d.fail(join(path, "from"), "is after the horizon's last month %s", d.last)
		}
		if res.HasUntil && res.Until < d.first {
			d.fail(join(path, "until"), "is before the horizon's first month %s", d.first)
		}
	}
	if present(obj, "outages") {
		res.Outages = d.outages(path, obj["outages"], res)
	}
	return res, len(d.problems) == before
}

func (d *scenarioDecoder) usage(path string, v any) Usage {
	if v == nil {
		d.fail(path, "is required: {\"pattern\": \"always\"}, {\"pattern\": \"hours\", \"hours\": \"200\"} or {\"pattern\": \"intervals\", \"intervals\": [...]}")
		return Usage{}
	}
	if _, isObj := v.(map[string]any); !isObj {
		d.fail(path, "must be an object such as {\"pattern\": \"always\"}")
		return Usage{}
	}
	obj, _ := d.object(path, v, "pattern", "hours", "intervals")
	var u Usage
	if !present(obj, "pattern") {
		d.fail(join(path, "pattern"), "is required: %q, %q or %q", PatternAlways, PatternHours, PatternIntervals)
	} else {
		u.Pattern, _ = d.str(path, obj, "pattern", true)
	}
	switch u.Pattern {
	case "":
	case PatternAlways:
		d.forbid(path, obj, "hours", "intervals")
	case PatternHours:
		d.forbid(path, obj, "intervals")
		u.Hours, _ = d.hours(join(path, "hours"), obj["hours"])
	case PatternIntervals:
		d.forbid(path, obj, "hours")
		u.Intervals = d.intervals(join(path, "intervals"), obj["intervals"], true)
		if d.horizonOK {
			for i, iv := range u.Intervals {
				if !iv.End.After(d.first.Start()) || !iv.Start.Before(d.last.End()) {
					d.fail(index(join(path, "intervals"), i), "lies outside the horizon %s to %s", d.first, d.last)
				}
			}
		}
	default:
		d.fail(join(path, "pattern"), "must be one of %q, %q, %q", PatternAlways, PatternHours, PatternIntervals)
	}
	return u
}

// forbid reports fields that belong to another usage pattern.
func (d *scenarioDecoder) forbid(path string, obj map[string]any, keys ...string) {
	for _, k := range keys {
		if present(obj, k) {
			d.fail(join(path, k), "does not apply to the %q pattern", obj["pattern"])
		}
	}
}

// hours reads the hours pattern's monthly hours: a decimal from 0 to 744 (R2.4),
// as a string or a plain JSON number.
func (d *scenarioDecoder) hours(path string, v any) (decimal.Decimal, bool) {
	const problem = "must be a number of hours from 0 to 744"
	var text string
	switch x := v.(type) {
	case nil:
		d.fail(path, "is required: the hours of use in each month, from 0 to 744")
		return decimal.Decimal{}, false
	case string:
		text = x
	case json.Number:
		text = string(x)
	default:
		d.fail(path, problem)
		return decimal.Decimal{}, false
	}
	h, err := parseDecimal(text)
	if err != nil || h.IsNegative() || h.GreaterThan(maxMonthHours) {
		d.fail(path, problem)
		return decimal.Decimal{}, false
	}
	return h, true
}

// intervals reads [{start, end}] spans, sorted and checked not to overlap (R2.4).
func (d *scenarioDecoder) intervals(path string, v any, required bool) []Interval {
	if v == nil {
		if required {
			d.fail(path, "is required: a list of {\"start\", \"end\"} times")
		}
		return nil
	}
	list, isList := v.([]any)
	if !isList {
		d.fail(path, "must be a list of {\"start\", \"end\"} times")
		return nil
	}
	if len(list) == 0 && required {
		d.fail(path, "must list at least one interval")
		return nil
	}
	type indexed struct {
		Interval
		at int
	}
	var spans []indexed
	for i, raw := range list {
		if iv, ok := d.span(index(path, i), raw); ok {
			spans = append(spans, indexed{iv, i})
		}
	}
	// Contracts of a non-server are numbered in the order its intervals are
	// listed (R3.3), so the list keeps that order; overlaps are found on a
	// copy sorted by start.
	out := make([]Interval, len(spans))
	for i, s := range spans {
		out[i] = s.Interval
	}
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].Start.Before(spans[j].Start) })
	for i := 1; i < len(spans); i++ {
		if spans[i].Start.Before(spans[i-1].End) {
			d.fail(index(path, spans[i].at), "overlaps %s: intervals of one resource must not overlap", index(path, spans[i-1].at))
		}
	}
	return out
}

// span reads one {"start", "end"} object, end after start.
func (d *scenarioDecoder) span(path string, v any) (Interval, bool) {
	obj, ok := d.object(path, v, "start", "end")
	if !ok {
		return Interval{}, false
	}
	start, startOK := d.instant(path, obj, "start")
	end, endOK := d.instant(path, obj, "end")
	if !startOK || !endOK {
		return Interval{}, false
	}
	if !end.After(start) {
		d.fail(join(path, "end"), "must be after start")
		return Interval{}, false
	}
	return Interval{start, end}, true
}

func (d *scenarioDecoder) instant(path string, obj map[string]any, key string) (time.Time, bool) {
	s, ok := d.str(path, obj, key, true)
	if !ok {
		return time.Time{}, false
	}
	t, err := parseInstant(s)
	if err != nil {
		d.fail(join(path, key), "%v", err)
		return time.Time{}, false
	}
	return t, true
}

// outages are host-failure windows (R2.3): servers only, and only where the
// usage is a span of time (R2.4). They may overlap each other; they are merged.
func (d *scenarioDecoder) outages(path string, v any, res Resource) []Interval {
	p := join(path, "outages")
	if res.Item != nil && res.Item.Kind != KindServer {
		d.fail(p, "apply only to servers: %q is a %s", res.Item.ID, res.Item.Kind)
		return nil
	}
	if res.Usage.Pattern == PatternHours {
		d.fail(p, "do not apply to the \"hours\" pattern: give the hours actually used instead")
		return nil
	}
	list, isList := v.([]any)
	if !isList {
		d.fail(p, "must be a list of {\"start\", \"end\"} times")
		return nil
	}
	var spans []Interval
	for i, raw := range list {
		if iv, ok := d.span(index(p, i), raw); ok {
			spans = append(spans, iv)
		}
	}
	return mergeIntervals(spans)
}

// mergeIntervals sorts spans and joins those that overlap or touch.
func mergeIntervals(spans []Interval) []Interval {
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start.Before(spans[j].Start) })
	var out []Interval
	for _, s := range spans {
		if n := len(out); n > 0 && !s.Start.After(out[n-1].End) {
			if s.End.After(out[n-1].End) {
				out[n-1].End = s.End
			}
			continue
		}
		out = append(out, s)
	}
	return out
}
