// Package sitehandler serves the static estimator page. The development
// server (scripts/serve) and the browser tests (e2e) share it, so the tests
// exercise the same headers a user's browser gets.
package sitehandler

import (
	"net/http"
	"path"
	"strings"
)

// contentTypes pins the types the page depends on. Go's built-in table has
// them, but mime also reads the machine's /etc/mime.types, which may say
// otherwise; WebAssembly.instantiateStreaming refuses anything but
// application/wasm, and module scripts need a JavaScript type.
var contentTypes = map[string]string{
	".wasm": "application/wasm",
	".js":   "text/javascript; charset=utf-8",
	".mjs":  "text/javascript; charset=utf-8",
	".html": "text/html; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".json": "application/json",
	".svg":  "image/svg+xml",
}

// revalidate lists what the browser must check again on every load: these
// change with each build, and a stale main.wasm beside a fresh app.js is a
// confusing bug.
var revalidate = map[string]bool{".html": true, ".js": true, ".mjs": true, ".wasm": true, ".css": true, "": true}

// New returns a handler serving the files under dir.
func New(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ext := strings.ToLower(path.Ext(r.URL.Path))
		if strings.HasSuffix(r.URL.Path, "/") {
			ext = ""
		}
		if ct, ok := contentTypes[ext]; ok {
			w.Header().Set("Content-Type", ct)
		}
		if revalidate[ext] {
			w.Header().Set("Cache-Control", "no-cache")
		}
		w.Header().Set("X-Content-Type-Options", "nosniff")
		files.ServeHTTP(w, r)
	})
}
