// The two CSV exports of the toolbar, each the figures the screen shows,
// raw (decimal strings, never added up here):
// - totals: one row per month, then per year, then the whole period, with the
//   bills' columns, the cost by kind (the breakdown, passport fees as their
//   own column) and whether the row uses a custom price;
// - lines: one row per bill line and per passport fee of every month, with
//   the same custom-price column; a month's rows add up to its total.
import { toCSV } from "../components/csv.js";

const KINDS = ["server", "disk", "licence", "appliance", "network", "other"];

const yes = (b) => (b ? "yes" : "");

/**
 * totalsCSV(estimate, breakdown, custom): estimate is the summary on screen,
 * breakdown the engine's breakdown by kind of the same scenario, custom the
 * components' customPrices (or null).
 */
export function totalsCSV(estimate, breakdown, custom) {
  const group = (key) => breakdown?.groups.find((g) => g.key === key);
  const byKind = (pick) => [...KINDS, "passportFees"].map((k) => (group(k) ? pick(group(k)) : "0"));
  const months = estimate.months ?? [];
  const marked = new Set(custom?.months ?? []);
  const rows = [["period", "from", "to", ...KINDS, "passportFees", "total", "tax", "creditsPaid", "charged", "withoutPassports", "customPrice"]];
  months.forEach((m, i) => {
    rows.push([m.month, m.month, m.month, ...byKind((g) => g.months[i]), m.total, m.tax, m.creditsPaid, m.charged, m.withoutPassports, yes(marked.has(m.month))]);
  });
  (estimate.years ?? []).forEach((y, i) => {
    const custom = months.some((m) => marked.has(m.month) && m.month >= y.from && m.month <= y.to);
    rows.push([`year ${y.year}`, y.from, y.to, ...byKind((g) => g.years[i]), y.total, "", y.creditsUsed, y.charged, y.withoutPassports, yes(custom)]);
  });
  const last = months.at(-1);
  if (last) {
    // The engine gives the whole period's totals, not its tax, credits or charge.
    rows.push(["whole", months[0].month, last.month, ...byKind((g) => g.total), last.cumulative, "", "", "", last.cumulativeWithoutPassports, yes(marked.size > 0)]);
  }
  return toCSV(rows);
}

/** linesCSV(estimate, custom): estimate is the whole estimate, every month with its lines. */
export function linesCSV(estimate, custom) {
  const resources = new Set(custom?.resources ?? []);
  const passports = new Set(custom?.passports ?? []);
  const rows = [["month", "line", "resource", "contract", "item", "zone", "hours", "days", "restHours", "basis", "fee", "discount", "amount", "passport", "customPrice"]];
  for (const m of estimate.months ?? []) {
    for (const l of m.lines ?? []) {
      rows.push([m.month, "usage", l.resource, l.contract, l.item, l.zone, l.hours, l.days, l.restHours, l.basis, l.fee, l.discount, l.amount, l.passport?.id ?? "", yes(resources.has(l.resource))]);
    }
    for (const f of m.passportFees ?? []) {
      rows.push([m.month, "passportFee", "", f.count, f.item, f.zone, "", "", "", "", f.amount, "0", f.amount, f.passport, yes(passports.has(f.passport))]);
    }
  }
  return toCSV(rows);
}
