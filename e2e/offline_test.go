//go:build e2e

package e2e

import (
	"errors"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/sakura-sim/pricesim/scripts/dist/sitebuild"
	"github.com/sakura-sim/pricesim/scripts/serve/sitehandler"
)

// stoppableServer serves dir on one address that survives a stop and a
// restart, as a deployed site does across an outage.
type stoppableServer struct {
	t    *testing.T
	addr string
	dir  string
	srv  *http.Server
}

func startStoppable(t *testing.T, dir string) *stoppableServer {
	s := &stoppableServer{t: t, dir: dir}
	s.start("127.0.0.1:0")
	t.Cleanup(s.stop)
	return s
}

func (s *stoppableServer) start(addr string) {
	s.t.Helper()
	var ln net.Listener
	var err error
	for i := 0; i < 50; i++ { // the old socket may linger for a moment
		if ln, err = net.Listen("tcp", addr); err == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		s.t.Fatalf("listening on %s: %v", addr, err)
	}
	s.addr = ln.Addr().String()
	s.srv = &http.Server{Handler: sitehandler.New(s.dir)}
	go func() {
		if err := s.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.t.Errorf("serving: %v", err)
		}
	}()
}

func (s *stoppableServer) stop() {
	if s.srv != nil {
		s.srv.Close()
		s.srv = nil
	}
}

// copyTree copies the page so that the test can change it and rebuild.
func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		target := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		info, _ := d.Info()
		if err := os.WriteFile(target, raw, 0o644); err != nil {
			return err
		}
		return os.Chtimes(target, info.ModTime(), info.ModTime()) // keeps the .br newer than the wasm
	})
	if err != nil {
		t.Fatal(err)
	}
}

// waitReady waits for the estimator page after a navigation or a reload.
// The old document may still answer, or be gone mid-question: ask until the
// new one says it is ready.
func (p *page) waitReady(what string) {
	p.t.Helper()
	deadline := time.Now().Add(waitTimeout())
	for {
		ready, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](`!globalThis.__oldDocument && globalThis.sakura?.ready === true && document.body.classList.contains("ready")`))
		if err == nil && ready {
			break
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("waiting for %s (last error: %v)", what, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	p.check()
}

// waitCaches waits until the page's origin holds one cache: version's build.
func (p *page) waitCaches(version string) {
	p.t.Helper()
	p.waitJSOr("the cache of build "+version+" alone",
		`(caches.keys().then((k) => { globalThis.__caches = k.join(","); }), globalThis.__caches === "sakura-sim-`+version+`")`,
		func() string { return p.peek(`globalThis.__caches`) })
}

func (p *page) navigate(url string) {
	p.t.Helper()
	eval[bool](p, "marking the old document", `globalThis.__oldDocument = true`)
	if err := chromedp.Do(p.ctx, chromedp.Navigate(url)); err != nil {
		p.t.Fatalf("opening %s: %v", url, err)
	}
	p.waitReady("the page at " + url)
}

// TestOffline_buildWorksWithoutNetworkAndUpdatesWhole: make dist's folder,
// served, visited once; then the server stops: /, /index.html and a query
// still open the page, which says it is offline and on which prices, and
// computes (seed 002: 9,504 a month, 114,048 a year). Then a rebuild with a
// changed title: the page says a newer version is ready and switches only
// when asked, to the new build whole (its cache alone).
func TestOffline_buildWorksWithoutNetworkAndUpdatesWhole(t *testing.T) {
	t.Parallel()
	src := filepath.Join(t.TempDir(), "site")
	copyTree(t, siteDir, src)
	out := filepath.Join(t.TempDir(), "dist")
	v1, err := sitebuild.Build(src, out)
	if err != nil {
		t.Fatal(err)
	}
	srv := startStoppable(t, out)
	base := "http://" + srv.addr + "/"

	p, requests := openPlainTab(t, browser, base)
	p.waitReady("the first visit")
	p.waitJS("the offline copy installed and in control", `navigator.serviceWorker.controller !== null`)
	p.waitCaches(v1)

	t.Log("the server stops")
	srv.stop()
	for _, path := range []string{"", "index.html", "?view=1&x=2", "index.html?y"} {
		p.navigate(base + path)
		p.waitJSOr("the offline note at /"+path, `(() => { const n = document.querySelector('[data-testid="offline-note"]'); return !n.hidden && n.textContent.includes("list-2026") && n.textContent.includes("2026-04-28") })()`,
			func() string { return p.peek(`document.querySelector('[data-testid="offline-note"]').outerHTML`) })
	}
	p.period("seed-2018", "2018-12", "36")
	p.resource(0, "web", "server/4core-8gb", "tk1a")
	p.waitValue(yearCell(1, "total"), "114048")

	t.Log("a rebuild with a new title, the server back")
	strings_ := filepath.Join(src, "app", "strings.js")
	raw, err := os.ReadFile(strings_)
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(raw), `title: "SAKURA Cloud price simulator",`, `title: "SAKURA Cloud price simulator, rebuilt",`, 1)
	if changed == string(raw) {
		t.Fatal("the English title is not where the test expects it in app/strings.js")
	}
	if err := os.WriteFile(strings_, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	v2, err := sitebuild.Build(src, out)
	if err != nil || v2 == v1 {
		t.Fatalf("rebuild: version %s (was %s), %v", v2, v1, err)
	}
	srv.start(srv.addr)
	p.navigate(base)
	p.waitJSOr("the update note for "+v2, `(() => { const n = document.querySelector('[data-testid="update-note"]'); return !n.hidden && n.dataset.version === "`+v2+`" })()`,
		func() string { return p.peek(`document.querySelector('[data-testid="update-note"]').outerHTML`) })
	if got := eval[string](p, "title", `document.querySelector("h1").textContent`); got != "SAKURA Cloud price simulator" {
		t.Errorf("before the reload the title is %q: the page switched builds silently", got)
	}

	t.Log("reload to use it")
	eval[bool](p, "marking the old document", `globalThis.__oldDocument = true`)
	p.click(byID("update-reload"))
	p.waitReady("the page after taking the update")
	p.waitJSOr("the new title", `document.querySelector("h1").textContent === "SAKURA Cloud price simulator, rebuilt"`,
		func() string { return p.peek(`document.querySelector("h1").textContent`) })
	p.waitCaches(v2)
	p.waitJS("the page's build", `document.body.dataset.build === "`+v2+`"`)
	p.period("seed-2018", "2018-12", "36")
	p.resource(0, "web", "server/4core-8gb", "tk1a")
	p.waitValue(yearCell(1, "total"), "114048")

	if bad := requests.foreign("http://" + srv.addr); len(bad) > 0 {
		t.Errorf("requests left the page's origin: %v", bad)
	}
}
