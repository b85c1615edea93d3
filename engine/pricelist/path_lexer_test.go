package pricelist

import (
	"regexp"
	"testing"
)

// The expressions the hand-written matchers stand for, as the package used
// them before; tests may link regexp, the wasm does not.
var (
	wordRE    = regexp.MustCompile(`^[a-z0-9_]+(?:-[a-z0-9_]+)*$`)
	sizeSpec  = regexp.MustCompile(`^(\d{1,6})core-(\d{1,7})gb(?:-(.+))?$`)
	genRE     = regexp.MustCompile(`^g(\d{1,3})$`)
	gpuRE     = regexp.MustCompile(`^(\d{1,3})gpu$`)
	vramRE    = regexp.MustCompile(`^(\d{1,4})gbvram$`)
	modelRE   = regexp.MustCompile(`^[a-z]{1,2}\d{1,4}[a-z]{0,3}$`)
	displayRE = regexp.MustCompile(`([A-Z]{1,2}\d{1,4}[A-Z]{0,3})x(\d{1,2})\b`)
	sizeRE    = regexp.MustCompile(`^(\d{1,6})([gt]?)$`)
	bwRE      = regexp.MustCompile(`^(\d{1,6})([mg])$`)
)

// checkLexer compares every matcher with its expression on s.
func checkLexer(t *testing.T, s string) {
	t.Helper()
	if got, want := isWord(s), wordRE.MatchString(s); got != want {
		t.Errorf("isWord(%q) = %v, want %v", s, got, want)
	}
	c, m, rest, ok := splitSizeSpec(s)
	if w := sizeSpec.FindStringSubmatch(s); ok != (w != nil) || ok && (c != w[1] || m != w[2] || rest != w[3]) {
		t.Errorf("splitSizeSpec(%q) = %q %q %q %v, want %q", s, c, m, rest, ok, w)
	}
	for _, f := range []struct {
		name string
		re   *regexp.Regexp
		fn   func(string) (string, bool)
	}{{"generationWord", genRE, generationWord}, {"gpuCountWord", gpuRE, gpuCountWord}, {"vramWord", vramRE, vramWord}} {
		got, ok := f.fn(s)
		if w := f.re.FindStringSubmatch(s); ok != (w != nil) || ok && got != w[1] {
			t.Errorf("%s(%q) = %q %v, want %q", f.name, s, got, ok, w)
		}
	}
	if got, want := isGPUModel(s), modelRE.MatchString(s); got != want {
		t.Errorf("isGPUModel(%q) = %v, want %v", s, got, want)
	}
	for _, f := range []struct {
		name string
		re   *regexp.Regexp
		fn   func(string) (string, string, bool)
	}{{"sizeWord", sizeRE, sizeWord}, {"bandwidthWord", bwRE, bandwidthWord}} {
		n, u, ok := f.fn(s)
		if w := f.re.FindStringSubmatch(s); ok != (w != nil) || ok && (n != w[1] || u != w[2]) {
			t.Errorf("%s(%q) = %q %q %v, want %q", f.name, s, n, u, ok, w)
		}
	}
	model, ok := displayGPUModel(s)
	if w := displayRE.FindStringSubmatch(s); ok != (w != nil) || ok && model != w[1] {
		t.Errorf("displayGPUModel(%q) = %q %v, want %q", s, model, ok, w)
	}
}

// lexerCases: the words of every family of price-api.md and near misses of
// each expression (a digit too many, a letter too few, a stray hyphen, a line
// break, non-ASCII digits and letters).
var lexerCases = []string{
	"", "-", "a", "a-b", "a--b", "-a", "a-", "a_b", "A", "a/b", "rds-sal", "dedicatedcpu", "std", "windows", "a b", "é",
	"1core-1gb", "4core-56gb-1gpu-g2", "24core-240gb-1gpu-nvidia_h100_80gbvram-g2", "200core-224gb-std", "1core-1gb-",
	"1234567core-1gb", "123456core-1234567gb", "123456core-12345678gb", "core-1gb", "1core-gb", "1core1gb", "1core-1gb-\n",
	"1core-1gb-a\nb", "1core-1gbx", "01core-02gb", "１core-1gb", "1core-1gb-é", "1core-1gb--", "2core-4gb-g1-g2",
	"g", "g1", "g12", "g123", "g1234", "g01", "gg1", "g1a", "G1",
	"gpu", "1gpu", "12gpu", "123gpu", "1234gpu", "1gpus", "1GPU", "x1gpu",
	"80gbvram", "8gbvram", "8000gbvram", "80000gbvram", "gbvram", "80gbvra", "80gbvramx",
	"v100", "h100", "l40s", "a100", "ab1", "abc1", "a12345", "a1234", "a1bcd", "a1bc", "1a", "V100", "v", "v1_",
	"100", "100g", "1t", "2048", "1234567", "123456", "100m", "10g", "100x", "100gt", "g", "t", "１００g", "000001g",
	"高火力 VRT/4Core-56GB-V100x1", "V100x1", "V100x12", "V100x123", "V100x1a", "V100x1_", "V100x1-", "ABV100x1",
	"ABCV100x1", "v100x1", "V10000x1", "V1000x1", "V100ABCx1", "V100ABCDx1", "xV100x1 H100x2", "H100x", "H100x99é",
	"GPU V100x2", "L40Sx4)", "A100X1", "A1x1", "AA1x1b A1x2", "A1x1\u00e9",
}

func TestPathLexer_AsTheExpressions(t *testing.T) {
	for _, s := range lexerCases {
		checkLexer(t, s)
	}
}

func FuzzPathLexer(f *testing.F) {
	for _, s := range lexerCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkLexer(t, s) })
}
