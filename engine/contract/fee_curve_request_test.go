package contract

import (
	"encoding/json"
	"testing"
)

// The curve at R4's prices (hourly 11, daily 110, monthly 2,179) reproduces the
// worked table of billing-rules R4 at the hours it lists.
func TestHandleJSON_FeeCurve(t *testing.T) {
	out, ok := HandleJSON([]byte(`{"request":"feeCurve","hourly":"11","daily":"110","monthly":"2179"}`))
	if !ok {
		t.Fatalf("feeCurve failed: %s", out)
	}
	var got struct {
		Points []struct {
			Hours       int     `json:"hours"`
			HourlyOnly  *string `json:"hourlyOnly"`
			HourlyDaily *string `json:"hourlyDaily"`
			Fee         string  `json:"fee"`
			Basis       string  `json:"basis"`
		} `json:"points"`
		DailyFromHours   *int `json:"dailyFromHours"`
		MonthlyFromHours *int `json:"monthlyFromHours"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Points) != 745 {
		t.Fatalf("len(points) = %d, want 745 (0 to 744 h)", len(got.Points))
	}
	for _, tt := range []struct {
		hours            int
		hourlyDaily, fee string
		basis            string
	}{
		{1, "11", "11", "hourly"},
		{9, "99", "99", "hourly"},
		{11, "110", "110", "daily"},
		{30, "176", "176", "daily"},
		{40, "220", "220", "daily"},
		{464, "2178", "2178", "daily"},
		{465, "2189", "2179", "monthly"},
		{744, "3410", "2179", "monthly"},
	} {
		p := got.Points[tt.hours]
		if p.Hours != tt.hours || p.HourlyDaily == nil || *p.HourlyDaily != tt.hourlyDaily || p.Fee != tt.fee || p.Basis != tt.basis {
			t.Errorf("point at %d h = %+v, want hourlyDaily %s, fee %s, basis %s", tt.hours, p, tt.hourlyDaily, tt.fee, tt.basis)
		}
	}
	if p := got.Points[0]; p.Fee != "0" || p.HourlyOnly == nil || *p.HourlyOnly != "0" {
		t.Errorf("point at 0 h = %+v, want everything 0", p)
	}
	if got.DailyFromHours == nil || *got.DailyFromHours != 10 || got.MonthlyFromHours == nil || *got.MonthlyFromHours != 465 {
		t.Errorf("break points = %v, %v; want 10 and 465", got.DailyFromHours, got.MonthlyFromHours)
	}
}

func TestHandleJSON_FeeCurveErrors(t *testing.T) {
	for _, tt := range []struct {
		in, path, message string
	}{
		{`{"request":"feeCurve"}`, "", "give at least one of hourly, daily, monthly"},
		{`{"request":"feeCurve","monthly":"100","hours":745}`, "hours", "must be a whole number from 1 to 744"},
		{`{"request":"feeCurve","hourly":5}`, "hourly", "must be an amount written as a string, such as \"9504\""},
		{`{"request":"feeCurve","monthly":"100","hourlyy":"5"}`, "hourlyy", "is not a known field (allowed: request, hourly, daily, monthly, hours)"},
	} {
		out, ok := HandleJSON([]byte(tt.in))
		var list struct{ Errors []wireError }
		if err := json.Unmarshal(out, &list); ok || err != nil || len(list.Errors) != 1 {
			t.Errorf("HandleJSON(%s) = %s, want one error", tt.in, out)
			continue
		}
		if e := list.Errors[0]; e.Path != tt.path || e.Message != tt.message {
			t.Errorf("HandleJSON(%s) error = %q %q, want %q %q", tt.in, e.Path, e.Message, tt.path, tt.message)
		}
	}
}
