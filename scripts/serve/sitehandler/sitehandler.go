// Package sitehandler serves the static estimator page. The development
// server (scripts/serve), the built folder of make dist and the browser tests
// (e2e) share it, so the tests exercise the same headers a user's browser gets.
//
// What it adds to plain file serving:
//   - precompressed copies (name.br, name.gz, written by Precompress) sent
//     with Content-Encoding and Vary: Accept-Encoding, as the client accepts;
//   - an ETag from the content on every file, so a revalidation costs a 304;
//   - a year's immutable caching for content-hashed names (main.3fa9c1d2.wasm),
//     no-cache for everything else the page is built from;
//   - CORS and Cross-Origin-Resource-Policy: cross-origin, because the
//     embeddable calculator loads its script and wasm from other sites;
//   - the page's Content-Security-Policy (the same one make dist writes).
//
// /index.html is served as it is, never redirected to /: a service worker
// that caches it must get the page, not a redirect.
package sitehandler

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"

	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// contentTypes pins the types the page depends on. Go's built-in table has
// them, but mime also reads the machine's /etc/mime.types, which may say
// otherwise; WebAssembly.instantiateStreaming refuses anything but
// application/wasm, and module scripts need a JavaScript type.
var contentTypes = map[string]string{
	".wasm":        "application/wasm",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".html":        "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".json":        "application/json",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".md":          "text/markdown; charset=utf-8",
	".txt":         "text/plain; charset=utf-8",
	".webmanifest": "application/manifest+json",
}

// ContentSecurityPolicy is the page's policy, sent with every HTML page by
// the dev server and written into make dist's _headers. No frame-ancestors:
// the iframe calculator is meant to be framed by documentation sites.
// blob: workers are how the calculator starts its engine worker when its
// script comes from another origin (see site/embed/README.md).
const ContentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
	"worker-src 'self' blob:; connect-src 'self'; img-src 'self' data:; style-src 'self'; " +
	"object-src 'none'; base-uri 'self'; form-action 'self'"

// hashedName matches names carrying a content hash (main.3fa9c1d2e4b5.wasm):
// their content never changes under that name, so they may be cached for good.
var hashedName = regexp.MustCompile(`\.[0-9a-f]{8,64}\.[A-Za-z0-9]+$`)

// CacheControl is the caching a file of that URL path gets.
func CacheControl(urlPath string) string {
	if hashedName.MatchString(urlPath) {
		return "public, max-age=31536000, immutable"
	}
	return "no-cache"
}

// Handler serves the files under a directory. Build one with New.
type Handler struct {
	dir string

	mu         sync.Mutex
	etags      map[string]etagEntry       // file path → its ETag while size and time match
	compressed map[string]compressedEntry // file path + encoding → the body, likewise
}

type compressedEntry struct {
	size       int64
	mod        time.Time
	body, etag string
}

// onTheFlyLimit bounds the files compressed in memory when no precompressed
// copy is beside them (the page's modules while developing): brotli at
// quality 11 takes milliseconds on them, once per version of the file. The
// wasm is far larger and gets its copies from make wasm.
const onTheFlyLimit = 1 << 20

type etagEntry struct {
	size int64
	mod  time.Time
	etag string
}

// New returns a handler serving the files under dir.
func New(dir string) *Handler {
	return &Handler{dir: dir, etags: map[string]etagEntry{}, compressed: map[string]compressedEntry{}}
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	urlPath := path.Clean("/" + r.URL.Path)
	name := filepath.Join(h.dir, filepath.FromSlash(urlPath))
	info, err := os.Stat(name)
	if err == nil && info.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			http.Redirect(w, r, path.Base(urlPath)+"/", http.StatusMovedPermanently)
			return
		}
		urlPath = path.Join(urlPath, "index.html")
		name = filepath.Join(name, "index.html")
		info, err = os.Stat(name)
	}
	if err != nil || info.IsDir() || hidden(urlPath) {
		http.NotFound(w, r)
		return
	}

	hdr := w.Header()
	ext := strings.ToLower(path.Ext(urlPath))
	if ct, ok := contentTypes[ext]; ok {
		hdr.Set("Content-Type", ct)
	}
	hdr.Set("Cache-Control", CacheControl(urlPath))
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Access-Control-Allow-Origin", "*")
	hdr.Set("Cross-Origin-Resource-Policy", "cross-origin")
	if ext == ".html" {
		hdr.Set("Content-Security-Policy", ContentSecurityPolicy)
	}

	sent, sentInfo, tag := name, info, ""
	if compressible[ext] {
		hdr.Add("Vary", "Accept-Encoding")
		for _, enc := range encodings {
			if !accepts(r.Header.Get("Accept-Encoding"), enc.token) {
				continue
			}
			if ci, err := os.Stat(name + enc.suffix); err == nil && !ci.ModTime().Before(info.ModTime()) {
				sent, sentInfo, tag = name+enc.suffix, ci, enc.token
				hdr.Set("Content-Encoding", enc.token)
				// Content-Length is the encoded size; the page's progress bar
				// counts decoded bytes, so it needs this total (engine-client.js).
				hdr.Set("X-Decoded-Length", strconv.FormatInt(info.Size(), 10))
				break
			}
		}
	}
	if compressible[ext] && tag == "" {
		if body, etag, token := h.compressedInMemory(name, info, r.Header.Get("Accept-Encoding")); body != nil {
			hdr.Set("Content-Encoding", token)
			hdr.Set("ETag", etag)
			setLength(hdr, r, int64(len(body)))
			http.ServeContent(w, r, path.Base(urlPath), info.ModTime(), bytes.NewReader(body))
			return
		}
	}
	f, err := os.Open(sent)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	etag, err := h.etag(sent, sentInfo)
	if err == nil {
		if tag != "" {
			etag = strings.TrimSuffix(etag, `"`) + "-" + tag + `"`
		}
		hdr.Set("ETag", etag)
	}
	if tag != "" {
		setLength(hdr, r, sentInfo.Size())
	}
	// ServeContent answers If-None-Match with 304 and serves ranges; the
	// name it gets is the original's, so it never guesses a type from .br.
	http.ServeContent(w, r, path.Base(urlPath), sentInfo.ModTime(), f)
}

