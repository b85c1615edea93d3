package sitebuild

import (
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// packedWasm is a valid module as make wasm leaves it: one data segment
// ("engine" at 16) and a custom section of 1,407 bytes (LEB128 ff 0a).
var packedWasm = "\x00asm\x01\x00\x00\x00" +
	"\x0b\x0c\x01\x00\x41\x10\x0b\x06engine" +
	"\x00\xff\x0a\x06engine" + strings.Repeat("engine ", 200)

var page = map[string]string{
	"index.html":           `<!doctype html><link rel="preload" href="gen/main.wasm" as="fetch"><script type="module" src="app.js"></script>`,
	"app.js":               `export {}`,
	"lib/engine-client.js": `const wasm = new URL("../gen/main.wasm", here); const br = "gen/main.wasm.br";`,
	"sw.js":                `importScripts("gen/build.js");`,
	"gen/main.wasm":        packedWasm,
	"gen/wasm_exec.js":     `"use strict";`,
	"test/x.test.js":       `test`,
	"components/README.md": `# notes`,
	"components/demo.html": `<p>demo`,
	"img/shot.png":         `png`,
	"gen/main.wasm.br":     `old copy`,
}

func TestFiles_leaveOutTestsNotesCopiesAndTheWorker(t *testing.T) {
	got, err := Files(writeTree(t, page))
	if err != nil {
		t.Fatal(err)
	}
	want := "app.js gen/main.wasm gen/wasm_exec.js index.html lib/engine-client.js"
	if strings.Join(got, " ") != want {
		t.Errorf("Files = %v, want %s", got, want)
	}
}

func TestVersion_changesWithAnyByte(t *testing.T) {
	dir := writeTree(t, page)
	files, _ := Files(dir)
	v1, _ := Version(dir, files)
	if err := os.WriteFile(filepath.Join(dir, "app.js"), []byte(`export {} `), 0o644); err != nil {
		t.Fatal(err)
	}
	v2, _ := Version(dir, files)
	if v1 == v2 || len(v1) != 12 {
		t.Errorf("versions %q and %q: want two different 12-digit versions", v1, v2)
	}
}

func TestBuild_hashesTheWasmAndRewritesItsReferences(t *testing.T) {
	src := writeTree(t, page)
	out := filepath.Join(t.TempDir(), "dist")
	version, err := Build(src, out)
	if err != nil {
		t.Fatal(err)
	}
	matches, _ := filepath.Glob(filepath.Join(out, "gen", "main.*.wasm"))
	if len(matches) != 1 {
		t.Fatalf("hashed wasm files: %v", matches)
	}
	hashed := "gen/" + filepath.Base(matches[0])
	client, _ := os.ReadFile(filepath.Join(out, "lib", "engine-client.js"))
	if want := `new URL("../` + hashed + `", here); const br = "gen/main.wasm.br";`; !strings.Contains(string(client), want) {
		t.Errorf("engine-client.js = %s, want it to contain %s", client, want)
	}
	index, _ := os.ReadFile(filepath.Join(out, "index.html"))
	if !strings.Contains(string(index), `href="`+hashed+`"`) {
		t.Errorf("index.html does not preload %s: %s", hashed, index)
	}
	manifest, _ := os.ReadFile(filepath.Join(out, "gen", "build.js"))
	if !strings.Contains(string(manifest), `"version": "`+version+`"`) || !strings.Contains(string(manifest), `"`+hashed+`"`) || strings.Contains(string(manifest), "test/") {
		t.Errorf("gen/build.js = %s", manifest)
	}
	for _, name := range []string{"sw.js", hashed + ".br", hashed + ".gz", "_headers"} {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(name))); err != nil {
			t.Errorf("%s missing from the build: %v", name, err)
		}
	}
	for _, name := range []string{"gen/main.wasm", "test/x.test.js", "components/demo.html"} {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(name))); err == nil {
			t.Errorf("%s is in the build", name)
		}
	}
	headers, _ := os.ReadFile(filepath.Join(out, "_headers"))
	block := "/" + hashed + "\n  Cache-Control: public, max-age=31536000, immutable\n"
	if !strings.Contains(string(headers), block) || !strings.Contains(string(headers), "/index.html\n  Cache-Control: no-cache\n") ||
		!strings.Contains(string(headers), "Content-Security-Policy: default-src 'self'") {
		t.Errorf("_headers lacks the hashed wasm's immutable block, index.html's no-cache or the CSP:\n%s", headers)
	}
}

func TestBuild_refusesAPageThatNeverLoadsTheWasm(t *testing.T) {
	files := map[string]string{}
	for k, v := range page {
		files[k] = v
	}
	files["lib/engine-client.js"] = `const wasm = "engine.wasm";`
	files["index.html"] = `<!doctype html>`
	if _, err := Build(writeTree(t, files), filepath.Join(t.TempDir(), "dist")); err == nil {
		t.Error("Build passed a page with no reference to gen/main.wasm")
	}
}

// A wasm not packed by make wasm (two segments 4 bytes apart) is packed by
// Build: one segment "ab\0\0\0\0cd", hashed and compressed as shipped, not
// the stale compressed copies beside the source.
func TestBuild_packsAnUnpackedWasm(t *testing.T) {
	tree := maps.Clone(page)
	tree["gen/main.wasm"] = "\x00asm\x01\x00\x00\x00\x0b\x0f\x02\x00\x41\x10\x0b\x02ab\x00\x41\x16\x0b\x02cd"
	tree["gen/main.wasm.gz"] = "stale"
	src := writeTree(t, tree)
	out := filepath.Join(t.TempDir(), "dist")
	if _, err := Build(src, out); err != nil {
		t.Fatal(err)
	}
	matches, _ := filepath.Glob(filepath.Join(out, "gen", "main.*.wasm"))
	if len(matches) != 1 {
		t.Fatalf("hashed wasm files: %v", matches)
	}
	got, _ := os.ReadFile(matches[0])
	if want := "\x00asm\x01\x00\x00\x00\x0b\x0e\x01\x00\x41\x10\x0b\x08ab\x00\x00\x00\x00cd"; string(got) != want {
		t.Errorf("shipped wasm = % x, want % x", got, want)
	}
	if gz, _ := os.ReadFile(matches[0] + ".gz"); string(gz) == "stale" {
		t.Errorf("the stale gzip copy of the unpacked wasm was shipped")
	}
}
