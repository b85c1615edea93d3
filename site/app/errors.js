// Puts each error beside the field its JSON path names (field-error with
// data-path), marks that field aria-invalid, and sends the rest to form-errors.
import { h } from "./dom.js";
import { problemText } from "../lib/messages.js";

const ROW_LISTS = { resources: "resource-row", passports: "passport-row", credits: "credit-row" };

// Drops the last ".name" or "[n]" of a path: "usage.intervals[0].start" → "usage.intervals[0]".
const parent = (p) => p.replace(/(\.[^.[\]]+|\[\d+\])$/, "");

function fieldInRow(row, rest) {
  if (rest === "prices") return { box: row.querySelector(".overrides"), controls: [...row.querySelectorAll(".overrides [data-field]")] };
  for (let p = rest; p; ) {
    const c = row.querySelector(`[data-field="${CSS.escape(p)}"]`);
    if (c) return { box: c.closest(".field"), controls: [c] };
    const up = parent(p);
    if (up === p) break;
    p = up;
  }
  return { box: row.querySelector(".row-errors"), controls: [] };
}

/** Where an error goes: {box, controls}; box null means form-errors. */
function locate(path, form, overrideRows) {
  let m = /^(resources|passports|credits)\[(\d+)\]\.?(.*)$/.exec(path);
  if (m) {
    const row = form.querySelectorAll(`[data-testid="${ROW_LISTS[m[1]]}"]`)[Number(m[2])];
    if (row) return fieldInRow(row, m[3]);
  }
  m = /^overrides\[(\d+)\]\.?(.*)$/.exec(path);
  if (m && overrideRows[Number(m[1])] !== undefined) {
    const row = form.querySelectorAll('[data-testid="resource-row"]')[overrideRows[Number(m[1])]];
    if (row) return fieldInRow(row, ["item", "zone", "hourly", "daily", "monthly"].includes(m[2]) ? m[2] : "prices");
  }
  for (let p = path; p; ) {
    // The last visible one: with a custom horizon, the months box rather than the select.
    // Only the field's own box counts: the whole form is hidden while a link opens.
    const visible = [...form.querySelectorAll(`[data-top-field="${CSS.escape(p)}"]`)].filter((c) => !c.closest(".field")?.hidden).pop();
    if (visible) return { box: visible.closest(".field"), controls: [visible] };
    const up = parent(p);
    if (up === p) break;
    p = up;
  }
  return { box: null, controls: [] };
}

let serial = 0;

// What showErrors put in each form: its notes and the controls it marked
// invalid. Clearing them from this list, not by a search of the form, keeps
// an estimate at 500 resource rows from walking ~50,000 elements twice.
const shownIn = new WeakMap(); // form → {notes, controls}

/** Removes every shown error. */
export function clearErrors(form, formErrors) {
  const shown = shownIn.get(form);
  shownIn.delete(form);
  for (const el of shown?.notes ?? []) el.remove();
  for (const el of shown?.controls ?? []) {
    el.removeAttribute("aria-invalid");
    el.removeAttribute("aria-describedby");
  }
  formErrors.replaceChildren();
  formErrors.hidden = true;
}

/**
 * Shows errors [{path, code?, args?, message}]; overrideRows maps overrides[k] to its
 * resource row. Returns [{path, message, element, control}] in order: control
 * is the field to focus (null when the error has none).
 */
export function showErrors(errors, form, formErrors, overrideRows = []) {
  clearErrors(form, formErrors);
  const shown = [];
  const marks = { notes: [], controls: [] };
  shownIn.set(form, marks);
  for (const error of errors) {
    // The engine's errors are worded here from code and args; the page's own
    // come already worded (no code).
    const { path = "" } = error;
    const message = problemText(error);
    const { box, controls } = locate(path, form, overrideRows);
    const id = `err${++serial}`;
    const el = h("p", { class: "field-error", id, dataset: { testid: "field-error", path }, text: message });
    (box ?? formErrors).append(el);
    marks.notes.push(el);
    if (!box) formErrors.hidden = false;
    marks.controls.push(...controls);
    for (const c of controls) {
      c.setAttribute("aria-invalid", "true");
      c.setAttribute("aria-describedby", `${c.getAttribute("aria-describedby") ?? ""} ${id}`.trim());
    }
    shown.push({ path, message, element: el, control: controls[0] ?? box?.querySelector("input, select, textarea, button") ?? null });
  }
  return shown;
}
