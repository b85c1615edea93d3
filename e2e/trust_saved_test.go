//go:build e2e

package e2e

import (
	"encoding/json"
	"strings"
	"testing"
)

// savedNames lists the names in the saved-estimates list, in order.
func (p *page) savedNames() []string {
	p.t.Helper()
	return eval[[]string](p, "reading the saved list", `[...document.querySelectorAll('[data-testid="saved-item"]')].map((e) => e.dataset.name)`)
}

// storedScenario is the scenario stored under name.
func (p *page) storedScenario(name string) map[string]any {
	p.t.Helper()
	var list []struct {
		Name     string         `json:"name"`
		Scenario map[string]any `json:"scenario"`
	}
	if err := json.Unmarshal([]byte(p.storage("sakura.saved")), &list); err != nil {
		p.t.Fatalf("sakura.saved is not a list: %v", err)
	}
	for _, e := range list {
		if e.Name == name {
			return e.Scenario
		}
	}
	return nil
}

// answer answers the page's question (a modal dialog) and waits for it to close.
func (p *page) answer(yes bool) {
	p.t.Helper()
	p.waitJS("the page to ask", `document.querySelector('[data-testid="confirm"]').open`)
	if yes {
		p.click(byID("confirm-yes"))
	} else {
		p.click(byID("confirm-no"))
	}
	p.waitJS("the question to close", `!document.querySelector('[data-testid="confirm"]').open`)
}

// Issue 9, problem 2: saving under a name in use asks first; unnamed saves
// get names of their own; a delete can be undone.
func TestTrust2_saveAsksAndUndoes(t *testing.T) {
	t.Parallel()
	p := newTab(t)
	p.period("seed-2018", "2018-12", "12")
	p.resource(0, "web", "server/4core-8gb", "tk1a")
	p.waitValue(yearCell(1, "total"), "114048") // 12 × 9,504
	p.typeInto(byID("save-name"), "plan A")
	p.click(byID("save-estimate"))
	p.waitVisible(find(tid("saved-item") + `[data-name="plan A"]`))

	// Same name, other horizon: the page asks, and Cancel keeps the old one.
	p.choose(byID("horizon-select"), "24")
	p.waitUpToDate()
	p.typeInto(byID("save-name"), "plan A")
	p.click(byID("save-estimate"))
	p.waitText(byID("confirm"), "“plan A” is already saved")
	p.answer(false)
	p.waitText(find(".save-status"), "Nothing was saved")
	if m := p.storedScenario("plan A")["months"]; m != float64(12) {
		t.Errorf("after Cancel, plan A holds months %v, want 12", m)
	}
	p.click(byID("save-estimate"))
	p.answer(true)
	p.waitText(find(".save-status"), "Saved “plan A”")
	if m := p.storedScenario("plan A")["months"]; m != float64(24) {
		t.Errorf("after Replace, plan A holds months %v, want 24", m)
	}
	if got := p.savedNames(); len(got) != 1 {
		t.Errorf("saved list = %q, want plan A once", got)
	}

	// Two unnamed saves in the same minute.
	p.typeInto(byID("save-name"), "")
	p.click(byID("save-estimate"))
	p.waitJS("a second entry", `document.querySelectorAll('[data-testid="saved-item"]').length === 2`)
	p.click(byID("save-estimate"))
	p.waitJS("a third entry", `document.querySelectorAll('[data-testid="saved-item"]').length === 3`)
	names := p.savedNames()
	seen := map[string]bool{}
	for _, n := range names {
		if seen[n] {
			t.Errorf("two saved estimates share the name %q: %q", n, names)
		}
		seen[n] = true
	}
	auto := 0
	for _, n := range names {
		if strings.HasPrefix(n, "Estimate ") {
			auto++
		}
	}
	if auto != 2 {
		t.Errorf("saved names %q: want two default names", names)
	}

	// Delete, then undo: plan A is back as it was.
	p.click(find(tid("saved-item") + `[data-name="plan A"]`).in("delete-saved"))
	p.waitJS("plan A to go", `!document.querySelector('[data-testid="saved-item"][data-name="plan A"]')`)
	if p.storedScenario("plan A") != nil {
		t.Errorf("plan A is still stored after delete")
	}
	p.click(byID("undo-delete"))
	p.waitVisible(find(tid("saved-item") + `[data-name="plan A"]`))
	if m := p.storedScenario("plan A")["months"]; m != float64(24) {
		t.Errorf("after undo, plan A holds months %v, want 24", m)
	}
	if got := p.savedNames(); len(got) != 3 {
		t.Errorf("after undo the list is %q, want 3 entries", got)
	}
}

