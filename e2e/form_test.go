//go:build e2e

package e2e

import "fmt"

// The scenario form, filled as a user fills it. Each helper waits for what it
// needs (rows, options), never for time.

// period picks the catalog, the start month and a horizon of 12, 24, 36 or 60
// months.
func (p *page) period(catalog, start, months string) {
	p.t.Helper()
	p.choose(byID("catalog-select"), catalog)
	p.setValue(byID("start-month"), start)
	p.choose(byID("horizon-select"), months)
}

// resource fills the n-th resource row (adding rows as needed) with an id, an
// item in a zone, running all the time.
func (p *page) resource(n int, id, item, zone string) loc {
	p.t.Helper()
	for p.count(tid("resource-row")) <= n {
		before := p.count(tid("resource-row"))
		p.click(byID("add-resource"))
		p.waitJS("a new resource row", fmt.Sprintf(`__e2eAll(document, %q).length > %d`, tid("resource-row"), before))
	}
	r := row("resource-row", n)
	p.typeInto(r.in("resource-id"), id)
	p.choose(r.in("resource-item"), item)
	p.choose(r.in("resource-zone"), zone)
	p.choose(r.in("resource-usage"), "always")
	return r
}

// addPassport adds a passport purchase and fills it.
func (p *page) addPassport(zone, item, term, purchased string) loc {
	p.t.Helper()
	before := p.count(tid("passport-row"))
	p.click(byID("add-passport"))
	r := row("passport-row", before)
	p.choose(r.in("passport-zone"), zone)
	p.choose(r.in("passport-item"), item)
	p.choose(r.in("passport-term"), term)
	p.typeInto(r.in("passport-count"), "1")
	p.setValue(r.in("passport-month"), purchased)
	return r
}

// yearCell is a cell of the years table.
func yearCell(year int, column string) loc {
	return find(fmt.Sprintf(`%s[data-year="%d"]`, tid("years-row"), year)).find(col(column))
}

// cumulativeCell is a cell of the table behind the cumulative chart.
func cumulativeCell(month, column string) loc {
	return byID("years-table").find(fmt.Sprintf(`tr[data-month=%q]`, month)).find(col(column))
}

// billCell is a cell of a month's row in the bills table.
func billCell(month, column string) loc {
	return find(fmt.Sprintf(`%s[data-month=%q]`, tid("bills-row"), month)).find(col(column))
}

// figure is a figure of a resource's comparison card.
func figure(resource, name string) loc {
	return find(fmt.Sprintf(`%s[data-resource=%q]`, tid("comparison-card"), resource)).find(fmt.Sprintf(`[data-figure=%q]`, name))
}

// fieldError is the error shown for an engine path.
func fieldError(path string) loc {
	return find(fmt.Sprintf(`%s[data-path=%q]`, tid("field-error"), path))
}

// waitUpToDate waits until the status says the form has no errors.
func (p *page) waitUpToDate() {
	p.t.Helper()
	p.waitJSOr("the status to say up to date", withEl(byID("status"), `return el.dataset.state === "ok";`, "false"),
		func() string {
			return p.peek(withEl(byID("status"), `return JSON.stringify(el.innerText);`, `""`)) + p.errorsShown()
		})
}
