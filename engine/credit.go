package engine

// A credit's whole life is here: what it is and when it is void (R7.1), what
// a prepaid ID may cost and when it expires (R7.2), which bills it may pay
// (R7.3) and in what order (R7.5), and what it did over the horizon. The
// notices it raises are in notice.go (R8).

import (
	"sort"
	"strings"
	"time"
)

var (
	prepaidFixed   = []int64{10000, 30000}
	prepaidMinOpen = YenFromInt(50000)
)

// Credit is a coupon or a prepaid ID (R7.1, R7.2).
type Credit struct {
	ID         string
	Kind       CreditKind
	Amount     Yen
	Registered Date
	// Expires is the last day the credit can be used: given for a coupon,
	// derived for a prepaid ID (12 months from registration).
	Expires Date
	// RegisterBy is a coupon's registration deadline, when it has one.
	RegisterBy    Date
	HasRegisterBy bool
	// Code is a coupon's 16-digit code as the user wrote it, when given.
	Code string
}

// Void reports whether a coupon was registered after its deadline (R7.1).
func (c Credit) Void() bool {
	return c.Kind == CreditCoupon && c.HasRegisterBy && c.Registered.After(c.RegisterBy)
}

// PrepaidAmountAllowed reports whether a prepaid ID can be bought for a: the
// fixed 10,000 and 30,000 yen, or any amount from 50,000 yen (R7.2).
func PrepaidAmountAllowed(a Yen) bool {
	for _, n := range prepaidFixed {
		if a.Equal(YenFromInt(n)) {
			return true
		}
	}
	return a.Cmp(prepaidMinOpen) >= 0
}

// PrepaidExpiry is the last valid day of a prepaid ID: 12 months from
// registration, through the day before the same date a year later (R7.2).
// time.Date turns 29 February of a common year into 1 March, so one day
// earlier is 28 February, as the rule says.
func PrepaidExpiry(registered Date) Date {
	t := time.Date(registered.Year+1, registered.Month, registered.Day-1, 0, 0, 0, 0, time.UTC)
	return Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}
}

// CheckCouponCode accepts 16 digits with single spaces or hyphens between them (R7.2).
func CheckCouponCode(code string) error {
	problem := &InputError{Code: "badCouponCode"}
	digits := 0
	prevSep := true // a separator may not lead
	for _, r := range code {
		switch {
		case r >= '0' && r <= '9':
			digits++
			prevSep = false
		case (r == ' ' || r == '-') && !prevSep:
			prevSep = true
		default:
			return problem
		}
	}
	if digits != 16 || prevSep || strings.TrimSpace(code) != code {
		return problem
	}
	return nil
}

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

// creditState is one credit as the ledger walks the horizon.
type creditState struct {
	Credit
	// index is the credit's position in the scenario, the last tie-break of
	// payment order (R7.5) and of notice order (R8.4).
	index int
	void  bool
	// balance starts at the full amount even for a credit registered before
	// the horizon: R7.2 takes it as unused at the start.
	balance       Yen
	used          Yen
	expiredUnused Yen
	exhausted     *Month
}

// validFor reports whether the credit may pay the bill of the month ending on
// last (R7.3): the bill is fixed that day, so the credit must be registered by
// then and not yet expired on it.
func (s *creditState) validFor(last Date) bool {
	return !s.void && !s.Registered.After(last) && !s.Expires.Before(last)
}

