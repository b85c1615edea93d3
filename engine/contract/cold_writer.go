package contract

import "github.com/sakura-sim/pricesim/engine"

// coldWriter is the writer of the answers asked for now and then (catalogs,
// imports, matchings, fee curves, the advisor, comparisons): its steps are
// calls, not inlined as the estimate writer's are. Inlined, every field of
// those answers cost its own copy of append's code; as calls they take about
// 100 KB less of the wasm (≈15 KB brotli), and they write kilobytes, not the
// estimate's megabytes, so the calls cost nothing a user could see.
type coldWriter struct{ writer }

//go:noinline
func (w *coldWriter) raw(s string) { w.writer.raw(s) }

//go:noinline
func (w *coldWriter) close(c byte) { w.writer.close(c) }

//go:noinline
func (w *coldWriter) comma(i int) { w.writer.comma(i) }

//go:noinline
func (w *coldWriter) str(s string) { w.writer.str(s) }

//go:noinline
func (w *coldWriter) enum(name string) { w.writer.enum(name) }

//go:noinline
func (w *coldWriter) int(n int64) { w.writer.int(n) }

//go:noinline
func (w *coldWriter) bool(v bool) { w.writer.bool(v) }

//go:noinline
func (w *coldWriter) yen(y engine.Yen) { w.writer.yen(y) }

//go:noinline
func (w *coldWriter) monthValue(m engine.Month) { w.writer.monthValue(m) }

// coldList writes items as a JSON array, each by write; nil is null, as
// encoding/json wrote a nil slice.
func coldList[T any](w *coldWriter, items []T, write func(T)) {
	if items == nil {
		w.raw("null")
		return
	}
	w.open('[')
	for i, item := range items {
		w.comma(i)
		write(item)
	}
	w.close(']')
}

// strObject writes {"name":"value",…} from name, value pairs, every value
// written, empty or not.
func (w *coldWriter) strObject(pairs ...string) {
	w.open('{')
	for i := 0; i+1 < len(pairs); i += 2 {
		w.key(i == 0, pairs[i])
		w.str(pairs[i+1])
	}
	w.close('}')
}
