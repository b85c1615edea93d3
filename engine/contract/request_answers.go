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

// reasonCode ends an import's reason object with its stable code and args,
// which the page translates (issue 13).
func (w *coldWriter) reasonCode(code string, args map[string]string) {
	w.raw(`,"code":`)
	w.str(code)
	w.raw(`,"args":`)
	w.stringMap(args)
	w.close('}')
}

// importAnswer is {"catalog","unmatched","warnings","passportsNotCarried","overlay"},
// with "unmatchedTotal" after "unmatched" when the request limited that list.
type importAnswer struct {
	catalog        *engine.Catalog
	report         pricelist.ImportReport
	limited        bool
	unmatchedTotal int
}

func (a importAnswer) MarshalJSON() ([]byte, error) {
	w := coldWriter{writer{b: make([]byte, 0, 256+200*len(a.catalog.Items)+200*len(a.report.Unmatched))}}
	w.raw(`{"catalog":`)
	w.catalog(a.catalog)
	w.raw(`,"unmatched":`)
	coldList(&w, a.report.Unmatched, func(u pricelist.UnmatchedClass) {
		w.raw(`{"path":`)
		w.str(u.Path)
		w.strField("zone", u.Zone)
		w.raw(`,"serviceClass":`)
		w.str(u.ServiceClass)
		w.strField("name", u.Name)
		w.raw(`,"reason":`)
		w.str(u.Reason)
		w.reasonCode(string(u.Code), u.Args)
	})
	if a.limited {
		w.raw(`,"unmatchedTotal":`)
		w.int(int64(a.unmatchedTotal))
	}
	// Warnings were always a list, never null.
	w.raw(`,"warnings":[`)
	for i, p := range a.report.Warnings {
		w.comma(i)
		w.b = document.AppendProblem(w.b, p)
	}
	w.raw(`],"passportsNotCarried":`)
	coldList(&w, a.report.PassportsNotCarried, func(p pricelist.PassportNotCarried) {
		w.raw(`{"item":`)
		w.str(p.Item)
		w.raw(`,"zone":`)
		w.str(p.Zone)
		w.raw(`,"reason":`)
		w.str(p.Reason)
		w.reasonCode(string(p.Code), p.Args)
	})
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
	coldList(&w, a.m.Matches, func(m pricelist.ItemMatch) { w.strObject("item", m.Item, "zone", m.Zone, "to", m.To, "by", m.By) })
	w.raw(`,"unmatched":`)
	coldList(&w, a.m.Unmatched, func(u pricelist.UnmatchedItem) { w.strObject("item", u.Item, "zone", u.Zone, "reason", u.Reason) })
	w.close('}')
	return w.b, nil
}
