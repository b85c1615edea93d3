package engine

// Result is an estimate, shaped exactly as contract.md's "Estimate" so that it
// is also the JSON the page reads. Money fields are Yen, which marshal as
// decimal strings; optional figures are pointers that marshal as null.
type Result struct {
	Catalog   CatalogSummary    `json:"catalog"`
	Resources []ResourceSummary `json:"resources"`
	Months    []MonthBill       `json:"months"`
	Years     []YearTotal       `json:"years"`
	Passports []PassportSummary `json:"passports"`
	Credits   []CreditSummary   `json:"credits"`
}

// CatalogSummary says where the prices come from.
type CatalogSummary struct {
	ID      string `json:"id"`
	AsOf    string `json:"asOf"`
	TaxRate string `json:"taxRate"`
	Source  string `json:"source"`
	// Estimated lists, for the items this scenario uses, prices that were
	// derived rather than published.
	Estimated []EstimatedPrices `json:"estimated"`
}

// EstimatedPrices names the derived prices of one item in one zone.
type EstimatedPrices struct {
	Item   string   `json:"item"`
	Zone   string   `json:"zone"`
	Prices []string `json:"prices"`
}

// ResourceSummary carries, per resource, what the comparison view needs: the
// prices in force (overrides applied) and the break points of R4.10.
type ResourceSummary struct {
	ID      string `json:"id"`
	Item    string `json:"item"`
	Zone    string `json:"zone"`
	Kind    string `json:"kind"`
	Name    Name   `json:"name"`
	Count   int    `json:"count"`
	Hourly  *Price `json:"hourly"`
	Daily   *Price `json:"daily"`
	Monthly *Price `json:"monthly"`
	// Estimated lists which of the prices above are derived, not published.
	Estimated []string `json:"estimated"`
	// DailyFromHours and MonthlyFromHours are the least whole hours of use in a
	// month from which the daily price, and the monthly fee, is what is billed.
	DailyFromHours   *int `json:"dailyFromHours"`
	MonthlyFromHours *int `json:"monthlyFromHours"`
}

// MonthBill is the bill of one month (R6) with what credits did to it (R7, R8).
type MonthBill struct {
	Month        Month         `json:"month"`
	Lines        []Line        `json:"lines"`
	PassportFees []PassportFee `json:"passportFees"`
	// PassportFeesTotal is the sum of PassportFees: the part of Total that
	// credits may not pay (R5.6).
	PassportFeesTotal          Yen             `json:"passportFeesTotal"`
	Total                      Yen             `json:"total"`
	Tax                        Yen             `json:"tax"`
	WithoutPassports           Yen             `json:"withoutPassports"`
	Cumulative                 Yen             `json:"cumulative"`
	CumulativeWithoutPassports Yen             `json:"cumulativeWithoutPassports"`
	CreditsPaid                Yen             `json:"creditsPaid"`
	Credits                    []CreditPayment `json:"credits"`
	Charged                    Yen             `json:"charged"`
	Notices                    []Notice        `json:"notices"`
}

// Line is the usage fee of one contract in one month (R4), with every figure a
// user needs to see why it is what it is.
type Line struct {
	Resource string `json:"resource"`
	Contract int    `json:"contract"`
	Item     string `json:"item"`
	Zone     string `json:"zone"`
	Seconds  int64  `json:"seconds"`
	// Hours is H = ceil(S / 3600) (R4.2); Days and RestHours are its 24-hour
	// blocks and remainder (R4.3), or the started days of an item without an
	// hourly price (R4.6).
	Hours       int64  `json:"hours"`
	Days        int64  `json:"days"`
	RestHours   int64  `json:"restHours"`
	HourlyOnly  *Yen   `json:"hourlyOnly"`
	HourlyDaily *Yen   `json:"hourlyDaily"`
	Monthly     *Yen   `json:"monthly"`
	Fee         Yen    `json:"fee"`
	Basis       string `json:"basis"`
	Discount    Yen    `json:"discount"`
	Amount      Yen    `json:"amount"`
	// Passport names the passport whose right discounted this line.
	Passport *PassportRef `json:"passport,omitempty"`
}

