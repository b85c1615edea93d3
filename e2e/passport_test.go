//go:build e2e

package e2e

import "testing"

// Seed 002's table, reproduced through the form: one 4-core/8 GB server in
// tk1a all the time from 2018-12 for 36 months, with one passport right
// bought in 2018-12 for 12, then 24, then 36 months, then none.
//
// Worked by hand from the seed (R5.3: fee = floor(9,504 × k); R5.5):
//
//	12 months: fee 11,404, then 7,603 a month: year 1 = 11,404 + 12 × 7,603 = 102,640;
//	           years 2 and 3 undiscounted, 12 × 9,504 = 114,048.
//	24 months: fee 45,619, then 6,177: year 1 = 45,619 + 12 × 6,177 = 119,743,
//	           year 2 = 12 × 6,177 = 74,124 (years 1–2: 193,867); year 3 = 114,048.
//	36 months: fee 102,643, then 4,752: year 1 = 102,643 + 57,024 = 159,667,
//	           years 2 and 3 = 57,024 (all three: 273,715).
//	Without passports every year is 114,048: 228,096 over two, 342,144 over three.
//	Break-even (R9.3, the seed's months 6, 14 and 22): 2019-05, 2020-01, 2020-09.
func TestPassport_seed002(t *testing.T) {
	t.Parallel()
	p := newTab(t)
	p.period("seed-2018", "2018-12", "36")
	p.resource(0, "web", "server/4core-8gb", "tk1a")
	pp := p.addPassport("tk1a", "server/4core-8gb", "12", "2018-12")

	tests := []struct {
		term       string
		years      [3]string
		endOfTerm  string // the term's last month
		cumulative string // with passports, at the term's end
		breakEven  string
	}{
		{"12", [3]string{"102640", "114048", "114048"}, "2019-11", "102640", "2019-05"},
		{"24", [3]string{"119743", "74124", "114048"}, "2020-11", "193867", "2020-01"},
		{"36", [3]string{"159667", "57024", "57024"}, "2021-11", "273715", "2020-09"},
	}
	for _, tt := range tests {
		t.Logf("passport of %s months", tt.term)
		p.choose(pp.in("passport-term"), tt.term)
		for i, want := range tt.years {
			p.waitValue(yearCell(i+1, "total"), want)
			p.waitValue(yearCell(i+1, "withoutPassports"), "114048")
		}
		p.waitValue(cumulativeCell(tt.endOfTerm, "cumulative"), tt.cumulative)
		p.waitValue(row("passport-summary", 0).find(col("breakEven")), tt.breakEven)
	}
	for month, want := range map[string]string{"2019-11": "114048", "2020-11": "228096", "2021-11": "342144"} {
		p.waitValue(cumulativeCell(month, "cumulativeWithoutPassports"), want)
	}

	t.Log("no passport")
	p.click(pp.in("remove-passport"))
	for year := 1; year <= 3; year++ {
		p.waitValue(yearCell(year, "total"), "114048")
	}
	p.waitValue(cumulativeCell("2021-11", "cumulative"), "342144")
}
