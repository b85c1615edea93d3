//go:build e2e

package e2e

import (
	"fmt"
	"testing"
	"time"
)

// The passport advisor on seed 002's case: one 4-core/8 GB server in tk1a all
// the time from 2018-12 for 36 months, no passport in the form.
//
// Worked by hand from the seed (R5.3, R5.5): without passports 36 × 9,504 =
// 342,144. A 12-month right costs 11,404 and takes 1,901 a month for 12
// months: 342,144 − 22,812 + 11,404 = 330,736 (saving 11,408, break-even in
// the 6th month, 2019-05); 24 months: 45,619 for 24 × 3,327 = 79,848 off:
// 307,915 (34,229, 2020-01); 36 months: 102,643 for 36 × 4,752 = 171,072 off:
// 273,715 (68,429, 2020-09), the best plan.
func TestAdvisor_seed002(t *testing.T) {
	t.Parallel()
	p := newTab(t)
	p.period("seed-2018", "2018-12", "36")
	p.resource(0, "web", "server/4core-8gb", "tk1a")
	p.waitValue(cumulativeCell("2021-11", "cumulative"), "342144")

	best := byID("advisor-best")
	p.show(byID("advisor"))
	p.waitAttr(best, "data-total", "273715")
	p.waitAttr(best, "data-saving", "68429")
	p.waitText(best, "36-month")
	option := func(term string) loc { return find(`[data-testid="advisor-option"][data-term="` + term + `"]`) }
	for _, o := range []struct{ term, fee, total, saving, breakEven string }{
		{"0", "0", "342144", "0", ""},
		{"12", "11404", "330736", "11408", "2019-05"},
		{"24", "45619", "307915", "34229", "2020-01"},
		{"36", "102643", "273715", "68429", "2020-09"},
	} {
		p.waitValue(option(o.term).find(col("fee")), o.fee)
		p.waitValue(option(o.term).find(col("total")), o.total)
		p.waitValue(option(o.term).find(col("saving")), o.saving)
		p.waitValue(option(o.term).find(col("breakEven")), o.breakEven)
	}

	t.Log("apply the best plan: one 36-month right in 2018-12")
	p.click(byID("advisor-apply"))
	p.waitValue(cumulativeCell("2021-11", "cumulative"), "273715")
	if got := p.count(tid("passport-row")); got != 1 {
		t.Fatalf("%d passport rows after applying the best plan, want 1", got)
	}

	t.Log("undo")
	p.click(byID("advisor-undo"))
	p.waitValue(cumulativeCell("2021-11", "cumulative"), "342144")
	if got := p.count(tid("passport-row")); got != 0 {
		t.Fatalf("%d passport rows after undo, want 0", got)
	}

	t.Log("in Japanese")
	p.click(byID("lang-toggle"))
	p.waitText(byID("advisor"), "ディスカウントパスポート")
}

// The large fleet in the page's engine (wasm): 100 always-on servers
// in tk1a over 60 months, a quarter leaving after 18, answered in under a
// second (the fastest of three calls), and proven best. The saving is worked by hand in the contract's test
// (TestAdvisePassports_hundredServers): 8,056,025; that nothing saves more is
// worked by hand in engine's TestBestPlan_hundredServers.
func TestAdvisor_hundredServersInTheBrowser(t *testing.T) {
	t.Parallel()
	p := newTab(t)
	p.waitJS("the engine", `globalThis.sakura?.ready === true`)
	got := evalAwait[string](p, "the advice for 100 servers", `(async () => {
		const doc = {request: "advisePassports", scenario: {catalog: "seed-2018", start: "2018-12", months: 60, resources: [
			{id: "stay", item: "server/4core-8gb", zone: "tk1a", count: 75, usage: {pattern: "always"}},
			{id: "leave", item: "server/4core-8gb", zone: "tk1a", count: 25, until: "2020-05", usage: {pattern: "always"}}]}};
		// The fastest of three calls: the time the page needs, not what other
		// programs on a shared machine took from it.
		let out, ms = Infinity;
		for (let i = 0; i < 3; i++) {
			const t0 = performance.now();
			out = JSON.parse(await globalThis.sakura.estimate(JSON.stringify(doc)));
			ms = Math.min(ms, performance.now() - t0);
		}
		return out.best.saving + " " + out.best.proven + " " + Math.round(ms);
	})()`)
	var saving string
	var proven bool
	var ms int
	if _, err := fmt.Sscan(got, &saving, &proven, &ms); err != nil {
		t.Fatalf("answer %q: %v", got, err)
	}
	if saving != "8056025" || !proven {
		t.Errorf("saving = %s, proven %v; want 8056025, proven", saving, proven)
	}
	t.Logf("100 servers, 60 months, in wasm: %d ms", ms)
	if ms >= 1000 {
		t.Errorf("the advice took %d ms in the page, want under 1 s", ms)
	}
}

// A fleet the quick search leaves unproven: 36 servers for 60 months from
// 2018-12, 31 more until 2023-04 and 11 more until 2020-06. The panel shows
// the plan found at once, says it is searching longer, and, when the longer
// search (its own worker) has proved the best plan, says "Best plan" without
// the note. Worked by hand (engine's TestAdvisorThorough prices the plan, the
// search proves it best): without passports 9,504 × (36 × 60 + 31 × 53 + 11 ×
// 19) = 38,130,048; the best plan saves 6,364,169, for 31,765,879.
func TestAdvisor_provesInTheBackground(t *testing.T) {
	t.Parallel()
	p := newTab(t)
	p.period("seed-2018", "2018-12", "60")
	for i, r := range []struct{ id, count, until string }{{"core", "36", ""}, {"mid", "31", "2023-04"}, {"short", "11", "2020-06"}} {
		row := p.resource(i, r.id, "server/4core-8gb", "tk1a")
		p.typeInto(row.in("resource-count"), r.count)
		if r.until != "" {
			p.setValue(row.in("resource-until"), r.until)
		}
	}
	p.waitValue(cumulativeCell("2023-11", "cumulative"), "38130048")

	best := byID("advisor-best")
	p.show(byID("advisor"))
	p.waitAttr(best, "data-proven", "false")
	p.waitAttr(byID("advisor"), "data-proof", "running")
	p.waitPresent(byID("advisor-proof"))

	t.Log("the longer search proves the best plan")
	running := time.Now()
	p.waitAttr(byID("advisor"), "data-proof", "proven")
	t.Logf("proven %v after the quick answer (1.5 s of it the wait for a pause)", time.Since(running).Round(10*time.Millisecond))
	p.waitAttr(best, "data-proven", "true")
	p.waitAttr(best, "data-saving", "6364169")
	p.waitAttr(best, "data-total", "31765879")
	p.waitText(best, "Best plan: ")
	if p.exists(byID("advisor-proof")) {
		t.Errorf("the searching-longer note is still shown after the proof")
	}

	t.Log("in Japanese")
	p.click(byID("lang-toggle"))
	p.waitText(best, "最適なプラン")
}
