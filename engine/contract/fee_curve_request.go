package contract

import (
	"github.com/sakura-sim/pricesim/engine"
	"github.com/sakura-sim/pricesim/engine/document"
)

var feeCurveFields = []string{"request", "hourly", "daily", "monthly", "hours"}

// feeCurveResponse is written by hand, as estimates are.
type feeCurveResponse struct {
	points                           []engine.Fee
	dailyFromHours, monthlyFromHours *int
}

// MarshalJSON writes {"points":[{"hours","hourlyOnly","hourlyDaily","monthly","fee","basis"}],
// "dailyFromHours","monthlyFromHours"}.
func (f feeCurveResponse) MarshalJSON() ([]byte, error) {
	w := coldWriter{writer{b: make([]byte, 0, 64+110*len(f.points))}}
	w.raw(`{"points":[`)
	for i, p := range f.points {
		w.comma(i)
		w.raw(`{"hours":`)
		w.int(p.Hours)
		w.raw(`,"hourlyOnly":`)
		w.yenOrNull(p.HourlyOnly)
		w.raw(`,"hourlyDaily":`)
		w.yenOrNull(p.HourlyDaily)
		w.raw(`,"monthly":`)
		w.yenOrNull(p.Monthly)
		w.raw(`,"fee":`)
		w.yen(p.Amount)
		w.raw(`,"basis":`)
		w.enum(p.Basis.String())
		w.close('}')
	}
	w.raw(`],"dailyFromHours":`)
	w.intOrNull(f.dailyFromHours)
	w.raw(`,"monthlyFromHours":`)
	w.intOrNull(f.monthlyFromHours)
	w.close('}')
	return w.b, nil
}

// feeCurveRequest answers {"request": "feeCurve", "hourly", "daily",
// "monthly", "hours"} (prices as decimal strings or null, hours 1 to 744,
// default 744) with the curve and its break points.
func feeCurveRequest(obj map[string]any) (answer, error) {
	r := &reader{document.Reader{Subject: engine.SubjectRequest}}
	r.Object("", obj, feeCurveFields...)
	p := r.prices("", obj)
	hours := 744
	if _, given := obj["hours"]; given {
		hours, _ = r.Integer("", obj, "hours", true, 1, 744)
	}
	if r.OK() && !p.Hourly.Set && !p.Daily.Set && !p.Monthly.Set {
		r.Fail("", "requiredPrice")
	}
	if err := r.Err(); err != nil {
		return nil, err
	}
	daily, monthly := engine.BreakPoints(p)
	return feeCurveResponse{points: engine.FeeCurve(p, hours), dailyFromHours: daily, monthlyFromHours: monthly}, nil
}
