// <sakura-credits>: what each coupon and prepaid ID paid, its balance month by
// month, and the notices the user would receive.
import { register, t } from "../lib/i18n.js";
import { month as fmtMonth, date as fmtDate, yen } from "../lib/format.js";
import { h } from "./dom.js";
import { EstimateElement } from "./estimate-element.js";
import { dataTable, scroller } from "./table.js";
import { noticeItem } from "./notices.js";

register({
  en: {
    "cr.caption": "Coupons and prepaid IDs",
    "cr.id": "Credit",
    "cr.kind": "Kind",
    "cr.kind.coupon": "Coupon",
    "cr.kind.prepaid": "Prepaid ID",
    "cr.amount": "Amount",
    "cr.registered": "Registered",
    "cr.expires": "Expires",
    "cr.used": "Used",
    "cr.expiredUnused": "Expired unused",
    "cr.exhausted": "Used up in",
    "cr.void": "Status",
    "cr.isVoid": "void: registered after its deadline",
    "cr.valid": "valid",
    "cr.balances": "Balance after each month's bill",
    "cr.month": "Month",
    "cr.notices": "Notices",
    "cr.noNotices": "No notices.",
    "cr.none": "No coupons or prepaid IDs.",
  },
  ja: {
    "cr.caption": "クーポンとプリペイドID",
    "cr.id": "クーポン・プリペイドID",
    "cr.kind": "種類",
    "cr.kind.coupon": "クーポン",
    "cr.kind.prepaid": "プリペイドID",
    "cr.amount": "金額",
    "cr.registered": "登録日",
    "cr.expires": "有効期限",
    "cr.used": "使用額",
    "cr.expiredUnused": "未使用のまま失効",
    "cr.exhausted": "使い切った月",
    "cr.void": "状態",
    "cr.isVoid": "無効：登録期限後に登録",
    "cr.valid": "有効",
    "cr.balances": "各月の請求後の残高",
    "cr.month": "月",
    "cr.notices": "通知",
    "cr.noNotices": "通知はありません。",
    "cr.none": "クーポンやプリペイドIDはありません。",
  },
});

const SUMMARY_COLUMNS = [
  { key: "id", label: () => t("cr.id"), value: (c) => c.id },
  { key: "kind", label: () => t("cr.kind"), value: (c) => c.kind, show: (k) => t(`cr.kind.${k}`) },
  { key: "amount", label: () => t("cr.amount"), money: true, value: (c) => c.amount },
  { key: "registered", label: () => t("cr.registered"), value: (c) => c.registered ?? null, show: fmtDate },
  { key: "expires", label: () => t("cr.expires"), value: (c) => c.expires, show: fmtDate },
  { key: "used", label: () => t("cr.used"), money: true, value: (c) => c.used },
  { key: "expiredUnused", label: () => t("cr.expiredUnused"), money: true, value: (c) => c.expiredUnused },
  { key: "exhausted", label: () => t("cr.exhausted"), value: (c) => c.exhausted, show: (m) => (m ? fmtMonth(m) : "—") },
  { key: "void", label: () => t("cr.void"), value: (c) => String(Boolean(c.void)), show: (v) => t(v === "true" ? "cr.isVoid" : "cr.valid") },
];

// Rows are months, columns credits; a cell is blank when the credit was not
// in that month's payments (not yet registered, expired or used up).
function balanceTable(estimate) {
  const columns = [
    { key: "month", label: () => t("cr.month"), value: (m) => m.month, show: fmtMonth },
    ...estimate.credits.map((c) => ({
      key: "balance",
      label: () => c.id,
      numeric: true,
      value: (m) => m.credits.find((p) => p.id === c.id)?.balance ?? null,
      show: (balance) => (balance === null ? "" : yen(balance)),
      attrs: () => ({ "data-credit": c.id }),
    })),
  ];
  return scroller(
    dataTable({
      caption: t("cr.balances"),
      testid: "credit-balance-table",
      className: "sk-balances",
      columns,
      rows: estimate.months,
      rowAttrs: (m) => ({ "data-testid": "credit-balance", "data-month": m.month }),
    }),
  );
}

function timeline(estimate) {
  // Months come in order and each month's notices by date; a stable sort by
  // date also places notices dated outside their bill's month (coupon-void).
  const notices = estimate.months.flatMap((m) => m.notices).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return h(
    "section",
    { class: "sk-notices" },
    h("h3", {}, t("cr.notices")),
    notices.length ? h("ol", { class: "sk-timeline" }, notices.map((n) => noticeItem(n, estimate.credits))) : h("p", { class: "sk-empty" }, t("cr.noNotices")),
  );
}

export class SakuraCredits extends EstimateElement {
  shownKey(estimate) {
    return JSON.stringify([estimate.credits, estimate.months.map((m) => [m.month, m.credits, m.notices])]);
  }

  render(estimate) {
    const summary = estimate.credits.length
      ? [
          scroller(
            dataTable({
              caption: t("cr.caption"),
              className: "sk-credits",
              columns: SUMMARY_COLUMNS,
              rows: estimate.credits,
              rowAttrs: (c) => ({ "data-testid": "credit-summary", "data-credit": c.id, class: c.void ? "sk-void" : null }),
            }),
          ),
          balanceTable(estimate),
        ]
      : [h("p", { class: "sk-empty" }, t("cr.none"))];
    return [...summary, timeline(estimate)];
  }
}

customElements.define("sakura-credits", SakuraCredits);
