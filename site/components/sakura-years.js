// <sakura-years>: the horizon year by year with and without passports, and the
// cumulative cost month by month as a chart with a table alternative.
import { register, t } from "../lib/i18n.js";
import { yen, month as fmtMonth } from "../lib/format.js";
import { h } from "./dom.js";
import { EstimateElement } from "./estimate-element.js";
import { dataTable, scroller } from "./table.js";
import { lineChart, legend } from "./line-chart.js";
import { customLegend } from "./custom-mark.js";

register({
  en: {
    "yr.caption": "Year by year",
    "yr.year": "Year",
    "yr.from": "From",
    "yr.to": "To",
    "yr.total": "Total with passports",
    "yr.withoutPassports": "Without passports",
    "yr.saving": "Saving",
    "yr.creditsUsed": "Credits used",
    "yr.charged": "Charged",
    "yr.n": "Year {n}",
    "yr.chart": "Cumulative cost from {from} to {to}: with passports {with}, without passports {without}.",
    "yr.x": "Month",
    "yr.y": "Cumulative cost",
    "yr.cumulative": "With passports",
    "yr.cumulativeWithoutPassports": "Without passports",
    "yr.tableSummary": "The chart's figures as a table",
    "yr.tableCaption": "Cumulative cost by month",
    "yr.month": "Month",
  },
  ja: {
    "yr.caption": "年ごとの合計",
    "yr.year": "年",
    "yr.from": "開始月",
    "yr.to": "終了月",
    "yr.total": "合計（パスポートあり）",
    "yr.withoutPassports": "パスポートなし",
    "yr.saving": "節約額",
    "yr.creditsUsed": "クーポン・プリペイドID充当額",
    "yr.charged": "請求額",
    "yr.n": "{n}年目",
    "yr.chart": "{from}から{to}までの累計費用：パスポートあり {with}、パスポートなし {without}。",
    "yr.x": "月",
    "yr.y": "累計費用",
    "yr.cumulative": "パスポートあり",
    "yr.cumulativeWithoutPassports": "パスポートなし",
    "yr.tableSummary": "グラフの数値を表で見る",
    "yr.tableCaption": "月ごとの累計費用",
    "yr.month": "月",
  },
});

const money = (key) => ({ key, label: () => t(`yr.${key}`), money: true, value: (y) => y[key] ?? null });

// saving is the engine's years[].saving, never computed here; blank if absent.
const YEAR_COLUMNS = [
  { key: "year", label: () => t("yr.year"), numeric: true, value: (y) => y.year, show: (n) => t("yr.n", { n }) },
  { key: "from", label: () => t("yr.from"), value: (y) => y.from, show: fmtMonth },
  { key: "to", label: () => t("yr.to"), value: (y) => y.to, show: fmtMonth },
  money("total"),
  money("withoutPassports"),
  { key: "saving", label: () => t("yr.saving"), numeric: true, value: (y) => y.saving ?? null, show: (v) => (v === null ? "" : yen(v)) },
  money("creditsUsed"),
  money("charged"),
];

const SERIES = ["cumulative", "cumulativeWithoutPassports"];

// At most about eight month labels whatever the horizon (1 to 120 months).
function monthTicks(months) {
  const n = months.length;
  const step = n <= 8 ? 1 : n <= 24 ? 3 : n <= 60 ? 12 : 24;
  return months.map((m, i) => ({ value: i, label: fmtMonth(m.month) })).filter((tick) => tick.value % step === 0);
}

function cumulativeChart(months) {
  const first = months[0];
  const last = months.at(-1);
  const yMax = Math.max(...months.flatMap((m) => SERIES.map((k) => Number(m[k]))));
  return h(
    "figure",
    { class: "sk-chart" },
    lineChart({
      label: t("yr.chart", {
        from: fmtMonth(first.month),
        to: fmtMonth(last.month),
        with: yen(last.cumulative),
        without: yen(last.cumulativeWithoutPassports),
      }),
      testid: "years-chart",
      xMax: Math.max(1, months.length - 1),
      xTicks: monthTicks(months),
      xTitle: t("yr.x"),
      yMax,
      yLabel: (v) => yen(String(v)),
      yTitle: t("yr.y"),
      series: SERIES.map((key) => ({
        className: `sk-s-${key}`,
        dots: months.length <= 36,
        points: months.map((m, i) => ({ x: i, y: Number(m[key]) })),
      })),
    }),
    legend(SERIES.map((key) => ({ className: `sk-s-${key}`, label: t(`yr.${key}`) }))),
    h(
      "details",
      { class: "sk-alt", "data-key": "cumulative" },
      h("summary", {}, t("yr.tableSummary")),
      scroller(
        dataTable({
          caption: t("yr.tableCaption"),
          testid: "years-table",
          columns: [
            { key: "month", label: () => t("yr.month"), value: (m) => m.month, show: fmtMonth },
            ...SERIES.map((key) => ({ key, label: () => t(`yr.${key}`), money: true, value: (m) => m[key] })),
          ],
          rows: months,
          rowAttrs: (m) => ({ "data-month": m.month }),
        }),
      ),
    ),
  );
}

export class SakuraYears extends EstimateElement {
  shownKey(estimate) {
    return JSON.stringify([estimate.years, estimate.months.map((m) => [m.month, m.cumulative, m.cumulativeWithoutPassports])]);
  }

  // A year uses a custom price when one of its months does (month strings compare in calendar order).
  #customYear(y) {
    return (this.customPrices?.months ?? []).some((m) => m >= y.from && m <= y.to);
  }

  render(estimate) {
    const marked = (y) => this.#customYear(y);
    return [
      scroller(
        dataTable({
          caption: t("yr.caption"),
          className: "sk-years",
          columns: YEAR_COLUMNS,
          rows: estimate.years,
          rowAttrs: (y) => ({ "data-testid": "years-row", "data-year": y.year }),
          marked,
        }),
      ),
      estimate.years.some(marked) ? customLegend() : null,
      estimate.months.length ? cumulativeChart(estimate.months) : null,
    ].filter(Boolean);
  }
}

customElements.define("sakura-years", SakuraYears);
