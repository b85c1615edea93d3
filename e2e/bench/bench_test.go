//go:build bench

// Package bench is make bench's measuring run: the engine's Go benchmarks at
// every size, the engine inside WebAssembly (under Node), the page in headless
// Chromium (first figures, keystroke → figures, re-render, longest task,
// answer size) and the wasm's size. It writes BENCHMARKS.md at the top of the
// repository: medians with their spread (min–max), ratios taken within this
// one run, the machine, its load and the date. Build tag bench, so neither
// go test ./... nor make test runs it.
package bench

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/sakura-sim/pricesim/engine"
	"github.com/sakura-sim/pricesim/engine/contract"
	"github.com/sakura-sim/pricesim/scripts/benchscenario"
	"github.com/sakura-sim/pricesim/scripts/serve/sitehandler"
	"github.com/sakura-sim/pricesim/scripts/wasmpack/wasmdata"
)

const root = "../.."

// only says whether a part of the run is wanted: BENCH_ONLY is a comma list
// of go, first, keys, scale, large, size (all when unset);
// BENCH_LARGE_ONLY=1 is BENCH_ONLY=large.
func only(part string) bool {
	list := os.Getenv("BENCH_ONLY")
	if os.Getenv("BENCH_LARGE_ONLY") != "" {
		list = "large"
	}
	if os.Getenv("BENCH_SITE") != "" && (part == "go" || part == "size") {
		return false // another build's page: its engine is not this tree's
	}
	return list == "" || slices.Contains(strings.Split(list, ","), part)
}

// figure is one page measure's median, kept to set a "before" run's figures
// (BENCH_FIGURES_OUT) beside this run's (BENCH_BEFORE_FIGURES).
type figure struct {
	Key    string  `json:"key"`
	Label  string  `json:"label"`
	Median float64 `json:"median"`
}

var figures []figure

func record(key, label string, median float64) { figures = append(figures, figure{key, label, median}) }

// rounds of each page measure (BENCH_ROUNDS).
func rounds() int {
	if n, err := strconv.Atoi(os.Getenv("BENCH_ROUNDS")); err == nil && n > 0 {
		return n
	}
	return 7
}

// stats is a sample's median and spread.
type stats struct{ median, min, max float64 }

