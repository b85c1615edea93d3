// A row whose item or zone the chosen catalog lacks keeps its values, and the
// engine reports it on the row; this finds the closest item the catalog does
// have, for the user to take with one click. The engine's matchItems request
// does the matching (same id, service class, cores and memory, disk type and
// size, bandwidth; zones never change), asked of a catalog that has the row's
// item, so the page holds no matching rules of its own.
import { listCatalogs, zonesOf } from "./catalogs.js";

const ref = (entry) => (entry.origin === "shipped" ? entry.catalog.id : entry.catalog);
const has = (entry, item, zone) => entry?.index.byId.get(item)?.has(zone) ?? false;

async function matchIn(engine, from, to, items) {
  if (!items.length) return null;
  const out = await engine.call({ request: "matchItems", from: ref(from), to: ref(to), items });
  const m = out.matches?.[0];
  return m ? { item: m.to, zone: m.zone } : null;
}

/**
 * The closest {item, zone} the catalog entry `to` has for a row's item and
 * zone, or null: first the engine's match in the same zone, then its match in
 * a zone the catalog has, then the same item id in another zone.
 */
export async function closestMatch(engine, to, item, zone) {
  if (!to || !item || has(to, item, zone)) return null;
  const toZones = new Set(to.catalog.items.map((it) => it.zone));
  const sources = listCatalogs().filter((e) => e !== to);
  const here = sources.find((e) => has(e, item, zone));
  if (here && toZones.has(zone)) {
    const m = await matchIn(engine, here, to, [{ item, zone }]);
    if (m) return m;
  }
  for (const from of sources) {
    for (const z of [...toZones].filter((z) => z !== zone && has(from, item, z))) {
      const m = await matchIn(engine, from, to, [{ item, zone: z }]);
      if (m) return m;
    }
  }
  const sameItem = zonesOf(to, item)[0];
  return sameItem ? { item, zone: sameItem } : null;
}
