// The cost breakdown: what each kind (or each resource) costs per year, over
// the whole period, or in one month, with the passport fees as their own row,
// so the rows add up to the bill. Asked of the engine ({"request":
// "breakdown"}) only while the section is open, and again when the scenario,
// the grouping or the month changes; its CSV is the table on screen.
import { t, register } from "../lib/i18n.js";
import { yen, month as fmtMonth } from "../lib/format.js";
import { h } from "./dom.js";
import { toCSV } from "../components/csv.js";
import { scroller } from "../components/table.js";
import { markRow, customLegend } from "../components/custom-mark.js";
import { download, fileStem } from "./export.js";

register({
  en: {
    "bd.title": "Cost breakdown",
    "bd.by": "Group by",
    "bd.byKind": "Kind",
    "bd.byResource": "Resource",
    "bd.period": "Show",
    "bd.years": "Each year",
    "bd.month": "{month}",
    "bd.group": "Cost of",
    "bd.passportFees": "Discount passport fees",
    "bd.total": "Bill total",
    "bd.whole": "Whole period",
    "bd.year": "Year {n}",
    "bd.caption": "Cost by {by}, with the discount passport fees as their own row: the rows add up to the bill",
    "bd.csv": "Export breakdown CSV",
    "bd.loading": "Working out the breakdown…",
    "bd.customPrice": "Custom price",
  },
  ja: {
    "bd.title": "費用の内訳",
    "bd.by": "分け方",
    "bd.byKind": "種類別",
    "bd.byResource": "リソース別",
    "bd.period": "表示",
    "bd.years": "年ごと",
    "bd.month": "{month}",
    "bd.group": "費用",
    "bd.passportFees": "ディスカウントパスポート料金",
    "bd.total": "請求額の合計",
    "bd.whole": "期間全体",
    "bd.year": "{n}年目",
    "bd.caption": "{by}の費用(ディスカウントパスポート料金は別の行)。行の合計が請求額です",
    "bd.csv": "内訳をCSVで書き出す",
    "bd.loading": "内訳を計算しています…",
    "bd.customPrice": "個別料金",
  },
});

/**
 * Builds the section into box. ask(request) sends a request document to the
 * engine; current() is {scenario, estimate} of the results shown, or null.
 * Returns {update()}: call it when the results or the language change.
 */
export function createBreakdown(box, ask, current) {
  const by = h("select", { dataset: { testid: "breakdown-by" } });
  const period = h("select", { dataset: { testid: "breakdown-period" } });
  const table = h("div", { class: "breakdown-table", dataset: { testid: "breakdown-table" }, "aria-live": "polite" });
  const csv = h("button", { type: "button", class: "subtle", dataset: { testid: "export-breakdown-csv" } });
  const details = h("details", { class: "breakdown", dataset: { testid: "breakdown" } },
    h("summary", {}, h("h3", { class: "inline" })),
    h("div", { class: "grid" },
      h("div", { class: "field" }, h("label", { for: "breakdown-by" }), Object.assign(by, { id: "breakdown-by" })),
      h("div", { class: "field" }, h("label", { for: "breakdown-period" }), Object.assign(period, { id: "breakdown-period" })),
      csv),
    table);
  box.replaceChildren(details);
  let shown = null; // {answer, rows} of the table on screen
  let serial = 0;

  function labels() {
    details.querySelector("summary h3").textContent = t("bd.title");
    details.querySelector('label[for="breakdown-by"]').textContent = t("bd.by");
    details.querySelector('label[for="breakdown-period"]').textContent = t("bd.period");
    csv.textContent = t("bd.csv");
    const keep = by.value || "kind";
    by.replaceChildren(h("option", { value: "kind", text: t("bd.byKind") }), h("option", { value: "resource", text: t("bd.byResource") }));
    by.value = keep;
  }

  function periods() {
    const est = current()?.estimate;
    const keep = period.value || "years";
    period.replaceChildren(h("option", { value: "years", text: t("bd.years") }),
      ...(est?.months ?? []).map((m) => h("option", { value: m.month, text: t("bd.month", { month: fmtMonth(m.month) }) })));
    period.value = [...period.options].some((o) => o.value === keep) ? keep : "years";
  }

  const groupName = (g, byKind) => (g.key === "passportFees" ? t("bd.passportFees") : byKind ? t(`kind.${g.key}`) : g.key);

  function render(answer) {
    const b = answer.breakdown;
    const byKind = b.by === "kind";
    const oneMonth = period.value !== "years";
    const heads = oneMonth ? [fmtMonth(b.months[0])] : [...b.years.map((y) => `${t("bd.year", { n: y.year })} (${fmtMonth(y.from)} – ${fmtMonth(y.to)})`), t("bd.whole")];
    const values = (x) => (oneMonth ? [x.months[0]] : [...x.years, x.total]);
    const rows = [...b.groups.map((g) => ({ key: g.key, name: groupName(g, byKind), values: values(g) })),
      { key: "total", name: t("bd.total"), values: values(b.totals) }];
    // Rows priced (in part) at a custom price: the custom resources, their
    // kinds, the passport fees of custom plans, and so the total.
    const custom = current()?.custom;
    const marked = (key) => Boolean(custom) && (key === "passportFees" ? custom.passports.length > 0 : (byKind ? custom.kinds : custom.resources).includes(key));
    for (const r of rows) r.custom = r.key === "total" ? rows.some((x) => x.key !== "total" && marked(x.key)) : marked(r.key);
    shown = { heads, rows };
    table.replaceChildren(scroller(h("table", { class: "sk-table sk-stacked bd-table" },
      h("caption", { text: t("bd.caption", { by: byKind ? t("bd.byKind") : t("bd.byResource") }) }),
      h("thead", {}, h("tr", {}, h("th", { scope: "col", text: t("bd.group") }), ...heads.map((x) => h("th", { scope: "col", class: "sk-num", text: x })))),
      h("tbody", {}, ...rows.map((r) => {
        const tr = h("tr", { dataset: { testid: "breakdown-row", key: r.key }, class: r.key === "total" ? "bd-total" : "" },
          h("th", { scope: "row", text: r.name }),
          ...r.values.map((v, i) => h("td", { class: "sk-num", dataset: { label: heads[i], value: v, col: String(i) }, text: yen(v) })));
        return r.custom ? markRow(tr) : tr;
      })))),
      ...(rows.some((r) => r.custom) ? [customLegend()] : []));
  }

  async function load() {
    const cur = current();
    if (!details.open || !cur) return;
    const mine = ++serial;
    table.setAttribute("aria-busy", "true");
    if (!table.firstChild) table.textContent = t("bd.loading");
    const req = { request: "breakdown", scenario: cur.scenario, by: by.value || "kind" };
    if (period.value && period.value !== "years") req.month = period.value;
    const answer = await ask(req);
    if (mine !== serial) return;
    table.removeAttribute("aria-busy");
    if (answer?.breakdown) render(answer);
  }

  details.addEventListener("toggle", load);
  by.addEventListener("change", load);
  period.addEventListener("change", load);
  csv.addEventListener("click", () => {
    const cur = current();
    if (!shown || !cur) return;
    const csvText = toCSV([[t("bd.group"), ...shown.heads, t("bd.customPrice")], ...shown.rows.map((r) => [r.name, ...r.values, r.custom ? "yes" : ""])]);
    download("breakdown-csv", csvText, `${fileStem(cur.scenario)}-breakdown-${by.value}-${period.value}.csv`, "text/csv;charset=utf-8", csv);
  });
  labels();
  return {
    update() {
      labels();
      periods();
      load();
    },
  };
}