func statsOf(xs []float64) stats {
	if len(xs) == 0 {
		return stats{}
	}
	s := slices.Clone(xs)
	sort.Float64s(s)
	m := s[len(s)/2]
	if len(s)%2 == 0 {
		m = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return stats{m, s[0], s[len(s)-1]}
}

func (s stats) ms() string {
	return fmt.Sprintf("%s ms (%s–%s)", num(s.median), num(s.min), num(s.max))
}

func num(v float64) string {
	switch {
	case v >= 100:
		return strconv.FormatFloat(v, 'f', 0, 64)
	case v >= 10:
		return strconv.FormatFloat(v, 'f', 1, 64)
	default:
		return strconv.FormatFloat(v, 'f', 2, 64)
	}
}

type report struct{ b strings.Builder }

func (r *report) f(format string, args ...any) {
	fmt.Fprintf(&r.b, format, args...)
	fmt.Fprintf(os.Stderr, format, args...) // progress for whoever watches the run
}

func TestBenchmarks(t *testing.T) {
	var r report
	load := loadAverage()
	r.f("# Benchmarks\n\nWritten by `make bench` (`e2e/bench`) on %s. Machine: %s, %d cores, %s; load average at the start %s. "+
		"Figures are medians with the spread (min–max) in brackets; ratios are taken within this one run. "+
		"The machine is shared: compare ratios, not absolute times, across runs.\n\n",
		time.Now().UTC().Format("2006-01-02 15:04 MST"), cpuName(), runtime.NumCPU(), runtime.Version(), load)

	if os.Getenv("BENCH_SIZE_ONLY") != "" {
		// The wasm's size alone (seconds, not the half hour of the rest), to
		// stderr; BENCHMARKS.md is left as it is.
		t.Run("size", func(t *testing.T) { wasmSize(t, &r) })
		return
	}
	if only("go") {
		t.Run("go", func(t *testing.T) { goBenchmarks(t, &r) })
	}
	t.Run("page", func(t *testing.T) { pageBenchmarks(t, &r) })
	if only("scale") {
		r.f("\n%s", ratios()) // even when a later page measure failed
	}
	beforeAndAfter(t, &r)
	if only("size") {
		t.Run("size", func(t *testing.T) { wasmSize(t, &r) })
	}
	if out := os.Getenv("BENCH_FIGURES_OUT"); out != "" {
		raw, _ := json.MarshalIndent(figures, "", "  ")
		if err := os.WriteFile(out, raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	r.f("Load average at the end: %s.\n\n", loadAverage())
	if history, err := os.ReadFile("history.md"); err == nil && os.Getenv("BENCH_SITE") == "" && os.Getenv("BENCH_ONLY") == "" {
		r.b.Write(history)
	}
	out := filepath.Join(root, "BENCHMARKS.md")
	if o := os.Getenv("BENCH_OUT"); o != "" { // a before run writes elsewhere
		out = o
	} else if os.Getenv("BENCH_ONLY") != "" { // a partial run leaves BENCHMARKS.md whole
		out = filepath.Join(os.TempDir(), "pricesim-bench-partial.md")
	}
	if err := os.WriteFile(out, []byte(r.b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s", out)
}

func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Join(strings.Fields(string(b))[:3], " / ")
}

func cpuName() string {
	b, _ := os.ReadFile("/proc/cpuinfo")
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "model name") {
			return strings.TrimSpace(strings.SplitN(l, ":", 2)[1])
		}
	}
	return runtime.GOARCH
}

var sizes = []struct{ contracts, months int }{
	{10, 12}, {10, 36}, {10, 120}, {100, 12}, {100, 36}, {100, 120}, {1000, 12}, {1000, 36}, {1000, 120}, {10000, 12},
}

// timeRounds runs f n times and gives the wall times in ms.
func timeRounds(n int, f func()) []float64 {
	var xs []float64
	for i := 0; i < n; i++ {
		t0 := time.Now()
		f()
		xs = append(xs, float64(time.Since(t0).Microseconds())/1000)
	}
	return xs
}

// nativeEstimate1000x36 is kept for the ratios with the page and the wasm.
var nativeEstimate1000x36, nativeSummary1000x36 stats

func goBenchmarks(t *testing.T, r *report) {
	r.f("## The engine in Go (native)\n\n`engine.Estimate` (the billing work), `EstimateJSON` (decode, estimate and the full document: the command line's path) and the `estimateSummary` request (the page's path), wall time per call; the answer's size.\n\n")
	r.f("| contracts × months | Estimate | EstimateJSON (full document) | estimateSummary | full document | summary |\n| --- | --- | --- | --- | --- | --- |\n")
	for _, sz := range sizes {
		in := benchscenario.Scenario(sz.contracts, sz.months)
		s, err := contract.DecodeScenario(in)
		if err != nil {
			t.Fatal(err)
		}
		sum := []byte(`{"request":"estimateSummary","scenario":` + string(in) + `}`)
		n := 7
		if sz.contracts*sz.months >= 36000 {
			n = 5
		}
		var full, small []byte
		est := statsOf(timeRounds(n, func() { engine.Estimate(s) }))
		js := statsOf(timeRounds(n, func() { full, _ = contract.EstimateJSON(in) }))
		sm := statsOf(timeRounds(n, func() { small, _ = contract.HandleJSON(sum) }))
		if sz.contracts == 1000 && sz.months == 36 {
			nativeEstimate1000x36, nativeSummary1000x36 = est, sm
		}
		r.f("| %s × %d | %s | %s | %s | %s | %s |\n", thousands(sz.contracts), sz.months, est.ms(), js.ms(), sm.ms(), size(len(full)), size(len(small)))
	}
	r.f("\nGrowth: time per contract-month should stay flat from 10 × 12 to 10,000 × 12 and 1,000 × 120.\n\n")
}

func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func size(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.2f MB", float64(n)/1e6)
	}
	return fmt.Sprintf("%.1f KB", float64(n)/1e3)
}

// wasmRounds runs Estimate and the summary request inside wasm under Node.
func wasmRounds(t *testing.T, contracts, months, n int) (est, sum stats) {
	goroot := strings.TrimSpace(run(t, "go", "env", "GOROOT"))
	cmd := exec.Command("go", "run", "-exec="+filepath.Join(goroot, "lib", "wasm", "go_js_wasm_exec"), "./e2e/bench/wasmestimate",
		strconv.Itoa(contracts), strconv.Itoa(months), strconv.Itoa(n))
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Logf("wasm under Node: %v\n%s", err, out)
		return
	}
	var es, ss []float64
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		var e, s float64
		if _, err := fmt.Sscanf(l, "estimate %g summary %g", &e, &s); err == nil {
			es, ss = append(es, e/1e6), append(ss, s/1e6)
		}
	}
	return statsOf(es), statsOf(ss)
}

func run(t *testing.T, name string, args ...string) string {
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return string(out)
}

// linkTo is the page's address opening scenario (the "#j=" form of share.js).
func linkTo(base string, scenario []byte) string {
	return base + "#j=" + base64.RawURLEncoding.EncodeToString(scenario)
}

type tab struct {
	t   *testing.T
	ctx context.Context
}

func openTab(t *testing.T, browser context.Context, setup ...chromedp.Action[chromedp.Void]) (*tab, func()) {
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	ctx, cancelT := context.WithTimeout(ctx, 5*time.Minute)
	if err := chromedp.Do(ctx, setup...); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	return &tab{t, ctx}, func() { cancelT(); cancel() }
}

