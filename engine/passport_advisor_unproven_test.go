package engine

import (
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
	"time"
)

// TestAdvisorUnproven diagnoses the fleets of TestAdvisorProvenRate that
// bestPlan leaves unproven: for each, the bound's cost, the heuristic plan's
// cost, and how many choices the search by count of passports (deepen, at the
// bound's cost) spends on each count L with the budget lifted to
// ADVISOR_DIAGNOSE choices: proven (a plan at the bound's cost with L
// passports), refuted (none with L or fewer) or unsettled (the budget ran out).
// A plan it proves must cost the bound. Run with
// `ADVISOR_DIAGNOSE=2000000 go test ./engine -run TestAdvisorUnproven -v`
// (minutes).
func TestAdvisorUnproven(t *testing.T) {
	budget, err := strconv.Atoi(os.Getenv("ADVISOR_DIAGNOSE"))
	if err != nil || testing.Short() {
		t.Skip("a diagnosis: set ADVISOR_DIAGNOSE to a budget of choices")
	}
	for _, resources := range []int{1, 2, 3, 6} {
		r := rand.New(rand.NewPCG(uint64(resources), 1414)) // TestAdvisorProvenRate's fleets
		for i := range 40 {
			g := fleetGroup(r, resources)
			if _, ok := bestPlan(g); ok {
				continue
			}
			s := newPlanSearch(g, budget)
			if s.bound = newLagrangeBound(g, s.candidate); s.bound == nil {
				t.Logf("%d/%d: no bound", resources, i)
				continue
			}
			root := ceilDiv(s.bound.suffix(0, nil, g.cap), s.bound.q)
			h := heuristicPlan(g)
			t.Logf("%d/%d: cap %d, %d months, %d blocks; bound %d, heuristic %d (%.2f %% above)", resources, i, g.cap,
				len(g.fees), s.bound.blockAt[len(g.fees)], root, h.cost, 100*float64(h.cost-root)/float64(-root))
			for lots := 0; lots <= s.mostLots(); lots++ {
				start := time.Now()
				p, ok := s.deepen(root, lots)
				d := time.Since(start)
				switch {
				case ok:
					t.Logf("  L=%d: proven in %d choices, %v: %v", lots, s.steps, d, p.lots)
					if c := planCost(g, p.lots); c != root || p.cost != root {
						t.Errorf("%d/%d: deepen proved a plan of cost %d (priced %d), not the bound %d", resources, i, p.cost, c, root)
					}
				case s.aborted:
					t.Logf("  L=%d: unsettled after %d choices, %v", lots, s.steps, d)
				default:
					t.Logf("  L=%d: refuted in %d choices", lots, s.steps)
					continue
				}
				break
			}
		}
	}
}
