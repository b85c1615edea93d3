package contract

import (
	"fmt"
	. "github.com/sakura-sim/pricesim/engine"
	"strings"
	"testing"
)

// benchScenario is 1,000 contracts over 36 months: 500 resources of two copies
// each, a quarter each running always, some hours a month, in exact intervals
// (with an outage), and disks that exist from a month on; with passports and
// credits so every stage of the estimate does work.
func benchScenario() []byte {
	servers := []string{"server/2core-4gb", "server/4core-8gb", "server/4core-4gb", "server/2core-2gb"}
	zones := []string{"tk1a", "is1b"}
	var res []string
	for i := 0; i < 500; i++ {
		item, zone := servers[i%len(servers)], zones[i%len(zones)]
		var usage, extra string
		switch i % 4 {
		case 0:
			usage = `{"pattern":"always"}`
			extra = fmt.Sprintf(`,"from":"2027-%02d"`, i%12+1)
		case 1:
			usage = fmt.Sprintf(`{"pattern":"hours","hours":"%d.5"}`, 100+i%600)
		case 2:
			usage = `{"pattern":"intervals","intervals":[` +
				`{"start":"2027-01-03T09:00:00","end":"2027-03-10T18:30:00"},` +
				`{"start":"2027-06-01T00:00:00","end":"2028-02-29T12:00:00"},` +
				`{"start":"2028-05-05T05:05:05","end":"2029-12-01T00:00:00"}]}`
			extra = `,"outages":[{"start":"2027-07-01T10:00:00","end":"2027-07-01T13:30:00"}]`
		case 3:
			item = fmt.Sprintf("disk/ssd-%dgb", []int{20, 40, 100, 250}[i%4/3])
			usage = `{"pattern":"always"}`
			extra = fmt.Sprintf(`,"from":"2027-%02d","until":"2029-%02d"`, i%12+1, i%12+1)
		}
		res = append(res, fmt.Sprintf(`{"id":"r%d","item":%q,"zone":%q,"count":2,"usage":%s%s}`, i, item, zone, usage, extra))
	}
	return []byte(`{"catalog":"list-2026","start":"2027-01","months":36,"resources":[` + strings.Join(res, ",") + `],
	"passports":[
	  {"item":"server/4core-8gb","zone":"tk1a","term":36,"count":40,"purchased":"2027-01"},
	  {"item":"server/2core-4gb","zone":"tk1a","term":12,"count":60,"purchased":"2027-06"},
	  {"item":"server/2core-2gb","zone":"is1b","term":24,"count":30,"purchased":"2028-01"}],
	"credits":[
	  {"kind":"coupon","amount":"20000","registered":"2027-01-05","expires":"2027-06-30"},
	  {"kind":"prepaid","amount":"500000","registered":"2027-02-10"},
	  {"kind":"prepaid","amount":"30000","registered":"2028-03-01"}],
	"alerts":{"billAbove":"2000000","balanceBelow":"100000"}}`)
}

func BenchmarkEstimate(b *testing.B) {
	s, err := DecodeScenario(benchScenario())
	if err != nil {
		b.Fatal(err)
	}
	contracts := 0
	for _, r := range s.Resources {
		contracts += r.Count
	}
	if contracts != 1000 {
		b.Fatalf("benchmark scenario has %d contracts, want 1000", contracts)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Estimate(s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEstimateJSON includes decoding and writing JSON, as the page pays.
func BenchmarkEstimateJSON(b *testing.B) {
	in := benchScenario()
	b.ReportAllocs()
	for b.Loop() {
		if out, ok := EstimateJSON(in); !ok {
			b.Fatalf("%s", out)
		}
	}
}
