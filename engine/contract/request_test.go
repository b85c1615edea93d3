package contract

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/sakura-sim/pricesim/engine/pricelist"
)

type requestErrors struct {
	Errors []wireError `json:"errors"`
}

func handleError(t *testing.T, in string) []wireError {
	t.Helper()
	out, ok := HandleJSON([]byte(in))
	if ok {
		t.Fatalf("HandleJSON(%.80s) ok = true, want an error list; got %.200s", in, out)
	}
	var list requestErrors
	if err := json.Unmarshal(out, &list); err != nil || len(list.Errors) == 0 {
		t.Fatalf("HandleJSON(%.80s) = %s, want an error list", in, out)
	}
	for _, e := range list.Errors {
		checkCode(t, e)
	}
	return list.Errors
}

func handleOK(t *testing.T, in string, into any) {
	t.Helper()
	out, ok := HandleJSON([]byte(in))
	if !ok {
		t.Fatalf("HandleJSON(%.80s) ok = false: %s", in, out)
	}
	dec := json.NewDecoder(bytes.NewReader(out))
	dec.UseNumber()
	if err := dec.Decode(into); err != nil {
		t.Fatalf("HandleJSON(%.80s) = %.200s: %v", in, out, err)
	}
}

func fixtureText(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile("../pricelist/testdata/official/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestHandleJSON_Catalogs(t *testing.T) {
	var resp struct {
		Catalogs []json.RawMessage `json:"catalogs"`
		Default  string            `json:"default"`
	}
	handleOK(t, `{"request":"catalogs"}`, &resp)
	shipped, _ := ShippedCatalogs()
	if len(resp.Catalogs) != len(shipped) || resp.Default != "list-2026" {
		t.Fatalf("catalogs: %d catalogs, default %q; want %d and list-2026", len(resp.Catalogs), resp.Default, len(shipped))
	}
	for i, raw := range resp.Catalogs {
		c, err := ParseCatalog(raw)
		if err != nil {
			t.Errorf("catalogs[%d] does not parse as a catalog: %v", i, err)
			continue
		}
		if c.ID != shipped[i].ID || len(c.Items) != len(shipped[i].Items) {
			t.Errorf("catalogs[%d] = %s with %d items, want %s with %d", i, c.ID, len(c.Items), shipped[i].ID, len(shipped[i].Items))
		}
	}
	// Money stays a string on the way out (R1.4).
	if !bytes.Contains(resp.Catalogs[len(resp.Catalogs)-1], []byte(`"monthly":"2145"`)) {
		t.Errorf("list-2026 does not carry 1 core / 2 GB at \"2145\" as a string")
	}
	errs := handleError(t, `{"request":"catalogs","zone":"is1a"}`)
	if errs[0].Path != "zone" {
		t.Errorf("catalogs with an extra field: errors %+v, want path zone", errs)
	}
}

func TestHandleJSON_ImportPrices(t *testing.T) {
	docs := `"documents":[` + fixtureText(t, "sample-is1b.json") + `,` + fixtureText(t, "array-tk1a.json") + `]`
	in := `{"request":"importPrices","asOf":"2026-11-23","base":null,` + docs + `}`
	var resp struct {
		Catalog   json.RawMessage            `json:"catalog"`
		Unmatched []pricelist.UnmatchedClass `json:"unmatched"`
		Warnings  []wireError                `json:"warnings"`
	}
	handleOK(t, in, &resp)
	c, err := ParseCatalog(resp.Catalog)
	if err != nil {
		t.Fatalf("the imported catalog does not parse: %v", err)
	}
	// The array fixture's 1 core / 1 GB names no zone and the request gives
	// none for its document: it is unmatched, with autobackup (no price).
	if c.ID != "official-2026-11-23" || len(c.Items) != 9 {
		t.Errorf("imported %s with %d items, want official-2026-11-23 with 9", c.ID, len(c.Items))
	}
	if it, ok := c.Lookup("disk/ssd-100gb", "is1b"); !ok || it.Prices.Monthly.Value.String() != "3850" || it.ServiceClass != "cloud/disk/ssd/100" {
		t.Errorf("disk/ssd-100gb in is1b = %+v, want monthly 3850 from cloud/disk/ssd/100", it)
	}
	if !bytes.Contains(resp.Catalog, []byte(`"monthly":"231000"`)) {
		t.Errorf("the imported catalog does not write the GPU plan's 231000 as a string")
	}
	var classes []string
	for _, u := range resp.Unmatched {
		classes = append(classes, u.ServiceClass)
	}
	if got, want := strings.Join(classes, " "), "cloud/autobackup cloud/plan/1core-1gb"; got != want {
		t.Errorf("unmatched classes = %s, want %s", got, want)
	}
	if resp.Warnings == nil {
		t.Errorf("warnings is null, want []")
	}

	// The same documents as text, as the page reads them from files.
	sample, err := json.Marshal(fixtureText(t, "sample-is1b.json"))
	if err != nil {
		t.Fatal(err)
	}
	handleOK(t, `{"request":"importPrices","asOf":"2026-11-23","base":null,"documents":[`+string(sample)+`]}`, &resp)
	if c, err = ParseCatalog(resp.Catalog); err != nil || len(c.Items) != 3 {
		t.Errorf("the sample as text: %v, want 3 items", err)
	}

	// By default the import is laid over the default catalog: is1b's 50
	// items of list-2026 give way to the sample's 3; 208 others stay.
	handleOK(t, `{"request":"importPrices","asOf":"2026-11-23","documents":[`+string(sample)+`]}`, &resp)
	if c, err = ParseCatalog(resp.Catalog); err != nil || c.ID != "list-2026+official-2026-11-23" || len(c.Items) != 208+3 {
		t.Errorf("the sample over list-2026: %v, want list-2026+official-2026-11-23 with 211 items", err)
	}
	if len(c.ZoneSources) != 5 || !c.ZoneSources[1].Official || c.ZoneSources[1].Zone != "is1b" || c.ZoneSources[0].Official {
		t.Errorf("zones = %+v, want is1a … tk1b with is1b alone official", c.ZoneSources)
	}

	// Given the documents' zones, 1 core / 1 GB lands in tk1a.
	handleOK(t, `{"request":"importPrices","asOf":"2026-11-23","base":null,"zones":["is1b","tk1a"],`+docs+`}`, &resp)
	if c, err = ParseCatalog(resp.Catalog); err != nil || len(c.Items) != 10 || len(resp.Unmatched) != 1 {
		t.Fatalf("with zones: %v, %d unmatched; want 10 items and 1 unmatched", err, len(resp.Unmatched))
	}
	if _, ok := c.Lookup("server/1core-1gb", "tk1a"); !ok {
		t.Errorf("with zones: server/1core-1gb is not in tk1a")
	}
}

func TestHandleJSON_ImportPricesErrors(t *testing.T) {
	tests := []struct {
		name, in, path, text string
	}{
		{"malformed document", `{"request":"importPrices","asOf":"2026-11-23","documents":[` + fixtureText(t, "malformed-price.json") + `]}`,
			"documents[0].ServiceClasses[0].Price.Monthly", "price"},
		{"no asOf and no ResponsedAt", `{"request":"importPrices","documents":[{"ServiceClasses":[]}]}`, "asOf", "no ResponsedAt"},
		{"unknown base", `{"request":"importPrices","asOf":"2026-11-23","base":"list-1999","documents":[{"ServiceClasses":[]}]}`, "base", "unknown catalog"},
		{"no documents", `{"request":"importPrices","asOf":"2026-11-23"}`, "documents", "required"},
		{"empty documents", `{"request":"importPrices","asOf":"2026-11-23","documents":[]}`, "documents", "at least one"},
		{"documents not a list", `{"request":"importPrices","asOf":"2026-11-23","documents":{}}`, "documents", "list"},
		{"a document that is a number", `{"request":"importPrices","asOf":"2026-11-23","documents":[4]}`, "documents[0]", "price document"},
		{"a document as text, not JSON", `{"request":"importPrices","asOf":"2026-11-23","documents":["{\"Total\":"]}`, "documents[0]", "not valid JSON"},
		{"a document as text, not prices", `{"request":"importPrices","asOf":"2026-11-23","documents":["{}"]}`, "documents[0].ServiceClasses", "required"},
		{"unknown field", `{"request":"importPrices","asOf":"2026-11-23","documents":[],"zone":"is1a"}`, "zone", "not a known field"},
		{"zones not one per document", `{"request":"importPrices","asOf":"2026-11-23","documents":[{}],"zones":["is1a","is1b"]}`, "zones", "one zone per document"},
		{"zone not text", `{"request":"importPrices","asOf":"2026-11-23","documents":[{}],"zones":[1]}`, "zones[0]", "zone"},
		{"unmatchedLimit below 0", `{"request":"importPrices","asOf":"2026-11-23","documents":[{"ServiceClasses":[]}],"unmatchedLimit":-1}`, "unmatchedLimit", "whole number from 0 to 100,000"},
		{"unmatchedLimit in quotes", `{"request":"importPrices","asOf":"2026-11-23","documents":[{"ServiceClasses":[]}],"unmatchedLimit":"200"}`, "unmatchedLimit", "quotes"},
		{"unmatchedLimit not whole", `{"request":"importPrices","asOf":"2026-11-23","documents":[{"ServiceClasses":[]}],"unmatchedLimit":2.5}`, "unmatchedLimit", "whole number from 0 to 100,000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs := handleError(t, tt.in)
			if errs[0].Path != tt.path || !strings.Contains(errs[0].Message, tt.text) {
				t.Errorf("errors = %+v, want the first at %s containing %q", errs, tt.path, tt.text)
			}
		})
	}
}

