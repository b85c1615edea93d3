package sitebuild

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"time"

	"github.com/sakura-sim/pricesim/engine/contract"
	"github.com/sakura-sim/pricesim/scripts/serve/sitehandler"
)

// FirstFiguresName is the generated file holding what the page shows before
// its engine is ready: the shipped catalogs (the engine's "catalogs" answer)
// and the estimateSummary answers of the default estimate a first visit
// opens, for the months around the build.
const FirstFiguresName = "gen/first.json"

// FirstFigures is the file's content. Every answer is the native engine's
// own output (contract.HandleJSON, the code the wasm runs), so the page's
// figures before and after the engine starts are the same bytes.
type FirstFigures struct {
	Catalogs  json.RawMessage `json:"catalogs"`
	Estimates []FirstEstimate `json:"estimates"`
}

// FirstEstimate is one default scenario and the engine's estimateSummary answer.
type FirstEstimate struct {
	Scenario json.RawMessage `json:"scenario"`
	Answer   json.RawMessage `json:"answer"`
}

// defaultScenario is the scenario the page builds on a first visit (app.js
// firstVisit, scenario.js buildScenario), field for field and in its order.
type defaultScenario struct {
	Catalog   string            `json:"catalog"`
	Start     string            `json:"start"`
	Months    int               `json:"months"`
	Resources []defaultResource `json:"resources"`
}

type defaultResource struct {
	ID    string `json:"id"`
	Item  string `json:"item"`
	Zone  string `json:"zone"`
	Count int    `json:"count"`
	Usage struct {
		Pattern string `json:"pattern"`
	} `json:"usage"`
}

// catalogItem holds what the page's smallServer reads of an item.
type catalogItem struct {
	ID          string   `json:"id"`
	Kind        string   `json:"kind"`
	Zone        string   `json:"zone"`
	Hourly      *string  `json:"hourly"`
	Daily       *string  `json:"daily"`
	Monthly     *string  `json:"monthly"`
	Cores       *float64 `json:"cores"`
	MemoryGB    *float64 `json:"memoryGB"`
	AssumedFrom string   `json:"assumedFrom"`
}

// zoneOrder is catalogs.js ZONE_ORDER.
var zoneOrder = []string{"tk1a", "tk1b", "is1a", "is1b", "is1c", "tk1v"}

// smallServer is the page's smallServer (site/app/catalogs.js): the first
// server by cores, memory, own prices before copied ones, zone order and
// price; the e2e test TestFirstFigures_shippedBeforeTheEngine fails if the
// two ever disagree.
func smallServer(items []catalogItem) (catalogItem, bool) {
	var servers []catalogItem
	for _, it := range items {
		if it.Kind == "server" {
			servers = append(servers, it)
		}
	}
	or99 := func(p *float64) float64 {
		if p == nil {
			return 99
		}
		return *p
	}
	copied := func(it catalogItem) int {
		if it.AssumedFrom != "" {
			return 1
		}
		return 0
	}
	zonePref := func(it catalogItem) int {
		for i, z := range zoneOrder {
			if z == it.Zone {
				return i
			}
		}
		return 99
	}
	price := func(it catalogItem) float64 {
		for _, p := range []*string{it.Monthly, it.Daily, it.Hourly} {
			if p != nil {
				if f, err := strconv.ParseFloat(*p, 64); err == nil {
					return f
				}
			}
		}
		return 1e300
	}
	sort.SliceStable(servers, func(i, j int) bool {
		a, b := servers[i], servers[j]
		switch {
		case or99(a.Cores) != or99(b.Cores):
			return or99(a.Cores) < or99(b.Cores)
		case or99(a.MemoryGB) != or99(b.MemoryGB):
			return or99(a.MemoryGB) < or99(b.MemoryGB)
		case copied(a) != copied(b):
			return copied(a) < copied(b)
		case zonePref(a) != zonePref(b):
			return zonePref(a) < zonePref(b)
		}
		return price(a) < price(b)
	})
	if len(servers) > 0 {
		return servers[0], true
	}
	if len(items) > 0 {
		return items[0], true
	}
	return catalogItem{}, false
}

// answer runs one request through the engine; a refusal is an error.
func answer(doc []byte) (json.RawMessage, error) {
	out, ok := contract.HandleJSON(doc)
	if !ok {
		return nil, fmt.Errorf("the engine refused %.200s: %.500s", doc, out)
	}
	return out, nil
}

// MakeFirstFigures builds the file for a build made at now: the default
// estimate starting in the month before, the month of and the month after
// now (UTC), which covers every time zone's "this month" on the build day
// and a month either side. A page opened later still shows its figures,
// from the engine, once it is ready.
func MakeFirstFigures(now time.Time) (FirstFigures, error) {
	catalogs, err := answer([]byte(`{"request":"catalogs"}`))
	if err != nil {
		return FirstFigures{}, err
	}
	var list struct {
		Default  string `json:"default"`
		Catalogs []struct {
			ID    string        `json:"id"`
			Items []catalogItem `json:"items"`
		} `json:"catalogs"`
	}
	if err := json.Unmarshal(catalogs, &list); err != nil {
		return FirstFigures{}, fmt.Errorf("reading the catalogs answer: %w", err)
	}
	var items []catalogItem
	found := false
	for _, c := range list.Catalogs {
		if c.ID == list.Default {
			items, found = c.Items, true
		}
	}
	if !found {
		return FirstFigures{}, fmt.Errorf("the catalogs answer has no default catalog %q", list.Default)
	}
	server, ok := smallServer(items)
	if !ok {
		return FirstFigures{}, errors.New("the default catalog has no item")
	}
	first := FirstFigures{Catalogs: catalogs}
	month := time.Date(now.UTC().Year(), now.UTC().Month(), 1, 0, 0, 0, 0, time.UTC)
	for _, m := range []time.Time{month.AddDate(0, -1, 0), month, month.AddDate(0, 1, 0)} {
		s := defaultScenario{Catalog: list.Default, Start: m.Format("2006-01"), Months: 12,
			Resources: []defaultResource{{ID: "r1", Item: server.ID, Zone: server.Zone, Count: 1}}}
		s.Resources[0].Usage.Pattern = "always"
		scenario, err := json.Marshal(s)
		if err != nil {
			return FirstFigures{}, err
		}
		a, err := answer([]byte(`{"request":"estimateSummary","scenario":` + string(scenario) + `}`))
		if err != nil {
			return FirstFigures{}, err
		}
		first.Estimates = append(first.Estimates, FirstEstimate{Scenario: scenario, Answer: a})
	}
	return first, nil
}

// WriteFirstFigures writes dir/gen/first.json (and its .br and .gz) for a
// build made at now; unchanged text is not rewritten.
func WriteFirstFigures(dir string, now time.Time) error {
	first, err := MakeFirstFigures(now)
	if err != nil {
		return err
	}
	text, err := json.Marshal(first)
	if err != nil {
		return err
	}
	name := filepath.Join(dir, filepath.FromSlash(FirstFiguresName))
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	if old, err := os.ReadFile(name); err == nil && bytes.Equal(old, text) {
		if _, err := os.Stat(name + ".br"); err == nil {
			return nil
		}
	} else if err := os.WriteFile(name, text, 0o644); err != nil {
		return err
	}
	return sitehandler.Precompress(name)
}
