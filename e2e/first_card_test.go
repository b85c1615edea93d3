//go:build e2e

package e2e

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/sakura-sim/pricesim/scripts/serve/sitehandler"
)

// heldSite serves the site with the file at path (e.g. "/app.js", the
// page's main module) held back until release is called, so what a page
// shows meanwhile comes from what does not wait for it.
func heldSite(t *testing.T, path string) (url string, release func()) {
	t.Helper()
	held := make(chan struct{})
	var once sync.Once
	release = func() { once.Do(func() { close(held) }) }
	t.Cleanup(release)
	site := sitehandler.New(siteDir)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == path {
			select {
			case <-held:
			case <-r.Context().Done():
				return
			}
		}
		site.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/", release
}

// heldPage is a tab opened on a page whose load event a held-back module
// keeps from coming. chromedp's own reads wait for a document it knows, so
// until the page has loaded, heldPage reads through Runtime.evaluate in
// whatever document the tab shows.
type heldPage struct {
	*page
	loaded chan error
}

func openHeld(t *testing.T, url string, setup ...chromedp.Action[chromedp.Void]) heldPage {
	t.Helper()
	p := heldPage{openPage(t, browser, "about:blank", setup...), make(chan error, 1)}
	go func() { p.loaded <- chromedp.Do(p.ctx, chromedp.Navigate(url)) }()
	return p
}

// waitRaw polls expr (true when done) until it holds.
func (p heldPage) waitRaw(what, expr string) {
	p.t.Helper()
	yes := true
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		var out runtime.EvaluateResult
		err := chromedp.Do(p.ctx, chromedp.Func(func(ctx context.Context, tgt *chromedp.Target) (err error) {
			out, err = cdp.Call(ctx, tgt, runtime.Evaluate, runtime.EvaluateParams{Expression: expr, ReturnByValue: &yes})
			return err
		}))
		if err == nil && out.ExceptionDetails == nil && out.Result != nil && string(out.Result.Value) == "true" {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	p.t.Fatalf("waiting for %s: timed out", what)
}

// pageLoaded waits for the load event, after which chromedp's reads work.
func (p heldPage) pageLoaded() {
	p.t.Helper()
	if err := <-p.loaded; err != nil {
		p.t.Fatalf("loading the page: %v", err)
	}
}

// inLanguage makes the page start in lang, as a user's earlier choice does.
func inLanguage(lang string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tgt *chromedp.Target) error {
		_, err := cdp.Call(ctx, tgt, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{
			Source: `try { localStorage.setItem("sakura.lang", "` + lang + `"); } catch {}`})
		return err
	})
}

// A first visit's figures come with the page's first few modules: while the
// page's own module (app.js, with the form and the engine) is held back, the
// loading screen shows the default estimate's totals. The default estimate
// is one 1 core / 1 GB server in is1a, always on, for 12 months from this
// month: list-2026's monthly fee 1,540 (worked by hand from the catalog), so
// 1,540 in the first month and 1,540 × 12 = 18,480 in the year and the
// whole period, no passport to make "without" differ. The loading screen
// speaks the page's language meanwhile. When the page comes, the card gives
// way to the page's own totals: the same figures.
func TestFirstCard_figuresBeforeThePage(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ lang, title, first, horizon, loading string }{
		{"en", "The default estimate while the page loads", "¥1,540", "¥18,480", "Loading the billing engine"},
		{"ja", "読み込み中の既定の試算", "1,540円", "18,480円", "料金計算エンジンを読み込んでいます"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			t.Parallel()
			url, release := heldSite(t, "/app.js")
			p := openHeld(t, url, inLanguage(c.lang))
			cell := func(key, col string) string {
				return `document.querySelector('[data-testid="first-card"] [data-testid="summary-row"][data-key="` + key + `"] [data-testid="` + col + `"]')`
			}
			p.waitRaw("the card on the loading screen", `(() => { const c = document.querySelector('[data-testid="first-card"]'); return !!c && !c.hidden && c.innerText.includes(`+strconv.Quote(c.title)+`); })()`)
			for _, f := range []struct{ key, col, value, text string }{
				{"first", "summary-with", "1540", c.first},
				{"first", "summary-without", "1540", c.first},
				{"year-1", "summary-with", "18480", c.horizon},
				{"year-1", "summary-without", "18480", c.horizon},
				{"horizon", "summary-with", "18480", c.horizon},
				{"horizon", "summary-without", "18480", c.horizon},
			} {
				p.waitRaw(f.key+" "+f.col+" = "+f.text, `(() => { const el = `+cell(f.key, f.col)+`; return el?.dataset.value === "`+f.value+`" && el.innerText.trim() === `+strconv.Quote(f.text)+`; })()`)
			}
			p.waitRaw("the loading screen in the page's language", `document.documentElement.lang === "`+c.lang+`" && document.querySelector(".loading-text").innerText.includes(`+strconv.Quote(c.loading)+`)`)
			p.waitRaw("the page not ready (app.js held back)", `!document.body.classList.contains("ready")`)

			t.Log("the page's module comes: the card gives way to the page's totals")
			release()
			p.pageLoaded()
			p.waitUpToDate()
			p.waitValue(summaryCell("horizon", "summary-with"), "18480")
			if n := p.count(tid("first-card") + " " + tid("summary-row")); n != 0 {
				t.Errorf("the loading screen's card keeps %d rows after the page came", n)
			}
		})
	}
}

// A link opens another estimate: the loading screen never shows the default
// estimate's figures for it, though first.json and every module the card
// needs have loaded.
func TestFirstCard_notForALink(t *testing.T) {
	t.Parallel()
	url, release := heldSite(t, "/app.js")
	// Seed 002's server for a year: 9,504 × 12 = 114,048.
	seed002 := `{"catalog":"seed-2018","start":"2018-12","months":12,"resources":[{"id":"web","item":"server/4core-8gb","zone":"tk1a","count":1,"usage":{"pattern":"always"}}]}`
	p := openHeld(t, url+strings.TrimPrefix(plainLink(seed002), siteURL))
	p.waitRaw("the default figures and the card's modules loaded", `(() => {
  const got = performance.getEntriesByType("resource").map((e) => e.name.split("/").pop());
  return ["first.json", "first-card.js", "summary-card.js", "unwritten-address.js"].every((n) => got.includes(n));
})()`)
	time.Sleep(300 * time.Millisecond) // the card's module runs once its last module is in
	p.waitRaw("the card still hidden and empty", `(() => { const c = document.querySelector('[data-testid="first-card"]'); return !!c && c.hidden && !c.querySelector('[data-testid="summary-row"]'); })()`)
	release()
	p.pageLoaded()
	p.waitUpToDate()
	p.waitValue(summaryCell("horizon", "summary-with"), "114048")
}
