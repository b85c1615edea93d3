package engine

// The contract's enumerations as typed values. Each has its wire name
// (String) and a parser for it; the zero value is no valid member, so a field
// left unset is never mistaken for one.

// Basis is how a line's fee was billed (R4.9, R4.7).
type Basis uint8

// Bases of a fee.
const (
	BasisHourly Basis = iota + 1
	BasisDaily
	BasisMonthly
	BasisMonthlyOnly
)

var basisNames = [...]string{"", "hourly", "daily", "monthly", "monthly-only"}

func (b Basis) String() string { return enumName(basisNames[:], int(b)) }

// Kind is what an item is; passports discount only servers (R5.5).
type Kind uint8

// Item kinds.
const (
	KindServer Kind = iota + 1
	KindDisk
	KindLicence
	KindAppliance
	KindNetwork
	KindOther
)

var kindNames = [...]string{"", "server", "disk", "licence", "appliance", "network", "other"}

func (k Kind) String() string { return enumName(kindNames[:], int(k)) }

// ParseKind reads a kind's wire name.
func ParseKind(s string) (Kind, bool) { k, ok := enumParse(kindNames[:], s); return Kind(k), ok }

// ItemKinds lists the kinds' wire names in the contract's order.
func ItemKinds() []string { return append([]string(nil), kindNames[1:]...) }

// Pattern is how a resource's usage is given (contract.md, "Scenario").
type Pattern uint8

// Usage patterns.
const (
	PatternAlways Pattern = iota + 1
	PatternHours
	PatternIntervals
)

var patternNames = [...]string{"", "always", "hours", "intervals"}

func (p Pattern) String() string { return enumName(patternNames[:], int(p)) }

// ParsePattern reads a pattern's wire name.
func ParsePattern(s string) (Pattern, bool) {
	p, ok := enumParse(patternNames[:], s)
	return Pattern(p), ok
}

// UsagePatterns lists the patterns' wire names in the contract's order.
func UsagePatterns() []string { return append([]string(nil), patternNames[1:]...) }

// CreditKind is a coupon or a prepaid ID (R7).
type CreditKind uint8

// Credit kinds.
const (
	CreditCoupon CreditKind = iota + 1
	CreditPrepaid
)

var creditKindNames = [...]string{"", "coupon", "prepaid"}

func (c CreditKind) String() string { return enumName(creditKindNames[:], int(c)) }

// ParseCreditKind reads a credit kind's wire name.
func ParseCreditKind(s string) (CreditKind, bool) {
	c, ok := enumParse(creditKindNames[:], s)
	return CreditKind(c), ok
}

// NoticeKind is a mail or alert (R8), declared in the order a month lists
// notices that share a date (R8.4).
type NoticeKind uint8

// Notice kinds.
const (
	NoticeCouponVoid NoticeKind = iota + 1
	NoticeCouponExpiring
	NoticeCouponLowBalance
	NoticeCreditExpired
	NoticeBillAbove
	NoticeBalanceBelow
	NoticeCardBillingStarted
)

var noticeKindNames = [...]string{"", "coupon-void", "coupon-expiring", "coupon-low-balance", "credit-expired",
	"bill-above", "balance-below", "card-billing-started"}

func (n NoticeKind) String() string { return enumName(noticeKindNames[:], int(n)) }

func enumName(names []string, i int) string {
	if i <= 0 || i >= len(names) {
		return ""
	}
	return names[i]
}

func enumParse(names []string, s string) (int, bool) {
	for i := 1; i < len(names); i++ {
		if names[i] == s {
			return i, true
		}
	}
	return 0, false
}
