//go:build e2e

package e2e

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// longTaskBound is the longest main-thread task this test tolerates while a
// 500-row scenario opens. The page's goal is 100 ms, and make bench holds it
// (e2e/bench fails its run on a longer task and reports it); make test runs
// this beside the whole suite's other tabs on shared, loaded machines, where
// a core stretches every task several times over (up to 2 s seen at load
// average 18), so the test holds a looser bound that still fails for the old
// way: one task building all 500 rows and laying them out, 7-11 s.
const longTaskBound = 2500

// Opening a link to 1,000 contracts × 36 months (500 resource rows, the
// make bench scenario; make bench also opens 1,000 × 120) never holds the main thread: the rows are built in
// slices between frames, the estimate waits for the last slice, and the
// figures come from the worker.
//
// Not parallel: the other tests' tabs would share the cores, and a tab that
// is not in front gets no frames, so its style and layout pile up into one
// task when it is shown (as in any browser's background tab).
func TestLongTasks_fiveHundredRows(t *testing.T) {
	observe := chromedp.Func(func(ctx context.Context, tgt *chromedp.Target) error {
		_, err := cdp.Call(ctx, tgt, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: `
globalThis.__longtasks = [];
new PerformanceObserver((l) => { for (const e of l.getEntries()) __longtasks.push(Math.round(e.duration)); }).observe({ type: "longtask", buffered: true });`})
		return err
	})
	link := fiveHundredRowsLink()
	p := openPage(t, browser, link, observe)
	// The engine's share of this takes seconds on a loaded machine: the wait
	// is the tab's whole life, not one wait's.
	ready := `globalThis.sakura?.ready === true && document.body.classList.contains("ready")
		&& document.querySelectorAll('[data-testid="resource-row"]').length === 500
		&& document.querySelector('[data-testid="status"]').dataset.state === "ok"`
	for !eval[bool](p, "waiting for 500 rows and their estimate", ready) {
		time.Sleep(100 * time.Millisecond)
	}
	tasks := eval[[]float64](p, "the long tasks", `__longtasks`)
	longest := 0.0
	for _, d := range tasks {
		longest = max(longest, d)
	}
	t.Logf("%d tasks over 50 ms (%v), the longest %.0f ms (goal 100 ms, measured by make bench); the page was %s", len(tasks), tasks, longest,
		eval[string](p, "the page's visibility", `document.visibilityState`))
	if longest > longTaskBound {
		t.Errorf("a main-thread task took %.0f ms while 500 rows opened, want at most %d ms here (100 ms is the goal): %v", longest, longTaskBound, tasks)
	}
}
