package engine

import "testing"

func TestSettleCredits_Notices(t *testing.T) {
	cases := []ledgerCase{
		{
			// Every kind but credit-expired on shared dates, in one month.
			// February: m (expiring 2019-03-15) pays first: 10,000 − 1,000 =
			// 9,000; a and b pay 0. On 2019-02-20 a's 1,500 is low; neither
			// coupon expires in March. March: m cannot pay (R7.3) and loses
			// 9,000 on the 15th. On the 20th v is registered past its deadline;
			// b and a expire in April; a's 1,500 is still low. a (April 10)
			// pays 1,500 before b (April 30) pays 2,500, and 8,000 − 4,000 =
			// 4,000 is charged. 8,000 > 5,000; the valid credits' balance goes
			// from 4,000 to 0, below 3,000; February was fully paid. Scenario
			// order puts b's coupon-expiring before a's.
			name:  "sort order",
			bills: ledgerBills("2019-02", 1000, 8000),
			credits: []Credit{
				ledgerVoidCoupon("v", 1000, "2019-03-20", "2019-03-01", "2019-12-31"),
				ledgerCoupon("b", 2500, "2019-02-01", "2019-04-30"),
				ledgerCoupon("a", 1500, "2019-02-01", "2019-04-10"),
				ledgerPrepaid("m", 10000, "2018-03-16", "2019-03-15"),
			},
			alerts: Alerts{BillAbove: yenRef(5000), BalanceBelow: yenRef(3000)},
			months: []wantCreditMonth{
				{paid: "1000", charged: "0", payments: []wantPayment{{"m", "1000", "9000"}, {"a", "0", "1500"}, {"b", "0", "2500"}}, notices: []wantNotice{
					{NoticeCouponLowBalance, "2019-02-20", "1500", "a"},
				}},
				{paid: "4000", charged: "4000", payments: []wantPayment{{"a", "1500", "0"}, {"b", "2500", "0"}}, notices: []wantNotice{
					{NoticeCreditExpired, "2019-03-15", "9000", "m"},
					{NoticeCouponVoid, "2019-03-20", "", "v"},
					{NoticeCouponExpiring, "2019-03-20", "", "b"},
					{NoticeCouponExpiring, "2019-03-20", "", "a"},
					{NoticeCouponLowBalance, "2019-03-20", "1500", "a"},
					{NoticeBillAbove, "2019-03-31", "8000", ""},
					{NoticeBalanceBelow, "2019-03-31", "0", ""},
					{NoticeCardBillingStarted, "2019-03-31", "4000", ""},
				}},
			},
			summaries: []wantSummary{
				{id: "v", void: true, used: "0", expiredUnused: "0"},
				{id: "b", used: "2500", expiredUnused: "0", exhausted: "2019-03"},
				{id: "a", used: "1500", expiredUnused: "0", exhausted: "2019-03"},
				{id: "m", used: "1000", expiredUnused: "9000"},
			},
		},
		{
			// A credit expiring on the last day of a month pays that month
			// first and loses the rest the same day: 3,000 − 1,000 − 1,000 =
			// 1,000 on 2019-03-31, before that date's bill-above. On 2019-02-20
			// the coupon expires next month; on 2019-03-20 its 2,000 is not
			// below 2,000, and 1,000 > 999 each month.
			name:    "expiry on the last day",
			bills:   ledgerBills("2019-02", 1000, 1000),
			credits: []Credit{ledgerCoupon("c", 3000, "2019-02-01", "2019-03-31")},
			alerts:  Alerts{BillAbove: yenRef(999)},
			months: []wantCreditMonth{
				{paid: "1000", charged: "0", payments: []wantPayment{{"c", "1000", "2000"}}, notices: []wantNotice{
					{NoticeCouponExpiring, "2019-02-20", "", "c"},
					{NoticeBillAbove, "2019-02-28", "1000", ""},
				}},
				{paid: "1000", charged: "0", payments: []wantPayment{{"c", "1000", "1000"}}, notices: []wantNotice{
					{NoticeCreditExpired, "2019-03-31", "1000", "c"},
					{NoticeBillAbove, "2019-03-31", "1000", ""},
				}},
			},
			summaries: []wantSummary{{id: "c", used: "2000", expiredUnused: "1000"}},
		},
		{
			// The 20th's mails (R8.1). c is registered on 2019-02-20 and
			// expires on 2019-03-20, so both 20ths are "on or after"
			// registration and "on or before" expiry: in February it expires
			// next month and 500 is low; in March only low. late, registered on
			// the 21st, gets no February mail. February's bill is 0, so both are
			// listed with 0 paid. c cannot pay March (R7.3) and loses 500 on the
			// 20th, after that date's mails; late pays March's 700 of its 1,000.
			name:  "coupon mail on the 20th",
			bills: ledgerBills("2019-02", 0, 700),
			credits: []Credit{
				ledgerCoupon("c", 500, "2019-02-20", "2019-03-20"),
				ledgerCoupon("late", 1000, "2019-02-21", "2019-12-31"),
			},
			months: []wantCreditMonth{
				{paid: "0", charged: "0", payments: []wantPayment{{"c", "0", "500"}, {"late", "0", "1000"}}, notices: []wantNotice{
					{NoticeCouponExpiring, "2019-02-20", "", "c"},
					{NoticeCouponLowBalance, "2019-02-20", "500", "c"},
				}},
				{paid: "700", charged: "0", payments: []wantPayment{{"late", "700", "300"}}, notices: []wantNotice{
					{NoticeCouponLowBalance, "2019-03-20", "500", "c"},
					{NoticeCouponLowBalance, "2019-03-20", "1000", "late"},
					{NoticeCreditExpired, "2019-03-20", "500", "c"},
				}},
			},
			summaries: []wantSummary{
				{id: "c", used: "0", expiredUnused: "500"},
				{id: "late", used: "700", expiredUnused: "0"},
			},
		},
		{
			// Prepaid IDs get no coupon mail, though this one expires on
			// 2019-02-28 and holds 1,000 on 2019-02-20.
			name:    "no coupon mail for a prepaid ID",
			bills:   ledgerBills("2019-01", 9000, 1000),
			credits: []Credit{ledgerPrepaid("p", 10000, "2018-03-01", "2019-02-28")},
			months: []wantCreditMonth{
				{paid: "9000", charged: "0", payments: []wantPayment{{"p", "9000", "1000"}}},
				{paid: "1000", charged: "0", payments: []wantPayment{{"p", "1000", "0"}}},
			},
			summaries: []wantSummary{{id: "p", used: "10000", expiredUnused: "0", exhausted: "2019-02"}},
		},
		{
			// balance-below 5,000: 12,000 → 8,000 → 4,000 crosses in February,
			// amount the 4,000 left; March starts below, so no second alert.
			// April is charged after a fully paid March.
			name:    "balance-below crossing",
			bills:   ledgerBills("2019-01", 4000, 4000, 4000, 4000),
			credits: []Credit{ledgerCoupon("c", 12000, "2019-01-01", "2019-12-31")},
			alerts:  Alerts{BalanceBelow: yenRef(5000)},
			months: []wantCreditMonth{
				{paid: "4000", charged: "0", payments: []wantPayment{{"c", "4000", "8000"}}},
				{paid: "4000", charged: "0", payments: []wantPayment{{"c", "4000", "4000"}}, notices: []wantNotice{
					{NoticeBalanceBelow, "2019-02-28", "4000", ""},
				}},
				{paid: "4000", charged: "0", payments: []wantPayment{{"c", "4000", "0"}}},
				{paid: "0", charged: "4000", notices: []wantNotice{{NoticeCardBillingStarted, "2019-04-30", "4000", ""}}},
			},
		},
		{
			// balance-below 4,000: February leaves exactly 4,000, not below;
			// March takes it from 4,000 (at the threshold) to 0.
			name:    "balance-below at the threshold",
			bills:   ledgerBills("2019-01", 4000, 4000, 4000),
			credits: []Credit{ledgerCoupon("c", 12000, "2019-01-01", "2019-12-31")},
			alerts:  Alerts{BalanceBelow: yenRef(4000)},
			months: []wantCreditMonth{
				{paid: "4000", charged: "0", payments: []wantPayment{{"c", "4000", "8000"}}},
				{paid: "4000", charged: "0", payments: []wantPayment{{"c", "4000", "4000"}}},
				{paid: "4000", charged: "0", payments: []wantPayment{{"c", "4000", "0"}}, notices: []wantNotice{
					{NoticeBalanceBelow, "2019-03-31", "0", ""},
				}},
			},
		},
		{
			// A prepaid ID registered in February lifts the balance to 2,000 +
			// 10,000 = 12,000 (A pays first: it expires earlier), and
			// February's 11,000 takes it below 2,500 again: 1,000. January
			// already crossed, 3,000 → 2,000.
			name:  "balance-below again after a top-up",
			bills: ledgerBills("2019-01", 1000, 11000),
			credits: []Credit{
				ledgerCoupon("A", 3000, "2019-01-01", "2019-12-31"),
				ledgerPrepaid("P", 10000, "2019-02-05", "2020-02-04"),
			},
			alerts: Alerts{BalanceBelow: yenRef(2500)},
			months: []wantCreditMonth{
				{paid: "1000", charged: "0", payments: []wantPayment{{"A", "1000", "2000"}}, notices: []wantNotice{
					{NoticeBalanceBelow, "2019-01-31", "2000", ""},
				}},
				{paid: "11000", charged: "0", payments: []wantPayment{{"A", "2000", "0"}, {"P", "9000", "1000"}}, notices: []wantNotice{
					{NoticeBalanceBelow, "2019-02-28", "1000", ""},
				}},
			},
		},
		{
			// Without credits the balance is 0 throughout, never at or above a
			// threshold of at least 1, so no balance-below; a total equal to
			// bill-above's threshold does not exceed it, 5,001 does.
			name:   "alerts without credits",
			bills:  ledgerBills("2019-01", 5000, 5001),
			alerts: Alerts{BillAbove: yenRef(5000), BalanceBelow: yenRef(1)},
			months: []wantCreditMonth{
				{paid: "0", charged: "5000"},
				{paid: "0", charged: "5001", notices: []wantNotice{{NoticeBillAbove, "2019-02-28", "5001", ""}}},
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { checkLedger(t, tc) })
	}
}

func TestSortNotices_Order(t *testing.T) {
	scenarioIndex := map[string]int{"z": 0, "y": 1}
	d := ledgerDate
	// Deliberately reversed: the want list is R8.4's order.
	notices := []Notice{
		{Kind: NoticeCardBillingStarted, Date: d("2019-03-31")},
		{Kind: NoticeBalanceBelow, Date: d("2019-03-31")},
		{Kind: NoticeBillAbove, Date: d("2019-03-31")},
		{Kind: NoticeCreditExpired, Date: d("2019-03-31"), Credit: "y"},
		{Kind: NoticeCreditExpired, Date: d("2019-03-31"), Credit: "z"},
		{Kind: NoticeCouponLowBalance, Date: d("2019-03-20"), Credit: "y"},
		{Kind: NoticeCouponLowBalance, Date: d("2019-03-20"), Credit: "z"},
		{Kind: NoticeCouponExpiring, Date: d("2019-03-20"), Credit: "z"},
		{Kind: NoticeCouponVoid, Date: d("2019-03-20"), Credit: "y"},
		{Kind: NoticeCreditExpired, Date: d("2019-03-05"), Credit: "y"},
		{Kind: NoticeCouponVoid, Date: d("2018-12-01"), Credit: "z"},
	}
	want := []string{
		"coupon-void 2018-12-01 z",
		"credit-expired 2019-03-05 y",
		"coupon-void 2019-03-20 y",
		"coupon-expiring 2019-03-20 z",
		"coupon-low-balance 2019-03-20 z",
		"coupon-low-balance 2019-03-20 y",
		"credit-expired 2019-03-31 z",
		"credit-expired 2019-03-31 y",
		"bill-above 2019-03-31 ",
		"balance-below 2019-03-31 ",
		"card-billing-started 2019-03-31 ",
	}
	sortNotices(notices, scenarioIndex)
	for i, n := range notices {
		if got := n.Kind.String() + " " + n.Date.String() + " " + n.Credit; got != want[i] {
			t.Errorf("sortNotices: [%d] = %q, want %q", i, got, want[i])
		}
	}
}

func TestAlertNotices_Thresholds(t *testing.T) {
	tests := []struct {
		name                    string
		billAbove, balanceBelow *Yen
		total, before, after    int64
		want                    []string
	}{
		{"no alerts set", nil, nil, 1000000, 10, 0, nil},
		{"total above", yenRef(999), nil, 1000, 0, 0, []string{"bill-above 1000"}},
		{"total at threshold", yenRef(1000), nil, 1000, 0, 0, nil},
		{"crossing", nil, yenRef(500), 0, 600, 400, []string{"balance-below 400"}},
		{"from exactly the threshold", nil, yenRef(500), 0, 500, 499, []string{"balance-below 499"}},
		{"to exactly the threshold", nil, yenRef(500), 0, 600, 500, nil},
		{"already below", nil, yenRef(500), 0, 400, 300, nil},
		{"both", yenRef(1), yenRef(2), 5, 5, 0, []string{"bill-above 5", "balance-below 0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			alerts := Alerts{BillAbove: tt.billAbove, BalanceBelow: tt.balanceBelow}
			got := alertNotices(alerts, ledgerMonth("2019-02"), YenFromInt(tt.total), YenFromInt(tt.before), YenFromInt(tt.after))
			if len(got) != len(tt.want) {
				t.Fatalf("alertNotices = %s, want %v", formatNotices(got), tt.want)
			}
			for i, n := range got {
				if n.Kind.String()+" "+n.Amount.String() != tt.want[i] || n.Date != ledgerDate("2019-02-28") {
					t.Errorf("alertNotices[%d] = %s, want %s on 2019-02-28", i, formatNotice(n), tt.want[i])
				}
			}
		})
	}
}
