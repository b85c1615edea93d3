// Moving the form to another catalog: each resource and passport whose item is
// not in the new catalog is mapped through the engine's matchItems request
// (same id, service class, then size, in the same zone); when the new catalog
// lacks that zone, the match is tried in a zone it has. What still has no
// match stays as it is, and the engine reports it beside the row.
import { callEngine } from "./engine.js";
import { setRowItem } from "./rows.js";

const ref = (entry) => (entry.origin === "shipped" ? entry.catalog.id : entry.catalog);
const key = (item, zone) => `${item}\u0000${zone}`;

function match(from, to, items) {
  if (!items.length) return new Map();
  const out = callEngine({ request: "matchItems", from: ref(from), to: ref(to), items });
  return new Map((out.matches ?? []).map((m) => [key(m.item, m.zone), m.to]));
}

export function carryRows(rows, from, to) {
  if (!from || !to || from === to) return;
  const has = (entry, item, zone) => entry.index.byId.get(item)?.has(zone);
  const lost = rows.filter((r) => r.item && !has(to, r.item, r.zone));
  const found = match(from, to, lost.filter((r) => has(from, r.item, r.zone)).map(({ item, zone }) => ({ item, zone })));
  const toZones = [...new Set(to.catalog.items.map((it) => it.zone))];
  const moved = new Map(); // row → the zone it is tried in
  for (const r of lost) {
    if (found.has(key(r.item, r.zone))) continue;
    const z = toZones.find((z) => has(from, r.item, z));
    if (z) moved.set(r, z);
  }
  const foundMoved = match(from, to, [...moved].map(([r, zone]) => ({ item: r.item, zone })));
  for (const r of lost) {
    const here = found.get(key(r.item, r.zone));
    if (here) setRowItem(r.row, here, r.zone);
    else if (moved.has(r) && foundMoved.has(key(r.item, moved.get(r)))) setRowItem(r.row, foundMoved.get(key(r.item, moved.get(r))), moved.get(r));
  }
}
