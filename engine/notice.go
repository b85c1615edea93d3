package engine

import (
	"sort"
)

// couponLowBalanceYen is the balance below which SAKURA mails a coupon holder
// on the 20th (seed 000, R8.1).
const couponLowBalanceYen = 2000

// couponNoticeDay is the day of the month SAKURA sends coupon mails (seed 000).
const couponNoticeDay = 20

// voidNotices reports the void coupons registered in m. The first month also
// takes those registered before the horizon, which no month would otherwise
// show; their date stays the registration date, so they sort first (R8.4).
func voidNotices(states []*creditState, m Month, first bool) []Notice {
	notices := []Notice{}
	for _, s := range states {
		if !s.void {
			continue
		}
		if rm := s.Registered.BillingMonth(); rm == m || (first && rm < m) {
			notices = append(notices, Notice{Kind: NoticeCouponVoid, Date: s.Registered, Credit: s.ID})
		}
	}
	return notices
}

// couponNotices are the mails of the 20th of m (R8.1). They must be computed
// before m's bill is paid: the balance as of the 20th is the one left by m − 1.
func couponNotices(states []*creditState, m Month) []Notice {
	day := Date{m.Year(), m.Calendar(), couponNoticeDay}
	notices := []Notice{}
	for _, s := range states {
		if s.void || s.Kind != CreditCoupon || s.Registered.After(day) || s.Expires.Before(day) || !s.balance.IsPositive() {
			continue
		}
		// Seed 000: "will expire at the end of the next month"; the rule
		// reads that as any expiry date in the next calendar month.
		if s.Expires.BillingMonth() == m+1 {
			notices = append(notices, Notice{Kind: NoticeCouponExpiring, Date: day, Credit: s.ID})
		}
		if s.balance.Cmp(YenFromInt(couponLowBalanceYen)) < 0 {
			notices = append(notices, Notice{Kind: NoticeCouponLowBalance, Date: day, Amount: yenPtr(s.balance), Credit: s.ID})
		}
	}
	return notices
}

// alertNotices are the user's billing alerts for m (R8.2), both dated at month
// end when the bill is fixed. balanceBefore and balanceAfter are the total
// balance of the credits valid for m around m's bill: only a bill that
// crosses the threshold alerts, not every month spent below it, and not a
// credit expiring.
func alertNotices(alerts Alerts, m Month, total, balanceBefore, balanceAfter Yen) []Notice {
	notices := []Notice{}
	end := m.LastDay()
	if t := alerts.BillAbove; t != nil && total.Cmp(*t) > 0 {
		notices = append(notices, Notice{Kind: NoticeBillAbove, Date: end, Amount: yenPtr(total)})
	}
	if t := alerts.BalanceBelow; t != nil && balanceBefore.Cmp(*t) >= 0 && balanceAfter.Cmp(*t) < 0 {
		notices = append(notices, Notice{Kind: NoticeBalanceBelow, Date: end, Amount: yenPtr(balanceAfter)})
	}
	return notices
}

// creditExpiredNotice reports a balance lost at expiry (R7.6, R8.3).
func creditExpiredNotice(id string, expires Date, lost Yen) Notice {
	return Notice{Kind: NoticeCreditExpired, Date: expires, Amount: yenPtr(lost), Credit: id}
}

// cardBillingStartedNotice reports the first month charged to the card after
// credits had been paying everything (R8.3).
func cardBillingStartedNotice(m Month, charged Yen) Notice {
	return Notice{Kind: NoticeCardBillingStarted, Date: m.LastDay(), Amount: yenPtr(charged)}
}

// noticeRank is a kind's place on one date (R8.4): the order NoticeKind
// declares them in.
func noticeRank(kind NoticeKind) int { return int(kind) }

// sortNotices puts a month's notices in the order of R8.4: date, kind, then
// credit in scenario order (scenarioIndex maps a credit id to its position;
// notices without a credit come first, though no two of them share a date
// and kind).
func sortNotices(notices []Notice, scenarioIndex map[string]int) {
	creditIndex := func(n Notice) int {
		if n.Credit == "" {
			return -1
		}
		return scenarioIndex[n.Credit]
	}
	sort.SliceStable(notices, func(i, j int) bool {
		a, b := notices[i], notices[j]
		if c := a.Date.Compare(b.Date); c != 0 {
			return c < 0
		}
		if ra, rb := noticeRank(a.Kind), noticeRank(b.Kind); ra != rb {
			return ra < rb
		}
		return creditIndex(a) < creditIndex(b)
	})
}