func TestHandleJSON_MatchItems(t *testing.T) {
	var resp pricelist.ItemMatching
	handleOK(t, `{"request":"matchItems","from":"seed-2018","to":"list-2026"}`, &resp)
	if len(resp.Matches) != 1 || resp.Matches[0] != (pricelist.ItemMatch{Item: "server/4core-8gb", Zone: "tk1a", To: "server/4core-8gb", By: "id"}) {
		t.Errorf("matchItems seed-2018 → list-2026 = %+v, want server/4core-8gb by id", resp)
	}

	to := `{"id":"mine","taxRate":"0.10","items":[{"id":"server/my-4-8","kind":"server","zone":"tk1a","monthly":"9000","cores":4,"memoryGB":8}]}`
	handleOK(t, `{"request":"matchItems","from":"list-2026","to":`+to+`,"items":[{"item":"server/4core-8gb","zone":"tk1a"},{"item":"disk/hdd-2048gb","zone":"tk1a"}]}`, &resp)
	if len(resp.Matches) != 1 || resp.Matches[0].To != "server/my-4-8" || resp.Matches[0].By != "cores and memory" {
		t.Errorf("matches = %+v, want server/4core-8gb → server/my-4-8 by cores and memory", resp.Matches)
	}
	if len(resp.Unmatched) != 1 || resp.Unmatched[0].Item != "disk/hdd-2048gb" || resp.Unmatched[0].Reason == "" {
		t.Errorf("unmatched = %+v, want disk/hdd-2048gb with a reason", resp.Unmatched)
	}

	// Asked about nothing: nothing to answer, not every item.
	handleOK(t, `{"request":"matchItems","from":"list-2026","to":"seed-2018","items":[]}`, &resp)
	if len(resp.Matches) != 0 || len(resp.Unmatched) != 0 {
		t.Errorf("matchItems with items [] = %+v, want both lists empty", resp)
	}

	tests := []struct {
		name, in, path, text string
	}{
		{"unknown catalog", `{"request":"matchItems","from":"list-1999","to":"list-2026"}`, "from", "unknown catalog"},
		{"no to", `{"request":"matchItems","from":"list-2026"}`, "to", "required"},
		{"bad catalog object", `{"request":"matchItems","from":"list-2026","to":{"id":"x","taxRate":"0.10","items":[{"id":"a","kind":"boat","zone":"is1a","monthly":"1"}]}}`,
			"to.items[0].kind", "must be one of server"},
		{"item without zone", `{"request":"matchItems","from":"list-2026","to":"seed-2018","items":[{"item":"server/4core-8gb"}]}`, "items[0].zone", "required"},
		{"to a number", `{"request":"matchItems","from":"list-2026","to":3}`, "to", "catalog"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs := handleError(t, tt.in)
			if errs[0].Path != tt.path || !strings.Contains(errs[0].Message, tt.text) {
				t.Errorf("errors = %+v, want the first at %s containing %q", errs, tt.path, tt.text)
			}
		})
	}
}

