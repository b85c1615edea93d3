//go:build e2e

package e2e

import (
	"bytes"
	"compress/flate"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// formJS serialises every value of the scenario form (not the saved-estimates
// panel or the price import), so a test can tell whether anything changed.
var formJS = `(() => [...document.querySelectorAll("#scenario-form [data-testid]")]
	.filter((el) => ("value" in el) && el.type !== "file" && el.type !== "button" && el.tagName !== "BUTTON" && !el.closest(".saved, .import"))
	.map((el) => el.dataset.testid + "=" + el.value).join("\n"))()`

// plainLink is the page's URL with the scenario as "#j=" + base64url(JSON).
func plainLink(scenario string) string {
	return siteURL + "#j=" + base64.RawURLEncoding.EncodeToString([]byte(scenario))
}

// compressedLink is the page's URL with raw as "#s=" + base64url(deflate-raw).
func compressedLink(t *testing.T, raw []byte) string {
	t.Helper()
	var buf bytes.Buffer
	w, err := flate.NewWriter(&buf, flate.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(raw); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return siteURL + "#s=" + base64.RawURLEncoding.EncodeToString(buf.Bytes())
}

// reload reloads the tab and waits for the engine again.
func (p *page) reload() {
	p.t.Helper()
	eval[bool](p, "marking the old document", `globalThis.__oldDocument = true`)
	if err := chromedp.Do(p.ctx, chromedp.Reload()); err != nil {
		p.t.Fatalf("reload: %v", err)
	}
	// The old document may still answer, or be gone mid-question: ask until
	// the new one says it is ready.
	deadline := time.Now().Add(waitTimeout())
	for {
		ready, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](`!globalThis.__oldDocument && document.body.classList.contains("ready")`))
		if err == nil && ready {
			break
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("the page was not ready after reloading (last error: %v)", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	p.check()
}

// setStorage puts text under key in the page's localStorage.
func (p *page) setStorage(key, text string) {
	p.t.Helper()
	eval[chromedp.Void](p, "writing localStorage "+key, fmt.Sprintf(`localStorage.setItem(%q, %q), null`, key, text))
}

// storage reads key from the page's localStorage.
func (p *page) storage(key string) string {
	p.t.Helper()
	return eval[string](p, "reading localStorage "+key, fmt.Sprintf(`localStorage.getItem(%q) ?? ""`, key))
}

// upload puts a file holding text on a file input, as picking it would.
func (p *page) upload(l loc, name, text string) {
	p.t.Helper()
	path := filepath.Join(p.t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		p.t.Fatal(err)
	}
	p.waitPresent(l)
	sel := l[len(l)-1].CSS
	if err := chromedp.Do(p.ctx, chromedp.SetUploadFiles(sel, []string{path})); err != nil {
		p.t.Fatalf("upload %s to %s: %v", name, l, err)
	}
	p.check()
}

// blockedStorageBrowser starts a second Chromium whose profile blocks site
// data (cookies, and with them localStorage), as a user's content settings can.
func blockedStorageBrowser(t *testing.T) context.Context {
	t.Helper()
	dir := t.TempDir()
	prefs := map[string]any{"profile": map[string]any{"default_content_setting_values": map[string]any{"cookies": 2}}}
	b, _ := json.Marshal(prefs)
	if err := os.MkdirAll(filepath.Join(dir, "Default"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "Default", "Preferences"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	opts := append(browserOptions(), chromedp.UserDataDir(dir))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting a Chromium with storage blocked: %v", err)
	}
	return ctx
}
