package contract

import (
	"encoding/json"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// unknownKeysScenario is a scenario whose inline catalog carries n unknown
// keys of three letters, 8 bytes each: the shape that once took seconds to
// refuse.
func unknownKeysScenario(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"catalog":{"id":"mine","taxRate":"0.10","items":[{"id":"a","kind":"server","zone":"z","monthly":"1"}]`)
	const letters = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	for i := range n {
		b.WriteString(`,"`)
		b.WriteByte(letters[i/(62*62)%62])
		b.WriteByte(letters[i/62%62])
		b.WriteByte(letters[i%62])
		b.WriteString(`":0`)
	}
	b.WriteString(`},"start":"2026-01","months":1}`)
	return []byte(b.String())
}

// A scenario with 100,000 unknown keys in its inline catalog (about 800 KB) is
// refused quickly, with 100 errors and one saying how many more there were.
func TestEstimateJSON_ManyUnknownKeys(t *testing.T) {
	in := unknownKeysScenario(100_000)
	keys := strings.Count(string(in), `":0`)
	// CPU time, the best of five: the machines are shared, and wall time
	// says more about the neighbours than about the decoder.
	best := time.Duration(1 << 62)
	var out []byte
	for range 5 {
		start := cpuTime(t)
		var ok bool
		out, ok = EstimateJSON(in)
		best = min(best, cpuTime(t)-start)
		if ok {
			t.Fatal("EstimateJSON accepted a catalog with unknown keys")
		}
	}
	var list struct{ Errors []wireError }
	if err := json.Unmarshal(out, &list); err != nil {
		t.Fatal(err)
	}
	if len(list.Errors) != 101 {
		t.Fatalf("%d errors, want 100 and one counting the rest", len(list.Errors))
	}
	// The keys listed are the first in order, as with fewer keys.
	for i, e := range list.Errors[:100] {
		want := "catalog.0" + string("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"[i/62]) +
			string("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"[i%62])
		if e.Code != "unknownField" || e.Path != want {
			t.Fatalf("error %d = %+v, want an unknown field at %s", i, e, want)
		}
	}
	last := list.Errors[100]
	if last.Code != "tooManyErrors" || last.Args["count"] != strconv.Itoa(keys-100) {
		t.Errorf("last error %+v, want tooManyErrors with count %d", last, keys-100)
	}
	checkCode(t, last)
	t.Logf("%d unknown keys (%d bytes) refused in %v of CPU time", keys, len(in), best)
	if best > 200*time.Millisecond {
		t.Errorf("refusing %d unknown keys took %v of CPU time, want under 200 ms", keys, best)
	}
}

func BenchmarkEstimateJSON_UnknownKeys(b *testing.B) {
	in := unknownKeysScenario(100_000)
	for b.Loop() {
		EstimateJSON(in)
	}
}

// cpuTime is the CPU time this process has used (user and system), with the
// garbage collector's parallel work included.
func cpuTime(t *testing.T) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
