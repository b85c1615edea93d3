package document

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/sakura-sim/pricesim/engine"
	"github.com/shopspring/decimal"
)

// Reader walks a document decoded into generic JSON values (objects, arrays,
// Number, strings, bools, nil) and collects every problem with its path,
// so a user sees all mistakes at once instead of the first one.
type Reader struct {
	Problems []engine.FieldError
	// misspelt holds the paths of fields that a misspelt key stands in for:
	// the typo is reported once, at the key the user wrote, and not again as
	// the field being required.
	misspelt map[string]bool
	// suggest turns on "did you mean" for unknown keys (the scenario decoder
	// uses it; other documents keep listing the allowed keys).
	Suggest bool
}

func (r *Reader) Fail(path, format string, args ...any) {
	if r.misspelt[path] && strings.HasPrefix(format, "is required") {
		return
	}
	r.Problems = append(r.Problems, engine.FieldError{Path: path, Message: fmt.Sprintf(format, args...)})
}

func (r *Reader) Ok() bool { return len(r.Problems) == 0 }

func (r *Reader) Err() error {
	if r.Ok() {
		return nil
	}
	return &engine.ValidationError{Problems: r.Problems}
}

func Join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func Index(path string, i int) string { return fmt.Sprintf("%s[%d]", path, i) }

// object returns v as an object, reporting every key outside allowed as
// unknown: a typo must not silently become a default.
func (r *Reader) Object(path string, v any, allowed ...string) (map[string]any, bool) {
	obj, isObj := v.(map[string]any)
	if !isObj {
		r.Fail(path, "must be an object")
		return nil, false
	}
	var unknown []string
	for key := range obj {
		known := false
		for _, a := range allowed {
			if key == a {
				known = true
				break
			}
		}
		if !known {
			unknown = append(unknown, key)
		}
	}
	sort.Strings(unknown)
	for _, key := range unknown {
		if meant, ok := closeMatch(key, allowed, obj); ok && r.Suggest {
			r.Fail(Join(path, key), "is not a known field: did you mean %q?", meant)
			if r.misspelt == nil {
				r.misspelt = map[string]bool{}
			}
			r.misspelt[Join(path, meant)] = true
			continue
		}
		r.Fail(Join(path, key), "is not a known field (allowed: %s)", strings.Join(allowed, ", "))
	}
	return obj, true
}

// closeMatch finds the allowed field a key was probably meant to be: one not
// given in obj, equal but for case or at most two edits away (one for short
// names). Numeric keys ("18" for "12") are never guessed at.
func closeMatch(key string, allowed []string, obj map[string]any) (string, bool) {
	if len(key) < 3 || len(key) > 40 || strings.Trim(key, "0123456789") == "" {
		return "", false
	}
	best, bestDist := "", 3
	for _, a := range allowed {
		if _, given := obj[a]; given || len(a) < 3 {
			continue
		}
		d := editDistance(strings.ToLower(key), strings.ToLower(a))
		limit := 2
		if len(a) <= 4 {
			limit = 1
		}
		if d <= limit && d < bestDist {
			best, bestDist = a, d
		}
	}
	return best, best != ""
}

// editDistance counts the single-letter insertions, deletions, changes and
// swaps of neighbours that turn a into b (optimal string alignment).
func editDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// present reports whether obj gives key a value: null counts as absent, as a
// form that clears an optional field may send it.
func Present(obj map[string]any, key string) bool {
	v, given := obj[key]
	return given && v != nil
}

// array returns obj[key] as a list; absent or null is an empty list.
func (r *Reader) Array(path string, obj map[string]any, key string) []any {
	v, present := obj[key]
	if !present || v == nil {
		return nil
	}
	list, isList := v.([]any)
	if !isList {
		r.Fail(Join(path, key), "must be a list")
		return nil
	}
	return list
}

// str returns obj[key] as a string. A required field that is absent is reported.
func (r *Reader) Str(path string, obj map[string]any, key string, required bool) (string, bool) {
	v, present := obj[key]
	if !present || v == nil {
		if required {
			r.Fail(Join(path, key), "is required")
		}
		return "", false
	}
	s, isStr := v.(string)
	if !isStr {
		r.Fail(Join(path, key), "must be a string")
		return "", false
	}
	return s, true
}

// nonEmpty is str for fields that must hold text.
func (r *Reader) NonEmpty(path string, obj map[string]any, key string, required bool) (string, bool) {
	s, ok := r.Str(path, obj, key, required)
	if ok && strings.TrimSpace(s) == "" {
		r.Fail(Join(path, key), "must not be empty")
		return "", false
	}
	return s, ok
}

// integer returns obj[key] as a whole number within [lo, hi].
func (r *Reader) Integer(path string, obj map[string]any, key string, required bool, lo, hi int) (int, bool) {
	return r.IntegerOr(path, obj, key, required, lo, hi, fmt.Sprintf("must be a whole number from %s to %s", Thousands(lo), Thousands(hi)))
}

