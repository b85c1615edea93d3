package engine

import (
	"time"

	"github.com/shopspring/decimal"
)

// MaxCount is the most contracts one resource or passport may hold.
const MaxCount = 10000

// Interval is a half-open span of time [Start, End) in whole seconds (R2.4).
type Interval struct {
	Start, End time.Time
}

// Usage says when a resource runs (a server) or exists (anything else).
type Usage struct {
	Pattern Pattern
	// Hours is the usage per month of the hours pattern, 0 to 744.
	Hours decimal.Decimal
	// Intervals are the exact spans of the intervals pattern, sorted, not overlapping.
	Intervals []Interval
}

// Resource is one line of the user's fleet: Count identical contracts of one item.
type Resource struct {
	ID string
	// Item is the catalog item with the scenario's price overrides applied.
	Item  *Item
	Count int
	// From and Until limit the months in which the resource exists (inclusive).
	From, Until       Month
	HasFrom, HasUntil bool
	Usage             Usage
	// Outages are host-failure windows not billed to a server (R2.3).
	Outages []Interval
}

// Passport is a purchase of Count usage rights for one plan in one zone (R5.2).
type Passport struct {
	ID        string
	Item      *Item
	Term      int // 12, 24 or 36 months
	Count     int
	Purchased Month
}

// Alerts are the user's billing-alert thresholds (R8.2); nil means not set.
type Alerts struct {
	BillAbove    *Yen
	BalanceBelow *Yen
}

// Scenario is a decoded, validated estimate request.
type Scenario struct {
	Catalog   *Catalog
	Start     Month
	Months    int
	Resources []Resource
	Passports []Passport
	Credits   []Credit
	Alerts    Alerts
}
