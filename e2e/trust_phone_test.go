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
	p.waitText(byID("error-count"), "エラー1件")
	p.click(byID("error-count"))
	link := byID("error-link")
	p.waitVisible(link)
	p.waitText(link, "リソース 1")
	p.click(link)
	p.waitJS("the hours field to take the focus", `document.activeElement?.dataset.testid === "resource-hours"`)
}

// An engine error in Japanese beside the field it names, worded by the page
// from the error's code (badHours) and args, at desktop and phone width.
func TestLayout_japaneseFieldError(t *testing.T) {
	t.Parallel()
	for _, width := range []int64{1280, 390} {
		p := newTab(t)
		if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(width, 900)); err != nil {
			t.Fatal(err)
		}
		p.click(byID("lang-toggle"))
		r := row("resource-row", 0)
		p.choose(r.in("resource-usage"), "hours")
		p.paste(r.in("resource-hours"), "800")
		const path = "resources[0].usage.hours"
		p.waitVisible(fieldError(path))
		// contract.md: badHours is "must be a number of hours from 0 to 744".
		p.waitText(fieldError(path), "0〜744時間の数値で入力してください")
		beside := eval[bool](p, "finding the hours field beside its error", withEl(fieldError(path),
			`return el.closest(".field")?.querySelector('[data-testid="resource-hours"]') != null;`, "false"))
		if !beside {
			t.Errorf("%d px: the Japanese error is not in the hours field's box", width)
		}
		// Back to English: the same error in the engine's words.
		p.click(byID("lang-toggle"))
		p.waitText(fieldError(path), "must be a number of hours from 0 to 744")
	}
}
