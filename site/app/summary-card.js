// The totals that stay in view while the form is edited: on wide screens a
// card at the top of the results column (which itself stays beside the form),
// on phones a bar at the bottom of the screen with a button to the results.
// Both show the engine's own figures, never sums made here: the first month's
// bill, each year and the whole horizon, with and without passports.
import { t, register } from "../lib/i18n.js";
import { yen, month as fmtMonth } from "../lib/format.js";
import { h } from "./dom.js";

register({
  en: {
    "sum.title": "Totals",
    "sum.caption": "Totals of the estimate, with and without discount passports",
    "sum.period": "Period",
    "sum.with": "With passports",
    "sum.without": "Without passports",
    "sum.firstMonth": "First month",
    "sum.year": "Year {n}",
    "sum.horizon": "Whole period",
    "sum.range": "{from} – {to}",
    "sum.months": "{n} months",
    "sum.custom": "Includes custom prices",
    "bar.total": "{n} months: {total}",
    "bar.first": "first month {amount}",
    "bar.toResults": "Results",
  },
  ja: {
    "sum.title": "合計",
    "sum.caption": "試算の合計(ディスカウントパスポートあり・なし)",
    "sum.period": "期間",
    "sum.with": "パスポートあり",
    "sum.without": "パスポートなし",
    "sum.firstMonth": "最初の月",
    "sum.year": "{n}年目",
    "sum.horizon": "期間全体",
    "sum.range": "{from}〜{to}",
    "sum.months": "{n}か月",
    "sum.custom": "個別料金を含みます",
    "bar.total": "{n}か月:{total}",
    "bar.first": "最初の月 {amount}",
    "bar.toResults": "試算結果へ",
  },
});

/** Whether the scenario prices anything at a custom price (overrides or custom items). */
export function usesCustomPrices(scenario) {
  return Boolean(scenario?.overrides?.length || (scenario?.customItems ?? scenario?.custom)?.length);
}

/** The summary table for estimate: rows of {label, with, without, testid}. */
export function summaryRows(estimate) {
  const months = estimate?.months ?? [];
  if (!months.length) return [];
  const first = months[0], last = months[months.length - 1];
  const rows = [{ key: "first", label: t("sum.firstMonth"), when: fmtMonth(first.month), with: first.total, without: first.withoutPassports }];
  for (const y of estimate.years ?? []) {
    rows.push({ key: `year-${y.year}`, label: t("sum.year", { n: y.year }), when: t("sum.range", { from: fmtMonth(y.from), to: fmtMonth(y.to) }), with: y.total, without: y.withoutPassports });
  }
  rows.push({ key: "horizon", label: t("sum.horizon"), when: t("sum.months", { n: months.length }), with: last.cumulative, without: last.cumulativeWithoutPassports });
  return rows;
}

/** Renders the card (box) and the phone bar (bar, or null for none) for estimate; custom marks custom prices. */
export function renderSummary(box, bar, estimate, custom) {
  const rows = summaryRows(estimate);
  if (!rows.length) {
    box.replaceChildren();
    if (bar) bar.hidden = true;
    return;
  }
  const cell = (v, testid) => h("td", { class: "num", dataset: { testid, value: String(v) }, text: yen(v) });
  box.replaceChildren(
    h("table", { class: "sum-table" },
      h("caption", { text: t("sum.caption") }),
      h("thead", {}, h("tr", {},
        h("th", { scope: "col", text: t("sum.period") }),
        h("th", { scope: "col", class: "num", text: t("sum.with") }),
        h("th", { scope: "col", class: "num", text: t("sum.without") }))),
      h("tbody", {}, ...rows.map((r) => h("tr", { dataset: { testid: "summary-row", key: r.key } },
        h("th", { scope: "row" }, r.label, " ", h("span", { class: "sum-when", text: r.when })), cell(r.with, "summary-with"), cell(r.without, "summary-without"))))),
    ...(custom ? [h("p", { class: "custom-mark", dataset: { testid: "summary-custom" }, text: `✱ ${t("sum.custom")}` })] : []),
  );
  if (!bar) return; // the loading screen's card has no phone bar
  const first = rows[0], horizon = rows[rows.length - 1];
  bar.querySelector(".bar-figures").replaceChildren(
    h("strong", { dataset: { testid: "bar-total", value: String(horizon.with) }, text: t("bar.total", { n: estimate.months.length, total: yen(horizon.with) }) }),
    h("span", { text: t("bar.first", { amount: yen(first.with) }) }),
  );
  bar.hidden = false;
}

/** Keeps --top-h at the sticky header's height, so what sticks below it is not hidden. */
export function trackHeader(header) {
  // The observer's own measurement, not offsetHeight (a forced layout of the
  // whole page: 2 s at 500 resource rows), and a new value only when the
  // height changed (a custom property on the root restyles every element).
  let shown = "";
  new ResizeObserver(([entry]) => {
    const height = `${Math.round(entry.borderBoxSize?.[0]?.blockSize ?? header.offsetHeight)}px`;
    if (height === shown) return;
    shown = height;
    document.documentElement.style.setProperty("--top-h", height);
  }).observe(header);
}