func evalIn[T any](tb *tab, expr string) T {
	tb.t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("%.80s: %v", expr, err)
	}
	return v
}

// waitFor polls expr until it is true; the times measured are the page's own
// (performance marks), so the polling interval does not enter them.
func (tb *tab) waitFor(expr string) {
	tb.t.Helper()
	deadline := time.Now().Add(4 * time.Minute)
	for time.Now().Before(deadline) {
		if ok, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](expr)); err == nil && ok {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	tb.t.Fatalf("waiting for %s: timed out", expr)
}

// waitUpTo is waitFor that gives up after d, saying whether expr came true.
func (tb *tab) waitUpTo(d time.Duration, expr string) bool {
	for deadline := time.Now().Add(d); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if ok, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](expr)); err == nil && ok {
			return true
		}
	}
	return false
}

// The wasm and the other files over an emulated link: 9 Mbit/s both ways, 40 ms round trip.
func emulate(on bool) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tgt *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tgt, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		if _, err := cdp.Call(ctx, tgt, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
			return err
		}
		if !on {
			return nil
		}
		_, err := cdp.Call(ctx, tgt, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			MatchedNetworkConditions: []*network.Conditions{{Latency: 40, DownloadThroughput: 9e6 / 8, UploadThroughput: 9e6 / 8}},
		})
		return err
	})
}

// longtasks collects every main-thread task over 50 ms from the first byte.
var longtasks = chromedp.Func(func(ctx context.Context, tgt *chromedp.Target) error {
	_, err := cdp.Call(ctx, tgt, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `
globalThis.__longtasks = [];
globalThis.__inputDelays = [];
globalThis.__longtaskAt = [];
globalThis.__frames = [];
new PerformanceObserver((l) => { for (const e of l.getEntries()) { __longtasks.push(e.duration); __longtaskAt.push([e.startTime, e.duration]); } }).observe({ type: "longtask", buffered: true });
// Long animation frames, to say what a long task was: its scripts, and the
// style and layout of the frame it ended in.
try {
  new PerformanceObserver((l) => { for (const e of l.getEntries()) __frames.push({
    start: e.startTime, duration: e.duration, blocking: e.blockingDuration,
    style: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
    scripts: e.scripts.map((s) => ({ invoker: s.invoker, duration: s.duration, fn: s.sourceFunctionName, at: (s.sourceURL || "").split("/").pop() + ":" + s.sourceCharPosition })),
  }); }).observe({ type: "long-animation-frame", buffered: true });
} catch {}
addEventListener("keydown", (e) => { globalThis.__keydown = e.timeStamp; __inputDelays.push(performance.now() - e.timeStamp); }, true);`})
	return err
})

// benchFigures marks "bench:figures" after the frame that follows any change
// of the results' summary line, which every build of the page since before
// issue 11 rewrites with each estimate, or of the loading screen's card of
// the default estimate's totals (first-card.js, a first visit's figures
// before the page's own); the same measure for an old build (BENCH_SITE)
// and this one, whatever marks the page sets itself.
var benchFigures = chromedp.Func(func(ctx context.Context, tgt *chromedp.Target) error {
	_, err := cdp.Call(ctx, tgt, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `
const figuresIn = '[data-testid="summary"], [data-testid="first-card"]';
const markFigures = () => requestAnimationFrame(() => setTimeout(() => performance.mark("bench:figures"), 0));
// Until the document is parsed, every change is looked at (an async module
// can fill the loading screen's card before DOMContentLoaded), and one that
// puts a figure into either element counts (not the parser adding their empty
// markup); after it, only the two elements, so typing into a large form is
// not slowed.
const early = new MutationObserver((records) => {
  if (records.some((r) => /\d/.test((r.target.nodeType === 1 ? r.target : r.target.parentElement)?.closest(figuresIn)?.textContent ?? ""))) markFigures();
});
early.observe(document, { childList: true, subtree: true, characterData: true });
addEventListener("DOMContentLoaded", () => {
  early.disconnect();
  const figures = new MutationObserver(markFigures);
  for (const el of document.querySelectorAll(figuresIn)) figures.observe(el, { childList: true, subtree: true, characterData: true });
});`})
	return err
})

const benchMark = `performance.getEntriesByName("bench:figures")`

