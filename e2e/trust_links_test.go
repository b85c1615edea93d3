//go:build e2e

package e2e

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"fmt"
	"strings"
	"testing"
)

// seedScenario is seed 002's server for a year: 12 × 9,504 = 114,048.
const seedScenario = `{"catalog":"seed-2018","start":"2018-12","months":12,"resources":[{"id":"web","item":"server/4core-8gb","zone":"tk1a","usage":{"pattern":"always"}}]}`

// checkDefaultForm checks the form is what a first visit shows: the newest shipped catalog, one
// resource, one year.
func (p *page) checkDefaultForm() {
	p.t.Helper()
	if got := p.value(byID("catalog-select")); got != "list-2026" {
		p.t.Errorf("catalog = %q, want the default list-2026", got)
	}
	if n := p.count(tid("resource-row")); n != 1 {
		p.t.Errorf("%d resource rows, want the default 1", n)
	}
	if got := p.value(byID("horizon-select")); got != "12" {
		p.t.Errorf("horizon = %q, want the default 12", got)
	}
	if n := p.count(tid("passport-row")) + p.count(tid("credit-row")); n != 0 {
		p.t.Errorf("%d passport and credit rows, want none", n)
	}
}

// Issue 9, problem 4: every bad link opens the page with a message naming
// what is wrong, the default estimate below it, and the address untouched.
func TestTrust4_badLinks(t *testing.T) {
	t.Parallel()
	good := compressedLink(t, []byte(seedScenario))
	// Half a gigabyte of spaces inside a JSON string, a link of about 700 KB:
	// the page must stop inflating at 1 MB.
	bombLink := bombLink(t, 512<<20)
	t.Logf("the bomb link is %d KB", len(bombLink)>>10)

	cases := []struct {
		name, url, says string
	}{
		{"not base64", siteURL + "#j=!!!!", "not a link this page made"},
		{"cut in half", good[:len(siteURL)+(len(good)-len(siteURL))/2], "damaged or cut short"},
		{"plain cut in half", plainLink(seedScenario)[:len(siteURL)+60], "damaged or cut short"},
		{"resources a string", plainLink(`{"catalog":"seed-2018","resources":"abc"}`), "resources in it should be a list"},
		{"resources [null]", plainLink(`{"catalog":"seed-2018","resources":[null]}`), "resources[0] in it should be an object"},
		{"not an object", plainLink(`[1,2]`), "should be an object"},
		{"a choice the form lacks", plainLink(`{"catalog":"seed-2018","passports":[{"item":"server/4core-8gb","zone":"tk1a","term":48,"purchased":"2018-12"}]}`), "passports[0].term in it is none of 12, 24, 36"},
		{"unknown catalog", plainLink(strings.Replace(seedScenario, "seed-2018", "list-2099", 1)), "uses the price list list-2099"},
		{"too large", bombLink, "more than 1 MB"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			p := newTabAt(t, c.url)
			p.waitVisible(byID("link-error"))
			p.waitText(byID("link-error"), c.says)
			p.waitText(byID("link-error"), "could not be opened")
			p.waitUpToDate()
			p.checkDefaultForm()
			if got := eval[string](p, "reading the address", `location.href`); got != c.url {
				t.Errorf("the address changed:\n got %.120s…\nwant %.120s…", got, c.url)
			}
		})
	}
}

// The address keeps a bad link until the user edits the form or dismisses
// the message; then it follows the form again.
func TestTrust4_badLinkAddressReleased(t *testing.T) {
	t.Parallel()
	url := plainLink(`{"catalog":"seed-2018","resources":[null]}`)

	p := newTabAt(t, url)
	p.waitUpToDate()
	p.click(byID("link-error-dismiss"))
	p.waitJS("the address to follow the form", `/^#s=/.test(location.hash)`)
	if p.exists(byID("link-error")) && eval[bool](p, "the message", withEl(byID("link-error"), "return !el.hidden;", "false")) {
		t.Errorf("the message is still shown after Dismiss")
	}

	q := newTabAt(t, url)
	q.waitUpToDate()
	q.choose(byID("horizon-select"), "24")
	q.waitJS("the address to follow the edit", `/^#s=/.test(location.hash)`)
	// The new address opens the edited form.
	r := newTabAt(t, eval[string](q, "reading the address", `location.href`))
	r.waitUpToDate()
	if got := r.value(byID("horizon-select")); got != "24" {
		t.Errorf("the edited link opens a horizon of %q, want 24", got)
	}
	if r.exists(byID("link-error")) && eval[bool](r, "the message", withEl(byID("link-error"), "return !el.hidden;", "false")) {
		t.Errorf("a good link shows the link error")
	}
}

