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
	code, stdout, stderr := runPrices(t, "-base", "none", "-as-of", "2026-11-23", fixtures+"sample-is1b.json", "tk1a="+fixtures+"array-tk1a.json")
	if code != 0 {
		t.Fatalf("exit %d, want 0; stderr:\n%s", code, stderr)
	}
	c := parseOutput(t, stdout)
	// 3 classes of the sample, 7 of the array fixture (its zoneless price is tk1a's).
	if c.ID != "official-2026-11-23" || len(c.Items) != 10 {
		t.Errorf("catalog %s with %d items, want official-2026-11-23 with 10", c.ID, len(c.Items))
	}
	if it, ok := c.Lookup("server/1core-1gb", "tk1a"); !ok || it.Prices.Monthly.Value.String() != "1540" {
		t.Errorf("server/1core-1gb in tk1a = %+v, want monthly 1540", it)
	}
	for _, want := range []string{"cloud/autobackup", "sample-is1b.json ServiceClasses[3]", "[classBackupNoPrice]"} {
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

// zoneServer answers /{zone}/api/cloud/1.1/public/price like the real API:
// without X-Requested-With: XMLHttpRequest it refuses (403). An answer of
// "json-only" serves the document only at …/price.json (the other address
// gives an HTML page with status 200, as a proxy might); "html" serves HTML
// at both.
func zoneServer(t *testing.T, answers map[string]string) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	for zone, body := range answers {
		serve := func(w http.ResponseWriter, r *http.Request, body string) {
			if r.Header.Get("X-Requested-With") != "XMLHttpRequest" {
				http.Error(w, "forbidden", http.StatusForbidden)
				return
			}
			switch body {
			case "500":
				http.Error(w, "down for maintenance", http.StatusInternalServerError)
			case "slow":
				select {
				case <-r.Context().Done():
				case <-time.After(5 * time.Second):
				}
			case "html":
				w.Write([]byte("<!DOCTYPE html><html><title>Login</title></html>"))
			default:
				w.Header().Set("Content-Type", "application/json")
				w.Write([]byte(body))
			}
		}
		path := "/" + zone + "/api/cloud/1.1/public/price"
		if doc, jsonOnly := strings.CutPrefix(body, "json-only:"); jsonOnly {
			mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) { serve(w, r, "html") })
			mux.HandleFunc(path+".json", func(w http.ResponseWriter, r *http.Request) { serve(w, r, doc) })
			continue
		}
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) { serve(w, r, body) })
		if body == "html" {
			mux.HandleFunc(path+".json", func(w http.ResponseWriter, r *http.Request) { serve(w, r, body) })
		}
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
	// is1c's once the zone is known), tk1a 7, tk1b 1: every zone of the base
	// is imported, so none of its items is left.
	if len(c.Items) != 16 {
		t.Errorf("%d items, want 16", len(c.Items))
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

// The header is sent (the test server refuses requests without it), and a
// zone whose first address answers HTML is read from …/price.json.
func TestRun_FetchHeaderAndJSONAddress(t *testing.T) {
	answers := allZones(t)
	answers["is1b"] = "json-only:" + answers["is1b"]
	srv := zoneServer(t, answers)
	code, stdout, stderr := runPrices(t, "-fetch", "-base-url", srv.URL, "-as-of", "2026-11-23")
	if code != 0 {
		t.Fatalf("exit %d, want 0; stderr:\n%s", code, stderr)
	}
	c := parseOutput(t, stdout)
	if len(c.Items) != 16 {
		t.Errorf("%d items, want 16 (is1b's 3 from its .json address)", len(c.Items))
	}
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/is1a/api/cloud/1.1/public/price", nil)
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusForbidden {
		t.Fatalf("the test server answers a request without the header with %v, %v; want 403", resp, err)
	}
}

// Every zone that failed is named, with each address tried and why.
func TestRun_FetchNamesEveryFailedZone(t *testing.T) {
	answers := allZones(t)
	answers["is1c"] = "500"
	answers["tk1b"] = "html"
	srv := zoneServer(t, answers)
	code, stdout, stderr := runPrices(t, "-fetch", "-base-url", srv.URL)
	if code != 2 || stdout != "" {
		t.Errorf("exit %d with %d bytes of output, want 2 and none", code, len(stdout))
	}
	for _, want := range []string{
		"2 of 5 zones could not be fetched",
		"zone is1c: GET " + srv.URL + "/is1c/api/cloud/1.1/public/price: 500 Internal Server Error; GET " + srv.URL + "/is1c/api/cloud/1.1/public/price.json: 404 Not Found",
		"zone tk1b: GET " + srv.URL + "/tk1b/api/cloud/1.1/public/price: the answer is not JSON (\"<!DOCTYPE html>",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not say %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "zone is1a") || strings.Contains(stderr, "zone tk1a") {
		t.Errorf("stderr names a zone that was fetched:\n%s", stderr)
	}
}

// -zones fetches only the zones named.
func TestRun_FetchZones(t *testing.T) {
	srv := zoneServer(t, map[string]string{"is1b": recorded(t, "sample-is1b.json")})
	code, stdout, stderr := runPrices(t, "-fetch", "-zones", "is1b", "-base-url", srv.URL, "-as-of", "2026-11-23")
	if code != 0 {
		t.Fatalf("exit %d, want 0; stderr:\n%s", code, stderr)
	}
	c := parseOutput(t, stdout)
	if _, ok := c.Lookup("disk/ssd-100gb", "is1b"); !ok {
		t.Errorf("disk/ssd-100gb in is1b is missing")
	}
	if code, _, stderr := runPrices(t, "-fetch", "-zones", "is1b,tk9z", "-base-url", srv.URL); code != 2 || !strings.Contains(stderr, `"tk9z" is not a zone`) {
		t.Errorf("-zones with an unknown zone: exit %d, stderr %s; want 2 naming tk9z", code, stderr)
	}
}

// The import is laid over the base zone by zone: is1b's documented prices
// replace list-2026's is1b, and tk1a keeps list-2026's 4 cores / 8 GB
// (8,400 before tax: 9,240); -base names another catalog or none.
func TestRun_Base(t *testing.T) {
	code, stdout, stderr := runPrices(t, "-as-of", "2026-11-23", fixtures+"sample-is1b.json")
	if code != 0 {
		t.Fatalf("exit %d, want 0; stderr:\n%s", code, stderr)
	}
	c := parseOutput(t, stdout)
	if c.ID != "list-2026+official-2026-11-23" {
		t.Errorf("catalog id %s, want list-2026+official-2026-11-23", c.ID)
	}
	if it, ok := c.Lookup("server/4core-8gb", "tk1a"); !ok || it.Prices.Monthly.Value.String() != "9240" {
		t.Errorf("server/4core-8gb in tk1a = %+v, want list-2026's monthly 9240", it)
	}
	if it, ok := c.Lookup("disk/ssd-100gb", "is1b"); !ok || it.Prices.Hourly.Value.String() != "19" {
		t.Errorf("disk/ssd-100gb in is1b = %+v, want the document's hourly 19 (list-2026: 18)", it)
	}
	// list-2026's passport plans in is1b have no counterpart in the sample.
	if !strings.Contains(stderr, "passport plan server/4core-8gb in is1b is not carried over") {
		t.Errorf("stderr does not report the passport plans lost in is1b:\n%s", stderr)
	}

	code, stdout, stderr = runPrices(t, "-base", "seed-2018", "-as-of", "2018-11-14", "tk1a="+fixtures+"array-tk1a.json")
	if code != 0 {
		t.Fatalf("-base seed-2018: exit %d, want 0; stderr:\n%s", code, stderr)
	}
	if c := parseOutput(t, stdout); c.ID != "seed-2018+official-2018-11-14" || c.TaxRate.String() != "0.08" {
		t.Errorf("-base seed-2018 at 8 %%: catalog %s tax %s, want seed-2018+official-2018-11-14 at 0.08", c.ID, c.TaxRate)
	}

	if code, _, stderr := runPrices(t, "-base", "list-1999", fixtures+"sample-is1b.json"); code != 2 || !strings.Contains(stderr, "-base") {
		t.Errorf("-base list-1999: exit %d, stderr %s; want 2 naming -base", code, stderr)
	}
}

// A document of the 8 % era (-as-of 2018-11-14, the document has no
// ResponsedAt) cannot be laid over list-2026 (10 %): it is a catalog alone at
// 0.08, and the program says why.
func TestRun_EightPercentEra(t *testing.T) {
	code, stdout, stderr := runPrices(t, "-as-of", "2018-11-14", "tk1a="+fixtures+"array-tk1a.json")
	if code != 0 {
		t.Fatalf("exit %d, want 0; stderr:\n%s", code, stderr)
	}
	c := parseOutput(t, stdout)
	if c.ID != "official-2018-11-14" || c.TaxRate.String() != "0.08" || len(c.Items) != 7 {
		t.Errorf("catalog %s at %s with %d items, want official-2018-11-14 at 0.08 with 7", c.ID, c.TaxRate, len(c.Items))
	}
	if !strings.Contains(stderr, "not laid over list-2026") || !strings.Contains(stderr, "[taxRateDiffers]") {
		t.Errorf("stderr does not say why the import stands alone:\n%s", stderr)
	}
}

// A file holding only is1b's H100 (…_80gbvram, no -g2) imports: the path
// grammar reads the model from the path and the generation is not a model.
func TestRun_OnlyIs1bH100(t *testing.T) {
	file := filepath.Join(t.TempDir(), "is1b.json")
	doc := `{"Count":1,"ResponsedAt":"2026-06-13T00:00:00+09:00","ServiceClasses":{"0":{"DisplayName":"高火力 VRT/24Core-240GB-H100x1","IsPublic":true,` +
		`"Price":{"Daily":23100,"Hourly":990,"Monthly":385000,"Zone":"is1b"},"ServiceCharge":"cloud/uptime","ServiceClassID":51078,` +
		`"ServiceClassName":"plan/24core-240gb-1gpu-nvidia_h100_80gbvram","ServiceClassPath":"cloud\/plan\/24core-240gb-1gpu-nvidia_h100_80gbvram"}}}`
	if err := os.WriteFile(file, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runPrices(t, "-base", "none", file)
	if code != 0 {
		t.Fatalf("exit %d, want 0; stderr:\n%s", code, stderr)
	}
	c := parseOutput(t, stdout)
	if it, ok := c.Lookup("server/gpu-24core-240gb-h100", "is1b"); !ok || len(c.Items) != 1 || it.Prices.Hourly.Value.String() != "990" {
		t.Errorf("catalog %s with %d items, want the H100 in is1b at 990 an hour alone", c.ID, len(c.Items))
	}
}
