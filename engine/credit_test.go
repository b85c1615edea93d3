package engine

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// The figures in these tables are worked by hand in the comments beside
// them, from billing-rules R7 and R8; none is copied from the program's output.

func ledgerMonth(s string) Month {
	m, err := ParseMonth(s)
	if err != nil {
		panic(fmt.Sprintf("ledgerMonth(%q): %v", s, err))
	}
	return m
}

func ledgerDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(fmt.Sprintf("ledgerDate(%q): %v", s, err))
	}
	return d
}

// ledgerBills gives one bill per total from start on, with no passport fee.
func ledgerBills(start string, totals ...int64) []creditBill {
	m := ledgerMonth(start)
	bills := make([]creditBill, len(totals))
	for i, t := range totals {
		bills[i] = creditBill{Month: m + Month(i), Total: YenFromInt(t)}
	}
	return bills
}

func ledgerCoupon(id string, amount int64, registered, expires string) Credit {
	return Credit{ID: id, Kind: CreditCoupon, Amount: YenFromInt(amount), Registered: ledgerDate(registered), Expires: ledgerDate(expires)}
}

// ledgerPrepaid takes the expiry as the decoder derives it (R7.2), written out
// by hand in each case.
func ledgerPrepaid(id string, amount int64, registered, expires string) Credit {
	return Credit{ID: id, Kind: CreditPrepaid, Amount: YenFromInt(amount), Registered: ledgerDate(registered), Expires: ledgerDate(expires)}
}

func ledgerVoidCoupon(id string, amount int64, registered, registerBy, expires string) Credit {
	c := ledgerCoupon(id, amount, registered, expires)
	c.RegisterBy, c.HasRegisterBy = ledgerDate(registerBy), true
	return c
}

func yenRef(n int64) *Yen { y := YenFromInt(n); return &y }

type wantPayment struct{ id, paid, balance string }

// wantNotice.amount is "" when the notice carries none.
type wantNotice struct {
	kind                 NoticeKind
	date, amount, credit string
}

type wantCreditMonth struct {
	paid, charged string
	payments      []wantPayment
	notices       []wantNotice
}

// wantSummary.exhausted is "" for null.
type wantSummary struct {
	id                  string
	void                bool
	used, expiredUnused string
	exhausted           string
}

type ledgerCase struct {
	name    string
	bills   []creditBill
	credits []Credit
	alerts  Alerts
	months  []wantCreditMonth
	// summaries is checked only when given.
	summaries []wantSummary
}

