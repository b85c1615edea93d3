package contract

import (
	"encoding/json"
	"fmt"
	. "github.com/sakura-sim/pricesim/engine"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// reporter is the part of *testing.T the checks use, so that a test can
// check the checks themselves.
type reporter interface {
	Helper()
	Errorf(format string, args ...any)
}

// checkInvariants checks what must hold of every estimate, whatever the
// scenario: each figure is a sum of the figures it is built from (style
// practice 8), fees respect their caps (R4.5), passports only lower server
// fees (R5.5) and are never paid by credits (R5.6), and credit balances never
// go negative (R7).
func checkInvariants(t reporter, r Result) {
	t.Helper()
	kindOf := map[string]Kind{}
	for _, rs := range r.Resources {
		kindOf[rs.ID] = rs.Kind
	}
	if r.Resources == nil || r.Months == nil || r.Years == nil || r.Passports == nil || r.Credits == nil || r.Catalog.Estimated == nil {
		t.Errorf("a top-level list is nil (JSON null); empty lists must be []")
	}
	var cumulative, cumulativeWithout Yen
	creditUsed := map[string]Yen{}
	for mi, b := range r.Months {
		at := fmt.Sprintf("months[%d] (%s)", mi, b.Month)
		if mi > 0 && b.Month != r.Months[mi-1].Month+1 {
			t.Errorf("%s: month does not follow %s", at, r.Months[mi-1].Month)
		}
		if b.Lines == nil || b.PassportFees == nil || b.Credits == nil || b.Notices == nil {
			t.Errorf("%s: a list is nil (JSON null); empty lists must be []", at)
		}
		var amounts, fees, serverAmounts, serverFees, passportFees Yen
		for li, l := range b.Lines {
			lat := fmt.Sprintf("%s.lines[%d] (%s #%d)", at, li, l.Resource, l.Contract)
			if l.Seconds <= 0 || l.Seconds > b.Month.Seconds() {
				t.Errorf("%s: seconds = %d, want 1 to %d (R3.4)", lat, l.Seconds, b.Month.Seconds())
			}
			if l.Fee.Amount.IsNegative() {
				t.Errorf("%s: fee = %s, want ≥ 0", lat, l.Fee.Amount)
			}
			if l.Monthly != nil && l.Fee.Amount.Cmp(*l.Monthly) > 0 {
				t.Errorf("%s: fee = %s, above the monthly price %s (R4.5)", lat, l.Fee.Amount, *l.Monthly)
			}
			if l.HourlyDaily != nil && l.Basis != BasisMonthlyOnly && l.Fee.Amount.Cmp(*l.HourlyDaily) > 0 {
				t.Errorf("%s: fee = %s, above the hourly-and-daily fee %s (R4.5)", lat, l.Fee.Amount, *l.HourlyDaily)
			}
			if l.Hours != (l.Seconds+3599)/3600 {
				t.Errorf("%s: hours = %d for %d s, want %d (R4.2)", lat, l.Hours, l.Seconds, (l.Seconds+3599)/3600)
			}
			if l.Basis != BasisMonthlyOnly {
				// R4.5: the fee is the cheaper of the hourly-and-daily fee and the
				// monthly price, so never dearer than billing by the hour alone.
				want := l.HourlyDaily
				if want == nil || l.Monthly != nil && l.Monthly.Cmp(*want) < 0 {
					want = l.Monthly
				}
				if want == nil || !l.Fee.Amount.Equal(*want) {
					t.Errorf("%s: fee = %s, want the least of hourlyDaily %v and monthly %v (R4.5)", lat, l.Fee.Amount, l.HourlyDaily, l.Monthly)
				}
				if l.HourlyOnly != nil && l.Fee.Amount.Cmp(*l.HourlyOnly) > 0 {
					t.Errorf("%s: fee = %s, dearer than hourly billing alone %s", lat, l.Fee.Amount, *l.HourlyOnly)
				}
			} else if l.Monthly == nil || !l.Fee.Amount.Equal(*l.Monthly) {
				t.Errorf("%s: monthly-only fee = %s, want the monthly price %v (R4.7)", lat, l.Fee.Amount, l.Monthly)
			}
			if l.Discount.IsNegative() {
				t.Errorf("%s: discount = %s, want ≥ 0", lat, l.Discount)
			}
			if !l.Fee.Amount.Sub(l.Discount).Equal(l.Amount) {
				t.Errorf("%s: amount = %s, want fee %s − discount %s", lat, l.Amount, l.Fee.Amount, l.Discount)
			}
			if l.Amount.IsNegative() {
				t.Errorf("%s: amount = %s, want ≥ 0", lat, l.Amount)
			}
			if (l.Passport != nil) != l.Discount.IsPositive() {
				t.Errorf("%s: passport = %v with discount %s: a discount needs a passport and a passport a discount", lat, l.Passport, l.Discount)
			}
			kind, known := kindOf[l.Resource]
			if !known {
				t.Errorf("%s: line of an unknown resource %q", lat, l.Resource)
			}
			if kind != KindServer && l.Discount.IsPositive() {
				t.Errorf("%s: a %s is discounted by %s; passports discount servers only (R5.5)", lat, kind, l.Discount)
			}
			amounts, fees = amounts.Add(l.Amount), fees.Add(l.Fee.Amount)
			if kind == KindServer {
				serverAmounts, serverFees = serverAmounts.Add(l.Amount), serverFees.Add(l.Fee.Amount)
			}
		}
		for pi, f := range b.PassportFees {
			if !f.PerRight.MulInt(int64(f.Count)).Equal(f.Amount) || f.Amount.IsNegative() {
				t.Errorf("%s.passportFees[%d]: amount = %s, want count %d × %s", at, pi, f.Amount, f.Count, f.PerRight)
			}
			passportFees = passportFees.Add(f.Amount)
		}
		if !b.PassportFeesTotal.Equal(passportFees) {
			t.Errorf("%s: passportFeesTotal = %s, want the sum of passportFees %s", at, b.PassportFeesTotal, passportFees)
		}
		if want := amounts.Add(passportFees); !b.Total.Equal(want) {
			t.Errorf("%s: total = %s, want line amounts %s + passport fees %s = %s", at, b.Total, amounts, passportFees, want)
		}
		if !b.WithoutPassports.Equal(fees) {
			t.Errorf("%s: withoutPassports = %s, want the sum of fees %s", at, b.WithoutPassports, fees)
		}
		if serverAmounts.Cmp(serverFees) > 0 {
			t.Errorf("%s: server amounts %s exceed server fees %s: a passport raised a bill", at, serverAmounts, serverFees)
		}
		if want, ok := includedTaxRat(b.Total, r.Catalog.TaxRate); !ok || !b.Tax.Equal(want) {
			t.Errorf("%s: tax = %s, want floor(%s × t / (1 + t)) = %s at t = %s (R6.2)", at, b.Tax, b.Total, want, r.Catalog.TaxRate)
		}
		if !b.CreditsPaid.Add(b.Charged).Equal(b.Total) {
			t.Errorf("%s: creditsPaid %s + charged %s ≠ total %s", at, b.CreditsPaid, b.Charged, b.Total)
		}
		if b.CreditsPaid.IsNegative() || b.CreditsPaid.Cmp(b.Total.Sub(passportFees)) > 0 {
			t.Errorf("%s: creditsPaid = %s, want 0 to total − passport fees = %s (R5.6)", at, b.CreditsPaid, b.Total.Sub(passportFees))
		}
		var paid Yen
		for ci, c := range b.Credits {
			if c.Paid.IsNegative() || c.Balance.IsNegative() {
				t.Errorf("%s.credits[%d] (%s): paid %s, balance %s; neither may be negative", at, ci, c.ID, c.Paid, c.Balance)
			}
			paid = paid.Add(c.Paid)
			creditUsed[c.ID] = creditUsed[c.ID].Add(c.Paid)
		}
		if !paid.Equal(b.CreditsPaid) {
			t.Errorf("%s: creditsPaid = %s, want the sum of credits[].paid %s", at, b.CreditsPaid, paid)
		}
		cumulative, cumulativeWithout = cumulative.Add(b.Total), cumulativeWithout.Add(b.WithoutPassports)
		if !b.Cumulative.Equal(cumulative) || !b.CumulativeWithoutPassports.Equal(cumulativeWithout) {
			t.Errorf("%s: cumulative %s / without passports %s, want %s / %s", at, b.Cumulative, b.CumulativeWithoutPassports, cumulative, cumulativeWithout)
		}
	}
	checkYears(t, r)
	for i, c := range r.Credits {
		if c.Used.IsNegative() || c.ExpiredUnused.IsNegative() || c.Used.Add(c.ExpiredUnused).Cmp(c.Amount) > 0 {
			t.Errorf("credits[%d] (%s): used %s + expiredUnused %s exceeds the amount %s", i, c.ID, c.Used, c.ExpiredUnused, c.Amount)
		}
		if !c.Used.Equal(creditUsed[c.ID]) {
			t.Errorf("credits[%d] (%s): used = %s, want the sum of its monthly payments %s", i, c.ID, c.Used, creditUsed[c.ID])
		}
		if c.Void && c.Used.IsPositive() {
			t.Errorf("credits[%d] (%s): a void coupon paid %s", i, c.ID, c.Used)
		}
	}
	checkPassports(t, r)
	checkBreakPoints(t, r)
}

// includedTaxRat is R6.2 worked with exact rationals, independently of
// rounding.go.
func includedTaxRat(total Yen, rate string) (Yen, bool) {
	t, ok := new(big.Rat).SetString(rate)
	if !ok {
		return Yen{}, false
	}
	x, _ := new(big.Rat).SetString(total.String())
	x.Mul(x, t)
	x.Quo(x, new(big.Rat).Add(big.NewRat(1, 1), t))
	q := new(big.Int).Quo(x.Num(), x.Denom()) // truncation toward zero: totals are ≥ 0
	return MustParseYen(q.String()), true
}

// breakPointCache memoises checkBreakPoints' brute force per price set.
var breakPointCache = map[string][2]*int{}

// checkBreakPoints recomputes R4.10's break points by trying every whole hour
// of a month at the prices each resource reports.
func checkBreakPoints(t reporter, r Result) {
	t.Helper()
	for i, rs := range r.Resources {
		var p Prices
		for _, f := range []struct {
			src *Price
			dst *Price
		}{{rs.Hourly, &p.Hourly}, {rs.Daily, &p.Daily}, {rs.Monthly, &p.Monthly}} {
			if f.src != nil {
				*f.dst = *f.src
			}
		}
		key := fmt.Sprint(p)
		want, done := breakPointCache[key]
		if !done {
			for h := 1; h <= 744; h++ {
				basis := FeeFor(p, int64(h)*3600).Basis
				if basis == BasisDaily && want[0] == nil {
					want[0] = &h
				}
				if (basis == BasisMonthly || basis == BasisMonthlyOnly) && want[1] == nil {
					want[1] = &h
				}
			}
			breakPointCache[key] = want
		}
		if !sameIntPtr(rs.DailyFromHours, want[0]) || !sameIntPtr(rs.MonthlyFromHours, want[1]) {
			t.Errorf("resources[%d] (%s): break points daily %s, monthly %s; trying every hour gives %s, %s (R4.10)",
				i, rs.ID, intPtrString(rs.DailyFromHours), intPtrString(rs.MonthlyFromHours), intPtrString(want[0]), intPtrString(want[1]))
		}
	}
}

func monthPtrString(m *Month) string {
	if m == nil {
		return "null"
	}
	return m.String()
}

func sameIntPtr(a, b *int) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

func intPtrString(p *int) string {
	if p == nil {
		return "null"
	}
	return fmt.Sprint(*p)
}

// checkPassports ties each purchase's summary to the months: its discounts
// are the discounts of the lines its rights took, its fee is charged once in
// its purchase month, and every right-month in the horizon either took a
// line or is counted unused (R5.3, R5.4, R9.4).
func checkPassports(t reporter, r Result) {
	t.Helper()
	if len(r.Months) == 0 {
		return
	}
	first, last := r.Months[0].Month, r.Months[len(r.Months)-1].Month
	discounts := map[string]Yen{}
	usedRights := map[string]int{}
	fees := map[string]Yen{}
	feeMonths := map[string][]Month{}
	for _, b := range r.Months {
		for _, l := range b.Lines {
			if l.Passport != nil {
				discounts[l.Passport.ID] = discounts[l.Passport.ID].Add(l.Discount)
				usedRights[l.Passport.ID]++
			}
		}
		for _, f := range b.PassportFees {
			fees[f.Passport] = fees[f.Passport].Add(f.Amount)
			feeMonths[f.Passport] = append(feeMonths[f.Passport], b.Month)
		}
	}
	for i, p := range r.Passports {
		at := fmt.Sprintf("passports[%d] (%s)", i, p.ID)
		if p.Fee.IsNegative() || p.Discounts.IsNegative() || p.UnusedRightMonths < 0 {
			t.Errorf("%s: fee %s, discounts %s, unused %d; none may be negative", at, p.Fee, p.Discounts, p.UnusedRightMonths)
		}
		if !p.Discounts.Equal(discounts[p.ID]) {
			t.Errorf("%s: discounts = %s, but its lines were discounted %s", at, p.Discounts, discounts[p.ID])
		}
		if p.Purchased >= first {
			if len(feeMonths[p.ID]) != 1 || feeMonths[p.ID][0] != p.Purchased || !fees[p.ID].Equal(p.Fee) {
				t.Errorf("%s: fee %s bought %s, but the bills charge %s in %v", at, p.Fee, p.Purchased, fees[p.ID], feeMonths[p.ID])
			}
		} else if len(feeMonths[p.ID]) != 0 {
			t.Errorf("%s: bought before the horizon, yet charged in %v (R5.3)", at, feeMonths[p.ID])
		}
		if !p.FeeBeforeHorizon {
			// R9.3: the first month whose running sum of this purchase's
			// discounts reaches its fee, if any.
			var sum Yen
			var want *Month
			for _, b := range r.Months {
				for _, l := range b.Lines {
					if l.Passport != nil && l.Passport.ID == p.ID {
						sum = sum.Add(l.Discount)
					}
				}
				if b.Month >= p.Purchased && sum.Cmp(p.Fee) >= 0 {
					m := b.Month
					want = &m
					break
				}
			}
			if (want == nil) != (p.BreakEven == nil) || want != nil && *want != *p.BreakEven {
				t.Errorf("%s: breakEven = %v, but its discounts reach the fee %s in %v (R9.3)", at, monthPtrString(p.BreakEven), p.Fee, monthPtrString(want))
			}
		}
		if p.FeeBeforeHorizon && p.BreakEven != nil {
			t.Errorf("%s: bought before the horizon, yet breaks even in %s (R5.3)", at, *p.BreakEven)
		}
		validMonths := 0
		for m := max(p.Purchased, first); m <= min(p.ValidTo, last); m++ {
			validMonths++
		}
		if got := usedRights[p.ID] + p.UnusedRightMonths; got != p.Count*validMonths {
			t.Errorf("%s: %d right-months used + %d unused, want count %d × %d valid months in the horizon", at, usedRights[p.ID], p.UnusedRightMonths, p.Count, validMonths)
		}
	}
}

// checkYears: one year per 12 months (the last may be shorter), each the sum
// of its months (R9.1).
func checkYears(t reporter, r Result) {
	t.Helper()
	if want := (len(r.Months) + 11) / 12; len(r.Years) != want {
		t.Errorf("%d years for %d months, want %d", len(r.Years), len(r.Months), want)
		return
	}
	for yi, y := range r.Years {
		months := r.Months[yi*12 : min(yi*12+12, len(r.Months))]
		var total, without, charged, used Yen
		for _, b := range months {
			total, without = total.Add(b.Total), without.Add(b.WithoutPassports)
			charged, used = charged.Add(b.Charged), used.Add(b.CreditsPaid)
		}
		if y.Year != yi+1 || y.From != months[0].Month || y.To != months[len(months)-1].Month {
			t.Errorf("years[%d] = year %d, %s to %s, want year %d, %s to %s", yi, y.Year, y.From, y.To, yi+1, months[0].Month, months[len(months)-1].Month)
		}
		if !y.Saving.Equal(without.Sub(total)) {
			t.Errorf("years[%d]: saving = %s, want withoutPassports %s − total %s", yi, y.Saving, without, total)
		}
		if !y.Total.Equal(total) || !y.WithoutPassports.Equal(without) || !y.Charged.Equal(charged) || !y.CreditsUsed.Equal(used) {
			t.Errorf("years[%d] = total %s, without %s, charged %s, creditsUsed %s; the months sum to %s, %s, %s, %s",
				yi, y.Total, y.WithoutPassports, y.Charged, y.CreditsUsed, total, without, charged, used)
		}
	}
}

// checkWithoutPassports estimates s again with no passport: its totals must
// be r's withoutPassports month by month (R9.2), and its lines r's fees.
func checkWithoutPassports(t *testing.T, s Scenario, r Result) {
	t.Helper()
	bare := s
	bare.Passports = nil
	nr, err := Estimate(bare)
	if err != nil {
		t.Errorf("Estimate without passports: %v", err)
		return
	}
	if len(nr.Months) != len(r.Months) {
		t.Errorf("without passports: %d months, want %d", len(nr.Months), len(r.Months))
		return
	}
	for mi := range r.Months {
		got, want := r.Months[mi].WithoutPassports, nr.Months[mi].Total
		if !got.Equal(want) {
			t.Errorf("months[%d] (%s): withoutPassports = %s, but the scenario without passports totals %s", mi, r.Months[mi].Month, got, want)
		}
		if !nr.Months[mi].WithoutPassports.Equal(want) {
			t.Errorf("months[%d] without passports: withoutPassports %s ≠ total %s", mi, nr.Months[mi].WithoutPassports, want)
		}
	}
	for yi := range r.Years {
		if !r.Years[yi].WithoutPassports.Equal(nr.Years[yi].Total) {
			t.Errorf("years[%d]: withoutPassports = %s, but the scenario without passports totals %s", yi, r.Years[yi].WithoutPassports, nr.Years[yi].Total)
		}
	}
}

// estimateChecked decodes and estimates a scenario document, checking every
// invariant; it fails the test when the document is refused.
func estimateChecked(t *testing.T, doc []byte) Result {
	t.Helper()
	s, err := DecodeScenario(doc)
	if err != nil {
		t.Fatalf("DecodeScenario(%s): %v", doc, err)
	}
	r, err := Estimate(s)
	if err != nil {
		t.Fatalf("Estimate(%s): %v", doc, err)
	}
	checkInvariants(t, r)
	checkWithoutPassports(t, s, r)
	return r
}

func TestEstimate_InvariantsGenerated(t *testing.T) {
	rng := rand.New(rand.NewPCG(2026, 11))
	n := 300
	if testing.Short() {
		n = 60
	}
	// seen counts what the scenarios exercised, so the generator cannot
	// silently drift into trivial estimates.
	seen := map[string]int{}
	for i := range n {
		doc := genScenario(rng)
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			defer func() {
				if t.Failed() {
					t.Logf("scenario: %s", doc)
				}
			}()
			r := estimateChecked(t, doc)
			for _, b := range r.Months {
				for _, l := range b.Lines {
					seen["basis "+l.Basis.String()]++
					if l.Discount.IsPositive() {
						seen["discount"]++
					}
				}
				if len(b.PassportFees) > 0 {
					seen["passport fee"]++
				}
				if b.CreditsPaid.IsPositive() {
					seen["credits paid"]++
				}
				for _, nt := range b.Notices {
					seen["notice "+nt.Kind.String()]++
				}
			}
		})
	}
	for _, what := range []string{"basis hourly", "basis daily", "basis monthly", "basis monthly-only", "discount",
		"passport fee", "credits paid", "notice bill-above", "notice balance-below", "notice coupon-void",
		"notice credit-expired", "notice card-billing-started", "notice coupon-expiring", "notice coupon-low-balance"} {
		if seen[what] == 0 {
			t.Errorf("no generated scenario produced a %s", what)
		}
	}
	t.Logf("exercised: %v", seen)
}

