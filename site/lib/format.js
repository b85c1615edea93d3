// Display formatting with Intl. Money arrives from the engine as decimal strings
// and is only formatted here, never computed on: a yen amount can exceed what a
// JS number holds exactly, so digits are grouped on the string itself.
import { locale } from "./i18n.js";

/** "1234567" → "¥1,234,567" (en) or "1,234,567円" (ja); null → "—". */
export function yen(amount) {
  if (amount === null || amount === undefined || amount === "") return "—";
  const s = String(amount);
  const neg = s.startsWith("-");
  const [int, frac] = (neg ? s.slice(1) : s).split(".");
  const sep = new Intl.NumberFormat(locale()).formatToParts(1000).find((p) => p.type === "group")?.value ?? ",";
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, sep) + (frac ? "." + frac : "");
  const body = locale() === "ja-JP" ? `${grouped}円` : `¥${grouped}`;
  return neg ? `-${body}` : body;
}

/** A plain count (hours, days) with the locale's grouping. */
export function num(n) {
  return new Intl.NumberFormat(locale()).format(n);
}

/** "2026-04-01" → a localised date. */
export function date(s) {
  if (!s) return "—";
  const [y, m, d] = s.split("-").map(Number);
  return new Intl.DateTimeFormat(locale(), { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** "2026-04" → a localised month. */
export function month(s) {
  if (!s) return "—";
  const [y, m] = s.split("-").map(Number);
  return new Intl.DateTimeFormat(locale(), { year: "numeric", month: "short", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}
