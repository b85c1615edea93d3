//go:build e2e

package e2e

import "testing"

// Issue 9, problem 3: with site data blocked in the browser's settings the
// page loads, works in memory, says saving is unavailable, and nothing throws
// (the language toggle included).
func TestTrust3_storageBlocked(t *testing.T) {
	t.Parallel()
	p := newTabIn(t, blockedStorageBrowser(t), siteURL)
	blocked := eval[bool](p, "touching localStorage", `(() => { try { localStorage.getItem("x"); return false; } catch { return true; } })()`)
	if !blocked {
		t.Fatalf("localStorage works in the profile that blocks site data: the test does not test anything")
	}
	p.waitVisible(byID("storage-unavailable"))
	p.waitText(byID("storage-unavailable"), "saving is unavailable")
	p.period("seed-2018", "2018-12", "12")
	p.resource(0, "web", "server/4core-8gb", "tk1a")
	p.waitValue(yearCell(1, "total"), "114048")

	p.typeInto(byID("save-name"), "kept in memory")
	p.click(byID("save-estimate"))
	p.waitText(find(".save-status"), "only until this page is closed")
	p.waitVisible(find(tid("saved-item") + `[data-name="kept in memory"]`))

	p.click(byID("lang-toggle"))
	p.waitJS("the page to be in Japanese", `document.documentElement.lang === "ja"`)
	p.waitText(byID("storage-unavailable"), "保存は使えません")
	p.waitValue(yearCell(1, "total"), "114048")
	p.click(byID("lang-toggle"))
	p.waitJS("the page to be in English again", `document.documentElement.lang === "en"`)

	p.choose(byID("horizon-select"), "24")
	p.waitValue(yearCell(2, "total"), "114048")
	p.click(find(tid("saved-item") + `[data-name="kept in memory"]`).in("open-saved"))
	p.answer(true)
	p.waitJS("the horizon to be 12 again", withEl(byID("horizon-select"), `return el.value === "12";`, "false"))
}

// With the storage quota full, saving, importing prices and the language
// toggle say what happened and throw nothing.
func TestTrust3_storageFull(t *testing.T) {
	t.Parallel()
	p := newTab(t)
	// Fill the origin's quota with one key, halving the chunk until nothing fits.
	filled := eval[bool](p, "filling localStorage", `(() => {
		let chunk = "x".repeat(1 << 20), i = 0;
		while (chunk.length > 16) {
			try { localStorage.setItem("filler" + i++, chunk); } catch { chunk = chunk.slice(0, chunk.length / 2); }
		}
		try { localStorage.setItem("probe", "y".repeat(64)); return false; } catch { return true; }
	})()`)
	if !filled {
		t.Fatalf("could not fill localStorage")
	}
	p.click(byID("lang-toggle"))
	p.waitJS("the page to be in Japanese", `document.documentElement.lang === "ja"`)
	p.click(byID("lang-toggle"))
	p.waitJS("the page to be in English", `document.documentElement.lang === "en"`)

	p.period("seed-2018", "2018-12", "12")
	p.resource(0, "web", "server/4core-8gb", "tk1a")
	p.waitValue(yearCell(1, "total"), "114048")
	p.typeInto(byID("save-name"), "too much")
	p.click(byID("save-estimate"))
	p.waitText(find(".save-status"), "storage is full")
	p.waitVisible(find(tid("saved-item") + `[data-name="too much"]`))
	if p.exists(byID("storage-unavailable")) && eval[bool](p, "the notice", withEl(byID("storage-unavailable"), "return !el.hidden;", "false")) {
		t.Errorf("a full storage is reported as blocked")
	}

	p.click(find("details.import > summary"))
	p.paste(byID("import-paste"), ishikariPriceList(t))
	p.click(byID("import-apply"))
	p.waitText(byID("import-status"), "Imported")
	p.waitText(byID("import-status"), "would not store it")
}