// genPlan is an item the generator can use, with whether passports exist for it.
type genPlan struct {
	item, zone string
	kind       Kind
	passport   bool
}

var genCatalogs = []struct {
	catalog any
	plans   []genPlan
}{
	{"seed-2018", []genPlan{{"server/4core-8gb", "tk1a", KindServer, true}}},
	{"list-2026", []genPlan{
		{"server/4core-8gb", "tk1a", KindServer, true},
		{"server/2core-4gb", "tk1a", KindServer, true},
		{"server/2core-4gb", "is1b", KindServer, true},
		{"server/1core-1gb", "is1a", KindServer, false},
		{"disk/ssd-100gb", "is1a", KindDisk, false},
		{"network/router-100mbps", "is1a", KindNetwork, false},
	}},
	{map[string]any{
		"id": "custom", "taxRate": "0.10", "items": []any{
			map[string]any{"id": "srv", "kind": "server", "zone": "z1", "hourly": "10.5", "daily": "105.3", "monthly": "2100.7", "passport": true},
			map[string]any{"id": "srv-fixed", "kind": "server", "zone": "z1", "hourly": "20", "daily": "200", "monthly": "4000", "passport": true,
				"passportFees": map[string]any{"12": "3000", "24": "9000", "36": "15000"}},
			map[string]any{"id": "srv-nohourly", "kind": "server", "zone": "z1", "daily": "100", "monthly": "2000", "passport": true},
			map[string]any{"id": "srv-nodaily", "kind": "server", "zone": "z1", "hourly": "7", "monthly": "3000", "passport": true},
			map[string]any{"id": "srv-nomonthly", "kind": "server", "zone": "z1", "hourly": "3.3", "daily": "30"},
			map[string]any{"id": "rds", "kind": "licence", "zone": "z1", "monthly": "1100"},
			map[string]any{"id": "disk", "kind": "disk", "zone": "z1", "hourly": "1.1", "daily": "11", "monthly": "220"},
		}},
		[]genPlan{
			{"srv", "z1", KindServer, true}, {"srv-fixed", "z1", KindServer, true},
			{"srv-nohourly", "z1", KindServer, true}, {"srv-nodaily", "z1", KindServer, true},
			{"srv-nomonthly", "z1", KindServer, false}, {"rds", "z1", KindLicence, false}, {"disk", "z1", KindDisk, false},
		}},
}

