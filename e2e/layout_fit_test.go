//go:build e2e

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// fitScenario fills every results table: seed 002's server with its 12-month
// passport, a coupon (credits used), 36 months (three years).
const fitScenario = `{"catalog":"seed-2018","start":"2018-12","months":36,
 "resources":[{"id":"web","item":"server/4core-8gb","zone":"tk1a","count":1,"usage":{"pattern":"always"}}],
 "passports":[{"id":"pp1","item":"server/4core-8gb","zone":"tk1a","term":12,"count":1,"purchased":"2018-12"}],
 "credits":[{"id":"c1","kind":"coupon","amount":"20000","registered":"2018-12-05","expires":"2019-03-31"}]}`

// overflowingHeadersJS lists every column header of the results' tables
// whose right edge is outside the window or outside the box that holds the
// table (a scroller, a result section): a column the reader must scroll
// sideways to see. Empty when every table fits.
const overflowingHeadersJS = `(async () => {
  // Tables stack in the frame after they change (a ResizeObserver): measure then.
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const out = [];
  const tables = [...document.querySelectorAll("#results table")].filter((t) => t.getBoundingClientRect().width > 0);
  for (const table of tables) {
    const box = table.closest(".sk-scroll, .table-wrap, .result, .summary-card") ?? document.body;
    const limit = Math.min(innerWidth, document.documentElement.clientWidth, box.getBoundingClientRect().right + 0.5);
    const stacked = getComputedStyle(table.tHead ?? table).position === "absolute";
    const name = (table.caption?.textContent ?? table.className).slice(0, 40);
    if (stacked) {
      // A stacked table shows each cell under its column's name: the cells must fit.
      for (const c of table.querySelectorAll("tbody > tr > *")) {
        const r = c.getBoundingClientRect();
        if (r.width > 0 && r.right > limit) out.push(name + " / stacked cell " + (c.dataset.label ?? "") + ": " + Math.round(r.right) + " > " + Math.round(limit));
      }
      continue;
    }
    for (const th of table.querySelectorAll("thead th")) {
      const r = th.getBoundingClientRect();
      if (r.width > 0 && r.right > limit) out.push(name + " / " + th.textContent + ": " + Math.round(r.right) + " > " + Math.round(limit));
    }
  }
  return out;
})()`

// shoot saves a screenshot of the window as e2e/screenshots/<name>.png.
func (p *page) shoot(name string) {
	p.t.Helper()
	png, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		p.t.Logf("screenshot %s: %v", name, err)
		return
	}
	_ = os.MkdirAll("screenshots", 0o755)
	_ = os.WriteFile(filepath.Join("screenshots", name+".png"), png, 0o644)
}

func TestLayout_tablesFit(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"en", "ja"} {
		for _, width := range widths {
			p := newTabAt(t, plainLink(fitScenario))
			p.viewport(width)
			if lang == "ja" {
				p.click(byID("lang-toggle"))
				p.waitJS("Japanese", `document.documentElement.lang === "ja"`)
			}
			p.waitUpToDate()
			p.click(find(`[data-testid="bills-expand"]`))
			p.waitPresent(find(`[data-testid="bills-line"]`))
			p.click(find(`[data-testid="breakdown"] > summary`))
			p.waitPresent(find(`[data-testid="breakdown-row"]`))
			p.show(byID("advisor"))
			p.waitPresent(find(`[data-testid="advisor-option"]`))
			bad := evalAwait[[]string](p, "columns outside the screen", overflowingHeadersJS)
			if len(bad) > 0 {
				t.Errorf("%s %d px: columns cut off:\n%s", lang, width, strings.Join(bad, "\n"))
			}
			for _, id := range []string{"years", "bills", "passports", "breakdown-box", "advisor"} {
				_ = eval[bool](p, "scrolling", withEl(byID(id), `el.scrollIntoView({block: "start"}); return true;`, "false"))
				p.shoot(fmt.Sprintf("fit-%s-%d-%s", lang, width, id))
			}
		}
	}
}

