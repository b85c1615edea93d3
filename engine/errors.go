package engine

import (
	"errors"
	"strings"
)

// FieldError is one problem with one field of a document, named by its JSON
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
