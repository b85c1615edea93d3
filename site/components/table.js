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

/** A whole table with a caption. */
export function dataTable({ caption, testid, className, columns, rows, rowAttrs = () => ({}) }) {
  return h(
    "table",
    { class: ["sk-table", "sk-stacked", className].filter(Boolean).join(" "), "data-testid": testid },
    h("caption", {}, caption),
    h("thead", {}, headRow(columns)),
    h(
      "tbody",
      {},
      rows.map((r) => bodyRow(columns, r, rowAttrs(r))),
    ),
  );
}

/** Wraps a wide table so it scrolls on its own instead of widening the page. */
export function scroller(table) {
  return h("div", { class: "sk-scroll", tabindex: "0", role: "region", "aria-label": table.querySelector("caption")?.textContent ?? null }, table);
}
