//go:build e2e

package e2e

import (
	"fmt"
	"strings"
	"testing"
)

// A language switch at 500 resource rows re-translates the rows in slices
// (form.refresh, so no task holds the page); every row keeps what it holds,
// and an entry typed while the slices run survives too. The scenario is
// make bench's 1,000 contracts: resource i is count 2, in tk1a (even i) or
// is1b (odd i); every fourth from i = 1 runs "100+i%600 .5" hours a month and
// every fourth from i = 3 is a 40 GB SSD (scripts/benchscenario).
func TestLanguage_fiveHundredRowsKeepEveryEntry(t *testing.T) {
	p := openFiveHundredRows(t)
	// What each row holds, built or not (a placeholder far from the viewport
	// has no controls: its values are the form's model, row-window.js).
	const rowValues = `document.getElementById("resource-rows").rowValues().map((v) =>
		["id", "item", "zone", "count", "pattern", "hours", "intervals", "from", "until", "hourly", "daily", "monthly"]
			.map((k) => "resource-" + k + "=" + (v[k] ?? "")).join(" "))`
	before := eval[[]string](p, "every row's entries", rowValues)

	// The switch, and at once an edit of row 482 (i = 481: 581.5 hours),
	// scrolled to first, while the rows are still being re-translated.
	p.scrollToRow(482)
	eval[bool](p, "switching to Japanese and typing", `(() => {
		document.querySelector('[data-testid="lang-toggle"]').click();
		const hours = `+row482Hours+`;
		if (hours.value !== "581.5") throw new Error("row 482 holds " + hours.value);
		hours.value = "77";
		hours.dispatchEvent(new Event("input", { bubbles: true }));
		return true;
	})()`)
	// The last row is far from row 482: its summary line is in Japanese too,
	// and so is the usage picker of a row near the viewport.
	p.waitJS("Japanese throughout the last row", `document.documentElement.lang === "ja"
		&& [...document.querySelectorAll('[data-testid="resource-row"]')].at(-1).textContent.includes("常時")
		&& document.querySelectorAll('[data-testid="resource-row"]')[480].querySelector('[data-testid="resource-usage"] option[value="always"]').textContent === "常時"
		&& document.querySelector('[data-testid="status"]').dataset.state === "ok"`)
	p.waitText(byID("status"), "最新の試算です")

	after := eval[[]string](p, "every row's entries", rowValues)
	if len(after) != 500 {
		t.Fatalf("%d rows after the switch, want 500", len(after))
	}
	for i := range after {
		want := before[i]
		count := "resource-count=2 "
		zone := []string{"resource-zone=tk1a ", "resource-zone=is1b "}[i%2]
		for _, part := range []string{count, zone} {
			if !strings.Contains(after[i], part) {
				t.Errorf("row %d lost %s: %s", i+1, part, after[i])
			}
		}
		switch {
		case i == 481:
			if !strings.Contains(after[i], "resource-hours=77 ") {
				t.Errorf("row 482 lost the hours typed during the switch: %s", after[i])
			}
			continue
		case i%4 == 1:
			if h := fmt.Sprintf("resource-hours=%d.5 ", 100+i%600); !strings.Contains(after[i], h) {
				t.Errorf("row %d lost %s: %s", i+1, h, after[i])
			}
		case i%4 == 3:
			if !strings.Contains(after[i], "resource-item=disk/ssd-40gb ") {
				t.Errorf("row %d lost its 40 GB SSD: %s", i+1, after[i])
			}
		}
		if after[i] != want {
			t.Errorf("row %d changed in the switch:\nbefore %s\nafter  %s", i+1, want, after[i])
		}
	}
}
