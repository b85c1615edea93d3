package contract

import (
	"encoding/json"
	"strings"
	"testing"
)

// An import of is1b alone, laid over list-2026, then estimated: is1b's rows
// take the document's prices, a tk1a row keeps list-2026's, and an item only
// the import has (a monthly-only licence) is billed as R4.7 says.
//
// Worked by hand, December 2026 (744 hours), every row running or existing
// all month:
//
//	tk1a server/4core-8gb, list-2026: 8,400 before tax → 9,240 a month;
//	  HD = 31 days × 462 = 14,322 > 9,240: fee 9,240, monthly.
//	is1b server/1core-1gb, the document: 7 / 77 / 1,540; 31 × 77 = 2,387 > 1,540: 1,540.
//	is1b licence/windows-rds-sal, the document: monthly 1,045 only, one creation: 1,045.
//	Total 9,240 + 1,540 + 1,045 = 11,825; tax floor(11,825 × 0.10 / 1.10) = floor(1,075) = 1,075.
func TestImportOverlay_ImportedZoneOnly(t *testing.T) {
	doc, err := json.Marshal(fixtureText(t, "golden/is1b-array-escaped/is1b.json"))
	if err != nil {
		t.Fatal(err)
	}
	var imported struct {
		Catalog json.RawMessage `json:"catalog"`
	}
	handleOK(t, `{"request":"importPrices","base":"list-2026","zones":["is1b"],"documents":[`+string(doc)+`]}`, &imported)
	scenario := `{"catalog":` + string(imported.Catalog) + `,"start":"2026-12","months":1,"resources":[
		{"id":"tokyo","item":"server/4core-8gb","zone":"tk1a","usage":{"pattern":"always"}},
		{"id":"ishikari","item":"server/1core-1gb","zone":"is1b","usage":{"pattern":"always"}},
		{"id":"rds","item":"licence/windows-rds-sal","zone":"is1b","usage":{"pattern":"always"}}]}`
	var est struct {
		Catalog struct {
			ID string `json:"id"`
		} `json:"catalog"`
		Months []struct {
			Lines []struct {
				Resource, Fee, Basis string
			} `json:"lines"`
			Total, Tax string
		} `json:"months"`
	}
	handleOK(t, scenario, &est)
	if est.Catalog.ID != "list-2026+official-2026-06-20" {
		t.Errorf("estimate's catalog = %s, want list-2026+official-2026-06-20", est.Catalog.ID)
	}
	want := map[string]string{"tokyo": "9240 monthly", "ishikari": "1540 monthly", "rds": "1045 monthly-only"}
	for _, l := range est.Months[0].Lines {
		if got := l.Fee + " " + l.Basis; got != want[l.Resource] {
			t.Errorf("%s: fee %s, want %s", l.Resource, got, want[l.Resource])
		}
		delete(want, l.Resource)
	}
	if len(want) != 0 {
		t.Errorf("no line for %v", want)
	}
	if m := est.Months[0]; m.Total != "11825" || m.Tax != "1075" {
		t.Errorf("December total %s, tax %s; want 11825 and 1075", m.Total, m.Tax)
	}
}

// An 8 %-era document over list-2026 (10 %) stands alone, and the answer says
// why with a code the page translates.
func TestImportOverlay_TaxRateDiffers(t *testing.T) {
	doc, err := json.Marshal(fixtureText(t, "golden/eight-percent-2018/tk1a.json"))
	if err != nil {
		t.Fatal(err)
	}
	var resp struct {
		Catalog struct {
			ID      string `json:"id"`
			TaxRate string `json:"taxRate"`
		} `json:"catalog"`
		Overlay struct {
			Base     string `json:"base"`
			Overlaid bool   `json:"overlaid"`
			Code     string `json:"code"`
			Reason   string `json:"reason"`
		} `json:"overlay"`
	}
	handleOK(t, `{"request":"importPrices","documents":[`+string(doc)+`]}`, &resp)
	if resp.Catalog.ID != "official-2018-11-14" || resp.Catalog.TaxRate != "0.08" {
		t.Errorf("catalog %s at %s, want official-2018-11-14 at 0.08", resp.Catalog.ID, resp.Catalog.TaxRate)
	}
	if o := resp.Overlay; o.Base != "list-2026" || o.Overlaid || o.Code != "taxRateDiffers" || !strings.Contains(o.Reason, "one tax rate") {
		t.Errorf("overlay = %+v, want list-2026 not overlaid: taxRateDiffers", o)
	}
	// Two documents of two tax eras cannot make one catalog.
	now, err := json.Marshal(fixtureText(t, "golden/is1a-2026-06-13/is1a.json"))
	if err != nil {
		t.Fatal(err)
	}
	out, ok := HandleJSON([]byte(`{"request":"importPrices","documents":[` + string(doc) + `,` + string(now) + `]}`))
	if ok || !strings.Contains(string(out), `"path":"documents[1]"`) || !strings.Contains(string(out), "one tax rate") {
		t.Errorf("documents of 8 %% and 10 %% = %s, want an error on documents[1]", out)
	}
}
