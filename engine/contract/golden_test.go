package contract

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// goldenCase is one hand-worked case in testdata/golden: a scenario, the
// figures that matter (by path into the estimate JSON) and where they come
// from. There is deliberately no flag to rewrite "want" from the engine's
// output: the figures come from the seeds or from arithmetic shown in "worked".
type goldenCase struct {
	Source string                     `json:"source"`
	Worked []string                   `json:"worked"`
	Input  json.RawMessage            `json:"input"`
	Want   map[string]json.RawMessage `json:"want"`
}

func TestEstimateJSON_Golden(t *testing.T) {
	files, err := filepath.Glob("testdata/golden/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden cases found (%v)", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".json")
		t.Run(name, func(t *testing.T) {
			c := readGolden(t, file)
			out, ok := EstimateJSON(c.Input)
			if !ok {
				t.Fatalf("EstimateJSON failed: %s", out)
			}
			var got any
			if err := json.Unmarshal(out, &got); err != nil {
				t.Fatalf("estimate is not JSON: %v", err)
			}
			paths := make([]string, 0, len(c.Want))
			for p := range c.Want {
				paths = append(paths, p)
			}
			sort.Strings(paths)
			for _, p := range paths {
				var want any
				if err := json.Unmarshal(c.Want[p], &want); err != nil {
					t.Fatalf("want[%q] is not JSON: %v", p, err)
				}
				value, err := lookupPath(got, p)
				if err != nil {
					t.Errorf("%s: %v", p, err)
					continue
				}
				if !sameJSON(value, want) {
					t.Errorf("%s = %s, want %s", p, compactJSON(value), compactJSON(want))
				}
			}
		})
	}
}

func readGolden(t *testing.T, file string) goldenCase {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	var c goldenCase
	if err := dec.Decode(&c); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	if c.Source == "" || len(c.Want) == 0 || len(c.Input) == 0 {
		t.Fatalf("%s: a golden case needs source, input and want", file)
	}
	return c
}

// lookupPath follows "months[2].lines[0].fee" through decoded JSON. A path
// ending in ".length" gives the length of a list.
func lookupPath(v any, path string) (any, error) {
	for _, part := range strings.Split(path, ".") {
		name, rest, _ := strings.Cut(part, "[")
		if name == "length" && rest == "" {
			list, ok := v.([]any)
			if !ok {
				return nil, fmt.Errorf("length of a non-list")
			}
			v = float64(len(list))
			continue
		}
		if name != "" {
			obj, ok := v.(map[string]any)
			if !ok {
				return nil, fmt.Errorf("%q: not an object", name)
			}
			if v, ok = obj[name]; !ok {
				return nil, fmt.Errorf("%q: no such field", name)
			}
		}
		for rest != "" {
			idx, after, _ := strings.Cut(rest, "]")
			i, err := strconv.Atoi(idx)
			list, ok := v.([]any)
			if err != nil || !ok || i < 0 || i >= len(list) {
				return nil, fmt.Errorf("[%s]: no such element", idx)
			}
			v = list[i]
			rest = strings.TrimPrefix(after, "[")
		}
	}
	return v, nil
}

func sameJSON(a, b any) bool { return compactJSON(a) == compactJSON(b) }

func compactJSON(v any) string {
	out, _ := json.Marshal(v)
	return string(out)
}
