//go:build e2e

package e2e

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// hostileCSS is what a careless documentation theme might do to every element.
const hostileCSS = `* { all: revert; font-size: 40px !important; color: rgb(255, 0, 0) !important; font-family: serif !important; line-height: 3 !important; }
table, td, th, input, select { border: 5px solid lime !important; padding: 30px !important; }
sakura-calculator { display: inline !important; }`

// hostPage serves body on an origin of its own (another port than the
// estimator's), with the Content-Security-Policy the README asks hosts for.
func hostPage(t *testing.T, body string) (hostURL, estimatorOrigin string) {
	t.Helper()
	estimatorOrigin = strings.TrimSuffix(siteURL, "/")
	csp := fmt.Sprintf("default-src 'self'; script-src %[1]s 'wasm-unsafe-eval'; connect-src %[1]s; worker-src blob:; style-src 'unsafe-inline'; frame-src %[1]s", estimatorOrigin)
	html := strings.ReplaceAll(body, "https://ESTIMATOR_ORIGIN", estimatorOrigin)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", csp)
		fmt.Fprint(w, html)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/", estimatorOrigin
}

// TestEmbed_twoCalculatorsOnAHostileHost: the README's two lines, verbatim,
// and a second calculator on a page of another origin that restyles every
// element. Figures: seed 002 (see passport_test.go); two servers cost
// 2 × 9,504 a month, 228,096 over 12 months.
func TestEmbed_twoCalculatorsOnAHostileHost(t *testing.T) {
	t.Parallel()
	two := readmeSnippet(t, "two lines")
	hostURL, estimator := hostPage(t, `<!doctype html><html lang="en"><head><title>docs</title><style>`+hostileCSS+`</style></head><body>
<p id="host-text">Our pricing</p><table id="host-table"><tr><td id="host-cell">host cell</td></tr></table>
`+two+`
<sakura-calculator view="estimate" catalog="seed-2018" start="2018-12" term="12"></sakura-calculator>
<sakura-calculator view="comparison" catalog="seed-2018" start="2019-01"></sakura-calculator>
</body></html>`)
	p, requests := openPlainTab(t, browser, hostURL)

	p.waitCalcFigures(0, seedPassportRows)
	p.waitCalcFigures(1, map[[2]string]string{
		{`[data-year="1"]`, "total"}: "102640", {`[data-year="1"]`, "withoutPassports"}: "114048",
		{`[data-year="2"]`, "total"}: "114048", {`[data-year="3"]`, "total"}: "114048",
	})

	// January 2019, always on (744 h): 47 × 744 = 34,968 by the hour,
	// 475 × 31 = 14,725 with the daily cap, 9,504 for the month, billed.
	p.waitCalcFigures(2, map[[2]string]string{
		{`[data-regime="hourlyOnly"]`, "hourlyOnly"}: "34968", {`[data-regime="hourlyDaily"]`, "hourlyDaily"}: "14725", {`[data-regime="monthly"]`, "monthly"}: "9504",
	})
	p.waitJS("the monthly row billed and the fee chart drawn", inCalc(2, `tr.billed[data-regime="monthly"]`)+` && `+inCalc(2, `[data-testid="calculator-chart"] polyline.fee`))

	t.Log("the link to the estimator carries the scenario")
	link := eval[string](p, "the link's scenario", `JSON.stringify(JSON.parse(atob(`+inCalc(1, `[data-testid="calculator-open"]`)+`.href.split("#j=")[1].replace(/-/g, "+").replace(/_/g, "/"))))`)
	if want := `{"start":"2018-12","months":36,"resources":[{"id":"calc","item":"server/4core-8gb","zone":"tk1a","count":1,"usage":{"pattern":"always"}}],"catalog":"seed-2018","passports":[{"item":"server/4core-8gb","zone":"tk1a","term":12,"count":1,"purchased":"2018-12"}]}`; link != want {
		t.Errorf("the link's scenario = %s\nwant %s", link, want)
	}
	href := eval[string](p, "the link", inCalc(1, `[data-testid="calculator-open"]`)+`.href`)
	if !strings.HasPrefix(href, estimator+"/index.html#j=") {
		t.Fatalf("the link goes to %s, want the estimator's page", href)
	}
	full := newTabAt(t, href)
	full.waitValue(yearCell(1, "total"), "102640")
	full.waitValue(yearCell(3, "total"), "114048")

	t.Log("no passport in the second: seed 002's 114,048 a year; the first keeps its figures")
	p.setCalc(1, `[data-testid="calculator-term"]`, "")
	p.waitCalcFigures(1, map[[2]string]string{{`[data-year="1"]`, "total"}: "114048", {`[data-year="1"]`, "saving"}: "0"})
	p.waitCalcFigures(0, seedPassportRows)

	t.Log("two servers in the first; the second keeps its figures")
	p.setCalc(0, `[data-testid="calculator-count"]`, "2")
	p.waitCalcFigures(0, map[[2]string]string{{`[data-term="12"]`, "without"}: "228096", {`[data-term="36"]`, "without"}: "684288"})
	p.waitCalcFigures(1, map[[2]string]string{{`[data-year="1"]`, "total"}: "114048"})

	t.Log("an attribute changed by the host's script replaces what was typed")
	eval[bool](p, "setting count=3", `(document.querySelector("sakura-calculator").setAttribute("count", "3"), true)`)
	p.waitCalcFigures(0, map[[2]string]string{{`[data-term="12"]`, "without"}: "342144"})
	if got := eval[string](p, "the count field", inCalc(0, `[data-testid="calculator-count"]`)+`.value`); got != "3" {
		t.Errorf("the count field shows %q after count=3, want 3", got)
	}

	t.Log("the host's styles stay out, the calculator's stay in")
	style := func(expr, prop string) string {
		return eval[string](p, prop, fmt.Sprintf(`getComputedStyle(%s).getPropertyValue(%q)`, expr, prop))
	}
	inside := inCalc(0, `[data-figure="totalWith"]`)
	if got := style(inside, "font-size"); got != "14px" {
		t.Errorf("a calculator cell's font-size = %s, want its own 14px", got)
	}
	if got := style(inside, "color"); got == "rgb(255, 0, 0)" {
		t.Errorf("a calculator cell took the host's red")
	}
	if got := style(inside, "padding-top"); got != "4px" {
		t.Errorf("a calculator cell's padding = %s, want its own 4px", got)
	}
	if got := style(`document.getElementById("host-cell")`, "font-size"); got != "40px" {
		t.Errorf("the host's own cell font-size = %s, want the host's 40px", got)
	}
	if got := style(`document.getElementById("host-table")`, "border-collapse"); got != "separate" {
		t.Errorf("the host's table border-collapse = %s: the calculator's collapse leaked out", got)
	}

	if n := requests.count("/gen/main.wasm"); n != 1 {
		t.Errorf("the wasm was fetched %d times for three calculators, want once (one shared engine)", n)
	}
	if got := requests.encoding("/gen/main.wasm"); got != "br" {
		t.Errorf("the wasm came with Content-Encoding %q, want br (Chromium accepts it)", got)
	}
	if bad := requests.foreign(strings.TrimSuffix(hostURL, "/"), estimator); len(bad) > 0 {
		t.Errorf("requests left the page's origins: %v", bad)
	}
}