func checkLedger(t *testing.T, tc ledgerCase) {
	t.Helper()
	got := settleCredits(tc.bills, tc.credits, tc.alerts)
	if len(got.Months) != len(tc.months) {
		t.Fatalf("settleCredits: %d months, want %d", len(got.Months), len(tc.months))
	}
	for i, want := range tc.months {
		gm, m := got.Months[i], tc.bills[i].Month
		if !gm.Paid.Equal(MustParseYen(want.paid)) {
			t.Errorf("%s: paid = %s, want %s", m, gm.Paid, want.paid)
		}
		if !gm.Charged.Equal(MustParseYen(want.charged)) {
			t.Errorf("%s: charged = %s, want %s", m, gm.Charged, want.charged)
		}
		if gm.Payments == nil || gm.Notices == nil {
			t.Errorf("%s: payments or notices nil, want empty slices", m)
		}
		if len(gm.Payments) != len(want.payments) {
			t.Errorf("%s: payments = %v, want %v", m, gm.Payments, want.payments)
		} else {
			for j, wp := range want.payments {
				gp := gm.Payments[j]
				if gp.ID != wp.id || !gp.Paid.Equal(MustParseYen(wp.paid)) || !gp.Balance.Equal(MustParseYen(wp.balance)) {
					t.Errorf("%s: payments[%d] = {%s paid %s balance %s}, want {%s paid %s balance %s}",
						m, j, gp.ID, gp.Paid, gp.Balance, wp.id, wp.paid, wp.balance)
				}
			}
		}
		if len(gm.Notices) != len(want.notices) {
			t.Errorf("%s: notices = %s, want %v", m, formatNotices(gm.Notices), want.notices)
			continue
		}
		for j, wn := range want.notices {
			if !noticeMatches(gm.Notices[j], wn) {
				t.Errorf("%s: notices[%d] = %s, want %v", m, j, formatNotice(gm.Notices[j]), wn)
			}
		}
	}
	if tc.summaries == nil {
		return
	}
	if len(got.Credits) != len(tc.summaries) {
		t.Fatalf("settleCredits: %d credit summaries, want %d", len(got.Credits), len(tc.summaries))
	}
	for i, ws := range tc.summaries {
		gs := got.Credits[i]
		exhausted := ""
		if gs.Exhausted != nil {
			exhausted = gs.Exhausted.String()
		}
		if gs.ID != ws.id || gs.Void != ws.void || !gs.Used.Equal(MustParseYen(ws.used)) ||
			!gs.ExpiredUnused.Equal(MustParseYen(ws.expiredUnused)) || exhausted != ws.exhausted {
			t.Errorf("credits[%d] = {%s void %t used %s expiredUnused %s exhausted %q}, want {%s void %t used %s expiredUnused %s exhausted %q}",
				i, gs.ID, gs.Void, gs.Used, gs.ExpiredUnused, exhausted, ws.id, ws.void, ws.used, ws.expiredUnused, ws.exhausted)
		}
		c := tc.credits[i]
		if gs.Kind != c.Kind || !gs.Amount.Equal(c.Amount) || gs.Registered != c.Registered || gs.Expires != c.Expires {
			t.Errorf("credits[%d] = {%s %s %s %s}, want the credit's own {%s %s %s %s}",
				i, gs.Kind, gs.Amount, gs.Registered, gs.Expires, c.Kind, c.Amount, c.Registered, c.Expires)
		}
	}
}

func noticeMatches(n Notice, w wantNotice) bool {
	if n.Kind != w.kind || n.Date.String() != w.date || n.Credit != w.credit {
		return false
	}
	if w.amount == "" {
		return n.Amount == nil
	}
	return n.Amount != nil && n.Amount.Equal(MustParseYen(w.amount))
}

func formatNotice(n Notice) string {
	amount := ""
	if n.Amount != nil {
		amount = n.Amount.String()
	}
	return fmt.Sprintf("{%s %s %s %s}", n.Kind, n.Date, amount, n.Credit)
}

func formatNotices(ns []Notice) string {
	s := "["
	for i, n := range ns {
		if i > 0 {
			s += " "
		}
		s += formatNotice(n)
	}
	return s + "]"
}

