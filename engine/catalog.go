package engine

import (
	"github.com/shopspring/decimal"
)

// Price is one optional price of an item. Custom prices may have fractions of
// a yen (R4.8), so a price is a decimal, not Yen.
type Price struct {
	Value decimal.Decimal
	Set   bool
}

// PriceOf returns a price that is present.
func PriceOf(d decimal.Decimal) Price { return Price{Value: d, Set: true} }

// Prices are an item's hourly, daily and monthly prices, tax included (R1.1).
// Any of them may be absent (R4.6, R4.7).
type Prices struct {
	Hourly, Daily, Monthly Price
}

// MonthlyOnly reports whether the item has neither an hourly nor a daily price (R4.7).
func (p Prices) MonthlyOnly() bool { return !p.Hourly.Set && !p.Daily.Set }

// Name is an item's display name in English and Japanese.
type Name struct {
	En string
	Ja string
}

// Item is one priced thing in one zone.
type Item struct {
	ID     string
	Kind   Kind
	Zone   string
	Name   Name
	Prices Prices
	// Passport marks a plan that discount passports can be bought for (R5.2).
	Passport bool
	// PassportFees, when set, override R5.3's formula: fee per right by term.
	PassportFees map[int]Yen
	// Estimated lists the prices ("hourly", "daily", "monthly") that were
	// derived rather than published, so the page can mark them.
	Estimated []string

	// Descriptive fields, used to match items across catalogs and group them.
	Cores         int
	MemoryGB      int
	DiskType      string
	SizeGB        int
	BandwidthMbps int
	ServiceClass  string
	AssumedFrom   string
}

type itemKey struct{ id, zone string }

// ZoneSource is where one zone's prices in a catalog came from.
type ZoneSource struct {
	Zone   string
	AsOf   string
	Source string
	// Official is true for prices taken from SAKURA's public price API.
	Official bool
}

// Catalog is a price list: where it comes from, its tax rate and its items.
type Catalog struct {
	ID      string
	AsOf    string
	Source  string
	TaxRate decimal.Decimal
	Items   []Item
	// ZoneSources, when set, say zone by zone where the prices came from and
	// as of when: an official import overlaid on a shipped list mixes both.
	ZoneSources []ZoneSource

	index map[itemKey]int
}

// NewCatalog indexes items by id and zone. It does not validate: catalogs come
// through decodeCatalog, which does.
func NewCatalog(id, asOf, source string, taxRate decimal.Decimal, items []Item) *Catalog {
	c := &Catalog{ID: id, AsOf: asOf, Source: source, TaxRate: taxRate, Items: items}
	c.reindex()
	return c
}

func (c *Catalog) reindex() {
	c.index = make(map[itemKey]int, len(c.Items))
	for i := range c.Items {
		c.index[itemKey{c.Items[i].ID, c.Items[i].Zone}] = i
	}
}

// Lookup returns the item with this id in this zone.
func (c *Catalog) Lookup(id, zone string) (*Item, bool) {
	i, ok := c.index[itemKey{id, zone}]
	if !ok {
		return nil, false
	}
	return &c.Items[i], true
}

// Zones returns the zones in which id is offered, in catalog order.
func (c *Catalog) Zones(id string) []string {
	var zones []string
	for i := range c.Items {
		if c.Items[i].ID == id {
			zones = append(zones, c.Items[i].Zone)
		}
	}
	return zones
}
