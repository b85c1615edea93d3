// Command prices turns SAKURA Cloud's official price list into a catalog the
// simulator can use (contract.md, "Catalog"), written to standard output.
//
//	go run ./scripts/prices [-base ID|FILE|none] [-as-of YYYY-MM-DD] [ZONE=]FILE…
//	go run ./scripts/prices -fetch [-base ID|FILE|none] [-zones is1a,tk1a] [-as-of YYYY-MM-DD] [-timeout 30s] [-save DIR]
//
// The import is laid over a base catalog zone by zone (-base: the default
// shipped catalog unless another id, a catalog file, or none is given): the
// imported zones take the official prices, the others keep the base's. A
// document dated in the 8 % tax era cannot be laid over a 10 % catalog; it
// becomes a catalog of its own, and the program says so.
//
// Each FILE is one saved response of the public price API for one zone
// (pricelist.OfficialPriceURL); ZONE= says which zone, for prices that do not name
// their own. With -fetch, the responses of every zone (or those of -zones) are
// downloaded instead, with the X-Requested-With header the API asks for, from
// …/public/price or else …/public/price.json; every zone that failed is
// named with each address tried (-save keeps a copy of each answer). Service classes that did not become items are
// listed on standard error; the conversion is pricelist.ImportOfficialPrices, the
// same the page runs on a document the user gives it. On any error the
// program prints it on standard error and exits with status 2.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	neturl "net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/sakura-sim/pricesim/engine"
	"github.com/sakura-sim/pricesim/engine/contract"
	"github.com/sakura-sim/pricesim/engine/pricelist"
)

// maxDocumentBytes bounds one zone's answer; the real ones are far smaller.
const maxDocumentBytes = 32 << 20

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("prices", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fetch := fs.Bool("fetch", false, "download every zone's price list instead of reading files")
	baseURL := fs.String("base-url", "https://secure.sakura.ad.jp/cloud/zone", "where the zones' APIs live (for tests)")
	timeout := fs.Duration("timeout", 30*time.Second, "how long to wait for each zone")
	save := fs.String("save", "", "with -fetch: also write each zone's response to DIR/ZONE.json")
	zoneList := fs.String("zones", strings.Join(pricelist.OfficialZones(), ","), "with -fetch: the zones to download, comma-separated")
	asOf := fs.String("as-of", "", "the date of documents without ResponsedAt, which also sets their tax rate (with -fetch, default today in Japan)")
	baseFlag := fs.String("base", "", "the catalog the import is laid over, zone by zone: a shipped catalog's id, a catalog file, or none (default: the default shipped catalog)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: prices [-base ID|FILE|none] [-as-of YYYY-MM-DD] [ZONE=]FILE…\n       prices -fetch [-base ID|FILE|none] [-zones is1a,tk1a] [-as-of YYYY-MM-DD] [-timeout 30s] [-save DIR]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	var docs []pricelist.OfficialDocument
	var names []string
	var err error
	switch {
	case *fetch && fs.NArg() > 0:
		err = errors.New("give either -fetch or files, not both")
	case *fetch:
		if *asOf == "" {
			*asOf = time.Now().In(time.FixedZone("JST", 9*60*60)).Format("2006-01-02")
		}
		var zones []string
		if zones, err = parseZones(*zoneList); err == nil {
			docs, names, err = fetchAll(*baseURL, zones, *timeout, *save)
		}
	case fs.NArg() == 0:
		fs.Usage()
		return 2
	default:
		docs, names, err = readFiles(fs.Args())
	}
	if err != nil {
		fmt.Fprintln(stderr, "prices:", err)
		return 2
	}

	base, err := readBase(*baseFlag)
	if err != nil {
		fmt.Fprintln(stderr, "prices: -base:", err)
		return 2
	}
	cat, report, err := pricelist.ImportOfficialPrices(docs, *asOf, base)
	for _, w := range report.Warnings {
		fmt.Fprintf(stderr, "prices: warning: %s: %s\n", name(w.Path, names), w.Message)
	}
	for _, u := range report.Unmatched {
		fmt.Fprintf(stderr, "prices: left out %s %q (%s) in %s: %s [%s]\n", orDash(u.ServiceClass), u.Name, name(u.Path, names), orNone(u.Zone), u.Reason, u.Code)
	}
	for _, p := range report.PassportsNotCarried {
		fmt.Fprintf(stderr, "prices: passport plan %s in %s is not carried over: %s [%s]\n", p.Item, p.Zone, p.Reason, p.Code)
	}
	if o := report.Overlay; o.Base != "" && !o.Overlaid && err == nil {
		fmt.Fprintf(stderr, "prices: not laid over %s: %s [%s]\n", o.Base, o.Reason, o.Code)
	}
	if err != nil {
		var verr *engine.ValidationError
		if errors.As(err, &verr) {
			for _, p := range verr.Problems {
				fmt.Fprintf(stderr, "prices: %s: %s\n", name(p.Path, names), p.Message)
			}
		} else {
			fmt.Fprintln(stderr, "prices:", err)
		}
		return 2
	}
	out, err := contract.CatalogJSON(cat)
	var indented bytes.Buffer
	if err == nil {
		err = json.Indent(&indented, out, "", "  ")
	}
	if err != nil {
		fmt.Fprintln(stderr, "prices:", err)
		return 2
	}
	indented.WriteByte('\n')
	if _, err := stdout.Write(indented.Bytes()); err != nil {
		fmt.Fprintln(stderr, "prices:", err)
		return 2
	}
	fmt.Fprintf(stderr, "prices: %s: %d items, %d service classes left out\n", cat.ID, len(cat.Items), len(report.Unmatched))
	return 0
}

// readBase reads -base: "" for the default shipped catalog, "none" for no
// base, a shipped catalog's id, or a catalog file.
func readBase(flag string) (*engine.Catalog, error) {
	switch flag {
	case "":
		c, _ := contract.DefaultCatalog()
		return c, nil
	case "none":
		return nil, nil
	}
	if c, ok := contract.ShippedCatalog(flag); ok {
		return c, nil
	}
	data, err := os.ReadFile(flag)
	if err != nil {
		return nil, fmt.Errorf("%q is neither a shipped catalog nor a file: %w", flag, err)
	}
	c, err := contract.ParseCatalog(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", flag, err)
	}
	return c, nil
}

// readFiles reads [ZONE=]FILE arguments.
func readFiles(args []string) ([]pricelist.OfficialDocument, []string, error) {
	var docs []pricelist.OfficialDocument
	var names []string
	for _, arg := range args {
		zone, file := "", arg
		if z, f, ok := strings.Cut(arg, "="); ok && isZone(z) {
			zone, file = z, f
		}
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, nil, err
		}
		docs = append(docs, pricelist.OfficialDocument{Zone: zone, Data: data})
		names = append(names, file)
	}
	return docs, names, nil
}