func TestSettleCredits_Golden(t *testing.T) {
	cases := []ledgerCase{
		{
			// R7's worked example. December and January: 20,000 − 9,504 = 10,496,
			// then 10,496 − 9,504 = 992. On 2019-02-20 the coupon expires next
			// month (March) and 992 < 2,000. February: 992 paid, 9,504 − 992 =
			// 8,512 charged after a fully paid January. March: nothing left, so
			// no payment line, no 20th notice and no credit-expired.
			name:    "R7 worked example",
			bills:   ledgerBills("2018-12", 9504, 9504, 9504, 9504),
			credits: []Credit{ledgerCoupon("c1", 20000, "2018-12-05", "2019-03-31")},
			months: []wantCreditMonth{
				{paid: "9504", charged: "0", payments: []wantPayment{{"c1", "9504", "10496"}}},
				{paid: "9504", charged: "0", payments: []wantPayment{{"c1", "9504", "992"}}},
				{paid: "992", charged: "8512", payments: []wantPayment{{"c1", "992", "0"}}, notices: []wantNotice{
					{NoticeCouponExpiring, "2019-02-20", "", "c1"},
					{NoticeCouponLowBalance, "2019-02-20", "992", "c1"},
					{NoticeCardBillingStarted, "2019-02-28", "8512", ""},
				}},
				{paid: "0", charged: "9504"},
			},
			summaries: []wantSummary{{id: "c1", used: "20000", expiredUnused: "0", exhausted: "2019-02"}},
		},
		{
			// contract.md's example month: 19,007 − 11,404 passport fee = 7,603
			// payable; 30,000 − 7,603 = 22,397. 19,007 > 15,000 raises bill-above;
			// 22,397 stays above 5,000. The coupon is registered in January.
			name:  "contract example month",
			bills: []creditBill{{Month: ledgerMonth("2018-12"), Total: YenFromInt(19007), PassportFees: YenFromInt(11404)}},
			credits: []Credit{
				ledgerVoidlessCoupon("c1", 20000, "2019-01-15", "2019-03-31", "2019-01-31"),
				ledgerPrepaid("p1", 30000, "2018-12-10", "2019-12-09"),
			},
			alerts: Alerts{BillAbove: yenRef(15000), BalanceBelow: yenRef(5000)},
			months: []wantCreditMonth{
				{paid: "7603", charged: "11404", payments: []wantPayment{{"p1", "7603", "22397"}}, notices: []wantNotice{
					{NoticeBillAbove, "2018-12-31", "19007", ""},
				}},
			},
		},
		{
			// The contract scenario over seven months: the 12-month passport makes
			// December 19,007 (11,404 of it the fee) and later months 7,603.
			// January: c1 (expiring 2019-03-31) pays before p1 (2019-12-09):
			// 20,000 − 7,603 = 12,397, p1 pays 0. February 20th: c1 expires in
			// March; 12,397 − 7,603 = 4,794. March: c1 pays its 4,794, p1 the
			// other 2,809: 22,397 − 2,809 = 19,588. April: 11,985. May: 4,382,
			// which crosses 5,000 (before: 11,985). June: p1 pays 4,382, charged
			// 7,603 − 4,382 = 3,221 after a fully paid May.
			name: "contract scenario, seven months",
			bills: append([]creditBill{{Month: ledgerMonth("2018-12"), Total: YenFromInt(19007), PassportFees: YenFromInt(11404)}},
				ledgerBills("2019-01", 7603, 7603, 7603, 7603, 7603, 7603)...),
			credits: []Credit{
				ledgerVoidlessCoupon("c1", 20000, "2019-01-15", "2019-03-31", "2019-01-31"),
				ledgerPrepaid("p1", 30000, "2018-12-10", "2019-12-09"),
			},
			alerts: Alerts{BillAbove: yenRef(15000), BalanceBelow: yenRef(5000)},
			months: []wantCreditMonth{
				{paid: "7603", charged: "11404", payments: []wantPayment{{"p1", "7603", "22397"}}, notices: []wantNotice{
					{NoticeBillAbove, "2018-12-31", "19007", ""},
				}},
				{paid: "7603", charged: "0", payments: []wantPayment{{"c1", "7603", "12397"}, {"p1", "0", "22397"}}},
				{paid: "7603", charged: "0", payments: []wantPayment{{"c1", "7603", "4794"}, {"p1", "0", "22397"}}, notices: []wantNotice{
					{NoticeCouponExpiring, "2019-02-20", "", "c1"},
				}},
				{paid: "7603", charged: "0", payments: []wantPayment{{"c1", "4794", "0"}, {"p1", "2809", "19588"}}},
				{paid: "7603", charged: "0", payments: []wantPayment{{"p1", "7603", "11985"}}},
				{paid: "7603", charged: "0", payments: []wantPayment{{"p1", "7603", "4382"}}, notices: []wantNotice{
					{NoticeBalanceBelow, "2019-05-31", "4382", ""},
				}},
				{paid: "4382", charged: "3221", payments: []wantPayment{{"p1", "4382", "0"}}, notices: []wantNotice{
					{NoticeCardBillingStarted, "2019-06-30", "3221", ""},
				}},
			},
			summaries: []wantSummary{
				{id: "c1", used: "20000", expiredUnused: "0", exhausted: "2019-03"},
				{id: "p1", used: "30000", expiredUnused: "0", exhausted: "2019-06"},
			},
		},
		{
			// A prepaid ID registered 2019-04-10 runs through 2020-04-09, so it
			// pays April 2019 to March 2020: 12 × 500 = 6,000 of 10,000. April
			// 2020's bill is fixed after its expiry: 4,000 is lost on 2020-04-09
			// and the card pays April.
			name:    "prepaid expiry with balance left",
			bills:   ledgerBills("2019-04", 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500),
			credits: []Credit{ledgerPrepaid("p", 10000, "2019-04-10", "2020-04-09")},
			months: append(repeatMonth(wantCreditMonth{paid: "500", charged: "0"}, 12, func(i int) []wantPayment {
				return []wantPayment{{"p", "500", fmt.Sprint(10000 - 500*(i+1))}}
			}), wantCreditMonth{paid: "0", charged: "500", notices: []wantNotice{
				{NoticeCreditExpired, "2020-04-09", "4000", "p"},
				{NoticeCardBillingStarted, "2020-04-30", "500", ""},
			}}),
			summaries: []wantSummary{{id: "p", used: "6000", expiredUnused: "4000"}},
		},
		{
			// The same prepaid ID over a horizon ending in March 2020: its expiry
			// falls outside, so nothing is reported lost (R7.6).
			name:    "prepaid expiry after the horizon",
			bills:   ledgerBills("2019-04", 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500),
			credits: []Credit{ledgerPrepaid("p", 10000, "2019-04-10", "2020-04-09")},
			months: repeatMonth(wantCreditMonth{paid: "500", charged: "0"}, 12, func(i int) []wantPayment {
				return []wantPayment{{"p", "500", fmt.Sprint(10000 - 500*(i+1))}}
			}),
			summaries: []wantSummary{{id: "p", used: "6000", expiredUnused: "0"}},
		},
		{
			// A coupon expiring 2019-02-15 cannot pay February (R7.3): January
			// leaves 4,000, lost on the 15th. On 2019-01-20 its expiry is next
			// month; on 2019-02-20 it has already expired.
			name:    "coupon expiring mid-month",
			bills:   ledgerBills("2019-01", 1000, 1000),
			credits: []Credit{ledgerCoupon("c", 5000, "2019-01-01", "2019-02-15")},
			months: []wantCreditMonth{
				{paid: "1000", charged: "0", payments: []wantPayment{{"c", "1000", "4000"}}, notices: []wantNotice{
					{NoticeCouponExpiring, "2019-01-20", "", "c"},
				}},
				{paid: "0", charged: "1000", notices: []wantNotice{
					{NoticeCreditExpired, "2019-02-15", "4000", "c"},
					{NoticeCardBillingStarted, "2019-02-28", "1000", ""},
				}},
			},
			summaries: []wantSummary{{id: "c", used: "1000", expiredUnused: "4000"}},
		},
		{
			// Payment order (R7.5). January: c expires first (2019-06-30); d, e
			// and b share 2020-01-04 and are coupons, so they precede prepaid a;
			// d and e were registered before b, and d is listed before e; f is
			// registered in February. 15,000 = 2,000 + 4,000 + 1,000 + 3,000 +
			// 5,000 from a. The 20th: e's 1,000 is low; c's 2,000 is not below
			// 2,000. February: a (2020-01-04) before f (2020-01-31): a pays 3,000
			// of its 5,000, f pays 0 and is still listed.
			name:  "payment order between several credits",
			bills: ledgerBills("2019-01", 15000, 3000),
			credits: []Credit{
				ledgerPrepaid("a", 10000, "2019-01-05", "2020-01-04"),
				ledgerCoupon("b", 3000, "2019-01-10", "2020-01-04"),
				ledgerCoupon("c", 2000, "2019-01-03", "2019-06-30"),
				ledgerCoupon("d", 4000, "2019-01-02", "2020-01-04"),
				ledgerCoupon("e", 1000, "2019-01-02", "2020-01-04"),
				ledgerPrepaid("f", 10000, "2019-02-01", "2020-01-31"),
			},
			months: []wantCreditMonth{
				{paid: "15000", charged: "0", payments: []wantPayment{
					{"c", "2000", "0"}, {"d", "4000", "0"}, {"e", "1000", "0"}, {"b", "3000", "0"}, {"a", "5000", "5000"},
				}, notices: []wantNotice{
					{NoticeCouponLowBalance, "2019-01-20", "1000", "e"},
				}},
				{paid: "3000", charged: "0", payments: []wantPayment{{"a", "3000", "2000"}, {"f", "0", "10000"}}},
			},
			summaries: []wantSummary{
				{id: "a", used: "8000", expiredUnused: "0"},
				{id: "b", used: "3000", expiredUnused: "0", exhausted: "2019-01"},
				{id: "c", used: "2000", expiredUnused: "0", exhausted: "2019-01"},
				{id: "d", used: "4000", expiredUnused: "0", exhausted: "2019-01"},
				{id: "e", used: "1000", expiredUnused: "0", exhausted: "2019-01"},
				{id: "f", used: "0", expiredUnused: "0"},
			},
		},
		{
			// Void coupons (R7.1) pay nothing and raise coupon-void on their
			// registration date: "early" in the first month although registered
			// in November, "late" in February. Neither gets 20th mails nor a
			// credit-expired when its expiry (March 31) passes. No credit ever
			// paid, so no card-billing-started.
			name:  "void coupons",
			bills: ledgerBills("2019-01", 1000, 1000, 1000),
			credits: []Credit{
				ledgerVoidCoupon("early", 3000, "2018-11-20", "2018-11-01", "2019-03-31"),
				ledgerVoidCoupon("late", 5000, "2019-02-10", "2019-01-31", "2019-06-30"),
			},
			months: []wantCreditMonth{
				{paid: "0", charged: "1000", notices: []wantNotice{{NoticeCouponVoid, "2018-11-20", "", "early"}}},
				{paid: "0", charged: "1000", notices: []wantNotice{{NoticeCouponVoid, "2019-02-10", "", "late"}}},
				{paid: "0", charged: "1000"},
			},
			summaries: []wantSummary{
				{id: "early", void: true, used: "0", expiredUnused: "0"},
				{id: "late", void: true, used: "0", expiredUnused: "0"},
			},
		},
		{
			// A coupon registered on its deadline is not void.
			name:    "coupon registered on its deadline",
			bills:   ledgerBills("2019-01", 1000),
			credits: []Credit{ledgerVoidlessCoupon("c", 5000, "2019-01-31", "2019-06-30", "2019-01-31")},
			months: []wantCreditMonth{
				{paid: "1000", charged: "0", payments: []wantPayment{{"c", "1000", "4000"}}},
			},
			summaries: []wantSummary{{id: "c", used: "1000", expiredUnused: "0"}},
		},
		{
			// A prepaid ID registered on 2019-02-25 pays all of February (seed
			// 001). January is charged, so February's full payment starts no
			// card billing; March is paid too.
			name:    "credit registered mid-horizon",
			bills:   ledgerBills("2019-01", 4000, 4000, 4000),
			credits: []Credit{ledgerPrepaid("p", 10000, "2019-02-25", "2020-02-24")},
			months: []wantCreditMonth{
				{paid: "0", charged: "4000"},
				{paid: "4000", charged: "0", payments: []wantPayment{{"p", "4000", "6000"}}},
				{paid: "4000", charged: "0", payments: []wantPayment{{"p", "4000", "2000"}}},
			},
			summaries: []wantSummary{{id: "p", used: "8000", expiredUnused: "0"}},
		},
		{
			// A month whose bill is only a passport fee has nothing credits may
			// pay: 0 paid, the credit listed with 0. February pays 5,000 of its
			// 5,000 exactly, so the coupon is exhausted there. March's 5,000 is
			// charged after a fully paid February.
			name: "passport fee only, then exhausted exactly",
			bills: []creditBill{
				{Month: ledgerMonth("2019-01"), Total: YenFromInt(11404), PassportFees: YenFromInt(11404)},
				{Month: ledgerMonth("2019-02"), Total: YenFromInt(5000)},
				{Month: ledgerMonth("2019-03"), Total: YenFromInt(5000)},
			},
			credits: []Credit{ledgerCoupon("c", 5000, "2019-01-01", "2019-12-31")},
			months: []wantCreditMonth{
				{paid: "0", charged: "11404", payments: []wantPayment{{"c", "0", "5000"}}},
				{paid: "5000", charged: "0", payments: []wantPayment{{"c", "5000", "0"}}},
				{paid: "0", charged: "5000", notices: []wantNotice{{NoticeCardBillingStarted, "2019-03-31", "5000", ""}}},
			},
			summaries: []wantSummary{{id: "c", used: "5000", expiredUnused: "0", exhausted: "2019-02"}},
		},
		{
			// A bill of 0 between a fully paid month and a charged one: R8.3
			// wants the previous month's payable amount above 0, so March's
			// charge raises no card-billing-started.
			name:    "bill of zero",
			bills:   ledgerBills("2019-01", 1000, 0, 3000),
			credits: []Credit{ledgerCoupon("c", 2500, "2019-01-01", "2019-12-31")},
			months: []wantCreditMonth{
				{paid: "1000", charged: "0", payments: []wantPayment{{"c", "1000", "1500"}}},
				{paid: "0", charged: "0", payments: []wantPayment{{"c", "0", "1500"}}, notices: []wantNotice{
					{NoticeCouponLowBalance, "2019-02-20", "1500", "c"},
				}},
				{paid: "1500", charged: "1500", payments: []wantPayment{{"c", "1500", "0"}}, notices: []wantNotice{
					{NoticeCouponLowBalance, "2019-03-20", "1500", "c"},
				}},
			},
			summaries: []wantSummary{{id: "c", used: "2500", expiredUnused: "0", exhausted: "2019-03"}},
		},
		{
			// The first month has no previous month: charged from the start, no
			// card-billing-started (R8.3).
			name:    "charged from the first month",
			bills:   ledgerBills("2019-01", 3000, 3000),
			credits: []Credit{ledgerCoupon("c", 1000, "2019-01-25", "2019-12-31")},
			months: []wantCreditMonth{
				{paid: "1000", charged: "2000", payments: []wantPayment{{"c", "1000", "0"}}},
				{paid: "0", charged: "3000"},
			},
			summaries: []wantSummary{{id: "c", used: "1000", expiredUnused: "0", exhausted: "2019-01"}},
		},
		{
			// No credits and no bills.
			name:   "empty horizon",
			months: []wantCreditMonth{},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { checkLedger(t, tc) })
	}
}

