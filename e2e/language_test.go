//go:build e2e

package e2e

import "testing"

// The language toggle switches the labels and the money format, and back;
// the raw figures stay the same.
func TestLanguage_toggle(t *testing.T) {
	t.Parallel()
	p := newTab(t)
	p.period("seed-2018", "2018-12", "12")
	p.resource(0, "web", "server/4core-8gb", "tk1a")
	total := billCell("2018-12", "total")
	p.waitValue(total, "9504")

	steps := []struct {
		lang, money, addResource, status, toggle string
	}{
		{"ja", "9,504円", "リソースを追加", "最新の試算です", "English"},
		{"en", "¥9,504", "Add resource", "Up to date", "日本語"},
	}
	p.waitText(total, "¥9,504")
	for _, s := range steps {
		t.Logf("switching to %s", s.lang)
		p.click(byID("lang-toggle"))
		p.waitJS("the document language "+s.lang, `document.documentElement.lang === "`+s.lang+`"`)
		p.waitText(total, s.money)
		p.waitText(byID("add-resource"), s.addResource)
		p.waitText(byID("status"), s.status)
		p.waitText(byID("lang-toggle"), s.toggle)
		p.waitValue(total, "9504")
	}
}