// Opening a saved estimate over unsaved changes asks, and Cancel changes
// nothing; with nothing unsaved it opens at once.
func TestTrust2_openAsksOverUnsavedChanges(t *testing.T) {
	t.Parallel()
	p := newTab(t)
	p.period("seed-2018", "2018-12", "12")
	p.resource(0, "web", "server/4core-8gb", "tk1a")
	p.waitUpToDate()
	p.typeInto(byID("save-name"), "one year")
	p.click(byID("save-estimate"))
	item := find(tid("saved-item") + `[data-name="one year"]`)
	p.waitVisible(item)

	p.choose(byID("horizon-select"), "36")
	p.waitUpToDate()
	form := eval[string](p, "reading the form", formJS)
	p.click(item.in("open-saved"))
	p.waitText(byID("confirm"), "not saved")
	p.answer(false)
	if got := eval[string](p, "reading the form", formJS); got != form {
		t.Errorf("Cancel changed the form:\nbefore %s\nafter  %s", form, got)
	}
	p.click(item.in("open-saved"))
	p.answer(true)
	p.waitJS("the horizon to be 12", withEl(byID("horizon-select"), `return el.value === "12";`, "false"))
	p.waitValue(yearCell(1, "total"), "114048")
	// Now nothing is unsaved: opening again asks nothing.
	p.click(item.in("open-saved"))
	p.waitText(find(".save-status"), "Opened “one year”")
	if eval[bool](p, "is the dialog open", `document.querySelector('[data-testid="confirm"]').open`) {
		t.Errorf("the page asked before opening, though nothing was unsaved")
	}
}

// A damaged saved entry says so and can be deleted; the good ones still open.
func TestTrust2_damagedEntry(t *testing.T) {
	t.Parallel()
	p := newTab(t)
	good := `{"name":"good","savedAt":"2026-01-01T00:00:00Z","scenario":{"catalog":"seed-2018","start":"2018-12","months":12,"resources":[{"id":"web","item":"server/4core-8gb","zone":"tk1a","usage":{"pattern":"always"}}]}}`
	p.setStorage("sakura.saved", `[`+good+`,{"name":"broken","savedAt":"2026-02-01T00:00:00Z","scenario":{"resources":"abc"}},7]`)
	p.reload()
	broken := find(tid("saved-item") + `[data-name="broken"]`)
	p.waitText(broken, "damaged")
	if p.exists(broken.in("open-saved")) {
		t.Errorf("a damaged entry offers Open")
	}
	if n := p.count(tid("saved-item") + `[data-damaged]`); n != 2 {
		t.Errorf("%d entries marked damaged, want 2 (the wrong shape and the number)", n)
	}
	p.click(broken.in("delete-saved"))
	p.waitJS("the damaged entry to go", `!document.querySelector('[data-testid="saved-item"][data-name="broken"]')`)
	if s := p.storage("sakura.saved"); strings.Contains(s, "broken") || !strings.Contains(s, `"good"`) {
		t.Errorf("after deleting the damaged entry, storage holds %s", s)
	}
	p.click(find(tid("saved-item") + `[data-name="good"]`).in("open-saved"))
	p.waitValue(yearCell(1, "total"), "114048")
}

// Export JSON, then open the file: the same form and figures.
func TestTrust2_exportImportRoundTrip(t *testing.T) {
	t.Parallel()
	p := newTab(t)
	couponScenario(p)
	p.waitUpToDate()
	form := eval[string](p, "reading the form", formJS)
	results := eval[string](p, "reading the results", resultsJS)
	p.click(byID("export-json"))
	p.waitJS("the JSON export", `globalThis.__lastExport?.kind === "json"`)
	text := eval[string](p, "reading the export", `globalThis.__lastExport.text`)

	q := newTab(t)
	q.upload(byID("import-json"), "sakura-estimate.json", text)
	q.waitText(find(".save-status"), "Opened “sakura-estimate.json”")
	q.waitValue(yearCell(1, "total"), p.attr(yearCell(1, "total"), "data-value"))
	q.waitUpToDate()
	if got := eval[string](q, "reading the form", formJS); got != form {
		t.Errorf("the imported form differs:\nexported %s\nimported %s", form, got)
	}
	if got := eval[string](q, "reading the results", resultsJS); got != results {
		t.Errorf("the imported results differ")
	}
	// A file that is not an export says so and changes nothing.
	before := eval[string](q, "reading the form", formJS)
	q.upload(byID("import-json"), "notes.json", `{"resources":[null]}`)
	q.waitText(find(".save-status"), "notes.json is not an exported estimate")
	if got := eval[string](q, "reading the form", formJS); got != before {
		t.Errorf("a bad file changed the form")
	}
}

// A damaged stored catalog is reported and set aside; the page still loads.
func TestTrust2_damagedStoredCatalog(t *testing.T) {
	t.Parallel()
	p := newTab(t)
	p.setStorage("sakura.catalogs", `[{"id":"official-2026-01-01","asOf":"2026-01-01","taxRate":"0.1","items":"oops"}]`)
	p.reload()
	p.waitVisible(byID("app"))
	p.waitText(byID("catalog-damaged"), "1 stored price list")
	p.waitUpToDate()
	if s := p.storage("sakura.catalogs.damaged"); !strings.Contains(s, "oops") {
		t.Errorf("the damaged catalog was not set aside: %q", s)
	}
	if s := p.storage("sakura.catalogs"); s != "[]" {
		t.Errorf("sakura.catalogs = %q after setting the damaged one aside, want []", s)
	}
	// Text that is not even JSON.
	p.setStorage("sakura.catalogs", `{{{`)
	p.reload()
	p.waitText(byID("catalog-damaged"), "1 stored price list")
	p.waitUpToDate()
}
