package contract

import (
	"strconv"

	"github.com/sakura-sim/pricesim/engine"
	"github.com/sakura-sim/pricesim/engine/document"
)

// AppendEstimate appends the estimate document (contract.md, "Estimate") to
// b. Each field is written in the contract's order by hand, without
// reflection: an estimate holds tens of thousands of lines, and writing one
// allocates nothing. Strings are escaped as encoding/json escapes them (<, >,
// &, U+2028 and U+2029 included), so the page reads the same bytes as ever.
func AppendEstimate(b []byte, r engine.Result) []byte {
	w := writer{b: b}
	w.estimate(r)
	return w.b
}

func (w *writer) estimate(r engine.Result) {
	w.raw(`{"catalog":`)
	w.catalogSummary(r.Catalog)
	w.raw(`,"resources":`)
	if r.Resources == nil {
		w.raw("null")
	} else {
		w.open('[')
		for i := range r.Resources {
			w.comma(i)
			w.resource(&r.Resources[i])
		}
		w.close(']')
	}
	w.raw(`,"months":`)
	if r.Months == nil {
		w.raw("null")
	} else {
		w.open('[')
		for i := range r.Months {
			w.comma(i)
			w.month(&r.Months[i])
		}
		w.close(']')
	}
	w.raw(`,"years":`)
	if r.Years == nil {
		w.raw("null")
	} else {
		w.open('[')
		for i := range r.Years {
			w.comma(i)
			w.year(&r.Years[i])
		}
		w.close(']')
	}
	w.raw(`,"passports":`)
	if r.Passports == nil {
		w.raw("null")
	} else {
		w.open('[')
		for i := range r.Passports {
			w.comma(i)
			w.passport(&r.Passports[i])
		}
		w.close(']')
	}
	w.raw(`,"credits":`)
	if r.Credits == nil {
		w.raw("null")
	} else {
		w.open('[')
		for i := range r.Credits {
			w.comma(i)
			w.credit(&r.Credits[i])
		}
		w.close(']')
	}
	w.raw("}")
}

// estimateSize guesses the written size of an estimate, so the buffer grows
// once: about 260 bytes a line and 400 a month besides.
func estimateSize(r engine.Result) int {
	n := 4096 + 300*len(r.Resources) + 300*len(r.Passports) + 300*len(r.Credits)
	for i := range r.Months {
		n += 400 + 260*len(r.Months[i].Lines) + 120*len(r.Months[i].Credits) + 100*len(r.Months[i].Notices) +
			150*len(r.Months[i].PassportFees)
	}
	return n
}

// writer appends JSON to b. With summary set it writes the estimateSummary
// answer (estimate_parts.go): a line count in place of each month's lines,
// and each resource's first billed line.
type writer struct {
	b           []byte
	summary     *engine.Result
	firstBilled map[string]billed
}

func (w *writer) raw(s string) { w.b = append(w.b, s...) }
func (w *writer) open(c byte)  { w.b = append(w.b, c) }
func (w *writer) close(c byte) { w.b = append(w.b, c) }
func (w *writer) comma(i int) {
	if i > 0 {
		w.b = append(w.b, ',')
	}
}

// key writes ,"name": (or "name": first); name is a plain ASCII field name.
func (w *writer) key(first bool, name string) {
	if !first {
		w.b = append(w.b, ',')
	}
	w.b = append(w.b, '"')
	w.b = append(w.b, name...)
	w.b = append(w.b, '"', ':')
}

func (w *writer) str(s string) { w.b = document.AppendString(w.b, s) }

// enum writes a wire name, which never needs escaping.
func (w *writer) enum(name string) {
	w.b = append(w.b, '"')
	w.b = append(w.b, name...)
	w.b = append(w.b, '"')
}

func (w *writer) int(n int64) { w.b = strconv.AppendInt(w.b, n, 10) }
func (w *writer) bool(v bool) { w.b = strconv.AppendBool(w.b, v) }

func (w *writer) yen(y engine.Yen) {
	w.b = append(w.b, '"')
	w.b = y.Append(w.b)
	w.b = append(w.b, '"')
}

func (w *writer) yenOrNull(y *engine.Yen) {
	if y == nil {
		w.raw("null")
		return
	}
	w.yen(*y)
}

func (w *writer) monthValue(m engine.Month) {
	w.b = append(w.b, '"')
	w.b = m.Append(w.b)
	w.b = append(w.b, '"')
}

func (w *writer) monthOrNull(m *engine.Month) {
	if m == nil {
		w.raw("null")
		return
	}
	w.monthValue(*m)
}

func (w *writer) date(d engine.Date) {
	w.b = append(w.b, '"')
	w.b = d.Append(w.b)
	w.b = append(w.b, '"')
}

func (w *writer) intOrNull(p *int) {
	if p == nil {
		w.raw("null")
		return
	}
	w.int(int64(*p))
}

func (w *writer) priceOrNull(p *engine.Price) {
	if p == nil {
		w.raw("null")
		return
	}
	w.str(p.Value.String())
}

