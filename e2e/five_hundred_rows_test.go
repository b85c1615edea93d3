//go:build e2e

package e2e

import (
	"encoding/base64"
	"fmt"
	"testing"
	"time"

	"github.com/sakura-sim/pricesim/scripts/benchscenario"
)

// make bench's 1,000 contracts as a link: 500 resource rows; resource i is
// count 2, and every fourth from i = 1 runs "100+i%600 .5" hours a month, so
// row 482 (i = 481) runs 581.5 hours (scripts/benchscenario).
func fiveHundredRowsLink() string {
	return siteURL + "#j=" + base64.RawURLEncoding.EncodeToString(benchscenario.Scenario(1000, 36))
}

// fiveHundredRowsReady is true once the 500 rows are built and estimated.
const fiveHundredRowsReady = `globalThis.sakura?.ready === true && document.body.classList.contains("ready")
	&& document.querySelectorAll('[data-testid="resource-row"]').length === 500
	&& document.querySelector('[data-testid="status"]').dataset.state === "ok"`

// openFiveHundredRows opens the 500-row link and waits for its estimate.
func openFiveHundredRows(t *testing.T) *page {
	t.Helper()
	p := openPage(t, browser, fiveHundredRowsLink())
	p.waitFiveHundredRows("waiting for 500 rows and their estimate")
	return p
}

// waitFiveHundredRows waits, polling, until the 500 rows are estimated (the
// document may be replaced meanwhile, as by a reload).
func (p *page) waitFiveHundredRows(what string) {
	p.t.Helper()
	deadline := time.Now().Add(waitTimeout())
	for !eval[bool](p, what, fiveHundredRowsReady) {
		if time.Now().After(deadline) {
			p.t.Fatalf("%s: timed out", what)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// row482Hours reads row 482's hours field (once the row is built: see scrollToRow).
const row482Hours = `document.querySelectorAll('[data-testid="resource-row"]')[481].querySelector('[data-testid="resource-hours"]')`

// scrollToRow scrolls resource row n (from 1) to the middle of the window, as a
// user would before typing into it, and waits until its controls are built:
// a large form builds only the rows near the viewport (site/app/row-window.js).
func (p *page) scrollToRow(n int) {
	p.t.Helper()
	nth := fmt.Sprintf(`document.querySelectorAll('[data-testid="resource-row"]')[%d]`, n-1)
	eval[bool](p, fmt.Sprintf("scrolling to row %d", n), `(`+nth+`.scrollIntoView({ block: "center" }), true)`)
	p.waitJS(fmt.Sprintf("row %d built", n), nth+`?.querySelector('[data-testid="resource-count"]') != null`)
}

// typeRow482Hours scrolls to row 482 and types value into its hours as one input event.
func (p *page) typeRow482Hours(value string) {
	p.t.Helper()
	p.scrollToRow(482)
	eval[bool](p, "typing "+value+" hours into row 482", `(() => {
		const hours = `+row482Hours+`;
		hours.value = "`+value+`";
		hours.dispatchEvent(new Event("input", { bubbles: true }));
		return true;
	})()`)
}
