package contract

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"strings"
	"testing"
)

// expandRecorded puts the recorded copies of the shipped catalogs in place of
// "@list-2026" and "@seed-2018", so the recorded answers depend on the writer
// and not on today's prices.
func expandRecorded(t *testing.T, request string) string {
	t.Helper()
	for _, id := range []string{"list-2026", "seed-2018"} {
		if !strings.Contains(request, `"@`+id+`"`) {
			continue
		}
		recorded, err := os.ReadFile("testdata/wire/" + id + "-as-recorded.json")
		if err != nil {
			t.Fatal(err)
		}
		request = strings.ReplaceAll(request, `"@`+id+`"`, strings.TrimSpace(string(recorded)))
	}
	return request
}

// testdata/wire/requests.txt holds, per line, the SHA-256 of an answer as
// encoding/json wrote it (json.Marshal of the response structs), recorded
// before the hand-written writers replaced it, and the request it answers:
// imports of every golden case and fixture (objects and text, over a base,
// alone, with a differing tax rate, with names holding <, >, &, quotes, U+2028
// and U+2029), item matching both ways and with an item list, fee curves, the
// passport advisor and a comparison. The answers must keep those bytes.
func TestRequests_WireUnchanged(t *testing.T) {
	f, err := os.Open("testdata/wire/requests.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 4<<20)
	n := 0
	for sc.Scan() {
		n++
		sum, request, found := strings.Cut(sc.Text(), " ")
		if !found {
			t.Fatalf("line %d: no request", n)
		}
		out, _ := HandleJSON([]byte(expandRecorded(t, request)))
		got := sha256.Sum256(out)
		if hex.EncodeToString(got[:]) != sum {
			t.Errorf("line %d: the answer to %.160s… differs from the recorded bytes:\n%.600s", n, request, out)
		}
	}
	if n < 36 {
		t.Errorf("only %d recorded answers", n)
	}
}