// integerOr is integer with the message for a value out of range or not a
// whole number. A number written in quotes gets its own message, since the
// fix is to drop the quotes.
func (r *Reader) IntegerOr(path string, obj map[string]any, key string, required bool, lo, hi int, problem string) (int, bool) {
	v, present := obj[key]
	if !present || v == nil {
		if required {
			r.Fail(Join(path, key), "is required")
		}
		return 0, false
	}
	n, isNum := v.(Number)
	if !isNum {
		if s, isStr := v.(string); isStr {
			if i, err := strconv.Atoi(strings.TrimSpace(s)); err == nil && i >= lo && i <= hi {
				r.Fail(Join(path, key), "must be a number written without quotes (%s, not \"%s\")", strings.TrimSpace(s), s)
				return 0, false
			}
		}
		r.Fail(Join(path, key), "%s", problem)
		return 0, false
	}
	i, err := strconv.ParseInt(string(n), 10, 64)
	if err != nil || i < int64(lo) || i > int64(hi) || i > math.MaxInt32 {
		r.Fail(Join(path, key), "%s", problem)
		return 0, false
	}
	return int(i), true
}

// thousands writes n with commas between groups of three digits ("10,000").
func Thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		return "-" + s
	}
	return s
}

// boolean returns obj[key] as a bool; absent is false.
func (r *Reader) Boolean(path string, obj map[string]any, key string) bool {
	v, present := obj[key]
	if !present || v == nil {
		return false
	}
	b, isBool := v.(bool)
	if !isBool {
		r.Fail(Join(path, key), "must be true or false")
	}
	return b
}

// money returns obj[key], a decimal string of yen (R1.4), checked to be at
// least zero. JSON numbers are refused: the page must never turn money into a
// floating-point number.
func (r *Reader) Money(path string, obj map[string]any, key string, required bool) (decimal.Decimal, bool) {
	v, present := obj[key]
	if !present || v == nil {
		if required {
			r.Fail(Join(path, key), "is required")
		}
		return decimal.Decimal{}, false
	}
	return r.MoneyValue(Join(path, key), v)
}

func (r *Reader) MoneyValue(path string, v any) (decimal.Decimal, bool) {
	s, isStr := v.(string)
	if !isStr {
		if _, isNum := v.(Number); isNum {
			r.Fail(path, "must be an amount written as a string, such as \"9504\"")
		} else {
			r.Fail(path, "must be an amount in yen, such as \"9504\"")
		}
		return decimal.Decimal{}, false
	}
	d, err := engine.ParseDecimal(s)
	if err != nil {
		r.Fail(path, "must be an amount in yen, such as \"9504\"")
		return decimal.Decimal{}, false
	}
	if d.IsNegative() {
		r.Fail(path, "must not be negative")
		return decimal.Decimal{}, false
	}
	return d, true
}

// wholeYen is money that must be a whole, positive number of yen.
func (r *Reader) WholeYen(path string, obj map[string]any, key string, required bool) (engine.Yen, bool) {
	d, ok := r.Money(path, obj, key, required)
	if !ok {
		return engine.Yen{}, false
	}
	if !d.IsInteger() {
		r.Fail(Join(path, key), "must be a whole number of yen")
		return engine.Yen{}, false
	}
	if !d.IsPositive() {
		r.Fail(Join(path, key), "must be more than 0 yen")
		return engine.Yen{}, false
	}
	y, _ := engine.YenFromDecimal(d)
	return y, true
}

func (r *Reader) Month(path string, obj map[string]any, key string, required bool) (engine.Month, bool) {
	s, ok := r.Str(path, obj, key, required)
	if !ok {
		return 0, false
	}
	m, err := engine.ParseMonth(s)
	if err != nil {
		r.Fail(Join(path, key), "%v", err)
		return 0, false
	}
	return m, true
}

func (r *Reader) Date(path string, obj map[string]any, key string, required bool) (engine.Date, bool) {
	s, ok := r.Str(path, obj, key, required)
	if !ok {
		return engine.Date{}, false
	}
	d, err := engine.ParseDate(s)
	if err != nil {
		r.Fail(Join(path, key), "%v", err)
		return engine.Date{}, false
	}
	return d, true
}

// ErrorDocument maps any error to the contract's error list. A ValidationError
// keeps its paths; anything else becomes one entry without a path.
func ErrorDocument(err error) []byte {
	var list errorList
	var verr *engine.ValidationError
	if errors.As(err, &verr) {
		list.Errors = verr.Problems
	} else {
		list.Errors = []engine.FieldError{{Message: err.Error()}}
	}
	out, mErr := json.Marshal(list)
	if mErr != nil {
		return []byte(`{"errors":[{"path":"","message":"the error list could not be written"}]}`)
	}
	return out
}

// errorList is the contract's error document: {"errors": [{"path", "message"}]}.
type errorList struct {
	Errors []engine.FieldError `json:"errors"`
}
