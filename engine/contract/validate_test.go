package contract

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	. "github.com/sakura-sim/pricesim/engine"
)

// Building blocks of the bad scenarios below: a valid scenario around the
// one field each case breaks.
const (
	webJSON = `{"id":"web","item":"server/4core-8gb","zone":"tk1a","usage":{"pattern":"always"}}`
	// okCouponFields are a coupon's fields but its expiry, to break or complete.
	okCouponFields = `"kind":"coupon","amount":"10000","registered":"2018-12-01"`
)

// scenarioWith is a valid seed-2018 scenario (2018-12 to 2019-11) with more
// top-level fields.
func scenarioWith(fields string) string {
	s := `{"catalog":"seed-2018","start":"2018-12","months":12`
	if fields != "" {
		s += "," + fields
	}
	return s + "}"
}

// withResources is a scenario listing these resources.
func withResources(res ...string) string {
	return scenarioWith(`"resources":[` + strings.Join(res, ",") + `]`)
}

// withWeb is a scenario with one server "web" whose other fields are given.
func withWeb(fields string) string {
	return withResources(`{"id":"web","item":"server/4core-8gb","zone":"tk1a",` + fields + `}`)
}

// withUsage is a scenario with one server "web" of this usage.
func withUsage(usage string) string { return withWeb(`"usage":` + usage) }

// withIntervals is a scenario with one server "web" running these intervals.
func withIntervals(intervals string) string {
	return withUsage(`{"pattern":"intervals","intervals":[` + intervals + `]}`)
}

func withPassports(pp ...string) string {
	return scenarioWith(`"resources":[` + webJSON + `],"passports":[` + strings.Join(pp, ",") + `]`)
}

func withCredits(c ...string) string {
	return scenarioWith(`"resources":[` + webJSON + `],"credits":[` + strings.Join(c, ",") + `]`)
}

// withCatalog is a scenario over an inline catalog.
func withCatalog(catalog string) string {
	return `{"catalog":` + catalog + `,"start":"2018-12","months":12}`
}

// withItems is a scenario over an inline catalog holding these items.
func withItems(items ...string) string {
	return withCatalog(`{"id":"mine","taxRate":"0.10","items":[` + strings.Join(items, ",") + `]}`)
}

// list2026 is a list-2026 scenario (2026-01 to 2026-12) with more fields.
func list2026(fields string) string {
	return `{"catalog":"list-2026","start":"2026-01","months":12,` + fields + `}`
}

// fe is one expected error.
func fe(path, message string) FieldError { return FieldError{Path: path, Message: message} }

const (
	notKnownScenario = "is not a known field (allowed: catalog, start, months, resources, passports, credits, alerts, overrides, customItems)"
	wholeCount       = "must be a whole number from 1 to 10,000"
	hoursProblem     = "must be a number of hours from 0 to 744"
	timeProblem      = `must be a time written like "2026-12-03T09:00:00+09:00" (no offset means JST)`
	monthProblem     = `must be a month written YYYY-MM, such as "2026-04"`
	dateProblem      = `must be a date written YYYY-MM-DD, such as "2026-04-01"`
	couponCode       = `must be the coupon's 16 digits, optionally grouped with spaces or hyphens ("1234-5678-9012-3456")`
	amountAsString   = `must be an amount written as a string, such as "9504"`
	amountProblem    = `must be an amount in yen, such as "9504"`
	alertRange       = "must be from 1 to 999,999,999 yen"
	termProblem      = "must be 12, 24 or 36 months"
	outsideHorizon   = "lies outside the horizon 2018-12 to 2019-11"
	afterHorizon     = "is after the horizon's last month 2019-11"
)

// manyResources is a scenario listing n copies of a minimal resource.
func manyResources(n int) string {
	res := make([]string, n)
	for i := range res {
		res[i] = fmt.Sprintf(`{"id":"r%d","item":"server/4core-8gb","zone":"tk1a","usage":{"pattern":"always"}}`, i)
	}
	return withResources(res...)
}

