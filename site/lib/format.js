// Display formatting with Intl. Money arrives from the engine as decimal strings
// and is only formatted here, never computed on: a yen amount can exceed what a
// JS number holds exactly, so digits are grouped on the string itself.
import { locale } from "./i18n.js";

// Building an Intl formatter costs far more than using one, and a large
// estimate formats tens of thousands of cells: one of each per locale.
const formatters = new Map();
function formatter(kind, make) {
  const key = `${kind}|${locale()}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = make(locale())));
  return f;
}
const groupSeparator = () =>
  formatter("group", (loc) => new Intl.NumberFormat(loc).formatToParts(1000).find((p) => p.type === "group")?.value ?? ",");
const numbers = () => formatter("num", (loc) => new Intl.NumberFormat(loc));
const dates = () => formatter("date", (loc) => new Intl.DateTimeFormat(loc, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }));
const months = () => formatter("month", (loc) => new Intl.DateTimeFormat(loc, { year: "numeric", month: "short", timeZone: "UTC" }));

/** The locale's plural category of n ("one", "other"). */
export function plural(n) {
  return formatter("plural", (loc) => new Intl.PluralRules(loc)).select(n);
}

/** A rate as a percentage: 0.125 → "12.5%". */
export function percentOf(rate) {
  return formatter("percent", (loc) => new Intl.NumberFormat(loc, { style: "percent", maximumFractionDigits: 2 })).format(rate);
}

/** "1234567" → "¥1,234,567" (en) or "1,234,567円" (ja); null → "—". */
export function yen(amount) {
  if (amount === null || amount === undefined || amount === "") return "—";
  const s = String(amount);
  const neg = s.startsWith("-");
  const [int, frac] = (neg ? s.slice(1) : s).split(".");
  const sep = groupSeparator();
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, sep) + (frac ? "." + frac : "");
  const body = locale() === "ja-JP" ? `${grouped}円` : `¥${grouped}`;
  return neg ? `-${body}` : body;
}

/** A plain count (hours, days) with the locale's grouping. */
export function num(n) {
  return numbers().format(n);
}

/** "2026-04-01" → a localised date. */
export function date(s) {
  if (!s) return "—";
  const [y, m, d] = s.split("-").map(Number);
  return dates().format(new Date(Date.UTC(y, m - 1, d)));
}

/** "2026-04" → a localised month. */
export function month(s) {
  if (!s) return "—";
  const [y, m] = s.split("-").map(Number);
  return months().format(new Date(Date.UTC(y, m - 1, 1)));
}