// ledgerVoidlessCoupon is a coupon with a registration deadline it meets.
func ledgerVoidlessCoupon(id string, amount int64, registered, expires, registerBy string) Credit {
	c := ledgerCoupon(id, amount, registered, expires)
	c.RegisterBy, c.HasRegisterBy = ledgerDate(registerBy), true
	return c
}

func repeatMonth(w wantCreditMonth, n int, payments func(i int) []wantPayment) []wantCreditMonth {
	out := make([]wantCreditMonth, n)
	for i := range out {
		out[i] = w
		out[i].payments = payments(i)
	}
	return out
}

func TestCreditState_PaysBefore(t *testing.T) {
	base := creditState{Credit: ledgerCoupon("x", 1000, "2019-01-10", "2019-06-30"), index: 5}
	with := func(f func(s *creditState)) *creditState { s := base; f(&s); return &s }
	tests := []struct {
		name string
		a, b *creditState
		want bool
	}{
		{"earlier expiry first, even a later prepaid", with(func(s *creditState) { s.Kind = CreditPrepaid; s.Expires = ledgerDate("2019-06-29") }), &base, true},
		{"later expiry after", with(func(s *creditState) { s.Expires = ledgerDate("2019-07-01"); s.index = 0 }), &base, false},
		{"coupon before prepaid", &base, with(func(s *creditState) { s.Kind = CreditPrepaid; s.index = 0 }), true},
		{"earlier registration first", with(func(s *creditState) { s.Registered = ledgerDate("2019-01-09"); s.index = 9 }), &base, true},
		{"scenario order last", with(func(s *creditState) { s.index = 4 }), &base, true},
		{"not before itself", &base, &base, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := paysBefore(tt.a, tt.b); got != tt.want {
				t.Errorf("paysBefore(%s, %s) = %t, want %t", tt.a.ID, tt.b.ID, got, tt.want)
			}
		})
	}
}

