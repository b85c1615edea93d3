// The mark of a figure that uses a custom (negotiated) price: real text, so
// screen readers read it, copying keeps it and paper prints it, and a legend
// under each table that has one says what it means.
import { register, t } from "../lib/i18n.js";
import { h } from "./dom.js";

register({
  en: {
    "custom.sr": "(custom price)",
    "custom.legend": "✱ uses a custom price: one entered with the scenario (a negotiated price or a custom item), not the catalog's.",
    "custom.card": "✱ Custom price",
  },
  ja: {
    "custom.sr": "(個別料金)",
    "custom.legend": "✱ 個別料金を使っています:カタログの料金ではなく、試算に入力した料金(個別の契約料金・独自の項目)です。",
    "custom.card": "✱ 個別料金",
  },
});

/** The mark after a row's name. */
export function customMark() {
  return h("span", { class: "sk-custom", "data-testid": "custom-mark" }, " ✱", h("span", { class: "sk-sr" }, t("custom.sr")));
}

/** The legend under a table with marks. */
export function customLegend() {
  return h("p", { class: "sk-custom-legend", "data-testid": "custom-legend" }, t("custom.legend"));
}

/** Marks a row: the mark at the end of its first cell. */
export function markRow(tr) {
  tr.dataset.custom = "true";
  tr.firstElementChild?.append(customMark());
  return tr;
}
