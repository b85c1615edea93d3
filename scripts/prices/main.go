// Command prices turns SAKURA Cloud's official price list into a catalog the
// simulator can use (contract.md, "Catalog"), written to standard output.
//
//	go run ./scripts/prices [-as-of YYYY-MM-DD] [ZONE=]FILE…
//	go run ./scripts/prices -fetch [-as-of YYYY-MM-DD] [-timeout 30s] [-save DIR]
//
// Each FILE is one saved response of the public price API for one zone
// (pricelist.OfficialPriceURL); ZONE= says which zone, for prices that do not name
// their own. With -fetch, the responses of every zone are downloaded instead
// (-save keeps a copy of each). Service classes that did not become items are
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
	"os"
	"path/filepath"
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
	jst := time.FixedZone("JST", 9*60*60)
	asOf := fs.String("as-of", time.Now().In(jst).Format("2006-01-02"), "the catalog's date (default today in Japan)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: prices [-as-of YYYY-MM-DD] [ZONE=]FILE…\n       prices -fetch [-as-of YYYY-MM-DD] [-timeout 30s] [-save DIR]")
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
		docs, names, err = fetchAll(*baseURL, *timeout, *save)
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

	reference, _ := contract.DefaultCatalog()
	cat, report, err := pricelist.ImportOfficialPrices(docs, *asOf, reference)
	for _, w := range report.Warnings {
		fmt.Fprintf(stderr, "prices: warning: %s: %s\n", name(w.Path, names), w.Message)
	}
	for _, u := range report.Unmatched {
		fmt.Fprintf(stderr, "prices: left out %s %q (%s) in %s: %s\n", orDash(u.ServiceClass), u.Name, name(u.Path, names), orNone(u.Zone), u.Reason)
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

func isZone(s string) bool {
	for _, z := range pricelist.OfficialZones() {
		if s == z {
			return true
		}
	}
	return false
}

// fetchAll downloads each zone's price list; one failed zone fails the whole
// run, since a catalog silently missing a zone would price scenarios wrongly.
func fetchAll(baseURL string, timeout time.Duration, saveDir string) ([]pricelist.OfficialDocument, []string, error) {
	client := &http.Client{Timeout: timeout}
	var docs []pricelist.OfficialDocument
	var names []string
	for _, zone := range pricelist.OfficialZones() {
		url := strings.TrimSuffix(baseURL, "/") + "/" + zone + "/api/cloud/1.1/public/price"
		data, err := fetch(client, url)
		if err != nil {
			return nil, nil, fmt.Errorf("zone %s: %w", zone, err)
		}
		if saveDir != "" {
			if err := os.WriteFile(filepath.Join(saveDir, zone+".json"), data, 0o644); err != nil {
				return nil, nil, err
			}
		}
		docs = append(docs, pricelist.OfficialDocument{Zone: zone, Data: data})
		names = append(names, url)
	}
	return docs, names, nil
}

func fetch(client *http.Client, url string) ([]byte, error) {
	resp, err := client.Get(url)
	if err != nil {
		return nil, err
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
	return data, nil
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
