//go:build e2e

package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// With an error in the form, the results on screen are the last estimate
// without errors: an export says so and asks first, in the page's language.
// No means no file; yes gives the last good estimate's figures. Seed 002: one
// 4-core/8 GB server in tk1a from 2018-12 at 9,504 a month, 12 months:
// 114,048; the count then typed as 0 is an error, and the file keeps 1.
func TestExport_withErrorsAsksFirst(t *testing.T) {
	t.Parallel()
	p := newTab(t)
	p.period("seed-2018", "2018-12", "12")
	p.resource(0, "web", "server/4core-8gb", "tk1a")
	p.waitUpToDate()

	t.Log("no error: the file comes without a question")
	if totals := p.readCSV("export-csv", "csv"); !strings.Contains(fmt.Sprint(totals), "114048") {
		t.Errorf("the totals CSV lacks 114,048:\n%v", totals)
	}
	if p.dialogOpen() {
		t.Fatalf("an export of a good form asked a question")
	}

	p.typeInto(row("resource-row", 0).in("resource-count"), "0")
	p.waitJS("the status to count the error", withEl(byID("status"), `return el.dataset.state === "errors";`, "false"))

	t.Log("an error: the export asks, and no means no file")
	_ = eval[bool](p, "forgetting the last export", `(delete window.__lastExport, true)`)
	p.click(byID("export-json"))
	p.waitText(find("#confirm-text"), "The form has 1 error")
	p.answer(false)
	time.Sleep(300 * time.Millisecond) // a file would be written by now
	if eval[bool](p, "a file written", `window.__lastExport !== undefined`) {
		t.Errorf("a refused export wrote a file")
	}

	t.Log("yes gives the last estimate without errors")
	p.click(byID("export-json"))
	p.answer(true)
	p.waitJS("the JSON export", `globalThis.__lastExport?.kind === "json"`)
	file := eval[string](p, "reading the export", `globalThis.__lastExport.text`)
	if !strings.Contains(file, `"total": "114048"`) && !strings.Contains(file, `"total":"114048"`) {
		t.Errorf("the file lacks the last good estimate's 114,048:\n%.400s", file)
	}
	if !strings.Contains(file, `"count": 1`) && !strings.Contains(file, `"count":1`) {
		t.Errorf("the file's scenario is not the last good one (count 1):\n%.400s", file)
	}

	t.Log("in Japanese")
	p.click(byID("lang-toggle"))
	p.waitJS("the page to be in Japanese", `document.documentElement.lang === "ja"`)
	p.click(byID("export-csv-lines"))
	p.waitText(find("#confirm-text"), "エラーが1件")
	p.answer(false)
}

// dialogOpen says whether the page's question dialog is open.
func (p *page) dialogOpen() bool {
	p.t.Helper()
	return eval[bool](p, "the question dialog", `document.querySelector('[data-testid="confirm"]').open`)
}