// genScenario writes a valid scenario mixing usage patterns, counts,
// passports, credits and alerts.
func genScenario(rng *rand.Rand) []byte {
	cat := genCatalogs[rng.IntN(len(genCatalogs))]
	start := NewMonth(2018+rng.IntN(9), 1) + Month(rng.IntN(12))
	months := 1 + rng.IntN(40)
	if rng.IntN(10) == 0 {
		months = 1 + rng.IntN(120)
	}
	last := start + Month(months-1)
	monthIn := func() Month { return start + Month(rng.IntN(months)) }
	dateIn := func(m Month) Date { return Date{Year: m.Year(), Month: m.Calendar(), Day: 1 + rng.IntN(m.Days())} }
	instant := func(m Month) string {
		d := dateIn(m)
		return fmt.Sprintf("%sT%02d:%02d:%02d+09:00", d, rng.IntN(24), rng.IntN(60), rng.IntN(60))
	}

	var resources []any
	for i := range rng.IntN(6) {
		p := cat.plans[rng.IntN(len(cat.plans))]
		res := map[string]any{"id": fmt.Sprintf("r%d%s", i, trickyText[rng.IntN(len(trickyText))]), "item": p.item, "zone": p.zone}
		if rng.IntN(3) == 0 {
			res["count"] = 1 + rng.IntN(4)
		}
		switch rng.IntN(4) {
		case 0, 1:
			res["usage"] = map[string]any{"pattern": "always"}
			if rng.IntN(3) == 0 {
				res["from"] = monthIn().String()
			}
			if rng.IntN(3) == 0 {
				u := monthIn()
				if f, ok := res["from"].(string); ok {
					fm, _ := ParseMonth(f)
					u = max(u, fm)
				}
				res["until"] = u.String()
			}
			if p.kind == KindServer && rng.IntN(4) == 0 {
				m := monthIn()
				res["outages"] = []any{map[string]any{"start": instant(m), "end": instant(m + 1)}}
			}
		case 2:
			hours := []string{"0", "1", "9.5", "10", "11", "200", "480", "481", "700", "744"}[rng.IntN(10)]
			res["usage"] = map[string]any{"pattern": "hours", "hours": hours}
			if rng.IntN(4) == 0 {
				res["from"] = monthIn().String()
			}
		default:
			// Non-overlapping intervals inside the horizon, in time order.
			var ivs []any
			m := start
			for m <= last && len(ivs) < 3 {
				m += Month(rng.IntN(3))
				if m > last {
					break
				}
				end := m + Month(rng.IntN(2))
				ivs = append(ivs, map[string]any{
					"start": fmt.Sprintf("%sT%02d:00:00+09:00", Date{Year: m.Year(), Month: m.Calendar(), Day: 1 + rng.IntN(14)}, rng.IntN(24)),
					"end":   fmt.Sprintf("%sT%02d:%02d:00+09:00", Date{Year: end.Year(), Month: end.Calendar(), Day: 15 + rng.IntN(13)}, rng.IntN(24), rng.IntN(60)),
				})
				m = end + 1
			}
			if len(ivs) == 0 {
				ivs = append(ivs, map[string]any{"start": fmt.Sprintf("%sT00:00:00+09:00", start.FirstDay()), "end": fmt.Sprintf("%sT05:00:01+09:00", start.FirstDay())})
			}
			res["usage"] = map[string]any{"pattern": "intervals", "intervals": ivs}
		}
		resources = append(resources, res)
	}

	var passports []any
	var eligible []genPlan
	for _, p := range cat.plans {
		if p.passport {
			eligible = append(eligible, p)
		}
	}
	for i := range rng.IntN(4) {
		if len(eligible) == 0 {
			break
		}
		p := eligible[rng.IntN(len(eligible))]
		term := []int{12, 24, 36}[rng.IntN(3)]
		purchased := monthIn()
		if rng.IntN(5) == 0 {
			purchased = start - Month(rng.IntN(term)) // before the horizon, still valid in it
		}
		pp := map[string]any{"item": p.item, "zone": p.zone, "term": term, "purchased": purchased.String()}
		if rng.IntN(2) == 0 {
			pp["id"] = fmt.Sprintf("pp%d%s", i, trickyText[rng.IntN(len(trickyText))])
		}
		if rng.IntN(3) == 0 {
			pp["count"] = 1 + rng.IntN(3)
		}
		passports = append(passports, pp)
	}

	var credits []any
	for i := range rng.IntN(4) {
		reg := dateIn(monthIn())
		if rng.IntN(5) == 0 {
			reg = reg.AddDays(-rng.IntN(200))
		}
		c := map[string]any{"id": fmt.Sprintf("c%d%s", i, trickyText[rng.IntN(len(trickyText))]), "registered": reg.String()}
		if rng.IntN(2) == 0 {
			c["kind"] = "prepaid"
			c["amount"] = []string{"10000", "30000", "50000", "123456"}[rng.IntN(4)]
			if PrepaidExpiry(reg).Before(start.FirstDay()) {
				c["registered"] = start.FirstDay().String()
			}
		} else {
			c["kind"] = "coupon"
			c["amount"] = fmt.Sprint(500 * (1 + rng.IntN(60)))
			exp := reg.AddDays(rng.IntN(400))
			if exp.Before(start.FirstDay()) {
				exp = start.FirstDay().AddDays(rng.IntN(60))
			}
			c["expires"] = exp.String()
			if rng.IntN(3) == 0 {
				c["registerBy"] = reg.AddDays(rng.IntN(20) - 10).String() // sometimes void
			}
			if rng.IntN(3) == 0 {
				c["code"] = "1234 5678-9012 3456"
			}
		}
		credits = append(credits, c)
	}

	doc := map[string]any{"catalog": cat.catalog, "start": start.String(), "months": months,
		"resources": resources, "passports": passports, "credits": credits}
	if rng.IntN(4) == 0 {
		// Negotiated prices: fractions of a yen, or a price removed.
		p := cat.plans[rng.IntN(len(cat.plans))]
		o := map[string]any{"item": p.item, "zone": p.zone}
		switch rng.IntN(4) {
		case 0:
			o["hourly"] = "5.5"
		case 1:
			o["daily"] = nil
		case 2:
			o["monthly"] = "1999.99"
		default:
			o["hourly"], o["daily"] = nil, "77.7"
		}
		if p.item == "rds" { // monthly-only: keep it so, with a monthly price
			o = map[string]any{"item": p.item, "zone": p.zone, "monthly": "1234.5"}
		}
		doc["overrides"] = []any{o}
	}
	if rng.IntN(4) == 0 {
		// An item of the user's own, named with characters JSON writers
		// escape, so the wire format is checked on names as well as ids.
		zone := cat.plans[0].zone
		id := "custom/" + trickyText[rng.IntN(len(trickyText))]
		doc["customItems"] = []any{map[string]any{"id": id, "kind": "server", "zone": zone,
			"name":   map[string]any{"en": "Box <b> & co" + trickyText[rng.IntN(len(trickyText))], "ja": "箱\u2029" + trickyText[rng.IntN(len(trickyText))]},
			"hourly": "12", "daily": "120", "monthly": "2400"}}
		list, _ := doc["resources"].([]any)
		doc["resources"] = append(list, map[string]any{"id": "own" + trickyText[rng.IntN(len(trickyText))],
			"item": id, "zone": zone, "usage": map[string]any{"pattern": "always"}})
	}
	if rng.IntN(2) == 0 {
		alerts := map[string]any{}
		if rng.IntN(2) == 0 {
			alerts["billAbove"] = fmt.Sprint(1 + rng.IntN(30000))
		}
		if rng.IntN(2) == 0 {
			alerts["balanceBelow"] = fmt.Sprint(1 + rng.IntN(30000))
		}
		doc["alerts"] = alerts
	}
	out, err := json.Marshal(doc)
	if err != nil {
		panic(err)
	}
	return out
}

