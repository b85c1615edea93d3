package document

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

// FuzzParse: Parse accepts exactly what encoding/json accepts, reads the same
// values (numbers as written), and never panics.
func FuzzParse(f *testing.F) {
	for _, s := range []string{`{}`, `[]`, `0 }`, `{} ]`, `]`, `{"a":1,"a":2}`, `{"a":[1,{"b":"\u00e9\ud83d\ude00"}]}`,
		`"\ud800"`, `"\ud800\u0041"`, `-0.5e+10`, `01`, `1.`, `tru`, `nul`, `"a\x01"`, "\"\xff\"", `[1,]`, `{"a" 1}`,
		`{"a":1,}`, ` `, `"\/\b\f\n\r\t"`, `[[[[[[[[[[]]]]]]]]]]`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		v, dups, err := Parse(data)
		var want any
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		wantErr := dec.Decode(&want)
		if wantErr == nil && len(bytes.TrimLeft(data[dec.InputOffset():], " \t\r\n")) > 0 {
			wantErr = errTrailing
		}
		if (err == nil) != (wantErr == nil) {
			t.Fatalf("Parse(%q) error = %v, encoding/json says %v", data, err, wantErr)
		}
		if err != nil {
			if se, ok := err.(*SyntaxError); !ok || se.Problem("", "document").Message == "" {
				t.Fatalf("Parse(%q) error %v is not a syntax error with a message", data, err)
			}
			return
		}
		if !reflect.DeepEqual(numbersAsJSON(v), want) {
			t.Fatalf("Parse(%q) = %#v, encoding/json reads %#v", data, v, want)
		}
		// A duplicate needs two keys of at least `"":0` each.
		if len(dups) > len(data)/4 {
			t.Fatalf("Parse(%q) reports %d duplicates, more than the keys it holds", data, len(dups))
		}
	})
}

var errTrailing = &SyntaxError{Code: "trailingData"}

// numbersAsJSON turns Parse's values into encoding/json's (json.Number).
func numbersAsJSON(v any) any {
	switch x := v.(type) {
	case Number:
		return json.Number(x)
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = numbersAsJSON(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = numbersAsJSON(e)
		}
		return out
	}
	return v
}
