package contract

import (
	"github.com/sakura-sim/pricesim/engine"
	"github.com/sakura-sim/pricesim/engine/document"
	"strconv"
	"strings"
)

// Limits keep a scenario from turning into a slow page: more is an error.
const (
	maxScenarioBytes  = 1 << 20
	maxResources      = 10000
	maxPassports      = 1000
	maxCredits        = 1000
	maxContractMonths = 120_000
)

var scenarioFields = []string{"catalog", "start", "months", "resources", "passports", "credits", "alerts", "overrides", "customItems"}

// DecodeScenario reads a scenario document (contract.md, "Scenario") strictly:
// unknown fields are errors, required fields are checked, and every problem is
// reported at once in a *ValidationError (which wraps ErrInvalidScenario).
func DecodeScenario(data []byte) (engine.Scenario, error) {
	if err := checkScenarioSize(len(data)); err != nil {
		return engine.Scenario{}, err
	}
	v, dups, err := document.Parse(data)
	if err != nil {
		return engine.Scenario{}, syntaxInvalid(engine.SubjectScenario, err)
	}
	return decodeScenarioValue(v, dups)
}

// checkScenarioSize refuses a scenario over maxScenarioBytes.
func checkScenarioSize(n int) error {
	if n <= maxScenarioBytes {
		return nil
	}
	return &engine.ValidationError{Subject: engine.SubjectScenario, Problems: []engine.FieldError{
		engine.NewFieldError("", "tooLarge", "document", engine.SubjectScenario, "size", document.Thousands(n),
			"maxMB", strconv.Itoa(maxScenarioBytes>>20), "max", document.Thousands(maxScenarioBytes))}}
}

// decodeScenarioValue is DecodeScenario on a parsed document; dups are the
// paths of its keys given twice.
func decodeScenarioValue(v any, dups []string) (engine.Scenario, error) {
	d := &scenarioDecoder{reader: reader{document.Reader{Subject: engine.SubjectScenario, Suggest: true}}}
	for _, path := range dups {
		d.Fail(path, "duplicateKey")
	}
	s := d.scenario(v)
	if err := d.Err(); err != nil {
		return engine.Scenario{}, err
	}
	return s, nil
}

// scenarioDecoder carries what later fields are checked against: the catalog
// (with the scenario's own items and overrides) and the horizon.
type scenarioDecoder struct {
	reader
	cat *engine.Catalog
	// items holds the scenario's own items and overridden copies of catalog
	// items; lookups try it before the catalog.
	items map[itemKey]*engine.Item
	// horizonOK is false when start or months is invalid, so that checks
	// against the horizon are skipped instead of cascading.
	horizonOK   bool
	first, last engine.Month
}

func (d *scenarioDecoder) scenario(v any) engine.Scenario {
	if _, isObj := v.(map[string]any); !isObj {
		d.Fail("", "notScenario")
		return engine.Scenario{}
	}
	obj, _ := d.Object("", v, scenarioFields...)
	var s engine.Scenario
	d.cat = d.scenarioCatalog(obj)
	s.Catalog = d.cat
	start, startOK := d.Month("", obj, "start", true)
	months, monthsOK := d.Integer("", obj, "months", true, 1, 120)
	if startOK && monthsOK {
		d.horizonOK = true
		d.first, d.last = start, start+engine.Month(months-1)
	}
	s.Start, s.Months = start, months

	if d.cat != nil {
		d.items = map[itemKey]*engine.Item{}
		d.customItems(obj["customItems"])
		d.overrides(obj["overrides"])
	}
	s.Resources = d.resources(d.limitedList(obj, "resources", maxResources))
	s.Passports = d.passports(d.limitedList(obj, "passports", maxPassports))
	s.Credits = d.credits(d.limitedList(obj, "credits", maxCredits))
	s.Alerts = d.alerts(obj["alerts"])
	if d.Ok() {
		d.checkSize(s)
	}
	return s
}

func (d *scenarioDecoder) limitedList(obj map[string]any, key string, limit int) []any {
	list := d.Array("", obj, key)
	if len(list) > limit {
		d.Fail(key, "tooManyEntries", "count", document.Thousands(len(list)), "max", document.Thousands(limit))
		return nil
	}
	return list
}

