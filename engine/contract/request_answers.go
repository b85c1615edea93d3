package contract

import (
	"github.com/sakura-sim/pricesim/engine"
	"github.com/sakura-sim/pricesim/engine/document"
	"github.com/sakura-sim/pricesim/engine/pricelist"
)

// The answers of the catalogs, importPrices and matchItems requests, written
// by hand so that the wasm links no encoding/json (its reflection costs about
// 100 KB brotli of download). The bytes are those json.Marshal wrote from the
// struct tags before (testdata/wire/requests.txt).

// answer is a request's answer, written whole.
type answer interface {
	MarshalJSON() ([]byte, error)
}

// catalogsAnswer is {"catalogs":[catalog, …],"default":id}.
type catalogsAnswer struct {
	catalogs []*engine.Catalog
	def      string
}

func (a catalogsAnswer) MarshalJSON() ([]byte, error) {
	w := coldWriter{writer{b: make([]byte, 0, 128<<10)}}
	w.raw(`{"catalogs":[`)
	for i, c := range a.catalogs {
		w.comma(i)
		w.catalog(c)
	}
	w.raw(`],"default":`)
	w.str(a.def)
	w.close('}')
	return w.b, nil
}

// importAnswer is {"catalog","unmatched","warnings","passportsNotCarried","overlay"}.
type importAnswer struct {
	catalog *engine.Catalog
	report  pricelist.ImportReport
}

func (a importAnswer) MarshalJSON() ([]byte, error) {
	w := coldWriter{writer{b: make([]byte, 0, 256+200*len(a.catalog.Items)+200*len(a.report.Unmatched))}}
	w.raw(`{"catalog":`)
	w.catalog(a.catalog)
	w.raw(`,"unmatched":`)
	if a.report.Unmatched == nil {
		w.raw("null")
	} else {
		w.open('[')
		for i, u := range a.report.Unmatched {
			w.comma(i)
			w.raw(`{"path":`)
			w.str(u.Path)
			w.strField("zone", u.Zone)
			w.raw(`,"serviceClass":`)
			w.str(u.ServiceClass)
			w.strField("name", u.Name)
			w.raw(`,"reason":`)
			w.str(u.Reason)
			w.raw(`,"code":`)
			w.str(string(u.Code))
			w.raw(`,"args":`)
			w.stringMap(u.Args)
			w.close('}')
		}
		w.close(']')
	}
	// Warnings were always a list, never null.
	w.raw(`,"warnings":[`)
	for i, p := range a.report.Warnings {
		w.comma(i)
		w.b = document.AppendProblem(w.b, p)
	}
	w.raw(`],"passportsNotCarried":`)
	if a.report.PassportsNotCarried == nil {
		w.raw("null")
	} else {
		w.open('[')
		for i, p := range a.report.PassportsNotCarried {
			w.comma(i)
			w.raw(`{"item":`)
			w.str(p.Item)
			w.raw(`,"zone":`)
			w.str(p.Zone)
			w.raw(`,"reason":`)
			w.str(p.Reason)
			w.raw(`,"code":`)
			w.str(string(p.Code))
			w.raw(`,"args":`)
			w.stringMap(p.Args)
			w.close('}')
		}
		w.close(']')
	}
	o := a.report.Overlay
	w.raw(`,"overlay":{"base":`)
	w.str(o.Base)
	w.raw(`,"overlaid":`)
	w.bool(o.Overlaid)
	w.strField("code", string(o.Code))
	w.strField("reason", o.Reason)
	if len(o.Args) > 0 {
		w.raw(`,"args":`)
		w.stringMap(o.Args)
	}
	w.raw(`}}`)
	return w.b, nil
}

// matchAnswer is {"matches":[{"item","zone","to","by"}],"unmatched":[{"item","zone","reason"}]}.
type matchAnswer struct{ m pricelist.ItemMatching }

func (a matchAnswer) MarshalJSON() ([]byte, error) {
	w := coldWriter{writer{b: make([]byte, 0, 64+80*(len(a.m.Matches)+len(a.m.Unmatched)))}}
	w.raw(`{"matches":`)
	if a.m.Matches == nil {
		w.raw("null")
	} else {
		w.open('[')
		for i, m := range a.m.Matches {
			w.comma(i)
			w.raw(`{"item":`)
			w.str(m.Item)
			w.raw(`,"zone":`)
			w.str(m.Zone)
			w.raw(`,"to":`)
			w.str(m.To)
			w.raw(`,"by":`)
			w.str(m.By)
			w.close('}')
		}
		w.close(']')
	}
	w.raw(`,"unmatched":`)
	if a.m.Unmatched == nil {
		w.raw("null")
	} else {
		w.open('[')
		for i, u := range a.m.Unmatched {
			w.comma(i)
			w.raw(`{"item":`)
			w.str(u.Item)
			w.raw(`,"zone":`)
			w.str(u.Zone)
			w.raw(`,"reason":`)
			w.str(u.Reason)
			w.close('}')
		}
		w.close(']')
	}
	w.close('}')
	return w.b, nil
}