var validationCases = []struct {
	name     string
	scenario string
	want     []FieldError
}{
	// The document itself.
	{"not JSON", `not json`, []FieldError{fe("", `the scenario is not valid JSON: invalid character 'o' in literal null (expecting 'u') (line 1, column 2)`)}},
	{"broken JSON on line 2", "{\"start\": \"2018-12\",\n  \"months\": 12,,}", []FieldError{fe("", `the scenario is not valid JSON: invalid character ',' looking for beginning of object key string (line 2, column 16)`)}},
	{"truncated JSON", `{"start":`, []FieldError{fe("", "the scenario is not valid JSON: it ends before the document is complete")}},
	{"empty document", "  \n", []FieldError{fe("", "the scenario is empty: expected a JSON object")}},
	{"two documents", `{} {}`, []FieldError{fe("", "the scenario is not valid JSON: more follows the document's end (line 1, column 4)")}},
	// Stray closing brackets once crashed the duplicate-key scan.
	{"a stray closing brace", `0 }`, []FieldError{fe("", "the scenario is not valid JSON: more follows the document's end (line 1, column 3)")}},
	{"a stray closing bracket", `{} ]`, []FieldError{fe("", "the scenario is not valid JSON: more follows the document's end (line 1, column 4)")}},
	{"a lone closing bracket", `]`, []FieldError{fe("", "the scenario is not valid JSON: invalid character ']' looking for beginning of value (line 1, column 1)")}},
	{"a lone surrogate in a key", `{"\ud800":1,"start":"2026-01","months":1}`, []FieldError{fe("\ufffd", "is not a known field (allowed: catalog, start, months, resources, passports, credits, alerts, overrides, customItems)")}},
	{"a list, not an object", `[]`, []FieldError{fe("", `the scenario must be a JSON object, such as {"start": "2026-04", "months": 12, "resources": [...]}`)}},
	{"null", `null`, []FieldError{fe("", `the scenario must be a JSON object, such as {"start": "2026-04", "months": 12, "resources": [...]}`)}},
	{"larger than 1 MB", `{"x":"` + strings.Repeat("a", 1<<20) + `"}`, // 1,048,576 + 8 bytes
		[]FieldError{fe("", "the scenario is 1,048,584 bytes; at most 1 MB (1,048,576 bytes) is accepted")}},

	// Unknown fields, at every level.
	{"unknown scenario field", scenarioWith(`"month":12`), []FieldError{fe("month", notKnownScenario)}},
	{"unknown resource field", withWeb(`"colour":"red","usage":{"pattern":"always"}`),
		[]FieldError{fe("resources[0].colour", "is not a known field (allowed: id, item, zone, count, from, until, outages, usage)")}},
	{"unknown usage field", withUsage(`{"pattern":"always","stopped":"2018-12-24"}`),
		[]FieldError{fe("resources[0].usage.stopped", "is not a known field (allowed: pattern, hours, intervals)")}},
	// A misspelt field is one mistake: it is not also reported as missing.
	{"misspelt usage field", withUsage(`{"pattern":"hours","hour":"200"}`),
		[]FieldError{fe("resources[0].usage.hour", `is not a known field: did you mean "hours"?`)}},
	{"misspelt resource fields", withResources(`{"id":"web","itme":"server/4core-8gb","Zone":"tk1a","usage":{"pattern":"always"}}`), []FieldError{
		fe("resources[0].Zone", `is not a known field: did you mean "zone"?`),
		fe("resources[0].itme", `is not a known field: did you mean "item"?`)}},
	{"unknown interval field", withIntervals(`{"start":"2018-12-01T00:00:00","end":"2018-12-02T00:00:00","stop":"x"}`),
		[]FieldError{fe("resources[0].usage.intervals[0].stop", "is not a known field (allowed: start, end)")}},
	{"unknown outage field", withWeb(`"usage":{"pattern":"always"},"outages":[{"start":"2018-12-01T00:00:00","end":"2018-12-01T02:00:00","cause":"disk"}]`),
		[]FieldError{fe("resources[0].outages[0].cause", "is not a known field (allowed: start, end)")}},
	{"unknown passport field", withPassports(`{"item":"server/4core-8gb","zone":"tk1a","term":12,"purchased":"2018-12","rate":"0.2"}`),
		[]FieldError{fe("passports[0].rate", "is not a known field (allowed: id, item, zone, term, count, purchased)")}},
	{"unknown credit field", withCredits(`{"kind":"prepaid","amount":"10000","registered":"2018-12-01","note":"gift"}`),
		[]FieldError{fe("credits[0].note", "is not a known field (allowed: id, kind, amount, registered, expires, registerBy, code)")}},
	{"unknown alerts field", scenarioWith(`"alerts":{"billAbov":"15000"}`),
		[]FieldError{fe("alerts.billAbov", `is not a known field: did you mean "billAbove"?`)}},
	{"unknown override field", scenarioWith(`"overrides":[{"item":"server/4core-8gb","zone":"tk1a","monthly":"9000","weekly":"2000"}]`),
		[]FieldError{fe("overrides[0].weekly", "is not a known field (allowed: item, zone, hourly, daily, monthly)")}},
	{"unknown catalog field", withCatalog(`{"id":"mine","taxRate":"0.10","items":[{"id":"a","kind":"server","zone":"z","monthly":"1"}],"currency":"JPY"}`),
		[]FieldError{fe("catalog.currency", "is not a known field (allowed: id, asOf, taxRate, source, zones, items)")}},
	{"unknown catalog item field", withItems(`{"id":"a","kind":"server","zone":"z","monthly":"1","colour":"red"}`),
		[]FieldError{fe("catalog.items[0].colour", "is not a known field (allowed: id, kind, zone, name, hourly, daily, monthly, passport, passportFees, estimated, cores, memoryGB, diskType, sizeGB, bandwidthMbps, serviceClass, assumedFrom)")}},

	// A field given twice: JSON keeps the last silently, the decoder does not.
	{"field given twice", `{"catalog":"seed-2018","start":"2018-12","months":12,"months":24}`, []FieldError{fe("months", "is given more than once: keep one")}},
	{"nested field given twice", withIntervals(`{"start":"2018-12-01T00:00:00","end":"2018-12-02T00:00:00","end":"2018-12-03T00:00:00"}`),
		[]FieldError{fe("resources[0].usage.intervals[0].end", "is given more than once: keep one")}},

	// Missing required fields.
	{"no start", `{"catalog":"seed-2018","months":12}`, []FieldError{fe("start", "is required")}},
	{"no months", `{"catalog":"seed-2018","start":"2018-12"}`, []FieldError{fe("months", "is required")}},
	{"empty resource", withResources(`{}`), []FieldError{
		fe("resources[0].id", "is required"),
		fe("resources[0].item", "is required"),
		fe("resources[0].zone", "is required"),
		fe("resources[0].usage", `is required: {"pattern": "always"}, {"pattern": "hours", "hours": "200"} or {"pattern": "intervals", "intervals": [...]}`)}},
	{"no usage pattern", withUsage(`{}`), []FieldError{fe("resources[0].usage.pattern", `is required: "always", "hours" or "intervals"`)}},
	{"empty passport", withPassports(`{}`), []FieldError{
		fe("passports[0].item", "is required"),
		fe("passports[0].zone", "is required"),
		fe("passports[0].term", "is required"),
		fe("passports[0].purchased", "is required")}},
	{"empty credit", withCredits(`{}`), []FieldError{
		fe("credits[0].kind", "is required"),
		fe("credits[0].amount", "is required"),
		fe("credits[0].registered", "is required")}},

	// Catalogs.
	{"unknown shipped catalog", `{"catalog":"list-2019","start":"2018-12","months":12,"resources":[` + webJSON + `]}`,
		[]FieldError{fe("catalog", `"list-2019" is not a shipped catalog (shipped: seed-2018, list-2026); give a catalog object for other prices`)}},
	{"catalog neither id nor object", `{"catalog":42,"start":"2018-12","months":12}`,
		[]FieldError{fe("catalog", "must be the id of a shipped catalog (seed-2018, list-2026) or a catalog object")}},
	{"inline catalog without id", withCatalog(`{"taxRate":"0.10","items":[{"id":"a","kind":"server","zone":"z","monthly":"1"}]}`),
		[]FieldError{fe("catalog.id", "is required")}},
	{"inline catalog tax rate not a number", withCatalog(`{"id":"mine","taxRate":"ten","items":[{"id":"a","kind":"server","zone":"z","monthly":"1"}]}`),
		[]FieldError{fe("catalog.taxRate", taxRateProblem)}},
	{"inline catalog tax rate of 10", withCatalog(`{"id":"mine","taxRate":"10","items":[{"id":"a","kind":"server","zone":"z","monthly":"1"}]}`),
		[]FieldError{fe("catalog.taxRate", taxRateProblem)}},
	{"inline catalog without items", withCatalog(`{"id":"mine","taxRate":"0.10","items":[]}`),
		[]FieldError{fe("catalog.items", "must list at least one item")}},
	{"inline catalog item twice", withItems(`{"id":"a","kind":"server","zone":"z","monthly":"1"}`, `{"id":"a","kind":"server","zone":"z","monthly":"2"}`),
		[]FieldError{fe("catalog.items[1].id", `item "a" in zone "z" is listed twice (also at items[0])`)}},
	{"inline catalog item without price", withItems(`{"id":"a","kind":"server","zone":"z"}`),
		[]FieldError{fe("catalog.items[0]", `has no price: give at least one of hourly, daily, monthly`)}},
	{"inline catalog item of unknown kind", withItems(`{"id":"a","kind":"vm","zone":"z","monthly":"1"}`),
		[]FieldError{fe("catalog.items[0].kind", `must be one of server, disk, licence, appliance, network, other`)}},
	{"inline catalog passport on a disk", withItems(`{"id":"a","kind":"disk","zone":"z","monthly":"1","passport":true}`),
		[]FieldError{fe("catalog.items[0].passport", `only servers can be passport plans`)}},
	{"inline catalog price as a number", withItems(`{"id":"a","kind":"server","zone":"z","monthly":2000}`),
		[]FieldError{fe("catalog.items[0].monthly", amountAsString)}},

	// Items and zones.
	{"unknown item", withResources(`{"id":"web","item":"server/9core","zone":"tk1a","usage":{"pattern":"always"}}`),
		[]FieldError{fe("resources[0].item", `"server/9core" is not an item of catalog "seed-2018"`)}},
	{"item in the wrong zone", withResources(`{"id":"web","item":"server/4core-8gb","zone":"is1a","usage":{"pattern":"always"}}`),
		[]FieldError{fe("resources[0].zone", `item "server/4core-8gb" is not offered in zone "is1a" (offered in: tk1a)`)}},

	// Counts.
	{"count 0", withWeb(`"count":0,"usage":{"pattern":"always"}`), []FieldError{fe("resources[0].count", wholeCount)}},
	{"count 10,001", withWeb(`"count":10001,"usage":{"pattern":"always"}`), []FieldError{fe("resources[0].count", wholeCount)}},
	{"count in quotes", withWeb(`"count":"2","usage":{"pattern":"always"}`), []FieldError{fe("resources[0].count", `must be a number written without quotes (2, not "2")`)}},
	{"count 1.5", withWeb(`"count":1.5,"usage":{"pattern":"always"}`), []FieldError{fe("resources[0].count", wholeCount)}},

	// The horizon.
	{"months 0", `{"catalog":"seed-2018","start":"2018-12","months":0}`, []FieldError{fe("months", "must be a whole number from 1 to 120")}},
	{"months 121", `{"catalog":"seed-2018","start":"2018-12","months":121}`, []FieldError{fe("months", "must be a whole number from 1 to 120")}},
	{"months in quotes", `{"catalog":"seed-2018","start":"2018-12","months":"12"}`, []FieldError{fe("months", `must be a number written without quotes (12, not "12")`)}},
	{"start with a slash", `{"catalog":"seed-2018","start":"2018/12","months":12}`, []FieldError{fe("start", monthProblem)}},
	{"start month 13", `{"catalog":"seed-2018","start":"2018-13","months":12}`, []FieldError{fe("start", monthProblem)}},
	{"start as a date", `{"catalog":"seed-2018","start":"2018-12-01","months":12}`, []FieldError{fe("start", monthProblem)}},

	// Usage.
	{"hours abc", withUsage(`{"pattern":"hours","hours":"abc"}`), []FieldError{fe("resources[0].usage.hours", hoursProblem)}},
	{"hours 800", withUsage(`{"pattern":"hours","hours":"800"}`), []FieldError{fe("resources[0].usage.hours", hoursProblem)}},
	{"hours -1", withUsage(`{"pattern":"hours","hours":"-1"}`), []FieldError{fe("resources[0].usage.hours", hoursProblem)}},
	{"usage as a string", withUsage(`"always"`), []FieldError{fe("resources[0].usage", `must be an object such as {"pattern": "always"}`)}},
	{"unknown pattern", withUsage(`{"pattern":"weekly"}`), []FieldError{fe("resources[0].usage.pattern", `must be one of "always", "hours", "intervals"`)}},
	{"hours with the always pattern", withUsage(`{"pattern":"always","hours":"5"}`), []FieldError{fe("resources[0].usage.hours", `does not apply to the "always" pattern`)}},
	{"intervals overlapping", withIntervals(`{"start":"2018-12-01T00:00:00","end":"2018-12-05T00:00:00"},{"start":"2018-12-03T00:00:00","end":"2018-12-06T00:00:00"}`),
		[]FieldError{fe("resources[0].usage.intervals[1]", "overlaps resources[0].usage.intervals[0]: intervals of one resource must not overlap")}},
	{"interval ending before it starts", withIntervals(`{"start":"2018-12-05T00:00:00","end":"2018-12-01T00:00:00"}`),
		[]FieldError{fe("resources[0].usage.intervals[0].end", "must be after start")}},
	{"interval time with a space", withIntervals(`{"start":"2018-12-05 00:00","end":"2018-12-06T00:00:00"}`),
		[]FieldError{fe("resources[0].usage.intervals[0].start", timeProblem)}},
	{"interval time with a fraction of a second", withIntervals(`{"start":"2018-12-05T00:00:00.5+09:00","end":"2018-12-06T00:00:00"}`),
		[]FieldError{fe("resources[0].usage.intervals[0].start", "must be in whole seconds, without a fraction")}},
	{"interval outside the horizon", withIntervals(`{"start":"2020-12-05T00:00:00","end":"2020-12-06T00:00:00"}`),
		[]FieldError{fe("resources[0].usage.intervals[0]", outsideHorizon)}},
	{"no intervals", withIntervals(``), []FieldError{fe("resources[0].usage.intervals", "must list at least one interval")}},
	{"from with intervals", withWeb(`"from":"2019-01","usage":{"pattern":"intervals","intervals":[{"start":"2018-12-05T00:00:00","end":"2018-12-06T00:00:00"}]}`),
		[]FieldError{fe("resources[0].from", `does not apply to the "intervals" pattern: the intervals say when it exists`)}},
	{"until with intervals", withWeb(`"until":"2019-01","usage":{"pattern":"intervals","intervals":[{"start":"2018-12-05T00:00:00","end":"2018-12-06T00:00:00"}]}`),
		[]FieldError{fe("resources[0].until", `does not apply to the "intervals" pattern: the intervals say when it exists`)}},
	{"until before from", withWeb(`"from":"2019-05","until":"2019-02","usage":{"pattern":"always"}`),
		[]FieldError{fe("resources[0].until", "must not be before from (2019-05)")}},
	{"from after the horizon", withWeb(`"from":"2021-05","usage":{"pattern":"always"}`), []FieldError{fe("resources[0].from", afterHorizon)}},
	{"outages on a disk", list2026(`"resources":[{"id":"d","item":"disk/ssd-100gb","zone":"is1a","usage":{"pattern":"always"},"outages":[{"start":"2026-01-05T00:00:00","end":"2026-01-06T00:00:00"}]}]`),
		[]FieldError{fe("resources[0].outages", `apply only to servers: "disk/ssd-100gb" is a disk`)}},
	{"outages with the hours pattern", withWeb(`"usage":{"pattern":"hours","hours":"10"},"outages":[{"start":"2018-12-05T00:00:00","end":"2018-12-06T00:00:00"}]`),
		[]FieldError{fe("resources[0].outages", `do not apply to the "hours" pattern: give the hours actually used instead`)}},

	// Duplicate ids.
	{"duplicate resource ids", withResources(webJSON, webJSON), []FieldError{fe("resources[1].id", `"web" is already the id of resources[0]`)}},
	{"duplicate passport ids", withPassports(`{"id":"pp","item":"server/4core-8gb","zone":"tk1a","term":12,"purchased":"2018-12"}`, `{"id":"pp","item":"server/4core-8gb","zone":"tk1a","term":24,"purchased":"2018-12"}`),
		[]FieldError{fe("passports[1].id", `"pp" is already the id of passports[0]`)}},
	{"passport id clashing with a default id", withPassports(`{"item":"server/4core-8gb","zone":"tk1a","term":12,"purchased":"2018-12"}`, `{"id":"passport-1","item":"server/4core-8gb","zone":"tk1a","term":24,"purchased":"2018-12"}`),
		[]FieldError{fe("passports[1].id", `"passport-1" is already the id of passports[0]`)}},
	{"duplicate credit ids", withCredits(`{"id":"c","kind":"prepaid","amount":"10000","registered":"2018-12-01"}`, `{"id":"c",`+okCouponFields+`,"expires":"2019-01-31"}`),
		[]FieldError{fe("credits[1].id", `"c" is already the id of credits[0]`)}},

	// Passports.
	{"passport for an ineligible plan", list2026(`"passports":[{"item":"server/1core-1gb","zone":"is1a","term":12,"purchased":"2026-01"}]`),
		[]FieldError{fe("passports[0].item", `plan "server/1core-1gb" in zone "is1a" is not eligible for discount passports`)}},
	{"passport for a disk", list2026(`"passports":[{"item":"disk/ssd-100gb","zone":"is1a","term":12,"purchased":"2026-01"}]`),
		[]FieldError{fe("passports[0].item", `"disk/ssd-100gb" is a disk: discount passports are for servers only`)}},
	{"passport term 18", withPassports(`{"item":"server/4core-8gb","zone":"tk1a","term":18,"purchased":"2018-12"}`), []FieldError{fe("passports[0].term", termProblem)}},
	{"passport term in quotes", withPassports(`{"item":"server/4core-8gb","zone":"tk1a","term":"12","purchased":"2018-12"}`),
		[]FieldError{fe("passports[0].term", `must be a number written without quotes (12, not "12")`)}},
	{"passport term 120", withPassports(`{"item":"server/4core-8gb","zone":"tk1a","term":120,"purchased":"2018-12"}`), []FieldError{fe("passports[0].term", termProblem)}},
	{"passport purchased after the horizon", withPassports(`{"item":"server/4core-8gb","zone":"tk1a","term":12,"purchased":"2019-12"}`),
		[]FieldError{fe("passports[0].purchased", afterHorizon)}},
	{"passport expired before the horizon", withPassports(`{"item":"server/4core-8gb","zone":"tk1a","term":12,"purchased":"2017-11"}`),
		[]FieldError{fe("passports[0].purchased", "is too early: the 12-month term ends in 2018-10, before the horizon starts (2018-12)")}},

	// Credits.
	{"prepaid of 20,000 yen", withCredits(`{"kind":"prepaid","amount":"20000","registered":"2018-12-01"}`),
		[]FieldError{fe("credits[0].amount", "must be 10,000, 30,000, or 50,000 yen or more: the amounts prepaid IDs are sold for")}},
	{"prepaid with expires", withCredits(`{"kind":"prepaid","amount":"10000","registered":"2018-12-01","expires":"2019-11-30"}`),
		[]FieldError{fe("credits[0].expires", "must not be given for a prepaid ID: it is valid for 12 months from registration")}},
	{"prepaid with a coupon code", withCredits(`{"kind":"prepaid","amount":"10000","registered":"2018-12-01","code":"1234-5678-9012-3456"}`),
		[]FieldError{fe("credits[0].code", "applies only to coupons, not to a prepaid ID")}},
	{"coupon without expires", withCredits(`{` + okCouponFields + `}`), []FieldError{fe("credits[0].expires", "is required")}},
	{"coupon expiring before its registration", withCredits(`{"kind":"coupon","amount":"10000","registered":"2018-12-10","expires":"2018-12-01"}`),
		[]FieldError{fe("credits[0].expires", "must not be before the registration date 2018-12-10")}},
	{"coupon code of 15 digits", withCredits(`{` + okCouponFields + `,"expires":"2019-03-31","code":"123456789012345"}`), []FieldError{fe("credits[0].code", couponCode)}},
	{"coupon code with a letter", withCredits(`{` + okCouponFields + `,"expires":"2019-03-31","code":"1234-5678-9012-345a"}`), []FieldError{fe("credits[0].code", couponCode)}},
	{"coupon code with a double separator", withCredits(`{` + okCouponFields + `,"expires":"2019-03-31","code":"1234--5678-9012-3456"}`), []FieldError{fe("credits[0].code", couponCode)}},
	{"coupon expired before the start", withCredits(`{"kind":"coupon","amount":"10000","registered":"2017-12-01","expires":"2018-11-30"}`),
		[]FieldError{fe("credits[0].expires", "is before the horizon starts (2018-12): the coupon could pay nothing")}},
	{"prepaid expired before the start", withCredits(`{"kind":"prepaid","amount":"10000","registered":"2017-11-01"}`),
		[]FieldError{fe("credits[0].registered", "is too early: the prepaid ID expires on 2018-10-31 (12 months from registration), before the horizon starts (2018-12)")}},
	{"credit registered after the horizon", withCredits(`{"kind":"prepaid","amount":"10000","registered":"2019-12-01"}`),
		[]FieldError{fe("credits[0].registered", afterHorizon)}},
	{"credit registered on 30 February", withCredits(`{"kind":"coupon","amount":"10000","registered":"2019-02-30","expires":"2019-03-31"}`),
		[]FieldError{fe("credits[0].registered", dateProblem)}},
	{"unknown credit kind", withCredits(`{"kind":"gift","amount":"10000","registered":"2018-12-01"}`), []FieldError{fe("credits[0].kind", `must be "coupon" or "prepaid"`)}},

	// Money.
	{"credit amount as a JSON number", withCredits(`{"kind":"prepaid","amount":10000,"registered":"2018-12-01"}`), []FieldError{fe("credits[0].amount", amountAsString)}},
	{"negative credit amount", withCredits(`{"kind":"prepaid","amount":"-10000","registered":"2018-12-01"}`), []FieldError{fe("credits[0].amount", "must not be negative")}},
	{"non-numeric credit amount", withCredits(`{"kind":"prepaid","amount":"ten thousand","registered":"2018-12-01"}`), []FieldError{fe("credits[0].amount", amountProblem)}},
	{"credit amount with an exponent", withCredits(`{"kind":"prepaid","amount":"1e4","registered":"2018-12-01"}`), []FieldError{fe("credits[0].amount", amountProblem)}},
	{"fraction of a yen of credit", withCredits(`{"kind":"prepaid","amount":"10000.5","registered":"2018-12-01"}`), []FieldError{fe("credits[0].amount", "must be a whole number of yen")}},
	{"coupon of 0 yen", withCredits(`{"kind":"coupon","amount":"0","registered":"2018-12-01","expires":"2019-01-31"}`), []FieldError{fe("credits[0].amount", "must be more than 0 yen")}},
	{"override price as a JSON number", scenarioWith(`"overrides":[{"item":"server/4core-8gb","zone":"tk1a","monthly":9000}]`), []FieldError{fe("overrides[0].monthly", amountAsString)}},
	{"negative override price", scenarioWith(`"overrides":[{"item":"server/4core-8gb","zone":"tk1a","monthly":"-5"}]`), []FieldError{fe("overrides[0].monthly", "must not be negative")}},

	// Alerts.
	{"alert of 0 yen", scenarioWith(`"alerts":{"billAbove":"0"}`), []FieldError{fe("alerts.billAbove", alertRange)}},
	{"alert of 1,000,000,000 yen", scenarioWith(`"alerts":{"balanceBelow":"1000000000"}`), []FieldError{fe("alerts.balanceBelow", alertRange)}},
	{"alert as a JSON number", scenarioWith(`"alerts":{"billAbove":15000}`), []FieldError{fe("alerts.billAbove", amountAsString)}},
	{"alerts as a list", scenarioWith(`"alerts":[]`), []FieldError{fe("alerts", "must be an object")}},

	// Overrides.
	{"override of an unknown item", scenarioWith(`"overrides":[{"item":"server/9core","zone":"tk1a","monthly":"1"}]`),
		[]FieldError{fe("overrides[0].item", `"server/9core" is not an item of catalog "seed-2018"`)}},
	{"override removing every price", scenarioWith(`"overrides":[{"item":"server/4core-8gb","zone":"tk1a","hourly":null,"daily":null,"monthly":null}]`),
		[]FieldError{fe("overrides[0]", `removes every price of item "server/4core-8gb": at least one of hourly, daily, monthly must remain`)}},
	{"override without a price", scenarioWith(`"overrides":[{"item":"server/4core-8gb","zone":"tk1a"}]`),
		[]FieldError{fe("overrides[0]", "overrides no price: give hourly, daily or monthly")}},
	{"override of an item twice", scenarioWith(`"overrides":[{"item":"server/4core-8gb","zone":"tk1a","monthly":"1"},{"item":"server/4core-8gb","zone":"tk1a","daily":"2"}]`),
		[]FieldError{fe("overrides[1].item", `item "server/4core-8gb" in zone "tk1a" already has an override`)}},

	// Limits.
	{"more than 10,000 resources", manyResources(10001), []FieldError{fe("resources", "lists 10,001 entries; at most 10,000 are accepted")}},
	{"too many contract-months", `{"catalog":"seed-2018","start":"2018-12","months":120,"resources":[
		{"id":"a","item":"server/4core-8gb","zone":"tk1a","count":1000,"usage":{"pattern":"always"}},
		{"id":"b","item":"server/4core-8gb","zone":"tk1a","count":1,"usage":{"pattern":"always"}}]}`,
		[]FieldError{fe("resources", "describe 1,001 contracts over 120 months (120,120 contract-months); at most 120,000 contract-months can be estimated")}},
	{"resources not a list", scenarioWith(`"resources":{}`), []FieldError{fe("resources", "must be a list")}},

	// Several mistakes at once: each is reported, and none cascades into
	// follow-on errors (the bad start does not make the interval "outside the
	// horizon", the unknown item does not make its passport ineligible).
	{"several mistakes at once", `{"catalog":"seed-2018","start":"2018-13","months":0,"colour":"red",
		"resources":[
			{"id":"web","item":"server/9core","zone":"tk1a","count":0,"usage":{"pattern":"hours","hours":"900"}},
			{"id":"web","item":"server/4core-8gb","zone":"tk1a","usage":{"pattern":"intervals","intervals":[{"start":"2030-01-01T00:00:00","end":"2029-01-01T00:00:00"}]}}],
		"passports":[{"item":"server/9core","zone":"tk1a","term":18,"purchased":"2019-01"}],
		"credits":[{"kind":"coupon","amount":5000,"registered":"2019-01-01","code":"12"},
		           {"kind":"prepaid","amount":"20000","registered":"2019-02-30"}],
		"alerts":{"billAbove":"0","balanceBelow":"-1"}}`,
		[]FieldError{
			fe("colour", notKnownScenario),
			fe("start", monthProblem),
			fe("months", "must be a whole number from 1 to 120"),
			fe("resources[0].item", `"server/9core" is not an item of catalog "seed-2018"`),
			fe("resources[0].count", wholeCount),
			fe("resources[0].usage.hours", hoursProblem),
			fe("resources[1].usage.intervals[0].end", "must be after start"),
			fe("resources[1].id", `"web" is already the id of resources[0]`),
			fe("passports[0].item", `"server/9core" is not an item of catalog "seed-2018"`),
			fe("passports[0].term", termProblem),
			fe("credits[0].amount", amountAsString),
			fe("credits[0].expires", "is required"),
			fe("credits[0].code", couponCode),
			fe("credits[1].registered", dateProblem),
			fe("credits[1].amount", "must be 10,000, 30,000, or 50,000 yen or more: the amounts prepaid IDs are sold for"),
			fe("alerts.billAbove", alertRange),
			fe("alerts.balanceBelow", "must not be negative"),
		}},
}

