package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestRun_Text(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run(nil, &out, &errOut); code != 0 {
		t.Fatalf("exit %d, want 0: %s", code, errOut.String())
	}
	text := out.String()
	for _, want := range []string{
		"list-2026 (default)", "as of:   2026-04-28", "tax:     10 %", "source:  SAKURA Cloud product pages",
		"258 items in is1a, is1b, is1c, tk1a, tk1b",
		"hourly and daily estimated: 255 items",
		"published (none estimated): 3 items: server/gpu-4core-56gb-v100, server/gpu-24core-240gb-h100",
		"seed-2018", "tax:     8 %", "hourly and daily estimated: 1 item: server/4core-8gb",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("output does not contain %q:\n%s", want, text)
		}
	}
}

func TestRun_JSON(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"-json"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d, want 0: %s", code, errOut.String())
	}
	var sums []summary
	if err := json.Unmarshal(out.Bytes(), &sums); err != nil {
		t.Fatalf("-json output: %v", err)
	}
	var list *summary
	for i := range sums {
		if sums[i].ID == "list-2026" {
			list = &sums[i]
		}
	}
	if list == nil || !list.Default || list.Items != 258 || len(list.Estimated) != 2 {
		t.Fatalf("list-2026 summary = %+v, want the default, 258 items (255 derived, 3 GPU), two groups", list)
	}
	// 49 non-GPU items in 5 zones plus 5 HDD sizes in 2 zones: 255 estimated.
	if g := list.Estimated[0]; strings.Join(g.Prices, ",") != "hourly,daily" || g.Items != 255 {
		t.Errorf("first group = %v, %d items; want hourly,daily on 255", g.Prices, g.Items)
	}
	if g := list.Estimated[1]; len(g.Prices) != 0 || g.Items != 3 || len(g.IDs) != 2 {
		t.Errorf("second group = %v, %d items, ids %v; want none estimated on the V100 (is1a) and H100 (is1a, is1b)", g.Prices, g.Items, g.IDs)
	}
}

func TestPercent(t *testing.T) {
	for rate, want := range map[string]string{"0.10": "10 %", "0.1": "10 %", "0.08": "8 %", "0.075": "7.5 %", "0": "0 %"} {
		if got := percent(rate); got != want {
			t.Errorf("percent(%q) = %q, want %q", rate, got, want)
		}
	}
}