// checkSize refuses scenarios whose estimate would take too long for a page.
func (d *scenarioDecoder) checkSize(s engine.Scenario) {
	contracts := 0
	for _, r := range s.Resources {
		contracts += r.Count * engine.ContractsPerCopy(r)
	}
	if contracts*s.Months > maxContractMonths {
		d.Fail("resources", "tooManyContractMonths", "contracts", document.Thousands(contracts), "months", strconv.Itoa(s.Months),
			"contractMonths", document.Thousands(contracts*s.Months), "max", document.Thousands(maxContractMonths))
	}
}

// scenarioCatalog resolves "catalog": a shipped id, an inline catalog, or
// (absent) the newest shipped catalog.
func (d *scenarioDecoder) scenarioCatalog(obj map[string]any) *engine.Catalog {
	raw, present := obj["catalog"]
	if !present || raw == nil {
		c, ok := DefaultCatalog()
		if !ok {
			d.Fail("catalog", "noShippedCatalog")
		}
		return c
	}
	if id, isStr := raw.(string); isStr {
		c, ok := ShippedCatalog(id)
		if !ok {
			d.Fail("catalog", "unknownCatalog", "catalog", id, "shipped", strings.Join(shippedIDs(), ", "))
			return nil
		}
		return c
	}
	if _, isObj := raw.(map[string]any); !isObj {
		d.Fail("catalog", "badCatalog", "shipped", strings.Join(shippedIDs(), ", "))
		return nil
	}
	before := d.Count()
	c := d.reader.catalog("catalog", raw)
	if d.Count() > before {
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
		d.Fail("customItems", "notList")
		return
	}
	for i, raw := range list {
		p := document.Index("customItems", i)
		it, ok := d.item(p, raw)
		if !ok {
			continue
		}
		key := itemKey{it.ID, it.Zone}
		if _, inCatalog := d.cat.Lookup(it.ID, it.Zone); inCatalog {
			d.Fail(document.Join(p, "id"), "itemInCatalog", "item", it.ID, "zone", it.Zone)
			continue
		}
		if _, dup := d.items[key]; dup {
			d.Fail(document.Join(p, "id"), "duplicateItem", "item", it.ID, "zone", it.Zone)
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
		d.Fail("overrides", "notList")
		return
	}
	seen := map[itemKey]bool{}
	for i, raw := range list {
		p := document.Index("overrides", i)
		obj, ok := d.Object(p, raw, overrideFields...)
		if !ok {
			continue
		}
		id, idOK := d.NonEmpty(p, obj, "item", true)
		zone, zoneOK := d.NonEmpty(p, obj, "zone", true)
		if !idOK || !zoneOK {
			continue
		}
		base, found := d.lookup(p, id, zone)
		if !found {
			continue
		}
		key := itemKey{id, zone}
		if seen[key] {
			d.Fail(document.Join(p, "item"), "duplicateOverride", "item", id, "zone", zone)
			continue
		}
		seen[key] = true
		item := *base
		item.Estimated = append([]string(nil), base.Estimated...)
		changed := false
		for _, f := range []struct {
			key string
			dst *engine.Price
		}{{"hourly", &item.Prices.Hourly}, {"daily", &item.Prices.Daily}, {"monthly", &item.Prices.Monthly}} {
			val, given := obj[f.key]
			if !given {
				continue
			}
			changed = true
			item.Estimated = remove(item.Estimated, f.key)
			if val == nil {
				*f.dst = engine.Price{}
				continue
			}
			if price, ok := d.MoneyValue(document.Join(p, f.key), val); ok {
				*f.dst = engine.PriceOf(price)
			}
		}
		if !changed {
			d.Fail(p, "emptyOverride")
			continue
		}
		if !item.Prices.Hourly.Set && !item.Prices.Daily.Set && !item.Prices.Monthly.Set {
			d.Fail(p, "overrideRemovesAll", "item", id)
			continue
		}
		d.items[key] = &item
	}
}

// lookup finds an item for a field at path, naming what is wrong when it
// cannot: an unknown item, or a known item in the wrong zone.
func (d *scenarioDecoder) lookup(path, id, zone string) (*engine.Item, bool) {
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
		d.Fail(document.Join(path, "item"), "unknownItem", "item", id, "catalog", d.cat.ID)
	} else {
		d.Fail(document.Join(path, "zone"), "unknownZone", "item", id, "zone", zone, "zones", strings.Join(zones, ", "))
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
