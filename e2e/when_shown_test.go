//go:build e2e

package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The advisor asks the engine only while its panel is on screen, so its
// search never makes a keystroke's estimate wait behind it: below the fold
// it waits, scrolled into view it answers (seed 002's case, as in
// TestAdvisor_seed002: the best plan costs 273,715).
func TestAdvisor_asksOnlyWhenShown(t *testing.T) {
	t.Parallel()
	p := newTab(t)
	p.period("seed-2018", "2018-12", "36")
	p.resource(0, "web", "server/4core-8gb", "tk1a")
	eval[chromedp.Void](p, "scrolling to the top", `(scrollTo(0, 0), null)`)
	p.waitValue(cumulativeCell("2021-11", "cumulative"), "342144")
	if eval[bool](p, "where the advisor is", `document.querySelector('[data-testid="advisor"]').getBoundingClientRect().top < innerHeight + 300`) {
		t.Skip("the advisor is on screen at this window size: nothing to wait for")
	}
	time.Sleep(600 * time.Millisecond) // longer than the settle time
	if got := p.attr(byID("advisor"), "data-state"); got != "waiting" {
		t.Fatalf("the advisor off screen is %q, want waiting (no request to the engine)", got)
	}
	p.show(byID("advisor"))
	p.waitAttr(byID("advisor-best"), "data-total", "273715")
}
