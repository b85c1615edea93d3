//go:build e2e

package e2e

import (
	"testing"
)

// On a large page (over 50 resources) the address is not rewritten after
// every estimate (replaceState alone took up to ~110 ms there): it is
// written when the user leaves the page, e.g. for the address bar, or asks
// for the link. Either way it then opens the estimate on screen, edits
// included. Row 482 of make bench's 1,000 contracts runs 581.5 hours.
func TestLargePage_addressFollowsTheFormWhenLeft(t *testing.T) {
	p := openFiveHundredRows(t)
	hoursIn := func(what string) string {
		return evalAwait[string](p, what, `import("/app/share.js").then(async ({ decodeLink }) => {
			const got = await decodeLink(location.hash);
			return got?.scenario?.resources?.[481]?.usage?.hours ?? "none";
		})`)
	}
	if got := hoursIn("the link's hours"); got != "581.5" {
		t.Fatalf("the opened link's row 482 runs %q hours, want 581.5", got)
	}
	p.typeRow482Hours("77")
	p.waitJS("the new estimate", `document.querySelector('[data-testid="status"]').dataset.state === "ok"`)
	eval[bool](p, "leaving the page for the address bar", `(dispatchEvent(new Event("blur")), true)`)
	if got := hoursIn("the address's hours"); got != "77" {
		t.Errorf("after leaving the page the address holds %q hours for row 482, want 77", got)
	}
}

// A reload from the keyboard starts before the page is left, at the address
// not yet written: the edit must survive it all the same (kept for the tab in
// sessionStorage on pagehide and taken up when the page reopens there).
func TestLargePage_reloadKeepsTheEdit(t *testing.T) {
	p := openFiveHundredRows(t)
	p.scrollToRow(482)
	if got := eval[string](p, "row 482's hours", row482Hours+".value"); got != "581.5" {
		t.Fatalf("the opened link's row 482 runs %q hours, want 581.5", got)
	}
	p.typeRow482Hours("77")
	p.waitJS("the new estimate", `document.querySelector('[data-testid="status"]').dataset.state === "ok"`)
	p.reload()
	p.waitFiveHundredRows("waiting for the reloaded page")
	p.scrollToRow(482)
	if got := eval[string](p, "row 482's hours after the reload", row482Hours+".value"); got != "77" {
		t.Errorf("after a reload row 482 runs %q hours, want the 77 typed before it", got)
	}
}
