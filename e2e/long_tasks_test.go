//go:build e2e

package e2e

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/sakura-sim/pricesim/scripts/benchscenario"
)

// The page's goal: no main-thread task over 100 ms. It is held here on each
// task's CPU time (Chromium's trace of the renderer's main thread), which a
// loaded machine does not stretch; the tasks' wall time, which it does (up to
// 2 s seen at load average 18, with the suite's other tabs and other
// builds sharing two cores), is held to wallBound and reported, and make
// bench measures it on a quiet machine (BENCHMARKS.md).
const (
	cpuBound   = 100
	wallBound  = 2500
	largeLoads = 3
)

// Opening a link to 1,000 contracts × 120 months (500 resource rows, the
// make bench scenario) and typing into it never holds the main thread: the
// rows are placeholders but for those near the viewport, the estimate comes
// from the worker, the results render a component a task. In the last load
// the user scrolls through all 500 rows and then types into the last one:
// rows left behind are torn down again, so autofill has no 8,500 controls to
// read on that keystroke.
//
// Not parallel: the other tests' tabs would share the cores, and a tab that
// is not in front gets no frames, so its style and layout pile up into one
// task when it is shown (as in any browser's background tab).
func TestLongTasks_largePage(t *testing.T) {
	link := siteURL + "#j=" + base64.RawURLEncoding.EncodeToString(benchscenario.Scenario(1000, 120))
	for load := 1; load <= largeLoads; load++ {
		cpu, wall := largePageLoad(t, link, load == largeLoads)
		t.Logf("load %d: longest task %.0f ms of CPU (bound %d); the long tasks' wall times %v ms", load, cpu, cpuBound, wall)
		if cpu > cpuBound {
			t.Errorf("load %d: a main-thread task took %.0f ms of CPU, want at most %d", load, cpu, cpuBound)
		}
		for _, d := range wall {
			if d > wallBound {
				t.Errorf("load %d: a main-thread task took %.0f ms, want at most %d ms even on a loaded machine", load, d, wallBound)
			}
		}
	}
}

// largePageLoad opens link, types six edits into row 2's hours (and with
// scroll, scrolls through every row and types into the last one's id), and returns the
// longest main-thread task's CPU time and every long task's wall time.
func largePageLoad(t *testing.T, link string, scroll bool) (cpu float64, wall []float64) {
	var mu sync.Mutex
	var events []json.RawMessage
	complete := make(chan struct{})
	setup := chromedp.Func(func(ctx context.Context, tgt *chromedp.Target) error {
		chromedp.Listen(ctx, func(ev any) {
			switch e := ev.(type) {
			case *tracing.EventDataCollected:
				mu.Lock()
				for _, v := range e.Value {
					events = append(events, json.RawMessage(v))
				}
				mu.Unlock()
			case *tracing.EventTracingComplete:
				close(complete)
			}
		})
		if _, err := cdp.Call(ctx, tgt, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: `
globalThis.__longtasks = [];
new PerformanceObserver((l) => { for (const e of l.getEntries()) __longtasks.push(Math.round(e.duration)); }).observe({ type: "longtask", buffered: true });`}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, tgt, tracing.Start, tracing.StartParams{
			TraceConfig:  &tracing.TraceConfig{IncludedCategories: []string{"toplevel"}},
			TransferMode: tracing.StartTransferModeReportEvents,
		})
		return err
	})
	p := openPage(t, browser, link, setup)
	// The engine's share of this takes seconds on a loaded machine: the wait
	// is the tab's whole life, not one wait's.
	for !eval[bool](p, "waiting for 500 rows and their estimate", fiveHundredRowsReady) {
		time.Sleep(100 * time.Millisecond)
	}
	p.typeKeys(`document.querySelectorAll('[data-testid="resource-row"]')[1].querySelector('[data-testid="resource-hours"]')`, "0")
	if scroll {
		// A screen and a half at a time: the observer's margin builds every
		// row on the way.
		for !eval[bool](p, "scrolling down", `(scrollBy(0, innerHeight * 1.5), innerHeight + scrollY >= document.documentElement.scrollHeight - 2)`) {
			evalAwait[bool](p, "a frame", `new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(true), 0)))`)
		}
		p.scrollToRow(500)
		built := eval[int](p, "built rows", `[...document.querySelectorAll('[data-testid="resource-row"]')].filter((r) => !r.hasAttribute("data-placeholder")).length`)
		controls := eval[int](p, "form controls", `document.querySelectorAll("#scenario-form input, #scenario-form select, #scenario-form textarea").length`)
		t.Logf("after scrolling through 500 rows: %d rows built, %d form controls", built, controls)
		if built > 40 {
			t.Errorf("%d rows are built after scrolling through the form, want the rows left behind torn down (at most 40)", built)
		}
		p.typeKeys(`document.querySelectorAll('[data-testid="resource-row"]')[499].querySelector('[data-testid="resource-id"]')`, "x")
	}
	evalAwait[bool](p, "the last tasks reported", `new Promise((r) => setTimeout(() => r(true), 500))`)
	wall = eval[[]float64](p, "the long tasks", `__longtasks`)
	if err := chromedp.Do(p.ctx, chromedp.Func(func(ctx context.Context, tgt *chromedp.Target) error {
		_, err := cdp.Call(ctx, tgt, tracing.End, cdp.Empty{})
		return err
	})); err != nil {
		t.Fatalf("ending the trace: %v", err)
	}
	select {
	case <-complete:
	case <-time.After(30 * time.Second):
		t.Fatalf("the trace did not complete")
	}
	mu.Lock()
	defer mu.Unlock()
	return longestMainThreadCPU(t, events), wall
}

