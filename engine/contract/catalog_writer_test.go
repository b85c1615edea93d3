package contract

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"testing"

	"github.com/sakura-sim/pricesim/engine"
	"github.com/sakura-sim/pricesim/engine/document"
	"github.com/sakura-sim/pricesim/engine/pricelist"
	"github.com/shopspring/decimal"
)

// The reflection-based writer the hand-written catalog writer replaced, kept
// here as the reference it must match byte for byte: any catalog, shipped,
// imported or made up below, is written by both and compared.

// catalogJSON is a catalog as contract.md writes it.
type catalogJSON struct {
	ID      string     `json:"id"`
	AsOf    string     `json:"asOf"`
	TaxRate string     `json:"taxRate"`
	Source  string     `json:"source"`
	Zones   []zoneJSON `json:"zones,omitempty"`
	Items   []itemJSON `json:"items"`
}

// zoneJSON is where one zone's prices came from (an import overlaid on a
// shipped catalog says so zone by zone).
type zoneJSON struct {
	Zone     string `json:"zone"`
	AsOf     string `json:"asOf"`
	Source   string `json:"source"`
	Official bool   `json:"official"`
}

// nameJSON is an item's name as the contract writes it.
type nameJSON struct {
	En string `json:"en,omitempty"`
	Ja string `json:"ja,omitempty"`
}

type itemJSON struct {
	ID            string            `json:"id"`
	Kind          string            `json:"kind"`
	Zone          string            `json:"zone"`
	Name          nameJSON          `json:"name"`
	Hourly        *string           `json:"hourly,omitempty"`
	Daily         *string           `json:"daily,omitempty"`
	Monthly       *string           `json:"monthly,omitempty"`
	Passport      bool              `json:"passport,omitempty"`
	PassportFees  map[string]string `json:"passportFees,omitempty"`
	Estimated     []string          `json:"estimated,omitempty"`
	Cores         int               `json:"cores,omitempty"`
	MemoryGB      int               `json:"memoryGB,omitempty"`
	DiskType      string            `json:"diskType,omitempty"`
	SizeGB        int               `json:"sizeGB,omitempty"`
	BandwidthMbps int               `json:"bandwidthMbps,omitempty"`
	ServiceClass  string            `json:"serviceClass,omitempty"`
	AssumedFrom   string            `json:"assumedFrom,omitempty"`
}

func priceString(p engine.Price) *string {
	if !p.Set {
		return nil
	}
	s := p.Value.String()
	return &s
}

// catalogDocument wraps a catalog to write it in the contract's shape.
type catalogDocument struct{ *engine.Catalog }

// MarshalJSON writes the catalog in the contract's shape.
func (cd catalogDocument) MarshalJSON() ([]byte, error) {
	c := cd.Catalog
	out := catalogJSON{ID: c.ID, AsOf: c.AsOf, TaxRate: c.TaxRate.String(), Source: c.Source,
		Items: make([]itemJSON, len(c.Items))}
	for _, z := range c.ZoneSources {
		out.Zones = append(out.Zones, zoneJSON{Zone: z.Zone, AsOf: z.AsOf, Source: z.Source, Official: z.Official})
	}
	for i, it := range c.Items {
		j := itemJSON{ID: it.ID, Kind: it.Kind.String(), Zone: it.Zone, Name: nameJSON(it.Name),
			Hourly: priceString(it.Prices.Hourly), Daily: priceString(it.Prices.Daily),
			Monthly: priceString(it.Prices.Monthly), Passport: it.Passport, Estimated: it.Estimated,
			Cores: it.Cores, MemoryGB: it.MemoryGB, DiskType: it.DiskType, SizeGB: it.SizeGB,
			BandwidthMbps: it.BandwidthMbps, ServiceClass: it.ServiceClass, AssumedFrom: it.AssumedFrom}
		if len(it.PassportFees) > 0 {
			j.PassportFees = map[string]string{}
			for term, fee := range it.PassportFees {
				j.PassportFees[strconv.Itoa(term)] = fee.String()
			}
		}
		out.Items[i] = j
	}
	return json.Marshal(out)
}

