// Package benchscenario writes the scenarios make bench measures, at any
// number of contracts and months, for the Go benchmarks and the page's.
package benchscenario

import (
	"fmt"
	"strings"
)

// Scenario is contracts contracts (resources of two each) over months
// months from 2027-01: a quarter each always on, some hours a month, always
// on from a later month, and disks for part of the horizon; with passports
// and credits. The shapes of engine/contract's benchScenario, placed within
// any horizon.
func Scenario(contracts, months int) []byte {
	servers := []string{"server/2core-4gb", "server/4core-8gb", "server/4core-4gb", "server/2core-2gb"}
	zones := []string{"tk1a", "is1b"}
	month := func(i int) string { return fmt.Sprintf("%04d-%02d", 2027+i/12, i%12+1) }
	var res []string
	for i := 0; i < contracts/2; i++ {
		item, zone := servers[i%len(servers)], zones[i%len(zones)]
		var usage, extra string
		switch i % 4 {
		case 0:
			usage = `{"pattern":"always"}`
		case 1:
			usage = fmt.Sprintf(`{"pattern":"hours","hours":"%d.5"}`, 100+i%600)
		case 2:
			usage = `{"pattern":"always"}`
			extra = fmt.Sprintf(`,"from":%q`, month(i%months))
		case 3:
			item = fmt.Sprintf("disk/ssd-%dgb", []int{20, 40, 100, 250}[i%4/3])
			usage = `{"pattern":"always"}`
			extra = fmt.Sprintf(`,"from":%q,"until":%q`, month(i%max(1, months/2)), month(months-1))
		}
		res = append(res, fmt.Sprintf(`{"id":"r%d","item":%q,"zone":%q,"count":2,"usage":%s%s}`, i, item, zone, usage, extra))
	}
	return []byte(fmt.Sprintf(`{"catalog":"list-2026","start":"2027-01","months":%d,"resources":[%s],
	"passports":[{"item":"server/4core-8gb","zone":"tk1a","term":12,"count":%d,"purchased":"2027-01"}],
	"credits":[{"kind":"coupon","amount":"20000","registered":"2027-01-05","expires":"2027-06-30"},
	  {"kind":"prepaid","amount":"500000","registered":"2027-02-10"}]}`, months, strings.Join(res, ","), max(1, contracts/20)))
}
