package contract

import (
	"strings"

	"github.com/sakura-sim/pricesim/engine"
	"github.com/sakura-sim/pricesim/engine/document"
)

// The page's two estimate requests. A page shows the totals of every month
// and one line per resource at once, and a month's lines only when the month
// is opened: sending every line of every month on each keystroke cost 7.8 MB
// of JSON at 1,000 contracts × 36 months. Both carry the scenario unchanged
// under "scenario", so a scenario's errors keep the scenario's own paths, and
// both answer what the plain estimate would, only less of it.
//
//	{"request":"estimateSummary","scenario":{…}}
//	→ the estimate document, each month with "lineCount" in place of "lines",
//	  each resource with "firstBilled": {"month","contracts","line"} (its
//	  first month with usage, how many contracts it bills then, and the
//	  lowest-numbered contract's line) or null
//
//	{"request":"estimateMonth","scenario":{…},"month":"2026-05","resource":"web"}
//	→ {"month":{…one month of the estimate, lines and all…}}; "resource"
//	  (optional) keeps only that resource's lines
//
// A breakdown (per resource, per kind) is a further key of these answers,
// never a change to the keys above.
var (
	estimateSummaryFields = []string{"request", "scenario"}
	estimateMonthFields   = []string{"request", "scenario", "month", "resource"}
)

// scenarioIn estimates the request's "scenario"; dups are the whole
// document's duplicate keys, of which the scenario's keep their own paths.
func scenarioIn(obj map[string]any, dups []string, allowed []string) (engine.Result, error) {
	r := &reader{document.Reader{Subject: engine.SubjectRequest}}
	r.Object("", obj, allowed...)
	v, given := obj["scenario"]
	if !given || v == nil {
		r.Fail("scenario", "required")
	}
	if err := r.Err(); err != nil {
		return engine.Result{}, err
	}
	var own []string
	for _, d := range dups {
		if rest, ok := strings.CutPrefix(d, "scenario"); ok && (rest == "" || rest[0] == '.' || rest[0] == '[') {
			own = append(own, strings.TrimPrefix(rest, "."))
		}
	}
	s, err := decodeScenarioValue(v, own)
	if err != nil {
		return engine.Result{}, err
	}
	res, err := engine.Estimate(s)
	if err != nil {
		return engine.Result{}, err
	}
	return res, nil
}

func estimateSummaryRequest(obj map[string]any, dups []string) ([]byte, error) {
	res, err := scenarioIn(obj, dups, estimateSummaryFields)
	if err != nil {
		return nil, err
	}
	w := writer{b: make([]byte, 0, summarySize(res)), summary: &res, firstBilled: firstBilledOf(res)}
	w.estimate(res)
	return w.b, nil
}

func estimateMonthRequest(obj map[string]any, dups []string) ([]byte, error) {
	res, err := scenarioIn(obj, dups, estimateMonthFields)
	if err != nil {
		return nil, err
	}
	r := &reader{document.Reader{Subject: engine.SubjectRequest}}
	m, _ := r.Month("", obj, "month", true)
	resource, _ := r.Str("", obj, "resource", false)
	if err := r.Err(); err != nil {
		return nil, err
	}
	for i := range res.Months {
		if res.Months[i].Month != m {
			continue
		}
		bill := res.Months[i]
		if resource != "" {
			kept := make([]engine.Line, 0, len(bill.Lines)/max(1, len(res.Resources)))
			for _, l := range bill.Lines {
				if l.Resource == resource {
					kept = append(kept, l)
				}
			}
			bill.Lines = kept
		}
		w := writer{b: make([]byte, 0, 1024+260*len(bill.Lines))}
		w.raw(`{"month":`)
		w.month(&bill)
		w.close('}')
		return w.b, nil
	}
	if len(res.Months) > 0 && m < res.Months[0].Month {
		r.Fail("month", "beforeHorizon", "first", res.Months[0].Month.String())
	} else if len(res.Months) > 0 {
		r.Fail("month", "afterHorizon", "last", res.Months[len(res.Months)-1].Month.String())
	}
	return nil, r.Err()
}

// billed is where a resource's first line is: its month's index, the line's
// index in it, and how many contracts that month bills.
type billed struct{ month, line, contracts int }

// firstBilledOf finds each resource's first billed month in one pass over
// every line, so the summary stays linear in contracts × months.
func firstBilledOf(res engine.Result) map[string]billed {
	first := make(map[string]billed, len(res.Resources))
	for mi := range res.Months {
		for li := range res.Months[mi].Lines {
			l := &res.Months[mi].Lines[li]
			b, seen := first[l.Resource]
			switch {
			case !seen:
				first[l.Resource] = billed{month: mi, line: li, contracts: 1}
			case b.month == mi:
				b.contracts++
				if l.Contract < res.Months[mi].Lines[b.line].Contract {
					b.line = li
				}
				first[l.Resource] = b
			}
		}
	}
	return first
}

func summarySize(r engine.Result) int {
	n := 4096 + 600*len(r.Resources) + 300*len(r.Passports) + 300*len(r.Credits)
	for i := range r.Months {
		n += 400 + 120*len(r.Months[i].Credits) + 100*len(r.Months[i].Notices) + 150*len(r.Months[i].PassportFees)
	}
	return n
}
