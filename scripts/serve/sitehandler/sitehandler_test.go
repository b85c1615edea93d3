package sitehandler

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

func TestNew_headers(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"index.html":    "<!doctype html><title>x</title>",
		"app.js":        "export {}",
		"gen/main.wasm": "\x00asm\x01\x00\x00\x00",
		"logo.png":      "\x89PNG",
	} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	h := New(dir)
	tests := []struct {
		path, contentType, cacheControl string
		status                          int
	}{
		{"/", "text/html; charset=utf-8", "no-cache", http.StatusOK},
		{"/app.js", "text/javascript; charset=utf-8", "no-cache", http.StatusOK},
		{"/gen/main.wasm", "application/wasm", "no-cache", http.StatusOK},
		{"/logo.png", "image/png", "no-cache", http.StatusOK},
		{"/index.html", "text/html; charset=utf-8", "no-cache", http.StatusOK},
		{"/missing.js", "", "", http.StatusNotFound},
	}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, tt.path, nil))
		if rec.Code != tt.status {
			t.Errorf("GET %s status = %d, want %d", tt.path, rec.Code, tt.status)
			continue
		}
		if tt.status != http.StatusOK {
			continue
		}
		if got := rec.Header().Get("Content-Type"); got != tt.contentType {
			t.Errorf("GET %s Content-Type = %q, want %q", tt.path, got, tt.contentType)
		}
		if got := rec.Header().Get("Cache-Control"); got != tt.cacheControl {
			t.Errorf("GET %s Cache-Control = %q, want %q", tt.path, got, tt.cacheControl)
		}
	}
}
