package engine

// contractFee is one contract's usage fee in one month (R3, R4), before any
// passport: what the fee stage produces and the later stages read.
type contractFee struct {
	resource int // index in the scenario's resources
	contract int // numbered from 1 per resource (R3.3)
	seconds  int64
	fee      *Fee // shared by every contract with the same usage
}

// usageOf is the usage stage: for each resource, the seconds of each of its
// shapes in each month of the horizon (R2).
func usageOf(s Scenario) [][][]int64 {
	out := make([][][]int64, len(s.Resources))
	for ri, r := range s.Resources {
		out[ri] = usageShapes(r, s.Start, s.Months)
	}
	return out
}

// feesOf is the fee stage: every contract of every resource with use in a
// month gets its fee (R4), in scenario order of resources, then contract
// number. Copies of a resource, and months of equal length, repeat the same
// usage, so each distinct usage is priced once per resource.
func feesOf(s Scenario, usage [][][]int64) [][]contractFee {
	counts := make([]int, s.Months)
	for ri, shapes := range usage {
		for _, shape := range shapes {
			for mi, sec := range shape {
				if sec > 0 {
					counts[mi] += s.Resources[ri].Count
				}
			}
		}
	}
	months := make([][]contractFee, s.Months)
	for mi := range months {
		months[mi] = make([]contractFee, 0, counts[mi])
	}
	for ri, r := range s.Resources {
		shapes := usage[ri]
		priced := map[int64]*Fee{}
		k := len(shapes)
		for mi := range months {
			for copyN := 0; copyN < r.Count; copyN++ {
				for j, shape := range shapes {
					sec := shape[mi]
					if sec <= 0 {
						continue
					}
					f, ok := priced[sec]
					if !ok {
						fee := FeeFor(r.Item.Prices, sec)
						f = &fee
						priced[sec] = f
					}
					months[mi] = append(months[mi], contractFee{resource: ri, contract: copyN*k + j + 1, seconds: sec, fee: f})
				}
			}
		}
	}
	return months
}
