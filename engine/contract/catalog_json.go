package contract

import (
	"errors"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/sakura-sim/pricesim/engine"
	"github.com/sakura-sim/pricesim/engine/document"
	"github.com/shopspring/decimal"
)

var catalogFields = []string{"id", "asOf", "taxRate", "source", "zones", "items"}

var zoneFields = []string{"zone", "asOf", "source", "official"}

var itemFields = []string{"id", "kind", "zone", "name", "hourly", "daily", "monthly", "passport",
	"passportFees", "estimated", "cores", "memoryGB", "diskType", "sizeGB", "bandwidthMbps",
	"serviceClass", "assumedFrom"}

var passportTerms = []int{12, 24, 36}

// itemKey names an item in a zone.
type itemKey struct{ id, zone string }

// syntaxInvalid is the error of a document that is not JSON.
func syntaxInvalid(subject string, err error) *engine.ValidationError {
	var se *document.SyntaxError
	if errors.As(err, &se) {
		return &engine.ValidationError{Subject: subject, Problems: []engine.FieldError{se.Problem("", subject)}}
	}
	return &engine.ValidationError{Subject: subject, Problems: []engine.FieldError{engine.NewFieldError("", "invalidValue", "detail", err.Error())}}
}

// ParseCatalog reads and validates a catalog document (contract.md, "Catalog").
// Its error is a *ValidationError whose paths start at the document's root.
func ParseCatalog(data []byte) (*engine.Catalog, error) {
	v, dups, err := document.Parse(data)
	if err != nil {
		return nil, syntaxInvalid(engine.SubjectCatalog, err)
	}
	r := &reader{document.Reader{Subject: engine.SubjectCatalog}}
	for _, path := range dups {
		r.Fail(path, "duplicateKey")
	}
	c := r.catalog("", v)
	if err := r.Err(); err != nil {
		return nil, err
	}
	return c, nil
}

// catalog reads an inline or shipped catalog, reporting each problem with the
// item it concerns.
func (r *reader) catalog(path string, v any) *engine.Catalog {
	obj, ok := r.Object(path, v, catalogFields...)
	if !ok {
		return nil
	}
	id, _ := r.NonEmpty(path, obj, "id", true)
	asOf, _ := r.Str(path, obj, "asOf", false)
	if asOf != "" {
		if _, err := engine.ParseDate(asOf); err != nil {
			r.FailWith(document.Join(path, "asOf"), err)
		}
	}
	source, _ := r.Str(path, obj, "source", false)
	taxRate := r.taxRate(path, obj)
	rawItems := r.Array(path, obj, "items")
	if _, present := obj["items"]; !present {
		r.Fail(document.Join(path, "items"), "required")
	} else if len(rawItems) == 0 && r.OK() {
		r.Fail(document.Join(path, "items"), "noItems")
	}
	items := make([]engine.Item, 0, len(rawItems))
	seen := map[itemKey]int{}
	for i, raw := range rawItems {
		p := document.Index(document.Join(path, "items"), i)
		it, ok := r.item(p, raw)
		if !ok {
			continue
		}
		key := itemKey{it.ID, it.Zone}
		if first, dup := seen[key]; dup {
			r.Fail(document.Join(p, "id"), "duplicateCatalogItem", "item", it.ID, "zone", it.Zone, "index", strconv.Itoa(first))
			continue
		}
		seen[key] = i
		items = append(items, it)
	}
	c := engine.NewCatalog(id, asOf, source, taxRate, items)
	c.ZoneSources = r.zoneSources(path, obj)
	return c
}

// zoneSources reads the optional "zones": where each zone's prices came
// from, each zone once.
func (r *reader) zoneSources(path string, obj map[string]any) []engine.ZoneSource {
	var out []engine.ZoneSource
	seen := map[string]bool{}
	for i, raw := range r.Array(path, obj, "zones") {
		p := document.Index(document.Join(path, "zones"), i)
		zobj, ok := r.Object(p, raw, zoneFields...)
		if !ok {
			continue
		}
		z := engine.ZoneSource{}
		z.Zone, _ = r.NonEmpty(p, zobj, "zone", true)
		z.AsOf, _ = r.Str(p, zobj, "asOf", false)
		if z.AsOf != "" {
			if _, err := engine.ParseDate(z.AsOf); err != nil {
				r.FailWith(document.Join(p, "asOf"), err)
			}
		}
		z.Source, _ = r.Str(p, zobj, "source", false)
		z.Official = r.Boolean(p, zobj, "official")
		if seen[z.Zone] {
			r.Fail(document.Join(p, "zone"), "duplicateZoneSource", "zone", z.Zone)
			continue
		}
		seen[z.Zone] = true
		out = append(out, z)
	}
	return out
}

