// Form values ⇄ scenario JSON (contract.md, "Scenario"). The engine is the one
// validator; the page only reports what it alone can know: a line of intervals
// it cannot read, a number field the browser could not parse, and two rows
// asking for different custom prices for the same item and zone, which one
// overrides[] entry cannot express.
import { t } from "../lib/i18n.js";
import { scenarioCatalog } from "./catalogs.js";

const PRICES = ["hourly", "daily", "monthly"];

// A custom price of "-" (or "none", "なし") removes the catalog's price: the
// override's null (contract.md), e.g. an item billed with no hourly price.
const REMOVED = /^([-−–—ー]|none|なし)$/i;

/** "¥30,000" or "30 000円" → "30000": people type money as they read it. */
export function money(s) {
  return String(s ?? "").replace(/[\s,，¥￥円]/g, "");
}

const STAMP = /(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2}(?![\d-]))?/g;

// "2026-12-03T09:00" → "2026-12-03T09:00:00"; a bare date is its midnight; no
// offset stays none, which the contract reads as JST.
function normalizeStamp(m) {
  const offset = (m[4] ?? "").replace(/^([+-]\d{2})(\d{2})$/, "$1:$2");
  return `${m[1]}T${m[2] ?? "00:00"}${m[3] ?? ":00"}${offset}`;
}

/** Each non-empty line "START END" → {start, end}, or an error for the line. */
export function parseIntervals(text) {
  const intervals = [], bad = [];
  text.split("\n").forEach((line, n) => {
    if (!line.trim()) return;
    const found = [...line.matchAll(STAMP)];
    if (found.length === 2) intervals.push({ start: normalizeStamp(found[0]), end: normalizeStamp(found[1]) });
    else bad.push(n + 1);
  });
  return { intervals, bad };
}

function intNumber(s) {
  return /^-?\d+$/.test(s) ? Number(s) : s === "" ? undefined : Number.isFinite(Number(s)) ? Number(s) : s;
}

/**
 * Builds the scenario from form values. Returns the scenario, the page's own
 * errors, and overrideRows: for each overrides[k], the resource row it came from.
 */
