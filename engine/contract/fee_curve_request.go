package contract

import (
	"github.com/sakura-sim/pricesim/engine"
)

var feeCurveFields = []string{"request", "hourly", "daily", "monthly", "hours"}

type feeCurveResponse struct {
	Points           []engine.CurvePoint `json:"points"`
	DailyFromHours   *int                `json:"dailyFromHours"`
	MonthlyFromHours *int                `json:"monthlyFromHours"`
}

// feeCurveRequest answers {"request": "feeCurve", "hourly", "daily",
// "monthly", "hours"} (prices as decimal strings or null, hours 1 to 744,
// default 744) with the curve and its break points.
func feeCurveRequest(obj map[string]any) (any, error) {
	var r reader
	r.Object("", obj, feeCurveFields...)
	p := r.prices("", obj)
	hours := 744
	if _, given := obj["hours"]; given {
		hours, _ = r.Integer("", obj, "hours", true, 1, 744)
	}
	if r.Ok() && !p.Hourly.Set && !p.Daily.Set && !p.Monthly.Set {
		r.Fail("", "requiredPrice")
	}
	if err := r.Err(); err != nil {
		return nil, err
	}
	daily, monthly := engine.BreakPoints(p)
	return feeCurveResponse{engine.FeeCurve(p, hours), daily, monthly}, nil
}
