package contract

// Requests: what HandleJSON answers besides estimates.
//
// A document that is an object with a top-level "request" key asks for
// something other than an estimate; any other document is a scenario and gets
// EstimateJSON's answer. Every answer is one JSON object; a failed request
// answers the contract's error list, {"errors":[{"path","code","args","message"}]}, with ok
// false. Money is a decimal string, as everywhere (R1.4).
//
// Shipped catalogs, in full, oldest first, and the id of the default one (the
// newest, used when a scenario names none):
//
//	{"request":"catalogs"}
//	→ {"catalogs":[{"id":"seed-2018","asOf":"2018-11-14","taxRate":"0.08","source":"…","items":[…]}, …],
//	   "default":"list-2026"}
//
// Official price-list import: one or more responses of SAKURA's public price
// API (https://secure.sakura.ad.jp/cloud/zone/{zone}/api/cloud/1.1/public/price),
// one per zone, pasted or picked from files as they are, laid over "base" (a
// shipped catalog's id or a catalog object; default the default shipped
// catalog; null for none) zone by zone: the imported zones take the official
// prices, the others keep base's, and "zones" in the catalog says where each
// zone's prices came from. The catalog is named base's id + "+official-" +
// its date, or "official-" + its date when it stands alone: with no base, or
// when its tax rate is not base's ("overlay" says why). A document is dated
// by its ResponsedAt, else by "asOf"; the catalog by its latest document; the
// tax rate follows the date (8 % before 2019-10-01). Every service class
// that did not become an item is listed in "unmatched" with a stable code and
// a reason; "warnings" flag whole
// documents (a partial page); "passportsNotCarried" lists base's passport
// plans no imported item stands for. A document may also be given as a
// string holding its text, as read from a file or a paste: text that is not
// JSON is then reported on its own document. "zones" is optional: the zone
// each document was fetched for, in the same order, for prices that do not
// name their zone.
//
//	{"request":"importPrices","asOf":"2026-11-23","base":"list-2026",
//	 "documents":[{"Total":4,"From":0,"Count":4,"ServiceClasses":[…]}, "{\"Total\":…}", …],
//	 "zones":["is1b", …]}
//	→ {"catalog":{"id":"list-2026+official-2026-11-23","asOf":"2026-11-23","taxRate":"0.1","source":"…",
//	              "zones":[{"zone":"is1a","asOf":"2026-04-28","source":"…","official":false},
//	                       {"zone":"is1b","asOf":"2026-11-23","source":"SAKURA Cloud public price API …","official":true}, …],
//	              "items":[…]},
//	   "unmatched":[{"path":"documents[0].ServiceClasses[3]","zone":"is1b","serviceClass":"cloud/autobackup",
//	                 "name":"自動バックアップ","reason":"has no price of its own: …","code":"classBackupNoPrice","args":{}}],
//	   "warnings":[{"path":"documents[0]","code":"partialDocument","args":{"count":"4","total":"9"},
//	                "message":"holds 4 of 9 service classes: …"}],
//	   "passportsNotCarried":[{"item":"server/2core-2gb","zone":"is1b","reason":"…","code":"passportNoCounterpart","args":{"reason":"…"}}],
//	   "overlay":{"base":"list-2026","overlaid":true}}
//
// Item matching, to move a scenario from one catalog to another: "from" and
// "to" are each a shipped catalog's id or a whole catalog object; "items"
// (optional; default every item of "from") are the items to carry over. Each
// item asked about is in exactly one list; "by" is "id", "serviceClass",
// "cores and memory", "disk type and size" or "bandwidth". Zones never change.
//
//	{"request":"matchItems","from":"list-2026","to":{"id":"official-2026-11-23", …},
//	 "items":[{"item":"server/4core-8gb","zone":"tk1a"}, …]}
//	→ {"matches":[{"item":"server/4core-8gb","zone":"tk1a","to":"server/4core-8gb","by":"id"}],
//	   "unmatched":[{"item":"disk/hdd-2048gb","zone":"is1b","reason":"…"}]}
//
// The month's fee at every whole hour of use, 0 to "hours" (default 744), under
// each way of billing, with the break points: the comparison chart's data, so
// the page never computes a fee itself. Prices are decimal strings or null.
//
//	{"request":"feeCurve","hourly":"11","daily":"110","monthly":"2179","hours":744}
//	→ {"points":[{"hours":0,"hourlyOnly":"0","hourlyDaily":"0","monthly":"2179","fee":"0","basis":"hourly"}, …],
//	   "dailyFromHours":10,"monthlyFromHours":465}
//
// The passport advisor (issue 14): the scenario's groups of passport-eligible
// plan and zone, their simple options, and the cheapest purchase plan
// (engine.AdvisePassports; the README explains the search and "proven").
//
//	{"request":"advisePassports","scenario":{"catalog":"seed-2018","start":"2018-12","months":36,"resources":[…]}}
//	→ {"groups":[{"item":"server/4core-8gb","zone":"tk1a","contracts":[{"month":"2018-12","count":1}, …],
//	              "options":[{"term":0,"count":0,"purchased":"2018-12","fee":"0","total":"342144","saving":"0","breakEven":null},
//	                         {"term":12,"count":1,"purchased":"2018-12","fee":"11404","total":"330736","saving":"11408","breakEven":"2019-05"}, …]}],
//	   "best":{"passports":[{"item":"server/4core-8gb","zone":"tk1a","term":36,"count":1,"purchased":"2018-12"}],
//	           "total":"273715","withoutPassports":"342144","saving":"68429","proven":true}}
//
// An unknown request answers {"errors":[{"path":"request","code":"unknownRequest","args":{"request":"x","requests":"…"},"message":"unknown request \"x\": …"}]}.