func pageBenchmarks(t *testing.T, r *report) {
	// BENCH_SITE measures another build of the page (an older commit's
	// site/, for the before figures) with the same harness.
	site := filepath.Join(root, "site")
	if dir := os.Getenv("BENCH_SITE"); dir != "" {
		site = dir
		r.f("Page measured from **%s** (BENCH_SITE).\n\n", dir)
	}
	srv := httptest.NewServer(sitehandler.New(site))
	defer srv.Close()
	base := srv.URL + "/"
	chromium := os.Getenv("CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.Headless, chromedp.WindowSize(1280, 1000),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("no-first-run", true), chromedp.Flag("lang", "en-US"),
		// largePageUnwatched opens the page in a window the harness does not attach to.
		chromedp.Flag("disable-popup-blocking", true))...)
	defer cancelAlloc()
	browser, cancelBrowser := chromedp.NewContext(alloc)
	defer cancelBrowser()
	if err := chromedp.Do(browser); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	n := rounds()

	r.f("## The page (headless Chromium %s)\n\n", strings.TrimSpace(run(t, chromium, "--version")))
	r.f("| measure | median (min–max) | target |\n| --- | --- | --- |\n")

	// First figures: navigation start → the first figures on screen, cold
	// (no cache, new profile). A first visit (the default estimate, shipped
	// with the page since issue 11) and a link (which needs the engine).
	for _, emulated := range []bool{false, true} {
		if !only("first") {
			break
		}
		for _, link := range []bool{false, true} {
			url, what := base, "first visit"
			if link {
				url, what = linkTo(base, benchscenario.Scenario(40, 36)), "a link (20 resources × 36 months)"
			}
			var xs []float64
			for i := 0; i < n; i++ {
				tb, done := openTab(t, browser, benchFigures, emulate(emulated), chromedp.Navigate(url))
				tb.waitFor(benchMark + `.length > 0`)
				xs = append(xs, evalIn[float64](tb, benchMark+`[0].startTime`))
				done()
			}
			st := statsOf(xs)
			if emulated {
				r.f("| navigation → first figures, %s, 9 Mbit/s, 40 ms RTT (emulated), %d cold loads | %s | ≤ 1,500 ms |\n", what, n, st.ms())
				record(fmt.Sprintf("first-emulated-%v", link), "first figures, "+what+", 9 Mbit/s emulated", st.median)
			} else {
				r.f("| navigation → first figures, %s, local, %d cold loads | %s | ≤ 300 ms |\n", what, n, st.ms())
				record(fmt.Sprintf("first-local-%v", link), "first figures, "+what+", local", st.median)
			}
		}
	}

	// Keystroke → figures painted, 20 contracts (10 resources × 2) × 36 months and 1,000 × 36.
	for _, sz := range []struct{ contracts, months int }{{40, 36}, {1000, 36}} {
		if !only("keys") && !(sz.contracts == 1000 && only("scale")) {
			continue
		}
		tb, done := openTab(t, browser, longtasks, benchFigures, chromedp.Navigate(linkTo(base, benchscenario.Scenario(sz.contracts, sz.months))))
		tb.waitFor(benchMark + `.length > 0 && document.body.classList.contains("ready") && (globalThis.sakura?.ready ?? true)`)
		count := `[data-testid="resource-count"]`
		evalIn[bool](tb, `(document.querySelector('`+count+`').focus(), true)`)
		if err := chromedp.Do(tb.ctx, chromedp.KeyEvent(kb.End)); err != nil {
			t.Fatal(err)
		}
		var xs []float64
		parts := make([][]float64, 4)
		// An old build (BENCH_SITE) is not typed into at 1,000 contracts: before
		// issue 11 one keystroke there took longer than the harness waits.
		typing := only("keys") && !(sz.contracts == 1000 && os.Getenv("BENCH_SITE") != "")
		for i := 0; i < n*2 && typing; i++ {
			evalIn[bool](tb, `(performance.clearMarks("bench:figures"), true)`)
			key := "1"
			if i%2 == 1 {
				key = kb.Backspace
			}
			if err := chromedp.Do(tb.ctx, chromedp.KeyEvent(key)); err != nil {
				t.Fatal(err)
			}
			tb.waitFor(benchMark + `.some((m) => m.startTime > globalThis.__keydown)`)
			xs = append(xs, evalIn[float64](tb, benchMark+`.find((m) => m.startTime > __keydown).startTime - __keydown`))
			// Where the time went: keydown → asked (debounce, reading the
			// form), → answered (worker round trip and parse), → rendered,
			// → painted; all four marks of one run, the newest the key
			// started (each mark's detail is its run's generation; a page
			// from before that has one run's marks, detail null).
			const run = `(() => {
  const gen = performance.getEntriesByName("sakura:asked").filter((m) => m.startTime > __keydown).at(-1)?.detail;
  const at = (name) => performance.getEntriesByName(name).find((m) => m.detail === gen && m.startTime > __keydown)?.startTime ?? NaN;
  return [at("sakura:asked"), at("sakura:answered"), at("sakura:rendered"), at("sakura:figures")];
})()`
			if os.Getenv("BENCH_SITE") == "" {
				tb.waitFor(`!Number.isNaN(` + run + `[3])`)
			}
			part := evalIn[[]float64](tb, `((m) => [m[0] - __keydown, m[1] - m[0], m[2] - m[1], m[3] - m[2]])(`+run+`)`)
			for j := range parts {
				parts[j] = append(parts[j], part[j])
			}
		}
		target := "≤ 100 ms"
		if sz.contracts == 1000 {
			target = "(for information)"
		}
		if len(xs) > 0 {
			record(fmt.Sprintf("keys-%d", sz.contracts), fmt.Sprintf("keystroke → figures painted, %s contracts × %d months", thousands(sz.contracts), sz.months), statsOf(xs).median)
		}
		if typing {
			r.f("| keystroke → figures painted (debounce included), %s resources × %d months = %s contracts, %d keys | %s | %s |\n",
				thousands(sz.contracts/2), sz.months, thousands(sz.contracts), len(xs), statsOf(xs).ms(), target)
			r.f("| … of which keydown → asked (debounce, form) / worker / render / paint | %s / %s / %s / %s ms | |\n",
				num(statsOf(parts[0]).median), num(statsOf(parts[1]).median), num(statsOf(parts[2]).median), num(statsOf(parts[3]).median))
		}

		if sz.contracts == 1000 && only("scale") {
			pageAtScale(t, r, tb, n, benchscenario.Scenario(sz.contracts, sz.months))
		}
		done()
	}

	if only("large") {
		largePage(t, r, browser, base)
	}
	r.f("\n")
}

