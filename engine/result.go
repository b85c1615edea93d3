package engine

// Result is an estimate, with the figures contract.md's "Estimate" lists, in
// its order; the contract package writes it. Optional figures are pointers
// (written as null).
type Result struct {
	Catalog   CatalogSummary
	Resources []ResourceSummary
	Months    []MonthBill
	Years     []YearTotal
	Passports []PassportSummary
	Credits   []CreditSummary
}

// CatalogSummary says where the prices come from.
type CatalogSummary struct {
	ID      string
	AsOf    string
	TaxRate string
	Source  string
	// Estimated lists, for the items this scenario uses, prices that were
	// derived rather than published.
	Estimated []EstimatedPrices
}

// EstimatedPrices names the derived prices of one item in one zone.
type EstimatedPrices struct {
	Item   string
	Zone   string
	Prices []string
}

// ResourceSummary carries, per resource, what the comparison view needs: the
// prices in force (overrides applied) and the break points of R4.10.
type ResourceSummary struct {
	ID      string
	Item    string
	Zone    string
	Kind    Kind
	Name    Name
	Count   int
	Hourly  *Price
	Daily   *Price
	Monthly *Price
	// Estimated lists which of the prices above are derived, not published.
	Estimated []string
	// DailyFromHours and MonthlyFromHours are the least whole hours of use in a
	// month from which the daily price, and the monthly fee, is what is billed.
	DailyFromHours   *int
	MonthlyFromHours *int
}

// MonthBill is the bill of one month (R6) with what credits did to it (R7, R8).
type MonthBill struct {
	Month        Month
	Lines        []Line
	PassportFees []PassportFee
	// PassportFeesTotal is the sum of PassportFees: the part of Total that
	// credits may not pay (R5.6).
	PassportFeesTotal          Yen
	Total                      Yen
	Tax                        Yen
	WithoutPassports           Yen
	Cumulative                 Yen
	CumulativeWithoutPassports Yen
	CreditsPaid                Yen
	Credits                    []CreditPayment
	Charged                    Yen
	Notices                    []Notice
}

// Line is the usage fee of one contract in one month (R4), with every figure a
// user needs to see why it is what it is.
type Line struct {
	Resource string
	Contract int
	Item     string
	Zone     string
	Seconds  int64
	// Fee is R4 for the line's usage: the fee charged before any passport
	// (Fee.Amount), on which basis, and the alternatives it was chosen from.
	Fee
	// Discount is what a passport took off (R5.5); Amount = Fee.Amount − Discount.
	Discount Yen
	Amount   Yen
	// Passport names the passport whose right discounted this line.
	Passport *PassportRef
}

// PassportRef identifies the passport purchase that discounted a line.
type PassportRef struct {
	ID        string
	Term      int
	Purchased Month
	Rate      string
}

// PassportFee is a passport purchase's fee in the bill of its purchase month (R5.3).
type PassportFee struct {
	Passport string
	Item     string
	Zone     string
	Term     int
	Count    int
	// PerRight is the fee of one right; Amount = Count × PerRight.
	PerRight Yen
	Amount   Yen
}

// CreditPayment is what one credit paid of one month's bill and what it has left.
type CreditPayment struct {
	ID      string
	Paid    Yen
	Balance Yen
}

// Notice is a mail or alert the user would receive (R8).
type Notice struct {
	Kind   NoticeKind
	Date   Date
	Amount *Yen
	Credit string
}

// YearTotal sums one 12-month year of the horizon (R9.1); the last may be shorter.
type YearTotal struct {
	Year             int
	From             Month
	To               Month
	Total            Yen
	WithoutPassports Yen
	// Saving is WithoutPassports − Total: what the passports saved that year
	// (negative in a year that carries a passport fee and few discounts).
	Saving      Yen
	Charged     Yen
	CreditsUsed Yen
}

// PassportSummary is what one passport purchase cost and saved (R5, R9.3, R9.4).
type PassportSummary struct {
	ID        string
	Item      string
	Zone      string
	Term      int
	Count     int
	Purchased Month
	ValidTo   Month
	Rate      string
	// Fee is the passport fee (count × fee per right).
	Fee Yen
	// FeeBeforeHorizon is true for a purchase before the horizon's start: its
	// fee is outside the estimate's bills and it has no break-even (R5.3).
	FeeBeforeHorizon  bool
	Discounts         Yen
	BreakEven         *Month
	UnusedRightMonths int
}

// CreditSummary is what one credit did over the horizon (R7).
type CreditSummary struct {
	ID            string
	Kind          CreditKind
	Amount        Yen
	Registered    Date
	Expires       Date
	Void          bool
	Used          Yen
	ExpiredUnused Yen
	// Exhausted is the month the balance reached 0, or null.
	Exhausted *Month
}