const taxRateProblem = `must be the consumption tax rate as a decimal string from 0 to below 1, such as "0.10" for 10 %`

func TestDecodeScenario_Errors(t *testing.T) {
	if len(validationCases) < 40 {
		t.Fatalf("only %d validation cases", len(validationCases))
	}
	for _, tt := range validationCases {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeScenario([]byte(tt.scenario))
			if err == nil {
				t.Fatalf("DecodeScenario(%s) = nil error, want %v", shorten(tt.scenario), tt.want)
			}
			if !errors.Is(err, ErrInvalidScenario) {
				t.Errorf("DecodeScenario error %v does not wrap ErrInvalidScenario", err)
			}
			out, ok := EstimateJSON([]byte(tt.scenario))
			if ok {
				t.Fatalf("EstimateJSON(%s) accepted the scenario", shorten(tt.scenario))
			}
			var got struct{ Errors []wireError }
			if err := json.Unmarshal(out, &got); err != nil {
				t.Fatalf("EstimateJSON(%s) = %s, not an error list: %v", shorten(tt.scenario), out, err)
			}
			if !sameErrors(got.Errors, tt.want) {
				t.Errorf("EstimateJSON(%s) errors:\n%s\nwant:\n%s", shorten(tt.scenario), formatErrors(got.Errors), formatErrors(tt.want))
			}
			for _, e := range got.Errors {
				checkReadable(t, e)
			}
		})
	}
}

