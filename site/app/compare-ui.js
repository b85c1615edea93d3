// The comparison panel (issue 14): two to four estimates side by side, the
// form's current one, saved ones, or snapshots of the current one made in one
// click ("duplicate as variant", then edit the form). The figures and their
// differences come from the engine's compareEstimates request; the page
// subtracts no money. Kept in the page's safe storage and in a link.
import "./compare-strings.js";
import { t } from "../lib/i18n.js";
import { yen, month as fmtMonth } from "../lib/format.js";
import { getItem, setItem } from "../lib/safe-storage.js";
import { h } from "./dom.js";
import { readCompare, writeCompare, room, variantName } from "./compare-rules.js";
import { encodeCompare, decodeCompare } from "./compare-link.js";
import { listSaved } from "./storage.js";
import { toCSV } from "../components/csv.js";
import { download } from "./export.js";
import { lineChart, legend } from "../components/line-chart.js";
import { customMark, customLegend } from "../components/custom-mark.js";
import { customItems } from "./custom-marks.js";

const KEY = "sakura.compare";

/**
 * createCompareUI({engine, root, current}) → {update(), render(), openLink(hash), asksEngine()}
 *   current() → the form's scenario when its estimate is good, else null
 */
export function createCompareUI({ engine, root, current }) {
  let state = readCompare(getItem(KEY));
  let answer = null;
  let columns = [];
  let note = "";
  let linkHref = "";

  const save = () => setItem(KEY, writeCompare(state));

  /** The estimates compared, in order: the stored ones, then the current one. */
  function compared() {
    const list = state.entries.map((e) => ({ name: e.name, scenario: e.scenario }));
    const now = current();
    if (state.current && now) list.push({ name: t("compare.current"), scenario: now, current: true });
    return list;
  }

  async function update() {
    columns = compared();
    if (columns.length < 2) {
      answer = null;
      render();
      return;
    }
    root.dataset.state = "calculating";
    const got = await engine.latest("compare", { request: "compareEstimates", scenarios: columns.map((c) => c.scenario) });
    if (got === null) return;
    answer = got;
    render();
  }

  function change(fn) {
    fn();
    save();
    note = "";
    linkHref = "";
    update();
  }

  // The rows of the table: label and, per estimate and per difference, the raw figure.
  function rows() {
    const est = answer.estimates;
    const diffs = answer.differences;
    const out = [];
    const add = (key, label, pick, pickDiff = pick) => out.push({ key, label, values: est.map(pick), diffs: diffs.map(pickDiff) });
    add("total", t("compare.total"), (e) => e.total);
    add("withoutPassports", t("compare.without"), (e) => e.withoutPassports);
    const years = Math.max(...est.map((e) => e.years.length));
    for (let i = 0; i < years; i++) {
      add(`year${i + 1}`, t("compare.year", { n: i + 1 }), (e) => e.years[i]?.total ?? null, (d) => d.years[i]?.total ?? null);
      add(`year${i + 1}Without`, t("compare.yearWithout", { n: i + 1 }), (e) => e.years[i]?.withoutPassports ?? null, (d) => d.years[i]?.withoutPassports ?? null);
    }
    const kinds = [...new Set(est.flatMap((e) => e.kinds.map((k) => k.kind)))];
    for (const kind of kinds) {
      add(`kind-${kind}`, t("compare.kind", { kind: t(`kind.${kind}`) }),
        (e) => e.kinds.find((k) => k.kind === kind)?.total ?? "0", (d) => d.kinds.find((k) => k.kind === kind)?.total ?? "0");
    }
    add("passportFees", t("compare.passportFees"), (e) => e.passportFees);
    add("creditsUsed", t("compare.creditsUsed"), (e) => e.creditsUsed);
    add("charged", t("compare.charged"), (e) => e.charged);
    return out;
  }

  function diffName(i) {
    return t("compare.difference", { name: columns[i + 1].name, first: columns[0].name });
  }

  // An estimate priced (in part) at custom prices: overrides or custom items.
  const custom = (c) => customItems(c.scenario).size > 0;

  function table() {
    const body = rows();
    return h("div", { class: "table-wrap" }, h("table", { class: "compare-table", dataset: { testid: "compare-table" } },
      h("thead", {}, h("tr", {},
        h("th", { scope: "col", text: t("compare.figure") }),
        ...columns.map((c, i) => h("th", { scope: "col", class: "num", dataset: { testid: "compare-column", index: String(i), ...(custom(c) ? { custom: "true" } : {}) } }, c.name, ...(custom(c) ? [customMark()] : []))),
        ...answer.differences.map((_, i) => h("th", { scope: "col", class: "num", text: diffName(i) })))),
      h("tbody", {}, ...body.map((r) => h("tr", { dataset: { testid: "compare-row", key: r.key } },
        h("th", { scope: "row", text: r.label }),
        ...r.values.map((v, i) => h("td", { class: "num", dataset: { col: `estimate-${i}`, value: v ?? "", label: columns[i].name }, text: yen(v) })),
        ...r.diffs.map((v, i) => h("td", { class: "num", dataset: { col: `difference-${i}`, value: v ?? "", label: diffName(i) }, text: yen(v) })))))));
  }

  function chart() {
    const est = answer.estimates;
    const longest = Math.max(...est.map((e) => e.cumulative.length));
    const yMax = Math.max(1, ...est.map((e) => Number(e.cumulative.at(-1)?.cumulative ?? 0)));
    const series = est.map((e, i) => ({
      className: `sk-s-compare-${i}`,
      points: e.cumulative.map((m, x) => ({ x, y: Number(m.cumulative) })),
    }));
    const ticks = [];
    const step = Math.max(1, Math.ceil(longest / 6));
    for (let x = 0; x < longest; x += step) ticks.push({ value: x, label: String(x + 1) });
    return h("div", { class: "compare-chart" },
      lineChart({ label: t("compare.chart"), testid: "compare-chart", xMax: Math.max(1, longest - 1), xTicks: ticks, xTitle: t("compare.month"),
        yMax, yLabel: (v) => yen(String(v)), yTitle: t("compare.total"), series }),
      legend(columns.map((c, i) => ({ className: `sk-s-compare-${i}`, label: c.name }))),
      chartTable());
  }

  // The chart's figures as a table, for screen readers, keyboards and paper:
  // a closed <details> (its summary takes the focus) whose table is built
  // when opened; printing opens it (print.js), since paper cannot.
  function chartTable() {
    const details = h("details", { class: "sk-alt compare-chart-alt", dataset: { testid: "compare-chart-alt" } },
      h("summary", { text: t("compare.chartTable") }));
    details.addEventListener("toggle", () => {
      if (!details.open || details.childElementCount > 1) return;
      const est = answer.estimates;
      const longest = est.reduce((a, e) => (e.cumulative.length > a.cumulative.length ? e : a), est[0]).cumulative;
      const table = h("table", { class: "compare-table compare-chart-table", dataset: { testid: "compare-chart-table" } },
        h("caption", { text: t("compare.chartCaption") }),
        h("thead", {}, h("tr", {},
          h("th", { scope: "col", text: t("compare.monthCol") }),
          ...columns.map((c) => h("th", { scope: "col", class: "num", text: c.name })))),
        h("tbody", {}, ...longest.map((m, x) => h("tr", { dataset: { testid: "compare-chart-row", month: m.month } },
          h("th", { scope: "row", text: fmtMonth(m.month) }),
          ...est.map((e, i) => {
            const v = e.cumulative[x]?.cumulative ?? null;
            return h("td", { class: "num", dataset: { col: `estimate-${i}`, value: v ?? "", label: columns[i].name }, text: yen(v) });
          })))));
      details.append(h("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-label": t("compare.chartCaption") }, table));
    });
    return details;
  }

  function csv() {
    const header = [t("compare.figure"), ...columns.map((c) => c.name), ...answer.differences.map((_, i) => diffName(i))];
    return toCSV([header, ...rows().map((r) => [r.label, ...r.values, ...r.diffs]),
      [t("compare.customPrice"), ...columns.map((c) => (custom(c) ? "yes" : "")), ...answer.differences.map(() => "")]]);
  }

  function controls() {
    const saved = listSaved().filter((e) => !e.damaged);
    const pick = h("select", { dataset: { testid: "compare-saved" }, "aria-label": t("compare.addSaved") },
      ...saved.map((e, i) => h("option", { value: String(i), text: e.name })));
    const full = room(state) <= 0;
    const now = current();
    return h("div", { class: "compare-controls" },
      h("button", {
        type: "button", dataset: { testid: "compare-duplicate" }, text: t("compare.duplicate"), disabled: full || !now,
        onclick: () => change(() => state.entries.push({ name: variantName(t("compare.variant"), state), scenario: structuredClone(current()) })),
      }),
      h("label", { class: "compare-current" },
        h("input", { type: "checkbox", checked: state.current, dataset: { testid: "compare-include-current" },
          onchange: (e) => change(() => { state.current = e.target.checked; }) }),
        " ", t("compare.includeCurrent")),
      saved.length ? h("span", { class: "compare-add-saved" }, pick, " ", h("button", {
        type: "button", class: "subtle", dataset: { testid: "compare-add-saved" }, text: t("compare.add"), disabled: full,
        onclick: () => change(() => {
          const e = saved[Number(pick.value)];
          if (e) state.entries.push({ name: e.name, scenario: structuredClone(e.scenario) });
        }),
      })) : null,
      full ? h("p", { class: "help", text: t("compare.full") }) : null);
  }

  function entryList() {
    return h("ul", { class: "compare-entries" }, ...state.entries.map((e, i) => h("li", { dataset: { testid: "compare-entry" } },
      e.name, " ",
      h("button", { type: "button", class: "subtle", dataset: { testid: "compare-remove" }, "aria-label": t("compare.remove", { name: e.name }), text: "×",
        onclick: () => change(() => state.entries.splice(i, 1)) }))));
  }

  function render() {
    const parts = [h("p", { class: "help", text: t("compare.help") }), controls(), entryList()];
    if (!answer || columns.length < 2) {
      root.dataset.state = "empty";
      parts.push(h("p", { class: "help", dataset: { testid: "compare-need" }, text: t("compare.needTwo") }));
    } else if (answer.errors) {
      root.dataset.state = "failed";
      parts.push(h("p", { class: "help", text: t("compare.failed", { message: answer.errors[0]?.message ?? "" }) }));
    } else {
      root.dataset.state = "ready";
      const csvButton = h("button", { type: "button", class: "subtle", dataset: { testid: "compare-csv" }, text: t("compare.csv"),
        onclick: () => download("compare-csv", csv(), "sakura-comparison.csv", "text/csv", csvButton) });
      const linkButton = h("button", { type: "button", class: "subtle", dataset: linkHref ? { testid: "compare-link", href: linkHref } : { testid: "compare-link" }, text: t("compare.link"),
        onclick: async () => {
          const url = location.origin + location.pathname + location.search + (await encodeCompare(state));
          linkHref = url;
          try {
            await navigator.clipboard.writeText(url);
          } catch {
            // the address stays on the button for copying by hand
          }
          note = t("compare.linkCopied");
          render();
        } });
      parts.push(table(), ...(columns.some(custom) ? [customLegend()] : []), chart(), h("p", { class: "compare-actions" }, csvButton, " ", linkButton, note ? h("span", { role: "status", text: " " + note }) : null));
    }
    root.replaceChildren(...parts);
  }

  /** Opens a comparison link's fragment; true when it held one. */
  async function openLink(hash) {
    const c = await decodeCompare(hash);
    if (!c) return false;
    state = c;
    save();
    return true;
  }

  /** Whether update would ask the engine (two estimates or more to compare). */
  const asksEngine = () => compared().length >= 2;

  return { update, render, openLink, asksEngine };
}