// largePage: 1,000 contracts × 120 months (500 resource rows) opened from a
// link, then typed into: the longest main-thread task, load included, in
// each of BENCH_ROUNDS loads (at least 3: one load is one sample), with a
// DevTools session on the page (as chromedp drives it) and without.
func largePage(t *testing.T, r *report, browser context.Context, base string) {
	n := max(3, rounds())
	var ready, longest, unwatched, delays []float64
	over, unwatchedOver := 0.0, 0.0
	for i := 0; i < n; i++ {
		at, l, o, d, marked := largePageWatched(t, browser, base)
		ready, longest, delays = append(ready, at), append(longest, l), append(delays, d...)
		over += o
		if l > 1000 {
			// A page from before issue 11 (seconds a task): one load says it,
			// and each takes minutes.
			n = len(ready)
			break
		}
		if !marked {
			continue // a page without sakura:first-figures is not watched from outside
		}
		if l, o, ok := largePageUnwatched(t, browser, base); ok {
			unwatched = append(unwatched, l)
			unwatchedOver += o
		}
	}
	r.f("| 1,000 contracts × 120 months: link opened → first figures, %d loads | %s | — |\n", n, statsOf(ready).ms())
	r.f("| 1,000 × 120: longest main-thread task of each load and 6 keystrokes (PerformanceObserver longtask), %d loads | %s; %s tasks over 100 ms in all | never over 100 ms |\n", n, statsOf(longest).ms(), num(over))
	if len(unwatched) > 0 {
		r.f("| … the same with no DevTools session on the page (a window it opened; 6 edits as input events), %d loads | %s; %s tasks over 100 ms in all | never over 100 ms |\n", len(unwatched), statsOf(unwatched).ms(), num(unwatchedOver))
		record("large-longest-unwatched", "1,000 × 120: longest main-thread task, no DevTools session", statsOf(unwatched).median)
	}
	r.f("| 1,000 × 120: keydown → its handler while the engine computes (the form answers) | %s | — |\n", statsOf(delays).ms())
	record("large-first", "1,000 × 120: link opened → figures", statsOf(ready).median)
	record("large-longest", "1,000 × 120: longest main-thread task", statsOf(longest).median)
	if m := statsOf(longest).median; m > 100 && os.Getenv("BENCH_SITE") == "" {
		// The page's goal; the e2e test (TestLongTasks_largePage) holds each task's CPU time to it, its wall time to a looser bound.
		t.Errorf("1,000 × 120: the longest main-thread task took %s ms (median of %d loads), the goal is at most 100 ms (load average %s)", num(m), n, loadAverage())
	}
}

