package contract

import (
	"github.com/sakura-sim/pricesim/engine"
	"github.com/sakura-sim/pricesim/engine/document"
)

// The breakdown request: a scenario's bills grouped by item kind or by
// resource, passport fees as a group of their own, so the groups of each
// month, each year and the whole horizon add up to the estimate's totals
// (engine.BreakdownOf). The page asks for it when a breakdown is opened.
//
//	{"request":"breakdown","scenario":{…},"by":"kind"|"resource","month":"2026-05"?}
//	→ {"breakdown":{"by":"kind","months":["2026-04",…],"years":[{"year":1,"from","to"}…],
//	   "groups":[{"key":"server","kind":"server","months":["…"],"years":["…"],"total":"…"},
//	             …,{"key":"passportFees","kind":null,…}],
//	   "totals":{"months":["…"],"years":["…"],"total":"…"}}}
//
// "month" keeps that month's column only (months, and each group's months,
// hold one entry; years and totals stay whole).
var breakdownFields = []string{"request", "scenario", "by", "month"}

var breakdownBys = map[string]engine.BreakdownBy{"kind": engine.BreakdownByKind, "resource": engine.BreakdownByResource}

func breakdownRequest(obj map[string]any, dups []string) ([]byte, error) {
	res, err := scenarioIn(obj, dups, breakdownFields)
	if err != nil {
		return nil, err
	}
	r := &reader{document.Reader{Subject: engine.SubjectRequest}}
	byName, _ := r.Str("", obj, "by", true)
	by, known := breakdownBys[byName]
	if byName != "" && !known {
		r.Fail("by", "badPattern", "patterns", `"kind" or "resource"`)
	}
	m, hasMonth := r.Month("", obj, "month", false)
	if err := r.Err(); err != nil {
		return nil, err
	}
	b := engine.BreakdownOf(res, by)
	from, to := 0, len(res.Months)
	if hasMonth {
		from = -1
		for i := range res.Months {
			if res.Months[i].Month == m {
				from, to = i, i+1
			}
		}
		if from < 0 {
			if len(res.Months) > 0 && m < res.Months[0].Month {
				r.Fail("month", "beforeHorizon", "first", res.Months[0].Month.String())
			} else if len(res.Months) > 0 {
				r.Fail("month", "afterHorizon", "last", res.Months[len(res.Months)-1].Month.String())
			}
			return nil, r.Err()
		}
	}

	w := writer{b: make([]byte, 0, 512+len(b.Groups)*(to-from+len(res.Years)+2)*16)}
	yens := func(ys []engine.Yen) {
		w.open('[')
		for i, y := range ys {
			w.comma(i)
			w.yen(y)
		}
		w.close(']')
	}
	w.raw(`{"breakdown":{"by":`)
	w.str(byName)
	w.raw(`,"months":`)
	w.open('[')
	for i := from; i < to; i++ {
		w.comma(i - from)
		w.monthValue(res.Months[i].Month)
	}
	w.close(']')
	w.raw(`,"years":`)
	w.open('[')
	for i := range res.Years {
		w.comma(i)
		w.raw(`{"year":`)
		w.int(int64(res.Years[i].Year))
		w.raw(`,"from":`)
		w.monthValue(res.Years[i].From)
		w.raw(`,"to":`)
		w.monthValue(res.Years[i].To)
		w.close('}')
	}
	w.close(']')
	w.raw(`,"groups":`)
	w.open('[')
	for i, g := range b.Groups {
		w.comma(i)
		w.raw(`{"key":`)
		w.str(g.Key)
		w.raw(`,"kind":`)
		if g.Kind == 0 {
			w.raw("null")
		} else {
			w.str(g.Kind.String())
		}
		w.raw(`,"months":`)
		yens(g.Months[from:to])
		w.raw(`,"years":`)
		yens(g.Years)
		w.raw(`,"total":`)
		w.yen(g.Total)
		w.close('}')
	}
	w.close(']')
	w.raw(`,"totals":{"months":`)
	yens(b.MonthTotals[from:to])
	w.raw(`,"years":`)
	yens(b.YearTotals)
	w.raw(`,"total":`)
	w.yen(b.Total)
	w.close('}')
	w.close('}')
	w.close('}')
	return w.b, nil
}
