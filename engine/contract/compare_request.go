package contract

import (
	"errors"
	"strconv"

	"github.com/sakura-sim/pricesim/engine"
	"github.com/sakura-sim/pricesim/engine/document"
)

// maxCompared is how many estimates one comparison holds (issue 14: two to four).
const maxCompared = 4

// compareEstimatesRequest answers {"request": "compareEstimates", "scenarios":
// [s1, …, s4]}: for each scenario the figures the comparison shows (years,
// horizon totals with and without passports, per kind of resource, credits
// used, charged, the cumulative total each month), and the differences of
// each against the first, so the page subtracts no money itself. A problem in
// scenario i is reported at its path under "scenarios[i]".
func compareEstimatesRequest(obj map[string]any, dups []string) (answer, error) {
	r := &reader{document.Reader{Subject: engine.SubjectRequest}}
	r.Object("", obj, "request", "scenarios")
	list := r.Array("", obj, "scenarios")
	if _, present := obj["scenarios"]; !present {
		r.Fail("scenarios", "required")
	} else if r.OK() && (len(list) < 2 || len(list) > maxCompared) {
		r.Fail("scenarios", "outOfRange", "min", "2", "max", strconv.Itoa(maxCompared))
	}
	if err := r.Err(); err != nil {
		return nil, err
	}
	resp := compareResponse{estimates: make([]comparedEstimate, len(list))}
	var problems []engine.FieldError
	for i, v := range list {
		prefix := document.Index("scenarios", i) + "."
		var inner []string
		for _, d := range dups {
			if len(d) > len(prefix) && d[:len(prefix)] == prefix {
				inner = append(inner, d[len(prefix):])
			}
		}
		s, err := decodeScenarioValue(v, inner)
		var res engine.Result
		if err == nil {
			res, err = engine.Estimate(s)
		}
		var invalid *engine.ValidationError
		if errors.As(err, &invalid) {
			for _, p := range invalid.Problems {
				if p.Path == "" {
					p.Path = document.Index("scenarios", i)
				} else {
					p.Path = document.Index("scenarios", i) + "." + p.Path
				}
				problems = append(problems, p)
			}
			continue
		} else if err != nil {
			return nil, err
		}
		resp.estimates[i] = comparedOf(res)
	}
	if len(problems) > 0 {
		return nil, &engine.ValidationError{Subject: engine.SubjectScenario, Problems: problems}
	}
	return resp, nil
}

// comparedEstimate is one column of the comparison.
type comparedEstimate struct {
	years                                []engine.YearTotal
	total, without, creditsUsed, charged engine.Yen
	passportFees                         engine.Yen
	kinds                                []engine.KindTotal
	cumulative                           []engine.Yen
	months                               []engine.Month
}

func comparedOf(res engine.Result) comparedEstimate {
	c := comparedEstimate{years: res.Years, kinds: engine.KindTotals(res), passportFees: engine.PassportFeesTotal(res)}
	for _, y := range res.Years {
		c.creditsUsed = c.creditsUsed.Add(y.CreditsUsed)
		c.charged = c.charged.Add(y.Charged)
	}
	for _, m := range res.Months {
		c.cumulative = append(c.cumulative, m.Cumulative)
		c.months = append(c.months, m.Month)
	}
	if n := len(res.Months); n > 0 {
		c.total, c.without = res.Months[n-1].Cumulative, res.Months[n-1].CumulativeWithoutPassports
	}
	return c
}

type compareResponse struct{ estimates []comparedEstimate }