// TestEmbed_lazyAndInvalid: a calculator below the fold loads no engine
// until it scrolls into view; an invalid attribute says so in the element's
// language.
func TestEmbed_lazyAndInvalid(t *testing.T) {
	t.Parallel()
	two := readmeSnippet(t, "two lines")
	script := strings.SplitN(two, "\n", 2)[0]
	hostURL, estimator := hostPage(t, `<!doctype html><html lang="ja"><head><title>docs</title></head><body>
`+script+`
<sakura-calculator count="0"></sakura-calculator>
<sakura-calculator lang="en" view="passports" hours="lots"></sakura-calculator>
<div style="height: 4000px"></div>
<sakura-calculator id="below" view="passports" catalog="seed-2018"></sakura-calculator>
<sakura-calculator catalog="seed-1999"></sakura-calculator>
</body></html>`)
	p, requests := openPlainTab(t, browser, hostURL)

	p.waitJSOr("the Japanese message for count=0", inCalc(0, `[data-testid="calculator-error"]`)+`?.textContent.includes('属性 count="0" が不正です')`,
		func() string { return p.peek(inCalc(0, ".calc") + "?.textContent") })
	p.waitJSOr("the English message for hours=lots", inCalc(1, `[data-testid="calculator-error"]`)+`?.textContent === 'Invalid attribute hours="lots": "always" or hours per month from 0 to 744'`,
		func() string { return p.peek(inCalc(1, ".calc") + "?.textContent") })
	time.Sleep(1500 * time.Millisecond)
	if n := requests.count("main.wasm"); n != 0 {
		t.Fatalf("the wasm was fetched %d times before any valid calculator was in view", n)
	}
	eval[bool](p, "scrolling", `(document.getElementById("below").scrollIntoView(), true)`)
	p.waitCalcFigures(2, seedPassportRows)
	p.waitJSOr("the Japanese message for an unknown catalog", inCalc(3, `[data-testid="calculator-error"]`)+`?.textContent === '属性 catalog="seed-1999" が不正です: seed-2018, list-2026 のいずれかを指定してください'`,
		func() string { return p.peek(inCalc(3, ".calc") + "?.textContent") })

	t.Log("a count typed out of range is named in Japanese; a valid one brings the figures back")
	p.setCalc(2, `[data-testid="calculator-count"]`, "0")
	p.waitJSOr("the Japanese message for count 0", inCalc(2, `[data-testid="calculator-error"]`)+`?.textContent === "台数: 1〜10,000 の整数を指定してください"`,
		func() string { return p.peek(inCalc(2, ".calc") + "?.textContent") })
	p.setCalc(2, `[data-testid="calculator-count"]`, "1")
	p.waitCalcFigures(2, seedPassportRows)
	if bad := requests.foreign(strings.TrimSuffix(hostURL, "/"), estimator); len(bad) > 0 {
		t.Errorf("requests left the page's origins: %v", bad)
	}
}

