package contract

import (
	"slices"
	"strconv"

	"github.com/sakura-sim/pricesim/engine"
)

// The catalog as contract.md writes it ("Catalog"), by hand as estimates are:
// {"id","asOf","taxRate","source","zones"?,"items"}, each item
// {"id","kind","zone","name":{"en"?,"ja"?},"hourly"?,"daily"?,"monthly"?,
// "passport"?,"passportFees"?,"estimated"?,"cores"?,"memoryGB"?,"diskType"?,
// "sizeGB"?,"bandwidthMbps"?,"serviceClass"?,"assumedFrom"?}. A field marked ?
// is left out when it is empty, false or 0, exactly where encoding/json's
// omitempty left it out before (testdata/wire/requests.txt holds the bytes it
// wrote), so the page and saved catalogs read what they always did.

func (w *coldWriter) catalog(c *engine.Catalog) {
	w.raw(`{"id":`)
	w.str(c.ID)
	w.raw(`,"asOf":`)
	w.str(c.AsOf)
	w.raw(`,"taxRate":`)
	w.str(c.TaxRate.String())
	w.raw(`,"source":`)
	w.str(c.Source)
	if len(c.ZoneSources) > 0 {
		w.raw(`,"zones":[`)
		for i, z := range c.ZoneSources {
			w.comma(i)
			w.raw(`{"zone":`)
			w.str(z.Zone)
			w.raw(`,"asOf":`)
			w.str(z.AsOf)
			w.raw(`,"source":`)
			w.str(z.Source)
			w.raw(`,"official":`)
			w.bool(z.Official)
			w.close('}')
		}
		w.close(']')
	}
	w.raw(`,"items":[`)
	for i := range c.Items {
		w.comma(i)
		w.catalogItem(&c.Items[i])
	}
	w.raw(`]}`)
}

func (w *coldWriter) catalogItem(it *engine.Item) {
	w.raw(`{"id":`)
	w.str(it.ID)
	w.raw(`,"kind":`)
	w.str(it.Kind.String())
	w.raw(`,"zone":`)
	w.str(it.Zone)
	w.raw(`,"name":{`)
	if it.Name.En != "" {
		w.raw(`"en":`)
		w.str(it.Name.En)
	}
	if it.Name.Ja != "" {
		w.key(it.Name.En == "", "ja")
		w.str(it.Name.Ja)
	}
	w.close('}')
	w.priceField("hourly", it.Prices.Hourly)
	w.priceField("daily", it.Prices.Daily)
	w.priceField("monthly", it.Prices.Monthly)
	if it.Passport {
		w.raw(`,"passport":true`)
	}
	if len(it.PassportFees) > 0 {
		// encoding/json wrote the map's keys sorted as strings.
		terms := make([]string, 0, len(it.PassportFees))
		for term := range it.PassportFees {
			terms = append(terms, strconv.Itoa(term))
		}
		slices.Sort(terms)
		w.raw(`,"passportFees":{`)
		for i, term := range terms {
			w.comma(i)
			w.str(term)
			w.b = append(w.b, ':')
			n, _ := strconv.Atoi(term)
			w.str(it.PassportFees[n].String())
		}
		w.close('}')
	}
	if len(it.Estimated) > 0 {
		w.raw(`,"estimated":`)
		w.strings(it.Estimated)
	}
	w.intField("cores", it.Cores)
	w.intField("memoryGB", it.MemoryGB)
	w.strField("diskType", it.DiskType)
	w.intField("sizeGB", it.SizeGB)
	w.intField("bandwidthMbps", it.BandwidthMbps)
	w.strField("serviceClass", it.ServiceClass)
	w.strField("assumedFrom", it.AssumedFrom)
	w.close('}')
}

// priceField writes ,"name":"price" when the price is set.
func (w *coldWriter) priceField(name string, p engine.Price) {
	if p.Set {
		w.key(false, name)
		w.str(p.Value.String())
	}
}

// intField writes ,"name":n unless n is 0.
func (w *coldWriter) intField(name string, n int) {
	if n != 0 {
		w.key(false, name)
		w.int(int64(n))
	}
}

// strField writes ,"name":"s" unless s is empty.
func (w *coldWriter) strField(name, s string) {
	if s != "" {
		w.key(false, name)
		w.str(s)
	}
}

// stringMap writes a map of strings with its keys sorted, as encoding/json
// wrote the args of an import's reasons; nil is null.
func (w *coldWriter) stringMap(m map[string]string) {
	if m == nil {
		w.raw("null")
		return
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	w.open('{')
	for i, k := range keys {
		w.comma(i)
		w.str(k)
		w.b = append(w.b, ':')
		w.str(m[k])
	}
	w.close('}')
}
