package contract

import (
	"strconv"
	"unicode/utf8"

	"github.com/sakura-sim/pricesim/engine"
)

// AppendEstimate appends the estimate document (contract.md, "Estimate") to
// b. Each field is written in the contract's order by hand, without
// reflection: an estimate holds tens of thousands of lines, and writing one
// allocates nothing. Strings are escaped as encoding/json escapes them (<, >,
// &, U+2028 and U+2029 included), so the page reads the same bytes as ever.
func AppendEstimate(b []byte, r engine.Result) []byte {
	w := writer{b: b}
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
	return w.b
}

// estimateSize guesses the written size of an estimate, so the buffer grows
// once: about 330 bytes a line and 400 a month besides.
func estimateSize(r engine.Result) int {
	n := 4096 + 300*len(r.Resources) + 300*len(r.Passports) + 300*len(r.Credits)
	for i := range r.Months {
		n += 400 + 330*len(r.Months[i].Lines) + 120*len(r.Months[i].Credits) + 100*len(r.Months[i].Notices) +
			150*len(r.Months[i].PassportFees)
	}
	return n
}

// writer appends JSON to b.
type writer struct{ b []byte }

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

func (w *writer) str(s string) { w.b = appendString(w.b, s) }
func (w *writer) int(n int64)  { w.b = strconv.AppendInt(w.b, n, 10) }
func (w *writer) bool(v bool)  { w.b = strconv.AppendBool(w.b, v) }

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
	w.key(false, "asOf")
	w.str(c.AsOf)
	w.key(false, "taxRate")
	w.str(c.TaxRate)
	w.key(false, "source")
	w.str(c.Source)
	w.key(false, "estimated")
	if c.Estimated == nil {
		w.raw("null")
	} else {
		w.open('[')
		for i, e := range c.Estimated {
			w.comma(i)
			w.raw(`{"item":`)
			w.str(e.Item)
			w.key(false, "zone")
			w.str(e.Zone)
			w.key(false, "prices")
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
	w.key(false, "item")
	w.str(r.Item)
	w.key(false, "zone")
	w.str(r.Zone)
	w.key(false, "kind")
	w.str(r.Kind)
	w.key(false, "name")
	w.name(r.Name)
	w.key(false, "count")
	w.int(int64(r.Count))
	w.key(false, "hourly")
	w.priceOrNull(r.Hourly)
	w.key(false, "daily")
	w.priceOrNull(r.Daily)
	w.key(false, "monthly")
	w.priceOrNull(r.Monthly)
	w.key(false, "estimated")
	w.strings(r.Estimated)
	w.key(false, "dailyFromHours")
	w.intOrNull(r.DailyFromHours)
	w.key(false, "monthlyFromHours")
	w.intOrNull(r.MonthlyFromHours)
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
	w.key(false, "lines")
	if m.Lines == nil {
		w.raw("null")
	} else {
		w.open('[')
		for i := range m.Lines {
			w.comma(i)
			w.line(&m.Lines[i])
		}
		w.close(']')
	}
	w.key(false, "passportFees")
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
	w.key(false, "passportFeesTotal")
	w.yen(m.PassportFeesTotal)
	w.key(false, "total")
	w.yen(m.Total)
	w.key(false, "tax")
	w.yen(m.Tax)
	w.key(false, "withoutPassports")
	w.yen(m.WithoutPassports)
	w.key(false, "cumulative")
	w.yen(m.Cumulative)
	w.key(false, "cumulativeWithoutPassports")
	w.yen(m.CumulativeWithoutPassports)
	w.key(false, "creditsPaid")
	w.yen(m.CreditsPaid)
	w.key(false, "credits")
	if m.Credits == nil {
		w.raw("null")
	} else {
		w.open('[')
		for i, c := range m.Credits {
			w.comma(i)
			w.raw(`{"id":`)
			w.str(c.ID)
			w.key(false, "paid")
			w.yen(c.Paid)
			w.key(false, "balance")
			w.yen(c.Balance)
			w.close('}')
		}
		w.close(']')
	}
	w.key(false, "charged")
	w.yen(m.Charged)
	w.key(false, "notices")
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

func (w *writer) line(l *engine.Line) {
	w.raw(`{"resource":`)
	w.str(l.Resource)
	w.key(false, "contract")
	w.int(int64(l.Contract))
	w.key(false, "item")
	w.str(l.Item)
	w.key(false, "zone")
	w.str(l.Zone)
	w.key(false, "seconds")
	w.int(l.Seconds)
	w.key(false, "hours")
	w.int(l.Hours)
	w.key(false, "days")
	w.int(l.Days)
	w.key(false, "restHours")
	w.int(l.RestHours)
	w.key(false, "hourlyOnly")
	w.yenOrNull(l.HourlyOnly)
	w.key(false, "hourlyDaily")
	w.yenOrNull(l.HourlyDaily)
	w.key(false, "monthly")
	w.yenOrNull(l.Monthly)
	w.key(false, "fee")
	w.yen(l.Fee)
	w.key(false, "basis")
	w.str(l.Basis)
	w.key(false, "discount")
	w.yen(l.Discount)
	w.key(false, "amount")
	w.yen(l.Amount)
	if l.Passport != nil {
		w.key(false, "passport")
		w.raw(`{"id":`)
		w.str(l.Passport.ID)
		w.key(false, "term")
		w.int(int64(l.Passport.Term))
		w.key(false, "purchased")
		w.monthValue(l.Passport.Purchased)
		w.key(false, "rate")
		w.str(l.Passport.Rate)
		w.close('}')
	}
	w.close('}')
}

func (w *writer) passportFee(f *engine.PassportFee) {
	w.raw(`{"passport":`)
	w.str(f.Passport)
	w.key(false, "item")
	w.str(f.Item)
	w.key(false, "zone")
	w.str(f.Zone)
	w.key(false, "term")
	w.int(int64(f.Term))
	w.key(false, "count")
	w.int(int64(f.Count))
	w.key(false, "perRight")
	w.yen(f.PerRight)
	w.key(false, "amount")
	w.yen(f.Amount)
	w.close('}')
}

func (w *writer) notice(n *engine.Notice) {
	w.raw(`{"kind":`)
	w.str(n.Kind)
	w.key(false, "date")
	w.date(n.Date)
	if n.Amount != nil {
		w.key(false, "amount")
		w.yen(*n.Amount)
	}
	if n.Credit != "" {
		w.key(false, "credit")
		w.str(n.Credit)
	}
	w.close('}')
}

func (w *writer) year(y *engine.YearTotal) {
	w.raw(`{"year":`)
	w.int(int64(y.Year))
	w.key(false, "from")
	w.monthValue(y.From)
	w.key(false, "to")
	w.monthValue(y.To)
	w.key(false, "total")
	w.yen(y.Total)
	w.key(false, "withoutPassports")
	w.yen(y.WithoutPassports)
	w.key(false, "saving")
	w.yen(y.Saving)
	w.key(false, "charged")
	w.yen(y.Charged)
	w.key(false, "creditsUsed")
	w.yen(y.CreditsUsed)
	w.close('}')
}

func (w *writer) passport(p *engine.PassportSummary) {
	w.raw(`{"id":`)
	w.str(p.ID)
	w.key(false, "item")
	w.str(p.Item)
	w.key(false, "zone")
	w.str(p.Zone)
	w.key(false, "term")
	w.int(int64(p.Term))
	w.key(false, "count")
	w.int(int64(p.Count))
	w.key(false, "purchased")
	w.monthValue(p.Purchased)
	w.key(false, "validTo")
	w.monthValue(p.ValidTo)
	w.key(false, "rate")
	w.str(p.Rate)
	w.key(false, "fee")
	w.yen(p.Fee)
	w.key(false, "feeBeforeHorizon")
	w.bool(p.FeeBeforeHorizon)
	w.key(false, "discounts")
	w.yen(p.Discounts)
	w.key(false, "breakEven")
	w.monthOrNull(p.BreakEven)
	w.key(false, "unusedRightMonths")
	w.int(int64(p.UnusedRightMonths))
	w.close('}')
}

func (w *writer) credit(c *engine.CreditSummary) {
	w.raw(`{"id":`)
	w.str(c.ID)
	w.key(false, "kind")
	w.str(c.Kind)
	w.key(false, "amount")
	w.yen(c.Amount)
	w.key(false, "registered")
	w.date(c.Registered)
	w.key(false, "expires")
	w.date(c.Expires)
	w.key(false, "void")
	w.bool(c.Void)
	w.key(false, "used")
	w.yen(c.Used)
	w.key(false, "expiredUnused")
	w.yen(c.ExpiredUnused)
	w.key(false, "exhausted")
	w.monthOrNull(c.Exhausted)
	w.close('}')
}

const hexDigits = "0123456789abcdef"

// appendString writes s as a JSON string exactly as encoding/json does with
// its default HTML escaping: <, > and & become \u003c, \u003e and \u0026,
// U+2028 and U+2029 are escaped, and invalid UTF-8 becomes \ufffd.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
