//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	cdppage "github.com/chromedp/cdproto/page"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// requestLog records the URL of every request a tab makes (CDP network
// events), to prove that nothing leaves the page's origins.
type requestLog struct {
	mu        sync.Mutex
	urls      []string
	encodings map[string]string // URL → the response's Content-Encoding
}

func (r *requestLog) listen(ev any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch e := ev.(type) {
	case *network.EventRequestWillBeSent:
		r.urls = append(r.urls, e.Request.URL)
	case *network.EventResponseReceived:
		if r.encodings == nil {
			r.encodings = map[string]string{}
		}
		for k, v := range e.Response.Headers {
			if strings.EqualFold(k, "Content-Encoding") {
				r.encodings[e.Response.URL] = fmt.Sprint(v)
			}
		}
	}
}

// encoding is the Content-Encoding of the response to the URL ending in suffix.
func (r *requestLog) encoding(suffix string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	for u, enc := range r.encodings {
		if strings.HasSuffix(u, suffix) {
			return enc
		}
	}
	return ""
}

// foreign lists the requests to origins other than allowed (data: and
// blob: URLs are the page's own).
func (r *requestLog) foreign(allowed ...string) []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, u := range r.urls {
		if strings.HasPrefix(u, "data:") || strings.HasPrefix(u, "blob:") {
			continue
		}
		pu, err := url.Parse(u)
		ok := false
		for _, a := range allowed {
			if err == nil && pu.Scheme+"://"+pu.Host == a {
				ok = true
			}
		}
		if !ok {
			out = append(out, u)
		}
	}
	return out
}

// count says how many requests went to URLs containing part.
func (r *requestLog) count(part string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, u := range r.urls {
		if strings.Contains(u, part) {
			n++
		}
	}
	return n
}

// openPlainTab opens url in a new tab of its own browser context, recording
// page errors (as newTab does) and every request, without waiting for the
// estimator page to be ready: the pages here are hosts and frames.
func openPlainTab(t *testing.T, browser context.Context, url string) (*page, *requestLog) {
	t.Helper()
	p := &page{t: t}
	log := &requestLog{}
	tabCtx, cancelTab := chromedp.NewContext(browser,
		chromedp.WithNewBrowserContext(),
		chromedp.WithListener(func(ev any) { p.listen(ev); log.listen(ev) }))
	if err := chromedp.Do(tabCtx); err != nil {
		cancelTab()
		t.Fatalf("opening a tab: %v", err)
	}
	if _, err := chromedp.Call(tabCtx, network.Enable, network.EnableParams{}); err != nil {
		cancelTab()
		t.Fatalf("recording the tab's requests: %v", err)
	}
	ctx, cancel := context.WithTimeout(tabCtx, tabTimeout)
	p.ctx = ctx
	t.Cleanup(func() {
		cancel()
		cancelTab()
		p.reportProblems()
	})
	if url != "" {
		if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
			t.Fatalf("opening %s: %v", url, err)
		}
	}
	return p, log
}

// readmeSnippet is the html code block after the README's marker
// "<!-- embed-snippet: name -->", exactly as written there.
func readmeSnippet(t *testing.T, name string) string {
	t.Helper()
	raw, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile("(?s)<!-- embed-snippet: " + regexp.QuoteMeta(name) + " -->\n```html\n(.*?)```")
	m := re.FindSubmatch(raw)
	if m == nil {
		t.Fatalf("README.md has no snippet %q", name)
	}
	return string(m[1])
}

// inCalc is a JS expression for the element matching css inside the n-th
// calculator's shadow root.
func inCalc(n int, css string) string {
	return fmt.Sprintf(`document.querySelectorAll("sakura-calculator")[%d]?.shadowRoot?.querySelector(%q)`, n, css)
}

// calcFigure is the data-value of a figure in a calculator's row.
func calcFigure(n int, rowCSS, figure string) string {
	return inCalc(n, rowCSS+` [data-figure="`+figure+`"]`) + `?.dataset.value`
}

// waitCalcFigures waits until every (row, figure) of calculator n has its value.
func (p *page) waitCalcFigures(n int, want map[[2]string]string) {
	p.t.Helper()
	for key, value := range want {
		expr := calcFigure(n, key[0], key[1])
		p.waitJSOr(fmt.Sprintf("calculator %d %s %s = %s", n, key[0], key[1], value), fmt.Sprintf(`%s === %q`, expr, value),
			func() string { return p.peek(fmt.Sprintf(`%s ?? (%s)?.textContent`, expr, inCalc(n, ".calc"))) })
	}
}

// setCalc sets an input of calculator n as a reader would, firing input.
func (p *page) setCalc(n int, css, value string) {
	p.t.Helper()
	eval[bool](p, "setting "+css, fmt.Sprintf(`(() => { const el = %s; el.focus(); el.value = %q; el.dispatchEvent(new Event("input", {bubbles: true})); return true })()`, inCalc(n, css), value))
}

// seedPassportRows are seed 002's rows, each over its own term (see passport_test.go).
var seedPassportRows = map[[2]string]string{
	{`[data-term="12"]`, "fee"}: "11404", {`[data-term="12"]`, "monthlyAfter"}: "7603", {`[data-term="12"]`, "totalWith"}: "102640", {`[data-term="12"]`, "without"}: "114048",
	{`[data-term="24"]`, "totalWith"}: "193867", {`[data-term="24"]`, "without"}: "228096",
	{`[data-term="36"]`, "totalWith"}: "273715", {`[data-term="36"]`, "without"}: "342144",
}

// inFrame evaluates expr (a JSON string result) in the page's first iframe,
// through an isolated world: the frame is of another origin, so the host's
// own scripts cannot look inside, but its DOM (shadow roots included) is
// the one the reader sees. "" while the frame has no answer yet.
func (p *page) inFrame(expr string) string {
	p.t.Helper()
	tree, err := chromedp.Call(p.ctx, cdppage.GetFrameTree, cdp.Empty{})
	if err != nil || tree.FrameTree == nil || len(tree.FrameTree.ChildFrames) == 0 {
		return ""
	}
	world, err := chromedp.Call(p.ctx, cdppage.CreateIsolatedWorld, cdppage.CreateIsolatedWorldParams{FrameID: tree.FrameTree.ChildFrames[0].Frame.ID})
	if err != nil {
		return ""
	}
	byValue := true
	res, err := chromedp.Call(p.ctx, cdpruntime.Evaluate, cdpruntime.EvaluateParams{Expression: expr, ContextID: world.ExecutionContextID, ReturnByValue: &byValue})
	if err != nil || res.ExceptionDetails != nil || res.Result == nil {
		return ""
	}
	var s string
	if json.Unmarshal([]byte(res.Result.Value), &s) != nil {
		return ""
	}
	return s
}

// waitFrameFigures waits until the iframe's calculator shows every figure.
func (p *page) waitFrameFigures(want map[[2]string]string) {
	p.t.Helper()
	for key, value := range want {
		expr := fmt.Sprintf(`String(document.querySelector("sakura-calculator")?.shadowRoot?.querySelector(%q)?.dataset.value)`, key[0]+` [data-figure="`+key[1]+`"]`)
		deadline := time.Now().Add(waitTimeout())
		for {
			got := p.inFrame(expr)
			if got == value {
				break
			}
			if time.Now().After(deadline) {
				p.t.Fatalf("the iframe's %s %s = %q, want %s", key[0], key[1], got, value)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
}
