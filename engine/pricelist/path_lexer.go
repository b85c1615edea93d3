package pricelist

import "strings"

// The pieces of the service-class grammar (service_class.go), matched by
// hand: the package once used regular expressions for them, and the regexp
// package was about a twentieth of the wasm the page downloads. Each matcher
// says the expression it stands for; path_lexer_test.go checks every one
// against that expression on tables and under fuzzing. Digits are ASCII
// digits only, as \d is.

// digits is the length of the run of ASCII digits that s starts with.
func digits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// lowers is the length of the run of ASCII lower-case letters s starts with.
func lowers(s string) int {
	n := 0
	for n < len(s) && s[n] >= 'a' && s[n] <= 'z' {
		n++
	}
	return n
}

// uppers is the length of the run of ASCII upper-case letters s starts with.
func uppers(s string) int {
	n := 0
	for n < len(s) && s[n] >= 'A' && s[n] <= 'Z' {
		n++
	}
	return n
}

// isWord: ^[a-z0-9_]+(?:-[a-z0-9_]+)*$, lower-case words joined by single
// hyphens.
func isWord(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// splitSizeSpec: ^(\d{1,6})core-(\d{1,7})gb(?:-(.+))?$, a size followed by
// what the plan adds to it ("" when nothing). As with ".", the rest holds no
// line break.
func splitSizeSpec(s string) (cores, memory, rest string, ok bool) {
	n := digits(s)
	if n < 1 || n > 6 || !strings.HasPrefix(s[n:], "core-") {
		return "", "", "", false
	}
	cores, s = s[:n], s[n+len("core-"):]
	n = digits(s)
	if n < 1 || n > 7 || !strings.HasPrefix(s[n:], "gb") {
		return "", "", "", false
	}
	memory, s = s[:n], s[n+len("gb"):]
	switch {
	case s == "":
		return cores, memory, "", true
	case s[0] == '-' && len(s) > 1 && !strings.Contains(s, "\n"):
		return cores, memory, s[1:], true
	}
	return "", "", "", false
}

// numberBetween is s's digits when s is prefix, 1 to maxDigits digits, then
// suffix, and nothing else.
func numberBetween(s, prefix string, maxDigits int, suffix string) (string, bool) {
	rest, ok := strings.CutPrefix(s, prefix)
	if !ok {
		return "", false
	}
	n := digits(rest)
	if n < 1 || n > maxDigits || rest[n:] != suffix {
		return "", false
	}
	return rest[:n], true
}

// generationWord: ^g(\d{1,3})$, a plan generation.
func generationWord(s string) (string, bool) { return numberBetween(s, "g", 3, "") }

// gpuCountWord: ^(\d{1,3})gpu$, GPUs per server.
func gpuCountWord(s string) (string, bool) { return numberBetween(s, "", 3, "gpu") }

// vramWord: ^(\d{1,4})gbvram$, a GPU's memory.
func vramWord(s string) (string, bool) { return numberBetween(s, "", 4, "gbvram") }

// isGPUModel: ^[a-z]{1,2}\d{1,4}[a-z]{0,3}$: v100, h100, l40s, a100.
func isGPUModel(s string) bool {
	l := lowers(s)
	if l < 1 || l > 2 {
		return false
	}
	d := digits(s[l:])
	if d < 1 || d > 4 {
		return false
	}
	tail := s[l+d:]
	return len(tail) <= 3 && lowers(tail) == len(tail)
}

// sizeWord: ^(\d{1,6})([gt]?)$, a disk or archive size and its unit.
func sizeWord(s string) (number, unit string, ok bool) {
	n := digits(s)
	if n < 1 || n > 6 || len(s) > n+1 || len(s) == n+1 && s[n] != 'g' && s[n] != 't' {
		return "", "", false
	}
	return s[:n], s[n:], true
}

// bandwidthWord: ^(\d{1,6})([mg])$, a router's bandwidth and its unit.
func bandwidthWord(s string) (number, unit string, ok bool) {
	n := digits(s)
	if n < 1 || n > 6 || len(s) != n+1 || s[n] != 'm' && s[n] != 'g' {
		return "", "", false
	}
	return s[:n], s[n:], true
}

// displayGPUModel finds the first ([A-Z]{1,2}\d{1,4}[A-Z]{0,3})x(\d{1,2})\b
// in a DisplayName ("高火力 VRT/4Core-56GB-V100x1" → "V100"), where \b is
// an ASCII word boundary.
func displayGPUModel(s string) (string, bool) {
	for i := 0; i < len(s); i++ {
		if model, ok := displayGPUModelAt(s, i); ok {
			return model, true
		}
	}
	return "", false
}

// displayGPUModelAt matches the expression at s[i:]. Each part is a maximal
// run: a shorter one would leave a letter or digit where the next part
// cannot start, so the expression has no other way to match from i.
func displayGPUModelAt(s string, i int) (string, bool) {
	u := uppers(s[i:])
	if u < 1 || u > 2 { // a third letter stands where a digit must
		return "", false
	}
	j := i + u
	d := digits(s[j:])
	if d < 1 || d > 4 {
		return "", false
	}
	j += d
	v := uppers(s[j:])
	if v > 3 {
		return "", false
	}
	j += v
	end := j
	if j >= len(s) || s[j] != 'x' {
		return "", false
	}
	j++
	c := digits(s[j:])
	if c < 1 || c > 2 {
		return "", false
	}
	j += c
	if j < len(s) && isWordByte(s[j]) {
		return "", false
	}
	return s[i:end], true
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}
