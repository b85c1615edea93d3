// Data tables built from column descriptions, so a table, its CSV and its tests
// read the same raw figure through the same column's value().
//
// A column is {key, label(), value(row), money?, numeric?, show?(raw, row),
// attrs?(row)}: value gives the raw engine figure (null when absent), which
// every cell keeps in data-value; money columns display it with format.yen,
// others through show or as is; attrs adds data-* attributes. The first column
// is the row header.
import { yen } from "../lib/format.js";
import { h } from "./dom.js";
import { markRow } from "./custom-mark.js";

// One cell of a column for a row.
function cell(col, row, isRowHeader = false) {
  const raw = col.value(row);
  const aligned = col.money || col.numeric ? "sk-num" : null;
  let content;
  if (col.money) content = yen(raw);
  else if (col.show) content = col.show(raw, row);
  else content = raw ?? "—";
  return h(
    isRowHeader ? "th" : "td",
    { scope: isRowHeader ? "row" : null, class: aligned, "data-col": col.key, "data-value": raw ?? null, "data-label": col.label(), ...col.attrs?.(row) },
    content,
  );
}

/** The header row. */
export function headRow(columns) {
  return h(
    "tr",
    {},
    columns.map((c) => h("th", { scope: "col", class: c.money || c.numeric ? "sk-num" : null }, c.label())),
  );
}

/** A body row: the first column as the row header. */
export function bodyRow(columns, row, attrs = {}) {
  return h(
    "tr",
    attrs,
    columns.map((c, i) => cell(c, row, i === 0)),
  );
}

/** A whole table with a caption; rows for which marked(row) is true get the custom-price mark. */
export function dataTable({ caption, testid, className, columns, rows, rowAttrs = () => ({}), marked = () => false }) {
  return h(
    "table",
    { class: ["sk-table", "sk-stacked", className].filter(Boolean).join(" "), "data-testid": testid },
    h("caption", {}, caption),
    h("thead", {}, headRow(columns)),
    h(
      "tbody",
      {},
      rows.map((r) => (marked(r) ? markRow(bodyRow(columns, r, rowAttrs(r))) : bodyRow(columns, r, rowAttrs(r)))),
    ),
  );
}

// A table wider than its box stacks (sk-narrow: one block per row, each cell
// under its column's name from data-label), so no column hides behind a side
// scroll, at a phone's width or in the results column beside the form. Only
// the box's width decides: stacking makes the table taller, and a scroll bar
// it brings must not flip the choice back.
//
// Every box is read first, then written: the observer runs after layout, so
// the reads cost nothing, and a table not stacked yet is measured as it
// stands. Only stacked tables are unstacked to be measured, all at once, so
// one layout serves them all (one per box cost a forced layout each, after
// every re-render).
const widths = new WeakMap();
function fitTables(entries) {
  const tables = [];
  for (const { target: box } of entries) {
    // A re-render replaces the boxes: the old ones are let go.
    if (!box.isConnected) {
      fitting.unobserve(box);
      continue;
    }
    const width = box.clientWidth;
    if (!width || widths.get(box) === width) continue;
    widths.set(box, width);
    for (const table of box.querySelectorAll(":scope > table.sk-stacked")) tables.push({ table, width });
  }
  for (const { table } of tables) table.classList.remove("sk-narrow");
  for (const t of tables) t.wide = t.table.offsetWidth > t.width + 1;
  for (const { table, wide } of tables) table.classList.toggle("sk-narrow", wide);
}
const fitting = typeof ResizeObserver === "function" ? new ResizeObserver(fitTables) : null;

/** Wraps a table so it stacks when it does not fit, and scrolls on its own (a chart's table, say) before it widens the page. */
export function scroller(table) {
  const box = h("div", { class: "sk-scroll", tabindex: "0", role: "region", "aria-label": table.querySelector("caption")?.textContent ?? null }, table);
  fitting?.observe(box);
  return box;
}
