package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/sakura-sim/pricesim/scripts/wasmpack/wasmdata"
)

// The wasm the page downloads links neither encoding/json nor regexp: the
// answers are written by hand (engine/contract) and the service-class grammar
// is matched by hand (engine/pricelist), about 140 KB of brotli between them.
// shopspring/decimal still imports regexp (for NewFromFormattedString, which
// the engine never calls), so regexp is in the package list, and the check on
// it is that the linker kept none of its functions but the packages' init.
func TestWasmBuild_noReflectionWritersNoRegexp(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the wasm")
	}
	deps := goJS(t, "list", "-deps", ".")
	for _, pkg := range []string{"encoding/json", "text/template", "html/template"} {
		if strings.Contains("\n"+deps+"\n", "\n"+pkg+"\n") {
			t.Errorf("the wasm build imports %s", pkg)
		}
	}
	unstripped := filepath.Join(t.TempDir(), "main.wasm")
	goJS(t, "build", "-trimpath", "-o", unstripped, ".")
	module, err := os.ReadFile(unstripped)
	if err != nil {
		t.Fatal(err)
	}
	names, err := functionNames(module)
	if err != nil {
		t.Fatal(err)
	}
	if len(names) < 1000 {
		t.Fatalf("only %d function names read: the name section was not found", len(names))
	}
	// Only the packages' init functions are left: the linker keeps every
	// imported package's init, and decimal imports regexp.
	var linked []string
	for _, name := range names {
		for _, pkg := range []string{"encoding_json.", "regexp.", "regexp_syntax."} {
			if rest, found := strings.CutPrefix(name, pkg); found && rest != "init" && !strings.HasPrefix(rest, "init.") {
				linked = append(linked, name)
			}
		}
	}
	if len(linked) > 0 {
		t.Errorf("functions of encoding/json or regexp linked into the wasm: %v", linked)
	}
}

// The packed wasm (scripts/wasmpack) answers every request exactly as the
// wasm the linker wrote does, run under Node as the page's worker runs it.
func TestPackedWasm_answersAsLinked(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the wasm")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is missing (make test-js needs it too)")
	}
	dir := t.TempDir()
	linked := filepath.Join(dir, "linked.wasm")
	goJS(t, "build", "-trimpath", "-ldflags=-s -w", "-o", linked, ".")
	module, err := os.ReadFile(linked)
	if err != nil {
		t.Fatal(err)
	}
	packed, st, err := wasmdata.Pack(module, wasmdata.DefaultGap)
	if err != nil {
		t.Fatal(err)
	}
	if st.SegmentsAfter >= st.SegmentsBefore/100 {
		t.Errorf("%d data segments packed into %d, want a hundredth or fewer", st.SegmentsBefore, st.SegmentsAfter)
	}
	packedName := filepath.Join(dir, "packed.wasm")
	if err := os.WriteFile(packedName, packed, 0o644); err != nil {
		t.Fatal(err)
	}
	sample, err := os.ReadFile("../engine/pricelist/testdata/official/golden/is1a-2026-06-13/is1a.json")
	if err != nil {
		t.Fatal(err)
	}
	requests := strings.Join([]string{
		`{"request":"catalogs"}`,
		`{"catalog":"seed-2018","start":"2018-12","months":36,"resources":[{"id":"web","item":"server/4core-8gb","zone":"tk1a","usage":{"pattern":"always"}}],"passports":[{"id":"pp36","item":"server/4core-8gb","zone":"tk1a","term":36,"count":1,"purchased":"2018-12"}]}`,
		`{"request":"importPrices","documents":[` + string(bytes.Join(bytes.Fields(sample), []byte(" "))) + `]}`,
		`{"request":"matchItems","from":"seed-2018","to":"list-2026"}`,
		`{"request":"feeCurve","hourly":"11","daily":"110","monthly":"2179"}`,
		`{"months":0}`,
	}, "\n")
	run := func(wasm string) []string {
		cmd := exec.Command(node, "testdata/answer.cjs", filepath.Join(runtime.GOROOT(), "lib", "wasm", "wasm_exec.js"), wasm)
		cmd.Stdin = strings.NewReader(requests)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("node %s: %v\n%s", wasm, err, stderr.String())
		}
		t.Logf("%s: %s", filepath.Base(wasm), strings.TrimSpace(stderr.String()))
		return strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	}
	want, got := run(linked), run(packedName)
	if len(want) != 6 || !strings.HasPrefix(want[0], `{"catalogs":[{"id":"seed-2018"`) || !strings.Contains(want[1], `"273715"`) ||
		!strings.Contains(want[2], `"id":"list-2026+official-2026-06-13"`) || !strings.HasPrefix(want[5], `{"errors":[`) {
		t.Fatalf("the linked wasm's answers are not the engine's: %.300q", want)
	}
	for i := range want {
		if i >= len(got) || got[i] != want[i] {
			t.Errorf("answer %d of the packed wasm differs from the linked wasm's", i)
		}
	}
}

func goJS(t *testing.T, args ...string) string {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// functionNames reads the function names of a wasm module's "name" section.
func functionNames(b []byte) ([]string, error) {
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return nil, errors.New("not a wasm module")
	}
	var names []string
	for p := b[8:]; len(p) > 0; {
		id := p[0]
		size, n := binary.Uvarint(p[1:])
		if n <= 0 || size > uint64(len(p)-1-n) {
			return nil, errors.New("bad section")
		}
		sec := p[1+n : 1+n+int(size)]
		p = p[1+n+int(size):]
		l, k := binary.Uvarint(sec)
		if id != 0 || k <= 0 || string(sec[k:k+int(l)]) != "name" {
			continue
		}
		for q := sec[k+int(l):]; len(q) > 0; {
			sub := q[0]
			sl, k := binary.Uvarint(q[1:])
			body := q[1+k : 1+k+int(sl)]
			q = q[1+k+int(sl):]
			if sub != 1 { // function names
				continue
			}
			count, k := binary.Uvarint(body)
			body = body[k:]
			for i := uint64(0); i < count; i++ {
				_, k := binary.Uvarint(body) // function index
				body = body[k:]
				nl, k := binary.Uvarint(body)
				names = append(names, string(body[k:k+int(nl)]))
				body = body[k+int(nl):]
			}
		}
	}
	return names, nil
}
