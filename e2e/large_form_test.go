//go:build e2e

package e2e

import (
	"fmt"
	"strings"
	"testing"
)

// A form of more than 50 rows builds real controls only for the rows near
// the viewport (site/app/row-window.js); the others are placeholders with a
// summary line. These tests use 120 rows: r1…r120, each one 2-core 4 GB
// server in Tokyo 1A running all the time, at a custom price of 4,000 a
// month with no hourly or daily price (so the month is always 4,000), over
// 12 months from 2027-01. Row 100 (hours, when given) runs that many hours.
func largeFormLink(row100 string) string {
	var res []string
	for i := 1; i <= 120; i++ {
		usage := `{"pattern":"always"}`
		if i == 100 && row100 != "" {
			usage = fmt.Sprintf(`{"pattern":"hours","hours":%q}`, row100)
		}
		res = append(res, fmt.Sprintf(`{"id":"r%d","item":"server/2core-4gb","zone":"tk1a","count":1,"usage":%s}`, i, usage))
	}
	return plainLink(`{"catalog":"list-2026","start":"2027-01","months":12,"resources":[` + strings.Join(res, ",") +
		`],"overrides":[{"item":"server/2core-4gb","zone":"tk1a","hourly":null,"daily":null,"monthly":"4000"}]}`)
}

// nthRow is resource row n (from 1), built or not.
func nthRow(n int) string {
	return fmt.Sprintf(`document.querySelectorAll('[data-testid="resource-row"]')[%d]`, n-1)
}

// total reads the 12 months' total in the line above the results, in yen.
func (p *page) total() string {
	p.t.Helper()
	return eval[string](p, "the total", `document.querySelector('[data-testid="summary"] strong')?.textContent.replace(/[^0-9]/g, "") ?? ""`)
}

// Row 100 is a placeholder on opening, with a summary a reader (and
// find-in-page) can read; scrolled to, it is built, and its count typed from
// 1 to 3 adds two servers for 12 months: 2 × 4,000 × 12 = 96,000, so
// 120 × 4,000 × 12 = 5,760,000 becomes 5,856,000. Scrolled away and back, the
// row still holds 3.
func TestLargeForm_farRowScrolledToAndEdited(t *testing.T) {
	t.Parallel()
	p := newTabAt(t, largeFormLink(""))
	p.waitUpToDate()
	if got := p.total(); got != "5760000" {
		t.Fatalf("120 servers at 4,000 for 12 months total %s, want 5760000", got)
	}
	if built := eval[int](p, "built rows", `[...document.querySelectorAll('[data-testid="resource-row"]')].filter((r) => !r.hasAttribute("data-placeholder")).length`); built > 20 {
		t.Errorf("%d of 120 rows are built on opening, want only those near the viewport", built)
	}
	summary := eval[string](p, "row 100's summary", nthRow(100)+`.hasAttribute("data-placeholder") ? `+nthRow(100)+`.textContent : "built"`)
	for _, want := range []string{"r100", "Server", "2 cores / 4 GB", "× 1", "All the time", "custom prices"} {
		if !strings.Contains(summary, want) {
			t.Errorf("row 100's placeholder reads %q, want it to include %q", summary, want)
		}
	}

	p.scrollToRow(100)
	count := row("resource-row", 99).in("resource-count")
	if got := p.value(count); got != "1" {
		t.Fatalf("row 100's count reads %q once built, want 1", got)
	}
	p.typeInto(count, "3")
	p.waitUpToDate()
	eval[bool](p, "leaving the field", `(document.activeElement.blur(), true)`)
	if got := p.total(); got != "5856000" {
		t.Errorf("after row 100's count went from 1 to 3 the total is %s, want 5856000 (5,760,000 + 2 × 4,000 × 12)", got)
	}

	// Away to the top (row 100 is torn down to its placeholder) and back.
	eval[bool](p, "scrolling to the top", `(scrollTo(0, 0), true)`)
	p.waitJS("row 100 back to a placeholder", nthRow(100)+`.hasAttribute("data-placeholder")`)
	if s := eval[string](p, "row 100's summary", nthRow(100)+`.textContent`); !strings.Contains(s, "× 3") {
		t.Errorf("row 100's placeholder reads %q after the edit, want × 3", s)
	}
	p.scrollToRow(100)
	if got := p.value(count); got != "3" {
		t.Errorf("row 100's count reads %q when scrolled back to, want the 3 typed", got)
	}
	if got := p.total(); got != "5856000" {
		t.Errorf("the total is %s after scrolling away and back, want 5856000", got)
	}
}

