// Command catalogs lists the price catalogs shipped in the engine: each one's
// id, date, tax rate, source, items, and which of their prices are estimated
// (derived) rather than published, so a user knows how far to trust a figure.
//
//	go run ./scripts/catalogs [-json]
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"

	"github.com/sakura-sim/pricesim/engine"
	"github.com/sakura-sim/pricesim/engine/contract"
)

// summary is one catalog as -json prints it.
type summary struct {
	ID        string   `json:"id"`
	AsOf      string   `json:"asOf"`
	TaxRate   string   `json:"taxRate"`
	Source    string   `json:"source"`
	Default   bool     `json:"default"`
	Items     int      `json:"items"`
	Zones     []string `json:"zones"`
	Estimated []group  `json:"estimated"`
}

// group is the items sharing one set of estimated prices; Prices is empty for
// items whose prices are all published.
type group struct {
	Prices []string `json:"prices"`
	Items  int      `json:"items"`
	IDs    []string `json:"ids"`
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("catalogs", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the summaries as JSON")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	list, err := contract.ShippedCatalogs()
	if err != nil {
		fmt.Fprintln(stderr, "catalogs:", err)
		return 2
	}
	def, _ := contract.DefaultCatalog()
	sums := make([]summary, len(list))
	for i, c := range list {
		sums[i] = summarize(c, def)
	}
	if *asJSON {
		out, err := json.MarshalIndent(sums, "", "  ")
		if err != nil {
			fmt.Fprintln(stderr, "catalogs:", err)
			return 2
		}
		fmt.Fprintf(stdout, "%s\n", out)
		return 0
	}
	for i, s := range sums {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		writeText(stdout, s)
	}
	return 0
}

func summarize(c *engine.Catalog, def *engine.Catalog) summary {
	s := summary{ID: c.ID, AsOf: c.AsOf, TaxRate: c.TaxRate.String(), Source: c.Source,
		Default: def != nil && def.ID == c.ID, Items: len(c.Items), Zones: []string{}, Estimated: []group{}}
	byKey := map[string]*group{}
	var keys []string
	for _, it := range c.Items {
		if !slices.Contains(s.Zones, it.Zone) {
			s.Zones = append(s.Zones, it.Zone)
		}
		key := strings.Join(it.Estimated, ",")
		g, ok := byKey[key]
		if !ok {
			g = &group{Prices: append([]string{}, it.Estimated...), IDs: []string{}}
			byKey[key] = g
			keys = append(keys, key)
		}
		g.Items++
		if !slices.Contains(g.IDs, it.ID) {
			g.IDs = append(g.IDs, it.ID)
		}
	}
	// Most estimated first: those are the figures to check.
	sort.SliceStable(keys, func(i, j int) bool { return len(byKey[keys[i]].Prices) > len(byKey[keys[j]].Prices) })
	for _, k := range keys {
		s.Estimated = append(s.Estimated, *byKey[k])
	}
	return s
}

// listedIDs is how many ids a line names before it only counts them.
const listedIDs = 8

func writeText(w io.Writer, s summary) {
	def := ""
	if s.Default {
		def = " (default)"
	}
	fmt.Fprintf(w, "%s%s\n", s.ID, def)
	fmt.Fprintf(w, "  as of:   %s\n", s.AsOf)
	fmt.Fprintf(w, "  tax:     %s, included in every price\n", percent(s.TaxRate))
	fmt.Fprintf(w, "  source:  %s\n", s.Source)
	fmt.Fprintf(w, "  items:   %s in %s\n", plural(s.Items, "item"), strings.Join(s.Zones, ", "))
	for _, g := range s.Estimated {
		what := "published (none estimated)"
		if len(g.Prices) > 0 {
			what = strings.Join(g.Prices, " and ") + " estimated"
		}
		ids := strings.Join(g.IDs, ", ")
		if len(g.IDs) > listedIDs {
			ids = strings.Join(g.IDs[:listedIDs], ", ") + fmt.Sprintf(", and %d more", len(g.IDs)-listedIDs)
		}
		fmt.Fprintf(w, "  %s: %s: %s\n", what, plural(g.Items, "item"), ids)
	}
}

// percent writes "0.10" as "10 %" without arithmetic on a float.
func percent(rate string) string {
	whole, frac, _ := strings.Cut(rate, ".")
	frac = (frac + "00")
	p := strings.TrimLeft(whole+frac[:2], "0")
	if p == "" {
		p = "0"
	}
	if rest := strings.TrimRight(frac[2:], "0"); rest != "" {
		p += "." + rest
	}
	return p + " %"
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
