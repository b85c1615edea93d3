//go:build e2e

package e2e

import (
	"fmt"
	"strings"
	"testing"
)

// resultsJS serialises every raw figure of the five result components, so a
// test can tell whether the results on screen changed at all.
var resultsJS = fmt.Sprintf(`(() => { %s;
	return %s.map((id) => __e2eAll(document, '[data-testid="' + id + '"]')
		.flatMap((el) => [...el.querySelectorAll("[data-value]")])
		.map((el) => (el.dataset.testid ?? el.dataset.col ?? el.dataset.figure ?? el.tagName) + "=" + el.dataset.value).join(";")).join("\n");
})()`, locateJS, `["years", "comparison", "bills", "passports", "credits"]`)

// A bad value shows the engine's message beside the field it names, and the
// last good estimate stays on screen unchanged until the value is fixed.
func TestErrors_badHoursKeepResults(t *testing.T) {
	t.Parallel()
	p := newTab(t)
	p.period("seed-2018", "2018-12", "12")
	r := p.resource(0, "web", "server/4core-8gb", "tk1a")
	p.choose(r.in("resource-usage"), "hours")
	p.typeInto(r.in("resource-hours"), "30")
	// 30 h at the catalog's 47 an hour and 475 a day: 475 + 6 × 47 = 757.
	p.waitValue(figure("web", "fee"), "757")
	p.waitUpToDate()
	before := eval[string](p, "reading the results", resultsJS)
	if !strings.Contains(before, "fee=757") {
		t.Fatalf("results before the bad value lack fee=757:\n%.500s", before)
	}

	const path = "resources[0].usage.hours"
	for _, bad := range []string{"800", "abc", "-1", "1e3"} {
		t.Logf("hours %q", bad)
		// Pasted: typed key by key, "800" would pass through a valid "8".
		p.paste(r.in("resource-hours"), bad)
		p.waitVisible(fieldError(path))
		if msg := p.text(fieldError(path)); msg == "" {
			t.Errorf("hours %q: the field error for %s is empty", bad, path)
		}
		beside := eval[bool](p, "finding the hours field beside its error", withEl(fieldError(path),
			`return el.closest(".field")?.querySelector('[data-testid="resource-hours"]') != null;`, "false"))
		if !beside {
			t.Errorf("hours %q: the error for %s is not in the hours field's box", bad, path)
		}
		if got := p.attr(r.in("resource-hours"), "aria-invalid"); got != "true" {
			t.Errorf("hours %q: the hours field has aria-invalid=%q, want true", bad, got)
		}
		p.waitAttr(byID("status"), "data-state", "errors")
		if after := eval[string](p, "reading the results", resultsJS); after != before {
			t.Errorf("hours %q: the results changed while the input is invalid:\nbefore %.300s\nafter  %.300s", bad, before, after)
		}
	}

	// Fixed: the error goes and the results follow the new value,
	// 465 h = 19 days 9 h: 19 × 475 + 9 × 47 = 9,448, below the monthly 9,504.
	p.typeInto(r.in("resource-hours"), "465")
	p.waitUpToDate()
	if p.exists(fieldError(path)) {
		t.Errorf("the error for %s is still shown after the value was fixed", path)
	}
	p.waitValue(figure("web", "hours"), "465")
	p.waitValue(figure("web", "fee"), "9448")
}
