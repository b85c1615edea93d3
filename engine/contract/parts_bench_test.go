package contract

import (
	"testing"

	"github.com/sakura-sim/pricesim/engine"
)

// The parts of BenchmarkEstimateJSON: decoding the scenario, and writing the
// estimate, each alone.
func BenchmarkDecodeScenario(b *testing.B) {
	in := benchScenario()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DecodeScenario(in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAppendEstimate(b *testing.B) {
	s, err := DecodeScenario(benchScenario())
	if err != nil {
		b.Fatal(err)
	}
	r, err := engine.Estimate(s)
	if err != nil {
		b.Fatal(err)
	}
	buf := make([]byte, 0, estimateSize(r))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		buf = AppendEstimate(buf[:0], r)
	}
	b.ReportMetric(float64(len(buf)), "bytes")
	b.ReportMetric(float64(estimateSize(r)), "sizeGuess")
}
