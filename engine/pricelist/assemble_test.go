package pricelist

import "testing"

// Two generations of one plan in one zone are both kept: the newest under the
// plain id (what the shipped catalogs call it), the unmarked one as -g1.
func TestImportOfficialPrices_TwoGenerations(t *testing.T) {
	doc := OfficialDocument{Zone: "is1b", Data: []byte(`{"ResponsedAt":"2026-06-13T00:00:00+09:00","ServiceClasses":[
	 {"ServiceClassPath":"cloud/plan/24core-240gb-1gpu-nvidia_h100_80gbvram","IsPublic":true,"Price":{"Hourly":990,"Daily":23100,"Monthly":385000}},
	 {"ServiceClassPath":"cloud/plan/24core-240gb-1gpu-nvidia_h100_80gbvram-g2","IsPublic":true,"Price":{"Hourly":900,"Daily":21000,"Monthly":350000}},
	 {"ServiceClassPath":"cloud/plan/24core-240gb-1gpu-nvidia_h100_80gbvram-g2","IsPublic":true,"Price":{"Hourly":1,"Daily":1,"Monthly":1}}]}`)}
	c, report, err := ImportOfficialPrices([]OfficialDocument{doc}, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"server/gpu-24core-240gb-h100": "350000", "server/gpu-24core-240gb-h100-g1": "385000"}
	if len(c.Items) != 2 {
		t.Fatalf("%d items, want 2", len(c.Items))
	}
	for id, monthly := range want {
		if it, ok := c.Lookup(id, "is1b"); !ok || it.Prices.Monthly.Value.String() != monthly {
			t.Errorf("%s = %+v, want monthly %s", id, it, monthly)
		}
	}
	if len(report.Unmatched) != 1 || report.Unmatched[0].Code != ReasonDuplicate || report.Unmatched[0].Path != "documents[0].ServiceClasses[2]" {
		t.Errorf("unmatched = %+v, want ServiceClasses[2] as a duplicate", report.Unmatched)
	}
}
