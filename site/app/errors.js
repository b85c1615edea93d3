// Puts each error beside the field its JSON path names (field-error with
// data-path), marks that field aria-invalid, and sends the rest to form-errors.
import { h } from "./dom.js";
import { problemText } from "../lib/messages.js";

// The form's row lists by the name their paths use; each child is one row,
// built or a placeholder (row-window.js).
const ROW_LISTS = { resources: "resource-rows", passports: "passport-rows", credits: "credit-rows" };

const rowAt = (form, list, i) => form.ownerDocument.getElementById(ROW_LISTS[list])?.children[i] ?? null;

// Drops the last ".name" or "[n]" of a path: "usage.intervals[0].start" → "usage.intervals[0]".
const parent = (p) => p.replace(/(\.[^.[\]]+|\[\d+\])$/, "");

// A placeholder has no fields: its errors go in its own box, on the summary.
function fieldInRow(row, rest) {
  const prices = rest === "prices" && row.querySelector(".overrides");
  if (prices) return { box: prices, controls: [...row.querySelectorAll(".overrides [data-field]")] };
  for (let p = rest; p; ) {
    const c = row.querySelector(`[data-field="${CSS.escape(p)}"]`);
    if (c) return { box: c.closest(".field"), controls: [c] };
    const up = parent(p);
    if (up === p) break;
    p = up;
  }
  return { box: row.querySelector(".row-errors"), controls: [] };
}

/** The row an error path names: {list, index, rest}, or null. */
function slotOf(path, overrideRows) {
  let m = /^(resources|passports|credits)\[(\d+)\]\.?(.*)$/.exec(path);
  if (m) return { list: m[1], index: Number(m[2]), rest: m[3] };
  m = /^overrides\[(\d+)\]\.?(.*)$/.exec(path);
  if (m && overrideRows[Number(m[1])] !== undefined) {
    return { list: "resources", index: overrideRows[Number(m[1])], rest: ["item", "zone", "hourly", "daily", "monthly"].includes(m[2]) ? m[2] : "prices" };
  }
  return null;
}

/** Where an error goes: {box, controls, slot}; box null means form-errors; slot is the row it names. */
function locate(path, form, overrideRows) {
  const slot = slotOf(path, overrideRows);
  const row = slot && rowAt(form, slot.list, slot.index);
  if (row) return { ...fieldInRow(row, slot.rest), slot };
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

/** The control to focus for an error in row (built) at rest, or null. */
export function controlInRow(row, rest) {
  const { box, controls } = fieldInRow(row, rest);
  return controls[0] ?? box?.querySelector("input, select, textarea, button") ?? null;
}

/**
 * Puts the shown errors of the row at index of list back on it, after its
 * element was replaced (built from its placeholder, or torn down to one).
 */
export function reattachRowErrors(form, list, index, row) {
  const marks = shownIn.get(form);
  for (const note of marks?.rows.get(`${list}[${index}]`) ?? []) {
    const { box, controls } = fieldInRow(row, note.rest);
    box.append(note.el);
    marks.controls.push(...controls);
    mark(controls, note.el.id);
  }
}

function mark(controls, id) {
  for (const c of controls) {
    c.setAttribute("aria-invalid", "true");
    c.setAttribute("aria-describedby", `${c.getAttribute("aria-describedby") ?? ""} ${id}`.trim());
  }
}

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
 * is the field to focus (null when the error has none, or its row is not
 * built), slot the row the error names ({list, index, rest}) or null.
 */
export function showErrors(errors, form, formErrors, overrideRows = []) {
  clearErrors(form, formErrors);
  const shown = [];
  const marks = { notes: [], controls: [], rows: new Map() }; // rows: "list[i]" → [{el, rest}]
  shownIn.set(form, marks);
  for (const error of errors) {
    // The engine's errors are worded here from code and args; the page's own
    // come already worded (no code).
    const { path = "" } = error;
    const message = problemText(error);
    const { box, controls, slot } = locate(path, form, overrideRows);
    const id = `err${++serial}`;
    const el = h("p", { class: "field-error", id, dataset: { testid: "field-error", path }, text: message });
    (box ?? formErrors).append(el);
    marks.notes.push(el);
    if (!box) formErrors.hidden = false;
    marks.controls.push(...controls);
    mark(controls, id);
    if (slot) {
      const key = `${slot.list}[${slot.index}]`;
      if (!marks.rows.has(key)) marks.rows.set(key, []);
      marks.rows.get(key).push({ el, rest: slot.rest });
    }
    shown.push({ path, message, element: el, slot, control: controls[0] ?? box?.querySelector("input, select, textarea, button") ?? null });
  }
  return shown;
}
