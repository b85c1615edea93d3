// <sakura-passports>: what each passport purchase cost, what it saved, when it
// paid for itself and how many of its right-months found no server.
import { register, t, lang } from "../lib/i18n.js";
import { month as fmtMonth } from "../lib/format.js";
import { h } from "./dom.js";
import { EstimateElement } from "./estimate-element.js";
import { dataTable, scroller } from "./table.js";
import { months as fmtMonths, percent } from "./words.js";
import { customLegend } from "./custom-mark.js";

register({
  en: {
    "pp.caption": "Discount passports",
    "pp.id": "Passport",
    "pp.plan": "Plan",
    "pp.zone": "Zone",
    "pp.term": "Term",
    "pp.rate": "Discount",
    "pp.count": "Rights",
    "pp.purchased": "Purchased",
    "pp.validTo": "Valid to",
    "pp.fee": "Passport fee",
    "pp.discounts": "Discounts given",
    "pp.breakEven": "Break-even",
    "pp.unused": "Unused right-months",
    "pp.never": "not within the term",
    "pp.before": "bought before the estimate",
    "pp.none": "No discount passports.",
  },
  ja: {
    "pp.caption": "ディスカウントパスポート",
    "pp.id": "パスポート",
    "pp.plan": "プラン",
    "pp.zone": "ゾーン",
    "pp.term": "期間",
    "pp.rate": "割引率",
    "pp.count": "権利数",
    "pp.purchased": "購入月",
    "pp.validTo": "有効期限",
    "pp.fee": "パスポート料金",
    "pp.discounts": "割引額の合計",
    "pp.breakEven": "損益分岐月",
    "pp.unused": "使われなかった権利（月数）",
    "pp.never": "期間内には取れない",
    "pp.before": "試算開始前の購入",
    "pp.none": "ディスカウントパスポートはありません。",
  },
});

// The plan's name as the resources using it give it; the item id otherwise.
function planName(estimate, p) {
  const r = estimate.resources.find((x) => x.item === p.item && x.zone === p.zone);
  return r?.name?.[lang()] || r?.name?.en || p.item;
}

export class SakuraPassports extends EstimateElement {
  shownKey(estimate) {
    return JSON.stringify([estimate.passports, estimate.months[0]?.month, estimate.resources.map((r) => [r.item, r.zone, r.name])]);
  }

  render(estimate) {
    if (!estimate.passports.length) return [h("p", { class: "sk-empty" }, t("pp.none"))];
    const firstMonth = estimate.months[0]?.month;
    const columns = [
      { key: "id", label: () => t("pp.id"), value: (p) => p.id },
      { key: "plan", label: () => t("pp.plan"), value: (p) => p.item, show: (_, p) => planName(estimate, p) },
      { key: "zone", label: () => t("pp.zone"), value: (p) => p.zone },
      { key: "term", label: () => t("pp.term"), numeric: true, value: (p) => p.term, show: fmtMonths },
      { key: "rate", label: () => t("pp.rate"), numeric: true, value: (p) => p.rate ?? null, show: percent },
      { key: "count", label: () => t("pp.count"), numeric: true, value: (p) => p.count },
      { key: "purchased", label: () => t("pp.purchased"), value: (p) => p.purchased, show: fmtMonth },
      { key: "validTo", label: () => t("pp.validTo"), value: (p) => p.validTo ?? null, show: fmtMonth },
      { key: "fee", label: () => t("pp.fee"), money: true, value: (p) => p.fee },
      { key: "discounts", label: () => t("pp.discounts"), money: true, value: (p) => p.discounts },
      {
        key: "breakEven",
        label: () => t("pp.breakEven"),
        value: (p) => p.breakEven,
        // Month strings compare in calendar order.
        show: (m, p) => (m ? fmtMonth(m) : t(firstMonth && p.purchased < firstMonth ? "pp.before" : "pp.never")),
      },
      { key: "unusedRightMonths", label: () => t("pp.unused"), numeric: true, value: (p) => p.unusedRightMonths },
    ];
    return [
      scroller(
        dataTable({
          caption: t("pp.caption"),
          className: "sk-passports",
          columns,
          rows: estimate.passports,
          rowAttrs: (p) => ({ "data-testid": "passport-summary", "data-passport": p.id }),
          marked: (p) => this.isCustom("passports", p.id),
        }),
      ),
      estimate.passports.some((p) => this.isCustom("passports", p.id)) ? customLegend() : null,
    ].filter(Boolean);
  }
}

customElements.define("sakura-passports", SakuraPassports);