// referenceAnswers is json.Marshal of the answers as the response structs
// were before the writers were written by hand.
type referenceCatalogs struct {
	Catalogs []catalogDocument `json:"catalogs"`
	Default  string            `json:"default"`
}

type referenceImport struct {
	Catalog             catalogDocument                `json:"catalog"`
	Unmatched           []pricelist.UnmatchedClass     `json:"unmatched"`
	UnmatchedTotal      *int                           `json:"unmatchedTotal,omitempty"`
	Warnings            []document.Problem             `json:"warnings"`
	PassportsNotCarried []pricelist.PassportNotCarried `json:"passportsNotCarried"`
	Overlay             pricelist.Overlay              `json:"overlay"`
}

func TestCatalogJSON_AsEncodingJSONWroteIt(t *testing.T) {
	list, err := ShippedCatalogs()
	if err != nil {
		t.Fatal(err)
	}
	odd := engine.NewCatalog("odd <&> \u2028", "2026-01-01", "made up: \"quotes\", \\, \u2029, \x01", decimal.RequireFromString("0.1"), []engine.Item{
		{ID: "server/x", Kind: engine.KindServer, Zone: "is1a", Name: engine.Name{Ja: "日本語だけ"},
			Prices: engine.Prices{Monthly: engine.PriceOf(decimal.RequireFromString("1234.5"))}, Passport: true,
			PassportFees: map[int]engine.Yen{36: engine.MustParseYen("100"), 12: engine.MustParseYen("40"), 24: engine.MustParseYen("70"), 120: engine.MustParseYen("9")},
			Estimated:    []string{"hourly", "daily"}, Cores: -1, MemoryGB: 2, ServiceClass: "cloud/plan/<x>", AssumedFrom: "a & b"},
		{ID: "disk/y", Kind: engine.KindDisk, Zone: "is1a", Name: engine.Name{En: "only English"},
			Prices:   engine.Prices{Hourly: engine.PriceOf(decimal.Zero), Daily: engine.PriceOf(decimal.RequireFromString("0.01"))},
			DiskType: "ssd", SizeGB: 100, BandwidthMbps: 5},
		{ID: "other/z", Kind: engine.KindOther, Zone: "tk1a", Prices: engine.Prices{Daily: engine.PriceOf(decimal.NewFromInt(3))}},
	})
	odd.ZoneSources = []engine.ZoneSource{{Zone: "is1a", AsOf: "2026-01-01", Source: "<official>", Official: true}, {Zone: "tk1a"}}
	empty := engine.NewCatalog("", "", "", decimal.Zero, nil)
	for _, c := range append(list, odd, empty) {
		got, _ := CatalogJSON(c)
		want, err := json.Marshal(catalogDocument{c})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("CatalogJSON(%s) =\n%s\nencoding/json wrote\n%s", c.ID, got, want)
		}
	}
	got, _ := HandleJSON([]byte(`{"request":"catalogs"}`))
	def, _ := DefaultCatalog()
	ref := referenceCatalogs{Default: def.ID}
	for _, c := range list {
		ref.Catalogs = append(ref.Catalogs, catalogDocument{c})
	}
	if want, _ := json.Marshal(ref); !bytes.Equal(got, want) {
		t.Errorf("the catalogs answer differs from what encoding/json wrote")
	}
}

