//go:build e2e

package e2e

import (
	"encoding/csv"
	"fmt"
	"strings"
	"testing"
)

// customScenario: db at the list price from 2026-04; web, whose plan has a
// negotiated monthly fee of 4,000 (an override), only from 2027-04, with a
// 12-month passport for that plan bought then. Worked by hand: the passport
// fee is floor(4,000 × 1.2) = 4,800; web's 2027-04 line is 4,000 less 20 %
// (800) = 3,200. Year 1 (2026-04 – 2027-03) uses no custom price; year 2 does.
const customScenario = `{"catalog":"list-2026","start":"2026-04","months":24,
 "resources":[{"id":"db","item":"server/1core-1gb","zone":"is1a","usage":{"pattern":"always"}},
  {"id":"web","item":"server/2core-4gb","zone":"tk1a","from":"2027-04","usage":{"pattern":"always"}}],
 "passports":[{"id":"pp1","item":"server/2core-4gb","zone":"tk1a","term":12,"count":1,"purchased":"2027-04"}],
 "overrides":[{"item":"server/2core-4gb","zone":"tk1a","monthly":"4000"}]}`

// marked says whether l carries the custom-price mark as real text (not CSS).
func (p *page) marked(l loc) bool {
	p.t.Helper()
	p.waitPresent(l)
	return eval[bool](p, "the mark of "+l.String(), withEl(l, `const m = el.querySelector('[data-testid="custom-mark"]'); return !!m && m.textContent.includes("✱");`, "false"))
}

// readCSV clicks an export button and parses what it downloaded.
func (p *page) readCSV(button, kind string) [][]string {
	p.t.Helper()
	_ = eval[bool](p, "forgetting the last export", `(delete window.__lastExport, true)`)
	p.click(byID(button))
	p.waitJS("the "+kind+" export", fmt.Sprintf(`globalThis.__lastExport?.kind === %q`, kind))
	text := eval[string](p, "reading the export", `globalThis.__lastExport.text`)
	records, err := csv.NewReader(strings.NewReader(text)).ReadAll()
	if err != nil {
		p.t.Fatalf("the %s export is not CSV: %v\n%.300s", kind, err, text)
	}
	return records
}

// csvRow finds the record whose column key is value, as a map by header.
func csvRow(t *testing.T, records [][]string, key, value string, extra ...string) map[string]string {
	t.Helper()
	col := map[string]int{}
	for i, h := range records[0] {
		col[h] = i
	}
rows:
	for _, r := range records[1:] {
		if r[col[key]] != value {
			continue
		}
		for i := 0; i+1 < len(extra); i += 2 {
			if r[col[extra[i]]] != extra[i+1] {
				continue rows
			}
		}
		m := map[string]string{}
		for h, i := range col {
			m[h] = r[i]
		}
		return m
	}
	t.Fatalf("no CSV row with %s = %q %v", key, value, extra)
	return nil
}

