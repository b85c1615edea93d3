//go:build e2e

package e2e

import (
	"strconv"
	"testing"
)

// Issue 9, problem 5: results of the last good input are dimmed under a
// banner while the form has errors; the error count is a button listing every
// error, each leading to its field.
func TestTrust5_staleResultsMarked(t *testing.T) {
	t.Parallel()
	p := newTab(t)
	p.period("seed-2018", "2018-12", "12")
	r := p.resource(0, "web", "server/4core-8gb", "tk1a")
	p.waitValue(yearCell(1, "total"), "114048")
	p.waitUpToDate()
	if p.attr(byID("results"), "data-stale") != "false" {
		t.Errorf("fresh results are marked stale")
	}
	opacity := func() float64 {
		s := eval[string](p, "the years' opacity", `getComputedStyle(document.querySelector('[data-testid="years"]')).opacity`)
		f, _ := strconv.ParseFloat(s, 64)
		return f
	}
	if o := opacity(); o != 1 {
		t.Errorf("fresh results have opacity %v, want 1", o)
	}
	before := eval[string](p, "reading the results", resultsJS)

	// Two errors: hours out of range and a negative alert.
	p.choose(r.in("resource-usage"), "hours")
	p.paste(r.in("resource-hours"), "800")
	p.paste(byID("alert-bill-above"), "-5")
	p.waitAttr(byID("status"), "data-state", "errors")
	p.waitAttr(byID("results"), "data-stale", "true")
	p.waitText(byID("stale-banner"), "last valid input")
	if o := opacity(); o >= 0.8 {
		t.Errorf("stale results have opacity %v, want them dimmed", o)
	}
	if after := eval[string](p, "reading the results", resultsJS); after != before {
		t.Errorf("the stale results changed")
	}

	errs := p.count(tid("field-error"))
	p.waitText(byID("error-count"), strconv.Itoa(errs)+" errors")
	p.click(byID("error-count"))
	p.waitVisible(byID("error-list"))
	if n := p.count(tid("error-link")); n != errs {
		t.Errorf("the list has %d errors, the form shows %d", n, errs)
	}
	for path, field := range map[string]string{"resources[0].usage.hours": "resource-hours", "alerts.billAbove": "alert-bill-above"} {
		link := find(tid("error-link") + `[data-path="` + path + `"]`)
		if !p.exists(link) {
			t.Errorf("no link for %s%s", path, p.errorsShown())
			continue
		}
		if !p.exists(byID("error-list")) || !eval[bool](p, "the list", withEl(byID("error-list"), "return !el.hidden;", "false")) {
			p.click(byID("error-count"))
		}
		p.click(link)
		p.waitJS(path+" to take the focus", `document.activeElement?.dataset.testid === "`+field+`"`)
	}

	// Fixed: the banner goes, the results are fresh again.
	p.paste(r.in("resource-hours"), "465")
	p.paste(byID("alert-bill-above"), "")
	p.waitUpToDate()
	p.waitAttr(byID("results"), "data-stale", "false")
	if o := opacity(); o != 1 {
		t.Errorf("fixed results have opacity %v, want 1", o)
	}
	// 465 h = 19 days 9 h: 19 × 475 + 9 × 47 = 9,448 a month.
	p.waitValue(figure("web", "fee"), "9448")
}

// Errors a link brings for start, months and alerts land beside their fields,
// not in the general box.
func TestTrust5_linkErrorsBesideFields(t *testing.T) {
	t.Parallel()
	p := newTabAt(t, plainLink(`{"catalog":"seed-2018","start":"2018-13","months":130,
		"resources":[{"id":"web","item":"server/4core-8gb","zone":"tk1a","usage":{"pattern":"always"}}],
		"alerts":{"billAbove":"-5","balanceBelow":"abc"}}`))
	p.waitAttr(byID("status"), "data-state", "errors")
	for path, field := range map[string]string{
		"start": "start-month", "months": "horizon-months", "alerts.billAbove": "alert-bill-above", "alerts.balanceBelow": "alert-balance-below",
	} {
		p.waitPresent(fieldError(path))
		beside := eval[bool](p, "finding "+path+" beside its field", withEl(fieldError(path),
			`return el.closest(".field")?.querySelector('[data-testid="`+field+`"]') != null;`, "false"))
		if !beside {
			t.Errorf("the error for %s is not beside %s%s", path, field, p.errorsShown())
		}
	}
	if eval[bool](p, "the general box", withEl(byID("form-errors"), "return !el.hidden;", "false")) {
		t.Errorf("the general error box is shown%s", p.errorsShown())
	}
	p.waitText(byID("stale-banner"), "No estimate yet")
}
