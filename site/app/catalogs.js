// The catalogs the user can pick: shipped with the engine, imported from an
// official price document (kept in localStorage), or carried inline by a shared
// link or saved estimate. Each is indexed once for the pickers.
import { t, lang } from "../lib/i18n.js";
import { yen } from "../lib/format.js";

export const KINDS = ["server", "disk", "licence", "appliance", "network", "other"];

const entries = new Map(); // key → {key, origin, catalog, index}

/** Indexes a catalog's items by id, then zone, and lists the kinds it holds. */
export function indexCatalog(catalog) {
  const byId = new Map(); // item id → Map(zone → item)
  for (const it of catalog.items ?? []) {
    if (!byId.has(it.id)) byId.set(it.id, new Map());
    byId.get(it.id).set(it.zone, it);
  }
  const kinds = KINDS.filter((k) => (catalog.items ?? []).some((it) => it.kind === k));
  return { byId, kinds };
}

/**
 * Adds or replaces a catalog; origin is "shipped", "imported" or "link". The
 * key (the picker's option value) is the catalog's id, so "seed-2018" picks
 * seed-2018; only an id another origin already holds gets an origin prefix.
 */
export function addCatalog(catalog, origin) {
  const taken = entries.get(catalog.id);
  const key = taken && taken.origin !== origin ? `${origin}:${catalog.id}` : catalog.id;
  entries.set(key, { key, origin, catalog, index: indexCatalog(catalog) });
  return key;
}

export function removeCatalog(key) {
  entries.delete(key);
}

export function getCatalog(key) {
  return entries.get(key);
}

/** All entries, shipped first (newest first), then imported, then from links. */
export function listCatalogs() {
  const rank = { shipped: 0, imported: 1, link: 2 };
  // Plain code-unit order: dates are ISO strings, and localeCompare's first
  // call builds a collator (~12 ms of a large link's opening task).
  const cmp = (x, y) => (x < y ? -1 : x > y ? 1 : 0);
  return [...entries.values()].sort(
    (a, b) => rank[a.origin] - rank[b.origin] || cmp(b.catalog.asOf, a.catalog.asOf) || cmp(a.key, b.key),
  );
}

let engineDefault = null;

/** Records the engine's own default catalog id (the catalogs request names it). */
export function setDefaultCatalog(id) {
  engineDefault = id ?? null;
}

/** The engine's default catalog, else the newest shipped one (or any, when none is shipped). */
export function defaultCatalogKey() {
  if (entries.get(engineDefault)?.origin === "shipped") return engineDefault;
  const list = listCatalogs();
  return (list.find((e) => e.origin === "shipped") ?? list[0])?.key;
}

/** Finds the entry a scenario's `catalog` field means (an id or an inline object). */
export function keyForScenarioCatalog(cat) {
  if (cat === undefined) return defaultCatalogKey();
  if (typeof cat === "string") return entries.get(cat)?.origin === "shipped" ? cat : undefined;
  if (!cat || typeof cat !== "object" || !Array.isArray(cat.items)) return undefined;
  // An inline catalog: reuse an imported one with the same id and date, which
  // holds every item, only when each item the link carries is the same there;
  // otherwise the link's prices are the link's own.
  const imp = [entries.get(cat.id), entries.get(`imported:${cat.id}`)].find((e) => e?.origin === "imported");
  const same = (it) => JSON.stringify(imp.index.byId.get(it?.id)?.get(it?.zone)) === JSON.stringify(it);
  if (imp && imp.catalog.asOf === cat.asOf && imp.catalog.taxRate === cat.taxRate && cat.items.every(same)) return imp.key;
  return addCatalog(cat, "link");
}

/** The item's display name in the current language. */
export function itemName(item) {
  return item?.name?.[lang()] ?? item?.name?.en ?? item?.id ?? "";
}

/** "¥47/h* · ¥475/day* · ¥9,504/mo" — asterisks mark estimated prices. */
export function priceSummary(item) {
  if (!item) return "";
  const est = new Set(item.estimated ?? []);
  const parts = [];
  for (const [k, unit] of [["hourly", "perHour"], ["daily", "perDay"], ["monthly", "perMonth"]]) {
    if (item[k] === undefined || item[k] === null) continue;
    parts.push(`${yen(item[k])}${t(unit)}${est.has(k) ? "*" : ""}`);
  }
  return parts.join(" · ");
}

/** A zone's display name, e.g. "Tokyo 1 (tk1a)". */
export function zoneName(zone) {
  const key = `zone.${zone}`;
  const name = t(key);
  return name === key ? zone : `${name} (${zone})`;
}

/** Zones an item exists in, in a stable order. */
export function zonesOf(entry, itemId) {
  return [...(entry?.index.byId.get(itemId)?.keys() ?? [])].sort(zoneOrder);
}

const ZONE_ORDER = ["tk1a", "tk1b", "is1a", "is1b", "is1c", "tk1v"];
function zoneOrder(a, b) {
  const ia = ZONE_ORDER.indexOf(a), ib = ZONE_ORDER.indexOf(b);
  return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
}

/** The item entry for an id in a zone, or in its first zone when absent there. */
export function itemIn(entry, itemId, zone) {
  const zones = entry?.index.byId.get(itemId);
  if (!zones) return undefined;
  return zones.get(zone) ?? zones.get(zonesOf(entry, itemId)[0]);
}

/** Distinct item ids of a kind (or passport-eligible ones), in catalog order. */
export function itemIds(entry, { kind, passport, zone } = {}) {
  const ids = [];
  for (const [id, zones] of entry?.index.byId ?? []) {
    const any = [...zones.values()];
    if (kind && any[0].kind !== kind) continue;
    if (passport && !any.some((it) => it.passport && (!zone || it.zone === zone))) continue;
    ids.push(id);
  }
  return ids;
}

/** Zones in which some passport-eligible item exists. */
export function passportZones(entry) {
  const zones = new Set((entry?.catalog.items ?? []).filter((it) => it.passport).map((it) => it.zone));
  return [...zones].sort(zoneOrder);
}

/** A default "small server running all the time": the cheapest server per month. */
export function smallServer(entry) {
  const servers = (entry?.catalog.items ?? []).filter((it) => it.kind === "server");
  const price = (it) => Number(it.monthly ?? it.daily ?? it.hourly ?? Infinity);
  const zonePref = (it) => (ZONE_ORDER.indexOf(it.zone) + 100) % 100;
  // Prefer a zone with its own published prices over one that copies another's.
  const copied = (it) => (it.assumedFrom ? 1 : 0);
  servers.sort((a, b) => (a.cores ?? 99) - (b.cores ?? 99) || (a.memoryGB ?? 99) - (b.memoryGB ?? 99) || copied(a) - copied(b) || zonePref(a) - zonePref(b) || price(a) - price(b));
  return servers[0] ?? entry?.catalog.items?.[0];
}

/**
 * The catalog as the scenario carries it: a shipped one by id; any other as an
 * object holding only the items the scenario uses, so a shared link stays short.
 */
export function scenarioCatalog(entry, used) {
  if (!entry) return undefined;
  if (entry.origin === "shipped") return entry.catalog.id;
  const keep = entry.catalog.items.filter((it) => used.has(`${it.id}\u0000${it.zone}`));
  const { items, ...rest } = entry.catalog;
  return { ...rest, items: keep.length ? keep : items.slice(0, 1) };
}