// taxRate reads the consumption tax rate as a fraction: "0.10" for 10 %.
func (r *reader) taxRate(path string, obj map[string]any) decimal.Decimal {
	v, present := obj["taxRate"]
	if !present || v == nil {
		r.Fail(document.Join(path, "taxRate"), "requiredTaxRate")
		return decimal.Decimal{}
	}
	s, isStr := v.(string)
	rate, err := engine.ParseDecimal(s)
	if !isStr || err != nil || rate.IsNegative() || rate.GreaterThanOrEqual(decimal.NewFromInt(1)) {
		r.Fail(document.Join(path, "taxRate"), "badTaxRate")
		return decimal.Decimal{}
	}
	return rate
}

func (r *reader) item(path string, v any) (engine.Item, bool) {
	obj, ok := r.Object(path, v, itemFields...)
	if !ok {
		return engine.Item{}, false
	}
	before := r.Count()
	var it engine.Item
	it.ID, _ = r.NonEmpty(path, obj, "id", true)
	if name, ok := r.Str(path, obj, "kind", true); ok {
		if it.Kind, ok = engine.ParseKind(name); !ok {
			r.Fail(document.Join(path, "kind"), "badKind", "kinds", strings.Join(engine.ItemKinds(), ", "))
		}
	}
	it.Zone, _ = r.NonEmpty(path, obj, "zone", true)
	if raw, present := obj["name"]; present && raw != nil {
		if nameObj, ok := r.Object(document.Join(path, "name"), raw, "en", "ja"); ok {
			it.Name.En, _ = r.Str(document.Join(path, "name"), nameObj, "en", false)
			it.Name.Ja, _ = r.Str(document.Join(path, "name"), nameObj, "ja", false)
		}
	}
	it.Prices = r.prices(path, obj)
	if r.OK() && !it.Prices.Hourly.Set && !it.Prices.Daily.Set && !it.Prices.Monthly.Set {
		r.Fail(path, "noPrice")
	}
	it.Passport = r.Boolean(path, obj, "passport")
	if it.Passport && it.Kind != 0 && it.Kind != engine.KindServer {
		r.Fail(document.Join(path, "passport"), "passportPlanNotServer")
	}
	if it.Passport && !it.Prices.Monthly.Set && obj["passportFees"] == nil {
		r.Fail(document.Join(path, "passport"), "passportPlanNoFee")
	}
	it.PassportFees = r.passportFees(document.Join(path, "passportFees"), obj["passportFees"])
	for i, raw := range r.Array(path, obj, "estimated") {
		s, isStr := raw.(string)
		if !isStr || !slices.Contains([]string{"hourly", "daily", "monthly"}, s) {
			r.Fail(document.Index(document.Join(path, "estimated"), i), "badEstimated")
			continue
		}
		it.Estimated = append(it.Estimated, s)
	}
	it.Cores, _ = r.Integer(path, obj, "cores", false, 1, 100000)
	it.MemoryGB, _ = r.Integer(path, obj, "memoryGB", false, 1, 1000000)
	it.DiskType, _ = r.Str(path, obj, "diskType", false)
	if it.DiskType != "" && it.DiskType != "ssd" && it.DiskType != "hdd" {
		r.Fail(document.Join(path, "diskType"), "badDiskType")
	}
	it.SizeGB, _ = r.Integer(path, obj, "sizeGB", false, 1, 100000000)
	it.BandwidthMbps, _ = r.Integer(path, obj, "bandwidthMbps", false, 1, 100000000)
	it.ServiceClass, _ = r.Str(path, obj, "serviceClass", false)
	it.AssumedFrom, _ = r.Str(path, obj, "assumedFrom", false)
	return it, r.Count() == before
}

func (r *reader) prices(path string, obj map[string]any) engine.Prices {
	var p engine.Prices
	for _, f := range []struct {
		key string
		dst *engine.Price
	}{{"hourly", &p.Hourly}, {"daily", &p.Daily}, {"monthly", &p.Monthly}} {
		if d, ok := r.Money(path, obj, f.key, false); ok {
			*f.dst = engine.PriceOf(d)
		}
	}
	return p
}

func (r *reader) passportFees(path string, v any) map[int]engine.Yen {
	if v == nil {
		return nil
	}
	obj, ok := r.Object(path, v, "12", "24", "36")
	if !ok {
		return nil
	}
	fees := map[int]engine.Yen{}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		term, err := strconv.Atoi(k)
		if err != nil || !slices.Contains(passportTerms, term) {
			continue // already reported as an unknown field
		}
		d, ok := r.MoneyValue(document.Join(path, k), obj[k])
		if !ok {
			continue
		}
		if !d.IsInteger() {
			r.Fail(document.Join(path, k), "passportFeeNotWholeYen")
			continue
		}
		fees[term], _ = engine.YenFromDecimal(d)
	}
	return fees
}

// CatalogJSON writes a catalog in the contract's shape ("Catalog"), as
// ParseCatalog reads it. It never fails; the error is kept for its callers.
func CatalogJSON(c *engine.Catalog) ([]byte, error) {
	w := coldWriter{writer{b: make([]byte, 0, 256+200*len(c.Items))}}
	w.catalog(c)
	return w.b, nil
}
