package contract

import (
	"embed"
	"fmt"
	"github.com/sakura-sim/pricesim/engine"
	"sort"
	"sync"
)

// Shipped catalogs are JSON files embedded in the binary, so the engine prices
// offline and the page needs no request for them.
//
//go:embed catalogs/*.json
var shippedFiles embed.FS

type shippedSet struct {
	list []*engine.Catalog // oldest asOf first
	err  error
}

// shippedCatalogs parses the embedded files once; they never change while the
// program runs, so this is a cache, not state.
var shippedCatalogs = sync.OnceValue(func() shippedSet {
	entries, err := shippedFiles.ReadDir("catalogs")
	if err != nil {
		return shippedSet{err: err}
	}
	var set shippedSet
	for _, e := range entries {
		data, err := shippedFiles.ReadFile("catalogs/" + e.Name())
		if err != nil {
			return shippedSet{err: err}
		}
		c, err := ParseCatalog(data)
		if err != nil {
			return shippedSet{err: fmt.Errorf("shipped catalog %s: %w", e.Name(), err)}
		}
		set.list = append(set.list, c)
	}
	sort.SliceStable(set.list, func(i, j int) bool { return set.list[i].AsOf < set.list[j].AsOf })
	return set
})

// ShippedCatalogs returns the catalogs built into the engine, oldest first.
// Callers must not modify them.
func ShippedCatalogs() ([]*engine.Catalog, error) {
	set := shippedCatalogs()
	return set.list, set.err
}

// ShippedCatalog returns the built-in catalog with this id.
func ShippedCatalog(id string) (*engine.Catalog, bool) {
	list, _ := ShippedCatalogs()
	for _, c := range list {
		if c.ID == id {
			return c, true
		}
	}
	return nil, false
}

// DefaultCatalog is the newest shipped catalog, used when a scenario names none.
func DefaultCatalog() (*engine.Catalog, bool) {
	list, _ := ShippedCatalogs()
	if len(list) == 0 {
		return nil, false
	}
	return list[len(list)-1], true
}

func shippedIDs() []string {
	list, _ := ShippedCatalogs()
	ids := make([]string, len(list))
	for i, c := range list {
		ids[i] = c.ID
	}
	return ids
}
