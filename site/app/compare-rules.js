// The rules of the comparison, apart from storage and DOM so they can be tested
// alone (site/test/): which estimates it holds, as stored JSON text. Pure.
import { shapeProblem } from "./scenario-shape.js";

/** At most this many estimates side by side (the current one included). */
export const MAX_COMPARED = 4;

/**
 * The stored comparison: {entries: [{name, scenario}], current: bool} where
 * current says whether the form's estimate takes part too. Entries the form
 * could not open are dropped (they were never comparable); text that is not a
 * comparison gives an empty one.
 */
export function readCompare(text) {
  let v;
  try {
    v = JSON.parse(text ?? "");
  } catch {
    return { entries: [], current: true };
  }
  if (!v || typeof v !== "object" || !Array.isArray(v.entries)) return { entries: [], current: true };
  const entries = v.entries
    .filter((e) => e && typeof e === "object" && typeof e.name === "string" && e.name && !shapeProblem(e.scenario))
    .slice(0, MAX_COMPARED)
    .map((e) => ({ name: e.name, scenario: e.scenario }));
  return { entries, current: v.current !== false };
}

/** The comparison as stored. */
export function writeCompare(c) {
  return JSON.stringify({ entries: c.entries.map(({ name, scenario }) => ({ name, scenario })), current: c.current });
}

/** How many more estimates fit. */
export function room(c) {
  return MAX_COMPARED - c.entries.length - (c.current ? 1 : 0);
}

/** "Variant 1", "Variant 2", … whichever is free. */
export function variantName(base, c) {
  const taken = new Set(c.entries.map((e) => e.name));
  let n = 1;
  while (taken.has(`${base} ${n}`)) n++;
  return `${base} ${n}`;
}
