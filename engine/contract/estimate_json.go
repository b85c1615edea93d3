package contract

import (
	"encoding/json"
	"fmt"
	"github.com/sakura-sim/pricesim/engine"
	"github.com/sakura-sim/pricesim/engine/document"
)

// EstimateJSON decodes a scenario, estimates it, and returns the estimate
// (ok) or the contract's error list (not ok). It never panics: an internal
// failure becomes an error list too.
func EstimateJSON(scenario []byte) (out []byte, ok bool) {
	defer func() {
		if p := recover(); p != nil {
			out, ok = document.ErrorDocument(fmt.Errorf("internal error in the engine: %v", p)), false
		}
	}()
	s, err := DecodeScenario(scenario)
	if err != nil {
		return document.ErrorDocument(err), false
	}
	res, err := engine.Estimate(s)
	if err != nil {
		return document.ErrorDocument(err), false
	}
	out, err = json.Marshal(res)
	if err != nil {
		return document.ErrorDocument(fmt.Errorf("writing the estimate: %w", err)), false
	}
	return out, true
}
