// Marks every result that uses a custom (negotiated) price: the comparison
// card and the bill lines of each resource priced by an override or a custom
// item. The marks are one style sheet of rules by resource id, so they hold
// however and whenever the components (re)render their cards and lines.
import { t, register } from "../lib/i18n.js";

register({
  en: { customMark: "✱ Custom price", customMarkShort: "✱ custom" },
  ja: { customMark: "✱ 個別料金", customMarkShort: "✱ 個別料金" },
});

/** The ids of scenario's resources priced by an override or a custom item. */
export function customResources(scenario) {
  const custom = new Set([...(scenario?.overrides ?? []), ...(scenario?.customItems ?? [])].map((o) => `${o.item ?? o.id}@${o.zone}`));
  return (scenario?.resources ?? []).filter((r) => custom.has(`${r.item}@${r.zone}`)).map((r) => r.id);
}

// A constructed sheet: CSSOM, so a strict style-src (no inline <style>) allows it.
let marks = null;
function sheet() {
  if (!marks) {
    marks = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, marks];
  }
  return marks;
}

/** Writes the marks for scenario (none when it uses no custom price). */
let written = null;
export function markCustomPrices(scenario) {
  const css = (s) => JSON.stringify(String(s));
  const text = customResources(scenario).map((id) => `
[data-testid="comparison-card"][data-resource=${css(id)}]::before { content: ${css(t("customMark"))}; display: block; color: #8a4b00; font-weight: 600; font-size: .85rem; }
[data-testid="bills-line"][data-resource=${css(id)}] > :first-child::after { content: ${css(` ${t("customMarkShort")}`)}; color: #8a4b00; font-size: .8rem; }`).join("\n");
  // A document style sheet replaced, even by the same text, restyles every
  // element of the page: on every keystroke, most of the frame's work.
  if (text === written) return;
  written = text;
  sheet().replaceSync(text);
}