// hidden keeps dot files (.git, .DS_Store) out of reach.
func hidden(urlPath string) bool {
	for _, part := range strings.Split(urlPath, "/") {
		if strings.HasPrefix(part, ".") {
			return true
		}
	}
	return false
}

// etag is a strong ETag from the file's content, remembered while the file's
// size and modification time stay the same.
func (h *Handler) etag(name string, info fs.FileInfo) (string, error) {
	h.mu.Lock()
	e, ok := h.etags[name]
	h.mu.Unlock()
	if ok && e.size == info.Size() && e.mod.Equal(info.ModTime()) {
		return e.etag, nil
	}
	raw, err := os.ReadFile(name)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(raw)
	etag := `"` + hex.EncodeToString(sum[:12]) + `"`
	h.mu.Lock()
	h.etags[name] = etagEntry{info.Size(), info.ModTime(), etag}
	h.mu.Unlock()
	return etag, nil
}

// setLength gives an encoded answer its Content-Length, which ServeContent
// leaves out whenever Content-Encoding is set: without it a download's
// progress cannot be shown. Ranges are left to ServeContent (a partial answer
// has its own length); a 304 drops the header itself.
func setLength(hdr http.Header, r *http.Request, n int64) {
	if r.Header.Get("Range") == "" {
		hdr.Set("Content-Length", strconv.FormatInt(n, 10))
	}
}

// compressedInMemory compresses a small file for the first encoding the
// client accepts, remembering the result while the file stays the same; nil
// when none is accepted or it would not save minSaving bytes.
func (h *Handler) compressedInMemory(name string, info fs.FileInfo, acceptEncoding string) (body []byte, etag, token string) {
	if info.Size() > onTheFlyLimit || info.Size() < minSaving {
		return nil, "", ""
	}
	for _, enc := range encodings {
		if !accepts(acceptEncoding, enc.token) {
			continue
		}
		key := name + "\x00" + enc.token
		h.mu.Lock()
		e, ok := h.compressed[key]
		h.mu.Unlock()
		if !ok || e.size != info.Size() || !e.mod.Equal(info.ModTime()) {
			raw, err := os.ReadFile(name)
			if err != nil {
				return nil, "", ""
			}
			var buf bytes.Buffer
			if err := enc.compress(&buf, raw); err != nil {
				return nil, "", ""
			}
			sum := sha256.Sum256(buf.Bytes())
			e = compressedEntry{info.Size(), info.ModTime(), buf.String(), `"` + hex.EncodeToString(sum[:12]) + "-" + enc.token + `"`}
			if buf.Len()+minSaving > len(raw) {
				e.body = ""
			}
			h.mu.Lock()
			h.compressed[key] = e
			h.mu.Unlock()
		}
		if e.body == "" {
			return nil, "", ""
		}
		return []byte(e.body), e.etag, enc.token
	}
	return nil, "", ""
}

// accepts says whether an Accept-Encoding header allows the token (with a
// q-value above zero; "*" counts).
func accepts(header, token string) bool {
	star := false
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		q := 1.0
		if k, v, ok := strings.Cut(strings.TrimSpace(params), "="); ok && strings.TrimSpace(k) == "q" {
			if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
				q = f
			}
		}
		switch name {
		case token:
			return q > 0
		case "*":
			star = q > 0
		}
	}
	return star
}
