package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// The page's preload list is the whole graph of its module scripts, no more,
// no less: a module missing from it is fetched a round trip late, one listed
// but no longer imported is fetched for nothing. The loading screen's card
// (first-card.js, a script of its own ahead of app.js) has its whole graph
// first, so the few modules it needs are not queued behind sixty others.
func TestIndexPreloadsTheWholeModuleGraph(t *testing.T) {
	site := filepath.Join("..", "..", "site")
	html, err := os.ReadFile(filepath.Join(site, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	entries := Entries(html)
	if !slices.Equal(entries, []string{"app/first-card.js", "app.js"}) {
		t.Fatalf("the page's module scripts are %v, want the first card's, then app.js", entries)
	}
	mods, err := Graph(site, entries...)
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
	card, err := Graph(site, "app/first-card.js")
	if err != nil {
		t.Fatal(err)
	}
	if len(card) == 0 || !slices.Equal(mods[:len(card)], card) {
		t.Errorf("the preload list does not start with the first card's modules %v: %v", card, mods)
	}
	want, err := Rewrite(html, mods)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != string(html) {
		t.Errorf("site/index.html's modulepreload list is not its module scripts' graph: run go run ./scripts/modulegraph")
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
	// A second entry adds only what the first's graph lacks, after it.
	if err := os.WriteFile(filepath.Join(dir, "second.js"), []byte("import \"./lazy.js\";\nimport \"./more.js\";\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "more.js"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	got, err = Graph(dir, "lib/b.js", "second.js")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a.js", "lazy.js", "more.js"}; !slices.Equal(got, want) {
		t.Errorf("Graph of two entries = %v, want %v", got, want)
	}
	if got := Entries([]byte(`<script type="module" async src="x/first.js"></script><script src="classic.js"></script><script type="module" src="app.js"></script>`)); !slices.Equal(got, []string{"x/first.js", "app.js"}) {
		t.Errorf("Entries = %v", got)
	}
}