func (w *writer) strings(list []string) {
	if list == nil {
		w.raw("null")
		return
	}
	w.open('[')
	for i, s := range list {
		w.comma(i)
		w.str(s)
	}
	w.close(']')
}

func (w *writer) catalogSummary(c engine.CatalogSummary) {
	w.raw(`{"id":`)
	w.str(c.ID)
	w.raw(`,"asOf":`)
	w.str(c.AsOf)
	w.raw(`,"taxRate":`)
	w.str(c.TaxRate)
	w.raw(`,"source":`)
	w.str(c.Source)
	w.raw(`,"estimated":`)
	if c.Estimated == nil {
		w.raw("null")
	} else {
		w.open('[')
		for i, e := range c.Estimated {
			w.comma(i)
			w.raw(`{"item":`)
			w.str(e.Item)
			w.raw(`,"zone":`)
			w.str(e.Zone)
			w.raw(`,"prices":`)
			w.strings(e.Prices)
			w.close('}')
		}
		w.close(']')
	}
	w.close('}')
}

func (w *writer) resource(r *engine.ResourceSummary) {
	w.raw(`{"id":`)
	w.str(r.ID)
	w.raw(`,"item":`)
	w.str(r.Item)
	w.raw(`,"zone":`)
	w.str(r.Zone)
	w.raw(`,"kind":`)
	w.enum(r.Kind.String())
	w.raw(`,"name":`)
	w.name(r.Name)
	w.raw(`,"count":`)
	w.int(int64(r.Count))
	w.raw(`,"hourly":`)
	w.priceOrNull(r.Hourly)
	w.raw(`,"daily":`)
	w.priceOrNull(r.Daily)
	w.raw(`,"monthly":`)
	w.priceOrNull(r.Monthly)
	w.raw(`,"estimated":`)
	w.strings(r.Estimated)
	w.raw(`,"dailyFromHours":`)
	w.intOrNull(r.DailyFromHours)
	w.raw(`,"monthlyFromHours":`)
	w.intOrNull(r.MonthlyFromHours)
	if w.summary != nil {
		w.raw(`,"firstBilled":`)
		if b, ok := w.firstBilled[r.ID]; ok {
			m := &w.summary.Months[b.month]
			w.raw(`{"month":`)
			w.monthValue(m.Month)
			w.raw(`,"contracts":`)
			w.int(int64(b.contracts))
			w.raw(`,"line":`)
			w.line(&m.Lines[b.line])
			w.close('}')
		} else {
			w.raw("null")
		}
	}
	w.close('}')
}

// name writes {"en","ja"}, each left out when empty.
func (w *writer) name(n engine.Name) {
	w.open('{')
	first := true
	if n.En != "" {
		w.key(true, "en")
		w.str(n.En)
		first = false
	}
	if n.Ja != "" {
		w.key(first, "ja")
		w.str(n.Ja)
	}
	w.close('}')
}

func (w *writer) month(m *engine.MonthBill) {
	w.raw(`{"month":`)
	w.monthValue(m.Month)
	if w.summary != nil {
		w.raw(`,"lineCount":`)
		w.int(int64(len(m.Lines)))
	} else {
		w.raw(`,"lines":`)
		w.lines(m.Lines)
	}
	w.raw(`,"passportFees":`)
	if m.PassportFees == nil {
		w.raw("null")
	} else {
		w.open('[')
		for i := range m.PassportFees {
			w.comma(i)
			w.passportFee(&m.PassportFees[i])
		}
		w.close(']')
	}
	w.raw(`,"passportFeesTotal":`)
	w.yen(m.PassportFeesTotal)
	w.raw(`,"total":`)
	w.yen(m.Total)
	w.raw(`,"tax":`)
	w.yen(m.Tax)
	w.raw(`,"withoutPassports":`)
	w.yen(m.WithoutPassports)
	w.raw(`,"cumulative":`)
	w.yen(m.Cumulative)
	w.raw(`,"cumulativeWithoutPassports":`)
	w.yen(m.CumulativeWithoutPassports)
	w.raw(`,"creditsPaid":`)
	w.yen(m.CreditsPaid)
	w.raw(`,"credits":`)
	if m.Credits == nil {
		w.raw("null")
	} else {
		w.open('[')
		for i, c := range m.Credits {
			w.comma(i)
			w.raw(`{"id":`)
			w.str(c.ID)
			w.raw(`,"paid":`)
			w.yen(c.Paid)
			w.raw(`,"balance":`)
			w.yen(c.Balance)
			w.close('}')
		}
		w.close(']')
	}
	w.raw(`,"charged":`)
	w.yen(m.Charged)
	w.raw(`,"notices":`)
	if m.Notices == nil {
		w.raw("null")
	} else {
		w.open('[')
		for i := range m.Notices {
			w.comma(i)
			w.notice(&m.Notices[i])
		}
		w.close(']')
	}
	w.close('}')
}

func (w *writer) lines(lines []engine.Line) {
	if lines == nil {
		w.raw("null")
		return
	}
	w.open('[')
	for i := range lines {
		w.comma(i)
		w.line(&lines[i])
	}
	w.close(']')
}

