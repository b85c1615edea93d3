// Reads a <sakura-calculator>'s attributes into settings, or the first
// invalid one with what it needs. Pure: no DOM, no engine; the catalog,
// zone and item are checked later against the engine's shipped catalogs.

const VIEWS = ["comparison", "passports", "estimate"];

/** The month after today's, as YYYY-MM. */
export function nextMonth(now = new Date()) {
  const d = new Date(now.getFullYear(), now.getMonth() + 1, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}`;
}

/** The language: the attribute, else the nearest lang="" around the element, else the browser's. */
export function pickLang(attr, inherited, browser) {
  if (attr) return attr;
  for (const l of [inherited, browser]) if (l) return l.toLowerCase().startsWith("ja") ? "ja" : "en";
  return "en";
}

function whole(text, min, max) {
  if (!/^\d{1,6}$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

/**
 * settings from get(name) → attribute value or null. Returns
 * {settings} or {problem: {attr, value, need}} (need is a strings key).
 */
export function readSettings(get, { lang, today = new Date() }) {
  const bad = (attr, need) => ({ problem: { attr, value: get(attr), need } });
  const s = { lang, catalog: get("catalog") ?? "", zone: get("zone") ?? "tk1a", item: get("item") ?? "server/4core-8gb" };
  const l = get("lang");
  if (l != null && l !== "ja" && l !== "en") return bad("lang", "needLang");
  s.view = get("view") ?? "estimate";
  if (!VIEWS.includes(s.view)) return bad("view", "needView");
  const count = get("count");
  s.count = count == null ? 1 : whole(count.trim(), 1, 10000);
  if (s.count == null) return bad("count", "needCount");
  const hours = (get("hours") ?? "always").trim();
  if (hours !== "always") {
    const n = /^\d{1,3}(\.\d+)?$/.test(hours) ? Number(hours) : NaN;
    if (!(n >= 0 && n <= 744)) return bad("hours", "needHours");
  }
  s.hours = hours;
  const start = get("start");
  if (start != null && !/^\d{4}-(0[1-9]|1[0-2])$/.test(start)) return bad("start", "needStart");
  s.start = start ?? nextMonth(today);
  const months = get("months");
  s.months = months == null ? 36 : whole(months.trim(), 1, 120);
  if (s.months == null) return bad("months", "needMonths");
  const term = get("term");
  if (term != null && term !== "" && !["12", "24", "36"].includes(term)) return bad("term", "needTerm");
  s.term = term || "";
  return { settings: s };
}

/** The contract's usage for the hours setting. */
export function usage(hours) {
  return hours === "always" ? { pattern: "always" } : { pattern: "hours", hours };
}

/** The scenario one calculator asks for: one resource, a passport when term is set. */
export function scenario(s, { months = s.months, term = s.term } = {}) {
  const doc = {
    start: s.start,
    months,
    resources: [{ id: "calc", item: s.item, zone: s.zone, count: s.count, usage: usage(s.hours) }],
  };
  if (s.catalog) doc.catalog = s.catalog;
  if (term) doc.passports = [{ item: s.item, zone: s.zone, term: Number(term), count: s.count, purchased: s.start }];
  return doc;
}
