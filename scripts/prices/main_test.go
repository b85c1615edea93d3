package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sakura-sim/pricesim/engine"
	"github.com/sakura-sim/pricesim/engine/contract"
)

const fixtures = "../../engine/pricelist/testdata/official/"

func runPrices(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func parseOutput(t *testing.T, stdout string) *engine.Catalog {
	t.Helper()
	c, err := contract.ParseCatalog([]byte(stdout))
	if err != nil {
		t.Fatalf("standard output is not a catalog: %v\n%.300s", err, stdout)
	}
	return c
}

func TestRun_Files(t *testing.T) {
	code, stdout, stderr := runPrices(t, "-as-of", "2026-11-23", fixtures+"sample-is1b.json", "tk1a="+fixtures+"array-tk1a.json")
	if code != 0 {
		t.Fatalf("exit %d, want 0; stderr:\n%s", code, stderr)
	}
	c := parseOutput(t, stdout)
	// 3 classes of the sample, 6 of the array fixture (its zoneless price is tk1a's).
	if c.ID != "official-2026-11-23" || len(c.Items) != 9 {
		t.Errorf("catalog %s with %d items, want official-2026-11-23 with 9", c.ID, len(c.Items))
	}
	if it, ok := c.Lookup("server/1core-1gb", "tk1a"); !ok || it.Prices.Monthly.Value.String() != "1540" {
		t.Errorf("server/1core-1gb in tk1a = %+v, want monthly 1540", it)
	}
	for _, want := range []string{"cloud/autobackup", "sample-is1b.json ServiceClasses[3]", "cloud/appliance/loadbalancer/standard"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not mention %q:\n%s", want, stderr)
		}
	}
}

func TestRun_FileErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"truncated JSON", []string{fixtures + "sample-is1b.json", fixtures + "malformed.json"}, []string{"malformed.json", "not valid JSON"}},
		{"bad price", []string{fixtures + "malformed-price.json"}, []string{"malformed-price.json ServiceClasses[0].Price.Monthly", "ServiceClasses[1]"}},
		{"missing file", []string{fixtures + "nope.json"}, []string{"nope.json"}},
		{"no files", nil, []string{"usage"}},
		{"bad date", []string{"-as-of", "tomorrow", fixtures + "sample-is1b.json"}, []string{"asOf"}},
		{"files and -fetch", []string{"-fetch", fixtures + "sample-is1b.json"}, []string{"not both"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runPrices(t, tt.args...)
			if code != 2 || stdout != "" {
				t.Errorf("exit %d with %d bytes of output, want 2 and none", code, len(stdout))
			}
			for _, w := range tt.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr does not mention %q:\n%s", w, stderr)
				}
			}
		})
	}
}

// zoneServer answers /{zone}/api/cloud/1.1/public/price with recorded documents.
func zoneServer(t *testing.T, answers map[string]string) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	for zone, body := range answers {
		mux.HandleFunc("/"+zone+"/api/cloud/1.1/public/price", func(w http.ResponseWriter, r *http.Request) {
			switch body {
			case "500":
				http.Error(w, "down for maintenance", http.StatusInternalServerError)
			case "slow":
				select {
				case <-r.Context().Done():
				case <-time.After(5 * time.Second):
				}
			default:
				w.Header().Set("Content-Type", "application/json")
				w.Write([]byte(body))
			}
		})
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func recorded(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(fixtures + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// A zone's document whose one price names no zone: the zone it was fetched for is used.
const zonelessOneCore = `{"Total":1,"From":0,"Count":1,"ServiceClasses":[{"ServiceClassPath":"cloud/plan/1core-1gb","DisplayName":"1コア/1GB","Price":{"Hourly":7,"Daily":77,"Monthly":1540}}]}`

func allZones(t *testing.T) map[string]string {
	return map[string]string{
		"is1a": zonelessOneCore,
		"is1b": recorded(t, "sample-is1b.json"),
		"is1c": recorded(t, "odd-is1c.json"),
		"tk1a": recorded(t, "array-tk1a.json"),
		"tk1b": zonelessOneCore,
	}
}

func TestRun_Fetch(t *testing.T) {
	srv := zoneServer(t, allZones(t))
	dir := t.TempDir()
	code, stdout, stderr := runPrices(t, "-fetch", "-base-url", srv.URL, "-as-of", "2026-11-23", "-save", dir)
	if code != 0 {
		t.Fatalf("exit %d, want 0; stderr:\n%s", code, stderr)
	}
	c := parseOutput(t, stdout)
	// is1a 1, is1b 3, is1c 4 (the odd document's zoneless 4 core / 8 GB is
	// is1c's once the zone is known), tk1a 6, tk1b 1.
	if len(c.Items) != 15 {
		t.Errorf("%d items, want 15", len(c.Items))
	}
	for _, zone := range []string{"is1a", "tk1a", "tk1b"} {
		if _, ok := c.Lookup("server/1core-1gb", zone); !ok {
			t.Errorf("server/1core-1gb is missing from %s", zone)
		}
	}
	if _, ok := c.Lookup("server/4core-8gb", "is1c"); !ok {
		t.Errorf("server/4core-8gb is missing from is1c")
	}
	if !strings.Contains(stderr, srv.URL+"/is1c/api/cloud/1.1/public/price: holds 7 of 9") {
		t.Errorf("stderr does not warn that is1c's document is partial:\n%s", stderr)
	}
	saved, err := os.ReadFile(filepath.Join(dir, "is1b.json"))
	if err != nil || string(saved) != recorded(t, "sample-is1b.json") {
		t.Errorf("-save did not keep is1b's answer as served: %v", err)
	}
}

func TestRun_FetchErrors(t *testing.T) {
	tests := []struct {
		name    string
		zone    string
		answer  string
		timeout string
		want    []string
	}{
		{"malformed document", "tk1a", recorded(t, "malformed.json"), "5s", []string{"/tk1a/api/cloud/1.1/public/price", "not valid JSON"}},
		{"server error", "is1c", "500", "5s", []string{"zone is1c", "500"}},
		{"timeout", "is1b", "slow", "100ms", []string{"zone is1b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			answers := allZones(t)
			answers[tt.zone] = tt.answer
			srv := zoneServer(t, answers)
			code, stdout, stderr := runPrices(t, "-fetch", "-base-url", srv.URL, "-timeout", tt.timeout)
			if code != 2 || stdout != "" {
				t.Errorf("exit %d with %d bytes of output, want 2 and none", code, len(stdout))
			}
			for _, w := range tt.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr does not mention %q:\n%s", w, stderr)
				}
			}
		})
	}
	// A zone the server does not know answers 404.
	srv := zoneServer(t, map[string]string{"is1a": zonelessOneCore})
	if code, _, stderr := runPrices(t, "-fetch", "-base-url", srv.URL); code != 2 || !strings.Contains(stderr, "zone is1b") {
		t.Errorf("fetch with is1b missing: exit %d, stderr %s; want 2 naming is1b", code, stderr)
	}
}