func (w *writer) line(l *engine.Line) {
	w.raw(`{"resource":`)
	w.str(l.Resource)
	w.raw(`,"contract":`)
	w.int(int64(l.Contract))
	w.raw(`,"item":`)
	w.str(l.Item)
	w.raw(`,"zone":`)
	w.str(l.Zone)
	w.raw(`,"seconds":`)
	w.int(l.Seconds)
	w.raw(`,"hours":`)
	w.int(l.Hours)
	w.raw(`,"days":`)
	w.int(l.Days)
	w.raw(`,"restHours":`)
	w.int(l.RestHours)
	w.raw(`,"hourlyOnly":`)
	w.yenOrNull(l.HourlyOnly)
	w.raw(`,"hourlyDaily":`)
	w.yenOrNull(l.HourlyDaily)
	w.raw(`,"monthly":`)
	w.yenOrNull(l.Monthly)
	w.raw(`,"fee":`)
	w.yen(l.Fee.Amount)
	w.raw(`,"basis":`)
	w.enum(l.Basis.String())
	w.raw(`,"discount":`)
	w.yen(l.Discount)
	w.raw(`,"amount":`)
	w.yen(l.Amount)
	if l.Passport != nil {
		w.raw(`,"passport":`)
		w.raw(`{"id":`)
		w.str(l.Passport.ID)
		w.raw(`,"term":`)
		w.int(int64(l.Passport.Term))
		w.raw(`,"purchased":`)
		w.monthValue(l.Passport.Purchased)
		w.raw(`,"rate":`)
		w.str(l.Passport.Rate)
		w.close('}')
	}
	w.close('}')
}

func (w *writer) passportFee(f *engine.PassportFee) {
	w.raw(`{"passport":`)
	w.str(f.Passport)
	w.raw(`,"item":`)
	w.str(f.Item)
	w.raw(`,"zone":`)
	w.str(f.Zone)
	w.raw(`,"term":`)
	w.int(int64(f.Term))
	w.raw(`,"count":`)
	w.int(int64(f.Count))
	w.raw(`,"perRight":`)
	w.yen(f.PerRight)
	w.raw(`,"amount":`)
	w.yen(f.Amount)
	w.close('}')
}

func (w *writer) notice(n *engine.Notice) {
	w.raw(`{"kind":`)
	w.enum(n.Kind.String())
	w.raw(`,"date":`)
	w.date(n.Date)
	if n.Amount != nil {
		w.raw(`,"amount":`)
		w.yen(*n.Amount)
	}
	if n.Credit != "" {
		w.raw(`,"credit":`)
		w.str(n.Credit)
	}
	w.close('}')
}

func (w *writer) year(y *engine.YearTotal) {
	w.raw(`{"year":`)
	w.int(int64(y.Year))
	w.raw(`,"from":`)
	w.monthValue(y.From)
	w.raw(`,"to":`)
	w.monthValue(y.To)
	w.raw(`,"total":`)
	w.yen(y.Total)
	w.raw(`,"withoutPassports":`)
	w.yen(y.WithoutPassports)
	w.raw(`,"saving":`)
	w.yen(y.Saving)
	w.raw(`,"charged":`)
	w.yen(y.Charged)
	w.raw(`,"creditsUsed":`)
	w.yen(y.CreditsUsed)
	w.close('}')
}

func (w *writer) passport(p *engine.PassportSummary) {
	w.raw(`{"id":`)
	w.str(p.ID)
	w.raw(`,"item":`)
	w.str(p.Item)
	w.raw(`,"zone":`)
	w.str(p.Zone)
	w.raw(`,"term":`)
	w.int(int64(p.Term))
	w.raw(`,"count":`)
	w.int(int64(p.Count))
	w.raw(`,"purchased":`)
	w.monthValue(p.Purchased)
	w.raw(`,"validTo":`)
	w.monthValue(p.ValidTo)
	w.raw(`,"rate":`)
	w.str(p.Rate)
	w.raw(`,"fee":`)
	w.yen(p.Fee)
	w.raw(`,"feeBeforeHorizon":`)
	w.bool(p.FeeBeforeHorizon)
	w.raw(`,"discounts":`)
	w.yen(p.Discounts)
	w.raw(`,"breakEven":`)
	w.monthOrNull(p.BreakEven)
	w.raw(`,"unusedRightMonths":`)
	w.int(int64(p.UnusedRightMonths))
	w.close('}')
}

func (w *writer) credit(c *engine.CreditSummary) {
	w.raw(`{"id":`)
	w.str(c.ID)
	w.raw(`,"kind":`)
	w.enum(c.Kind.String())
	w.raw(`,"amount":`)
	w.yen(c.Amount)
	w.raw(`,"registered":`)
	w.date(c.Registered)
	w.raw(`,"expires":`)
	w.date(c.Expires)
	w.raw(`,"void":`)
	w.bool(c.Void)
	w.raw(`,"used":`)
	w.yen(c.Used)
	w.raw(`,"expiredUnused":`)
	w.yen(c.ExpiredUnused)
	w.raw(`,"exhausted":`)
	w.monthOrNull(c.Exhausted)
	w.close('}')
}