// Prices a link carries under a shipped catalog's id are labelled as the
// link's, and the estimate uses them, not the shipped ones.
func TestTrust4_linkPricesLabelled(t *testing.T) {
	t.Parallel()
	scenario := fmt.Sprintf(`{"catalog":{"id":"list-2026","asOf":"2026-04-28","taxRate":"0.1","source":"a colleague's negotiated prices",
		"items":[{"id":"server/4core-8gb","kind":"server","zone":"tk1a","name":{"en":"4 cores / 8 GB","ja":"4コア / 8GB"},"hourly":"20","daily":"200","monthly":"4000"}]},
		"start":"2026-05","months":12,"resources":[{"id":"web","item":"server/4core-8gb","zone":"tk1a","usage":{"pattern":"always"}}]}`)
	p := newTabAt(t, compressedLink(t, []byte(scenario)))
	p.waitUpToDate()
	// 12 months at the link's 4,000 a month, not list-2026's own price.
	p.waitValue(yearCell(1, "total"), "48000")
	p.waitText(byID("catalog-origin"), "came with the link")
	selected := eval[string](p, "the selected catalog", withEl(byID("catalog-select"), `return el.selectedOptions[0]?.textContent ?? "";`, `""`))
	if !strings.Contains(selected, "from a link") {
		t.Errorf("the catalog picker shows %q, want it marked as from the link", selected)
	}
	if got := p.value(byID("catalog-select")); got == "list-2026" {
		t.Errorf("the link's prices are selected as the shipped list-2026")
	}
	p.waitText(byID("summary"), "prices from the link")
	// The shipped list-2026 is still there, unchanged, for the user to pick.
	p.choose(byID("catalog-select"), "list-2026")
	p.waitUpToDate()
	if got := p.attr(yearCell(1, "total"), "data-value"); got == "48000" {
		t.Errorf("the shipped list-2026 prices the server at the link's price")
	}
}

// bombLink is a compressed link whose JSON inflates to size bytes, written
// in pieces so the test itself never holds it.
func bombLink(t *testing.T, size int) string {
	t.Helper()
	var buf bytes.Buffer
	w, err := flate.NewWriter(&buf, flate.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(`{"catalog":"seed-2018","pad":"`))
	spaces := bytes.Repeat([]byte(" "), 1<<20)
	for n := 0; n < size; n += len(spaces) {
		w.Write(spaces)
	}
	w.Write([]byte(`"}`))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return siteURL + "#s=" + base64.RawURLEncoding.EncodeToString(buf.Bytes())
}

// A link pasted into the address bar over unsaved changes asks first; Cancel
// keeps the form, and the address follows the form again.
func TestTrust4_newLinkAsksOverUnsavedChanges(t *testing.T) {
	t.Parallel()
	p := newTab(t)
	p.choose(byID("horizon-select"), "36")
	p.waitUpToDate()
	form := eval[string](p, "reading the form", formJS)
	hash := plainLink(seedScenario)[len(siteURL):]
	eval[bool](p, "following a link", `(location.hash = `+fmt.Sprintf("%q", hash)+`, true)`)
	p.answer(false)
	p.waitJS("the address to follow the form again", `/^#s=/.test(location.hash)`)
	p.waitUpToDate()
	if got := eval[string](p, "reading the form", formJS); got != form {
		t.Errorf("Cancel changed the form:\nbefore %s\nafter  %s", form, got)
	}
	eval[bool](p, "following the link again", `(location.hash = `+fmt.Sprintf("%q", hash)+`, true)`)
	p.answer(true)
	p.waitValue(yearCell(1, "total"), "114048")
}

// A bad link followed later (pasted into the address bar) changes nothing
// and says so; the address keeps it.
func TestTrust4_laterBadLinkChangesNothing(t *testing.T) {
	t.Parallel()
	p := newTab(t)
	p.choose(byID("horizon-select"), "36")
	p.waitUpToDate()
	form := eval[string](p, "reading the form", formJS)
	bad := plainLink(`{"catalog":"seed-2018","resources":"abc"}`)
	eval[bool](p, "following a bad link", `(location.hash = `+fmt.Sprintf("%q", bad[len(siteURL):])+`, true)`)
	p.waitText(byID("link-error"), "resources in it should be a list")
	p.waitText(byID("link-error"), "The form is as it was")
	if got := eval[string](p, "reading the form", formJS); got != form {
		t.Errorf("a bad link changed the form")
	}
	if got := eval[string](p, "reading the address", `location.href`); got != bad {
		t.Errorf("the address lost the bad link: %.100s", got)
	}
}