// An engine error in a row that is not built (row 100 runs 800 hours: a
// month has at most 744) is shown on its placeholder and listed by name; its
// link builds the row, scrolls it into view and focuses the hours field, in
// English and in Japanese.
func TestLargeForm_errorInUnbuiltRowLeadsToItsField(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ lang, label, count string }{
		{"en", "Resource 100 · Hours per month", "1 error"},
		{"ja", "リソース 100 · 月あたりの時間", "エラー1件"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			p := newTabAt(t, largeFormLink("800"))
			if c.lang == "ja" {
				p.click(byID("lang-toggle"))
				p.waitJS("Japanese", `document.documentElement.lang === "ja"`)
			}
			p.waitAttr(byID("status"), "data-state", "errors")
			if !eval[bool](p, "row 100 unbuilt", nthRow(100)+`.hasAttribute("data-placeholder")`) {
				t.Fatalf("row 100 is built on opening; this test needs it far from the viewport")
			}
			p.waitJS("the error on row 100's placeholder", nthRow(100)+`.querySelector('[data-testid="field-error"][data-path="resources[99].usage.hours"]') != null`)

			p.waitText(byID("error-count"), c.count)
			p.click(byID("error-count"))
			link := find(tid("error-link") + `[data-path="resources[99].usage.hours"]`)
			p.waitVisible(link)
			if got := p.text(link); !strings.HasPrefix(got, c.label+": ") {
				t.Errorf("the error list reads %q, want it to start with %q", got, c.label+": ")
			}
			p.click(link)
			p.waitJS("row 100's hours focused", `document.activeElement === `+nthRow(100)+`.querySelector('[data-testid="resource-hours"]')`)
			// In view once the rows around it are built (a frame or two later).
			p.waitJSOr("the hours field in view", `(() => {
				const r = document.activeElement.getBoundingClientRect();
				return r.top >= 0 && r.bottom <= innerHeight && r.height > 0;
			})()`, func() string {
				return p.peek(`JSON.stringify({r: document.activeElement.getBoundingClientRect(), h: innerHeight, y: scrollY,
					built: [...document.querySelectorAll('[data-testid="resource-row"]')].map((r, i) => r.hasAttribute("data-placeholder") ? "" : i + ":" + Math.round(r.getBoundingClientRect().top)).filter(Boolean).join(",")})`)
			})
			if eval[string](p, "the focus", `document.activeElement?.dataset.testid ?? ""`) != "resource-hours" {
				t.Errorf("the focus left row 100's hours field as the rows around it were built")
			}
			if got := p.attr(row("resource-row", 99).in("resource-hours"), "aria-invalid"); got != "true" {
				t.Errorf("row 100's hours has aria-invalid %q once built, want true", got)
			}
			if got := p.value(row("resource-row", 99).in("resource-hours")); got != "800" {
				t.Errorf("row 100's hours reads %q once built, want the 800 of the link", got)
			}
			if !eval[bool](p, "the error beside the field", nthRow(100)+`.querySelector('[data-testid="resource-hours"]').closest(".field").querySelector('[data-testid="field-error"]') != null`) {
				t.Errorf("the error is not beside row 100's hours field once built")
			}
		})
	}
}
