package engine

import "strings"

// Code names a kind of problem with an input document, stably, so a page can
// show the problem in the user's language: the English message is the code's
// template below with its arguments filled in, and a translation needs only
// the code and the arguments (contract.md, "Errors"). The README lists them.
type Code string

// Arg is one named value a problem's message uses.
type Arg struct {
	Name, Value string
}

// problemTemplates holds each code's English message; {name} is filled from
// the argument of that name. The list is in the README's order.
var problemTemplates = map[Code]string{
	// The document as a whole.
	"emptyDocument": "the {document} is empty: expected a JSON object",
	"badJSON":       "the {document} is not valid JSON: {detail} (line {line}, column {column})",
	"truncatedJSON": "the {document} is not valid JSON: it ends before the document is complete",
	"trailingData":  "the {document} is not valid JSON: more follows the document's end (line {line}, column {column})",
	"tooDeep":       "the {document} is not valid JSON: it nests deeper than {max} levels",
	"tooLarge":      "the {document} is {size} bytes; at most {maxMB} MB ({max} bytes) is accepted",
	"notScenario":   "the scenario must be a JSON object, such as {\"start\": \"2026-04\", \"months\": 12, \"resources\": [...]}",
	"tooManyErrors": "{count} more problems are not listed",
	"internalError": "internal error in the engine: {detail}",
	"invalidValue":  "{detail}",

	// The browser adapter's call.
	"badArguments":       "estimate expects one JSON string, got {count} arguments",
	"badArgumentType":    "estimate expects one JSON string, got an argument of type {type}",
	"unreadableArgument": "estimate could not read its argument: {detail}",
	"duplicateKey":       "is given more than once: keep one",
	"unknownField":       "is not a known field (allowed: {allowed})",
	"misspeltField":      "is not a known field: did you mean \"{suggestion}\"?",
	"unknownRequest":     "unknown request \"{request}\": must be one of {requests}",
	"badRequestName":     "must be the name of a request: one of {requests}",

	// Types and formats of single values.
	"required":         "is required",
	"notObject":        "must be an object",
	"notList":          "must be a list",
	"notString":        "must be a string",
	"notBoolean":       "must be true or false",
	"empty":            "must not be empty",
	"outOfRange":       "must be a whole number from {min} to {max}",
	"quotedNumber":     "must be a number written without quotes ({number}, not \"{text}\")",
	"amountAsNumber":   "must be an amount written as a string, such as \"9504\"",
	"badAmount":        "must be an amount in yen, such as \"9504\"",
	"negative":         "must not be negative",
	"notWholeYen":      "must be a whole number of yen",
	"notPositive":      "must be more than 0 yen",
	"badDecimal":       "must be a decimal number such as \"9504\" or \"47.5\"",
	"tooManyDigits":    "has too many digits",
	"badMonth":         "must be a month written YYYY-MM, such as \"2026-04\"",
	"badDate":          "must be a date written YYYY-MM-DD, such as \"2026-04-01\"",
	"badTime":          "must be a time written like \"2026-12-03T09:00:00+09:00\" (no offset means JST)",
	"fractionalSecond": "must be in whole seconds, without a fraction",

	// Scenarios.
	"tooManyEntries":          "lists {count} entries; at most {max} are accepted",
	"tooManyContractMonths":   "describe {contracts} contracts over {months} months ({contractMonths} contract-months); at most {max} contract-months can be estimated",
	"noShippedCatalog":        "is required: no catalog is shipped with this build",
	"unknownCatalog":          "\"{catalog}\" is not a shipped catalog (shipped: {shipped}); give a catalog object for other prices",
	"badCatalog":              "must be the id of a shipped catalog ({shipped}) or a catalog object",
	"itemInCatalog":           "item \"{item}\" in zone \"{zone}\" is already in the catalog: use overrides to change its prices",
	"duplicateItem":           "item \"{item}\" in zone \"{zone}\" is listed twice",
	"duplicateOverride":       "item \"{item}\" in zone \"{zone}\" already has an override",
	"emptyOverride":           "overrides no price: give hourly, daily or monthly",
	"overrideRemovesAll":      "removes every price of item \"{item}\": at least one of hourly, daily, monthly must remain",
	"unknownItem":             "\"{item}\" is not an item of catalog \"{catalog}\"",
	"unknownZone":             "item \"{item}\" is not offered in zone \"{zone}\" (offered in: {zones})",
	"duplicateID":             "\"{id}\" is already the id of {list}[{index}]",
	"untilBeforeFrom":         "must not be before from ({from})",
	"afterHorizon":            "is after the horizon's last month {last}",
	"beforeHorizon":           "is before the horizon's first month {first}",
	"notForIntervals":         "does not apply to the \"intervals\" pattern: the intervals say when it exists",
	"notForPattern":           "does not apply to the \"{pattern}\" pattern",
	"requiredUsage":           "is required: {\"pattern\": \"always\"}, {\"pattern\": \"hours\", \"hours\": \"200\"} or {\"pattern\": \"intervals\", \"intervals\": [...]}",
	"notUsage":                "must be an object such as {\"pattern\": \"always\"}",
	"requiredPattern":         "is required: {patterns}",
	"badPattern":              "must be one of {patterns}",
	"requiredHours":           "is required: the hours of use in each month, from 0 to 744",
	"badHours":                "must be a number of hours from 0 to 744",
	"requiredIntervals":       "is required: a list of {\"start\", \"end\"} times",
	"notIntervals":            "must be a list of {\"start\", \"end\"} times",
	"noIntervals":             "must list at least one interval",
	"intervalOutsideHorizon":  "lies outside the horizon {first} to {last}",
	"overlap":                 "overlaps {other}: intervals of one resource must not overlap",
	"endNotAfterStart":        "must be after start",
	"outagesNotServer":        "apply only to servers: \"{item}\" is a {kind}",
	"outagesWithHours":        "do not apply to the \"hours\" pattern: give the hours actually used instead",
	"passportNotServer":       "\"{item}\" is a {kind}: discount passports are for servers only",
	"notPassportPlan":         "plan \"{item}\" in zone \"{zone}\" is not eligible for discount passports",
	"badTerm":                 "must be 12, 24 or 36 months",
	"passportTooEarly":        "is too early: the {term}-month term ends in {ends}, before the horizon starts ({first})",
	"badCreditKind":           "must be \"coupon\" or \"prepaid\"",
	"badEffort":               "must be \"quick\" or \"thorough\"",
	"expiresOnPrepaid":        "must not be given for a prepaid ID: it is valid for 12 months from registration",
	"couponOnly":              "applies only to coupons, not to a prepaid ID",
	"badPrepaidAmount":        "must be 10,000, 30,000, or 50,000 yen or more: the amounts prepaid IDs are sold for",
	"expiresBeforeRegistered": "must not be before the registration date {registered}",
	"badCouponCode":           "must be the coupon's 16 digits, optionally grouped with spaces or hyphens (\"1234-5678-9012-3456\")",
	"prepaidTooEarly":         "is too early: the prepaid ID expires on {expires} (12 months from registration), before the horizon starts ({first})",
	"couponExpiresTooEarly":   "is before the horizon starts ({first}): the coupon could pay nothing",
	"badAlert":                "must be from 1 to 999,999,999 yen",

	// Catalogs (inline, custom items, requests).
	"requiredTaxRate":        "is required: the consumption tax rate, such as \"0.10\" for 10 %",
	"badTaxRate":             "must be the consumption tax rate as a decimal string from 0 to below 1, such as \"0.10\" for 10 %",
	"noItems":                "must list at least one item",
	"duplicateCatalogItem":   "item \"{item}\" in zone \"{zone}\" is listed twice (also at items[{index}])",
	"badKind":                "must be one of {kinds}",
	"noPrice":                "has no price: give at least one of hourly, daily, monthly",
	"passportPlanNotServer":  "only servers can be passport plans",
	"passportPlanNoFee":      "a passport plan needs a monthly fee or passportFees",
	"badEstimated":           "must be \"hourly\", \"daily\" or \"monthly\"",
	"badDiskType":            "must be \"ssd\" or \"hdd\"",
	"badPassportTerm":        "must be a passport term: \"12\", \"24\" or \"36\"",
	"passportFeeNotWholeYen": "a passport fee must be a whole number of yen",
	"requiredCatalogRef":     "is required: a shipped catalog's id or a catalog object",
	"unknownCatalogRef":      "unknown catalog \"{catalog}\": shipped are {shipped}",
	"badCatalogRef":          "must be a shipped catalog's id or a catalog object",
	"requiredPrice":          "give at least one of hourly, daily, monthly",

	// Price documents of the official price list.
	"requiredDocuments":      "is required: the price documents of the public price API, one per zone",
	"zonesPerDocument":       "must give one zone per document ({documents} documents, {zones} zones)",
	"badZone":                "must be a zone such as \"is1a\"",
	"noDocuments":            "give at least one price document (one per zone)",
	"noItemImported":         "no service class could be turned into a catalog item: see the unmatched list",
	"notPriceDocument":       "must be a price document: an object with ServiceClasses",
	"requiredServiceClasses": "is required: is this a response of the public price API?",
	"badServiceClassKey":     "must be keyed by an index such as \"0\"",
	"notServiceClassList":    "must be a list of service classes",
	"notServiceClass":        "must be a service class (an object)",
	"badPriceObject":         "must be an object of prices, or [] for none",
	"badOfficialPrice":       "must be a price in yen: a number of at least 0",
	"partialDocument":        "holds {count} of {total} service classes: the others are not in this document",

	// Service classes an import leaves out (its "unmatched" list).
	"classNoPrice":     "has no price",
	"classNoZone":      "names no zone, and the document's zone is not known",
	"classListedTwice": "is listed twice for zone {zone}; the first is kept",
	"classSameItem":    "is the same item ({item}) as {first} in zone {zone}; the first is kept",
	"classNoPath":      "has no ServiceClassPath",

	// The path grammar and the import's own checks (engine/pricelist).
	"classNotPublic":      "is not public (IsPublic false): not sold to everyone, so it is skipped and never hides the public class",
	"classUnknownFamily":  "is a kind of service ({family}) the simulator does not price: add it as a custom item",
	"classUnknownPath":    "is a {family} path the simulator cannot read (expected {expected}): add it as a custom item",
	"classUsageBased":     "is priced by use ({fields}), not by the hour, day or month: add your expected monthly figure as a custom item",
	"classBackupNoPrice":  "has no price of its own: automatic backup is billed through the archives it keeps (cloud/archive/…)",
	"badResponsedAt":      "must be a time such as \"2026-06-13T00:06:55+09:00\"",
	"requiredAsOfFor":     "is required: {document} has no ResponsedAt to date its prices (and their tax rate)",
	"mixedTaxRates":       "is dated {date} ({rate} % tax) but {first} is dated {firstDate} ({firstRate} %): a catalog has one tax rate, so import them separately",
	"responsedAtTaxEra":   "answered on {date}, with {rate} % tax; asOf {asOf} would mean {asOfRate} %: the document's own date is used",
	"duplicateZoneSource": "zone \"{zone}\" is listed twice",

	// Passport plans an import cannot carry over, and an overlay refused.
	"passportNoCounterpart": "no imported item stands for this passport plan: {reason}",
	"passportNoMonthly":     "{item} stands for it in {zone} but has no monthly fee, which a passport's fee is made of (R5.3)",
	"taxRateDiffers":        "the price lists of {date} include {rate} % tax and catalog {base} {baseRate} %: a catalog has one tax rate (R6.2), so the import is a catalog of its own",
}

// NewFieldError is the problem code at path, its message built from the
// code's template and args, given as name, value pairs.
func NewFieldError(path string, code Code, args ...string) FieldError {
	e := FieldError{Path: path, Code: code}
	if len(args) > 0 {
		e.Args = make([]Arg, 0, len(args)/2)
		for i := 0; i+1 < len(args); i += 2 {
			e.Args = append(e.Args, Arg{args[i], args[i+1]})
		}
	}
	e.Message = expand(problemTemplates[code], e.Args)
	return e
}

// expand fills {name} in template from args.
func expand(template string, args []Arg) string {
	if len(args) == 0 {
		return template
	}
	pairs := make([]string, 0, 2*len(args))
	for _, a := range args {
		pairs = append(pairs, "{"+a.Name+"}", a.Value)
	}
	return strings.NewReplacer(pairs...).Replace(template)
}

// Template is code's English message with {name} where its arguments go.
func Template(code Code) string { return problemTemplates[code] }

// ProblemCodes returns every code with its English template, for the README
// and the tests that keep the two in step.
func ProblemCodes() map[Code]string {
	out := make(map[Code]string, len(problemTemplates))
	for c, t := range problemTemplates {
		out[c] = t
	}
	return out
}
