package sitehandler

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// wasmLike is compressible enough that both copies are kept.
var wasmLike = "\x00asm\x01\x00\x00\x00" + strings.Repeat("sakura cloud price simulator ", 400)

func deliverySite(t *testing.T) (string, *Handler) {
	t.Helper()
	dir := t.TempDir()
	for name, body := range map[string]string{
		"gen/main.wasm":              wasmLike,
		"gen/main.0123456789ab.wasm": wasmLike,
		"tiny.js":                    "export {}",
		"index.html":                 "<!doctype html>" + strings.Repeat("<p>x</p>", 200),
	} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := PrecompressTree(dir); err != nil {
		t.Fatal(err)
	}
	return dir, New(dir)
}

func get(h http.Handler, path string, header map[string]string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, path, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestPrecompress_writesBothCopiesOnlyWhereTheySave(t *testing.T) {
	dir, _ := deliverySite(t)
	for _, name := range []string{"gen/main.wasm.br", "gen/main.wasm.gz", "index.html.br", "index.html.gz"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s was not written: %v", name, err)
		}
	}
	// "export {}" cannot shrink by 256 bytes: no copies, so no Content-Encoding for it.
	for _, name := range []string{"tiny.js.br", "tiny.js.gz"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			t.Errorf("%s was written for a 9-byte file", name)
		}
	}
}

func TestServe_contentEncodingAsAccepted(t *testing.T) {
	_, h := deliverySite(t)
	tests := []struct {
		accept, encoding string
	}{
		{"gzip, deflate, br, zstd", "br"},
		{"gzip", "gzip"},
		{"br;q=0, gzip;q=0.5", "gzip"},
		{"identity", ""},
		{"", ""},
		{"*", "br"},
	}
	for _, tt := range tests {
		rec := get(h, "/gen/main.wasm", map[string]string{"Accept-Encoding": tt.accept})
		if rec.Code != http.StatusOK {
			t.Fatalf("Accept-Encoding %q: status %d", tt.accept, rec.Code)
		}
		if got := rec.Header().Get("Content-Encoding"); got != tt.encoding {
			t.Errorf("Accept-Encoding %q: Content-Encoding = %q, want %q", tt.accept, got, tt.encoding)
		}
		if got, want := rec.Header().Get("Content-Length"), strconv.Itoa(rec.Body.Len()); got != want {
			t.Errorf("Accept-Encoding %q: Content-Length = %q, want the %s bytes sent", tt.accept, got, want)
		}
		if got := rec.Header().Get("Vary"); got != "Accept-Encoding" {
			t.Errorf("Accept-Encoding %q: Vary = %q", tt.accept, got)
		}
		if got := rec.Header().Get("Content-Type"); got != "application/wasm" {
			t.Errorf("Accept-Encoding %q: Content-Type = %q", tt.accept, got)
		}
		var body []byte
		switch tt.encoding {
		case "br":
			body, _ = io.ReadAll(brotli.NewReader(rec.Body))
		case "gzip":
			zr, err := gzip.NewReader(rec.Body)
			if err != nil {
				t.Fatal(err)
			}
			body, _ = io.ReadAll(zr)
		default:
			body = rec.Body.Bytes()
		}
		if !bytes.Equal(body, []byte(wasmLike)) {
			t.Errorf("Accept-Encoding %q: the decoded body is not the wasm (%d bytes)", tt.accept, len(body))
		}
	}
}

func TestServe_etagRevalidatesPerEncoding(t *testing.T) {
	_, h := deliverySite(t)
	br := get(h, "/gen/main.wasm", map[string]string{"Accept-Encoding": "br"}).Header().Get("ETag")
	plain := get(h, "/gen/main.wasm", nil).Header().Get("ETag")
	if br == "" || plain == "" || br == plain {
		t.Fatalf("ETags br %q, identity %q: want two different, non-empty tags", br, plain)
	}
	if rec := get(h, "/gen/main.wasm", map[string]string{"Accept-Encoding": "br", "If-None-Match": br}); rec.Code != http.StatusNotModified {
		t.Errorf("If-None-Match with the brotli ETag: status %d, want 304", rec.Code)
	}
	if rec := get(h, "/gen/main.wasm", map[string]string{"Accept-Encoding": "br", "If-None-Match": plain}); rec.Code != http.StatusOK {
		t.Errorf("If-None-Match with the identity ETag for a brotli answer: status %d, want 200", rec.Code)
	}
}