export function buildScenario(form, entry) {
  const errors = [];
  const used = new Set();
  const scenario = {};
  const resources = form.resources.map((r, i) => {
    const out = { id: r.id || r.idPlaceholder || `r${i + 1}`, item: r.item, zone: r.zone };
    used.add(`${r.item}\u0000${r.zone}`);
    if (r.countBad) errors.push({ path: `resources[${i}].count`, message: t("err.number") });
    else if (r.count !== "") out.count = intNumber(r.count);
    if (r.pattern === "hours") out.usage = { pattern: "hours", hours: r.hours.replace(/,/g, "") };
    else if (r.pattern === "intervals") {
      const { intervals, bad } = parseIntervals(r.intervals);
      for (const n of bad) errors.push({ path: `resources[${i}].usage.intervals`, message: t("err.intervalLine", { n }) });
      out.usage = { pattern: "intervals", intervals };
    } else out.usage = { pattern: "always" };
    if (r.pattern !== "intervals") {
      if (r.from) out.from = r.from;
      if (r.until) out.until = r.until;
    }
    if (r.extra?.outages) out.outages = r.extra.outages;
    return out;
  });

  // One overrides[] entry per item and zone; rows sharing it must agree.
  const overrides = [], overrideRows = [], byKey = new Map();
  form.resources.forEach((r, i) => {
    const key = `${r.item}\u0000${r.zone}`;
    const tuple = PRICES.map((p) => money(r[p]));
    const seen = byKey.get(key);
    if (seen) {
      if (seen.join("\u0000") !== tuple.join("\u0000")) errors.push({ path: `resources[${i}].prices`, message: t("err.overrideConflict") });
      return;
    }
    byKey.set(key, tuple);
    if (tuple.every((p) => p === "")) return;
    const o = { item: r.item, zone: r.zone };
    PRICES.forEach((p, k) => tuple[k] !== "" && (o[p] = REMOVED.test(tuple[k]) ? null : tuple[k]));
    overrides.push(o);
    overrideRows.push(i);
  });

  const passports = form.passports.map((p, i) => {
    used.add(`${p.item}\u0000${p.zone}`);
    const out = {};
    if (p.id) out.id = p.id;
    Object.assign(out, { item: p.item, zone: p.zone, term: Number(p.term) });
    if (p.countBad) errors.push({ path: `passports[${i}].count`, message: t("err.number") });
    else out.count = p.count === "" ? 1 : intNumber(p.count);
    out.purchased = p.purchased;
    return out;
  });

  const taken = new Set(form.credits.map((c) => c.id).filter(Boolean));
  const counters = { coupon: 0, prepaid: 0 };
  const credits = form.credits.map((c) => {
    let id = c.id;
    while (!id || (id !== c.id && taken.has(id))) id = `${c.kind === "coupon" ? "c" : "p"}${++counters[c.kind]}`;
    taken.add(id);
    const out = { id, kind: c.kind, amount: money(c.amount), registered: c.registered };
    if (c.kind === "coupon") {
      out.expires = c.expires;
      if (c.registerBy) out.registerBy = c.registerBy;
      if (c.code) out.code = c.code;
    }
    return out;
  });

  const cat = scenarioCatalog(entry, used);
  if (cat !== undefined) scenario.catalog = cat;
  scenario.start = form.start;
  if (form.monthsBad) errors.push({ path: "months", message: t("err.months") });
  else scenario.months = form.months;
  scenario.resources = resources;
  if (passports.length) scenario.passports = passports;
  if (credits.length) scenario.credits = credits;
  const alerts = {};
  if (money(form.billAbove)) alerts.billAbove = money(form.billAbove);
  if (money(form.balanceBelow)) alerts.balanceBelow = money(form.balanceBelow);
  if (Object.keys(alerts).length) scenario.alerts = alerts;
  if (overrides.length) scenario.overrides = overrides;
  return { scenario, errors, overrideRows };
}

/** The form values a scenario means (the inverse of buildScenario). */
export function scenarioToForm(s) {
  const prices = new Map();
  for (const o of s.overrides ?? []) prices.set(`${o.item}\u0000${o.zone}`, o);
  const str = (v) => (v === undefined || v === null ? "" : String(v));
  const priceStr = (v) => (v === null ? "-" : str(v));
  return {
    catalog: s.catalog,
    start: str(s.start),
    months: s.months,
    resources: (s.resources ?? []).map((r) => {
      const o = prices.get(`${r.item}\u0000${r.zone}`) ?? {};
      const u = r.usage ?? { pattern: "always" };
      return {
        id: str(r.id), item: r.item, zone: r.zone, count: str(r.count ?? 1), pattern: u.pattern ?? "always",
        hours: str(u.hours), intervals: (u.intervals ?? []).map((iv) => `${iv.start} ${iv.end}`).join("\n"),
        from: str(r.from), until: str(r.until),
        hourly: priceStr(o.hourly), daily: priceStr(o.daily), monthly: priceStr(o.monthly),
        extra: r.outages ? { outages: r.outages } : undefined,
      };
    }),
    passports: (s.passports ?? []).map((p) => ({
      id: p.id, item: p.item, zone: p.zone, term: str(p.term ?? 12), count: str(p.count ?? 1), purchased: str(p.purchased),
    })),
    credits: (s.credits ?? []).map((c) => ({
      kind: c.kind === "prepaid" ? "prepaid" : "coupon", id: c.id, code: str(c.code), amount: str(c.amount),
      registered: str(c.registered), registerBy: str(c.registerBy), expires: str(c.expires),
    })),
    billAbove: str(s.alerts?.billAbove),
    balanceBelow: str(s.alerts?.balanceBelow),
  };
}