// trickyText is appended to generated ids and names: characters that
// encoding/json escapes (<, >, &, U+2028, U+2029), quotes, and none at all.
var trickyText = []string{"", "", "", "<script>", "a&b", "x>y", "\u2028", "\u2029", `"q"`, `back\slash`, "日本"}

// feePriceSets are the price sets TestFee_Monotonic walks.
var feePriceSets = []struct {
	name                   string
	hourly, daily, monthly string // "" is absent
}{
	{"R4 example", "11", "110", "2179"},
	{"seed-2018", "47", "475", "9504"},
	{"no hourly", "", "110", "2179"},
	{"no daily", "11", "", "2179"},
	{"no monthly", "11", "110", ""},
	{"fractional", "10.5", "105.3", "2100.7"},
	{"daily dearer than 24 hours", "3", "100", "1500"},
	{"monthly only", "", "", "1100"},
}

func priceOf(s string) Price {
	if s == "" {
		return Price{}
	}
	return PriceOf(decimal.RequireFromString(s))
}

func TestFee_Monotonic(t *testing.T) {
	var seconds []int64
	for s := int64(0); s <= 31*86400; s += 3600 {
		seconds = append(seconds, s)
	}
	seconds = append(seconds, 1, 59, 3599, 3601, 7199, 35999, 36001, 86399, 86401, 2678399, 2678400, 1_000_003)
	for _, ps := range feePriceSets {
		t.Run(ps.name, func(t *testing.T) {
			p := Prices{Hourly: priceOf(ps.hourly), Daily: priceOf(ps.daily), Monthly: priceOf(ps.monthly)}
			fee := func(s int64) Yen {
				if s == 0 {
					return Yen{} // R4.1: no usage, no fee (FeeFor is never called with 0)
				}
				return FeeFor(p, s).Amount
			}
			sorted := append([]int64(nil), seconds...)
			sortInt64(sorted)
			var prev Yen
			var prevS int64
			for _, s := range sorted {
				got := fee(s)
				if got.Cmp(prev) < 0 {
					t.Errorf("fee(%d s) = %s < fee(%d s) = %s: a longer use cost less", s, got, prevS, prev)
				}
				if p.Monthly.Set && got.Cmp(*FeeFor(p, 1).Monthly) > 0 {
					t.Errorf("fee(%d s) = %s, above the monthly price %s", s, got, p.Monthly.Value)
				}
				prev, prevS = got, s
			}
		})
	}
}

