package engine

// billsOf is the bill stage (R6): each month's lines, from the fee stage's
// contract fees and the passport stage's discounts, the passport fees charged
// in it (R5.3), its total and tax, with and without passports, and the
// running totals of R9.1. What credits do to the bills is the next stage's.
func billsOf(s Scenario, fees [][]contractFee, discounts passportDiscounts) []MonthBill {
	feesByMonth := passportFeesByMonth(s)
	bills := make([]MonthBill, len(fees))
	var cumulative, cumulativeWithout Yen
	for mi, month := range fees {
		b := MonthBill{Month: s.Start + Month(mi), Lines: make([]Line, len(month)), PassportFees: feesByMonth[mi]}
		var total, without yenSum
		for li, cf := range month {
			r, f := &s.Resources[cf.resource], cf.fee
			l := Line{
				Resource: r.ID, Contract: cf.contract, Item: r.Item.ID, Zone: r.Item.Zone,
				Seconds: cf.seconds, Fee: *f, Amount: f.Amount,
			}
			if d, ok := discounts.at(mi, li); ok {
				l.Amount, l.Discount, l.Passport = d.amount, d.discount, d.passport
			}
			b.Lines[li] = l
			total.add(l.Amount)
			without.add(l.Fee.Amount)
		}
		var passportFees yenSum
		for _, pf := range b.PassportFees {
			passportFees.add(pf.Amount)
		}
		b.PassportFeesTotal = passportFees.total()
		total.add(b.PassportFeesTotal)
		b.Total, b.WithoutPassports = total.total(), without.total()
		b.Tax = includedTax(b.Total, s.Catalog.TaxRate)
		cumulative, cumulativeWithout = cumulative.Add(b.Total), cumulativeWithout.Add(b.WithoutPassports)
		b.Cumulative, b.CumulativeWithoutPassports = cumulative, cumulativeWithout
		bills[mi] = b
	}
	return bills
}

// passportFeesByMonth charges each purchase's fee in its purchase month (R5.3),
// in scenario order; a purchase before the horizon is in no bill.
func passportFeesByMonth(s Scenario) [][]PassportFee {
	out := make([][]PassportFee, s.Months)
	for mi := range out {
		out[mi] = []PassportFee{}
	}
	for _, pp := range s.Passports {
		mi := int(pp.Purchased - s.Start)
		if mi < 0 || mi >= len(out) {
			continue
		}
		perRight := passportFee(pp)
		out[mi] = append(out[mi], PassportFee{
			Passport: pp.ID, Item: pp.Item.ID, Zone: pp.Item.Zone, Term: pp.Term, Count: pp.Count,
			PerRight: perRight, Amount: perRight.MulInt(int64(pp.Count)),
		})
	}
	return out
}

// creditBillsOf is what the credit stage needs of the bills.
func creditBillsOf(bills []MonthBill) []creditBill {
	out := make([]creditBill, len(bills))
	for i, b := range bills {
		out[i] = creditBill{Month: b.Month, Total: b.Total, PassportFees: b.PassportFeesTotal}
	}
	return out
}

// settledMonths is each bill with what the credits did to it (R7, R8): new
// values, the bills themselves untouched.
func settledMonths(bills []MonthBill, ledger creditLedger) []MonthBill {
	out := make([]MonthBill, len(bills))
	for i, b := range bills {
		m := ledger.Months[i]
		b.CreditsPaid, b.Charged, b.Credits, b.Notices = m.Paid, m.Charged, m.Payments, m.Notices
		out[i] = b
	}
	return out
}