// TestDecodeScenario_LimitsAccepted: the limits are inclusive, so the largest
// accepted values do not error.
func TestDecodeScenario_LimitsAccepted(t *testing.T) {
	for _, tt := range []struct{ name, scenario string }{
		{"count 10,000", withWeb(`"count":10000,"usage":{"pattern":"always"}`)},
		{"months 120", `{"catalog":"seed-2018","start":"2018-12","months":120}`},
		{"120,000 contract-months", `{"catalog":"seed-2018","start":"2018-12","months":120,"resources":[
			{"id":"a","item":"server/4core-8gb","zone":"tk1a","count":1000,"usage":{"pattern":"always"}}]}`},
		{"months 1", `{"catalog":"seed-2018","start":"2018-12","months":1}`},
		{"hours 744 and 0", withResources(`{"id":"a","item":"server/4core-8gb","zone":"tk1a","usage":{"pattern":"hours","hours":"744"}}`,
			`{"id":"b","item":"server/4core-8gb","zone":"tk1a","usage":{"pattern":"hours","hours":"0"}}`)},
		{"alerts 1 and 999,999,999", scenarioWith(`"alerts":{"billAbove":"1","balanceBelow":"999999999"}`)},
		{"prepaid 10,000, 30,000 and 50,001", withCredits(`{"kind":"prepaid","amount":"10000","registered":"2018-12-01"}`,
			`{"kind":"prepaid","amount":"30000","registered":"2018-12-01"}`, `{"kind":"prepaid","amount":"50001","registered":"2018-12-01"}`)},
		{"coupon codes with spaces and hyphens", withCredits(`{`+okCouponFields+`,"expires":"2019-01-31","code":"1234 5678-9012 3456"}`,
			`{`+okCouponFields+`,"expires":"2019-01-31","code":"1234567890123456"}`)},
		{"credit registered before the start, still valid", withCredits(`{"kind":"prepaid","amount":"10000","registered":"2017-12-02"}`)},
		{"passport bought before the start, still valid", withPassports(`{"item":"server/4core-8gb","zone":"tk1a","term":12,"purchased":"2018-01"}`)},
		{"10,000 resources", manyResources(10000)},
		{"null for optional fields", scenarioWith(`"resources":[{"id":"web","item":"server/4core-8gb","zone":"tk1a","count":null,"from":null,"outages":null,
			"usage":{"pattern":"always","hours":null}}],"passports":[{"id":null,"item":"server/4core-8gb","zone":"tk1a","term":12,"count":null,"purchased":"2018-12"}],
			"credits":[{"id":null,"kind":"prepaid","amount":"10000","registered":"2018-12-01","expires":null,"code":null}],"alerts":null,"overrides":null`)},
		{"interval touching the horizon", withIntervals(`{"start":"2018-11-30T00:00:00","end":"2018-12-01T00:00:01"}`)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if out, ok := EstimateJSON([]byte(tt.scenario)); !ok {
				t.Errorf("EstimateJSON(%s) = %s, want an estimate", shorten(tt.scenario), out)
			}
		})
	}
}

