package engine

// creditBill is what the credit ledger needs of one month's bill.
type creditBill struct {
	Month Month
	// Total is the month's bill (R6.1), passport fees included.
	Total Yen
	// PassportFees is the part of Total that credits may not pay (R5.6).
	PassportFees Yen
}

// creditLedger is what the credits did over the horizon.
type creditLedger struct {
	// Months holds one entry per bill, in the same order.
	Months []creditMonth
	// Credits summarises each credit, in scenario order.
	Credits []CreditSummary
}

// creditMonth is what the credits did to one month's bill.
type creditMonth struct {
	Paid     Yen
	Charged  Yen
	Payments []CreditPayment
	Notices  []Notice
}

// settleCredits applies coupons and prepaid IDs to the bills (R7) and raises
// the notices of R8. bills cover the horizon, one per month, in order.
func settleCredits(bills []creditBill, credits []Credit, alerts Alerts) creditLedger {
	// Placeholder until R7/R8 land: credits pay nothing, everything is charged.
	ledger := creditLedger{Months: make([]creditMonth, len(bills)), Credits: make([]CreditSummary, len(credits))}
	for i, b := range bills {
		ledger.Months[i] = creditMonth{Charged: b.Total, Payments: []CreditPayment{}, Notices: []Notice{}}
	}
	for i, c := range credits {
		ledger.Credits[i] = CreditSummary{ID: c.ID, Kind: c.Kind, Amount: c.Amount, Registered: c.Registered, Expires: c.Expires, Void: c.Void()}
	}
	return ledger
}
