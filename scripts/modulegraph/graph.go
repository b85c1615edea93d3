// Command modulegraph lists every ES module a page's entry module loads,
// statically or by import(), and keeps the page's <link rel="modulepreload">
// list equal to it, so the browser fetches the whole graph at once instead
// of one level of imports per round trip.
package main

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
)

// Relative specifiers only: the page loads nothing from another origin.
var importRE = regexp.MustCompile(`(?m)(?:^|[;\s}])(?:import|export)\s[^"'();]*?from\s*["'](\.{1,2}/[^"']+)["']|(?:^|[;\s])import\s*["'](\.{1,2}/[^"']+)["']|import\(\s*["'](\.{1,2}/[^"']+)["']\s*\)`)

// Graph returns the modules the entries (paths relative to site, in the
// order the page runs them) load, entries excluded: each entry's whole graph,
// nearest first, before the next entry's, so the modules the first entry
// needs are fetched first; as paths relative to site with "/" separators.
func Graph(site string, entries ...string) ([]string, error) {
	seen := map[string]bool{}
	for _, e := range entries {
		seen[e] = true
	}
	var out []string
	for _, entry := range entries {
		queue := []string{entry}
		for len(queue) > 0 {
			mod := queue[0]
			queue = queue[1:]
			src, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(mod)))
			if err != nil {
				return nil, fmt.Errorf("module %s: %w", mod, err)
			}
			for _, m := range importRE.FindAllSubmatch(stripComments(src), -1) {
				spec := string(bytes.Join(m[1:], nil))
				dep := path.Clean(path.Join(path.Dir(mod), spec))
				if strings.HasPrefix(dep, "../") {
					return nil, fmt.Errorf("module %s imports %s, outside the site", mod, spec)
				}
				if !seen[dep] {
					seen[dep] = true
					out = append(out, dep)
					queue = append(queue, dep)
				}
			}
		}
	}
	return out, nil
}

var moduleScriptRE = regexp.MustCompile(`<script type="module"[^>]*\ssrc="([^"]+)"`)

// Entries returns the page's module scripts, in document order.
func Entries(html []byte) []string {
	var out []string
	for _, m := range moduleScriptRE.FindAllSubmatch(html, -1) {
		out = append(out, string(m[1]))
	}
	return out
}

// stripComments blanks // and /* */ comments, so an import named in a
// comment is no module; strings holding "//" (URLs) are left alone.
func stripComments(src []byte) []byte {
	out := make([]byte, 0, len(src))
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '"' || c == '\'' || c == '`':
			j := i + 1
			for j < len(src) && src[j] != c {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			out = append(out, src[i:min(j+1, len(src))]...)
			i = j
		case c == '/' && i+1 < len(src) && src[i+1] == '/' && (i == 0 || src[i-1] != '\\'):
			for i < len(src) && src[i] != '\n' {
				i++
			}
			out = append(out, '\n')
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			end := bytes.Index(src[i+2:], []byte("*/"))
			if end < 0 {
				return out
			}
			i += end + 3
			out = append(out, ' ')
		default:
			out = append(out, c)
		}
	}
	return out
}

const (
	startMark = "<!-- modulepreload: written by go run ./scripts/modulegraph -->"
	endMark   = "<!-- /modulepreload -->"
)

// Links is the block of <link rel="modulepreload"> for modules, indented.
func Links(modules []string, indent string) string {
	var b strings.Builder
	b.WriteString(startMark + "\n")
	for _, m := range modules {
		fmt.Fprintf(&b, "%s<link rel=\"modulepreload\" href=\"%s\">\n", indent, m)
	}
	b.WriteString(indent + endMark)
	return b.String()
}

// Rewrite returns html with its modulepreload block (between the marks)
// replaced by one for modules.
func Rewrite(html []byte, modules []string) ([]byte, error) {
	s := string(html)
	start := strings.Index(s, startMark)
	end := strings.Index(s, endMark)
	if start < 0 || end < start {
		return nil, fmt.Errorf("no %q … %q block", startMark, endMark)
	}
	lineStart := strings.LastIndex(s[:start], "\n") + 1
	indent := s[lineStart:start]
	return []byte(s[:start] + Links(modules, indent) + s[end+len(endMark):]), nil
}