func isZone(s string) bool { return slices.Contains(pricelist.OfficialZones(), s) }

// parseZones reads -zones: known zones, each once.
func parseZones(list string) ([]string, error) {
	var zones []string
	for _, z := range strings.Split(list, ",") {
		z = strings.TrimSpace(z)
		if !isZone(z) {
			return nil, fmt.Errorf("-zones: %q is not a zone (zones: %s)", z, strings.Join(pricelist.OfficialZones(), ", "))
		}
		if !slices.Contains(zones, z) {
			zones = append(zones, z)
		}
	}
	return zones, nil
}

// fetchAll downloads each zone's price list. Every zone is tried, and each
// one that failed is named with what was tried, so one message says all that
// went wrong; any failure fails the run, since a catalog silently missing a
// zone would price scenarios wrongly.
func fetchAll(baseURL string, zones []string, timeout time.Duration, saveDir string) ([]pricelist.OfficialDocument, []string, error) {
	client := &http.Client{Timeout: timeout}
	var docs []pricelist.OfficialDocument
	var names []string
	var failed []error
	for _, zone := range zones {
		url, data, err := fetchZone(client, strings.TrimSuffix(baseURL, "/")+"/"+zone+"/api/cloud/1.1/public/price")
		if err != nil {
			failed = append(failed, fmt.Errorf("zone %s: %w", zone, err))
			continue
		}
		if saveDir != "" {
			if err := os.WriteFile(filepath.Join(saveDir, zone+".json"), data, 0o644); err != nil {
				return nil, nil, err
			}
		}
		docs = append(docs, pricelist.OfficialDocument{Zone: zone, Data: data})
		names = append(names, url)
	}
	if len(failed) > 0 {
		return nil, nil, fmt.Errorf("%d of %d zones could not be fetched, so no catalog was written:\n  %w",
			len(failed), len(zones), joinLines(failed))
	}
	return docs, names, nil
}

// fetchZone tries the price list's address, then the same with .json (which
// clients of the API also use), and returns the first that answers a JSON
// document; its error names every address tried and why each failed.
func fetchZone(client *http.Client, url string) (string, []byte, error) {
	var tried []string
	for _, u := range []string{url, url + ".json"} {
		data, err := fetch(client, u)
		if err == nil {
			return u, data, nil
		}
		tried = append(tried, err.Error())
	}
	return "", nil, errors.New(strings.Join(tried, "; "))
}

func fetch(client *http.Client, url string) ([]byte, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	// The API is reported to refuse requests without this header (price-api.md).
	req.Header.Set("X-Requested-With", "XMLHttpRequest")
	req.Header.Set("Accept", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", url, unwrapURLError(err))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxDocumentBytes+1))
	if err != nil {
		return nil, fmt.Errorf("GET %s: %w", url, err)
	}
	if len(data) > maxDocumentBytes {
		return nil, fmt.Errorf("GET %s: the answer is larger than %d MB", url, maxDocumentBytes>>20)
	}
	// An HTML error or login page answered with 200 is not a price list: try
	// the next address. A broken JSON document is kept, so the import says
	// where it breaks.
	if t := bytes.TrimSpace(data); len(t) == 0 || (t[0] != '{' && t[0] != '[') {
		return nil, fmt.Errorf("GET %s: the answer is not JSON (%s)", url, firstLine(data))
	}
	return data, nil
}

// unwrapURLError drops the "Get \"url\": " that net/http puts before a
// transport error, since the message already names the address.
func unwrapURLError(err error) error {
	var uerr *neturl.Error
	if errors.As(err, &uerr) {
		if uerr.Timeout() {
			return errors.New("no answer in time (see -timeout)")
		}
		return uerr.Err
	}
	return err
}

func firstLine(data []byte) string {
	line, _, _ := strings.Cut(strings.TrimSpace(string(data)), "\n")
	if len(line) > 60 {
		line = line[:60] + "…"
	}
	if line == "" {
		return "empty"
	}
	return fmt.Sprintf("%q", line)
}

func joinLines(errs []error) error {
	msgs := make([]string, len(errs))
	for i, e := range errs {
		msgs[i] = e.Error()
	}
	return errors.New(strings.Join(msgs, "\n  "))
}

// name replaces the engine's "documents[i]" with the file or URL it came from.
func name(path string, names []string) string {
	for i := range names {
		if rest, ok := strings.CutPrefix(path, fmt.Sprintf("documents[%d]", i)); ok {
			return strings.TrimSpace(names[i] + " " + strings.TrimPrefix(rest, "."))
		}
	}
	return path
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func orNone(zone string) string {
	if zone == "" {
		return "no zone"
	}
	return zone
}
