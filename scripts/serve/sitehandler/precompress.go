package sitehandler

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/andybalholm/brotli"
)

// compressible are the file types worth sending compressed: text and wasm.
// Images here are SVG (text); PNGs are already compressed.
var compressible = map[string]bool{
	".wasm": true, ".js": true, ".mjs": true, ".html": true, ".css": true,
	".json": true, ".svg": true, ".txt": true, ".md": true,
}

// minSaving is how much smaller (in bytes) a compressed copy must be to be
// kept: below it, the extra file and the Vary header cost more than they save.
const minSaving = 256

// Precompress writes name.br (brotli, quality 11) and name.gz (gzip, best)
// beside the file name, so a server sends them without compressing on every
// request. A copy that would not save minSaving bytes is not written (and an
// old one is removed, so it is never served stale).
func Precompress(name string) error {
	raw, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	for _, enc := range encodings {
		var buf bytes.Buffer
		if err := enc.compress(&buf, raw); err != nil {
			return fmt.Errorf("%s: %s: %w", name, enc.token, err)
		}
		out := name + enc.suffix
		if buf.Len()+minSaving > len(raw) {
			if err := os.Remove(out); err != nil && !os.IsNotExist(err) {
				return err
			}
			continue
		}
		if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// PrecompressTree precompresses every compressible file under dir whose
// compressed copies are missing or older than it.
func PrecompressTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !compressible[strings.ToLower(filepath.Ext(p))] {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if fresh(p+".br", info) && fresh(p+".gz", info) {
			return nil
		}
		return Precompress(p)
	})
}

// fresh says whether the compressed copy exists and is no older than the
// original it was made from.
func fresh(copyName string, original fs.FileInfo) bool {
	info, err := os.Stat(copyName)
	return err == nil && !info.ModTime().Before(original.ModTime())
}

type encoding struct {
	token, suffix string
	compress      func(w *bytes.Buffer, raw []byte) error
}

// encodings in the order of preference: brotli is some 20 % smaller than
// gzip on the wasm.
var encodings = []encoding{
	{"br", ".br", func(w *bytes.Buffer, raw []byte) error {
		bw := brotli.NewWriterLevel(w, brotli.BestCompression)
		if _, err := bw.Write(raw); err != nil {
			return err
		}
		return bw.Close()
	}},
	{"gzip", ".gz", func(w *bytes.Buffer, raw []byte) error {
		gw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
		if err != nil {
			return err
		}
		if _, err := gw.Write(raw); err != nil {
			return err
		}
		return gw.Close()
	}},
}
