//go:build e2e

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// The new messages at phone width and in Japanese: a bad link says what is
// wrong in Japanese, and the error count still opens the list of errors.
func TestTrust_phoneJapanese(t *testing.T) {
	t.Parallel()
	p := newTabAt(t, plainLink(`{"catalog":"list-2099","start":"2018-12","months":12,"resources":[]}`))
	if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(390, 844)); err != nil {
		t.Fatal(err)
	}
	p.waitText(byID("link-error"), "list-2099")
	p.click(byID("lang-toggle"))
	p.waitText(byID("link-error"), "このリンクを開けませんでした")
	p.waitText(byID("link-error"), "このページにない料金表 list-2099")
	p.waitUpToDate()
	fits := eval[bool](p, "the message fits the screen", withEl(byID("link-error"), `return el.getBoundingClientRect().right <= innerWidth;`, "false"))
	if !fits {
		t.Errorf("the link message is wider than a 390 px screen")
	}

	r := row("resource-row", 0)
	p.choose(r.in("resource-usage"), "hours")
	p.paste(r.in("resource-hours"), "800")
	p.waitAttr(byID("status"), "data-state", "errors")
	p.waitText(byID("stale-banner"), "最後に正しかった入力")
	p.waitText(byID("error-count"), "エラー 1 件")
	p.click(byID("error-count"))
	link := byID("error-link")
	p.waitVisible(link)
	p.waitText(link, "リソース 1")
	p.click(link)
	p.waitJS("the hours field to take the focus", `document.activeElement?.dataset.testid === "resource-hours"`)
}
