package engine

// CurvePoint is the month's fee at a whole number of hours of use, under each
// way of billing, for the comparison chart (R4.10).
type CurvePoint struct {
	Hours       int
	HourlyOnly  *Yen
	HourlyDaily *Yen
	Monthly     *Yen
	Fee         Yen
	Basis       Basis
}

// FeeCurve returns the fee at 0, 1, …, maxHours hours of use. The page draws
// its chart from these figures so that no fee is ever computed outside R4.
func FeeCurve(p Prices, maxHours int) []CurvePoint {
	points := make([]CurvePoint, 0, maxHours+1)
	for h := 0; h <= maxHours; h++ {
		pt := CurvePoint{Hours: h}
		if h == 0 {
			zero := Yen{}
			if p.Hourly.Set {
				pt.HourlyOnly = &zero
			}
			if !p.MonthlyOnly() {
				pt.HourlyDaily = &zero
			}
			if p.Monthly.Set {
				pt.Monthly = yenPtr(yenFloor(p.Monthly.Value))
			}
			pt.Basis = BasisHourly
			if p.MonthlyOnly() {
				pt.Basis = BasisMonthlyOnly
			}
			points = append(points, pt)
			continue
		}
		f := FeeFor(p, int64(h)*3600)
		pt.HourlyOnly, pt.HourlyDaily, pt.Monthly, pt.Fee, pt.Basis = f.HourlyOnly, f.HourlyDaily, f.Monthly, f.Amount, f.Basis
		points = append(points, pt)
	}
	return points
}