// TestImportAnswer_AsEncodingJSONWroteIt writes reports with every optional
// field empty and set, nil and empty lists, by hand and by reflection.
func TestImportAnswer_AsEncodingJSONWroteIt(t *testing.T) {
	c, _ := ShippedCatalog("seed-2018")
	for i, rep := range []pricelist.ImportReport{
		{},
		{Unmatched: []pricelist.UnmatchedClass{}, Warnings: []engine.FieldError{}, PassportsNotCarried: []pricelist.PassportNotCarried{},
			Overlay: pricelist.Overlay{Base: "b", Overlaid: true, Args: map[string]string{}}},
		{Unmatched: []pricelist.UnmatchedClass{{Path: "p<", ServiceClass: "s&", Reason: "r\u2028", Code: "c"},
			{Path: "p", Zone: "z", ServiceClass: "s", Name: "名前>", Reason: "r", Code: "c", Args: map[string]string{"b": "2", "a": "<1>", "": ""}}},
			Warnings:            []engine.FieldError{engine.NewFieldError("documents[0]", "partialDocument", "count", "4", "total", "9")},
			PassportsNotCarried: []pricelist.PassportNotCarried{{Item: "i", Zone: "z", Reason: "r", Code: "c"}, {Args: map[string]string{"reason": "&"}}},
			Overlay:             pricelist.Overlay{Base: "list-2026", Code: "taxRateDiffers", Reason: "why", Args: map[string]string{"z": "1", "y": "2"}}},
	} {
		got, _ := importAnswer{catalog: c, report: rep}.MarshalJSON()
		ref := referenceImport{Catalog: catalogDocument{c}, Unmatched: rep.Unmatched, Warnings: make([]document.Problem, len(rep.Warnings)),
			PassportsNotCarried: rep.PassportsNotCarried, Overlay: rep.Overlay}
		for j, w := range rep.Warnings {
			ref.Warnings[j] = document.Problem(w)
		}
		want, err := json.Marshal(ref)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("report %d:\n%s\nencoding/json wrote\n%s", i, got, want)
		}
	}
	for i, m := range []pricelist.ItemMatching{
		{},
		{Matches: []pricelist.ItemMatch{}, Unmatched: []pricelist.UnmatchedItem{}},
		{Matches: []pricelist.ItemMatch{{Item: "a<", Zone: "z", To: "b&", By: "id"}, {}}, Unmatched: []pricelist.UnmatchedItem{{Item: "x", Zone: ">", Reason: "\u2029"}}},
	} {
		got, _ := matchAnswer{m}.MarshalJSON()
		want, _ := json.Marshal(m)
		if !bytes.Equal(got, want) {
			t.Errorf("matching %d:\n%s\nencoding/json wrote\n%s", i, got, want)
		}
	}
}

// seed-2018 as encoding/json wrote it when the writer was replaced (the
// shipped catalogs of any later day are compared with the reference writer
// above).
func TestCatalogJSON_RecordedCatalogs(t *testing.T) {
	for id, sum := range map[string]string{
		"seed-2018-as-recorded": "5fc0c05604cf0803f9be6ed5360a3d58b13678b93f71766b5cb388668002570d",
	} {
		c, err := ParseCatalog([]byte(expandRecorded(t, `"@`+id[:9]+`"`)))
		if err != nil {
			t.Fatal(err)
		}
		out, _ := CatalogJSON(c)
		got := sha256.Sum256(out)
		if hex.EncodeToString(got[:]) != sum {
			t.Errorf("CatalogJSON(%s) differs from the recorded bytes", id)
		}
	}
}

// checkAsReflection, for FuzzHandleJSON: an import's or a matching's answer
// is what json.Marshal of the response structs wrote before.
func checkAsReflection(t *testing.T, data, out []byte) {
	v, _, err := document.Parse(data)
	if err != nil {
		return
	}
	env, err := route(v)
	if err != nil {
		return
	}
	var want []byte
	switch env.request {
	case requestImportPrices:
		a, err := importPricesRequest(env.body)
		if err != nil {
			return
		}
		ia := a.(importAnswer)
		ref := referenceImport{Catalog: catalogDocument{ia.catalog}, Unmatched: ia.report.Unmatched,
			Warnings:            make([]document.Problem, len(ia.report.Warnings)),
			PassportsNotCarried: ia.report.PassportsNotCarried, Overlay: ia.report.Overlay}
		for i, w := range ia.report.Warnings {
			ref.Warnings[i] = document.Problem(w)
		}
		if ia.limited {
			ref.UnmatchedTotal = &ia.unmatchedTotal
		}
		want, err = json.Marshal(ref)
	case requestMatchItems:
		a, err := matchItemsRequest(env.body)
		if err != nil {
			return
		}
		want, err = json.Marshal(a.(matchAnswer).m)
	default:
		return
	}
	if err != nil {
		t.Fatalf("json.Marshal: %v", err)
	}
	if !bytes.Equal(out, want) {
		t.Fatalf("HandleJSON(%q) =\n%s\nencoding/json wrote\n%s", data, out, want)
	}
}
