package engine

// usageBills prices every contract of every resource in every month (R3, R4).
// Lines come in scenario order of resources, then contract number.
func usageBills(s Scenario) []MonthBill {
	bills := make([]MonthBill, s.Months)
	for i := range bills {
		bills[i] = MonthBill{Month: s.Start + Month(i), PassportFees: []PassportFee{},
			Credits: []CreditPayment{}, Notices: []Notice{}}
	}
	shapesOf := make([][][]int64, len(s.Resources))
	lineCount := make([]int, s.Months)
	for ri, r := range s.Resources {
		shapesOf[ri] = usageShapes(r, s.Start, s.Months)
		for _, shape := range shapesOf[ri] {
			for mi, sec := range shape {
				if sec > 0 {
					lineCount[mi] += r.Count
				}
			}
		}
	}
	for mi := range bills {
		bills[mi].Lines = make([]Line, 0, lineCount[mi])
	}
	// Copies of a resource, and months of equal length, repeat the same usage:
	// each distinct usage is priced once per resource.
	for ri, r := range s.Resources {
		shapes := shapesOf[ri]
		fees := map[int64]*Fee{}
		k := len(shapes)
		for mi := range bills {
			for copyN := 0; copyN < r.Count; copyN++ {
				for j, shape := range shapes {
					sec := shape[mi]
					if sec <= 0 {
						continue
					}
					f, ok := fees[sec]
					if !ok {
						fee := FeeFor(r.Item.Prices, sec)
						f = &fee
						fees[sec] = f
					}
					bills[mi].Lines = append(bills[mi].Lines, Line{
						Resource: r.ID, Contract: copyN*k + j + 1, Item: r.Item.ID, Zone: r.Item.Zone,
						Seconds: sec, Hours: f.Hours, Days: f.Days, RestHours: f.RestHours,
						HourlyOnly: f.HourlyOnly, HourlyDaily: f.HourlyDaily, Monthly: f.Monthly,
						Fee: f.Amount, Basis: f.Basis, Amount: f.Amount,
					})
				}
			}
		}
	}
	return bills
}

// addPassportFees charges each purchase's fee in its purchase month (R5.3).
func addPassportFees(s Scenario, bills []MonthBill) {
	for _, pp := range s.Passports {
		mi := int(pp.Purchased - s.Start)
		if mi < 0 || mi >= len(bills) {
			continue // bought before the horizon: its fee is not in these bills
		}
		perRight := passportFee(pp)
		bills[mi].PassportFees = append(bills[mi].PassportFees, PassportFee{
			Passport: pp.ID, Item: pp.Item.ID, Zone: pp.Item.Zone, Term: pp.Term, Count: pp.Count,
			PerRight: perRight, Amount: perRight.MulInt(int64(pp.Count)),
		})
	}
}

// totalBills sums each month as R6 says, with and without passports, and the
// running totals of R9.1.
func totalBills(s Scenario, bills []MonthBill) {
	var cumulative, cumulativeWithout Yen
	for i := range bills {
		b := &bills[i]
		var total, without yenSum
		for li := range b.Lines {
			total.add(b.Lines[li].Amount)
			without.add(b.Lines[li].Fee)
		}
		var fees yenSum
		for _, f := range b.PassportFees {
			fees.add(f.Amount)
		}
		b.PassportFeesTotal = fees.total()
		total.add(b.PassportFeesTotal)
		b.Total, b.WithoutPassports = total.total(), without.total()
		b.Tax = includedTax(b.Total, s.Catalog.TaxRate)
		cumulative, cumulativeWithout = cumulative.Add(b.Total), cumulativeWithout.Add(b.WithoutPassports)
		b.Cumulative, b.CumulativeWithoutPassports = cumulative, cumulativeWithout
	}
}