func TestHandleJSON_UnknownRequest(t *testing.T) {
	for _, in := range []string{`{"request":"pricePlans"}`, `{"request":3}`, `{"request":null}`} {
		errs := handleError(t, in)
		if len(errs) != 1 || errs[0].Path != "request" || !strings.Contains(errs[0].Message, "catalogs, importPrices, matchItems") {
			t.Errorf("HandleJSON(%s) errors = %+v, want one at path request naming the known requests", in, errs)
		}
	}
	errs := handleError(t, `{"request":"pricePlans"}`)
	if !strings.Contains(errs[0].Message, `"pricePlans"`) {
		t.Errorf("unknown request message %q does not name the request", errs[0].Message)
	}
}

// Anything that is not a request is the estimator's business, byte for byte.
func TestHandleJSON_ScenariosGoToEstimateJSON(t *testing.T) {
	for _, in := range []string{
		`{"catalog":"list-2026","start":"2026-05","months":1,"resources":[]}`,
		`{"catalog":"list-2026","resources":[{"id":"request","item":"server/1core-1gb","zone":"is1a"}]}`,
		`{"request":`,
		`["request"]`,
		``,
	} {
		got, gotOK := HandleJSON([]byte(in))
		want, wantOK := EstimateJSON([]byte(in))
		if !bytes.Equal(got, want) || gotOK != wantOK {
			t.Errorf("HandleJSON(%s) = %s, %v; want EstimateJSON's %s, %v", in, got, gotOK, want, wantOK)
		}
	}
}