func sortInt64(a []int64) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// recorder collects what a check reports.
type recorder struct{ msgs []string }

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.msgs = append(r.msgs, fmt.Sprintf(format, args...))
}

// TestCheckInvariants_CatchesBrokenSums makes sure the checker is not vacuous:
// results with a wrong figure must fail it.
func TestCheckInvariants_CatchesBrokenSums(t *testing.T) {
	doc := []byte(`{"catalog":"seed-2018","start":"2018-12","months":14,
		"resources":[{"id":"web","item":"server/4core-8gb","zone":"tk1a","usage":{"pattern":"always"}}],
		"passports":[{"item":"server/4core-8gb","zone":"tk1a","term":12,"purchased":"2018-12"}],
		"credits":[{"kind":"prepaid","amount":"30000","registered":"2018-12-01"}]}`)
	for _, tt := range []struct {
		name   string
		break_ func(r *Result)
		want   string
	}{
		{"month total", func(r *Result) { r.Months[1].Total = r.Months[1].Total.Add(YenFromInt(1)) }, "total"},
		{"line amount", func(r *Result) { r.Months[0].Lines[0].Amount = r.Months[0].Lines[0].Fee.Amount }, "amount"},
		{"fee above monthly", func(r *Result) { r.Months[0].Lines[0].Fee.Amount = YenFromInt(99999) }, "monthly price"},
		{"credits paid passport fees", func(r *Result) {
			b := &r.Months[0]
			b.CreditsPaid, b.Charged = b.Total, Yen{}
		}, "R5.6"},
		{"negative balance", func(r *Result) { r.Months[2].Credits[0].Balance = YenFromInt(-1) }, "negative"},
		{"year", func(r *Result) { r.Years[1].Total = Yen{} }, "years[1]"},
		{"passport discounts", func(r *Result) { r.Passports[0].Discounts = r.Passports[0].Discounts.Add(YenFromInt(1)) }, "discounts"},
		{"tax", func(r *Result) { r.Months[0].Tax = r.Months[0].Tax.Add(YenFromInt(1)) }, "R6.2"},
		{"break-even", func(r *Result) { r.Passports[0].BreakEven = nil }, "R9.3"},
		{"break point", func(r *Result) { *r.Resources[0].MonthlyFromHours++ }, "R4.10"},
		{"unused rights", func(r *Result) { r.Passports[0].UnusedRightMonths++ }, "right-months"},
		{"fee not the cheapest", func(r *Result) {
			l := &r.Months[0].Lines[0]
			l.Fee.Amount, l.Amount = l.Fee.Amount.Sub(YenFromInt(1)), l.Amount.Sub(YenFromInt(1))
		}, "least of"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := estimateChecked(t, doc)
			tt.break_(&r)
			rec := &recorder{}
			checkInvariants(rec, r)
			if !strings.Contains(strings.Join(rec.msgs, "\n"), tt.want) {
				t.Errorf("checkInvariants of a broken result reported %q, want a mention of %q", rec.msgs, tt.want)
			}
		})
	}
}