// largePageWatched is one load of the large page, driven by chromedp.
func largePageWatched(t *testing.T, browser context.Context, base string) (readyAt, longest, over float64, delays []float64, marked bool) {
	tb, done := openTab(t, browser, longtasks, benchFigures, chromedp.Navigate(linkTo(base, benchscenario.Scenario(1000, 120))))
	defer done()
	tb.waitFor(benchMark + `.length > 0 && document.body.classList.contains("ready") && (globalThis.sakura?.ready ?? true) && document.querySelectorAll('[data-testid="resource-row"]').length === 500`)
	readyAt = evalIn[float64](tb, benchMark+`[0].startTime`)
	// At the 120,000 contract-month limit a count cannot grow: type into the
	// second resource's hours ("101.5" → "101.50" → "101.5").
	evalIn[bool](tb, `(document.querySelectorAll('[data-testid="resource-row"]')[1].querySelector('[data-testid="resource-hours"]').focus(), true)`)
	if err := chromedp.Do(tb.ctx, chromedp.KeyEvent(kb.End)); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 6; i++ {
		evalIn[bool](tb, `(performance.clearMarks("bench:figures"), true)`)
		key := "0"
		if i%2 == 1 {
			key = kb.Backspace
		}
		chromedp.Do(tb.ctx, chromedp.KeyEvent(key))
		tb.waitFor(benchMark + `.some((m) => m.startTime > globalThis.__keydown)`)
	}
	longest = evalIn[float64](tb, `Math.max(0, ...__longtasks)`)
	// What each task over 50 ms was, to stderr: the frame it ended in
	// (long-animation-frame), its scripts and its style and layout.
	t.Logf("long tasks (start, ms) and their frames:\n%s", evalIn[string](tb, `__longtaskAt.map(([at, d]) => {
  const f = __frames.find((f) => f.start <= at + 1 && at < f.start + f.duration);
  const scripts = f ? f.scripts.filter((s) => s.duration >= 5).map((s) => s.invoker + " " + (s.fn || "") + " @" + s.at + " " + s.duration.toFixed(0)).join("; ") : "";
  return at.toFixed(0) + "  " + d.toFixed(0) + " ms" + (f ? "  frame " + f.duration.toFixed(0) + ", style+layout " + f.style.toFixed(0) + "  " + scripts : "");
}).join("\n")`))
	over = evalIn[float64](tb, `__longtasks.filter((d) => d > 100).length`)
	marked = evalIn[bool](tb, `performance.getEntriesByName("sakura:first-figures").length > 0`)
	return readyAt, longest, over, evalIn[[]float64](tb, `__inputDelays`), marked
}

// largePageUnwatched measures the large page as a user's browser runs it.
// With a DevTools session attached (every page chromedp drives), Chromium's
// autofill also audits every form control for DevTools' Issues panel each
// time it reads the forms (EmitFormIssues, only while "inspector
// connected"): at 500 rows, 8,500 controls and 7,000 labels, that audit
// made the longest tasks. So the page is opened by script into a window of
// its own that the harness never attaches to; the opener reads its long
// tasks (buffered) and edits it with input events. Same origin, so the
// opener reaches into it; same renderer, so the same main thread is measured.
func largePageUnwatched(t *testing.T, browser context.Context, base string) (longest, over float64, ok bool) {
	tb, done := openTab(t, browser, chromedp.Navigate(base+"favicon.svg"))
	defer done()
	link := linkTo(base, benchscenario.Scenario(1000, 120))
	evalIn[bool](tb, `(globalThis.__pop = window.open(`+strconv.Quote(link)+`, "_blank"), true)`)
	defer evalIn[bool](tb, `(__pop.close(), true)`)
	// A page without the sakura:first-figures mark (older builds) is not measured.
	if !tb.waitUpTo(2*time.Minute, `(() => { try { const d = __pop.document; return d.body?.classList.contains("ready") && __pop.sakura?.ready && d.querySelectorAll('[data-testid="resource-row"]').length === 500 && __pop.performance.getEntriesByName("sakura:first-figures").length > 0; } catch { return false; } })()`) {
		t.Logf("the large page in a window of its own: no figures in 2 minutes, not measured")
		return 0, 0, false
	}
	evalIn[bool](tb, `(() => {
  globalThis.__popTasks = [];
  new __pop.PerformanceObserver((l) => { for (const e of l.getEntries()) __popTasks.push(e.duration); }).observe({ type: "longtask", buffered: true });
  return true;
})()`)
	for i := 0; i < 6; i++ {
		value := "101.50"
		if i%2 == 1 {
			value = "101.5"
		}
		evalIn[bool](tb, `(() => {
  globalThis.__popMarks = __pop.performance.getEntriesByName("sakura:figures").length;
  const hours = __pop.document.querySelectorAll('[data-testid="resource-row"]')[1].querySelector('[data-testid="resource-hours"]');
  hours.value = `+strconv.Quote(value)+`;
  hours.dispatchEvent(new __pop.Event("input", { bubbles: true }));
  globalThis.__popAt = __pop.performance.now();
  return true;
})()`)
		tb.waitFor(`__pop.performance.getEntriesByName("sakura:figures").some((m) => m.startTime > __popAt)`)
	}
	evalIn[bool](tb, `new Promise((r) => setTimeout(() => r(true), 500))`) // the last tasks reported
	longest = evalIn[float64](tb, `Math.max(0, ...__popTasks)`)
	over = evalIn[float64](tb, `__popTasks.filter((d) => d > 100).length`)
	t.Logf("without DevTools on the page (%s): %d long tasks, %s; frames: %s", evalIn[string](tb, `__pop.document.visibilityState`), int(evalIn[float64](tb, `__popTasks.length`)), evalIn[string](tb, `__popTasks.map((d) => d.toFixed(0)).join(" ")`),
		evalIn[string](tb, `__pop.performance.getEntriesByType("long-animation-frame").filter((f) => f.duration > 60).map((f) => f.startTime.toFixed(0) + ":" + f.duration.toFixed(0) + "/" + f.blockingDuration.toFixed(0) + " " + f.scripts.map((s) => s.invoker + "@" + (s.sourceURL || "").split("/").pop() + " " + s.duration.toFixed(0)).join(",")).join("\n")`))
	return longest, over, true
}

