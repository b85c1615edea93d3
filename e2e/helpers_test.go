//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// waitTimeout bounds one wait inside a test; shorter than the tab's life so
// that a failed wait can still read the page to say what it saw instead.
func waitTimeout() time.Duration { return min(20*time.Second, tabTimeout/2) }

// page is one browser tab of one test, on its own browser context so that
// tests share no storage (saved estimates, the chosen language).
type page struct {
	t   *testing.T
	ctx context.Context // bounded by tabTimeout

	mu       sync.Mutex
	problems []string // page exceptions and console.error calls, in order
	reported int      // how many of problems already failed the test
}

// newTab opens the estimator in a new tab and waits until the engine is ready.
func newTab(t *testing.T) *page { return newTabAt(t, siteURL) }

// tabsOpened counts the tabs each test opened, for the screenshot names.
var (
	tabsMu     sync.Mutex
	tabsOpened = map[string]int{}
)

// newTabAt opens url (the page, possibly with a shared fragment) in a new tab.
func newTabAt(t *testing.T, url string) *page { return newTabIn(t, browser, url) }

// newTabIn opens url in a new tab of another browser (one with its own
// profile, such as blocked storage).
func newTabIn(t *testing.T, browser context.Context, url string) *page {
	t.Helper()
	p := openPage(t, browser, url)
	// The engine answers before the page has built its form; body.ready says both are done.
	p.waitJS("the engine and the page to be ready (globalThis.sakura.ready, body.ready)",
		`globalThis.sakura?.ready === true && document.body.classList.contains("ready")`)
	return p
}