// randomLedgerInput builds a horizon and credits that satisfy what the decoder
// guarantees settleCredits: unique ids, positive amounts, prepaid amounts of
// 10,000, 30,000 or 50,000 and more with the derived expiry, expiry on or after
// registration, nothing expired before the horizon or registered after it.
func randomLedgerInput(r *rand.Rand) ([]creditBill, []Credit, Alerts) {
	start := NewMonth(2018+r.IntN(8), time.Month(1+r.IntN(12)))
	n := 1 + r.IntN(30)
	bills := make([]creditBill, n)
	for i := range bills {
		total := int64(0)
		if r.IntN(8) > 0 {
			total = r.Int64N(40000)
		}
		fees := int64(0)
		if total > 0 && r.IntN(4) == 0 {
			fees = r.Int64N(total + 1)
		}
		bills[i] = creditBill{Month: start + Month(i), Total: YenFromInt(total), PassportFees: YenFromInt(fees)}
	}
	first, last := start.FirstDay(), (start + Month(n-1)).LastDay()
	var credits []Credit
	want := r.IntN(7)
	for len(credits) < want {
		reg := first.AddDays(r.IntN(30*(n+14)) - 30*14)
		var c Credit
		if r.IntN(2) == 0 {
			c = Credit{Kind: CreditCoupon, Amount: YenFromInt(1 + r.Int64N(30000)), Registered: reg, Expires: reg.AddDays(r.IntN(400))}
			if r.IntN(4) == 0 {
				c.RegisterBy, c.HasRegisterBy = reg.AddDays(r.IntN(20)-10), true
			}
		} else {
			amounts := []int64{10000, 30000, 50000 + r.Int64N(100000)}
			c = Credit{Kind: CreditPrepaid, Amount: YenFromInt(amounts[r.IntN(3)]), Registered: reg}
			// time.Date turns 29 February a year later into 1 March, so the
			// day before is 28 February, as R7.2 wants.
			exp := time.Date(reg.Year+1, reg.Month, reg.Day-1, 0, 0, 0, 0, time.UTC)
			c.Expires = Date{exp.Year(), exp.Month(), exp.Day()}
		}
		if c.Expires.Before(first) || c.Registered.After(last) {
			continue
		}
		c.ID = fmt.Sprintf("k%d", len(credits))
		credits = append(credits, c)
	}
	var alerts Alerts
	if r.IntN(2) == 0 {
		alerts.BillAbove = yenRef(1 + r.Int64N(40000))
	}
	if r.IntN(2) == 0 {
		alerts.BalanceBelow = yenRef(1 + r.Int64N(60000))
	}
	return bills, credits, alerts
}

