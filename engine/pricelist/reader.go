package pricelist

import (
	"errors"

	"github.com/sakura-sim/pricesim/engine"
	"github.com/sakura-sim/pricesim/engine/document"
)

// reader is the document reader with the price document's own readers added.
type reader struct {
	document.Reader
}

// itemKey names an item in a zone.
type itemKey struct{ id, zone string }

// DocumentValue is a price document already read by document.Parse, as the
// contract's request router receives it inside a request.
type DocumentValue struct {
	Zone  string
	Value any
	Err   error
}

// ImportValues is ImportOfficialPrices on documents already read; listPath
// is the JSON path of their list ("documents"), the root of every error path.
func ImportValues(listPath string, docs []DocumentValue, asOf string, base *engine.Catalog) (*engine.Catalog, ImportReport, error) {
	in := make([]officialInput, len(docs))
	for i, d := range docs {
		in[i] = officialInput{zone: d.Zone, value: d.Value, decodeErr: d.Err}
	}
	return importOfficial(listPath, in, asOf, base)
}

// failDocument reports a price document that is not JSON.
func (r *reader) failDocument(path string, err error) {
	var se *document.SyntaxError
	if errors.As(err, &se) {
		r.Add(se.Problem(path, engine.SubjectPriceDocument))
		return
	}
	r.FailWith(path, err)
}
