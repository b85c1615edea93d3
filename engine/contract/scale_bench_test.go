package contract

import (
	"fmt"
	"testing"

	. "github.com/sakura-sim/pricesim/engine"
	"github.com/sakura-sim/pricesim/scripts/benchscenario"
)

// scaleSizes are the grid: contracts × months, within the 120,000
// contract-month limit.
var scaleSizes = []struct{ contracts, months int }{
	{10, 12}, {10, 36}, {10, 120},
	{100, 12}, {100, 36}, {100, 120},
	{1000, 12}, {1000, 36}, {1000, 120},
	{10000, 12},
}

func sizeName(contracts, months int) string { return fmt.Sprintf("%dx%d", contracts, months) }

// BenchmarkScale_Estimate is the billing work alone, at every size.
func BenchmarkScale_Estimate(b *testing.B) {
	for _, sz := range scaleSizes {
		b.Run(sizeName(sz.contracts, sz.months), func(b *testing.B) {
			s, err := DecodeScenario(benchscenario.Scenario(sz.contracts, sz.months))
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Estimate(s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkScale_EstimateJSON is the command line's path: the full document.
func BenchmarkScale_EstimateJSON(b *testing.B) {
	for _, sz := range scaleSizes {
		b.Run(sizeName(sz.contracts, sz.months), func(b *testing.B) {
			in := benchscenario.Scenario(sz.contracts, sz.months)
			b.ReportAllocs()
			for b.Loop() {
				if out, ok := EstimateJSON(in); !ok {
					b.Fatalf("%s", out)
				}
			}
		})
	}
}

// BenchmarkScale_Summary is the page's path: the estimateSummary request.
func BenchmarkScale_Summary(b *testing.B) {
	for _, sz := range scaleSizes {
		b.Run(sizeName(sz.contracts, sz.months), func(b *testing.B) {
			in := []byte(`{"request":"estimateSummary","scenario":` + string(benchscenario.Scenario(sz.contracts, sz.months)) + `}`)
			b.ReportAllocs()
			var out []byte
			for b.Loop() {
				var ok bool
				if out, ok = HandleJSON(in); !ok {
					b.Fatalf("%s", out)
				}
			}
			b.ReportMetric(float64(len(out)), "answer-bytes")
		})
	}
}
