package pricelist

import (
	"fmt"
	"github.com/sakura-sim/pricesim/engine"
	"github.com/sakura-sim/pricesim/engine/document"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// OfficialPriceURL is where SAKURA publishes each zone's prices without a
// login; {zone} is is1a, is1b, is1c, tk1a or tk1b.
const OfficialPriceURL = "https://secure.sakura.ad.jp/cloud/zone/{zone}/api/cloud/1.1/public/price"

// OfficialZones returns the zones whose price documents an import usually covers.
func OfficialZones() []string { return []string{"is1a", "is1b", "is1c", "tk1a", "tk1b"} }

// officialTaxRate is the consumption tax the public price API's figures
// include: it publishes today's prices, and the rate is 10 % since 2019-10.
var officialTaxRate = decimal.RequireFromString("0.10")

// OfficialDocument is one response of the public price API, for one zone.
type OfficialDocument struct {
	// Zone is the zone the document was fetched for. A price that names no
	// zone of its own is taken to be in it; it may be empty when every price
	// names its zone.
	Zone string
	Data []byte
}

// ImportReport says what an import left out of the catalog, and why, so that
// nothing is dropped without the user seeing it.
type ImportReport struct {
	// Unmatched lists every service class that did not become an item.
	Unmatched []UnmatchedClass `json:"unmatched"`
	// Warnings are doubts about whole documents (a partial page, say).
	Warnings []engine.FieldError `json:"warnings"`
}

// UnmatchedClass is one service class an import could not use.
type UnmatchedClass struct {
	Path         string `json:"path"`
	Zone         string `json:"zone,omitempty"`
	ServiceClass string `json:"serviceClass"`
	Name         string `json:"name,omitempty"`
	Reason       string `json:"reason"`
}

// ImportOfficialPrices turns public price API responses, one per zone, into a
// catalog dated asOf, with tax rate 0.10 and every price as published. Each
// item keeps its ServiceClassPath in ServiceClass. Passport eligibility is not
// in the API; it is taken from the default shipped catalog, item by item.
//
// ImportOfficialPrices returns a *ValidationError, with paths starting at
// "documents[i]", if: asOf is not a date; there is no document; a document is
// not JSON or not shaped like the API's answer; a price is not a non-negative
// number; or no service class could be used at all. The report is filled even
// then.
func ImportOfficialPrices(docs []OfficialDocument, asOf string, reference *engine.Catalog) (*engine.Catalog, ImportReport, error) {
	inputs := make([]officialInput, len(docs))
	for i, d := range docs {
		inputs[i].zone = d.Zone
		inputs[i].value, _, inputs[i].decodeErr = document.Parse(d.Data)
	}
	return importOfficial("documents", inputs, asOf, reference)
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
	prices                                engine.Prices
	noPrice                               bool
}

func importOfficial(listPath string, docs []officialInput, asOf string, def *engine.Catalog) (*engine.Catalog, ImportReport, error) {
	report := ImportReport{Unmatched: []UnmatchedClass{}, Warnings: []engine.FieldError{}}
	r := &reader{}
	if _, err := engine.ParseDate(asOf); err != nil {
		r.Fail("asOf", "%v", err)
	}
	if len(docs) == 0 {
		r.Fail(listPath, "give at least one price document (one per zone)")
	}
	var classes []officialClass
	for i, d := range docs {
		path := document.Index(listPath, i)
		if d.decodeErr != nil {
			r.Fail(path, "the price document %v", d.decodeErr)
			continue
		}
		classes = append(classes, r.officialDocument(path, d, &report)...)
	}
	if !r.Ok() {
		return nil, report, r.Err()
	}

	var items []engine.Item
	var zones []string
	seen := map[itemKey]string{}
	for _, c := range classes {
		skip := func(reason string) {
			report.Unmatched = append(report.Unmatched, UnmatchedClass{Path: c.path, Zone: c.zone,
				ServiceClass: c.serviceClass, Name: c.displayName, Reason: reason})
		}
		if c.noPrice {
			skip("has no price")
			continue
		}
		if c.zone == "" {
			skip("names no zone, and the document's zone is not known")
			continue
		}
		it, why := officialItem(c.serviceClass)
		if why != "" {
			skip(why)
			continue
		}
		it.Zone, it.Prices, it.ServiceClass = c.zone, c.prices, c.serviceClass
		if c.displayName != "" {
			it.Name.Ja = c.displayName
		}
		if first, dup := seen[itemKey{it.ID, it.Zone}]; dup {
			if first == c.serviceClass {
				skip(fmt.Sprintf("is listed twice for zone %s; the first is kept", it.Zone))
			} else {
				skip(fmt.Sprintf("is the same item (%s) as %s in zone %s; the first is kept", it.ID, first, it.Zone))
			}
			continue
		}
		if def != nil && it.Prices.Monthly.Set {
			if known, ok := def.Lookup(it.ID, it.Zone); ok {
				it.Passport = known.Passport
			}
		}
		seen[itemKey{it.ID, it.Zone}] = c.serviceClass
		if !slices.Contains(zones, it.Zone) {
			zones = append(zones, it.Zone)
		}
		items = append(items, it)
	}
	if len(items) == 0 {
		r.Fail(listPath, "no service class could be turned into a catalog item: see the unmatched list")
		return nil, report, r.Err()
	}
	source := fmt.Sprintf("SAKURA Cloud public price API (%s), zones %s; tax included, as published; "+
		"passport eligibility from the shipped catalog", OfficialPriceURL, strings.Join(zones, ", "))
	c := engine.NewCatalog("official-"+asOf, asOf, source, officialTaxRate, items)
	return c, report, nil
}

// officialDocument reads {"Total","From","Count","ServiceClasses"}; unknown
// fields are allowed, since the API adds them over time.
func (r *reader) officialDocument(path string, d officialInput, report *ImportReport) []officialClass {
	obj, isObj := d.value.(map[string]any)
	if !isObj {
		r.Fail(path, "must be a price document: an object with ServiceClasses")
		return nil
	}
	raw, present := obj["ServiceClasses"]
	if !present {
		r.Fail(document.Join(path, "ServiceClasses"), "is required: is this a response of the public price API?")
		return nil
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
				r.Fail(document.Join(document.Join(path, "ServiceClasses"), k), "must be keyed by an index such as \"0\"")
				continue
			}
			list = append(list, indexed{n, c})
		}
		sort.Slice(list, func(i, j int) bool { return list[i].n < list[j].n })
	case nil:
	default:
		r.Fail(document.Join(path, "ServiceClasses"), "must be a list of service classes")
		return nil
	}
	if total, ok := obj["Total"].(document.Number); ok {
		if n, err := strconv.Atoi(string(total)); err == nil && n > len(list) {
			report.Warnings = append(report.Warnings, engine.FieldError{Path: path,
				Message: fmt.Sprintf("holds %d of %d service classes: the others are not in this document", len(list), n)})
		}
	}
	var out []officialClass
	for _, c := range list {
		if oc, ok := r.officialClass(document.Index(document.Join(path, "ServiceClasses"), c.n), c.v, d.zone); ok {
			out = append(out, oc)
		}
	}
	return out
}

