package pricelist

import "github.com/sakura-sim/pricesim/engine"

// ImportReport says what an import left out of the catalog, and why, so that
// nothing is dropped without the user seeing it. Each entry carries a stable
// code and the values its English reason names, so a page can say it in
// another language.
type ImportReport struct {
	// Unmatched lists every service class that did not become an item.
	Unmatched []UnmatchedClass `json:"unmatched"`
	// Warnings are doubts about whole documents (a partial page, a date).
	Warnings []engine.FieldError `json:"warnings"`
	// PassportsNotCarried lists the base catalog's passport plans, in the
	// imported zones, that no imported item stands for.
	PassportsNotCarried []PassportNotCarried `json:"passportsNotCarried"`
	// Overlay says whether the import was laid over the base catalog.
	Overlay Overlay `json:"overlay"`
}

// UnmatchedClass is one service class an import could not use.
type UnmatchedClass struct {
	Path         string `json:"path"`
	Zone         string `json:"zone,omitempty"`
	ServiceClass string `json:"serviceClass"`
	Name         string `json:"name,omitempty"`
	Reason       string `json:"reason"`
	// Code and Args say Reason for translation, as an error's do.
	Code engine.Code       `json:"code"`
	Args map[string]string `json:"args"`
}

// PassportNotCarried is a passport plan of the base catalog whose eligibility
// the import could not give to any of its items.
type PassportNotCarried struct {
	Item   string            `json:"item"`
	Zone   string            `json:"zone"`
	Reason string            `json:"reason"`
	Code   engine.Code       `json:"code"`
	Args   map[string]string `json:"args"`
}

// Passport codes.
const (
	PassportNoCounterpart engine.Code = "passportNoCounterpart" // no imported item stands for the plan
	PassportNoMonthly     engine.Code = "passportNoMonthly"     // its counterpart has no monthly fee for R5.3's fee
)

// Overlay is what became of the base catalog.
type Overlay struct {
	// Base is the base catalog's id ("" when none was given).
	Base string `json:"base"`
	// Overlaid is true when the imported zones replaced the base's.
	Overlaid bool `json:"overlaid"`
	// Code and Reason say why not, when not and a base was given.
	Code   engine.Code       `json:"code,omitempty"`
	Reason string            `json:"reason,omitempty"`
	Args   map[string]string `json:"args,omitempty"`
}

// OverlayTaxRateDiffers: the documents' tax rate is not the base catalog's.
const OverlayTaxRateDiffers engine.Code = "taxRateDiffers"

// explain is code's message and args, from its template (engine/problems.go).
func explain(code engine.Code, args ...string) (engine.Code, string, map[string]string) {
	fe := engine.NewFieldError("", code, args...)
	m := map[string]string{}
	for _, a := range fe.Args {
		m[a.Name] = a.Value
	}
	return code, fe.Message, m
}

func newReport() ImportReport {
	return ImportReport{Unmatched: []UnmatchedClass{}, Warnings: []engine.FieldError{},
		PassportsNotCarried: []PassportNotCarried{}}
}

func (rep *ImportReport) leave(c officialClass, why *leftOut) {
	u := UnmatchedClass{Path: c.path, Zone: c.zone, ServiceClass: c.serviceClass, Name: c.displayName}
	u.Code, u.Reason, u.Args = explain(why.code, why.args...)
	rep.Unmatched = append(rep.Unmatched, u)
}