func TestServe_cachingAndCrossOriginHeaders(t *testing.T) {
	_, h := deliverySite(t)
	hashed := get(h, "/gen/main.0123456789ab.wasm", nil)
	if got := hashed.Header().Get("Cache-Control"); got != "public, max-age=31536000, immutable" {
		t.Errorf("hashed name Cache-Control = %q", got)
	}
	plain := get(h, "/gen/main.wasm", nil)
	if got := plain.Header().Get("Cache-Control"); got != "no-cache" {
		t.Errorf("unhashed name Cache-Control = %q, want no-cache", got)
	}
	for name, want := range map[string]string{
		"Access-Control-Allow-Origin":  "*",
		"Cross-Origin-Resource-Policy": "cross-origin",
	} {
		if got := plain.Header().Get(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	page := get(h, "/", nil)
	csp := page.Header().Get("Content-Security-Policy")
	if csp != ContentSecurityPolicy || !strings.Contains(csp, "'wasm-unsafe-eval'") || strings.Contains(csp, "frame-ancestors") {
		t.Errorf("page CSP = %q", csp)
	}
}

func TestServe_indexHTMLIsNotRedirectedAndDotFilesAreHidden(t *testing.T) {
	_, h := deliverySite(t)
	if rec := get(h, "/index.html", nil); rec.Code != http.StatusOK {
		t.Errorf("GET /index.html status %d, want 200 (a redirect breaks the service worker)", rec.Code)
	}
	if rec := get(h, "/gen", nil); rec.Code != http.StatusMovedPermanently {
		t.Errorf("GET /gen status %d, want 301 to /gen/", rec.Code)
	}
	if rec := get(h, "/../../etc/passwd", nil); rec.Code != http.StatusNotFound {
		t.Errorf("GET /../../etc/passwd status %d, want 404", rec.Code)
	}
	if rec := get(h, "/.git/config", nil); rec.Code != http.StatusNotFound {
		t.Errorf("GET /.git/config status %d, want 404", rec.Code)
	}
}

func TestServe_staleCopyIsNotSent(t *testing.T) {
	dir, h := deliverySite(t)
	// The wasm rebuilt after its copies were made: the copies are older, so
	// what is sent must be the new wasm, never the old copy.
	p := filepath.Join(dir, "gen", "main.wasm")
	copyInfo, err := os.Stat(p + ".br")
	if err != nil {
		t.Fatal(err)
	}
	rebuilt := wasmLike + "rebuilt"
	if err := os.WriteFile(p, []byte(rebuilt), 0o644); err != nil {
		t.Fatal(err)
	}
	later := copyInfo.ModTime().Add(1e9)
	if err := os.Chtimes(p, later, later); err != nil {
		t.Fatal(err)
	}
	rec := get(h, "/gen/main.wasm", map[string]string{"Accept-Encoding": "br"})
	var body []byte
	if rec.Header().Get("Content-Encoding") == "br" {
		body, _ = io.ReadAll(brotli.NewReader(rec.Body))
	} else {
		body = rec.Body.Bytes()
	}
	if string(body) != rebuilt {
		t.Errorf("the answer is not the rebuilt wasm (%d bytes): a stale copy was sent", len(body))
	}
}

func TestServe_smallFilesWithoutCopiesAreCompressedInMemory(t *testing.T) {
	dir := t.TempDir()
	module := "export const words = " + strings.Repeat(`"sakura", `, 300) + ";"
	if err := os.WriteFile(filepath.Join(dir, "app.js"), []byte(module), 0o644); err != nil {
		t.Fatal(err)
	}
	h := New(dir)
	rec := get(h, "/app.js", map[string]string{"Accept-Encoding": "gzip, br"})
	if got := rec.Header().Get("Content-Encoding"); got != "br" {
		t.Fatalf("Content-Encoding = %q, want br", got)
	}
	body, _ := io.ReadAll(brotli.NewReader(rec.Body))
	if string(body) != module {
		t.Errorf("the decoded module differs (%d bytes, want %d)", len(body), len(module))
	}
	etag := rec.Header().Get("ETag")
	if rec := get(h, "/app.js", map[string]string{"Accept-Encoding": "gzip, br", "If-None-Match": etag}); rec.Code != http.StatusNotModified {
		t.Errorf("revalidating the in-memory brotli answer: status %d, want 304", rec.Code)
	}
	if rec := get(h, "/app.js", map[string]string{"Accept-Encoding": "gzip"}); rec.Header().Get("Content-Encoding") != "gzip" {
		t.Errorf("gzip-only client got Content-Encoding %q", rec.Header().Get("Content-Encoding"))
	}
	if rec := get(h, "/app.js", nil); rec.Header().Get("Content-Encoding") != "" || rec.Body.String() != module {
		t.Errorf("a client accepting nothing got Content-Encoding %q", rec.Header().Get("Content-Encoding"))
	}
}
