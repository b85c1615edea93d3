// Custom items: things the catalog lacks (a Windows RDS licence, a load
// balancer), priced by the user. They travel in the scenario's customItems[]
// (contract.md), never in the catalog, so switching catalogs keeps them and a
// shared link carries them. This module is the data side; custom-items-ui.js
// is the section of the form.
import { indexCatalog } from "./catalogs.js";

export const PRICES = ["hourly", "daily", "monthly"];

/** Ids are "custom/N": stable while the user renames the item, so rows keep pointing at it. */
export function nextCustomId(items) {
  const taken = new Set(items.map((it) => it.id));
  let n = 1;
  while (taken.has(`custom/${n}`)) n++;
  return `custom/${n}`;
}

/** "1,100円" → "1100"; empty stays empty (no such price). */
function price(s) {
  return String(s ?? "").replace(/[\s,，¥￥円]/g, "");
}

/**
 * The customItems[] entries for the form's values {id, kind, name, zone,
 * hourly, daily, monthly}. A price left empty is absent: a licence with only a
 * monthly price is billed in full on every creation (R4.7). The name is the
 * user's, in both languages.
 */
export function customItemsOf(values) {
  return values.map((v) => {
    const it = { id: v.id, kind: v.kind, zone: v.zone, name: { en: v.name || v.id, ja: v.name || v.id } };
    for (const p of PRICES) if (price(v[p]) !== "") it[p] = price(v[p]);
    return it;
  });
}

/** The form values of a scenario's customItems[] (the inverse of customItemsOf). */
export function customValuesOf(items) {
  return (items ?? []).map((it) => ({
    id: String(it.id ?? ""), kind: it.kind ?? "other", zone: String(it.zone ?? ""),
    name: it.name?.en ?? it.name?.ja ?? "",
    hourly: it.hourly == null ? "" : String(it.hourly),
    daily: it.daily == null ? "" : String(it.daily),
    monthly: it.monthly == null ? "" : String(it.monthly),
  }));
}

/**
 * The catalog entry the form's pickers show: the chosen catalog plus the custom
 * items, so a resource row can pick one like any other item. The scenario
 * still names the chosen catalog alone (scenarioCatalog), with the custom
 * items beside it.
 */
export function withCustomItems(entry, items) {
  if (!entry || !items.length) return entry;
  const catalog = { ...entry.catalog, items: [...entry.catalog.items, ...items] };
  return { ...entry, catalog, index: indexCatalog(catalog), base: entry };
}
