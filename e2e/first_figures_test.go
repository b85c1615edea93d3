//go:build e2e

package e2e

import "testing"

// A first visit shows the default estimate's figures before the engine is
// ready, from gen/first.json (written at build time by the native engine),
// and the worker's answer, when it comes, is the same document.
//
// The wasm is held back by the server until the shipped figures are on
// screen, so the engine cannot win the race. The default estimate is one
// 1 core / 1 GB server in is1a, always on, for 12 months from this month:
// list-2026's monthly fee 1,540 × 12 = 18,480 (the catalog's price, worked by hand).
func TestFirstFigures_shippedBeforeTheEngine(t *testing.T) {
	t.Parallel()
	url, open := heldSite(t, "/gen/main.wasm")
	p := openPage(t, browser, url)
	p.waitJS("the shipped figures", `document.querySelector('[data-testid="results"]')?.dataset.source === "shipped"`)
	if eval[bool](p, "the engine", `globalThis.sakura?.ready === true`) {
		t.Fatal("the engine is ready although its wasm was held back")
	}
	p.waitValue(summaryCell("horizon", "summary-with"), "18480")
	if got := p.count(tid("resource-row")); got != 1 {
		t.Fatalf("%d resource rows on a first visit, want 1", got)
	}

	t.Log("the engine starts; its answer replaces the shipped one")
	open()
	p.waitJS("the engine's figures", `globalThis.sakura?.ready === true && document.querySelector('[data-testid="results"]')?.dataset.source === "engine"`)
	p.waitValue(summaryCell("horizon", "summary-with"), "18480")

	t.Log("every shipped answer is the engine's answer, document for document")
	differ := evalAwait[string](p, "comparing the shipped answers", `(async () => {
  const first = await (await fetch("gen/first.json")).json();
  const out = [];
  if (JSON.stringify(await sakura.call({ request: "catalogs" })) !== JSON.stringify(first.catalogs)) out.push("catalogs");
  for (const e of first.estimates) {
    const got = await sakura.call({ request: "estimateSummary", scenario: e.scenario });
    if (JSON.stringify(got) !== JSON.stringify(e.answer)) out.push(e.scenario.start);
  }
  return out.length === 0 && first.estimates.length === 3 ? "" : "differ: " + out.join(", ") + " of " + first.estimates.length;
})()`)
	if differ != "" {
		t.Fatal(differ)
	}
}
