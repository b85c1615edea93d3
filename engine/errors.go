package engine

import (
	"encoding/json"
	"errors"
	"strings"
)

// FieldError is one problem with one field of a scenario, named by its JSON
// path ("resources[0].usage.hours") so the page can show it beside that field.
type FieldError struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

func (e *FieldError) Error() string {
	if e.Path == "" {
		return e.Message
	}
	return e.Path + ": " + e.Message
}

// ErrInvalidScenario is wrapped by every error that DecodeScenario and Estimate
// return for bad input, so callers can tell input problems from bugs.
var ErrInvalidScenario = errors.New("invalid scenario")

// ValidationError holds every problem found in a scenario at once.
type ValidationError struct {
	Problems []FieldError
}

func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Problems))
	for i := range e.Problems {
		parts[i] = e.Problems[i].Error()
	}
	return "invalid scenario: " + strings.Join(parts, "; ")
}

// Unwrap makes errors.Is(err, ErrInvalidScenario) true.
func (e *ValidationError) Unwrap() error { return ErrInvalidScenario }

// errorList is the contract's error document: {"errors": [{"path", "message"}]}.
type errorList struct {
	Errors []FieldError `json:"errors"`
}

// errorDocument maps any error to the contract's error list. A ValidationError
// keeps its paths; anything else becomes one entry without a path.
func errorDocument(err error) []byte {
	var list errorList
	var verr *ValidationError
	if errors.As(err, &verr) {
		list.Errors = verr.Problems
	} else {
		list.Errors = []FieldError{{Message: err.Error()}}
	}
	out, mErr := json.Marshal(list)
	if mErr != nil {
		return []byte(`{"errors":[{"path":"","message":"the error list could not be written"}]}`)
	}
	return out
}
