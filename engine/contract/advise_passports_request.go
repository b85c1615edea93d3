package contract

import (
	"errors"

	"github.com/sakura-sim/pricesim/engine"
	"github.com/sakura-sim/pricesim/engine/document"
)

// advisePassportsRequest answers {"request": "advisePassports", "scenario":
// {…}, "effort": "quick"}: the passport advisor of issue 14 on the scenario
// (its own passports set aside), searching as long as effort says ("quick",
// the default, or "thorough"). A problem in the scenario is reported at its
// path under "scenario".
func advisePassportsRequest(obj map[string]any, dups []string) (answer, error) {
	r := &reader{document.Reader{Subject: engine.SubjectRequest}}
	r.Object("", obj, "request", "scenario", "effort")
	v, present := obj["scenario"]
	if !present {
		r.Fail("scenario", "required")
	}
	effort := engine.EffortQuick
	if name, ok := r.Str("", obj, "effort", false); ok {
		switch name {
		case engine.EffortQuick.String():
		case engine.EffortThorough.String():
			effort = engine.EffortThorough
		default:
			r.Fail("effort", "badEffort")
		}
	}
	if err := r.Err(); err != nil {
		return nil, err
	}
	var inner []string
	for _, d := range dups {
		if len(d) > len("scenario.") && d[:len("scenario.")] == "scenario." {
			inner = append(inner, d[len("scenario."):])
		}
	}
	s, err := decodeScenarioValue(v, inner)
	if err == nil {
		var advice engine.PassportAdvice
		advice, err = engine.AdvisePassportsWith(s, effort)
		if err == nil {
			return adviceResponse{advice}, nil
		}
	}
	var invalid *engine.ValidationError
	if errors.As(err, &invalid) {
		moved := &engine.ValidationError{Subject: invalid.Subject, Problems: make([]engine.FieldError, len(invalid.Problems))}
		for i, p := range invalid.Problems {
			if p.Path == "" {
				p.Path = "scenario"
			} else {
				p.Path = document.Join("scenario", p.Path)
			}
			moved.Problems[i] = p
		}
		return nil, moved
	}
	return nil, err
}

// adviceResponse writes the advice by hand, as estimates are written:
// {"groups":[{"item","zone","contracts":[{"month","count"}],"options":[{"term",
// "count","purchased","fee","total","saving","breakEven"}]}],"best":{"passports":
// [{"item","zone","term","count","purchased"}],"total","withoutPassports","saving","proven"}}.
type adviceResponse struct{ a engine.PassportAdvice }

func (r adviceResponse) MarshalJSON() ([]byte, error) {
	w := coldWriter{writer{b: make([]byte, 0, 512)}}
	w.raw(`{"groups":[`)
	for i, g := range r.a.Groups {
		w.comma(i)
		w.raw(`{"item":`)
		w.str(g.Item)
		w.raw(`,"zone":`)
		w.str(g.Zone)
		w.raw(`,"contracts":[`)
		for j, c := range g.Contracts {
			w.comma(j)
			w.raw(`{"month":`)
			w.monthValue(c.Month)
			w.raw(`,"count":`)
			w.int(int64(c.Count))
			w.close('}')
		}
		w.raw(`],"options":[`)
		for j, o := range g.Options {
			w.comma(j)
			w.raw(`{"term":`)
			w.int(int64(o.Term))
			w.raw(`,"count":`)
			w.int(int64(o.Count))
			w.raw(`,"purchased":`)
			w.monthValue(o.Purchased)
			w.raw(`,"fee":`)
			w.yen(o.Fee)
			w.raw(`,"total":`)
			w.yen(o.Total)
			w.raw(`,"saving":`)
			w.yen(o.Saving)
			w.raw(`,"breakEven":`)
			w.monthOrNull(o.BreakEven)
			w.close('}')
		}
		w.raw(`]}`)
	}
	w.raw(`],"best":{"passports":[`)
	for i, p := range r.a.Best.Passports {
		w.comma(i)
		w.raw(`{"item":`)
		w.str(p.Item)
		w.raw(`,"zone":`)
		w.str(p.Zone)
		w.raw(`,"term":`)
		w.int(int64(p.Term))
		w.raw(`,"count":`)
		w.int(int64(p.Count))
		w.raw(`,"purchased":`)
		w.monthValue(p.Purchased)
		w.close('}')
	}
	w.raw(`],"total":`)
	w.yen(r.a.Best.Total)
	w.raw(`,"withoutPassports":`)
	w.yen(r.a.Best.WithoutPassports)
	w.raw(`,"saving":`)
	w.yen(r.a.Best.Saving)
	w.raw(`,"proven":`)
	w.bool(r.a.Best.Proven)
	w.raw(`}}`)
	return w.b, nil
}
