package contract

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/sakura-sim/pricesim/engine/document"
)

func TestAppendString_LikeMarshal(t *testing.T) {
	for _, s := range []string{"", "plain", "<b>&</b>", "line\u2028para\u2029", "tab\tnew\nret\r\b\f\x00\x1f", `q"b\`,
		"\xff\xfe bad", "日本語", "\x7f", "a\u2027b\u202a"} {
		want, _ := json.Marshal(s)
		if got := document.AppendString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("AppendString(%q) = %s, want %s", s, got, want)
		}
	}
}
