// <sakura-comparison>: per resource, what one contract costs in a month under
// each pricing regime, which one is billed and why, and where the regimes meet.
import { register, t, lang } from "../lib/i18n.js";
import { yen, month as fmtMonth } from "../lib/format.js";
import { h } from "./dom.js";
import { EstimateElement } from "./estimate-element.js";
import { daysHours, usage, daysWithHours, basisName, monthHours } from "./words.js";
import { feeCurve } from "./fee-curve.js";
import { comparisonChart } from "./comparison-chart.js";
import "./custom-mark.js";

register({
  en: {
    "cmp.prices": "Prices",
    "cmp.price": "Price",
    "cmp.amount": "Amount",
    "cmp.hourly": "Hourly",
    "cmp.daily": "Daily",
    "cmp.monthly": "Monthly",
    "cmp.none": "none",
    "cmp.estimated": "estimated",
    "cmp.estimatedNote": "* estimated: derived from other prices, not published.",
    "cmp.figures": "One contract in {month}",
    "cmp.figure": "Figure",
    "cmp.fig.hours": "Usage",
    "cmp.fig.hourlyOnly": "At the hourly rate only",
    "cmp.fig.hourlyDaily": "At the hourly and daily rates",
    "cmp.fig.monthly": "Monthly fee",
    "cmp.fig.fee": "Billed fee",
    "cmp.fig.basis": "Billed on",
    "cmp.fig.amount": "After the passport discount ({passport})",
    "cmp.billed": "billed",
    "cmp.noUsage": "No usage in {month}.",
    "cmp.contracts": "{n} contracts this month (count {count}). The figures are for contract {contract}; each contract is billed on its own.",
    "cmp.prices.both": "the hourly and daily rates",
    "cmp.prices.hourly": "the hourly rate",
    "cmp.prices.daily": "the daily rate",
    "cmp.why.monthly.more": "The monthly fee is billed because {usage} at {prices} would cost {hd}, more than the monthly {monthly}.",
    "cmp.why.monthly.same": "The monthly fee is billed because {usage} at {prices} would cost {hd}, the same as the monthly {monthly}.",
    "cmp.why.daily": "The daily rate is billed: {usage} at the hourly and daily rates cost {hd}, less than {hourlyOnly} at the hourly rate alone.",
    "cmp.why.dailySame": "The daily rate is billed: {usage} at the hourly and daily rates cost {hd}, the same as at the hourly rate alone.",
    "cmp.why.dailyNoHourly": "The daily rate is billed: this item has no hourly rate, so each started day costs {daily}; {days} cost {hd}.",
    "cmp.why.hourly": "The hourly rate is billed: {usage} cost {fee}, and the daily rate would not make it cheaper.",
    "cmp.why.hourlyNoDaily": "The hourly rate is billed: this item has no daily rate, and {usage} cost {fee}.",
    "cmp.why.belowMonthly": "That is less than the monthly {monthly}.",
    "cmp.why.noMonthly": "This item has no monthly fee to cap it.",
    "cmp.why.monthlyOnly": "This item has only a monthly fee, {monthly}: it is billed in full for every month it exists, once for each creation.",
    "cmp.breaks": "Break points",
    "cmp.dailyFrom": "Daily rate from {when}",
    "cmp.dailyNever": "Daily rate: never billed",
    "cmp.monthlyFrom": "Monthly fee from {when}",
    "cmp.monthlyNever": "Monthly fee: never billed",
    "cmp.more": "Show {n} more of {total} resources",
  },
  ja: {
    "cmp.prices": "料金",
    "cmp.price": "料金種別",
    "cmp.amount": "金額",
    "cmp.hourly": "時間",
    "cmp.daily": "日割料金",
    "cmp.monthly": "月額",
    "cmp.none": "なし",
    "cmp.estimated": "推定",
    "cmp.estimatedNote": "* 推定：公表値ではなく、他の料金から算出した値です。",
    "cmp.figures": "{month}の1契約",
    "cmp.figure": "項目",
    "cmp.fig.hours": "利用時間",
    "cmp.fig.hourlyOnly": "時間割料金のみの場合",
    "cmp.fig.hourlyDaily": "時間割料金と日割料金の場合",
    "cmp.fig.monthly": "月額料金",
    "cmp.fig.fee": "請求額",
    "cmp.fig.basis": "請求の基準",
    "cmp.fig.amount": "パスポート割引後（{passport}）",
    "cmp.billed": "請求",
    "cmp.noUsage": "{month}の利用はありません。",
    "cmp.contracts": "今月は{n}契約です（台数 {count}）。表示は契約{contract}の数値で、契約ごとに別々に請求されます。",
    "cmp.prices.both": "時間割料金と日割料金",
    "cmp.prices.hourly": "時間割料金",
    "cmp.prices.daily": "日割料金",
    "cmp.why.monthly.more": "{usage}を{prices}で計算すると{hd}となり、月額{monthly}を上回るため、月額料金が請求されます。",
    "cmp.why.monthly.same": "{usage}を{prices}で計算すると{hd}となり、月額{monthly}と同額のため、月額料金が請求されます。",
    "cmp.why.daily": "日割料金が適用されます：{usage}は時間割料金と日割料金で{hd}となり、時間割料金のみの{hourlyOnly}より安くなります。",
    "cmp.why.dailySame": "日割料金が適用されます：{usage}は時間割料金と日割料金で{hd}となり、時間割料金のみの場合と同額です。",
    "cmp.why.dailyNoHourly": "日割料金が適用されます：この品目には時間割料金がないため、利用を開始した日ごとに{daily}かかり、{days}で{hd}です。",
    "cmp.why.hourly": "時間割料金が適用されます：{usage}で{fee}となり、日割料金を使っても安くなりません。",
    "cmp.why.hourlyNoDaily": "時間割料金が適用されます：この品目には日割料金がなく、{usage}で{fee}です。",
    "cmp.why.belowMonthly": "月額{monthly}より安い金額です。",
    "cmp.why.noMonthly": "この品目には上限となる月額料金がありません。",
    "cmp.why.monthlyOnly": "この品目は月額料金{monthly}のみです。存在する月ごとに、作成1回につき満額が請求されます。",
    "cmp.breaks": "料金が切り替わる利用時間",
    "cmp.dailyFrom": "{when}から日割料金",
    "cmp.dailyNever": "日割料金：適用されません",
    "cmp.monthlyFrom": "{when}から月額料金",
    "cmp.monthlyNever": "月額料金：適用されません",
    "cmp.more": "さらに{n}件を表示（全{total}件）",
  },
});

