// Human text for the engine's notices (R8), shared by the bills and credits views.
import { register, t } from "../lib/i18n.js";
import { yen, date, month } from "../lib/format.js";
import { h } from "./dom.js";

register({
  en: {
    "notice.coupon-void": "Coupon {credit} was registered after its deadline and is void.",
    "notice.coupon-expiring": "Coupon {credit} expires next month, on {expires}.",
    "notice.coupon-low-balance": "Coupon {credit} is running low: {amount} left.",
    "notice.credit-expired": "Credit {credit} expired with {amount} unused.",
    "notice.bill-above": "The bill of {month}, {amount}, is above your alert threshold.",
    "notice.balance-below": "Your credit balance fell below your alert threshold: {amount} left.",
    "notice.card-billing-started": "Credits no longer cover the bill: {amount} goes to the card or billing statement.",
    "notice.other": "{kind} {credit} {amount}",
  },
  ja: {
    "notice.coupon-void": "クーポン {credit} は登録期限を過ぎて登録されたため無効です。",
    "notice.coupon-expiring": "クーポン {credit} の有効期限は来月（{expires}）です。",
    "notice.coupon-low-balance": "クーポン {credit} の残高が少なくなっています（残り{amount}）。",
    "notice.credit-expired": "{credit} が{amount}を残して失効しました。",
    "notice.bill-above": "{month}の請求額{amount}がアラートの設定額を超えました。",
    "notice.balance-below": "クーポン・プリペイドIDの残高がアラートの設定額を下回りました（残り{amount}）。",
    "notice.card-billing-started": "クーポン・プリペイドIDで支払いきれなくなりました。{amount}はクレジットカードまたは請求書でのお支払いになります。",
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

/** The sentence for one notice; credits (the estimate's) give a coupon's expiry date. */
function noticeText(n, credits) {
  const expires = credits.find((c) => c.id === n.credit)?.expires ?? null;
  const vars = { kind: n.kind, credit: n.credit ?? "", amount: yen(n.amount ?? null), expires: date(expires), month: month(n.date.slice(0, 7)) };
  return t(KNOWN.has(n.kind) ? `notice.${n.kind}` : "notice.other", vars);
}

/** A list item for one notice: its date and its text, the raw figures in data-*. */
export function noticeItem(n, credits, testid = "notice") {
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
    h("span", {}, noticeText(n, credits)),
  );
}
