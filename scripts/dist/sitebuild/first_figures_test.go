package sitebuild

import (
	"encoding/json"
	"testing"
	"time"
)

// The default estimate of a first visit on 2026-11-26: one 1 core / 1 GB
// server in is1a (list-2026's smallest server in the first zone with its own
// prices), always on for 12 months from 2026-10, 2026-11 and 2026-12; each
// costs list-2026's monthly fee 1,540 × 12 = 18,480 (worked by hand).
func TestMakeFirstFigures(t *testing.T) {
	first, err := MakeFirstFigures(time.Date(2026, 11, 26, 23, 59, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	var catalogs struct {
		Default string `json:"default"`
	}
	if err := json.Unmarshal(first.Catalogs, &catalogs); err != nil || catalogs.Default != "list-2026" {
		t.Errorf("catalogs default = %q (%v), want list-2026", catalogs.Default, err)
	}
	wantStarts := []string{"2026-10", "2026-11", "2026-12"}
	if len(first.Estimates) != len(wantStarts) {
		t.Fatalf("%d estimates, want %d", len(first.Estimates), len(wantStarts))
	}
	for i, e := range first.Estimates {
		want := `{"catalog":"list-2026","start":"` + wantStarts[i] + `","months":12,"resources":[{"id":"r1","item":"server/1core-1gb","zone":"is1a","count":1,"usage":{"pattern":"always"}}]}`
		if string(e.Scenario) != want {
			t.Errorf("scenario %d = %s, want %s", i, e.Scenario, want)
		}
		var answer struct {
			Months []struct {
				Month      string `json:"month"`
				Cumulative string `json:"cumulative"`
			} `json:"months"`
		}
		if err := json.Unmarshal(e.Answer, &answer); err != nil {
			t.Fatalf("answer %d: %v", i, err)
		}
		if n := len(answer.Months); n != 12 || answer.Months[n-1].Cumulative != "18480" {
			t.Errorf("answer %d: %d months, last cumulative %+v, want 12 and 18480", i, n, answer.Months)
		}
	}
}
