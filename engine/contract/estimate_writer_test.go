package contract

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	. "github.com/sakura-sim/pricesim/engine"
	"github.com/sakura-sim/pricesim/engine/document"
)

// The hand-written estimate writer must give, byte for byte, what
// encoding/json gave from the struct tags before it: the page and every saved
// estimate read those bytes. Golden inputs and generated scenarios (whose ids
// and names carry <, >, &, U+2028 and U+2029) are compared.
func TestAppendEstimate_SameBytesAsMarshal(t *testing.T) {
	var inputs [][]byte
	files, err := filepath.Glob("testdata/golden/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden cases (%v)", err)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var c struct {
			Input json.RawMessage `json:"input"`
		}
		if err := json.Unmarshal(data, &c); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		inputs = append(inputs, c.Input)
	}
	rng := rand.New(rand.NewPCG(8, 2026))
	for range 300 {
		inputs = append(inputs, genScenario(rng))
	}
	inputs = append(inputs, benchScenario())
	compared := 0
	for _, in := range inputs {
		s, err := DecodeScenario(in)
		if err != nil {
			continue
		}
		r, err := Estimate(s)
		if err != nil {
			t.Fatalf("Estimate(%s): %v", in, err)
		}
		want, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		got := AppendEstimate(nil, r)
		if !bytes.Equal(got, want) {
			i := 0
			for i < len(got) && i < len(want) && got[i] == want[i] {
				i++
			}
			lo := max(0, i-80)
			t.Fatalf("AppendEstimate differs from json.Marshal at byte %d:\n got …%s\nwant …%s\nscenario: %s",
				i, got[lo:min(len(got), i+80)], want[lo:min(len(want), i+80)], in)
		}
		compared++
	}
	if compared < 250 {
		t.Errorf("only %d of %d scenarios were valid; the comparison needs more", compared, len(inputs))
	}
}

func TestAppendString_LikeMarshal(t *testing.T) {
	for _, s := range []string{"", "plain", "<b>&</b>", "line\u2028para\u2029", "tab\tnew\nret\r\b\f\x00\x1f", `q"b\`,
		"\xff\xfe bad", "日本語", "\x7f", "a\u2027b\u202a"} {
		want, _ := json.Marshal(s)
		if got := document.AppendString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("AppendString(%q) = %s, want %s", s, got, want)
		}
	}
}
