package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// go run ./scripts/modulegraph [site]: rewrites site/index.html's
// modulepreload list from the graphs of its module scripts (the loading
// screen's first-card.js, then app.js).
func main() {
	site := "site"
	if len(os.Args) > 1 {
		site = os.Args[1]
	}
	if err := run(site); err != nil {
		fmt.Fprintln(os.Stderr, "modulegraph:", err)
		os.Exit(1)
	}
}

func run(site string) error {
	index := filepath.Join(site, "index.html")
	html, err := os.ReadFile(index)
	if err != nil {
		return err
	}
	mods, err := Graph(site, Entries(html)...)
	if err != nil {
		return err
	}
	out, err := Rewrite(html, mods)
	if err != nil {
		return err
	}
	return os.WriteFile(index, out, 0o644)
}
