package contract

import (
	"fmt"
	"strings"

	"github.com/sakura-sim/pricesim/engine"
	"github.com/sakura-sim/pricesim/engine/document"
)

// maxRequestBytes bounds what the page may send: five zones' price lists fit
// many times over, and a runaway paste gets an error instead of a frozen tab.
const maxRequestBytes = 16 << 20

// request names what a document with a top-level "request" asks for.
type request uint8

const (
	requestCatalogs request = iota + 1
	requestImportPrices
	requestMatchItems
	requestFeeCurve
	requestEstimateSummary
	requestEstimateMonth
	requestBreakdown
	requestAdvisePassports
	requestCompareEstimates
)

// requestNames are the requests' wire names, in the README's order.
var requestNames = [...]string{
	requestCatalogs:         "catalogs",
	requestImportPrices:     "importPrices",
	requestMatchItems:       "matchItems",
	requestFeeCurve:         "feeCurve",
	requestEstimateSummary:  "estimateSummary",
	requestEstimateMonth:    "estimateMonth",
	requestBreakdown:        "breakdown",
	requestAdvisePassports:  "advisePassports",
	requestCompareEstimates: "compareEstimates",
}

func (q request) String() string { return requestNames[q] }

func parseRequest(name string) (request, bool) {
	for q := requestCatalogs; q <= requestCompareEstimates; q++ {
		if requestNames[q] == name {
			return q, true
		}
	}
	return 0, false
}

// envelope is a parsed document: a scenario, or a request with its fields.
type envelope struct {
	request request // 0: a plain scenario
	body    map[string]any
}

// HandleJSON answers any document the engine is sent: a plain scenario gets
// its estimate, exactly as EstimateJSON writes it; an object with a top-level
// "request" gets that request's answer (the comment at the top of request.go
// and the README list them). The document is parsed once. ok is false when
// out is the contract's error list. It never panics.
func HandleJSON(in []byte) (out []byte, ok bool) {
	defer recoverInto(&out, &ok)
	if len(in) > maxRequestBytes {
		return invalidDocument(engine.SubjectDocument, engine.NewFieldError("", "tooLarge", "document", engine.SubjectDocument,
			"size", document.Thousands(len(in)), "maxMB", fmt.Sprint(maxRequestBytes>>20), "max", document.Thousands(maxRequestBytes))), false
	}
	v, dups, err := document.Parse(in)
	if err != nil {
		// Without a document there is no telling what was meant; the page
		// sends scenarios far more often than requests.
		return document.ErrorDocument(syntaxInvalid(engine.SubjectScenario, err)), false
	}
	env, err := route(v)
	if err != nil {
		return document.ErrorDocument(err), false
	}
	if env.request == 0 {
		if err := checkScenarioSize(len(in)); err != nil {
			return document.ErrorDocument(err), false
		}
		return estimateValue(v, dups)
	}
	var resp answer
	switch env.request {
	case requestEstimateSummary, requestEstimateMonth, requestBreakdown:
		// Written by hand, as estimates are: json.Marshal would copy and
		// re-check every byte.
		if err := checkScenarioSize(len(in)); err != nil {
			return document.ErrorDocument(err), false
		}
		switch env.request {
		case requestEstimateSummary:
			out, err = estimateSummaryRequest(env.body, dups)
		case requestEstimateMonth:
			out, err = estimateMonthRequest(env.body, dups)
		default:
			out, err = breakdownRequest(env.body, dups)
		}
		if err != nil {
			return document.ErrorDocument(err), false
		}
		return out, true
	case requestCatalogs:
		resp, err = catalogsRequest(env.body)
	case requestImportPrices:
		resp, err = importPricesRequest(env.body)
	case requestMatchItems:
		resp, err = matchItemsRequest(env.body)
	case requestFeeCurve:
		resp, err = feeCurveRequest(env.body)
	case requestAdvisePassports:
		resp, err = advisePassportsRequest(env.body, dups)
	case requestCompareEstimates:
		resp, err = compareEstimatesRequest(env.body, dups)
	}
	if err != nil {
		return document.ErrorDocument(err), false
	}
	out, _ = resp.MarshalJSON() // the writers never fail
	return out, true
}

// route reads the envelope: any document without a top-level "request" is a
// scenario; a "request" must name a known request.
func route(v any) (envelope, error) {
	obj, isObj := v.(map[string]any)
	if !isObj {
		return envelope{}, nil
	}
	raw, present := obj["request"]
	if !present {
		return envelope{}, nil
	}
	names := strings.Join(requestNames[1:], ", ")
	name, isStr := raw.(string)
	if !isStr {
		return envelope{}, document.Invalid(engine.SubjectRequest, []engine.FieldError{
			engine.NewFieldError("request", "badRequestName", "requests", names)}, 1)
	}
	q, known := parseRequest(name)
	if !known {
		return envelope{}, document.Invalid(engine.SubjectRequest, []engine.FieldError{
			engine.NewFieldError("request", "unknownRequest", "request", name, "requests", names)}, 1)
	}
	return envelope{request: q, body: obj}, nil
}

// recoverInto turns a panic into the error list: a bug must not take the
// page's engine down with it.
func recoverInto(out *[]byte, ok *bool) {
	if p := recover(); p != nil {
		*out, *ok = invalidDocument(engine.SubjectDocument, engine.NewFieldError("", "internalError", "detail", fmt.Sprint(p))), false
	}
}

func invalidDocument(subject string, p engine.FieldError) []byte {
	return document.ErrorDocument(&engine.ValidationError{Subject: subject, Problems: []engine.FieldError{p}})
}