var inPage, inPageFull, wasmEst, wasmSum stats

// pageAtScale: the 1,000 × 36 page (500 resources): re-render, answer size,
// the in-page engine call against the engine alone.
func pageAtScale(t *testing.T, r *report, tb *tab, n int, scenario []byte) {
	var xs []float64
	for i := 0; i < n; i++ {
		xs = append(xs, evalIn[float64](tb, `(() => {
  const els = [...document.querySelectorAll("sakura-comparison, sakura-bills, sakura-passports, sakura-credits, sakura-years")];
  const t0 = performance.now();
  for (const el of els) el.update();
  void document.body.offsetHeight;
  return performance.now() - t0;
})()`))
	}
	elements := evalIn[float64](tb, `document.querySelectorAll('[data-testid="results"] *').length`)
	r.f("| re-render of the results, 1,000 × 36 (500 resources; %s DOM elements) | %s | ≤ 300 ms |\n", thousands(int(elements)), statsOf(xs).ms())
	record("rerender", "re-render of the results, 1,000 × 36", statsOf(xs).median)

	doc := strconv.Quote(`{"request":"estimateSummary","scenario":` + string(scenario) + `}`)
	if !evalIn[bool](tb, `typeof sakura.call === "function"`) {
		// A page from before this issue: the engine on the main thread, the full estimate.
		fullSize := evalIn[float64](tb, `sakura.estimate(`+strconv.Quote(string(scenario))+`).length`)
		r.f("| answer sent to the page, 1,000 × 36 (the full estimate) | %s | ≤ 300 KB |\n", size(int(fullSize)))
		var xs []float64
		for i := 0; i < n; i++ {
			xs = append(xs, evalIn[float64](tb, `(() => { const t0 = performance.now(); JSON.parse(sakura.estimate(`+strconv.Quote(string(scenario))+`)); return performance.now() - t0; })()`))
		}
		inPageFull = statsOf(xs)
		record("call-summary", "in-page call, estimateSummary 1,000 × 36", inPageFull.median) // the full estimate: all it had
		wasmEst, wasmSum = wasmRounds(t, 1000, 36, n)
		r.f("| in-page call, full estimate 1,000 × 36, on the main thread, parsed | %s | — |\n", inPageFull.ms())
		return
	}
	answer := evalIn[float64](tb, `sakura.estimate(`+doc+`).then((s) => s.length)`)
	fullSize := evalIn[float64](tb, `sakura.estimate(`+strconv.Quote(string(scenario))+`).then((s) => s.length)`)
	r.f("| answer sent to the page, 1,000 × 36 (estimateSummary; the full estimate %s) | %s | ≤ 300 KB |\n", size(int(fullSize)), size(int(answer)))

	timeCall := func(text string) stats {
		var xs []float64
		for i := 0; i < n; i++ {
			xs = append(xs, evalIn[float64](tb, `(async () => { const t0 = performance.now(); await sakura.call(`+text+`); return performance.now() - t0; })()`))
		}
		return statsOf(xs)
	}
	inPage = timeCall(doc)
	record("call-summary", "in-page call, estimateSummary 1,000 × 36", inPage.median)
	inPageFull = timeCall(strconv.Quote(string(scenario)))
	wasmEst, wasmSum = wasmRounds(t, 1000, 36, n)
	r.f("| in-page call, estimateSummary 1,000 × 36 (post, worker, wasm, answer cloned back) | %s | — |\n", inPage.ms())
	r.f("| in-page call, full estimate 1,000 × 36 (as before this issue) | %s | — |\n", inPageFull.ms())
	r.f("| `Estimate` alone in wasm (Node, same build flags), 1,000 × 36 | %s | — |\n", wasmEst.ms())
	r.f("| estimateSummary request in wasm (Node), 1,000 × 36 | %s | — |\n", wasmSum.ms())
}

// beforeAndAfter sets the figures of a run on another build
// (BENCH_BEFORE_FIGURES, written by that run's BENCH_FIGURES_OUT; make bench
// BENCH_BEFORE=commit makes both in one go) beside this run's.
func beforeAndAfter(t *testing.T, r *report) {
	name := os.Getenv("BENCH_BEFORE_FIGURES")
	if name == "" {
		return
	}
	raw, err := os.ReadFile(name)
	var before []figure
	if err == nil {
		err = json.Unmarshal(raw, &before)
	}
	if err != nil {
		t.Errorf("the before run's figures: %v", err)
		return
	}
	was := map[string]float64{}
	for _, f := range before {
		was[f.Key] = f.Median
	}
	r.f("\n## Before and after, measured in this run\n\n\"Before\" is the page of **%s** (built from that commit into a temporary worktree), measured by this harness just before this build, on the same machine and browser. Medians, ms.\n\n", os.Getenv("BENCH_BEFORE_NAME"))
	r.f("| measure | before | after | after ÷ before |\n| --- | --- | --- | --- |\n")
	for _, f := range figures {
		b, ok := was[f.Key]
		switch {
		case !ok:
			r.f("| %s | — | %s | — |\n", f.Label, num(f.Median))
		case b == 0:
			r.f("| %s | %s | %s | — |\n", f.Label, num(b), num(f.Median))
		default:
			r.f("| %s | %s | %s | %.2f× |\n", f.Label, num(b), num(f.Median), f.Median/b)
		}
	}
	r.f("\n")
}

