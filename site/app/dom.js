// Tiny DOM helpers, so row and section builders read like the markup they make.
import { t } from "../lib/i18n.js";

/** h("input", {type: "text", dataset: {testid: "x"}}, children…) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "dataset") Object.assign(el.dataset, v);
    else if (k === "class") el.className = v;
    else if (k === "text") el.textContent = v;
    else if (k === "value") el.value = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k in el && typeof v !== "string") el[k] = v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) el.append(c);
  return el;
}

// data-testid → its element, so a lookup is not a walk of the whole page:
// an attribute selector has no index, and at 500 resource rows
// document.querySelector walked ~50,000 elements to reach the results, a
// few ms each, a dozen times an estimate. An element that left the page or
// changed its testid is looked up again.
const byId = new Map();

/** The page's element with this data-testid (the first, as querySelector finds it). */
export function byTestId(id) {
  const known = byId.get(id);
  if (known?.isConnected && known.dataset.testid === id) return known;
  const el = document.querySelector(`[data-testid="${id}"]`);
  if (el) byId.set(id, el);
  else byId.delete(id);
  return el;
}

/** Learns every data-testid now on the page, while it is small (before the form's rows). */
export function learnTestIds() {
  for (const el of document.querySelectorAll("[data-testid]")) if (!byId.has(el.dataset.testid)) byId.set(el.dataset.testid, el);
}

let uid = 0;

/**
 * A labelled field: the label text is re-translated on language change through
 * data-i18n, and `data-field` names the path suffix errors are matched against.
 */
export function field(labelKey, control, fieldPath, extraClass = "") {
  control.id ||= `f${++uid}`;
  if (fieldPath) control.dataset.field = fieldPath;
  const label = h("label", { for: control.id, dataset: { i18n: labelKey }, text: t(labelKey) });
  return h("div", { class: `field ${extraClass}`.trim() }, label, control);
}

/** An <option>. */
export function option(value, text, selected = false) {
  const o = h("option", { value, text });
  o.selected = selected;
  return o;
}

/** Re-applies every data-i18n / data-i18n-placeholder / data-i18n-aria under root. */
export function translate(root = document) {
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll("[data-i18n-placeholder]")) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll("[data-i18n-aria]")) el.setAttribute("aria-label", t(el.dataset.i18nAria));
  for (const el of root.querySelectorAll("[data-i18n-html]")) el.innerHTML = t(el.dataset.i18nHtml);
}