// openPage opens url in a new tab of browser without waiting for the engine;
// setup runs before the page loads.
func openPage(t *testing.T, browser context.Context, url string, setup ...chromedp.Action[chromedp.Void]) *page {
	t.Helper()
	p := &page{t: t}
	tabCtx, cancelTab := chromedp.NewContext(browser,
		chromedp.WithNewBrowserContext(),
		chromedp.WithListener(p.listen))
	if err := chromedp.Do(tabCtx); err != nil {
		cancelTab()
		t.Fatalf("opening a tab: %v", err)
	}
	ctx, cancel := context.WithTimeout(tabCtx, tabTimeout)
	p.ctx = ctx

	tabsMu.Lock()
	tabsOpened[t.Name()]++
	n := tabsOpened[t.Name()]
	tabsMu.Unlock()
	shot := filepath.Join("screenshots", screenshotName(t.Name(), n))
	t.Cleanup(func() {
		// The tab's own deadline may be what failed the test, so the
		// screenshot gets a fresh one from the tab's parent context.
		sctx, scancel := context.WithTimeout(tabCtx, 10*time.Second)
		defer scancel()
		if png, err := chromedp.Run(sctx, chromedp.FullScreenshot(100)); err != nil {
			t.Logf("screenshot: %v", err)
		} else if err := os.MkdirAll("screenshots", 0o755); err != nil {
			t.Logf("screenshot: %v", err)
		} else if err := os.WriteFile(shot, png, 0o644); err != nil {
			t.Logf("screenshot: %v", err)
		}
		cancel()
		cancelTab()
		p.reportProblems()
		if t.Failed() {
			abs, _ := filepath.Abs(shot)
			t.Logf("screenshot of the final page: %s", abs)
		}
	})

	if err := chromedp.Do(ctx, append(setup, chromedp.Navigate(url))...); err != nil {
		t.Fatalf("opening %s: %v", url, err)
	}
	return p
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9_.-]+`)

func screenshotName(test string, n int) string {
	name := unsafeName.ReplaceAllString(test, "_")
	if n > 1 {
		name += fmt.Sprintf("-tab%d", n)
	}
	return name + ".png"
}

// listen runs in the tab's event loop: it only records, and returns at once.
func (p *page) listen(ev any) {
	var problem string
	switch ev := ev.(type) {
	case *runtime.EventExceptionThrown:
		problem = "uncaught exception: " + exceptionText(ev.ExceptionDetails)
	case *runtime.EventConsoleAPICalled:
		if ev.Type != runtime.ConsoleAPICalledTypeError {
			return
		}
		args := make([]string, len(ev.Args))
		for i, a := range ev.Args {
			args[i] = remoteText(a)
		}
		problem = "console.error: " + strings.Join(args, " ")
	default:
		return
	}
	p.mu.Lock()
	p.problems = append(p.problems, problem)
	p.mu.Unlock()
}

func exceptionText(d *runtime.ExceptionDetails) string {
	if d == nil {
		return "(no details)"
	}
	s := d.Text
	if d.Exception != nil && d.Exception.Description != "" {
		s += " " + d.Exception.Description
	}
	if d.URL != "" {
		s += fmt.Sprintf(" (%s:%d:%d)", d.URL, d.LineNumber+1, d.ColumnNumber+1)
	}
	return s
}

func remoteText(o *runtime.RemoteObject) string {
	if o == nil {
		return ""
	}
	if o.Description != "" {
		return o.Description
	}
	var s string
	if err := json.Unmarshal([]byte(o.Value), &s); err == nil {
		return s
	}
	if len(o.Value) > 0 {
		return string(o.Value)
	}
	return string(o.Type)
}

// reportProblems fails the test for every page error not reported yet: the
// page must not throw or log an error, whatever the user types.
func (p *page) reportProblems() bool {
	p.t.Helper()
	p.mu.Lock()
	fresh := p.problems[p.reported:]
	p.reported = len(p.problems)
	p.mu.Unlock()
	for _, s := range fresh {
		p.t.Errorf("page error: %s", s)
	}
	return len(fresh) > 0
}

// check stops the test at the first page error, so a later, confusing
// failure does not hide its cause.
func (p *page) check() {
	p.t.Helper()
	if p.reportProblems() {
		p.t.FailNow()
	}
}

// loc finds an element by a path of CSS selectors, each searched inside the
// element the previous one found (through open shadow roots as well), and
// each optionally narrowed to its n-th match.
type loc []step

type step struct {
	CSS string `json:"css"`
	N   int    `json:"n"`
}

// tid is the selector of a data-testid.
func tid(id string) string { return fmt.Sprintf(`[data-testid=%q]`, id) }

// col is the selector of a table cell by its data-col.
func col(name string) string { return fmt.Sprintf(`[data-col=%q]`, name) }

// byID finds the first element with the test id.
func byID(id string) loc { return loc{{CSS: tid(id)}} }

// row finds the n-th (from 0) element with the test id, as rows repeat ids.
func row(id string, n int) loc { return loc{{CSS: tid(id), N: n}} }

// find finds the first match of css.
func find(css string) loc { return loc{{CSS: css}} }

// in descends to the first element with the test id inside l.
func (l loc) in(id string) loc { return l.find(tid(id)) }

// find descends to the first match of css inside l.
func (l loc) find(css string) loc { return append(l[:len(l):len(l)], step{CSS: css}) }

func (l loc) String() string {
	parts := make([]string, len(l))
	for i, s := range l {
		parts[i] = s.CSS
		if s.N > 0 {
			parts[i] += fmt.Sprintf("#%d", s.N)
		}
	}
	return strings.Join(parts, " › ")
}

func (l loc) json() string {
	b, err := json.Marshal([]step(l))
	if err != nil {
		panic(err)
	}
	return string(b)
}

// locateJS defines __e2eAll(root, css), which sees into open shadow roots
// (the result components may use them), and __e2eLocate(steps).
const locateJS = `
globalThis.__e2eAll ??= function all(root, css) {
  const out = [];
  const walk = (r) => {
    for (const el of r.querySelectorAll("*")) {
      if (el.matches(css)) out.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root);
  return out;
};
globalThis.__e2eLocate ??= function locate(steps) {
  let el = document;
  for (const s of steps) {
    el = __e2eAll(el, s.css)[s.n];
    if (!el) return null;
  }
  return el;
};
globalThis.__e2eVisible ??= function visible(el) {
  if (!el || !el.isConnected) return false;
  const r = el.getBoundingClientRect();
  const st = getComputedStyle(el);
  return r.width > 0 && r.height > 0 && st.visibility !== "hidden" && st.display !== "none";
};
`

// withEl builds an expression evaluating body with el bound to l's element;
// a missing element gives undefinedResult.
func withEl(l loc, body, undefinedResult string) string {
	return fmt.Sprintf(`(() => { %s; const el = __e2eLocate(%s); if (!el) return %s; %s })()`,
		locateJS, l.json(), undefinedResult, body)
}

// eval runs a JS expression in the page and decodes its value.
func eval[T any](p *page, what, expr string) T {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		p.check()
		p.t.Fatalf("%s: %v", what, err)
	}
	p.check()
	return v
}

// evalAwait is eval for an expression giving a promise (the engine's calls,
// which run in its worker).
func evalAwait[T any](p *page, what, expr string) T {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		p.check()
		p.t.Fatalf("%s: %v", what, err)
	}
	p.check()
	return v
}

// waitJS waits until a JS expression is truthy.
func (p *page) waitJS(what, expr string) {
	p.t.Helper()
	p.waitJSOr(what, expr, func() string { return "" })
}

// waitJSOr is waitJS with a description of what the page shows instead,
// read when the wait fails. It polls in short rounds so that a page error
// ends the wait at once rather than after the whole timeout.
func (p *page) waitJSOr(what, expr string, instead func() string) {
	p.t.Helper()
	poll := fmt.Sprintf(`(() => { %s; return %s; })()`, locateJS, expr)
	deadline := time.Now().Add(waitTimeout())
	for {
		round := min(time.Second, time.Until(deadline))
		_, err := chromedp.Run(p.ctx, chromedp.Poll[chromedp.Void](poll,
			chromedp.WithPollingInterval(50*time.Millisecond),
			chromedp.WithPollingTimeout(round)))
		p.check()
		if err == nil {
			return
		}
		if !errors.Is(err, chromedp.ErrPollingTimeout) || time.Now().After(deadline) {
			msg := fmt.Sprintf("waiting for %s: %v", what, err)
			if s := instead(); s != "" {
				msg += "; the page shows " + s
			}
			p.t.Fatalf("%s", msg)
		}
	}
}

// waitVisible waits for l to exist and be visible.
func (p *page) waitVisible(l loc) {
	p.t.Helper()
	p.waitJS(l.String()+" to be visible", withEl(l, `return __e2eVisible(el);`, "false"))
}

// exists says whether l is on the page now, without waiting.
func (p *page) exists(l loc) bool {
	p.t.Helper()
	return eval[bool](p, "looking for "+l.String(), withEl(l, "return true;", "false"))
}

// count is how many elements match css anywhere on the page now.
func (p *page) count(css string) int {
	p.t.Helper()
	return eval[int](p, "counting "+css, fmt.Sprintf(`(() => { %s; return __e2eAll(document, %q).length; })()`, locateJS, css))
}

// click waits for l and clicks its centre with the mouse, as a user would:
// an overlay on top of it would take the click instead.
func (p *page) click(l loc) {
	p.t.Helper()
	p.waitVisible(l)
	xy := p.pointAt(l)
	if err := chromedp.Do(p.ctx, chromedp.MouseClickXY(xy[0], xy[1])); err != nil {
		p.t.Fatalf("click %s: %v", l, err)
	}
	p.check()
}

// pointAt scrolls l into view and gives the middle of it once the element a
// pointer would hit there is l itself, in the same place in two frames running:
// a click lands where the user sees the control, not where it stood before
// the layout moved (a toolbar filling in, a banner opening), and not on a
// control still disabled.
func (p *page) pointAt(l loc) []float64 {
	p.t.Helper()
	deadline := time.Now().Add(waitTimeout())
	for {
		xy := evalAwait[[]float64](p, "finding "+l.String(), withEl(l, `
			const middle = () => {
				const r = el.getBoundingClientRect();
				return [r.left + r.width / 2, r.top + r.height / 2];
			};
			el.scrollIntoView({block: "center", inline: "center"});
			const before = middle();
			const twoFrames = new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
			const aWhile = new Promise((done) => setTimeout(done, 100)); // a tab that draws no frames
			return Promise.race([twoFrames, aWhile]).then(() => {
				const now = middle();
				const hit = document.elementFromPoint(now[0], now[1]);
				const steady = now[0] === before[0] && now[1] === before[1];
				const label = el.closest("label");
				const ours = hit && (hit === el || el.contains(hit) || (label && hit.closest("label") === label));
				return steady && ours && !el.disabled ? now : []; // a user waits for a disabled button
			});`, "null"))
		if len(xy) == 2 {
			return xy
		}
		if xy == nil {
			p.t.Fatalf("click %s: the element went away", l)
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("click %s: it stays disabled, something else is under its middle, or it keeps moving", l)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// typeInto replaces the text of a field with text, typed key by key, and then
// leaves the field with Tab, as a user would: the page sees keydown, input and
// change events.
func (p *page) typeInto(l loc, text string) {
	p.t.Helper()
	p.waitVisible(l)
	p.focus(l)
	// Ctrl+A selects the field's text, number fields included (they have no
	// selection API), and Backspace clears it.
	if err := chromedp.Do(p.ctx,
		chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.KeyEvent(kb.Backspace+text+kb.Tab),
	); err != nil {
		p.t.Fatalf("type %q into %s: %v", text, l, err)
	}
	p.check()
}

// paste replaces the text of a field with text in one edit, as pasting does,
// and leaves the field: the page sees a single input event, so no
// half-typed value (the "8" of "800") is ever calculated.
func (p *page) paste(l loc, text string) {
	p.t.Helper()
	p.waitVisible(l)
	p.focus(l)
	if err := chromedp.Do(p.ctx, chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl))); err != nil {
		p.t.Fatalf("select the text of %s: %v", l, err)
	}
	if _, err := chromedp.Call(p.ctx, input.InsertText, input.InsertTextParams{Text: text}); err != nil {
		p.t.Fatalf("paste %q into %s: %v", text, l, err)
	}
	if err := chromedp.Do(p.ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
		p.t.Fatalf("leave %s: %v", l, err)
	}
	p.check()
}

// focus puts the keyboard focus on l.
func (p *page) focus(l loc) {
	p.t.Helper()
	ok := eval[bool](p, "focusing "+l.String(), withEl(l, `
		el.scrollIntoView({block: "center"});
		el.focus();
		return document.activeElement === el || el.shadowRoot?.activeElement != null ||
			(el.getRootNode() instanceof ShadowRoot && el.getRootNode().activeElement === el);`, "false"))
	if !ok {
		p.t.Fatalf("%s does not take the keyboard focus", l)
	}
}

// setValue sets a field's value and fires input and change, for the fields a
// user fills through the browser's own picker (month and date inputs), where
// typed keys depend on the locale's segment order.
func (p *page) setValue(l loc, value string) {
	p.t.Helper()
	p.waitVisible(l)
	got := eval[string](p, "setting "+l.String(), withEl(l, fmt.Sprintf(`
		el.scrollIntoView({block: "center"});
		el.focus();
		const proto = Object.getPrototypeOf(el);
		const setter = Object.getOwnPropertyDescriptor(proto, "value")?.set;
		if (setter) setter.call(el, %[1]q); else el.value = %[1]q;
		el.dispatchEvent(new Event("input", {bubbles: true, composed: true}));
		el.dispatchEvent(new Event("change", {bubbles: true, composed: true}));
		el.blur();
		return String(el.value);`, value), `"(missing)"`))
	if got != value {
		p.t.Fatalf("set %s to %q, but it holds %q", l, value, got)
	}
}

// choose picks the option of a select whose value or visible text is want
// (or whose text starts with want and a space, as "seed-2018 — Nov 14, 2018"),
// as a user picking from the list; the page sees input and change.
func (p *page) choose(l loc, want string) {
	p.t.Helper()
	p.waitVisible(l)
	// The options may arrive after the select (for example once a catalog is
	// read); a plan picker gets its whole list when focused, as a user's would.
	p.waitJSOr(fmt.Sprintf("an option %q in %s", want, l),
		withEl(l, fmt.Sprintf(`el.focus({preventScroll: true}); return [...el.options].some((o) => o.value === %[1]q || o.textContent.trim() === %[1]q || o.textContent.trim().startsWith(%[1]q + " "));`, want), "false"),
		func() string { return "the options " + p.options(l) })
	eval[chromedp.Void](p, "choosing in "+l.String(), withEl(l, fmt.Sprintf(`
		el.scrollIntoView({block: "center"});
		el.focus();
		const opts = [...el.options];
		const o = opts.find((o) => o.value === %[1]q) ?? opts.find((o) => o.textContent.trim() === %[1]q) ??
			opts.find((o) => o.textContent.trim().startsWith(%[1]q + " "));
		el.value = o.value;
		el.dispatchEvent(new Event("input", {bubbles: true, composed: true}));
		el.dispatchEvent(new Event("change", {bubbles: true, composed: true}));
		el.blur();
		return null;`, want), "null"))
}

// show scrolls l into view once the estimate is up to date (the results
// above it have their final height), as a user does to read it: panels that
// ask the engine (the advisor, the comparison) do so only while on screen.
func (p *page) show(l loc) {
	p.t.Helper()
	p.waitAttr(byID("status"), "data-state", "ok")
	p.waitPresent(l)
	// Results rendered a component per frame can push it away again after the
	// scroll: it is shown once a poll finds it still on screen.
	p.waitJS("scrolling to "+l.String()+" until it stays on screen", withEl(l, `
		const box = el.getBoundingClientRect();
		if (box.bottom > 0 && box.top < innerHeight) return true;
		el.scrollIntoView({block: "center"});
		return false;`, "false"))
}

// options lists a select's options as value=text, for failure messages.
func (p *page) options(l loc) string {
	return p.peek(withEl(l, `return [...el.options].map((o) => o.value + "=" + o.textContent.trim()).join(", ");`, `"(no such select)"`))
}

// peek evaluates expr for a failure message: it never fails the test itself.
func (p *page) peek(expr string) string {
	ctx, cancel := context.WithTimeout(p.ctx, 5*time.Second)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr))
	if err != nil {
		return "(" + err.Error() + ")"
	}
	return s
}

// text is l's visible text, trimmed, once l exists.
func (p *page) text(l loc) string {
	p.t.Helper()
	p.waitPresent(l)
	return eval[string](p, "reading "+l.String(), withEl(l, `return el.innerText.trim();`, `""`))
}

// value is a field's current value, once it exists.
func (p *page) value(l loc) string {
	p.t.Helper()
	p.waitPresent(l)
	return eval[string](p, "reading "+l.String(), withEl(l, `return String(el.value ?? "");`, `""`))
}

// attr is l's attribute name ("" when absent), once l exists.
func (p *page) attr(l loc, name string) string {
	p.t.Helper()
	p.waitPresent(l)
	return eval[string](p, "reading "+l.String(), withEl(l, fmt.Sprintf(`return el.getAttribute(%q) ?? "";`, name), `""`))
}

// waitPresent waits for l to be in the document, visible or not.
func (p *page) waitPresent(l loc) {
	p.t.Helper()
	p.waitJS(l.String()+" to exist", withEl(l, "return true;", "false"))
}

// waitAttr waits until l's attribute name equals want: results update after
// the page recalculates, so a figure is read once it has settled on want,
// and a failure says what it showed instead.
func (p *page) waitAttr(l loc, name, want string) {
	p.t.Helper()
	p.waitJSOr(fmt.Sprintf("%s %s=%q", l, name, want),
		withEl(l, fmt.Sprintf(`return el.getAttribute(%q) === %q;`, name, want), "false"),
		func() string {
			return p.peek(withEl(l, fmt.Sprintf(`return %q + "=" + JSON.stringify(el.getAttribute(%[1]q));`, name), `"no such element"`)) + p.errorsShown()
		})
}

// waitValue waits until l's data-value (the engine's raw figure) is want.
func (p *page) waitValue(l loc, want string) {
	p.t.Helper()
	p.waitAttr(l, "data-value", want)
}

// waitText waits until l's visible text contains want.
func (p *page) waitText(l loc, want string) {
	p.t.Helper()
	p.waitJSOr(fmt.Sprintf("%s to show %q", l, want),
		withEl(l, fmt.Sprintf(`return el.innerText.includes(%q);`, want), "false"),
		func() string {
			return p.peek(withEl(l, `return JSON.stringify(el.innerText.trim().slice(0, 300));`, `"no such element"`)) + p.errorsShown()
		})
}

// errorsShown describes the field errors and form errors on screen, which
// usually explain why a figure did not appear.
func (p *page) errorsShown() string {
	s := p.peek(fmt.Sprintf(`(() => { %s;
		const errs = __e2eAll(document, %q).map((e) => (e.dataset.path ?? "") + ": " + e.innerText.trim()).filter((s) => s !== ": ");
		const form = __e2eAll(document, %q).map((e) => e.innerText.trim()).filter(Boolean);
		const all = [...errs, ...form];
		return all.length ? "; errors on the page: " + all.join(" | ") : "";
	})()`, locateJS, tid("field-error"), tid("form-errors")))
	if strings.HasPrefix(s, "(") {
		return ""
	}
	return s
}
