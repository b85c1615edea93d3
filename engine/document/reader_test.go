package document

import (
	"slices"
	"testing"
)

func TestParse_Duplicates(t *testing.T) {
	for _, tt := range []struct {
		doc  string
		want []string
	}{
		{`{"a":1,"b":2}`, nil},
		{`{"a":1,"a":2}`, []string{"a"}},
		{`{"a":[{},{"b":1,"b":2}],"x":"{\"b\":1,\"b\":2}"}`, []string{"a[1].b"}},
		{`[{"k":[1,2]},{"k":{"z":1}},{"k":3,"k":4}]`, []string{"[2].k"}},
		// The same key written with and without an escape is given twice.
		{`{"c\u0061":1,"ca":2}`, []string{"ca"}},
		{`{"a\\":1,"a":2}`, nil},
		{`{"a":{"b":1,"b":2,"b":3}}`, []string{"a.b", "a.b"}},
	} {
		_, got, err := Parse([]byte(tt.doc))
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("Parse(%s) duplicates = %q, %v; want %q", tt.doc, got, err, tt.want)
		}
	}
}