import (
	"strconv"
	"strings"

	"github.com/sakura-sim/pricesim/engine"
	"github.com/sakura-sim/pricesim/engine/document"
	"github.com/sakura-sim/pricesim/engine/pricelist"
)

func catalogsRequest(obj map[string]any) (answer, error) {
	r := &reader{document.Reader{Subject: engine.SubjectRequest}}
	r.Object("", obj, "request")
	if err := r.Err(); err != nil {
		return nil, err
	}
	list, err := ShippedCatalogs()
	if err != nil {
		return nil, err
	}
	resp := catalogsAnswer{catalogs: list}
	if def, ok := DefaultCatalog(); ok {
		resp.def = def.ID
	}
	return resp, nil
}

func importPricesRequest(obj map[string]any) (answer, error) {
	r := &reader{document.Reader{Subject: engine.SubjectRequest}}
	r.Object("", obj, "request", "asOf", "documents", "zones", "base", "unmatchedLimit")
	asOf, _ := r.Str("", obj, "asOf", false)
	// A page that shows the first few unmatched classes asks for those and
	// their number: a 3.9 MB price list leaves ~13,000 out, 5 MB of answer.
	limit, limited := r.Integer("", obj, "unmatchedLimit", false, 0, 100_000)
	if _, present := obj["documents"]; !present {
		r.Fail("documents", "requiredDocuments")
	}
	raw := r.Array("", obj, "documents")
	zones := r.Array("", obj, "zones")
	if obj["zones"] != nil && len(zones) != len(raw) && r.OK() {
		r.Fail("zones", "zonesPerDocument", "documents", strconv.Itoa(len(raw)), "zones", strconv.Itoa(len(zones)))
	}
	if err := r.Err(); err != nil {
		return nil, err
	}
	docs := make([]pricelist.DocumentValue, len(raw))
	for i, v := range raw {
		docs[i].Value = v
		if text, isText := v.(string); isText {
			// The page may pass a picked file or a paste as text, so a paste
			// that is not JSON is reported on its own document.
			docs[i].Value, _, docs[i].Err = document.Parse([]byte(text))
		}
		if i < len(zones) {
			z, isStr := zones[i].(string)
			if !isStr {
				r.Fail(document.Index("zones", i), "badZone")
			}
			docs[i].Zone = strings.TrimSpace(z)
		}
	}
	if err := r.Err(); err != nil {
		return nil, err
	}
	// The base catalog the import is laid over: the default shipped one
	// unless the request names another (an id or a catalog), or null for none.
	base, _ := DefaultCatalog()
	if v, present := obj["base"]; present {
		base = nil
		if v != nil {
			base = r.requestCatalog(obj, "base")
		}
	}
	if err := r.Err(); err != nil {
		return nil, err
	}
	c, report, err := pricelist.ImportValues("documents", docs, asOf, base)
	if err != nil {
		return nil, err
	}
	a := importAnswer{catalog: c, report: report}
	if limited {
		a.unmatchedTotal = len(report.Unmatched)
		a.limited = true
		if len(report.Unmatched) > limit {
			a.report.Unmatched = report.Unmatched[:limit]
		}
	}
	return a, nil
}

func matchItemsRequest(obj map[string]any) (answer, error) {
	r := &reader{document.Reader{Subject: engine.SubjectRequest}}
	r.Object("", obj, "request", "from", "to", "items")
	from := r.requestCatalog(obj, "from")
	to := r.requestCatalog(obj, "to")
	var refs []pricelist.ItemRef
	if _, present := obj["items"]; present && obj["items"] != nil {
		refs = []pricelist.ItemRef{}
	}
	for i, v := range r.Array("", obj, "items") {
		p := document.Index("items", i)
		item, ok := r.Object(p, v, "item", "zone")
		if !ok {
			continue
		}
		id, okID := r.NonEmpty(p, item, "item", true)
		zone, okZone := r.NonEmpty(p, item, "zone", true)
		if okID && okZone {
			refs = append(refs, pricelist.ItemRef{Item: id, Zone: zone})
		}
	}
	if err := r.Err(); err != nil {
		return nil, err
	}
	return matchAnswer{pricelist.MatchItems(from, to, refs)}, nil
}

// requestCatalog reads a shipped catalog's id or a whole catalog object.
func (r *reader) requestCatalog(obj map[string]any, key string) *engine.Catalog {
	v, present := obj[key]
	if !present || v == nil {
		r.Fail(key, "requiredCatalogRef")
		return nil
	}
	switch c := v.(type) {
	case string:
		if found, ok := ShippedCatalog(c); ok {
			return found
		}
		r.Fail(key, "unknownCatalogRef", "catalog", c, "shipped", strings.Join(shippedIDs(), ", "))
		return nil
	case map[string]any:
		before := r.Count()
		cat := r.catalog(key, c)
		if r.Count() > before {
			return nil
		}
		return cat
	}
	r.Fail(key, "badCatalogRef")
	return nil
}
