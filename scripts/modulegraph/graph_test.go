package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// The page's preload list is the whole graph of app.js, no more, no less: a
// module missing from it is fetched a round trip late, one listed but no
// longer imported is fetched for nothing.
func TestIndexPreloadsTheWholeModuleGraph(t *testing.T) {
	site := filepath.Join("..", "..", "site")
	mods, err := Graph(site, "app.js")
	if err != nil {
		t.Fatal(err)
	}
	// A few that must be there: a static import, a second-level one, and the
	// results' components, which app.js loads by import().
	for _, want := range []string{"app/form.js", "app/rows.js", "components/index.js", "components/sakura-bills.js"} {
		if !slices.Contains(mods, want) {
			t.Errorf("the graph of app.js lacks %s: %v", want, mods)
		}
	}
	html, err := os.ReadFile(filepath.Join(site, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := Rewrite(html, mods)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != string(html) {
		t.Errorf("site/index.html's modulepreload list is not app.js's module graph: run go run ./scripts/modulegraph")
	}
}

func TestGraph_readsEveryFormOfImport(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"main.js":  "import { a } from \"./a.js\";\nimport \"./side.js\";\nexport { b } from './lib/b.js';\n// import { no } from \"./commented.js\";\nconst later = () => import(\"./lazy.js\");\nconst url = \"http://x/y.js\"; /* import \"./also-not.js\" */\n",
		"a.js":     "export const a = 1;",
		"side.js":  "",
		"lib/b.js": "import { a } from \"../a.js\"; export const b = a;",
		"lazy.js":  "import {\n  a,\n} from \"./a.js\";",
	}
	for name, src := range files {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := Graph(dir, "main.js")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a.js", "side.js", "lib/b.js", "lazy.js"}
	if !slices.Equal(got, want) {
		t.Errorf("Graph = %v, want %v", got, want)
	}
}
