package pricelist

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/sakura-sim/pricesim/engine"
	"github.com/sakura-sim/pricesim/engine/document"
	"github.com/shopspring/decimal"
)

// OfficialPriceURL is where SAKURA publishes each zone's prices without a
// login; {zone} is is1a, is1b, is1c, tk1a or tk1b.
const OfficialPriceURL = "https://secure.sakura.ad.jp/cloud/zone/{zone}/api/cloud/1.1/public/price"

// OfficialZones returns the zones whose price documents an import usually covers.
func OfficialZones() []string { return []string{"is1a", "is1b", "is1c", "tk1a", "tk1b"} }

// OfficialDocument is one response of the public price API, for one zone.
type OfficialDocument struct {
	// Zone is the zone the document was fetched for. A price that names no
	// zone of its own is taken to be in it; it may be empty when every price
	// names its zone.
	Zone string
	Data []byte
}

// ImportOfficialPrices turns public price API responses, one per zone, into a
// catalog with every price as published, overlaid on base zone by zone: the
// imported zones take the official figures, the others keep base's, and the
// catalog says per zone where its prices came from (ZoneSources). Its id is
// base's id + "+official-" + its date. With no base, or when the documents'
// tax rate is not base's (one catalog has one tax rate, R6.2), the import is
// a catalog alone, "official-" + its date, and the report says why.
//
// A document's date is its ResponsedAt (in Japan), else asOf; the tax rate
// its prices include follows from it (8 % before 2019-10-01, 10 % since). The
// catalog's date is the latest document's. Each ServiceClassPath becomes an
// item by the grammar in service_class.go; classes with IsPublic false are
// left out before anything else, so they never hide a public class. Passport eligibility is base's, carried to the imported
// items that stand for base's passport plans (same id, service class, or
// cores and memory); what cannot be carried is reported.
//
// ImportOfficialPrices returns a *ValidationError, with paths starting at
// "documents[i]", if: asOf is given and not a date, or is needed (a document
// without ResponsedAt) and missing; there is no document; a document is not
// JSON or not shaped like the API's answer; a price is not a non-negative
// number; documents of two tax rates are given together; or no service class
// could be used at all. The report is filled even then.
func ImportOfficialPrices(docs []OfficialDocument, asOf string, base *engine.Catalog) (*engine.Catalog, ImportReport, error) {
	inputs := make([]officialInput, len(docs))
	for i, d := range docs {
		inputs[i].zone = strings.TrimSpace(d.Zone) // a blank zone names none, as a blank Price.Zone does
		inputs[i].value, _, inputs[i].decodeErr = document.Parse(d.Data)
	}
	return importOfficial("documents", inputs, asOf, base)
}

// officialInput is a document already decoded, as HandleJSON receives it.
type officialInput struct {
	zone      string
	value     any
	decodeErr error
}

// officialClass is what an import reads from one service class.
type officialClass struct {
	path, serviceClass, displayName, zone string
	notPublic                             bool
	date                                  string // the document's (dated.date)
	prices                                engine.Prices
	noPrice                               bool
	usageBased                            []string // the Base, PerUse … fields with a price
}

// dated is one document's date and the tax rate its prices include.
type dated struct {
	date, from string // from: "ResponsedAt" or "asOf"
	rate       decimal.Decimal
}

func importOfficial(listPath string, docs []officialInput, asOf string, base *engine.Catalog) (*engine.Catalog, ImportReport, error) {
	report := newReport()
	r := &reader{document.Reader{Subject: engine.SubjectPriceDocument}}
	if asOf != "" {
		if _, err := engine.ParseDate(asOf); err != nil {
			r.FailWith("asOf", err)
		}
	}
	if len(docs) == 0 {
		r.Fail(listPath, "noDocuments")
	}
	var classes []officialClass
	var dates []dated
	for i, d := range docs {
		path := document.Index(listPath, i)
		if d.decodeErr != nil {
			r.failDocument(path, d.decodeErr)
			continue
		}
		cs, date := r.officialDocument(path, d, asOf, &report)
		for k := range cs {
			cs[k].date = date.date
		}
		classes = append(classes, cs...)
		dates = append(dates, date)
	}
	if r.OK() {
		r.oneTaxRate(listPath, dates)
	}
	if !r.OK() {
		return nil, report, r.Err()
	}
	catalogDate := ""
	for _, d := range dates {
		catalogDate = max(catalogDate, d.date)
	}
	items := importItems(classes, &report)
	if len(items) == 0 {
		r.Fail(listPath, "noItemImported")
		return nil, report, r.Err()
	}
	zoneDates := map[string]string{}
	for _, c := range classes {
		if c.zone != "" && c.date > zoneDates[c.zone] {
			zoneDates[c.zone] = c.date
		}
	}
	return assemble(items, zoneDates, base, catalogDate, dates[0].rate, &report), report, nil
}

