// The comparison card's chart: one contract's fee in a month against hours of
// use, with the three regimes and the billed fee, and a table alternative.
import { register, t } from "../lib/i18n.js";
import { yen, month as fmtMonth } from "../lib/format.js";
import { h } from "./dom.js";
import { lineChart, legend } from "./line-chart.js";
import { dataTable } from "./table.js";
import { hours as fmtHours, hoursWithDays, basisName } from "./words.js";

register({
  en: {
    "cmpChart.label":
      "Fee of one contract in {month} against hours of use, 0 to {max}: hourly rate only, hourly and daily rates, monthly fee, and the billed fee, the lowest of them.",
    "cmpChart.usage": "This resource: {hours}, billed {fee}.",
    "cmpChart.x": "Hours of use in the month",
    "cmpChart.y": "Fee",
    "cmpChart.hourlyOnly": "Hourly rate only",
    "cmpChart.hourlyDaily": "Hourly + daily rates",
    "cmpChart.monthly": "Monthly fee",
    "cmpChart.fee": "Billed fee",
    "cmpChart.marker": "Usage",
    "cmpChart.tableSummary": "The chart's figures as a table",
    "cmpChart.caption": "Fee of one contract by hours of use in {month}",
    "cmpChart.hours": "Hours of use",
    "cmpChart.basis": "Billed on",
    "cmpChart.dailyFrom": "daily rate from here",
    "cmpChart.monthlyFrom": "monthly fee from here",
    "cmpChart.thisResource": "this resource",
  },
  ja: {
    "cmpChart.label":
      "{month}の1契約の料金と利用時間（0〜{max}）の関係：時間割料金のみ、時間割料金と日割料金、月額料金、そして実際の請求額（そのうち最も安いもの）。",
    "cmpChart.usage": "このリソース：{hours}、請求額 {fee}。",
    "cmpChart.x": "月内の利用時間",
    "cmpChart.y": "料金",
    "cmpChart.hourlyOnly": "時間割料金のみ",
    "cmpChart.hourlyDaily": "時間割料金＋日割料金",
    "cmpChart.monthly": "月額料金",
    "cmpChart.fee": "請求額",
    "cmpChart.marker": "利用",
    "cmpChart.tableSummary": "グラフの数値を表で見る",
    "cmpChart.caption": "{month}の利用時間ごとの1契約の料金",
    "cmpChart.hours": "利用時間",
    "cmpChart.basis": "請求の基準",
    "cmpChart.dailyFrom": "ここから日割料金",
    "cmpChart.monthlyFrom": "ここから月額料金",
    "cmpChart.thisResource": "このリソース",
  },
});

const SERIES = ["hourlyOnly", "hourlyDaily", "monthly", "fee"];
const TICK_HOURS = 120;

const figure = (v) => (v === null || v === undefined ? null : Number(v));

/**
 * points: the engine's fee curve; resource: its summary (break points);
 * line: the contract shown, or null when it had no usage that month.
 */
export function comparisonChart({ points, resource, line, month }) {
  const max = points.at(-1).hours;
  const yMax = Math.max(0, ...points.flatMap((p) => ["hourlyDaily", "monthly", "fee"].map((k) => figure(p[k]) ?? 0)));
  const xTicks = [];
  for (let v = 0; v <= max; v += TICK_HOURS) xTicks.push({ value: v, label: fmtHours(v) });
  let label = t("cmpChart.label", { month: fmtMonth(month), max: fmtHours(max) });
  if (line) label += " " + t("cmpChart.usage", { hours: fmtHours(line.hours), fee: yen(line.fee) });

  return h(
    "figure",
    { class: "sk-chart" },
    lineChart({
      label,
      testid: "comparison-chart",
      xMax: max,
      xTicks,
      xTitle: t("cmpChart.x"),
      yMax,
      yLabel: (v) => yen(String(v)),
      yTitle: t("cmpChart.y"),
      series: SERIES.map((key) => ({
        className: `sk-s-${key}`,
        points: points.map((p) => ({ x: p.hours, y: figure(p[key]) })),
      })),
      markers: line ? [{ x: line.hours, y: Number(line.fee), label: `${t("cmpChart.marker")} ${fmtHours(line.hours)}` }] : [],
    }),
    legend(SERIES.map((key) => ({ className: `sk-s-${key}`, label: t(`cmpChart.${key}`) }))),
    lazyDetails(`curve-${resource.id}`, t("cmpChart.tableSummary"), () => curveTable({ points, resource, line, month })),
  );
}

// A closed <details> holds only its summary; its table is built when opened.
function lazyDetails(key, summary, build) {
  const details = h("details", { class: "sk-alt", "data-key": key }, h("summary", {}, summary));
  const fill = () => {
    if (details.childElementCount === 1) details.append(build());
  };
  details.addEventListener("toggle", () => details.open && fill());
  return details;
}

// The rows a reader needs: every 24 hours, the break points, and the usage.
function curveTable({ points, resource, line, month }) {
  const byHours = new Map(points.map((p) => [p.hours, p]));
  const marks = new Map();
  const mark = (hours, note) => {
    if (!byHours.has(hours)) return;
    marks.set(hours, [...(marks.get(hours) ?? []), note]);
  };
  for (let v = 0; v <= points.at(-1).hours; v += 24) mark(v, null);
  mark(resource.dailyFromHours, t("cmpChart.dailyFrom"));
  mark(resource.monthlyFromHours, t("cmpChart.monthlyFrom"));
  if (line) mark(line.hours, t("cmpChart.thisResource"));
  const rows = [...marks.keys()].sort((a, b) => a - b).map((hrs) => ({ point: byHours.get(hrs), notes: marks.get(hrs).filter(Boolean) }));

  const money = (key) => ({ key, label: () => t(`cmpChart.${key}`), money: true, value: (r) => r.point[key] ?? null });
  return dataTable({
    caption: t("cmpChart.caption", { month: fmtMonth(month) }),
    testid: "comparison-table",
    columns: [
      {
        key: "hours",
        label: () => t("cmpChart.hours"),
        value: (r) => r.point.hours,
        show: (hrs, r) => [
          hoursWithDays(hrs),
          r.notes.length ? h("span", { class: "sk-note" }, ` — ${r.notes.join(", ")}`) : null,
        ],
      },
      ...SERIES.map(money),
      { key: "basis", label: () => t("cmpChart.basis"), value: (r) => r.point.basis ?? null, show: (b) => (b ? basisName(b) : "") },
    ],
    rows,
    rowAttrs: (r) => ({ class: r.notes.length ? "sk-marked" : null }),
  });
}
