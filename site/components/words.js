// Wording of hours, days, rates, months and fee bases shared by the result
// components. None of this is money: hours and days are counts, so plain
// arithmetic on them is fine.
import { register, t } from "../lib/i18n.js";
import { num, plural, percentOf } from "../lib/format.js";
import { term } from "../lib/glossary.js";

register({
  en: {
    "unit.hours": "{n} h",
    "unit.day.one": "{n} day",
    "unit.day.other": "{n} days",
    "unit.daysHours": "{days} {hours}",
    "unit.months": "{n} months",
    "unit.aside": "{main} ({aside})",
  },
  ja: {
    "unit.hours": "{n}時間",
    "unit.day.one": "{n}日",
    "unit.day.other": "{n}日",
    "unit.daysHours": "{days}{hours}",
    "unit.months": "{n}か月",
    "unit.aside": "{main}（{aside}）",
  },
});

/** 465 → "465 h" / "465時間". */
export function hours(n) {
  return t("unit.hours", { n: num(n) });
}

/** (19, 9) → "19 days 9 h"; (0, 9) → "9 h"; (2, 0) → "2 days". */
export function daysHours(days, rest) {
  const d = t(`unit.day.${plural(days)}`, { n: num(days) });
  if (days === 0) return hours(rest);
  if (rest === 0) return d;
  return t("unit.daysHours", { days: d, hours: hours(rest) });
}

/** 465 → "19 days 9 h", the 24-hour blocks of R4.3. */
function asDays(h) {
  return daysHours(Math.floor(h / 24), h % 24);
}

/** A line's usage: (465, 19, 9) → "465 h (19 days 9 h)"; no whole day → "10 h". */
export function usage(h, days, rest) {
  return days === 0 ? hours(h) : t("unit.aside", { main: hours(h), aside: daysHours(days, rest) });
}

/** 465 → "465 h (19 days 9 h)"; below a day just "10 h". */
export function hoursWithDays(h) {
  return usage(h, Math.floor(h / 24), h % 24);
}

/** 465 → "19 days 9 h (465 h)"; below a day just "10 h". */
export function daysWithHours(h) {
  return h < 24 ? hours(h) : t("unit.aside", { main: asDays(h), aside: hours(h) });
}

/** 12 → "12 months". */
export function months(n) {
  return t("unit.months", { n: num(n) });
}

/** The engine's rate string "0.35" → "35%". */
export function percent(rate) {
  if (rate === null || rate === undefined || rate === "") return "—";
  return percentOf(Number(rate));
}

/** "2019-02" → 672, the hours of that calendar month. */
export function monthHours(month) {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate() * 24;
}

register({
  en: {
    "basis.hourly": "hourly rate",
    "basis.daily": "daily rate",
    "basis.monthly": "monthly fee",
    "basis.monthly-only": "monthly fee (monthly-only item)",
  },
  ja: {
    "basis.hourly": "時間割料金",
    "basis.daily": "日割料金",
    "basis.monthly": "月額料金",
    "basis.monthly-only": "月額料金（月額のみの品目）",
  },
});

/** The engine's basis ("hourly", "daily", "monthly", "monthly-only") in words. */
export function basisName(basis) {
  if (basis === "hourly" || basis === "daily" || basis === "monthly") return term(basis);
  return t(`basis.${basis}`);
}