// officialDocument reads {"Total","From","Count","ResponsedAt","ServiceClasses"};
// unknown fields are allowed, since the API adds them over time.
func (r *reader) officialDocument(path string, d officialInput, asOf string, report *ImportReport) ([]officialClass, dated) {
	obj, isObj := d.value.(map[string]any)
	if !isObj {
		r.Fail(path, "notPriceDocument")
		return nil, dated{}
	}
	date := r.documentDate(path, obj, asOf, report)
	raw, present := obj["ServiceClasses"]
	if !present {
		r.Fail(document.Join(path, "ServiceClasses"), "requiredServiceClasses")
		return nil, date
	}
	// Each class keeps the index the document gave it, so a path points at it.
	type indexed struct {
		n int
		v any
	}
	var list []indexed
	switch v := raw.(type) {
	case []any:
		for i, c := range v {
			list = append(list, indexed{i, c})
		}
	case map[string]any:
		// Some answers key the classes by index ({"0": {...}}): read them in index order.
		for k, c := range v {
			n, err := strconv.Atoi(k)
			if err != nil || n < 0 || strconv.Itoa(n) != k {
				r.Fail(document.Join(document.Join(path, "ServiceClasses"), k), "badServiceClassKey")
				continue
			}
			list = append(list, indexed{n, c})
		}
		sort.Slice(list, func(i, j int) bool { return list[i].n < list[j].n })
	case nil:
	default:
		r.Fail(document.Join(path, "ServiceClasses"), "notServiceClassList")
		return nil, date
	}
	if total, ok := obj["Total"].(document.Number); ok {
		if n, err := strconv.Atoi(string(total)); err == nil && n > len(list) {
			report.Warnings = append(report.Warnings, engine.NewFieldError(path, "partialDocument",
				"count", strconv.Itoa(len(list)), "total", strconv.Itoa(n)))
		}
	}
	var out []officialClass
	for _, c := range list {
		if oc, ok := r.officialClass(document.Index(document.Join(path, "ServiceClasses"), c.n), c.v, d.zone); ok {
			out = append(out, oc)
		}
	}
	return out, date
}

func (r *reader) officialClass(path string, v any, docZone string) (officialClass, bool) {
	obj, isObj := v.(map[string]any)
	if !isObj {
		r.Fail(path, "notServiceClass")
		return officialClass{}, false
	}
	c := officialClass{path: path, zone: docZone}
	if s, isStr := obj["ServiceClassPath"].(string); isStr {
		c.serviceClass = s
	}
	if s, isStr := obj["DisplayName"].(string); isStr {
		c.displayName = s
	}
	// Only false hides a class: recorded answers always carry the field.
	if public, isBool := obj["IsPublic"].(bool); isBool && !public {
		c.notPublic = true
	}
	before := r.Count()
	switch p := obj["Price"].(type) {
	case nil:
		c.noPrice = true
	case []any:
		// The API writes a class without a price as an empty list.
		if len(p) > 0 {
			r.Fail(document.Join(path, "Price"), "badPriceObject")
		}
		c.noPrice = true
	case map[string]any:
		if z, isStr := p["Zone"].(string); isStr && strings.TrimSpace(z) != "" {
			c.zone = strings.TrimSpace(z)
		}
		c.prices = r.officialPrices(document.Join(path, "Price"), p)
		c.noPrice = !c.prices.Hourly.Set && !c.prices.Daily.Set && !c.prices.Monthly.Set
		c.usageBased = usagePrices(p)
	default:
		r.Fail(document.Join(path, "Price"), "badPriceObject")
	}
	return c, r.Count() == before
}

// officialPrices reads Hourly, Daily and Monthly. The API writes 0 for a
// price a class does not have, so 0 means absent: a free hour would
// otherwise make every cap (R4.4) free too.
func (r *reader) officialPrices(path string, p map[string]any) engine.Prices {
	var out engine.Prices
	for _, f := range []struct {
		key string
		dst *engine.Price
	}{{"Hourly", &out.Hourly}, {"Daily", &out.Daily}, {"Monthly", &out.Monthly}} {
		v, present := p[f.key]
		if !present || v == nil {
			continue
		}
		var d decimal.Decimal
		var err error
		switch n := v.(type) {
		case document.Number:
			d, err = decimal.NewFromString(string(n))
		case string:
			d, err = engine.ParseDecimal(n)
		default:
			err = fmt.Errorf("not a number")
		}
		if err != nil || d.IsNegative() {
			r.Fail(document.Join(path, f.key), "badOfficialPrice")
			continue
		}
		if !d.IsZero() {
			*f.dst = engine.PriceOf(d)
		}
	}
	return out
}

// usageFields are the SDK's price fields that are not an hourly, daily or
// monthly price of one item: a class priced only by them is billed by use.
var usageFields = []string{"Base", "PerUse", "Basic", "Traffic", "DocomoTraffic", "KddiTraffic", "SbTraffic", "SimSheet"}

// usagePrices lists the usage fields holding a price above 0.
func usagePrices(p map[string]any) []string {
	var out []string
	for _, k := range usageFields {
		switch v := p[k].(type) {
		case document.Number:
			if d, err := decimal.NewFromString(string(v)); err == nil && d.IsPositive() {
				out = append(out, k)
			}
		case string:
			if d, err := engine.ParseDecimal(v); err == nil && d.IsPositive() {
				out = append(out, k)
			}
		}
	}
	return out
}
