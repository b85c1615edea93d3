//go:build bench

package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/sakura-sim/pricesim/scripts/benchscenario"
	"github.com/sakura-sim/pricesim/scripts/serve/sitehandler"
)

type traceEvent struct {
	Name string  `json:"name"`
	Cat  string  `json:"cat"`
	Ph   string  `json:"ph"`
	Ts   float64 `json:"ts"`
	Dur  float64 `json:"dur"`
	Tdur float64 `json:"tdur"`
	Pid  int     `json:"pid"`
	Tid  int     `json:"tid"`
	Args struct {
		SrcFunc string `json:"src_func"`
		Name    string `json:"name"`
		Data    struct {
			FunctionName string `json:"functionName"`
			URL          string `json:"url"`
			Type         string `json:"type"`
		} `json:"data"`
	} `json:"args"`
}

// TestTrace (BENCH_TRACE=large|keys): the main thread's tasks over 40 ms
// (8 ms for keys) in a Chromium trace of a link's load and 6 keystrokes, wall
// and thread (CPU) time, the code that posted each task (src_func) and what it
// spent its time on. Thread time holds on a loaded machine where wall time
// does not. Options: BENCH_TRACE_ALL=1 counts nested events too;
// BENCH_TRACE_PROFILE=1 samples JavaScript (the functions in each task);
// BENCH_TRACE_JS=file runs that script on the loaded page instead of typing;
// BENCH_TRACE_DUMP=file writes the main thread's events.
func TestTrace(t *testing.T) {
	what := os.Getenv("BENCH_TRACE")
	if what == "" {
		t.Skip("BENCH_TRACE unset")
	}
	site := filepath.Join(root, "site")
	if dir := os.Getenv("BENCH_SITE"); dir != "" {
		site = dir
	}
	srv := httptest.NewServer(sitehandler.New(site))
	defer srv.Close()
	alloc, c1 := chromedp.NewExecAllocator(context.Background(), append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath("/usr/bin/chromium"), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.Headless, chromedp.WindowSize(1280, 1000))...)
	defer c1()
	browser, c2 := chromedp.NewContext(alloc)
	defer c2()
	chromedp.Do(browser)
	tb, done := openTab(t, browser, longtasks, benchFigures)
	defer done()
	var mu sync.Mutex
	var events []traceEvent
	complete := make(chan struct{})
	chromedp.Listen(tb.ctx, func(ev any) {
		switch e := ev.(type) {
		case *tracing.EventDataCollected:
			mu.Lock()
			for _, v := range e.Value {
				var te traceEvent
				if json.Unmarshal([]byte(v), &te) == nil {
					events = append(events, te)
				}
			}
			mu.Unlock()
		case *tracing.EventTracingComplete:
			close(complete)
		}
	})
	chromedp.Do(tb.ctx, chromedp.Navigate(srv.URL+"/favicon.svg"))
	err := chromedp.Do(tb.ctx, chromedp.Func(func(ctx context.Context, tgt *chromedp.Target) error {
		if os.Getenv("BENCH_TRACE_PROFILE") == "" {
			return nil
		}
		cdp.Call(ctx, tgt, profiler.Enable, cdp.Empty{})
		cdp.Call(ctx, tgt, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 200})
		_, err := cdp.Call(ctx, tgt, profiler.Start, cdp.Empty{})
		return err
	}))
	err = chromedp.Do(tb.ctx, chromedp.Func(func(ctx context.Context, tgt *chromedp.Target) error {
		_, err := cdp.Call(ctx, tgt, tracing.Start, tracing.StartParams{TraceConfig: &tracing.TraceConfig{
			IncludedCategories: []string{"toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "blink", "v8", "v8.wasm", "loading", "devtools.timeline.async", "disabled-by-default-v8.wasm.detailed", "disabled-by-default-v8.compile", "v8.compile"},
		}, TransferMode: tracing.StartTransferModeReportEvents})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
	contracts, months := 1000, 120
	if what == "keys" {
		contracts, months = 40, 36
	}
	chromedp.Do(tb.ctx, chromedp.Navigate(linkTo(srv.URL+"/", benchscenario.Scenario(contracts, months))))
	tb.waitFor(benchMark + `.length > 0 && document.body.classList.contains("ready") && (globalThis.sakura?.ready ?? true) && document.querySelectorAll('[data-testid="resource-row"]').length === ` + fmt.Sprint(contracts/2))
	field := `document.querySelector('[data-testid="resource-count"]')`
	if what == "large" {
		field = `document.querySelectorAll('[data-testid="resource-row"]')[1].querySelector('[data-testid="resource-hours"]')`
	}
	if js := os.Getenv("BENCH_TRACE_JS"); js != "" {
		time.Sleep(3 * time.Second)
		b, _ := os.ReadFile(js)
		t.Logf("probe mark %.0f", evalIn[float64](tb, string(b)))
		time.Sleep(3 * time.Second)
	}
	evalIn[bool](tb, `(`+field+`.focus(), true)`)
	chromedp.Do(tb.ctx, chromedp.KeyEvent(kb.End))
	for i := 0; i < 6 && os.Getenv("BENCH_TRACE_JS") == ""; i++ {
		evalIn[bool](tb, `(performance.clearMarks("bench:figures"), true)`)
		key := "0"
		if i%2 == 1 {
			key = kb.Backspace
		}
		chromedp.Do(tb.ctx, chromedp.KeyEvent(key))
		tb.waitFor(benchMark + `.some((m) => m.startTime > globalThis.__keydown)`)
		time.Sleep(300 * time.Millisecond)
	}
	var prof *profiler.Profile
	chromedp.Do(tb.ctx, chromedp.Func(func(ctx context.Context, tgt *chromedp.Target) error {
		r, err := cdp.Call(ctx, tgt, profiler.Stop, cdp.Empty{})
		if err == nil {
			prof = r.Profile
		}
		_, err = cdp.Call(ctx, tgt, tracing.End, cdp.Empty{})
		return err
	}))
	// Samples: time → the stack's frames, innermost first.
	type sample struct {
		at    float64
		stack []string
	}
	var samples []sample
	if prof != nil {
		parent := map[int64]int64{}
		byID := map[int64]*profiler.ProfileNode{}
		for _, n := range prof.Nodes {
			byID[n.ID] = n
			for _, c := range n.Children {
				parent[c] = n.ID
			}
		}
		at := prof.StartTime
		for i, id := range prof.Samples {
			at += float64(prof.TimeDeltas[i])
			var stack []string
			for n := id; n != 0; n = parent[n] {
				f := byID[n].CallFrame
				name := f.FunctionName
				if name == "" {
					name = "(anon)"
				}
				if f.URL != "" {
					name += "@" + filepath.Base(f.URL) + ":" + fmt.Sprint(f.LineNumber+1)
				}
				stack = append(stack, name)
			}
			samples = append(samples, sample{at, stack})
		}
	}
	<-complete
	mu.Lock()
	defer mu.Unlock()
	// The renderer's main thread: the thread named CrRendererMain with the most events.
	mainTid := map[[2]int]int{}
	for _, e := range events {
		if e.Ph == "M" && e.Name == "thread_name" && e.Args.Name == "CrRendererMain" {
			mainTid[[2]int{e.Pid, e.Tid}] = 0
		}
	}
	for _, e := range events {
		if _, ok := mainTid[[2]int{e.Pid, e.Tid}]; ok {
			mainTid[[2]int{e.Pid, e.Tid}]++
		}
	}
	var main [2]int
	for k, n := range mainTid {
		if n > mainTid[main] {
			main = k
		}
	}
	var on []traceEvent
	dump, _ := os.Create(os.Getenv("BENCH_TRACE_DUMP"))
	if os.Getenv("BENCH_TRACE_DUMP") == "" {
		dump = nil
	}
	var t0 float64
	for _, e := range events {
		if e.Name == "navigationStart" && (t0 == 0 || e.Ts < t0) {
			t0 = e.Ts
		}
		if e.Pid == main[0] && e.Tid == main[1] && e.Ph == "X" {
			on = append(on, e)
		}
		if dump != nil && e.Pid == main[0] && e.Tid == main[1] {
			fmt.Fprintf(dump, "%.0f %s %s %s %.0f %.0f\n", e.Ts, e.Ph, e.Cat, e.Name, e.Dur, e.Tdur)
		}
	}
	sort.Slice(on, func(i, j int) bool { return on[i].Ts < on[j].Ts || on[i].Ts == on[j].Ts && on[i].Dur > on[j].Dur })
	var b strings.Builder
	{
		self := map[string]int{}
		var first, lastAt float64
		for _, sm := range samples {
			if first == 0 {
				first = sm.at
			}
			lastAt = sm.at
			self[sm.stack[0]]++
			if len(sm.stack) > 2 && !strings.Contains(sm.stack[0], ".js:") {
				self["  "+sm.stack[0]+"<"+sm.stack[1]+"<"+sm.stack[2]]++
			}
		}
		var keys []string
		for k := range self {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool { return self[keys[i]] > self[keys[j]] })
		fmt.Fprintf(&b, "profile %d samples %.0f–%.0f ms:", len(samples), first/1000, lastAt/1000)
		for _, k := range keys[:min(45, len(keys))] {
			fmt.Fprintf(&b, " %s×%d", k, self[k])
		}
		b.WriteString("\n")
	}
	for i, e := range on {
		if e.Name != "ThreadControllerImpl::RunTask" || e.Dur < traceMin() || i > 0 && on[i-1].Name == e.Name && on[i-1].Ts <= e.Ts && e.Ts < on[i-1].Ts+on[i-1].Dur {
			continue
		}
		fmt.Fprintf(&b, "%7.0f ms  task %5.1f ms wall, %5.1f ms cpu %s:", (e.Ts-t0)/1000, e.Dur/1000, e.Tdur/1000, e.Args.SrcFunc)
		// Children directly below the task (not nested in another child).
		end := e.Ts + e.Dur
		var last float64
		parts := map[string][2]float64{}
		for _, c := range on[i+1:] {
			if c.Ts >= end {
				break
			}
			if c.Ts < last && os.Getenv("BENCH_TRACE_ALL") == "" || c.Name == e.Name {
				continue
			}
			last = c.Ts + c.Dur
			name := c.Name
			if c.Args.Data.FunctionName != "" {
				name += " " + c.Args.Data.FunctionName
			} else if c.Args.Data.URL != "" {
				name += " " + filepath.Base(c.Args.Data.URL)
			} else if c.Args.Data.Type != "" {
				name += " " + c.Args.Data.Type
			}
			p := parts[name]
			parts[name] = [2]float64{p[0] + c.Dur, p[1] + c.Tdur}
		}
		var names []string
		for n := range parts {
			names = append(names, n)
		}
		sort.Slice(names, func(i, j int) bool { return parts[names[i]][0] > parts[names[j]][0] })
		for _, n := range names {
			if parts[n][0] >= 3000 {
				fmt.Fprintf(&b, "  [%s %.0f/%.0f]", n, parts[n][0]/1000, parts[n][1]/1000)
			}
		}
		b.WriteString("\n")
		// JS samples within the task: self (innermost) and the innermost frame of our own code.
		self, own := map[string]int{}, map[string]int{}
		for _, sm := range samples {
			if sm.at < e.Ts || sm.at >= end || len(sm.stack) == 0 {
				continue
			}
			self[sm.stack[0]]++
			for _, f := range sm.stack {
				if strings.Contains(f, ".js:") && !strings.Contains(f, "wasm_exec") {
					own[f]++
					break
				}
			}
		}
		for _, m := range []map[string]int{self, own} {
			var keys []string
			for k := range m {
				keys = append(keys, k)
			}
			sort.Slice(keys, func(i, j int) bool { return m[keys[i]] > m[keys[j]] })
			if len(keys) > 8 {
				keys = keys[:8]
			}
			b.WriteString("           ")
			for _, k := range keys {
				fmt.Fprintf(&b, " %s×%d", k, m[k])
			}
			b.WriteString("\n")
		}
	}
	t.Logf("main-thread tasks over 40 ms (wall/cpu ms):\n%s", b.String())
}

func traceMin() float64 {
	if os.Getenv("BENCH_TRACE") == "keys" {
		return 8000
	}
	return 40000
}