func sameErrors(got []wireError, want []FieldError) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if got[i].Path != want[i].Path || got[i].Message != want[i].Message {
			return false
		}
	}
	return true
}

func formatErrors[E wireError | FieldError](list []E) string {
	var b strings.Builder
	for _, e := range list {
		w := FieldErrorOf(e)
		fmt.Fprintf(&b, "\t%q: %q\n", w.Path, w.Message)
	}
	return b.String()
}

// FieldErrorOf is a wanted or received error as the wire has it.
func FieldErrorOf[E wireError | FieldError](e E) wireError {
	switch v := any(e).(type) {
	case wireError:
		return v
	case FieldError:
		return wireError{Path: v.Path, Code: string(v.Code), Message: v.Message}
	}
	return wireError{}
}

// checkReadable rejects messages a user should never see: Go's formatting
// of bad verbs and nil values, type names, and internal wording.
func checkReadable(t *testing.T, e wireError) {
	t.Helper()
	checkCode(t, e)
	for _, bad := range []string{"%!", "<nil>", "map[", "json.Number", "[]interface", "interface {}", "float64", "internal error", "Go "} {
		if strings.Contains(e.Message, bad) {
			t.Errorf("%s: message %q contains %q", e.Path, e.Message, bad)
		}
	}
	if strings.HasSuffix(e.Message, ".") || e.Message == "" || strings.ToUpper(e.Message[:1]) == e.Message[:1] && e.Message[0] >= 'A' && e.Message[0] <= 'Z' {
		t.Errorf("%s: message %q should be lower-case with no final period", e.Path, e.Message)
	}
}

func shorten(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 200 {
		return s[:200] + "…"
	}
	return s
}
