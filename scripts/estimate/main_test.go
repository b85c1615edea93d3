package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const seedScenario = `{"catalog":"seed-2018","start":"2018-12","months":12,
 "resources":[{"id":"web","item":"server/4core-8gb","zone":"tk1a","usage":{"pattern":"always"}}]}`

func TestRun_File(t *testing.T) {
	file := filepath.Join(t.TempDir(), "scenario.json")
	if err := os.WriteFile(file, []byte(seedScenario), 0o600); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{file}, strings.NewReader(""), &stdout, &stderr); code != 0 {
		t.Fatalf("run(%s) = %d, want 0; stderr %s", file, code, &stderr)
	}
	var est struct {
		Years []struct{ Total string } `json:"years"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &est); err != nil {
		t.Fatalf("stdout is not an estimate: %v", err)
	}
	// Seed 002: 12 months at 9,504 yen is 114,048 yen.
	if len(est.Years) != 1 || est.Years[0].Total != "114048" {
		t.Errorf("years = %+v, want one year of 114048", est.Years)
	}
}

func TestRun_StdinInvalid(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run(nil, strings.NewReader(`{"start":"2018-12","months":0}`), &stdout, &stderr)
	if code != 2 {
		t.Fatalf("run(invalid scenario) = %d, want 2", code)
	}
	var list struct {
		Errors []struct{ Path, Message string } `json:"errors"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &list); err != nil || len(list.Errors) == 0 {
		t.Fatalf("stdout = %s, want an error list", &stdout)
	}
	if list.Errors[0].Path != "months" {
		t.Errorf("first error path = %q, want %q", list.Errors[0].Path, "months")
	}
}

func TestRun_MissingFile(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"/nonexistent/scenario.json"}, strings.NewReader(""), &stdout, &stderr); code != 1 {
		t.Errorf("run(missing file) = %d, want 1", code)
	}
	if !strings.Contains(stderr.String(), "nonexistent") {
		t.Errorf("stderr = %q, want the file named", &stderr)
	}
}