// typeKeys focuses the field expr finds, goes to its end and types key,
// Backspace, key, Backspace, key, Backspace, each waiting for the figures.
func (p *page) typeKeys(expr, key string) {
	p.t.Helper()
	eval[bool](p, "focusing the field", `(`+expr+`.focus(), true)`)
	if err := chromedp.Do(p.ctx, chromedp.KeyEvent(kb.End)); err != nil {
		p.t.Fatal(err)
	}
	for i := 0; i < 6; i++ {
		k := key
		if i%2 == 1 {
			k = kb.Backspace
		}
		if err := chromedp.Do(p.ctx, chromedp.KeyEvent(k)); err != nil {
			p.t.Fatal(err)
		}
		p.waitUpToDate()
	}
}

// longestMainThreadCPU is the longest CPU time (ms) of a top-level task on
// the renderer's main thread: the thread named CrRendererMain with the most
// tasks.
func longestMainThreadCPU(t *testing.T, raw []json.RawMessage) float64 {
	type event struct {
		Name string  `json:"name"`
		Ph   string  `json:"ph"`
		Pid  int     `json:"pid"`
		Tid  int     `json:"tid"`
		Tdur float64 `json:"tdur"`
		Args struct {
			Name string `json:"name"`
		} `json:"args"`
	}
	var events []event
	for _, r := range raw {
		var e event
		if json.Unmarshal(r, &e) == nil {
			events = append(events, e)
		}
	}
	renderers := map[[2]int]int{}
	for _, e := range events {
		if e.Ph == "M" && e.Name == "thread_name" && e.Args.Name == "CrRendererMain" {
			renderers[[2]int{e.Pid, e.Tid}] = 0
		}
	}
	for _, e := range events {
		if _, ok := renderers[[2]int{e.Pid, e.Tid}]; ok && e.Ph == "X" {
			renderers[[2]int{e.Pid, e.Tid}]++
		}
	}
	var main [2]int
	for k, n := range renderers {
		if n > renderers[main] {
			main = k
		}
	}
	if renderers[main] == 0 {
		t.Fatalf("the trace holds no task of the page's main thread (%d events)", len(events))
	}
	longest := 0.0
	for _, e := range events {
		if e.Pid == main[0] && e.Tid == main[1] && e.Ph == "X" && e.Name == "ThreadControllerImpl::RunTask" {
			longest = max(longest, e.Tdur/1000)
		}
	}
	return longest
}
