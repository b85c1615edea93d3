package contract

import (
	"github.com/sakura-sim/pricesim/engine"
	"github.com/sakura-sim/pricesim/engine/document"
	"sort"
	"strconv"
	"time"

	"github.com/shopspring/decimal"
)

var (
	resourceFields = []string{"id", "item", "zone", "count", "from", "until", "outages", "usage"}
	usagePatterns  = engine.UsagePatterns()
	maxMonthHours  = decimal.NewFromInt(744)
)

func (d *scenarioDecoder) resources(list []any) []engine.Resource {
	return decodeUnique(d, "resources", list, d.resource, func(r engine.Resource) string { return r.ID })
}

// decodeUnique decodes each entry of a list with one, keeping the entries
// without problems, and reports an id that an earlier entry already has.
// one gets the entry's position for defaults such as "passport-3".
func decodeUnique[T any](d *scenarioDecoder, name string, list []any, one func(path string, v any, i int) (T, bool), id func(T) string) []T {
	out := make([]T, 0, len(list))
	seen := map[string]int{}
	for i, raw := range list {
		p := document.Index(name, i)
		entry, ok := one(p, raw, i)
		if key := id(entry); key != "" {
			if first, dup := seen[key]; dup {
				d.Fail(document.Join(p, "id"), "duplicateID", "id", key, "list", name, "index", strconv.Itoa(first))
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

func (d *scenarioDecoder) resource(path string, v any, _ int) (engine.Resource, bool) {
	obj, ok := d.Object(path, v, resourceFields...)
	if !ok {
		return engine.Resource{}, false
	}
	before := d.Count()
	var res engine.Resource
	res.ID, _ = d.NonEmpty(path, obj, "id", true)
	id, idOK := d.NonEmpty(path, obj, "item", true)
	zone, zoneOK := d.NonEmpty(path, obj, "zone", true)
	if idOK && zoneOK && d.cat != nil {
		res.Item, _ = d.lookup(path, id, zone)
	}
	res.Count = 1
	if document.Present(obj, "count") {
		res.Count, _ = d.Integer(path, obj, "count", true, 1, engine.MaxCount)
	}
	res.From, res.HasFrom = d.Month(path, obj, "from", false)
	res.Until, res.HasUntil = d.Month(path, obj, "until", false)
	if res.HasFrom && res.HasUntil && res.Until < res.From {
		d.Fail(document.Join(path, "until"), "untilBeforeFrom", "from", res.From.String())
	}
	res.Usage = d.usage(document.Join(path, "usage"), obj["usage"])
	if res.Usage.Pattern == engine.PatternIntervals {
		for _, k := range []string{"from", "until"} {
			if document.Present(obj, k) {
				d.Fail(document.Join(path, k), "notForIntervals")
			}
		}
	}
	if d.horizonOK && res.Usage.Pattern != engine.PatternIntervals {
		if res.HasFrom && res.From > d.last {
			d.Fail(document.Join(path, "from"), "afterHorizon", "last", d.last.String())
		}
		if res.HasUntil && res.Until < d.first {
			d.Fail(document.Join(path, "until"), "beforeHorizon", "first", d.first.String())
		}
	}
	if document.Present(obj, "outages") {
		res.Outages = d.outages(path, obj["outages"], res)
	}
	return res, d.Count() == before
}

func (d *scenarioDecoder) usage(path string, v any) engine.Usage {
	if v == nil {
		d.Fail(path, "requiredUsage")
		return engine.Usage{}
	}
	if _, isObj := v.(map[string]any); !isObj {
		d.Fail(path, "notUsage")
		return engine.Usage{}
	}
	obj, _ := d.Object(path, v, "pattern", "hours", "intervals")
	var u engine.Usage
	if !document.Present(obj, "pattern") {
		d.Fail(document.Join(path, "pattern"), "requiredPattern", "patterns", `"always", "hours" or "intervals"`)
	} else {
		if name, ok := d.Str(path, obj, "pattern", true); ok {
			if u.Pattern, ok = engine.ParsePattern(name); !ok {
				d.Fail(document.Join(path, "pattern"), "badPattern", "patterns", `"always", "hours", "intervals"`)
			}
		}
	}
	switch u.Pattern {
	case 0:
	case engine.PatternAlways:
		d.forbid(path, obj, "hours", "intervals")
	case engine.PatternHours:
		d.forbid(path, obj, "intervals")
		u.Hours, _ = d.hours(document.Join(path, "hours"), obj["hours"])
	case engine.PatternIntervals:
		d.forbid(path, obj, "hours")
		u.Intervals = d.intervals(document.Join(path, "intervals"), obj["intervals"], true)
		if d.horizonOK {
			for i, iv := range u.Intervals {
				if !iv.End.After(d.first.Start()) || !iv.Start.Before(d.last.End()) {
					d.Fail(document.Index(document.Join(path, "intervals"), i), "intervalOutsideHorizon", "first", d.first.String(), "last", d.last.String())
				}
			}
		}
	}
	return u
}

// forbid reports fields that belong to another usage pattern.
func (d *scenarioDecoder) forbid(path string, obj map[string]any, keys ...string) {
	for _, k := range keys {
		if document.Present(obj, k) {
			pattern, _ := obj["pattern"].(string)
			d.Fail(document.Join(path, k), "notForPattern", "pattern", pattern)
		}
	}
}

// hours reads the hours pattern's monthly hours: a decimal from 0 to 744 (R2.4),
// as a string or a plain JSON number.
func (d *scenarioDecoder) hours(path string, v any) (decimal.Decimal, bool) {
	var text string
	switch x := v.(type) {
	case nil:
		d.Fail(path, "requiredHours")
		return decimal.Decimal{}, false
	case string:
		text = x
	case document.Number:
		text = string(x)
	default:
		d.Fail(path, "badHours")
		return decimal.Decimal{}, false
	}
	h, err := engine.ParseDecimal(text)
	if err != nil || h.IsNegative() || h.GreaterThan(maxMonthHours) {
		d.Fail(path, "badHours")
		return decimal.Decimal{}, false
	}
	return h, true
}

// intervals reads [{start, end}] spans, sorted and checked not to overlap (R2.4).
func (d *scenarioDecoder) intervals(path string, v any, required bool) []engine.Interval {
	if v == nil {
		if required {
			d.Fail(path, "requiredIntervals")
		}
		return nil
	}
	list, isList := v.([]any)
	if !isList {
		d.Fail(path, "notIntervals")
		return nil
	}
	if len(list) == 0 && required {
		d.Fail(path, "noIntervals")
		return nil
	}
	type indexed struct {
		engine.Interval
		at int
	}
	var spans []indexed
	for i, raw := range list {
		if iv, ok := d.span(document.Index(path, i), raw); ok {
			spans = append(spans, indexed{iv, i})
		}
	}
	// Contracts of a non-server are numbered in the order its intervals are
	// listed (R3.3), so the list keeps that order; overlaps are found on a
	// copy sorted by start.
	out := make([]engine.Interval, len(spans))
	for i, s := range spans {
		out[i] = s.Interval
	}
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].Start.Before(spans[j].Start) })
	for i := 1; i < len(spans); i++ {
		if spans[i].Start.Before(spans[i-1].End) {
			d.Fail(document.Index(path, spans[i].at), "overlap", "other", document.Index(path, spans[i-1].at))
		}
	}
	return out
}

// span reads one {"start", "end"} object, end after start.
func (d *scenarioDecoder) span(path string, v any) (engine.Interval, bool) {
	obj, ok := d.Object(path, v, "start", "end")
	if !ok {
		return engine.Interval{}, false
	}
	start, startOK := d.instant(path, obj, "start")
	end, endOK := d.instant(path, obj, "end")
	if !startOK || !endOK {
		return engine.Interval{}, false
	}
	if !end.After(start) {
		d.Fail(document.Join(path, "end"), "endNotAfterStart")
		return engine.Interval{}, false
	}
	return engine.Interval{Start: start, End: end}, true
}

func (d *scenarioDecoder) instant(path string, obj map[string]any, key string) (time.Time, bool) {
	s, ok := d.Str(path, obj, key, true)
	if !ok {
		return time.Time{}, false
	}
	t, err := engine.ParseInstant(s)
	if err != nil {
		d.FailWith(document.Join(path, key), err)
		return time.Time{}, false
	}
	return t, true
}

// outages are host-failure windows (R2.3): servers only, and only where the
// usage is a span of time (R2.4). They may overlap each other; they are merged.
func (d *scenarioDecoder) outages(path string, v any, res engine.Resource) []engine.Interval {
	p := document.Join(path, "outages")
	if res.Item != nil && res.Item.Kind != engine.KindServer {
		d.Fail(p, "outagesNotServer", "item", res.Item.ID, "kind", res.Item.Kind.String())
		return nil
	}
	if res.Usage.Pattern == engine.PatternHours {
		d.Fail(p, "outagesWithHours")
		return nil
	}
	list, isList := v.([]any)
	if !isList {
		d.Fail(p, "notIntervals")
		return nil
	}
	var spans []engine.Interval
	for i, raw := range list {
		if iv, ok := d.span(document.Index(p, i), raw); ok {
			spans = append(spans, iv)
		}
	}
	return mergeIntervals(spans)
}

// mergeIntervals sorts spans and joins those that overlap or touch.
func mergeIntervals(spans []engine.Interval) []engine.Interval {
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start.Before(spans[j].Start) })
	var out []engine.Interval
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
