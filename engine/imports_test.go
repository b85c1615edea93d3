package engine

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// allowedImports are the packages the billing rules may use (style practice 1):
// pure standard-library packages, and decimal for money. No encoding/json: the
// rules work on Go values; reading and writing JSON is the contract's job
// (engine/contract). No os, net/..., syscall/js
// or unsafe: the engine runs the same on the host and in the browser, reads
// nothing and reaches nothing.
var allowedImports = map[string]bool{
	"cmp": true, "errors": true, "iter": true, "maps": true, "math": true, "math/big": true, "math/bits": true,
	"slices": true, "sort": true, "strconv": true, "strings": true, "time": true,
	"unicode": true, "unicode/utf8": true,
	"github.com/shopspring/decimal": true,
}

// roundingCalls are decimal methods that round or divide (style practice 4):
// only rounding.go may call them. Div also depends on decimal's global
// DivisionPrecision. The check is by name, without types, so time's Round and
// Truncate count too: the engine has no business rounding times either (R2.4
// refuses fractions of a second instead).
var roundingCalls = map[string]bool{
	"Round": true, "RoundBank": true, "RoundCash": true, "RoundCeil": true, "RoundDown": true,
	"RoundFloor": true, "RoundUp": true, "Truncate": true, "Div": true, "DivRound": true,
	"Floor": true, "Ceil": true, "QuoRem": true, "Mod": true,
}

// engineSources parses every non-test Go file of the package.
func engineSources(t *testing.T) (*token.FileSet, map[string]*ast.File) {
	t.Helper()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	files := map[string]*ast.File{}
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatalf("parsing %s: %v", name, err)
		}
		files[name] = f
	}
	if len(files) == 0 {
		t.Fatal("no engine sources found")
	}
	return fset, files
}

func sortedNames(files map[string]*ast.File) []string {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// importProblems names each import of f outside the allowlist.
func importProblems(fset *token.FileSet, f *ast.File) []string {
	var out []string
	for _, imp := range f.Imports {
		path, err := strconv.Unquote(imp.Path.Value)
		if err != nil || !allowedImports[path] {
			out = append(out, fmt.Sprintf("%s: imports %s, which is not on the engine's allowlist (imports_test.go, style practice 1)", fset.Position(imp.Pos()), imp.Path.Value))
		}
	}
	return out
}

// roundingProblems names each rounding or dividing call in f.
func roundingProblems(fset *token.FileSet, f *ast.File) []string {
	var out []string
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if sel, ok := call.Fun.(*ast.SelectorExpr); ok && roundingCalls[sel.Sel.Name] && !isPackage(sel.X, "math") {
			out = append(out, fmt.Sprintf("%s: calls .%s(; rounding and division belong in rounding.go, named for their rule (style practice 4)", fset.Position(call.Pos()), sel.Sel.Name))
		}
		return true
	})
	return out
}

// floatProblems names each use of float32 or float64 in f.
func floatProblems(fset *token.FileSet, f *ast.File) []string {
	var out []string
	ast.Inspect(f, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && (id.Name == "float32" || id.Name == "float64") {
			out = append(out, fmt.Sprintf("%s: uses %s; money and time are exact in the engine (billing-rules R1.2)", fset.Position(id.Pos()), id.Name))
		}
		return true
	})
	return out
}

// knobProblems names each assignment to one of decimal's package variables.
func knobProblems(fset *token.FileSet, f *ast.File) []string {
	var out []string
	ast.Inspect(f, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok {
			return true
		}
		for _, lhs := range as.Lhs {
			if sel, ok := lhs.(*ast.SelectorExpr); ok && isPackage(sel.X, "decimal") {
				out = append(out, fmt.Sprintf("%s: assigns decimal.%s; the engine sets none of decimal's package knobs (style practice 4)", fset.Position(as.Pos()), sel.Sel.Name))
			}
		}
		return true
	})
	return out
}

// isPackage reports whether x is the identifier of an imported package such
// as math (math.Floor on integers is not money).
func isPackage(x ast.Expr, name string) bool {
	id, ok := x.(*ast.Ident)
	return ok && id.Name == name
}

func TestEngine_Imports(t *testing.T) {
	fset, files := engineSources(t)
	for _, name := range sortedNames(files) {
		for _, p := range importProblems(fset, files[name]) {
			t.Error(p)
		}
	}
}

func TestEngine_RoundingOnlyInRoundingGo(t *testing.T) {
	fset, files := engineSources(t)
	if _, ok := files["rounding.go"]; !ok {
		t.Fatal("rounding.go is missing")
	}
	for _, name := range sortedNames(files) {
		if name == "rounding.go" {
			continue
		}
		for _, p := range roundingProblems(fset, files[name]) {
			t.Error(p)
		}
	}
}

func TestEngine_NoFloats(t *testing.T) {
	fset, files := engineSources(t)
	for _, name := range sortedNames(files) {
		for _, p := range floatProblems(fset, files[name]) {
			t.Error(p)
		}
	}
}

func TestEngine_NoDecimalKnobs(t *testing.T) {
	fset, files := engineSources(t)
	for _, name := range sortedNames(files) {
		for _, p := range knobProblems(fset, files[name]) {
			t.Error(p)
		}
	}
}

// TestEngine_ChecksCatch runs the checks over a small bad source, so a broken
// check cannot pass silently.
func TestEngine_ChecksCatch(t *testing.T) {
	src := `package engine
import ("os"; "net/http"; "github.com/shopspring/decimal")
func f(a, b decimal.Decimal) {
	decimal.DivisionPrecision = 2
	_ = a.Div(b).Round(0).Truncate(1).Floor()
	_ = math.Floor(2)
	var x float64
	_, _, _ = x, os.Args, http.Get
}`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "bad.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		check func(*token.FileSet, *ast.File) []string
		name  string
		want  []string
	}{
		{importProblems, "importProblems", []string{`bad.go:2:9: imports "os"`, `bad.go:2:15: imports "net/http"`}},
		{roundingProblems, "roundingProblems", []string{"calls .Floor(", "calls .Truncate(", "calls .Round(", "calls .Div("}},
		{floatProblems, "floatProblems", []string{"bad.go:7:8: uses float64"}},
		{knobProblems, "knobProblems", []string{"assigns decimal.DivisionPrecision"}},
	} {
		got := tt.check(fset, f)
		if len(got) != len(tt.want) {
			t.Errorf("%s(bad.go) = %q, want %d problems", tt.name, got, len(tt.want))
			continue
		}
		for i, w := range tt.want {
			if !strings.Contains(got[i], w) {
				t.Errorf("%s(bad.go)[%d] = %q, want it to contain %q", tt.name, i, got[i], w)
			}
		}
	}
}
