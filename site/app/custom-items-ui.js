// The "Custom items" section: the user adds an item the catalog lacks (kind,
// name, zone, and any of hourly / daily / monthly fees), then picks it in a
// resource row like a catalog item. Leaving a price empty means the item has
// no such price: with a monthly fee only, every creation is billed the full
// month (seed 003, section 4; R4.7).
import { t, register } from "../lib/i18n.js";
import { h, field, option, translate } from "./dom.js";
import { KINDS, zoneName } from "./catalogs.js";
import { PRICES, nextCustomId, customItemsOf, customValuesOf, withCustomItems } from "./custom-items.js";

register({
  en: {
    customItemsTitle: "Custom items",
    customItemsHelp: "Add what the catalog lacks — a Windows Server licence, a load balancer, a negotiated plan — with your own prices, then pick it in a resource row. Leave a price empty when the item has none: an item with only a monthly fee is billed the full month every time it is created.",
    addCustomItem: "Add custom item",
    customName: "Name",
    customKind: "Kind",
    customId: "Item id",
    "kindOne.server": "Server",
    "kindOne.disk": "Disk",
    "kindOne.licence": "Licence",
    "kindOne.appliance": "Appliance",
    "kindOne.network": "Network",
    "kindOne.other": "Other",
    customDefaultName: "Windows Server licence (RDS)",
    "row.customItems": "Custom item {n}",
  },
  ja: {
    customItemsTitle: "独自の品目",
    customItemsHelp: "料金表にないもの(Windows Serverライセンス、ロードバランサ、個別契約のプランなど)を自分の料金で追加し、リソースの行で選べます。ない料金は空欄にします。月額料金だけの品目は、作成するたびに1か月分が課金されます。",
    addCustomItem: "独自の品目を追加",
    customName: "名前",
    customKind: "種類",
    customId: "品目ID",
    "kindOne.server": "サーバ",
    "kindOne.disk": "ディスク",
    "kindOne.licence": "ライセンス",
    "kindOne.appliance": "アプライアンス",
    "kindOne.network": "ネットワーク",
    "kindOne.other": "その他",
    customDefaultName: "Windows Serverライセンス(RDS)",
    "row.customItems": "独自の品目 {n}",
  },
});

const q = (row, id) => row.querySelector(`[data-testid="${id}"]`);

/**
 * Builds the section into `section` and returns {entry, addTo, fill, render}:
 * entry() is the chosen catalog with the custom items added (for the pickers);
 * addTo(scenario) puts customItems[] in a scenario built from the form;
 * fill(items) replaces the rows with a scenario's customItems[].
 * ctx: {section, entry: () => chosen catalog entry, zone: () => a default zone, changed()}.
 */
export function createCustomItemsUI(ctx) {
  const list = h("div", { class: "rows", dataset: { testid: "custom-item-rows" } });
  const add = h("button", {
    type: "button", class: "add", dataset: { testid: "add-custom-item", i18n: "addCustomItem" }, text: t("addCustomItem"),
    onclick: () => {
      const row = addRow({ kind: "licence", name: t("customDefaultName"), zone: ctx.zone(), hourly: "", daily: "", monthly: "" });
      row.querySelector("input")?.focus();
      changed();
    },
  });
  ctx.section.replaceChildren(
    h("h3", { id: "custom-items-title", dataset: { i18n: "customItemsTitle" }, text: t("customItemsTitle") }),
    h("p", { class: "help", dataset: { i18n: "customItemsHelp" }, text: t("customItemsHelp") }),
    list,
    add,
  );

  let cache = { base: undefined, version: -1, entry: undefined };
  let version = 0;
  function changed() {
    version++;
    ctx.changed();
  }

  function zones() {
    const entry = ctx.entry();
    return [...new Set((entry?.catalog.items ?? []).map((it) => it.zone))];
  }

  function fillZone(select, value) {
    const zs = zones();
    if (value && !zs.includes(value)) zs.push(value);
    select.replaceChildren(...zs.map((z) => option(z, zoneName(z), z === value)));
  }

  function addRow(v) {
    const id = v.id || nextCustomId(read());
    const input = (testid, attrs = {}) => h("input", { dataset: { testid }, ...attrs });
    const kind = h("select", { dataset: { testid: "custom-kind" } });
    for (const k of KINDS) kind.append(option(k, t(`kindOne.${k}`), k === (v.kind || "other")));
    const zone = h("select", { dataset: { testid: "custom-zone" } });
    const row = h(
      "div",
      { class: "row custom-item", dataset: { testid: "custom-item-row", id } },
      h("div", { class: "row-grid" },
        field("customKind", kind, "kind"),
        field("customName", input("custom-name", { type: "text", value: v.name ?? "", autocomplete: "off" }), "name", "wide"),
        field("zone", zone, "zone"),
        ...PRICES.map((p) => field(p, input(`custom-${p}`, { type: "text", inputMode: "decimal", value: v[p] ?? "" }), p, "narrow")),
        h("div", { class: "field narrow custom-id" }, h("span", { dataset: { i18n: "customId" }, text: t("customId") }),
          h("code", { dataset: { testid: "custom-id" }, text: id })),
      ),
      h("div", { class: "row-errors" }),
      h("button", {
        type: "button", class: "remove", dataset: { testid: "remove-custom-item", i18n: "remove" }, text: t("remove"),
        onclick: () => { row.remove(); add.focus(); changed(); },
      }),
    );
    fillZone(zone, v.zone || ctx.zone());
    list.append(row);
    renumber();
    return row;
  }

  // Errors come back at customItems[i].field: each control names its path, so
  // the page's error placement finds it (data-top-field), and a removed row
  // renumbers the rest.
  function renumber() {
    [...list.children].forEach((row, i) => {
      row.setAttribute("role", "group");
      row.setAttribute("aria-label", t("row.customItems", { n: i + 1 }));
      for (const c of row.querySelectorAll("[data-field]")) c.dataset.topField = `customItems[${i}].${c.dataset.field}`;
      q(row, "custom-name").dataset.topField = `customItems[${i}]`;
    });
  }

  function read() {
    return [...list.children].map((row) => ({
      id: row.dataset.id, kind: q(row, "custom-kind").value, name: q(row, "custom-name").value.trim(),
      zone: q(row, "custom-zone").value,
      ...Object.fromEntries(PRICES.map((p) => [p, q(row, `custom-${p}`).value.trim()])),
    }));
  }

  // A renamed or repriced item is shown so in the resource rows' pickers.
  list.addEventListener("input", changed);
  list.addEventListener("change", changed);

  return {
    /** The chosen catalog's entry with the custom items, rebuilt only when either changed. */
    entry() {
      const base = ctx.entry();
      if (cache.base !== base || cache.version !== version) {
        cache = { base, version, entry: withCustomItems(base, customItemsOf(read())) };
      }
      return cache.entry;
    },
    addTo(scenario) {
      renumber();
      const items = customItemsOf(read());
      if (items.length) scenario.customItems = items;
      return scenario;
    },
    fill(items) {
      list.replaceChildren();
      for (const v of customValuesOf(items)) addRow(v);
      version++;
    },
    /** Re-translates labels and refills zones (language or catalog changed). */
    render() {
      for (const row of list.children) {
        fillZone(q(row, "custom-zone"), q(row, "custom-zone").value);
        for (const o of q(row, "custom-kind").options) o.textContent = t(`kindOne.${o.value}`);
      }
      translate(ctx.section);
      renumber();
      version++;
    },
  };
}
