package document

import (
	"errors"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/sakura-sim/pricesim/engine"
	"github.com/shopspring/decimal"
)

// MaxProblems is how many problems an error list holds at most; one more
// entry, tooManyErrors, says how many were left out (contract.md, "Errors").
const MaxProblems = 100

// Reader walks a document decoded into generic JSON values (objects, arrays,
// Number, strings, bools, nil) and collects every problem with its path,
// so a user sees all mistakes at once instead of the first one.
type Reader struct {
	// Subject names the document read, for the error (engine.SubjectScenario, ...).
	Subject string
	// Problems holds the first MaxProblems problems found.
	Problems []engine.FieldError
	// count is how many problems were found, listed or not.
	count int
	// misspelt holds the paths of fields that a misspelt key stands in for:
	// the typo is reported once, at the key the user wrote, and not again as
	// the field being required.
	misspelt map[string]bool
	// Suggest turns on "did you mean" for unknown keys (the scenario decoder
	// uses it; other documents keep listing the allowed keys).
	Suggest bool
}

// Fail records the problem code at path; args are its message's named
// values, as name, value pairs.
func (r *Reader) Fail(path string, code engine.Code, args ...string) {
	if r.misspelt[path] && strings.HasPrefix(engine.Template(code), "is required") {
		return
	}
	r.count++
	if len(r.Problems) < MaxProblems {
		r.Problems = append(r.Problems, engine.NewFieldError(path, code, args...))
	}
}

// Add records problems found elsewhere (a nested document's), within the same limit.
func (r *Reader) Add(problems ...engine.FieldError) {
	for _, p := range problems {
		r.count++
		if len(r.Problems) < MaxProblems {
			r.Problems = append(r.Problems, p)
		}
	}
}

// Count is how many problems were found, listed or not.
func (r *Reader) Count() int { return r.count }

// Ok reports whether no problem was found.
func (r *Reader) Ok() bool { return r.count == 0 }

// Err returns the problems as a *engine.ValidationError, or nil.
func (r *Reader) Err() error {
	if r.Ok() {
		return nil
	}
	return Invalid(r.Subject, r.Problems, r.count)
}

// Invalid is the error of a document with these problems, of count found in
// all: past MaxProblems, one more entry says how many were left out.
func Invalid(subject string, problems []engine.FieldError, count int) *engine.ValidationError {
	if len(problems) > MaxProblems {
		problems = problems[:MaxProblems]
	}
	list := append([]engine.FieldError(nil), problems...)
	if count > len(list) {
		list = append(list, engine.NewFieldError("", "tooManyErrors", "count", strconv.Itoa(count-len(list))))
	}
	return &engine.ValidationError{Subject: subject, Problems: list}
}

func Join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func Index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// object returns v as an object, reporting every key outside allowed as
// unknown: a typo must not silently become a default.
func (r *Reader) Object(path string, v any, allowed ...string) (map[string]any, bool) {
	obj, isObj := v.(map[string]any)
	if !isObj {
		r.Fail(path, "notObject")
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
	unknown, rest := firstSorted(unknown, MaxProblems-r.count)
	defer func() { r.count += rest }()
	for i, key := range unknown {
		if r.count >= MaxProblems {
			// Past the listed problems only the count matters: a document
			// with 100,000 unknown keys must not cost 100,000 guesses.
			r.count += len(unknown) - i
			break
		}
		if meant, ok := closeMatch(key, allowed, obj); ok && r.Suggest {
			r.Fail(Join(path, key), "misspeltField", "suggestion", meant)
			if r.misspelt == nil {
				r.misspelt = map[string]bool{}
			}
			r.misspelt[Join(path, meant)] = true
			continue
		}
		r.Fail(Join(path, key), "unknownField", "allowed", strings.Join(allowed, ", "))
	}
	return obj, true
}

// firstSorted returns the n smallest of keys in order, and how many were
// left out: a document with 100,000 unknown keys lists only the first, so
// sorting them all would be wasted (keys are reordered in place).
func firstSorted(keys []string, n int) ([]string, int) {
	n = max(n, 0)
	if len(keys) <= n || len(keys) <= 2*MaxProblems {
		sort.Strings(keys)
		return keys, 0
	}
	kept := keys[:0:0]
	for _, k := range keys {
		if len(kept) == n {
			if n == 0 || k >= kept[n-1] {
				continue
			}
			kept = kept[:n-1]
		}
		i := sort.SearchStrings(kept, k)
		kept = append(kept, "")
		copy(kept[i+1:], kept[i:])
		kept[i] = k
	}
	return kept, len(keys) - len(kept)
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
		r.Fail(Join(path, key), "notList")
		return nil
	}
	return list
}

// str returns obj[key] as a string. A required field that is absent is reported.
func (r *Reader) Str(path string, obj map[string]any, key string, required bool) (string, bool) {
	v, present := obj[key]
	if !present || v == nil {
		if required {
			r.Fail(Join(path, key), "required")
		}
		return "", false
	}
	s, isStr := v.(string)
	if !isStr {
		r.Fail(Join(path, key), "notString")
		return "", false
	}
	return s, true
}

