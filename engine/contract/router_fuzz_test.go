package contract

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
)

// FuzzHandleJSON: whatever the document, HandleJSON never panics and answers
// valid JSON; an error list has 1 to 101 entries, each a known code whose
// message its args explain; a plain scenario gets EstimateJSON's exact bytes;
// an import or a matching gets the bytes encoding/json wrote before.
func FuzzHandleJSON(f *testing.F) {
	for _, s := range []string{
		`{"request":"catalogs"}`,
		`{"request":"catalogs","zone":"is1a"}`,
		`{"request":"feeCurve","hourly":"11","daily":"110","monthly":"2179","hours":30}`,
		`{"request":"feeCurve","monthly":"100","hourlyy":"5"}`,
		`{"request":"matchItems","from":"list-2026","to":"seed-2018","items":[{"item":"server/4core-8gb","zone":"tk1a"}]}`,
		`{"request":"matchItems","from":"list-2026","to":{"id":"x","taxRate":"0.10","items":[{"id":"a","kind":"boat","zone":"is1a","monthly":"1"}]}}`,
		`{"request":"importPrices","asOf":"2026-11-23","documents":["{\"Total\":"]}`,
		`{"request":"importPrices","asOf":"2026-11-23","documents":[{"Total":1,"ServiceClasses":[{"ServiceClassPath":"cloud/plan/core/1core-1gb","DisplayName":"1コア","Price":{"Zone":"is1a","Hourly":8,"Daily":80,"Monthly":1600}}]}],"zones":["is1a"]}`,
		`{"request":"importPrices","asOf":"2026-11-23","documents":[{"ServiceClasses":{"0":{"ServiceClassPath":"cloud/plan/1core-1gb","Price":{"Hourly":7,"Zone":"is1a"}}}}]}`,
		`{"request":"importPrices","asOf":"2026-11-23","documents":[{"ServiceClasses":[{"ServiceClassPath":"cloud/disk/ssd/100","Price":[]}]}]}`,
		`{"request":"importPrices","asOf":"2026-11-23","unmatchedLimit":1,"documents":[{"ServiceClasses":[{"ServiceClassPath":"cloud/webaccel/a","Price":{"Monthly":1,"Zone":"is1a"}},{"ServiceClassPath":"cloud/webaccel/b","Price":{"Monthly":2,"Zone":"is1a"}}]}]}`,
		`{"request":"importPrices","asOf":"2026-11-23","unmatchedLimit":0,"base":null,"documents":[{"ServiceClasses":[{"ServiceClassPath":"cloud/webaccel/a","Price":{"Monthly":1,"Zone":"is1a"}}]}]}`,
		`{"request":"matchItems","from":{"id":"a","taxRate":"0.1","items":[{"id":"x","kind":"disk","zone":"z","monthly":"1","diskType":"ssd","sizeGB":100}]},"to":"list-2026"}`,
		`{"request":"advisePassports","scenario":{"catalog":"seed-2018","start":"2018-12","months":36,"resources":[{"id":"web","item":"server/4core-8gb","zone":"tk1a","usage":{"pattern":"always"}}]}}`,
		`{"request":"advisePassports","scenario":{"catalog":"seed-2018","start":"2018-12","months":30,"resources":[{"id":"a","item":"server/4core-8gb","zone":"tk1a","count":2,"until":"2019-11","usage":{"pattern":"always"}},{"id":"b","item":"server/4core-8gb","zone":"tk1a","usage":{"pattern":"hours","hours":"300"}}],"passports":[{"item":"server/4core-8gb","zone":"tk1a","term":12,"count":1,"purchased":"2018-12"}]}}`,
		`{"request":"advisePassports","scenario":{"start":"2018-12","months":0}}`, `{"request":"advisePassports"}`,
		`{"request":"advisePassports","effort":"thorough","scenario":{"catalog":"seed-2018","start":"2018-12","months":24,"resources":[{"id":"a","item":"server/4core-8gb","zone":"tk1a","count":12,"until":"2019-11","usage":{"pattern":"always"}},{"id":"b","item":"server/4core-8gb","zone":"tk1a","count":3,"usage":{"pattern":"always"}}]}}`,
		`{"request":"advisePassports","effort":"slow","scenario":{}}`, `{"request":"advisePassports","effort":null,"scenario":{"start":"2018-12","months":1}}`,
		`{"request":"estimateSummary","scenario":{"catalog":"seed-2018","start":"2018-12","months":3,"resources":[{"id":"web","item":"server/4core-8gb","zone":"tk1a","count":2,"usage":{"pattern":"always"}}]}}`,
		`{"request":"estimateMonth","scenario":{"catalog":"seed-2018","start":"2018-12","months":3,"resources":[{"id":"web","item":"server/4core-8gb","zone":"tk1a","count":2,"usage":{"pattern":"hours","hours":"10"}}]},"month":"2019-01","resource":"web"}`,
		`{"request":"estimateMonth","scenario":{"catalog":"seed-2018","catalog":"x","start":"2018-12","months":1},"month":"2030-01"}`,
		`{"request":"pricePlans"}`, `{"request":7}`, `{"request":"feeCurve"} }`, `0 }`, `{} ]`,
	} {
		f.Add([]byte(s))
	}
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	if data, err := os.ReadFile("../pricelist/testdata/official/sample-is1b.json"); err == nil {
		doc, _ := json.Marshal(map[string]any{"request": "importPrices", "asOf": "2026-11-23",
			"documents": []json.RawMessage{data}, "zones": []string{"is1b"}})
		f.Add(doc)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if s, err := DecodeScenario(data); err == nil && fuzzContractMonths(s) > 20_000 {
			t.Skip("too large to fuzz quickly")
		}
		out, ok := HandleJSON(data)
		if !json.Valid(out) {
			t.Fatalf("HandleJSON(%q) wrote invalid JSON: %q", data, out)
		}
		if !ok {
			checkErrorList(t, data, out)
		}
		if ok {
			checkAsReflection(t, data, out)
		}
		if ok && bytes.Contains(data, []byte(`advisePassports`)) {
			checkAdviceAnswer(t, data, out)
		}
		if !bytes.Contains(data, []byte(`"request"`)) {
			want, wantOK := EstimateJSON(data)
			if ok != wantOK || ok && !bytes.Equal(out, want) {
				t.Fatalf("HandleJSON(%q) and EstimateJSON answer differently:\n%s\n%s", data, out, want)
			}
		}
	})
}

// checkAdviceInvariants for the fuzzer: none is every group's first option and
// the best plan's total is no more than any option's.
func checkAdviceAnswer(t *testing.T, data, out []byte) {
	var a adviceWire
	if err := json.Unmarshal(out, &a); err != nil || a.Best.Total == "" {
		return // another request that happens to mention the advisor
	}
	checkAdviceInvariants(t, a)
}