const PRICES = ["hourly", "daily", "monthly"];

// Cards rendered at once; the rest come a page at a time, so 500 resources
// cost what 20 do until the user asks for more.
const PAGE = 20;

// The line of the contract a card shows (the lowest-numbered), and how many
// contracts the month bills, from a bill with its lines.
function linesOf(bill, resourceId) {
  const lines = (bill?.lines ?? []).filter((l) => l.resource === resourceId).sort((a, b) => a.contract - b.contract);
  return { line: lines[0] ?? null, contracts: lines.length };
}

const hasLines = (estimate) => estimate.months.every((m) => Array.isArray(m.lines));

function defaultMonth(estimate, resource) {
  if (resource.firstBilled !== undefined) return resource.firstBilled?.month ?? estimate.months[0]?.month ?? null;
  return (estimate.months.find((m) => m.lines.some((l) => l.resource === resource.id)) ?? estimate.months[0])?.month ?? null;
}

/** Why the basis of line was billed, in plain words (R4.9). */
function explanation(resource, line) {
  const has = (p) => resource[p] !== null && resource[p] !== undefined;
  const vars = {
    usage: usage(line.hours, line.days, line.restHours),
    hd: yen(line.hourlyDaily),
    hourlyOnly: yen(line.hourlyOnly),
    monthly: yen(line.monthly),
    daily: yen(resource.daily),
    fee: yen(line.fee),
    days: daysHours(line.days, 0),
    prices: t(has("hourly") && has("daily") ? "cmp.prices.both" : has("hourly") ? "cmp.prices.hourly" : "cmp.prices.daily"),
  };
  switch (line.basis) {
    case "monthly-only":
      return t("cmp.why.monthlyOnly", vars);
    case "monthly":
      // A monthly basis means monthly ≤ HD; equal strings are the equal case.
      return t(line.hourlyDaily === line.monthly ? "cmp.why.monthly.same" : "cmp.why.monthly.more", vars);
    default: {
      let first;
      if (line.basis === "daily" && !has("hourly")) first = "cmp.why.dailyNoHourly";
      // A daily rate of exactly 24 hours' worth can be billed at no saving.
      else if (line.basis === "daily") first = line.hourlyDaily === line.hourlyOnly ? "cmp.why.dailySame" : "cmp.why.daily";
      else first = has("daily") ? "cmp.why.hourly" : "cmp.why.hourlyNoDaily";
      return `${t(first, vars)} ${t(has("monthly") ? "cmp.why.belowMonthly" : "cmp.why.noMonthly", vars)}`;
    }
  }
}

