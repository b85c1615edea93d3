package engine

// FeeCurve returns the fee at 0, 1, …, maxHours hours of use. The page draws
// its chart from these figures so that no fee is ever computed outside R4.
func FeeCurve(p Prices, maxHours int) []Fee {
	points := make([]Fee, 0, maxHours+1)
	for h := 0; h <= maxHours; h++ {
		pt := Fee{Hours: int64(h)}
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
		points = append(points, FeeFor(p, int64(h)*3600))
	}
	return points
}