// A page that shows only the first unmatched classes asks for them and their
// number. Three classes no catalog item matches (web accelerator plans, a
// service the simulator does not price) beside one 1-core plan: limited to 2,
// the answer lists the first 2 and says 3; unlimited, all 3 and no total.
func TestHandleJSON_ImportPricesUnmatchedLimit(t *testing.T) {
	class := func(id int, name string) string {
		return fmt.Sprintf(`{"DisplayName":%q,"IsPublic":true,"ServiceCharge":"cloud/uptime","ServiceClassID":%d,"ServiceClassName":%q,"ServiceClassPath":"cloud/%s","Price":{"Hourly":10,"Daily":100,"Monthly":2000,"Zone":"is1a"}}`, name, id, name, name)
	}
	doc := `{"ResponsedAt":"2026-06-13T00:06:55+09:00","ServiceClasses":[` +
		`{"DisplayName":"1コア/1GB","IsPublic":true,"ServiceCharge":"cloud/uptime","ServiceClassID":50001,"ServiceClassName":"plan/1core-1gb","ServiceClassPath":"cloud/plan/1core-1gb","Price":{"Hourly":66,"Daily":660,"Monthly":13200,"Zone":"is1a"}},` +
		class(90001, "webaccel/plan-1") + `,` + class(90002, "webaccel/plan-2") + `,` + class(90003, "webaccel/plan-3") + `]}`
	type answer struct {
		Unmatched      []struct{ ServiceClass string } `json:"unmatched"`
		UnmatchedTotal *int                            `json:"unmatchedTotal"`
	}
	var limited, whole answer
	handleOK(t, `{"request":"importPrices","base":null,"unmatchedLimit":2,"documents":[`+doc+`]}`, &limited)
	if len(limited.Unmatched) != 2 || limited.UnmatchedTotal == nil || *limited.UnmatchedTotal != 3 {
		t.Errorf("limited to 2: %d listed, total %v; want 2 listed of 3", len(limited.Unmatched), limited.UnmatchedTotal)
	}
	handleOK(t, `{"request":"importPrices","base":null,"documents":[`+doc+`]}`, &whole)
	if len(whole.Unmatched) != 3 || whole.UnmatchedTotal != nil {
		t.Errorf("unlimited: %d listed, total %v; want all 3 and no total", len(whole.Unmatched), whole.UnmatchedTotal)
	}
	for i, u := range limited.Unmatched {
		if u.ServiceClass != whole.Unmatched[i].ServiceClass {
			t.Errorf("limited entry %d is %s, want the unlimited list's %s (its first entries, in order)", i, u.ServiceClass, whole.Unmatched[i].ServiceClass)
		}
	}
}
