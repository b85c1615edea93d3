// What stays on this device: saved estimates (scenarios only) and imported
// catalogs. Storage may be blocked, full or missing (private mode): nothing
// here throws; writes say whether the browser kept them (lib/safe-storage.js
// keeps them in memory for this visit otherwise).
import { getItem, setItem } from "../lib/safe-storage.js";
import { readSaved, writeSaved } from "./saved-rules.js";

const SAVED = "sakura.saved";
const IMPORTED = "sakura.catalogs";
const SET_ASIDE = "sakura.catalogs.damaged";

/** Saved estimates, newest first, damaged ones marked (saved-rules.js). */
export function listSaved() {
  return readSaved(getItem(SAVED));
}

/** Stores the whole list; false when the browser refused. */
export function storeSaved(entries) {
  return setItem(SAVED, writeSaved(entries));
}

const isText = (v) => typeof v === "string";

// A stored catalog the page can index and the engine can read the shape of.
function catalogProblem(c) {
  if (!c || typeof c !== "object" || Array.isArray(c)) return "not an object";
  if (!isText(c.id) || !c.id) return "no id";
  if (!isText(c.asOf) || !isText(c.taxRate)) return "no date or tax rate";
  if (!Array.isArray(c.items) || !c.items.length) return "no items";
  const bad = c.items.findIndex((it) => !it || typeof it !== "object" || !isText(it.id) || !isText(it.zone) || !isText(it.kind));
  return bad >= 0 ? `item ${bad + 1} is damaged` : "";
}

/**
 * Imported catalogs: {catalogs, damaged}. Damaged entries (or a damaged list)
 * are moved to their own key, so every later visit loads, and nothing the user
 * imported is thrown away: damaged is how many were set aside now.
 */
export function listImported() {
  const text = getItem(IMPORTED);
  if (!text) return { catalogs: [], damaged: 0 };
  let list;
  try {
    list = JSON.parse(text);
  } catch {
    list = null;
  }
  if (!Array.isArray(list)) {
    setAside([text]);
    setItem(IMPORTED, "[]");
    return { catalogs: [], damaged: 1 };
  }
  const good = list.filter((c) => !catalogProblem(c));
  const bad = list.filter((c) => catalogProblem(c));
  if (bad.length) {
    setAside(bad.map((c) => JSON.stringify(c)));
    setItem(IMPORTED, JSON.stringify(good));
  }
  return { catalogs: good, damaged: bad.length };
}

function setAside(texts) {
  let kept = [];
  try {
    kept = JSON.parse(getItem(SET_ASIDE) ?? "[]");
  } catch {
    // A damaged pile of damaged entries: start a new one.
  }
  setItem(SET_ASIDE, JSON.stringify([...(Array.isArray(kept) ? kept : []), ...texts]));
}

/** Keeps an imported catalog, replacing one with the same id; false when refused. */
export function saveImported(catalog) {
  return setItem(IMPORTED, JSON.stringify([...listImported().catalogs.filter((c) => c.id !== catalog.id), catalog]));
}

export function deleteImported(id) {
  return setItem(IMPORTED, JSON.stringify(listImported().catalogs.filter((c) => c.id !== id)));
}