func ratios() string {
	ratio := func(a, b stats) string {
		if b.median == 0 {
			return "n/a"
		}
		return fmt.Sprintf("%.2f×", a.median/b.median)
	}
	return fmt.Sprintf("Ratios (medians, this run): in-page call ÷ `Estimate` in wasm **%s** (target ≤ 2×; with the full estimate %s); "+
		"`Estimate` wasm ÷ native **%s**; estimateSummary wasm ÷ native %s.\n\n",
		ratio(inPage, wasmEst), ratio(inPageFull, wasmEst), ratio(wasmEst, nativeEstimate1000x36), ratio(wasmSum, nativeSummary1000x36))
}

// wasmSize: the shipped wasm raw, gzip -9 and brotli -q 11, and the code of
// each package (from the symbols of an unstripped build of the same source).
func wasmSize(t *testing.T, r *report) {
	raw, err := os.ReadFile(filepath.Join(root, "site", "gen", "main.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	var gz, br bytes.Buffer
	gw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	gw.Write(raw)
	gw.Close()
	// make wasm's brotli copy (quality 11) when it is current: compressing
	// 5 MB at quality 11 again takes minutes on a loaded machine.
	brName := filepath.Join(root, "site", "gen", "main.wasm.br")
	if bi, err := os.Stat(brName); err == nil && bi.ModTime().After(wasmTime(t)) {
		b, _ := os.ReadFile(brName)
		br.Write(b)
	} else {
		bw := brotli.NewWriterLevel(&br, 11)
		bw.Write(raw)
		bw.Close()
	}
	r.f("## The wasm\n\n`site/gen/main.wasm` as built by `make wasm`: **%s** raw, **%s** gzip -9, **%s** brotli -q 11 (target ≤ 700 KB brotli).\n\n",
		size(len(raw)), size(gz.Len()), size(br.Len()))

	dir := t.TempDir()
	unstripped := filepath.Join(dir, "main.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-o", unstripped, "./wasm")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("unstripped build: %v\n%s", err, out)
	}
	body, err := os.ReadFile(unstripped)
	if err != nil {
		t.Fatal(err)
	}
	// Packed as make wasm packs the shipped wasm, so the data row is what
	// ships (zeros of the merged gaps included).
	if body, _, err = wasmdata.Pack(body, wasmdata.DefaultGap); err != nil {
		t.Fatal(err)
	}
	funcs, data, err := wasmFunctionSizes(body)
	if err != nil {
		t.Fatalf("reading %s: %v", unstripped, err)
	}
	byPkg := map[string]int{"(data segments)": data}
	total := data
	for name, size := range funcs {
		byPkg[packageOf(name)] += size
		total += size
	}
	type row struct {
		pkg  string
		size int
	}
	var rows []row
	for p, s := range byPkg {
		rows = append(rows, row{p, s})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].size > rows[j].size })
	r.f("Code by package (function bodies named in an unstripped build's name section, read by `wasmnames_test.go`; the data segments, packed by `scripts/wasmpack` as shipped, in one row; %s in all; packages under 8 KB summed as \"other\"):\n\n| package | bytes | share |\n| --- | --- | --- |\n", size(total))
	other := 0
	for _, x := range rows {
		if x.size < 8000 {
			other += x.size
			continue
		}
		r.f("| `%s` | %s | %.1f %% |\n", x.pkg, size(x.size), 100*float64(x.size)/float64(total))
	}
	r.f("| other | %s | %.1f %% |\n\n", size(other), 100*float64(other)/float64(total))
}

func wasmTime(t *testing.T) time.Time {
	fi, err := os.Stat(filepath.Join(root, "site", "gen", "main.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	return fi.ModTime()
}

// packageOf is a function's package from its wasm name, where Go writes
// "/" and "-" as "_": "github.com_sakura_sim_pricesim_engine.billsOf" →
// "github.com_sakura_sim_pricesim_engine", "regexp_syntax.Parse" → "regexp_syntax".
func packageOf(sym string) string {
	start := 0
	if strings.HasPrefix(sym, "github.com_") {
		start = len("github.com_")
	}
	if dot := strings.Index(sym[start:], "."); dot >= 0 {
		return sym[:start+dot]
	}
	return sym
}
