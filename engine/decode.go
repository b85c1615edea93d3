package engine

import (
	"fmt"
	"strings"
)

// Limits keep a scenario from turning into a slow page: more is an error.
const (
	maxScenarioBytes  = 1 << 20
	maxResources      = 10000
	maxPassports      = 1000
	maxCredits        = 1000
	maxCount          = 10000
	maxContractMonths = 120_000
)

var scenarioFields = []string{"catalog", "start", "months", "resources", "passports", "credits", "alerts", "overrides", "customItems"}

// DecodeScenario reads a scenario document (contract.md, "Scenario") strictly:
// unknown fields are errors, required fields are checked, and every problem is
// reported at once in a *ValidationError (which wraps ErrInvalidScenario).
func DecodeScenario(data []byte) (Scenario, error) {
	if len(data) > maxScenarioBytes {
		return Scenario{}, &ValidationError{Problems: []FieldError{{Path: "", Message: fmt.Sprintf("the scenario is %s bytes; at most 1 MB (%s bytes) is accepted", thousands(len(data)), thousands(maxScenarioBytes))}}}
	}
	v, err := decodeJSON(data)
	if err != nil {
		return Scenario{}, &ValidationError{Problems: []FieldError{{Path: "", Message: "the scenario " + err.Error()}}}
	}
	d := &scenarioDecoder{reader: reader{suggest: true}}
	for _, path := range duplicateKeys(data) {
		d.fail(path, "is given more than once: keep one")
	}
	s := d.scenario(v)
	if err := d.err(); err != nil {
		return Scenario{}, err
	}
	return s, nil
}

// scenarioDecoder carries what later fields are checked against: the catalog
// (with the scenario's own items and overrides) and the horizon.
type scenarioDecoder struct {
	reader
	cat *Catalog
	// items holds the scenario's own items and overridden copies of catalog
	// items; lookups try it before the catalog.
	items map[itemKey]*Item
	// horizonOK is false when start or months is invalid, so that checks
	// against the horizon are skipped instead of cascading.
	horizonOK   bool
	first, last Month
}

func (d *scenarioDecoder) scenario(v any) Scenario {
	if _, isObj := v.(map[string]any); !isObj {
		d.fail("", "the scenario must be a JSON object, such as {\"start\": \"2026-04\", \"months\": 12, \"resources\": [...]}")
		return Scenario{}
	}
	obj, _ := d.object("", v, scenarioFields...)
	var s Scenario
	d.cat = d.scenarioCatalog(obj)
	s.Catalog = d.cat
	start, startOK := d.month("", obj, "start", true)
	months, monthsOK := d.integer("", obj, "months", true, 1, 120)
	if startOK && monthsOK {
		d.horizonOK = true
		d.first, d.last = start, start+Month(months-1)
	}
	s.Start, s.Months = start, months

	if d.cat != nil {
		d.items = map[itemKey]*Item{}
		d.customItems(obj["customItems"])
		d.overrides(obj["overrides"])
	}
	s.Resources = d.resources(d.limitedList(obj, "resources", maxResources))
	s.Passports = d.passports(d.limitedList(obj, "passports", maxPassports))
	s.Credits = d.credits(d.limitedList(obj, "credits", maxCredits))
	s.Alerts = d.alerts(obj["alerts"])
	if d.ok() {
		d.checkSize(s)
	}
	return s
}

func (d *scenarioDecoder) limitedList(obj map[string]any, key string, limit int) []any {
	list := d.array("", obj, key)
	if len(list) > limit {
		d.fail(key, "lists %s entries; at most %s are accepted", thousands(len(list)), thousands(limit))
		return nil
	}
	return list
}

// checkSize refuses scenarios whose estimate would take too long for a page.
func (d *scenarioDecoder) checkSize(s Scenario) {
	contracts := 0
	for _, r := range s.Resources {
		contracts += r.Count * shapesOf(r)
	}
	if contracts*s.Months > maxContractMonths {
		d.fail("resources", "describe %s contracts over %d months (%s contract-months); at most %s contract-months can be estimated",
			thousands(contracts), s.Months, thousands(contracts*s.Months), thousands(maxContractMonths))
	}
}

