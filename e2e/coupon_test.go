//go:build e2e

package e2e

import (
	"fmt"
	"testing"
)

// R7's worked example through the form: a server at 9,504 a month from
// December 2018 and a coupon of 20,000 registered 2018-12-05, expiring
// 2019-03-31.
//
// From the spec (R7, R8): December pays 9,504 (balance 10,496), January
// 9,504 (balance 992); on 20 February, coupon-low-balance (992 < 2,000) and
// coupon-expiring (March is next month); February pays 992 (balance 0) and
// 9,504 − 992 = 8,512 is charged, with card-billing-started.
func TestCoupon_R7Example(t *testing.T) {
	t.Parallel()
	p := newTab(t)
	p.period("seed-2018", "2018-12", "12")
	p.resource(0, "web", "server/4core-8gb", "tk1a")
	p.click(byID("add-coupon"))
	c := row("credit-row", 0)
	p.waitAttr(c, "data-kind", "coupon")
	p.typeInto(c.in("credit-amount"), "20,000")
	p.setValue(c.in("credit-registered"), "2018-12-05")
	p.setValue(c.in("credit-expires"), "2019-03-31")
	p.waitUpToDate()

	balance := func(month string) loc {
		return find(fmt.Sprintf(`%s[data-month=%q]`, tid("credit-balance"), month)).find(`[data-credit="c1"]`)
	}
	p.waitValue(balance("2018-12"), "10496")
	p.waitValue(balance("2019-01"), "992")
	p.waitValue(balance("2019-02"), "0")
	for month, charged := range map[string]string{"2018-12": "0", "2019-01": "0", "2019-02": "8512", "2019-03": "9504"} {
		p.waitValue(billCell(month, "charged"), charged)
	}
	p.waitValue(billCell("2019-02", "creditsPaid"), "992")

	notice := func(kind string) loc { return find(fmt.Sprintf(`%s[data-kind=%q]`, tid("notice"), kind)) }
	p.waitAttr(notice("coupon-low-balance"), "data-date", "2019-02-20")
	p.waitAttr(notice("coupon-low-balance"), "data-credit", "c1")
	p.waitValue(notice("coupon-low-balance"), "992")
	p.waitAttr(notice("coupon-expiring"), "data-date", "2019-02-20")
	p.waitAttr(notice("card-billing-started"), "data-date", "2019-02-28")
	p.waitValue(notice("card-billing-started"), "8512")
	p.waitText(notice("card-billing-started"), "¥8,512")

	summary := find(tid("credit-summary") + `[data-credit="c1"]`)
	p.waitValue(summary.find(col("used")), "20000")
	p.waitValue(summary.find(col("expiredUnused")), "0")
	p.waitValue(summary.find(col("exhausted")), "2019-02")
}
