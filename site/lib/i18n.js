// Language state and string tables. Each module registers its own strings, so a
// component embedded alone in a documentation page carries what it needs.
import { getItem, setItem } from "./safe-storage.js";

const tables = { en: {}, ja: {} };
const listeners = new Set();
let current = pickInitial();

function pickInitial() {
  const saved = getItem("sakura.lang");
  if (saved === "en" || saved === "ja") return saved;
  const langs = globalThis.navigator?.languages ?? [globalThis.navigator?.language ?? "en"];
  return langs.some((l) => String(l).toLowerCase().startsWith("ja")) ? "ja" : "en";
}

/** Adds strings: register({en: {key: "..."}, ja: {key: "..."}}). */
export function register(strings) {
  for (const lang of Object.keys(tables)) Object.assign(tables[lang], strings[lang] ?? {});
}

/** The current language, "en" or "ja". */
export function lang() {
  return current;
}

/** BCP 47 locale for Intl. */
export function locale() {
  return current === "ja" ? "ja-JP" : "en-US";
}

/** Switches language, remembers it, and tells every listener. */
export function setLang(next) {
  if (next !== "en" && next !== "ja") return;
  current = next;
  setItem("sakura.lang", next); // a refusal (storage full or blocked) only forgets the choice
  if (globalThis.document) document.documentElement.lang = next;
  for (const fn of listeners) fn(next);
}

/** Calls fn(lang) after every language change; returns a function that stops it. */
export function onLangChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** The string for key, with {name} placeholders filled from vars. Falls back to English, then the key. */
export function t(key, vars = {}) {
  const s = tables[current][key] ?? tables.en[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => (k in vars ? String(vars[k]) : `{${k}}`));
}
