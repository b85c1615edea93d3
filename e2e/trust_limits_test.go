//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"strconv"
	"testing"
)

// bigPriceList is a price API response of about size bytes in the real shape:
// the 1 core / 1 GB plan in Ishikari 1 and then service classes the simulator
// does not know, as a response with every class of every product would hold.
func bigPriceList(t *testing.T, size int) string {
	t.Helper()
	classes := map[string]any{
		"0": map[string]any{
			"DisplayName": "1コア/1GB", "IsPublic": true, "ServiceCharge": "cloud/uptime", "ServiceClassID": 50001,
			"ServiceClassName": "plan/1core-1gb", "ServiceClassPath": "cloud/plan/1core-1gb",
			"Price": map[string]any{"Hourly": 66, "Daily": 660, "Monthly": 13200, "Zone": "is1a"},
		},
	}
	approx := 0
	for i := 1; approx < size-400; i++ {
		c := map[string]any{
			"DisplayName": fmt.Sprintf("ウェブアクセラレータ プラン%d", i), "IsPublic": true, "ServiceCharge": "cloud/uptime",
			"ServiceClassID": 90000 + i, "ServiceClassName": fmt.Sprintf("webaccel/plan-%d", i),
			"ServiceClassPath": fmt.Sprintf("cloud/webaccel/plan-%d", i),
			"Price":            map[string]any{"Hourly": 10, "Daily": 100, "Monthly": 2000, "Zone": "is1a"},
		}
		b, _ := json.Marshal(c)
		approx += len(b) + 12
		classes[strconv.Itoa(i)] = c
	}
	out, _ := json.Marshal(map[string]any{"Count": len(classes), "ResponsedAt": "2026-06-13T00:06:55+09:00", "ServiceClasses": classes})
	return string(out)
}

// responsivenessJS starts a probe of the main thread: a 10 ms timer that
// records the longest gap between its ticks.
const responsivenessJS = `(() => {
	globalThis.__gap = 0;
	let last = performance.now();
	globalThis.__probe = setInterval(() => {
		const now = performance.now();
		__gap = Math.max(__gap, now - last);
		last = now;
	}, 10);
	globalThis.__started = performance.now();
	return true;
})()`

// Issue 9, problem 6: a price document over 4 MB is refused before any work;
// one just under it is imported while the page keeps responding.
func TestTrust6_priceListSizeLimit(t *testing.T) {
	t.Parallel()
	p := newTab(t)
	p.waitUpToDate()
	catalogs := p.options(byID("catalog-select"))
	form := eval[string](p, "reading the form", formJS)
	p.click(find("details.import > summary"))

	// Over the limit: 4.5 MB pasted.
	huge := bigPriceList(t, 4_500_000)
	eval[bool](p, "pasting 4.5 MB", fmt.Sprintf(`(() => { const el = document.querySelector('[data-testid="import-paste"]'); el.value = %q; el.dispatchEvent(new Event("input", {bubbles: true})); return true; })()`, huge))
	eval[bool](p, "starting the probe", responsivenessJS)
	p.click(byID("import-apply"))
	p.waitText(byID("import-status"), "at most 4.0 MB")
	took := eval[float64](p, "the time to refuse", `performance.now() - __started`)
	t.Logf("a 4.5 MB paste was refused in %.0f ms", took)
	if got := p.options(byID("catalog-select")); got != catalogs {
		t.Errorf("a refused paste changed the catalogs: %s", got)
	}
	if got := eval[string](p, "reading the form", formJS); got != form {
		t.Errorf("a refused paste changed the form")
	}
	// A file over the limit, likewise.
	p.upload(byID("import-prices"), "price-is1a.json", huge)
	p.waitText(byID("import-status"), fmt.Sprintf("price-is1a.json is %.1f MB", float64(len(huge))/(1<<20)))

	// Just under the limit: imported, and the page keeps running meanwhile.
	under := bigPriceList(t, 3_900_000)
	eval[bool](p, "pasting 3.9 MB", fmt.Sprintf(`(() => { const el = document.querySelector('[data-testid="import-paste"]'); el.value = %q; el.dispatchEvent(new Event("input", {bubbles: true})); return true; })()`, under))
	eval[bool](p, "restarting the probe", `(clearInterval(__probe), true)`)
	eval[bool](p, "starting the probe", responsivenessJS)
	p.click(byID("import-apply"))
	p.waitText(byID("import-status"), "Imported")
	took = eval[float64](p, "the import's time", `performance.now() - __started`)
	gap := eval[float64](p, "the longest pause", `__gap`)
	t.Logf("a %.1f MB paste was imported in %.0f ms; the main thread's longest pause was %.0f ms", float64(len(under))/1e6, took, gap)
	if gap > 500 {
		t.Errorf("the page stopped responding for %.0f ms during the import", gap)
	}
	// Every class but the 1-core plan is a web accelerator plan the catalog
	// lacks: all of them are counted, though only the first 200 are listed.
	var classes int
	if err := json.Unmarshal([]byte(under), &struct{ Count *int }{&classes}); err != nil {
		t.Fatal(err)
	}
	p.waitText(byID("import-status"), fmt.Sprintf("%d entries could not be matched and were left out", classes-1))
	p.click(find(".import-details > summary"))
	p.waitText(find(".import-details"), fmt.Sprintf("… and %d more", classes-1-200))
}