function pricesTable(resource) {
  const estimated = new Set(resource.estimated ?? []);
  return h(
    "table",
    { class: "sk-table sk-prices" },
    h("caption", {}, t("cmp.prices")),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("cmp.price")), h("th", { scope: "col", class: "sk-num" }, t("cmp.amount")))),
    h(
      "tbody",
      {},
      PRICES.map((p) =>
        h(
          "tr",
          {},
          h("th", { scope: "row" }, t(`cmp.${p}`)),
          h(
            "td",
            { class: "sk-num", "data-price": p, "data-value": resource[p] ?? null, "data-estimated": estimated.has(p) ? "" : null },
            resource[p] === null || resource[p] === undefined ? t("cmp.none") : yen(resource[p]),
            estimated.has(p) ? h("abbr", { class: "sk-estimated", title: t("cmp.estimated") }, "*") : null,
          ),
        ),
      ),
    ),
  );
}

// The usage, the three regimes and the billed fee; the billed regime's row is marked.
function figuresTable(line, month) {
  const billedRow = { hourly: "hourlyOnly", daily: "hourlyDaily", monthly: "monthly", "monthly-only": "monthly" }[line.basis];
  const row = (figure, content, attrs = {}) =>
    h(
      "tr",
      { class: figure === billedRow ? "sk-billed" : null },
      h("th", { scope: "row" }, t(`cmp.fig.${figure}`)),
      h("td", { class: "sk-num", "data-figure": figure, ...attrs }, content, figure === billedRow ? h("span", { class: "sk-badge" }, t("cmp.billed")) : null),
    );
  const money = (figure) => row(figure, yen(line[figure]), { "data-value": line[figure] ?? null });
  return h(
    "table",
    { class: "sk-table sk-figures" },
    h("caption", {}, t("cmp.figures", { month: fmtMonth(month) })),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("cmp.figure")), h("th", { scope: "col", class: "sk-num" }, t("cmp.amount")))),
    h(
      "tbody",
      {},
      row("hours", usage(line.hours, line.days, line.restHours), {
        "data-value": line.hours,
        "data-days": line.days,
        "data-rest-hours": line.restHours,
      }),
      money("hourlyOnly"),
      money("hourlyDaily"),
      money("monthly"),
      money("fee"),
      row("basis", basisName(line.basis), { "data-value": line.basis }),
      line.passport ? passportRow(line) : null,
    ),
  );
}

// The fee above is before any passport; a discounted contract also shows what it pays.
function passportRow(line) {
  return h(
    "tr",
    {},
    h("th", { scope: "row" }, t("cmp.fig.amount", { passport: line.passport.id })),
    h("td", { class: "sk-num", "data-figure": "amount", "data-value": line.amount }, yen(line.amount)),
  );
}

function breakPoints(resource) {
  const item = (figure, hrs, from, never) =>
    h("li", { "data-figure": figure, "data-value": hrs ?? null }, hrs === null || hrs === undefined ? t(never) : t(from, { when: daysWithHours(hrs) }));
  return h(
    "div",
    { class: "sk-breaks" },
    h("h4", {}, t("cmp.breaks")),
    h(
      "ul",
      {},
      item("dailyFrom", resource.dailyFromHours, "cmp.dailyFrom", "cmp.dailyNever"),
      item("monthlyFrom", resource.monthlyFromHours, "cmp.monthlyFrom", "cmp.monthlyNever"),
    ),
  );
}

