// <sakura-bills>: the bill of every month, each expandable to its lines,
// passport fees, credit payments and notices; toCSV() exports the same figures.
import { register, t } from "../lib/i18n.js";
import { yen, month as fmtMonth } from "../lib/format.js";
import { h, uid } from "./dom.js";
import { EstimateElement } from "./estimate-element.js";
import { dataTable, headRow, bodyRow, scroller } from "./table.js";
import { toCSV } from "./csv.js";
import { hours as fmtHours, daysHours, months as fmtMonths, percent, basisName } from "./words.js";
import { noticeItem } from "./notices.js";
import { customLegend, markRow } from "./custom-mark.js";

register({
  en: {
    "bills.caption": "Monthly bills",
    "bills.month": "Month",
    "bills.total": "Total",
    "bills.tax": "Of which tax",
    "bills.passportFees": "Passport fees",
    "bills.creditsPaid": "Paid by credits",
    "bills.charged": "Charged",
    "bills.withoutPassports": "Without passports",
    "bills.expand": "Show the lines, passport fees, credits and notices of {month}",
    "bills.lines": "Lines of {month}",
    "bills.resource": "Resource",
    "bills.contract": "Contract",
    "bills.hours": "Hours",
    "bills.days": "Days and hours",
    "bills.basis": "Billed on",
    "bills.fee": "Fee",
    "bills.discount": "Discount",
    "bills.amount": "After discount",
    "bills.passport": "Passport",
    "bills.noLines": "No usage this month.",
    "bills.fees": "Passport fees of {month}",
    "bills.item": "Plan",
    "bills.zone": "Zone",
    "bills.term": "Term",
    "bills.count": "Rights",
    "bills.perRight": "Per right",
    "bills.feeAmount": "Fee",
    "bills.credits": "Credits in {month}",
    "bills.credit": "Credit",
    "bills.paid": "Paid",
    "bills.balance": "Balance after",
    "bills.notices": "Notices of {month}",
  },
  ja: {
    "bills.caption": "月別の請求",
    "bills.month": "月",
    "bills.total": "合計",
    "bills.tax": "うち消費税",
    "bills.passportFees": "パスポート料金",
    "bills.creditsPaid": "クーポン・プリペイドID充当",
    "bills.charged": "請求額",
    "bills.withoutPassports": "パスポートなしの場合",
    "bills.expand": "{month}の明細、パスポート料金、クーポン・プリペイドID、通知を表示",
    "bills.lines": "{month}の明細",
    "bills.resource": "リソース",
    "bills.contract": "契約",
    "bills.hours": "時間",
    "bills.days": "日数と時間",
    "bills.basis": "請求の基準",
    "bills.fee": "料金",
    "bills.discount": "割引",
    "bills.amount": "割引後",
    "bills.passport": "パスポート",
    "bills.noLines": "この月の利用はありません。",
    "bills.fees": "{month}のパスポート料金",
    "bills.item": "プラン",
    "bills.zone": "ゾーン",
    "bills.term": "期間",
    "bills.count": "権利数",
    "bills.perRight": "1権利あたり",
    "bills.feeAmount": "料金",
    "bills.credits": "{month}のクーポン・プリペイドID",
    "bills.credit": "クーポン・プリペイドID",
    "bills.paid": "支払額",
    "bills.balance": "支払後の残高",
    "bills.notices": "{month}の通知",
  },
});

// A month's passport fees as one raw figure. The engine gives no month sum and
// money is never added up here, so several purchases in one month are listed.
function passportFees(bill) {
  if (bill.passportFeesTotal !== undefined) return bill.passportFeesTotal;
  const fees = bill.passportFees ?? [];
  return fees.length === 0 ? "0" : fees.map((f) => f.amount).join(" + ");
}

const money = (key) => ({ key, label: () => t(`bills.${key}`), money: true, value: (b) => b[key] });

// The summary columns, shared by the table and toCSV so both read one figure.
const COLUMNS = [
  { key: "month", label: () => t("bills.month"), value: (b) => b.month },
  money("total"),
  money("tax"),
  {
    key: "passportFees",
    label: () => t("bills.passportFees"),
    numeric: true,
    value: passportFees,
    show: (raw) => raw.split(" + ").map(yen).join(" + "),
  },
  money("creditsPaid"),
  money("charged"),
  money("withoutPassports"),
];

const LINE_COLUMNS = [
  { key: "resource", label: () => t("bills.resource"), value: (l) => l.resource },
  { key: "contract", label: () => t("bills.contract"), numeric: true, value: (l) => l.contract },
  { key: "hours", label: () => t("bills.hours"), numeric: true, value: (l) => l.hours, show: fmtHours },
  {
    key: "days",
    label: () => t("bills.days"),
    numeric: true,
    value: (l) => l.days,
    show: (days, l) => daysHours(days, l.restHours),
    attrs: (l) => ({ "data-rest-hours": l.restHours }),
  },
  { key: "basis", label: () => t("bills.basis"), value: (l) => l.basis, show: basisName },
  { key: "fee", label: () => t("bills.fee"), money: true, value: (l) => l.fee },
  { key: "discount", label: () => t("bills.discount"), money: true, value: (l) => l.discount },
  { key: "amount", label: () => t("bills.amount"), money: true, value: (l) => l.amount },
  {
    key: "passport",
    label: () => t("bills.passport"),
    value: (l) => l.passport?.id ?? null,
    show: (id, l) => (id === null ? "" : `${id} · ${fmtMonths(l.passport.term)} · ${percent(l.passport.rate)}`),
  },
];

