// Human text for the engine's notices (R8), shared by the bills and credits views.
import { register, t } from "../lib/i18n.js";
import { yen, date } from "../lib/format.js";
import { h } from "./dom.js";

register({
  en: {
    "notice.coupon-void": "Coupon {credit} was registered after its deadline and is void.",
    "notice.coupon-expiring": "Coupon {credit} expires next month.",
    "notice.coupon-low-balance": "Coupon {credit} is running low: {amount} left.",
    "notice.credit-expired": "Credit {credit} expired with {amount} unused.",
    "notice.bill-above": "This month's bill, {amount}, is above your alert threshold.",
    "notice.balance-below": "Your credit balance fell below your alert threshold: {amount} left.",
    "notice.card-billing-started": "Credits no longer cover the bill: {amount} goes to the card or billing statement.",
    "notice.other": "{kind} {credit} {amount}",
  },
  ja: {
    "notice.coupon-void": "クーポン {credit} は登録期限を過ぎて登録されたため無効です。",
    "notice.coupon-expiring": "クーポン {credit} の有効期限は来月です。",
    "notice.coupon-low-balance": "クーポン {credit} の残高が少なくなっています（残り{amount}）。",
    "notice.credit-expired": "クレジット {credit} が {amount} を残して失効しました。",
    "notice.bill-above": "今月の請求額 {amount} がアラートの設定額を超えました。",
    "notice.balance-below": "クレジット残高がアラートの設定額を下回りました（残り{amount}）。",
    "notice.card-billing-started": "クレジットで支払いきれなくなりました。{amount} はクレジットカードまたは請求書でのお支払いになります。",
    "notice.other": "{kind} {credit} {amount}",
  },
});

const KNOWN = new Set([
  "coupon-void",
  "coupon-expiring",
  "coupon-low-balance",
  "credit-expired",
  "bill-above",
  "balance-below",
  "card-billing-started",
]);

/** The sentence for one notice. */
export function noticeText(n) {
  const vars = { kind: n.kind, credit: n.credit ?? "", amount: yen(n.amount ?? null) };
  return t(KNOWN.has(n.kind) ? `notice.${n.kind}` : "notice.other", vars);
}

/** A list item for one notice: its date and its text, the raw figures in data-*. */
export function noticeItem(n, testid = "notice") {
  return h(
    "li",
    {
      class: `sk-notice sk-notice-${n.kind}`,
      "data-testid": testid,
      "data-kind": n.kind,
      "data-date": n.date,
      "data-credit": n.credit ?? null,
      "data-value": n.amount ?? null,
    },
    h("time", { datetime: n.date }, date(n.date)),
    " ",
    h("span", {}, noticeText(n)),
  );
}
