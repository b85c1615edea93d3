package contract

import (
	"github.com/sakura-sim/pricesim/engine"
	"github.com/sakura-sim/pricesim/engine/document"
)

// EstimateJSON decodes a scenario, estimates it, and returns the estimate
// (ok) or the contract's error list (not ok). It never panics: an internal
// failure becomes an error list too. HandleJSON answers a plain scenario
// with the same bytes.
func EstimateJSON(scenario []byte) (out []byte, ok bool) {
	defer recoverInto(&out, &ok)
	if err := checkScenarioSize(len(scenario)); err != nil {
		return document.ErrorDocument(err), false
	}
	v, dups, err := document.Parse(scenario)
	if err != nil {
		return document.ErrorDocument(syntaxInvalid(engine.SubjectScenario, err)), false
	}
	return estimateValue(v, dups)
}

// estimateValue decodes, estimates and writes a parsed scenario.
func estimateValue(v any, dups []string) ([]byte, bool) {
	s, err := decodeScenarioValue(v, dups)
	if err != nil {
		return document.ErrorDocument(err), false
	}
	res, err := engine.Estimate(s)
	if err != nil {
		return document.ErrorDocument(err), false
	}
	return AppendEstimate(make([]byte, 0, estimateSize(res)), res), true
}