// rowsHiddenJS scrolls the results (their own scroller beside the form, the
// page on a phone) to several depths, and at each lists the result rows shown
// in the window whose centre is not theirs to show: covered by the totals
// card or bar. A row outside the scroller's box is clipped, not covered.
const rowsHiddenJS = `(async () => {
  const scroller = document.querySelector('[data-testid="results-body"]');
  const own = getComputedStyle(scroller).overflowY === "auto";
  const box = own ? scroller : document.scrollingElement;
  const covered = [];
  const rows = [...scroller.querySelectorAll("tr")].filter((tr) => tr.checkVisibility() && tr.getBoundingClientRect().height > 0);
  const max = box.scrollHeight - box.clientHeight;
  for (const f of [0.15, 0.35, 0.6, 0.85, 1]) {
    box.scrollTop = Math.round(max * f);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    // On a phone the page scrolls under the fixed bar, as under any fixed
    // bar; what must hold is that every row can be scrolled clear of it.
    const bar = document.querySelector('[data-testid="summary-bar"]').getBoundingClientRect();
    const clip = own ? scroller.getBoundingClientRect() : { top: 0, bottom: bar.height ? bar.top : innerHeight, left: 0, right: innerWidth };
    if (f === 1 && rows.at(-1).getBoundingClientRect().bottom > clip.bottom + 0.5) covered.push("the last row cannot be scrolled clear of the totals");
    for (const tr of rows) {
      const r = tr.getBoundingClientRect();
      const x = Math.min(r.left + r.width / 2, clip.right - 2), y = r.top + r.height / 2;
      if (tr.parentElement.tagName === "THEAD" && tr.parentElement.getBoundingClientRect().width <= 2) continue;
      // (2 px off the clip's edges: a box's edge may take a fraction of a pixel.)
      if (y < Math.max(0, clip.top) + 2 || y > Math.min(innerHeight, clip.bottom) - 2) continue;
      const hit = document.elementFromPoint(x, y);
      if (!hit || !tr.contains(hit)) covered.push(f + ": " + (tr.dataset.testid ?? tr.textContent.slice(0, 30)) + " under " + (hit?.closest("[data-testid]")?.dataset.testid ?? hit?.tagName));
    }
  }
  return covered;
})()`

// The totals never cover a result: beside the form the card sits above the
// results' own scroller; on a phone the bar leaves room under the last row.
func TestLayout_totalsCoverNoResult(t *testing.T) {
	t.Parallel()
	for _, width := range widths {
		p := newTabAt(t, plainLink(fitScenario))
		p.viewport(width)
		p.waitUpToDate()
		p.click(find(`[data-testid="bills-expand"]`))
		p.waitPresent(find(`[data-testid="bills-line"]`))
		p.show(byID("advisor"))
		p.waitPresent(find(`[data-testid="advisor-option"]`))
		covered := evalAwait[[]string](p, "rows covered while scrolling", rowsHiddenJS)
		if len(covered) > 0 {
			t.Errorf("%d px: result rows covered by the totals:\n%s", width, strings.Join(covered, "\n"))
		}
		if width >= 1100 {
			// The card is in view at every depth, and does not overlap the scroller.
			overlap := eval[bool](p, "card and scroller overlapping", `(() => {
				const c = document.querySelector('[data-testid="summary-card"]').getBoundingClientRect();
				const s = document.querySelector('[data-testid="results-body"]').getBoundingClientRect();
				return c.bottom > s.top + 0.5 || c.top < 0;
			})()`)
			if overlap {
				t.Errorf("%d px: the totals card overlaps the results or left the window", width)
			}
			// Scrolled to the page's end, the column still starts below the header.
			under := evalAwait[float64](p, "the card under the header", `(async () => {
				scrollTo(0, document.scrollingElement.scrollHeight);
				// Sticky boxes move with the frame, not at once.
				await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
				return document.querySelector(".top").getBoundingClientRect().bottom - document.querySelector('[data-testid="summary-card"]').getBoundingClientRect().top;
			})()`)
			if under > 0.5 {
				t.Errorf("%d px: at the page's end the totals card is %.0f px under the header", width, under)
			}
		}
	}
}

// A4 (210 × 297 mm) with Chromium's default 1 cm margins, in CSS pixels
// (96 per inch): the box a printed page lays out in.
const (
	a4WidthIn, a4HeightIn = 8.27, 11.69
	pageContentWidth      = 718  // (210 − 20) mm
	pageContentHeight     = 1047 // (297 − 20) mm
)

// rowsBreakJS lists, in print media, every result row a page break could cut:
// one whose break-inside is not avoid, or one taller than a page (which no
// avoid can keep whole).
const rowsBreakJS = `(() => {
  const out = [];
  for (const tr of document.querySelectorAll("#results tr")) {
    if (!tr.checkVisibility()) continue;
    const st = getComputedStyle(tr);
    const h = tr.getBoundingClientRect().height;
    if (st.breakInside !== "avoid") out.push((tr.dataset.testid ?? tr.textContent.slice(0, 30)) + ": break-inside " + st.breakInside);
    else if (h > %d) out.push((tr.dataset.testid ?? tr.textContent.slice(0, 30)) + ": " + h + " px, taller than a page");
  }
  return out;
})()`

