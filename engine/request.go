package engine

// HandleJSON is the one entry the wasm adapter calls: a scenario gives an
// estimate (EstimateJSON); an object with a "request" key asks for something
// else the page needs from the engine (shipped catalogs, an official price-list
// import, a fee curve). ok is false when out is an error list.
func HandleJSON(in []byte) (out []byte, ok bool) {
	return EstimateJSON(in)
}