// nonEmpty is str for fields that must hold text.
func (r *Reader) NonEmpty(path string, obj map[string]any, key string, required bool) (string, bool) {
	s, ok := r.Str(path, obj, key, required)
	if ok && strings.TrimSpace(s) == "" {
		r.Fail(Join(path, key), "empty")
		return "", false
	}
	return s, ok
}

// Integer returns obj[key] as a whole number within [lo, hi].
func (r *Reader) Integer(path string, obj map[string]any, key string, required bool, lo, hi int) (int, bool) {
	return r.IntegerOr(path, obj, key, required, lo, hi, "outOfRange", "min", Thousands(lo), "max", Thousands(hi))
}

// IntegerOr is Integer with the problem for a value out of range or not a
// whole number. A number written in quotes gets its own message, since the
// fix is to drop the quotes.
func (r *Reader) IntegerOr(path string, obj map[string]any, key string, required bool, lo, hi int, code engine.Code, args ...string) (int, bool) {
	v, present := obj[key]
	if !present || v == nil {
		if required {
			r.Fail(Join(path, key), "required")
		}
		return 0, false
	}
	n, isNum := v.(Number)
	if !isNum {
		if s, isStr := v.(string); isStr {
			if i, err := strconv.Atoi(strings.TrimSpace(s)); err == nil && i >= lo && i <= hi {
				r.Fail(Join(path, key), "quotedNumber", "number", strings.TrimSpace(s), "text", s)
				return 0, false
			}
		}
		r.Fail(Join(path, key), code, args...)
		return 0, false
	}
	i, err := strconv.ParseInt(string(n), 10, 64)
	if err != nil || i < int64(lo) || i > int64(hi) || i > math.MaxInt32 {
		r.Fail(Join(path, key), code, args...)
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
		r.Fail(Join(path, key), "notBoolean")
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
			r.Fail(Join(path, key), "required")
		}
		return decimal.Decimal{}, false
	}
	return r.MoneyValue(Join(path, key), v)
}

func (r *Reader) MoneyValue(path string, v any) (decimal.Decimal, bool) {
	s, isStr := v.(string)
	if !isStr {
		if _, isNum := v.(Number); isNum {
			r.Fail(path, "amountAsNumber")
		} else {
			r.Fail(path, "badAmount")
		}
		return decimal.Decimal{}, false
	}
	d, err := engine.ParseDecimal(s)
	if err != nil {
		r.Fail(path, "badAmount")
		return decimal.Decimal{}, false
	}
	if d.IsNegative() {
		r.Fail(path, "negative")
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
		r.Fail(Join(path, key), "notWholeYen")
		return engine.Yen{}, false
	}
	if !d.IsPositive() {
		r.Fail(Join(path, key), "notPositive")
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
		r.FailWith(Join(path, key), err)
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
		r.FailWith(Join(path, key), err)
		return engine.Date{}, false
	}
	return d, true
}

// FailWith records err at path: a value that did not parse, with the code
// its parser gave (engine.InputError), or else err's text.
func (r *Reader) FailWith(path string, err error) {
	var ie *engine.InputError
	if errors.As(err, &ie) {
		r.Fail(path, ie.Code)
		return
	}
	var fe *engine.FieldError
	if errors.As(err, &fe) {
		fe2 := *fe
		fe2.Path = path
		r.Add(fe2)
		return
	}
	r.Fail(path, "invalidValue", "detail", err.Error())
}

// ErrorDocument maps any error to the contract's error list,
// {"errors":[{"path","code","args","message"}]}. A ValidationError keeps its
// paths, codes and arguments, at most MaxProblems of them plus the count of
// the rest; anything else becomes one entry without a path.
func ErrorDocument(err error) []byte {
	var verr *engine.ValidationError
	var problems []engine.FieldError
	if errors.As(err, &verr) {
		problems = verr.Problems
		if n := len(problems); n > MaxProblems && (n > MaxProblems+1 || problems[MaxProblems].Code != "tooManyErrors") {
			problems = Invalid(verr.Subject, problems, n).Problems
		}
	} else {
		problems = []engine.FieldError{engine.NewFieldError("", "invalidValue", "detail", err.Error())}
	}
	b := make([]byte, 0, 64+128*len(problems))
	b = append(b, `{"errors":[`...)
	for i, p := range problems {
		if i > 0 {
			b = append(b, ',')
		}
		b = AppendProblem(b, p)
	}
	return append(b, "]}"...)
}

// AppendProblem appends p as the contract writes an error:
// {"path","code","args":{name: value},"message"}.
func AppendProblem(b []byte, p engine.FieldError) []byte {
	b = append(b, `{"path":`...)
	b = AppendString(b, p.Path)
	b = append(b, `,"code":`...)
	b = AppendString(b, string(p.Code))
	b = append(b, `,"args":{`...)
	for j, a := range p.Args {
		if j > 0 {
			b = append(b, ',')
		}
		b = AppendString(b, a.Name)
		b = append(b, ':')
		b = AppendString(b, a.Value)
	}
	b = append(b, `},"message":`...)
	b = AppendString(b, p.Message)
	return append(b, '}')
}

// Problem is a FieldError that encoding/json writes as AppendProblem does,
// for answers that hold problems besides estimates (an import's warnings).
type Problem engine.FieldError

// MarshalJSON writes p as AppendProblem does.
func (p Problem) MarshalJSON() ([]byte, error) { return AppendProblem(nil, engine.FieldError(p)), nil }