// shown: {line, contracts} or null while the month's lines are on their way.
function card(resource, month, shown, custom) {
  const { line, contracts } = shown ?? { line: null, contracts: 0 };
  const name = resource.name?.[lang()] || resource.name?.en || resource.item;
  const article = h(
    "article",
    { class: "sk-card", "data-testid": "comparison-card", "data-resource": resource.id, "data-month": month },
    h("h3", {}, name, " ", h("span", { class: "sk-muted" }, [resource.id, resource.zone, month ? fmtMonth(month) : null].filter(Boolean).join(" · "))),
    custom ? h("p", { class: "sk-custom-card", "data-testid": "custom-mark" }, t("custom.card")) : null,
    contracts > 1 ? h("p", { class: "sk-note", "data-contracts": contracts }, t("cmp.contracts", { n: contracts, count: resource.count, contract: line.contract })) : null,
    h(
      "div",
      { class: "sk-card-grid" },
      h("div", {}, pricesTable(resource), (resource.estimated ?? []).length ? h("p", { class: "sk-small" }, t("cmp.estimatedNote")) : null),
      line ? figuresTable(line, month) : shown ? h("p", { class: "sk-empty" }, t("cmp.noUsage", { month: fmtMonth(month) })) : h("p", { class: "sk-small" }, "…"),
    ),
    line ? h("p", { class: "sk-why" }, explanation(resource, line)) : null,
    breakPoints(resource),
  );
  // The chart's curve comes from the engine's worker; the card is whole without it.
  if (month && shown) {
    feeCurve({ hourly: resource.hourly ?? null, daily: resource.daily ?? null, monthly: resource.monthly ?? null }, monthHours(month)).then((points) => {
      if (points && article.isConnected) article.append(comparisonChart({ points, resource, line, month }));
    });
  }
  return article;
}

export class SakuraComparison extends EstimateElement {
  static observedAttributes = ["resource", "month"];
  #shown = PAGE;

  shownKey(estimate) {
    return JSON.stringify(estimate.resources) + (hasLines(estimate) ? JSON.stringify(estimate.months.map((m) => m.lines)) : "");
  }

  /** Every card, not a page of them: for print. */
  showAll() {
    this.#shown = Infinity;
    this.update();
  }

  render(estimate) {
    const only = this.getAttribute("resource");
    const asked = this.getAttribute("month");
    const resources = estimate.resources.filter((r) => !only || r.id === only);
    const cards = resources.slice(0, this.#shown).map((r) => this.#card(estimate, r, asked || defaultMonth(estimate, r)));
    const showing = new Set(resources.slice(0, this.#shown).map((r) => r.id));
    for (const id of this.#built.keys()) if (!showing.has(id)) this.#built.delete(id);
    const rest = resources.length - cards.length;
    if (rest > 0) {
      cards.push(
        h("button", {
          type: "button", class: "sk-more", "data-testid": "comparison-more",
          onclick: () => {
            this.#shown += PAGE;
            this.update();
          },
        }, t("cmp.more", { n: Math.min(PAGE, rest), total: resources.length })),
      );
    }
    return cards;
  }

  // Cards already on screen, by resource: a keystroke changes one resource,
  // and the other cards are kept as they are, chart and all.
  #built = new Map(); // resource id → {key, node}

  #card(estimate, resource, month) {
    let shown = null;
    if (hasLines(estimate)) shown = linesOf(estimate.months.find((m) => m.month === month), resource.id);
    else if (!resource.firstBilled || resource.firstBilled.month === month) {
      shown = resource.firstBilled ? { line: resource.firstBilled.line, contracts: resource.firstBilled.contracts } : { line: null, contracts: 0 };
    }
    if (shown) {
      const custom = this.isCustom("resources", resource.id);
      const key = JSON.stringify([resource, month, shown, lang(), custom]);
      const kept = this.#built.get(resource.id);
      if (kept?.key === key) return kept.node;
      const node = card(resource, month, shown, custom);
      this.#built.set(resource.id, { key, node });
      return node;
    }
    // Another month than the first billed one: its lines are asked for.
    this.#built.delete(resource.id);
    const custom = this.isCustom("resources", resource.id);
    const placeholder = card(resource, month, null, custom);
    this.monthSource?.(month, resource.id).then((bill) => {
      if (bill && placeholder.isConnected) placeholder.replaceWith(card(resource, month, linesOf(bill, resource.id), custom));
    });
    return placeholder;
  }
}

customElements.define("sakura-comparison", SakuraComparison);