// Every result that uses a custom price is marked in text, and only those,
// in both languages, with a legend; both CSVs carry it in a column.
func TestCustomMarks_everyResult(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang  string
		width int64
	}{{"en", 1280}, {"ja", 390}, {"ja", 1280}, {"en", 390}} {
		lang := c.lang
		p := newTabAt(t, plainLink(customScenario))
		p.viewport(c.width)
		if lang == "ja" {
			p.click(byID("lang-toggle"))
			p.waitJS("Japanese", `document.documentElement.lang === "ja"`)
		}
		p.waitUpToDate()
		p.show(byID("advisor"))
		p.waitPresent(find(`[data-testid="advisor-group"][data-zone="tk1a"]`))
		checks := []struct {
			l    loc
			want bool
		}{
			{find(`[data-testid="years-row"][data-year="1"]`), false},
			{find(`[data-testid="years-row"][data-year="2"]`), true},
			{find(`[data-testid="bills-row"][data-month="2026-04"]`), false},
			{find(`[data-testid="bills-row"][data-month="2027-04"]`), true},
			{find(`[data-testid="passport-summary"][data-passport="pp1"]`), true},
			{find(`[data-testid="comparison-card"][data-resource="web"]`), true},
			{find(`[data-testid="comparison-card"][data-resource="db"]`), false},
			{find(`[data-testid="advisor-group"][data-zone="tk1a"]`), true},
		}
		p.click(find(`[data-testid="bills-row"][data-month="2027-04"] [data-testid="bills-expand"]`))
		p.waitPresent(find(`[data-testid="bills-line"]`))
		p.click(find(`[data-testid="breakdown"] > summary`))
		checks = append(checks, []struct {
			l    loc
			want bool
		}{
			{find(`[data-testid="bills-line"][data-resource="web"]`), true},
			{find(`[data-testid="bills-line"][data-resource="db"]`), false},
			{find(`[data-testid="bills-passport-fee"]`), true},
			{find(`[data-testid="breakdown-row"][data-key="server"]`), true},
			{find(`[data-testid="breakdown-row"][data-key="passportFees"]`), true},
			{find(`[data-testid="breakdown-row"][data-key="disk"]`), false},
			{find(`[data-testid="breakdown-row"][data-key="total"]`), true},
		}...)
		for _, c := range checks {
			if got := p.marked(c.l); got != c.want {
				t.Errorf("%s: %s marked custom = %v, want %v", lang, c.l, got, c.want)
			}
		}
		// A legend beside each marked table: years, bills, the month's lines,
		// passports, breakdown, advisor.
		legend := map[string]string{"en": "custom price", "ja": "個別料金"}[lang]
		if n := eval[int](p, "legends", fmt.Sprintf(`[...document.querySelectorAll('[data-testid="custom-legend"]')].filter((e) => e.textContent.includes(%q)).length`, legend)); n < 6 {
			t.Errorf("%s: %d legends saying %q, want one per marked table (6)", lang, n, legend)
		}
		for _, id := range []string{"years", "bills", "passports", "breakdown-box", "advisor"} {
			_ = eval[bool](p, "scrolling", withEl(byID(id), `el.scrollIntoView({block: "start"}); return true;`, "false"))
			p.shoot(fmt.Sprintf("custom-%s-%d-%s", lang, c.width, id))
		}
		// The mark is in the text a reader copies (and a screen reader reads).
		if text := p.text(find(`[data-testid="years-row"][data-year="2"] th`)); !strings.Contains(text, "✱") {
			t.Errorf("%s: year 2's header reads %q, without the mark", lang, text)
		}

		lines := p.readCSV("export-csv-lines", "csv-lines")
		web := csvRow(t, lines, "month", "2027-04", "resource", "web")
		for k, want := range map[string]string{"fee": "4000", "discount": "800", "amount": "3200", "passport": "pp1", "customPrice": "yes"} {
			if web[k] != want {
				t.Errorf("%s: lines CSV 2027-04 web %s = %q, want %q", lang, k, web[k], want)
			}
		}
		if fee := csvRow(t, lines, "month", "2027-04", "line", "passportFee"); fee["amount"] != "4800" || fee["customPrice"] != "yes" {
			t.Errorf("%s: lines CSV passport fee of 2027-04 = %v, want 4,800 at a custom price", lang, fee)
		}
		if db := csvRow(t, lines, "month", "2026-04", "resource", "db"); db["customPrice"] != "" {
			t.Errorf("%s: lines CSV marks db, at the list price, custom", lang)
		}
		totals := p.readCSV("export-csv", "csv")
		for period, want := range map[string]string{"2026-04": "", "2027-04": "yes", "year 1": "", "year 2": "yes", "whole": "yes"} {
			if got := csvRow(t, totals, "period", period)["customPrice"]; got != want {
				t.Errorf("%s: totals CSV %s customPrice = %q, want %q", lang, period, got, want)
			}
		}

		// Side by side: the estimate as it is (a variant) against the form
		// without the negotiated fee; only the first column is marked.
		p.click(byID("compare-duplicate"))
		p.typeInto(row("resource-row", 1).in("resource-monthly"), "")
		p.waitUpToDate()
		p.show(byID("compare"))
		p.waitPresent(find(`[data-testid="compare-column"][data-index="1"]`))
		p.waitJS("the form's column at list prices", `!document.querySelector('[data-testid="compare-column"][data-index="1"]').dataset.custom`)
		if !p.marked(find(`[data-testid="compare-column"][data-index="0"]`)) || p.marked(find(`[data-testid="compare-column"][data-index="1"]`)) {
			t.Errorf("%s: side by side, the custom-priced variant (only) should be marked", lang)
		}
		p.click(byID("compare-csv"))
		if text := eval[string](p, "the comparison CSV", `window.__lastExport?.text ?? ""`); !strings.Contains(text, ",yes,,\r\n") {
			t.Errorf("%s: the comparison CSV has no custom-price row marking the first estimate only:\n%s", lang, text)
		}
	}
}

// The two CSVs against seed 002 worked by hand (one 4-core server at 9,504 a
// month with a 12-month passport bought in its first month, a coupon): the
// server costs 7,603 after the 20 % discount (1,901), the passport fee is
// 11,404 in 2018-12, so 19,007 that month, 12 × 7,603 + 11,404 = 102,640 in
// year 1, 114,048 in years 2 and 3 without a passport, 330,736 in all.
func TestCSV_totalsAndLinesOfSeed002(t *testing.T) {
	t.Parallel()
	p := newTabAt(t, plainLink(fitScenario))
	p.waitUpToDate()
	totals := p.readCSV("export-csv", "csv")
	if len(totals) != 1+36+3+1 {
		t.Errorf("totals CSV has %d rows, want a header, 36 months, 3 years and the whole period", len(totals))
	}
	want := map[string]map[string]string{
		"2018-12": {"server": "7603", "passportFees": "11404", "disk": "0", "total": "19007", "withoutPassports": "9504", "customPrice": ""},
		"2019-01": {"server": "7603", "passportFees": "0", "total": "7603"},
		"year 1":  {"from": "2018-12", "to": "2019-11", "server": "91236", "passportFees": "11404", "total": "102640", "withoutPassports": "114048"},
		"year 2":  {"server": "114048", "passportFees": "0", "total": "114048"},
		"whole":   {"server": "319332", "passportFees": "11404", "total": "330736", "withoutPassports": "342144"},
	}
	for period, cols := range want {
		got := csvRow(t, totals, "period", period)
		for k, v := range cols {
			if got[k] != v {
				t.Errorf("totals CSV %s %s = %q, want %q", period, k, got[k], v)
			}
		}
	}
	lines := p.readCSV("export-csv-lines", "csv-lines")
	web := csvRow(t, lines, "month", "2018-12", "line", "usage")
	for k, v := range map[string]string{"resource": "web", "fee": "9504", "discount": "1901", "amount": "7603", "basis": "monthly", "passport": "pp1"} {
		if web[k] != v {
			t.Errorf("lines CSV 2018-12 %s = %q, want %q", k, web[k], v)
		}
	}
	if fee := csvRow(t, lines, "month", "2018-12", "line", "passportFee"); fee["amount"] != "11404" {
		t.Errorf("lines CSV 2018-12 passport fee = %q, want 11404", fee["amount"])
	}
	// One usage line a month and one passport fee: 36 + 1 rows.
	if len(lines) != 1+36+1 {
		t.Errorf("lines CSV has %d rows, want a header and 37", len(lines))
	}
}
