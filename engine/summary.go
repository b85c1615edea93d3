package engine

// catalogSummary names the catalog and the derived prices this scenario uses.
func catalogSummary(s Scenario) CatalogSummary {
	sum := CatalogSummary{ID: s.Catalog.ID, AsOf: s.Catalog.AsOf, TaxRate: s.Catalog.TaxRate.String(),
		Source: s.Catalog.Source, Estimated: []EstimatedPrices{}}
	seen := map[itemKey]bool{}
	for _, r := range s.Resources {
		key := itemKey{r.Item.ID, r.Item.Zone}
		if seen[key] || len(r.Item.Estimated) == 0 {
			continue
		}
		seen[key] = true
		sum.Estimated = append(sum.Estimated, EstimatedPrices{Item: r.Item.ID, Zone: r.Item.Zone, Prices: r.Item.Estimated})
	}
	return sum
}

// resourceSummaries gives each resource its prices in force and break points.
// Resources of one item share prices, so break points are found once per item.
func resourceSummaries(s Scenario) []ResourceSummary {
	type points struct{ daily, monthly *int }
	byItem := map[*Item]points{}
	out := make([]ResourceSummary, len(s.Resources))
	for i, r := range s.Resources {
		it := r.Item
		bp, ok := byItem[it]
		if !ok {
			bp.daily, bp.monthly = BreakPoints(it.Prices)
			byItem[it] = bp
		}
		estimated := it.Estimated
		if estimated == nil {
			estimated = []string{}
		}
		out[i] = ResourceSummary{ID: r.ID, Item: it.ID, Zone: it.Zone, Kind: it.Kind, Name: it.Name, Count: r.Count,
			Hourly: pricePtr(it.Prices.Hourly), Daily: pricePtr(it.Prices.Daily), Monthly: pricePtr(it.Prices.Monthly),
			Estimated: estimated, DailyFromHours: bp.daily, MonthlyFromHours: bp.monthly}
	}
	return out
}

func pricePtr(p Price) *Price {
	if !p.Set {
		return nil
	}
	return &p
}

// yearTotals sums each 12-month year of the horizon; the last may be shorter (R9.1).
func yearTotals(bills []MonthBill) []YearTotal {
	var years []YearTotal
	for start := 0; start < len(bills); start += 12 {
		end := min(start+12, len(bills))
		y := YearTotal{Year: start/12 + 1, From: bills[start].Month, To: bills[end-1].Month}
		for _, b := range bills[start:end] {
			y.Total = y.Total.Add(b.Total)
			y.WithoutPassports = y.WithoutPassports.Add(b.WithoutPassports)
			y.Charged = y.Charged.Add(b.Charged)
			y.CreditsUsed = y.CreditsUsed.Add(b.CreditsPaid)
		}
		y.Saving = y.WithoutPassports.Sub(y.Total)
		years = append(years, y)
	}
	return years
}
