//go:build e2e

package e2e

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/sakura-sim/pricesim/scripts/serve/sitehandler"
)

// siteDir is the page, seen from the package directory go test runs in.
const siteDir = "../site"

var (
	// siteURL is the page's address on the test server, ending in "/".
	siteURL string
	// browser is the one Chromium every test opens its tabs in.
	browser context.Context
	// tabTimeout bounds one tab's life (E2E_TIMEOUT).
	tabTimeout = 60 * time.Second
	// chromiumPath is the browser every test runs (CHROMIUM).
	chromiumPath = "/usr/bin/chromium"
)

func TestMain(m *testing.M) {
	code, err := run(m)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		code = 1
	}
	os.Exit(code)
}

func run(m *testing.M) (int, error) {
	if _, err := os.Stat(filepath.Join(siteDir, "gen", "main.wasm")); err != nil {
		return 0, errors.New("run make test (site/gen/main.wasm is missing)")
	}
	if _, err := os.Stat(filepath.Join(siteDir, "gen", "wasm_exec.js")); err != nil {
		return 0, errors.New("run make test (site/gen/wasm_exec.js is missing)")
	}
	if s := os.Getenv("E2E_TIMEOUT"); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil || d <= 0 {
			return 0, fmt.Errorf("E2E_TIMEOUT=%q is not a duration such as 90s", s)
		}
		tabTimeout = d
	}
	if s := os.Getenv("CHROMIUM"); s != "" {
		chromiumPath = s
	}
	execPath := chromiumPath
	if _, err := os.Stat(execPath); err != nil {
		return 0, fmt.Errorf("Chromium is missing at %s: run make e2e-deps, or 'sudo apt-get install chromium', or set CHROMIUM=/path/to/chromium", execPath)
	}

	// httptest listens on 127.0.0.1, and the handler is the one scripts/serve
	// uses, so the tests see the headers a user's browser gets.
	srv := httptest.NewServer(sitehandler.New(siteDir))
	defer srv.Close()
	siteURL = srv.URL + "/"

	opts := browserOptions()
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancelBrowser := chromedp.NewContext(allocCtx)
	defer cancelBrowser()
	// The first Do starts the browser; it gets no timeout, as a timeout here
	// would end the browser with it.
	if err := chromedp.Do(ctx); err != nil {
		return 0, fmt.Errorf("starting Chromium (%s): %w", execPath, err)
	}
	browser = ctx
	return m.Run(), nil
}

// browserOptions are the flags of every Chromium the tests start.
func browserOptions() []chromedp.ExecAllocatorOption {
	return append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Headless,
		chromedp.WindowSize(1280, 1000),
		// The machine has no outside network: anything Chromium would fetch
		// for itself only waits for a timeout.
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-quic", true),
		// The page picks its language from the browser's; the tests start in
		// English and switch on purpose.
		chromedp.Flag("lang", "en-US"),
	)
}