// Printed on A4: page one holds the inputs and the totals, and the details
// start on page two; no result row can be split by a page break; the PDF
// Chromium makes has the pages that layout implies.
func TestLayout_printPDF(t *testing.T) {
	t.Parallel()
	p := newTabAt(t, plainLink(fitScenario))
	p.waitUpToDate()
	p.click(find(`[data-testid="bills-expand"]`))
	p.waitPresent(find(`[data-testid="bills-line"]`))

	// Charts keep their table on paper: at print time every chart's table is
	// open and built (this listener runs after the page's own).
	p.waitPresent(find(`[data-testid="comparison-card"] details.sk-alt`))
	_ = eval[bool](p, "listening for print", `(addEventListener("beforeprint", () => {
		window.__printTables = [...document.querySelectorAll("details.sk-alt")].map((d) => d.open && d.querySelector("table") !== null);
	}), true)`)

	pdf, err := chromedp.Call(p.ctx, cdppage.PrintToPDF, cdppage.PrintToPDFParams{PaperWidth: a4WidthIn, PaperHeight: a4HeightIn})
	if err != nil {
		t.Fatal(err)
	}
	tables := eval[[]bool](p, "the chart tables at print time", `window.__printTables ?? []`)
	if len(tables) < 2 {
		t.Errorf("%d charts with a table alternative when printing, want the years chart and the comparison card's", len(tables))
	}
	for i, ok := range tables {
		if !ok {
			t.Errorf("chart %d printed without its table", i)
		}
	}
	// Each page is one "/Type /Page" object; the page tree is "/Type /Pages".
	pages := regexp.MustCompile(`/Type\s*/Page\b[^s]`).FindAll(pdf.Data, -1)
	_ = os.WriteFile(filepath.Join("screenshots", "print.pdf"), pdf.Data, 0o644)
	t.Logf("the PDF has %d pages", len(pages))
	if len(pages) < 2 || len(pages) > 40 {
		t.Errorf("the PDF has %d pages, want page one (inputs, totals) and the details after it, at most 40", len(pages))
	}

	p.printedPageOneHoldsInputsAndTotals(pageContentWidth, pageContentHeight)
	p.waitText(byID("print-inputs"), "4 cores / 8 GB")
	if got := eval[string](p, "the break before the details", `getComputedStyle(document.querySelector(".results-body > .result")).breakBefore`); got != "page" {
		t.Errorf("the details start with break-before %q, want page (page one: inputs and totals only)", got)
	}
	if bad := eval[[]string](p, "rows a page break could cut", fmt.Sprintf(rowsBreakJS, pageContentHeight)); len(bad) > 0 {
		t.Errorf("result rows a page break could cut:\n%s", strings.Join(bad, "\n"))
	}
	// The pages the PDF has: page one, then at least the details' height in pages.
	height := eval[float64](p, "the details' height", `document.querySelector(".results-body").getBoundingClientRect().height`)
	if min := 1 + int(height)/pageContentHeight; len(pages) < min {
		t.Errorf("the PDF has %d pages, fewer than page one and %.0f px of details (%d)", len(pages), height, min)
	}
}

// printedPageOneHoldsInputsAndTotals lays the page out for print in a
// viewport of width × height and checks that the inputs list and the totals
// card both end within the first page's content height (A4 between 1 cm
// margins: 1,047 px at 96 dpi).
func (p *page) printedPageOneHoldsInputsAndTotals(width, height int64) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(width, height)); err != nil {
		p.t.Fatal(err)
	}
	if _, err := chromedp.Call(p.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		p.t.Fatal(err)
	}
	p.waitJS("print styles", `matchMedia("print").matches`)
	for _, id := range []string{"print-inputs", "summary-card"} {
		bottom := eval[float64](p, "where "+id+" ends", withEl(byID(id),
			`const r = el.getBoundingClientRect(); return r.height > 0 ? r.bottom + scrollY : 99999;`, "99999"))
		if bottom > pageContentHeight {
			p.t.Errorf("%s ends %.0f px down the printout, past page one (%d px)", id, bottom, pageContentHeight)
		}
	}
}