func (r *reader) officialClass(path string, v any, docZone string) (officialClass, bool) {
	obj, isObj := v.(map[string]any)
	if !isObj {
		r.Fail(path, "must be a service class (an object)")
		return officialClass{}, false
	}
	c := officialClass{path: path, zone: docZone}
	if s, isStr := obj["ServiceClassPath"].(string); isStr {
		c.serviceClass = s
	}
	if s, isStr := obj["DisplayName"].(string); isStr {
		c.displayName = s
	}
	before := len(r.Problems)
	switch p := obj["Price"].(type) {
	case nil:
		c.noPrice = true
	case []any:
		// The API writes a class without a price as an empty list.
		if len(p) > 0 {
			r.Fail(document.Join(path, "Price"), "must be an object of prices, or [] for none")
		}
		c.noPrice = true
	case map[string]any:
		if z, isStr := p["Zone"].(string); isStr && strings.TrimSpace(z) != "" {
			c.zone = strings.TrimSpace(z)
		}
		c.prices = r.officialPrices(document.Join(path, "Price"), p)
		c.noPrice = !c.prices.Hourly.Set && !c.prices.Daily.Set && !c.prices.Monthly.Set
	default:
		r.Fail(document.Join(path, "Price"), "must be an object of prices, or [] for none")
	}
	return c, len(r.Problems) == before
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
			r.Fail(document.Join(path, f.key), "must be a price in yen: a number of at least 0")
			continue
		}
		if !d.IsZero() {
			*f.dst = engine.PriceOf(d)
		}
	}
	return out
}