// settleCredits applies coupons and prepaid IDs to the bills (R7) and raises
// the notices of R8. bills cover the horizon, one per month, in order; credits
// are as the decoder guarantees them (R7.2's checks done, prepaid expiry
// derived).
//
// A credit is Exhausted in the month a payment takes its balance to 0; a
// balance lost at expiry is ExpiredUnused instead, so such a credit is never
// Exhausted. A void coupon's notice sits in the month of its registration date,
// or in the first month when that date precedes the horizon; its date is the
// registration date either way.
func settleCredits(bills []creditBill, credits []Credit, alerts Alerts) creditLedger {
	states := make([]*creditState, len(credits))
	scenarioIndex := make(map[string]int, len(credits))
	for i, c := range credits {
		scenarioIndex[c.ID] = i
		s := &creditState{Credit: c, index: i, void: c.Void()}
		if !s.void {
			s.balance = c.Amount
		}
		states[i] = s
	}
	// Every key of R7.5 is fixed for the life of a credit, so one sort serves
	// every month.
	payOrder := append([]*creditState(nil), states...)
	sort.SliceStable(payOrder, func(i, j int) bool { return paysBefore(payOrder[i], payOrder[j]) })

	ledger := creditLedger{Months: make([]creditMonth, len(bills)), Credits: make([]CreditSummary, len(credits))}
	// prevFullyPaid: the previous month had something for credits to pay and
	// they paid all of it, the condition R8.3 puts on card-billing-started.
	// It starts false: the horizon's first month has no previous month.
	prevFullyPaid := false
	for i, b := range bills {
		m, last := b.Month, b.Month.LastDay()
		notices := voidNotices(states, m, i == 0)
		// The 20th falls before the month's bill is fixed, so these notices see
		// the balances left by the previous month (R8.1).
		notices = append(notices, couponNotices(states, m)...)

		payable := b.Total.Sub(b.PassportFees)
		remaining := payable
		var balanceBefore Yen
		payments := []CreditPayment{}
		for _, s := range payOrder {
			if !s.validFor(last) || !s.balance.IsPositive() {
				continue
			}
			balanceBefore = balanceBefore.Add(s.balance)
			pay := MinYen(s.balance, remaining)
			s.balance = s.balance.Sub(pay)
			s.used = s.used.Add(pay)
			remaining = remaining.Sub(pay)
			if s.balance.IsZero() {
				exhausted := m
				s.exhausted = &exhausted
			}
			payments = append(payments, CreditPayment{ID: s.ID, Paid: pay, Balance: s.balance})
		}
		paid := payable.Sub(remaining)
		charged := b.Total.Sub(paid)
		notices = append(notices, alertNotices(alerts, m, b.Total, balanceBefore, balanceBefore.Sub(paid))...)

		// A credit expiring on m's last day has just paid m; one expiring
		// earlier in m could not pay it (R7.3). Either way what is left now is lost.
		for _, s := range states {
			if s.void || s.Expires.BillingMonth() != m || !s.balance.IsPositive() {
				continue
			}
			s.expiredUnused = s.balance
			notices = append(notices, creditExpiredNotice(s.ID, s.Expires, s.balance))
			s.balance = Yen{}
		}

		fullyPaid := remaining.IsZero()
		if prevFullyPaid && !fullyPaid {
			notices = append(notices, cardBillingStartedNotice(m, charged))
		}
		prevFullyPaid = payable.IsPositive() && fullyPaid

		sortNotices(notices, scenarioIndex)
		ledger.Months[i] = creditMonth{Paid: paid, Charged: charged, Payments: payments, Notices: notices}
	}
	for i, s := range states {
		ledger.Credits[i] = CreditSummary{
			ID: s.ID, Kind: s.Kind, Amount: s.Amount, Registered: s.Registered, Expires: s.Expires,
			Void: s.void, Used: s.used, ExpiredUnused: s.expiredUnused, Exhausted: s.exhausted,
		}
	}
	return ledger
}

// paysBefore is the payment order of R7.5 (a simulator rule): earliest
// expiry, coupons before prepaid IDs, earlier registration, scenario order.
func paysBefore(a, b *creditState) bool {
	if c := a.Expires.Compare(b.Expires); c != 0 {
		return c < 0
	}
	if ac, bc := a.Kind == CreditCoupon, b.Kind == CreditCoupon; ac != bc {
		return ac
	}
	if c := a.Registered.Compare(b.Registered); c != 0 {
		return c < 0
	}
	return a.index < b.index
}
