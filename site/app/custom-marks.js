// Which results use a custom (negotiated) price: the resources and passports
// of an item and zone the scenario overrides or adds as a custom item, and the
// months they are billed in. The result components mark them in real text
// (components/custom-mark.js), with a legend.
const key = (item, zone) => `${item}@${zone}`;

/** The "item@zone" keys scenario prices at a custom price. */
export function customItems(scenario) {
  return new Set([...(scenario?.overrides ?? []), ...(scenario?.customItems ?? [])].map((o) => key(o.item ?? o.id, o.zone)));
}

/** The ids of scenario's resources priced by an override or a custom item. */
export function customResources(scenario) {
  const custom = customItems(scenario);
  return (scenario?.resources ?? []).filter((r) => custom.has(key(r.item, r.zone))).map((r) => r.id);
}

// The last month a resource can be billed in: its until, its last interval's
// end, or the horizon's end. (Month strings compare in calendar order.)
function lastMonth(r, end) {
  let last = r.until && r.until < end ? r.until : end;
  if (r.usage?.pattern === "intervals") {
    const ends = (r.usage.intervals ?? []).map((i) => String(i.end ?? "").slice(0, 7)).filter(Boolean).sort();
    if (ends.length && ends.at(-1) < last) last = ends.at(-1);
  }
  return last;
}

/**
 * What of estimate (a summary) uses a custom price, for the components'
 * customPrices: {items, resources, kinds, passports, months}, or null when nothing
 * does. A resource's months run from the first it was billed in (the engine's
 * firstBilled) to the last it can be; a passport's is the month its fee is
 * charged in.
 */
export function customPrices(scenario, estimate) {
  const items = customItems(scenario);
  if (!items.size) return null;
  const months = (estimate?.months ?? []).map((m) => m.month);
  const end = months.at(-1) ?? "";
  const resources = (scenario.resources ?? []).filter((r) => items.has(key(r.item, r.zone)));
  const passports = (estimate?.passports ?? []).filter((p) => items.has(key(p.item, p.zone)));
  const marked = new Set();
  for (const r of resources) {
    const first = (estimate?.resources ?? []).find((x) => x.id === r.id)?.firstBilled?.month;
    if (!first) continue;
    const last = lastMonth(r, end);
    for (const m of months) if (m >= first && m <= last) marked.add(m);
  }
  for (const p of passports) if (months.includes(p.purchased)) marked.add(p.purchased);
  const ids = new Set(resources.map((r) => r.id));
  const kinds = [...new Set((estimate?.resources ?? []).filter((r) => ids.has(r.id)).map((r) => r.kind))];
  return { items: [...items], resources: [...ids], kinds, passports: passports.map((p) => p.id), months: months.filter((m) => marked.has(m)) };
}