// MarshalJSON writes {"estimates":[{"years":[{"year","from","to","total",
// "withoutPassports","creditsUsed","charged"}],"total","withoutPassports",
// "passportFees","creditsUsed","charged","kinds":[{"kind","total",
// "withoutPassports"}],"cumulative":[{"month","cumulative"}]}],
// "differences":[{"total","withoutPassports","passportFees","creditsUsed",
// "charged","years":[{"year","total","withoutPassports"}],"kinds":[{"kind",
// "total","withoutPassports"}]}]}: differences[i] is estimates[i+1] minus
// estimates[0] (a year or kind one side lacks counts as 0 there).
func (r compareResponse) MarshalJSON() ([]byte, error) {
	w := coldWriter{writer{b: make([]byte, 0, 1024)}}
	w.raw(`{"estimates":[`)
	for i, e := range r.estimates {
		w.comma(i)
		w.raw(`{"years":[`)
		for j, y := range e.years {
			w.comma(j)
			w.raw(`{"year":`)
			w.int(int64(y.Year))
			w.raw(`,"from":`)
			w.monthValue(y.From)
			w.raw(`,"to":`)
			w.monthValue(y.To)
			w.raw(`,"total":`)
			w.yen(y.Total)
			w.raw(`,"withoutPassports":`)
			w.yen(y.WithoutPassports)
			w.raw(`,"creditsUsed":`)
			w.yen(y.CreditsUsed)
			w.raw(`,"charged":`)
			w.yen(y.Charged)
			w.close('}')
		}
		w.raw(`],"total":`)
		w.yen(e.total)
		w.raw(`,"withoutPassports":`)
		w.yen(e.without)
		w.raw(`,"passportFees":`)
		w.yen(e.passportFees)
		w.raw(`,"creditsUsed":`)
		w.yen(e.creditsUsed)
		w.raw(`,"charged":`)
		w.yen(e.charged)
		w.raw(`,"kinds":[`)
		for j, k := range e.kinds {
			w.comma(j)
			w.raw(`{"kind":`)
			w.enum(k.Kind.String())
			w.raw(`,"total":`)
			w.yen(k.Total)
			w.raw(`,"withoutPassports":`)
			w.yen(k.WithoutPassports)
			w.close('}')
		}
		w.raw(`],"cumulative":[`)
		for j, c := range e.cumulative {
			w.comma(j)
			w.raw(`{"month":`)
			w.monthValue(e.months[j])
			w.raw(`,"cumulative":`)
			w.yen(c)
			w.close('}')
		}
		w.raw(`]}`)
	}
	w.raw(`],"differences":[`)
	for i, e := range r.estimates[1:] {
		first := r.estimates[0]
		w.comma(i)
		w.raw(`{"total":`)
		w.yen(e.total.Sub(first.total))
		w.raw(`,"withoutPassports":`)
		w.yen(e.without.Sub(first.without))
		w.raw(`,"passportFees":`)
		w.yen(e.passportFees.Sub(first.passportFees))
		w.raw(`,"creditsUsed":`)
		w.yen(e.creditsUsed.Sub(first.creditsUsed))
		w.raw(`,"charged":`)
		w.yen(e.charged.Sub(first.charged))
		w.raw(`,"years":[`)
		for j := 0; j < max(len(e.years), len(first.years)); j++ {
			var a, b engine.YearTotal
			if j < len(e.years) {
				a = e.years[j]
			}
			if j < len(first.years) {
				b = first.years[j]
			}
			w.comma(j)
			w.raw(`{"year":`)
			w.int(int64(j + 1))
			w.raw(`,"total":`)
			w.yen(a.Total.Sub(b.Total))
			w.raw(`,"withoutPassports":`)
			w.yen(a.WithoutPassports.Sub(b.WithoutPassports))
			w.close('}')
		}
		w.raw(`],"kinds":[`)
		n := 0
		for _, k := range engine.ItemKinds() {
			a, aok := kindOf(e.kinds, k)
			b, bok := kindOf(first.kinds, k)
			if !aok && !bok {
				continue
			}
			w.comma(n)
			n++
			w.raw(`{"kind":`)
			w.enum(k)
			w.raw(`,"total":`)
			w.yen(a.Total.Sub(b.Total))
			w.raw(`,"withoutPassports":`)
			w.yen(a.WithoutPassports.Sub(b.WithoutPassports))
			w.close('}')
		}
		w.raw(`]}`)
	}
	w.raw(`]}`)
	return w.b, nil
}

func kindOf(list []engine.KindTotal, name string) (engine.KindTotal, bool) {
	for _, k := range list {
		if k.Kind.String() == name {
			return k, true
		}
	}
	return engine.KindTotal{}, false
}