// scenarioCatalog resolves "catalog": a shipped id, an inline catalog, or
// (absent) the newest shipped catalog.
func (d *scenarioDecoder) scenarioCatalog(obj map[string]any) *Catalog {
	raw, present := obj["catalog"]
	if !present || raw == nil {
		c, ok := DefaultCatalog()
		if !ok {
			d.fail("catalog", "is required: no catalog is shipped with this build")
		}
		return c
	}
	if id, isStr := raw.(string); isStr {
		c, ok := ShippedCatalog(id)
		if !ok {
			d.fail("catalog", "%q is not a shipped catalog (shipped: %s); give a catalog object for other prices", id, strings.Join(shippedIDs(), ", "))
			return nil
		}
		return c
	}
	if _, isObj := raw.(map[string]any); !isObj {
		d.fail("catalog", "must be the id of a shipped catalog (%s) or a catalog object", strings.Join(shippedIDs(), ", "))
		return nil
	}
	before := len(d.problems)
	c := d.reader.catalog("catalog", raw)
	if len(d.problems) > before {
		return nil
	}
	return c
}

// customItems adds the user's own items (for example a licence whose price
// the shipped list lacks) to the catalog for this scenario only.
func (d *scenarioDecoder) customItems(v any) {
	if v == nil {
		return
	}
	list, isList := v.([]any)
	if !isList {
		d.fail("customItems", "must be a list")
		return
	}
	for i, raw := range list {
		p := index("customItems", i)
		it, ok := d.item(p, raw)
		if !ok {
			continue
		}
		key := itemKey{it.ID, it.Zone}
		if _, inCatalog := d.cat.Lookup(it.ID, it.Zone); inCatalog {
			d.fail(join(p, "id"), "item %q in zone %q is already in the catalog: use overrides to change its prices", it.ID, it.Zone)
			continue
		}
		if _, dup := d.items[key]; dup {
			d.fail(join(p, "id"), "item %q in zone %q is listed twice", it.ID, it.Zone)
			continue
		}
		item := it
		d.items[key] = &item
	}
}

var overrideFields = []string{"item", "zone", "hourly", "daily", "monthly"}

// overrides replaces prices of catalog items for this scenario (negotiated
// prices); a null price removes it.
func (d *scenarioDecoder) overrides(v any) {
	if v == nil {
		return
	}
	list, isList := v.([]any)
	if !isList {
		d.fail("overrides", "must be a list")
		return
	}
	seen := map[itemKey]bool{}
	for i, raw := range list {
		p := index("overrides", i)
		obj, ok := d.object(p, raw, overrideFields...)
		if !ok {
			continue
		}
		id, idOK := d.nonEmpty(p, obj, "item", true)
		zone, zoneOK := d.nonEmpty(p, obj, "zone", true)
		if !idOK || !zoneOK {
			continue
		}
		base, found := d.lookup(p, id, zone)
		if !found {
			continue
		}
		key := itemKey{id, zone}
		if seen[key] {
			d.fail(join(p, "item"), "item %q in zone %q already has an override", id, zone)
			continue
		}
		seen[key] = true
		item := *base
		item.Estimated = append([]string(nil), base.Estimated...)
		changed := false
		for _, f := range []struct {
			key string
			dst *Price
		}{{"hourly", &item.Prices.Hourly}, {"daily", &item.Prices.Daily}, {"monthly", &item.Prices.Monthly}} {
			val, given := obj[f.key]
			if !given {
				continue
			}
			changed = true
			item.Estimated = remove(item.Estimated, f.key)
			if val == nil {
				*f.dst = Price{}
				continue
			}
			if price, ok := d.moneyValue(join(p, f.key), val); ok {
				*f.dst = PriceOf(price)
			}
		}
		if !changed {
			d.fail(p, "overrides no price: give hourly, daily or monthly")
			continue
		}
		if !item.Prices.Hourly.Set && !item.Prices.Daily.Set && !item.Prices.Monthly.Set {
			d.fail(p, "removes every price of item %q: at least one of hourly, daily, monthly must remain", id)
			continue
		}
		d.items[key] = &item
	}
}

// lookup finds an item for a field at path, naming what is wrong when it
// cannot: an unknown item, or a known item in the wrong zone.
func (d *scenarioDecoder) lookup(path, id, zone string) (*Item, bool) {
	if it, ok := d.items[itemKey{id, zone}]; ok {
		return it, true
	}
	if it, ok := d.cat.Lookup(id, zone); ok {
		return it, true
	}
	zones := d.cat.Zones(id)
	for key := range d.items {
		if key.id == id {
			zones = append(zones, key.zone)
		}
	}
	if len(zones) == 0 {
		d.fail(join(path, "item"), "%q is not an item of catalog %q", id, d.cat.ID)
	} else {
		d.fail(join(path, "zone"), "item %q is not offered in zone %q (offered in: %s)", id, zone, strings.Join(zones, ", "))
	}
	return nil, false
}

func remove(list []string, s string) []string {
	out := list[:0]
	for _, x := range list {
		if x != s {
			out = append(out, x)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