const FEE_COLUMNS = [
  { key: "passport", label: () => t("bills.passport"), value: (f) => f.passport },
  { key: "item", label: () => t("bills.item"), value: (f) => f.item },
  { key: "zone", label: () => t("bills.zone"), value: (f) => f.zone },
  { key: "term", label: () => t("bills.term"), numeric: true, value: (f) => f.term, show: fmtMonths },
  { key: "count", label: () => t("bills.count"), numeric: true, value: (f) => f.count },
  { key: "perRight", label: () => t("bills.perRight"), money: true, value: (f) => f.perRight ?? null },
  { key: "amount", label: () => t("bills.feeAmount"), money: true, value: (f) => f.amount },
];

const CREDIT_COLUMNS = [
  { key: "credit", label: () => t("bills.credit"), value: (c) => c.id },
  { key: "paid", label: () => t("bills.paid"), money: true, value: (c) => c.paid },
  { key: "balance", label: () => t("bills.balance"), money: true, value: (c) => c.balance },
];

// What one month expands to. Built on first opening: a month may hold
// thousands of lines, and most months are never opened.
// custom(kind, id): whether that resource or passport uses a custom price.
function monthDetail(bill, credits, custom) {
  if (!Array.isArray(bill.lines)) return [h("p", { class: "sk-small", "data-testid": "bills-loading" }, "…")];
  const m = fmtMonth(bill.month);
  const parts = [
    bill.lines.length
      ? scroller(
          dataTable({
            caption: t("bills.lines", { month: m }),
            className: "sk-lines",
            columns: LINE_COLUMNS,
            rows: bill.lines,
            rowAttrs: (l) => ({ "data-testid": "bills-line", "data-resource": l.resource, "data-contract": l.contract }),
            marked: (l) => custom("resources", l.resource),
          }),
        )
      : h("p", { class: "sk-empty" }, t("bills.noLines")),
    bill.passportFees.length
      ? scroller(dataTable({ caption: t("bills.fees", { month: m }), columns: FEE_COLUMNS, rows: bill.passportFees, rowAttrs: () => ({ "data-testid": "bills-passport-fee" }), marked: (f) => custom("passports", f.passport) }))
      : null,
    bill.lines.some((l) => custom("resources", l.resource)) || bill.passportFees.some((f) => custom("passports", f.passport)) ? customLegend() : null,
    bill.credits.length
      ? scroller(dataTable({ caption: t("bills.credits", { month: m }), columns: CREDIT_COLUMNS, rows: bill.credits, rowAttrs: (c) => ({ "data-testid": "bills-credit", "data-credit": c.id }) }))
      : null,
    bill.notices.length
      ? h("section", { class: "sk-notices" }, h("h4", {}, t("bills.notices", { month: m })), h("ol", {}, bill.notices.map((n) => noticeItem(n, credits, "bills-notice"))))
      : null,
  ];
  return parts.filter(Boolean);
}

export class SakuraBills extends EstimateElement {
  // Which months are expanded; kept across re-renders (new estimate, language).
  #open = new Set();

  shownKey(estimate) {
    return JSON.stringify([estimate.months, estimate.credits]);
  }

  render(estimate) {
    const marked = estimate.months.some((b) => this.isCustom("months", b.month));
    return [
      scroller(
        h(
          "table",
          { class: "sk-table sk-stacked sk-bills" },
          h("caption", {}, t("bills.caption")),
          h("thead", {}, headRow(COLUMNS)),
          estimate.months.map((bill) => this.#monthRows(bill, estimate.credits)),
        ),
      ),
      marked ? customLegend() : null,
    ].filter(Boolean);
  }

  // A month is its own <tbody>: the summary row, then its hidden detail row.
  #monthRows(bill, credits) {
    const region = h("td", { colspan: COLUMNS.length });
    const detail = h("tr", { class: "sk-detail", id: uid("sk-bill"), hidden: true }, region);
    const custom = (kind, id) => this.isCustom(kind, id);
    const toggle = () => {
      const open = button.getAttribute("aria-expanded") !== "true";
      if (open && !region.hasChildNodes()) {
        region.append(...monthDetail(bill, credits, custom));
        // A summary's month has its lines counted, not sent: ask for them now.
        if (!Array.isArray(bill.lines)) {
          this.monthSource?.(bill.month).then((full) => {
            if (full && region.isConnected) region.replaceChildren(...monthDetail(full, credits, custom));
          });
        }
      }
      button.setAttribute("aria-expanded", String(open));
      detail.hidden = !open;
      if (open) this.#open.add(bill.month);
      else this.#open.delete(bill.month);
    };
    const button = h(
      "button",
      {
        type: "button",
        class: "sk-expander",
        "aria-expanded": "false",
        "aria-controls": detail.id,
        title: t("bills.expand", { month: fmtMonth(bill.month) }),
        "data-testid": "bills-expand",
        onclick: toggle,
      },
      fmtMonth(bill.month),
    );
    const row = bodyRow(COLUMNS, bill, { "data-testid": "bills-row", "data-month": bill.month });
    // The month cell keeps its data-col and data-value; its text becomes the expander.
    row.querySelector('[data-col="month"]').replaceChildren(button);
    if (this.isCustom("months", bill.month)) markRow(row);
    if (this.#open.has(bill.month)) toggle();
    return h("tbody", {}, row, detail);
  }

  /** The summary table as CSV: a header of column keys, then one row of raw figures per month, and whether it uses a custom price. */
  toCSV() {
    const months = this.estimate?.months ?? [];
    return toCSV([[...COLUMNS.map((c) => c.key), "customPrice"], ...months.map((b) => [...COLUMNS.map((c) => c.value(b)), this.isCustom("months", b.month) ? "yes" : ""])]);
  }
}

customElements.define("sakura-bills", SakuraBills);
