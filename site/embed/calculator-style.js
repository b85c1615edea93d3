// The calculator's styles, adopted by its shadow root: no <link> or <style>
// element, so a host's CSP needs no style-src for it, and nothing leaks out.
// The wrapper resets every inherited property (all: initial), so a host's
// font, colour or spacing rules reach neither the text nor the layout.
// Themed by the same custom properties as the result components.
export const css = `
:host { display: block !important; contain: content; margin: 1em 0 !important; }
:host([hidden]) { display: none !important; }
.calc {
  all: initial;
  display: block;
  --_fg: var(--sakura-fg, #1b1d21);
  --_muted: var(--sakura-muted, #5b616b);
  --_bg: var(--sakura-bg, #ffffff);
  --_surface: var(--sakura-surface, #f4f6f8);
  --_border: var(--sakura-border, #c9ced6);
  --_accent: var(--sakura-accent, #0a6cbd);
  --_highlight: var(--sakura-highlight, #e6f1fb);
  --_focus: var(--sakura-focus, #f0a020);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Noto Sans JP", sans-serif;
  color: var(--_fg); background: var(--_bg);
  border: 1px solid var(--_border); border-radius: 8px; padding: 12px 14px;
  box-sizing: border-box; max-width: 100%; overflow-x: auto;
}
@media (prefers-color-scheme: dark) {
  .calc {
    --_fg: var(--sakura-fg, #e8eaed); --_muted: var(--sakura-muted, #a4abb6);
    --_bg: var(--sakura-bg, #16181c); --_surface: var(--sakura-surface, #22252b);
    --_border: var(--sakura-border, #3a3f48); --_accent: var(--sakura-accent, #6cb4f5);
    --_highlight: var(--sakura-highlight, #1c3146);
  }
}
* { box-sizing: border-box; }
h2 { font-size: 15px; margin: 0 0 8px; font-weight: 600; }
form { display: flex; flex-wrap: wrap; gap: 8px 16px; margin: 0 0 10px; align-items: end; }
label { display: flex; flex-direction: column; font-size: 12px; color: var(--_muted); gap: 2px; }
input, select { font: inherit; font-size: 14px; color: var(--_fg); background: var(--_bg);
  border: 1px solid var(--_border); border-radius: 4px; padding: 3px 6px; width: 8em; }
input:focus-visible, select:focus-visible, a:focus-visible { outline: 2px solid var(--_focus); outline-offset: 1px; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: 4px 8px; border-bottom: 1px solid var(--_border); text-align: right; white-space: nowrap; }
th:first-child, td:first-child { text-align: left; }
thead th { font-size: 12px; color: var(--_muted); font-weight: 600; background: var(--_surface); }
tr.billed td { background: var(--_highlight); font-weight: 600; }
.message { padding: 8px 10px; border-radius: 4px; background: var(--_surface); }
.message.error { border-left: 4px solid #c0392b; }
footer { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 8px; margin-top: 8px; font-size: 12px; color: var(--_muted); }
a { color: var(--_accent); }
p { margin: 6px 0; }
svg { display: block; width: 100%; max-width: 520px; height: auto; margin-top: 8px; }
svg .axis { stroke: var(--_border); }
svg text { fill: var(--_muted); font-size: 10px; }
svg .hourlyOnly { stroke: #d9822b; } svg .hourlyDaily { stroke: #8e44ad; } svg .monthly { stroke: #27ae60; }
svg .fee { stroke: var(--_accent); stroke-width: 2.5; } svg .now { stroke: var(--_fg); stroke-dasharray: 3 3; }
svg polyline, svg line { fill: none; stroke-width: 1.5; }
`;

let sheet = null;
/** One constructed sheet, shared by every calculator on the page. */
export function styleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}