// Bases of a fee (R4.9, R4.7).
const (
	BasisHourly      = "hourly"
	BasisDaily       = "daily"
	BasisMonthly     = "monthly"
	BasisMonthlyOnly = "monthly-only"
)

// PassportRef identifies the passport purchase that discounted a line.
type PassportRef struct {
	ID        string `json:"id"`
	Term      int    `json:"term"`
	Purchased Month  `json:"purchased"`
	Rate      string `json:"rate"`
}

// PassportFee is a passport purchase's fee in the bill of its purchase month (R5.3).
type PassportFee struct {
	Passport string `json:"passport"`
	Item     string `json:"item"`
	Zone     string `json:"zone"`
	Term     int    `json:"term"`
	Count    int    `json:"count"`
	// PerRight is the fee of one right; Amount = Count × PerRight.
	PerRight Yen `json:"perRight"`
	Amount   Yen `json:"amount"`
}

// CreditPayment is what one credit paid of one month's bill and what it has left.
type CreditPayment struct {
	ID      string `json:"id"`
	Paid    Yen    `json:"paid"`
	Balance Yen    `json:"balance"`
}

// Notice kinds, in the order a month lists them when they share a date (R8.4).
const (
	NoticeCouponVoid         = "coupon-void"
	NoticeCouponExpiring     = "coupon-expiring"
	NoticeCouponLowBalance   = "coupon-low-balance"
	NoticeCreditExpired      = "credit-expired"
	NoticeBillAbove          = "bill-above"
	NoticeBalanceBelow       = "balance-below"
	NoticeCardBillingStarted = "card-billing-started"
)

// Notice is a mail or alert the user would receive (R8).
type Notice struct {
	Kind   string `json:"kind"`
	Date   Date   `json:"date"`
	Amount *Yen   `json:"amount,omitempty"`
	Credit string `json:"credit,omitempty"`
}

// YearTotal sums one 12-month year of the horizon (R9.1); the last may be shorter.
type YearTotal struct {
	Year             int   `json:"year"`
	From             Month `json:"from"`
	To               Month `json:"to"`
	Total            Yen   `json:"total"`
	WithoutPassports Yen   `json:"withoutPassports"`
	// Saving is WithoutPassports − Total: what the passports saved that year
	// (negative in a year that carries a passport fee and few discounts).
	Saving      Yen `json:"saving"`
	Charged     Yen `json:"charged"`
	CreditsUsed Yen `json:"creditsUsed"`
}

// PassportSummary is what one passport purchase cost and saved (R5, R9.3, R9.4).
type PassportSummary struct {
	ID        string `json:"id"`
	Item      string `json:"item"`
	Zone      string `json:"zone"`
	Term      int    `json:"term"`
	Count     int    `json:"count"`
	Purchased Month  `json:"purchased"`
	ValidTo   Month  `json:"validTo"`
	Rate      string `json:"rate"`
	// Fee is the passport fee (count × fee per right).
	Fee Yen `json:"fee"`
	// FeeBeforeHorizon is true for a purchase before the horizon's start: its
	// fee is outside the estimate's bills and it has no break-even (R5.3).
	FeeBeforeHorizon  bool   `json:"feeBeforeHorizon"`
	Discounts         Yen    `json:"discounts"`
	BreakEven         *Month `json:"breakEven"`
	UnusedRightMonths int    `json:"unusedRightMonths"`
}

// CreditSummary is what one credit did over the horizon (R7).
type CreditSummary struct {
	ID            string `json:"id"`
	Kind          string `json:"kind"`
	Amount        Yen    `json:"amount"`
	Registered    Date   `json:"registered"`
	Expires       Date   `json:"expires"`
	Void          bool   `json:"void"`
	Used          Yen    `json:"used"`
	ExpiredUnused Yen    `json:"expiredUnused"`
	// Exhausted is the month the balance reached 0, or null.
	Exhausted *Month `json:"exhausted"`
}
