package engine

import (
	"errors"
	"strings"
)

// FieldError is one problem with one field of a document, named by its JSON
// path ("resources[0].usage.hours") so the page can show it beside that field,
// by its Code and Args so the page can say it in the user's language, and by
// Message in English.
type FieldError struct {
	Path    string
	Code    Code
	Args    []Arg
	Message string
}

func (e *FieldError) Error() string {
	if e.Path == "" {
		return e.Message
	}
	return e.Path + ": " + e.Message
}

// Arg returns the value of the argument called name, or "".
func (e *FieldError) Arg(name string) string {
	for _, a := range e.Args {
		if a.Name == name {
			return a.Value
		}
	}
	return ""
}

// ErrInvalidInput is wrapped by every error about bad input (a scenario, a
// catalog, a request, a price document), so callers can tell input problems
// from bugs.
var ErrInvalidInput = errors.New("invalid input")

// ErrInvalidScenario is wrapped, besides ErrInvalidInput, by errors about a
// scenario: those of the contract's DecodeScenario and of Estimate.
var ErrInvalidScenario = errors.New("invalid scenario")

// Subjects of a ValidationError: what kind of document was invalid.
const (
	SubjectScenario      = "scenario"
	SubjectCatalog       = "catalog"
	SubjectRequest       = "request"
	SubjectPriceDocument = "price document"
	SubjectDocument      = "document"
)

// ValidationError holds every problem found in one document at once.
type ValidationError struct {
	// Subject names the document: SubjectScenario, SubjectCatalog, ...
	Subject  string
	Problems []FieldError
}

func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Problems))
	for i := range e.Problems {
		parts[i] = e.Problems[i].Error()
	}
	subject := e.Subject
	if subject == "" {
		subject = SubjectDocument
	}
	return "invalid " + subject + ": " + strings.Join(parts, "; ")
}

// Unwrap makes errors.Is(err, ErrInvalidInput) true, and
// errors.Is(err, ErrInvalidScenario) for a scenario.
func (e *ValidationError) Unwrap() []error {
	if e.Subject == SubjectScenario {
		return []error{ErrInvalidInput, ErrInvalidScenario}
	}
	return []error{ErrInvalidInput}
}

// InputError is a value that does not parse, with the code of its problem.
// The parsers of this package return the sentinels below.
type InputError struct {
	Code Code
}

func (e *InputError) Error() string { return problemTemplates[e.Code] }

// The errors ParseMonth, ParseDate, ParseInstant, ParseDecimal and ParseYen return.
var (
	ErrBadMonth         = &InputError{"badMonth"}
	ErrBadDate          = &InputError{"badDate"}
	ErrBadTime          = &InputError{"badTime"}
	ErrFractionalSecond = &InputError{"fractionalSecond"}
	ErrBadDecimal       = &InputError{"badDecimal"}
	ErrTooManyDigits    = &InputError{"tooManyDigits"}
	ErrNotWholeYen      = &InputError{"notWholeYen"}
)
