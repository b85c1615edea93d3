// The rules of saved estimates, apart from storage and DOM so they can be
// tested alone (site/test/). A list is stored as JSON text; each entry is
// {name, savedAt, scenario}. Pure: no DOM, no strings shown.
import { shapeProblem } from "./scenario-shape.js";

/**
 * Reads the stored text into entries, newest first. An entry the form cannot
 * open is kept with damaged set (what is wrong), so it can be shown and
 * deleted; text that is not a list at all becomes one damaged entry.
 */
export function readSaved(text) {
  if (text === null || text === undefined || text === "") return [];
  let list;
  try {
    list = JSON.parse(text);
  } catch {
    return [{ name: "", savedAt: "", damaged: "unreadable", whole: true }];
  }
  if (!Array.isArray(list)) return [{ name: "", savedAt: "", damaged: "unreadable", whole: true }];
  const out = list.map((e, i) => {
    if (!e || typeof e !== "object" || Array.isArray(e)) return { name: "", savedAt: "", damaged: "unreadable", index: i };
    const entry = { name: typeof e.name === "string" ? e.name : "", savedAt: typeof e.savedAt === "string" ? e.savedAt : "", scenario: e.scenario, index: i };
    if (!entry.name) entry.damaged = "unnamed";
    else if (shapeProblem(e.scenario)) entry.damaged = "shape";
    return entry;
  });
  return out.sort((a, b) => b.savedAt.localeCompare(a.savedAt) || a.index - b.index);
}

/** The list as stored, without the reader's bookkeeping; whole-list damage is dropped. */
export function writeSaved(entries) {
  return JSON.stringify(entries.filter((e) => !e.whole).map(({ name, savedAt, scenario }) => ({ name, savedAt, scenario })));
}

/** name, or "name (2)", "name (3)", … whichever no entry has yet. */
export function uniqueName(name, entries) {
  const taken = new Set(entries.map((e) => e.name));
  if (!taken.has(name)) return name;
  let n = 2;
  while (taken.has(`${name} (${n})`)) n++;
  return `${name} (${n})`;
}

/** The entry named name, if any (the one an explicit save would overwrite). */
export function findSaved(entries, name) {
  return entries.find((e) => e.name === name && !e.whole);
}

/** entries with entry saved under its name (replacing one of that name). */
export function withSaved(entries, entry) {
  return [entry, ...entries.filter((e) => e.name !== entry.name || e.whole)];
}

/** entries without the one given (by identity: damaged entries may share a name). */
export function without(entries, entry) {
  return entries.filter((e) => e !== entry);
}

/** "2026-11-26 09:05" in local time, the default name's date. */
export function stamp(d) {
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/**
 * The scenario an exported JSON file holds: the page's own export
 * ({scenario, estimate}) or a bare scenario. Returns {scenario} or {problem}.
 */
export function scenarioFromFile(text) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch {
    return { problem: { path: "", want: "json" } };
  }
  const s = doc && typeof doc === "object" && !Array.isArray(doc) && "scenario" in doc ? doc.scenario : doc;
  const problem = shapeProblem(s);
  return problem ? { problem } : { scenario: s };
}