// TestEmbed_iframe: the README's iframe and resize snippets on a hostile
// host: the frame shows seed 002's table (read inside the frame) and grows to
// fit it; the frame's page opened on its own has the same figures.
func TestEmbed_iframe(t *testing.T) {
	t.Parallel()
	hostURL, estimator := hostPage(t, `<!doctype html><html lang="en"><head><title>docs</title><style>`+hostileCSS+`</style></head><body>
`+readmeSnippet(t, "iframe")+readmeSnippet(t, "iframe resize")+`</body></html>`)
	p, requests := openPlainTab(t, browser, hostURL)
	p.waitFrameFigures(seedPassportRows)
	p.waitJSOr("the frame sized to its content", `(() => { const h = parseFloat(document.querySelector("iframe").style.height); return h > 150 && h < 1000 })()`,
		func() string { return p.peek(`document.querySelector("iframe").style.height || "(not sized)"`) })
	if bad := requests.foreign(strings.TrimSuffix(hostURL, "/"), estimator); len(bad) > 0 {
		t.Errorf("requests left the page's origins: %v", bad)
	}

	src := eval[string](p, "the frame's address", `document.querySelector("iframe").src`)
	frame, _ := openPlainTab(t, browser, src)
	frame.waitCalcFigures(0, seedPassportRows)
}

// TestEmbed_colorSchemeAndTheme: the calculator follows prefers-color-scheme
// and takes the documented custom properties from the host.
func TestEmbed_colorSchemeAndTheme(t *testing.T) {
	t.Parallel()
	script := strings.SplitN(readmeSnippet(t, "two lines"), "\n", 2)[0]
	hostURL, _ := hostPage(t, `<!doctype html><html lang="en"><head><title>docs</title><style>.themed { --sakura-accent: #b0306a; --sakura-bg: #fffaf0; }</style></head><body>
`+script+`
<sakura-calculator count="0"></sakura-calculator>
<div class="themed"><sakura-calculator count="0"></sakura-calculator></div>
</body></html>`)
	p, _ := openPlainTab(t, browser, hostURL)
	background := func(n int) string {
		return fmt.Sprintf(`getComputedStyle(%s).backgroundColor`, inCalc(n, ".calc"))
	}
	for _, tt := range []struct{ scheme, plain string }{{"dark", "rgb(22, 24, 28)"}, {"light", "rgb(255, 255, 255)"}} {
		if _, err := chromedp.Call(p.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: tt.scheme}},
		}); err != nil {
			t.Fatal(err)
		}
		p.waitJSOr(tt.scheme+" background "+tt.plain, background(0)+` === "`+tt.plain+`"`, func() string { return p.peek(background(0)) })
		// The host's custom properties win over either scheme's defaults.
		p.waitJSOr("the themed background", background(1)+` === "rgb(255, 250, 240)"`, func() string { return p.peek(background(1)) })
		if got := eval[string](p, "the accent", fmt.Sprintf(`getComputedStyle(%s).getPropertyValue("--_accent").trim()`, inCalc(1, ".calc"))); got != "#b0306a" {
			t.Errorf("%s: the themed accent = %q, want the host's #b0306a", tt.scheme, got)
		}
	}
}