func TestSettleCredits_Invariants(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 2026))
	for run := range 3000 {
		bills, credits, alerts := randomLedgerInput(r)
		got := settleCredits(bills, credits, alerts)
		fail := func(format string, args ...any) {
			t.Helper()
			t.Fatalf("run %d: %s\nbills %v\ncredits %v", run, fmt.Sprintf(format, args...), bills, credits)
		}
		if len(got.Months) != len(bills) || len(got.Credits) != len(credits) {
			fail("%d months and %d summaries, want %d and %d", len(got.Months), len(got.Credits), len(bills), len(credits))
		}
		byID := map[string]int{}
		balance := make([]Yen, len(credits))
		for i, c := range credits {
			byID[c.ID] = i
			if !c.Void() {
				balance[i] = c.Amount
			}
		}
		totalPaid := Yen{}
		for i, b := range bills {
			gm := got.Months[i]
			payable := b.Total.Sub(b.PassportFees)
			if !gm.Paid.Add(gm.Charged).Equal(b.Total) {
				fail("%s: paid %s + charged %s, want total %s", b.Month, gm.Paid, gm.Charged, b.Total)
			}
			if gm.Paid.IsNegative() || gm.Paid.Cmp(payable) > 0 {
				fail("%s: paid %s, want 0 to %s (total − passport fees)", b.Month, gm.Paid, payable)
			}
			if gm.Payments == nil || gm.Notices == nil {
				fail("%s: nil payments or notices", b.Month)
			}
			sum := Yen{}
			for _, p := range gm.Payments {
				k, ok := byID[p.ID]
				if !ok {
					fail("%s: payment by unknown credit %q", b.Month, p.ID)
				}
				c := credits[k]
				if c.Void() || c.Registered.After(b.Month.LastDay()) || c.Expires.Before(b.Month.LastDay()) {
					fail("%s: payment by %s, not valid for the month", b.Month, p.ID)
				}
				if !balance[k].IsPositive() {
					fail("%s: %s listed with no balance before paying", b.Month, p.ID)
				}
				if p.Paid.IsNegative() || p.Paid.Cmp(balance[k]) > 0 || !p.Balance.Equal(balance[k].Sub(p.Paid)) {
					fail("%s: %s paid %s leaving %s, from a balance of %s", b.Month, p.ID, p.Paid, p.Balance, balance[k])
				}
				if gm.Paid.Cmp(payable) < 0 && !p.Balance.IsZero() {
					fail("%s: %s kept %s while %s of %s was charged", b.Month, p.ID, p.Balance, payable.Sub(gm.Paid), payable)
				}
				balance[k] = p.Balance
				sum = sum.Add(p.Paid)
			}
			if !sum.Equal(gm.Paid) {
				fail("%s: payments sum to %s, want paid %s", b.Month, sum, gm.Paid)
			}
			totalPaid = totalPaid.Add(gm.Paid)
			for j, n := range gm.Notices {
				inMonth := n.Date.BillingMonth() == b.Month || (i == 0 && n.Kind == NoticeCouponVoid && n.Date.BillingMonth() < b.Month)
				if !inMonth {
					fail("%s: notice %s dated outside the month", b.Month, formatNotice(n))
				}
				if j > 0 && noticeOutOfOrder(gm.Notices[j-1], n, byID) {
					fail("%s: notices %s", b.Month, formatNotices(gm.Notices))
				}
				if n.Kind == NoticeCreditExpired {
					k := byID[n.Credit]
					if n.Amount == nil || !n.Amount.Equal(balance[k]) || !balance[k].IsPositive() {
						fail("%s: %s, balance was %s", b.Month, formatNotice(n), balance[k])
					}
					balance[k] = Yen{}
				}
			}
		}
		usedSum := Yen{}
		for i, s := range got.Credits {
			c := credits[i]
			if s.ID != c.ID || s.Void != c.Void() {
				fail("credits[%d] = %s void %t, want %s void %t", i, s.ID, s.Void, c.ID, c.Void())
			}
			if balance[i].IsNegative() || !s.Used.Add(s.ExpiredUnused).Add(balance[i]).Equal(func() Yen {
				if c.Void() {
					return Yen{}
				}
				return c.Amount
			}()) {
				fail("%s: used %s + expired %s + left %s, want amount %s", c.ID, s.Used, s.ExpiredUnused, balance[i], c.Amount)
			}
			if (s.Exhausted != nil) != (s.Used.Equal(c.Amount) && !c.Void()) {
				fail("%s: exhausted %v with used %s of %s", c.ID, s.Exhausted, s.Used, c.Amount)
			}
			usedSum = usedSum.Add(s.Used)
		}
		if !usedSum.Equal(totalPaid) {
			fail("credits used %s, months paid %s", usedSum, totalPaid)
		}
	}
}

// noticeOutOfOrder is R8.4's order written out again, independently of sortNotices.
func noticeOutOfOrder(a, b Notice, byID map[string]int) bool {
	kinds := []NoticeKind{NoticeCouponVoid, NoticeCouponExpiring, NoticeCouponLowBalance, NoticeCreditExpired,
		NoticeBillAbove, NoticeBalanceBelow, NoticeCardBillingStarted}
	rank := func(k NoticeKind) int {
		for i, x := range kinds {
			if x == k {
				return i
			}
		}
		return len(kinds)
	}
	if c := a.Date.Compare(b.Date); c != 0 {
		return c > 0
	}
	if rank(a.Kind) != rank(b.Kind) {
		return rank(a.Kind) > rank(b.Kind)
	}
	ia, ib := -1, -1
	if a.Credit != "" {
		ia = byID[a.Credit]
	}
	if b.Credit != "" {
		ib = byID[b.Credit]
	}
	return ia > ib
}