// officialItem maps a ServiceClassPath to the item id and descriptive fields
// the shipped catalogs use, so a scenario keeps working when the user switches
// to official prices. It returns a reason when the path is not one it knows.
func officialItem(path string) (engine.Item, string) {
	if path == "" {
		return engine.Item{}, "has no ServiceClassPath"
	}
	if rest, ok := strings.CutPrefix(path, "cloud/plan/"); ok {
		if digitsOnly(rest) {
			// Legacy numbered plans: their cores and memory are not in the path.
			return engine.Item{ID: "server/plan-" + rest, Kind: engine.KindServer,
				Name: engine.Name{En: "Plan " + rest + " (legacy)", Ja: "プラン" + rest}}, ""
		}
		if it, ok := officialPlan(rest); ok {
			return it, ""
		}
	}
	if rest, ok := strings.CutPrefix(path, "cloud/disk/"); ok {
		diskType, size, _ := strings.Cut(rest, "/")
		size = strings.TrimSuffix(size, "g")
		if n, ok := pathNumber(size, 100000000); ok && (diskType == "ssd" || diskType == "hdd") {
			label := strings.ToUpper(diskType)
			return engine.Item{ID: fmt.Sprintf("disk/%s-%dgb", diskType, n), Kind: engine.KindDisk, DiskType: diskType, SizeGB: n,
				Name: engine.Name{En: fmt.Sprintf("%s disk %d GB", label, n), Ja: fmt.Sprintf("%s %dGB", label, n)}}, ""
		}
	}
	if rest, ok := strings.CutPrefix(path, "cloud/internet/router/"); ok {
		unit := 1
		if g, isG := strings.CutSuffix(rest, "g"); isG {
			rest, unit = g, 1000
		} else {
			rest = strings.TrimSuffix(rest, "m")
		}
		if n, ok := pathNumber(rest, 100000); ok {
			mbps := n * unit
			return engine.Item{ID: fmt.Sprintf("network/router-%dmbps", mbps), Kind: engine.KindNetwork, BandwidthMbps: mbps,
				Name: engine.Name{En: fmt.Sprintf("Router + switch %d Mbps", mbps), Ja: fmt.Sprintf("ルータ+スイッチ %dMbps", mbps)}}, ""
		}
	}
	return engine.Item{}, "is not a server plan, disk or router + switch the simulator knows: add it as a custom item"
}

// officialPlan reads "[family/…]Ncore-Mgb[-suffix]", where a suffix such as
// v100 names a GPU. The id follows the shipped catalogs' pattern
// (server/dedicated-4core-8gb, server/gpu-4core-56gb-v100).
func officialPlan(rest string) (engine.Item, bool) {
	segs := strings.Split(rest, "/")
	size := segs[len(segs)-1]
	family := ""
	for _, seg := range segs[:len(segs)-1] {
		if !lowerWord(seg) {
			return engine.Item{}, false
		}
		if seg == "dedicatedcpu" {
			seg = "dedicated"
		}
		family += seg + "-"
	}
	coresText, after, ok := strings.Cut(size, "core-")
	if !ok {
		return engine.Item{}, false
	}
	memText, suffix, ok := strings.Cut(after, "gb")
	if !ok {
		return engine.Item{}, false
	}
	cores, okC := pathNumber(coresText, 100000)
	memory, okM := pathNumber(memText, 1000000)
	if !okC || !okM {
		return engine.Item{}, false
	}
	gpu := ""
	if suffix != "" {
		var dash bool
		if suffix, dash = strings.CutPrefix(suffix, "-"); !dash || !lowerWord(suffix) {
			return engine.Item{}, false
		}
		if isGPUModel(suffix) {
			gpu = strings.ToUpper(suffix)
			if !strings.Contains(family, "gpu-") {
				family = "gpu-" + family
			}
		}
		suffix = "-" + suffix
	}
	it := engine.Item{ID: fmt.Sprintf("server/%s%dcore-%dgb%s", family, cores, memory, suffix), Kind: engine.KindServer,
		Cores: cores, MemoryGB: memory, Name: officialServerName(cores, memory)}
	if gpu != "" {
		it.Name.En = fmt.Sprintf("GPU %s, NVIDIA %s", it.Name.En, gpu)
	}
	return it, true
}

// pathNumber reads plain digits as a number from 1 to max.
func pathNumber(s string, max int) (int, bool) {
	if !digitsOnly(s) || len(s) > 9 {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 1 && n <= max
}

func digitsOnly(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// lowerWord is a path segment of lower-case letters and digits.
func lowerWord(s string) bool {
	for _, c := range s {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return s != ""
}

// isGPUModel is a letter, digits, then optional letters: v100, h100, l40s.
func isGPUModel(s string) bool {
	if len(s) < 2 || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	i := 1
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 1 {
		return false
	}
	for ; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

func officialServerName(cores, memory int) engine.Name {
	word := "cores"
	if cores == 1 {
		word = "core"
	}
	return engine.Name{En: fmt.Sprintf("%d %s / %d GB", cores, word, memory), Ja: fmt.Sprintf("%dコア / %dGB", cores, memory)}
}
