// Above 50 resources the estimate's address is written only when the page is
// left (replaceState alone took up to ~110 ms there, on every keystroke). A
// reload from the keyboard starts before the page is left, at the address not
// yet written, and would reopen the estimate without the latest edits. So on
// leaving, the unwritten address is kept for this tab, with the address it
// replaces, and taken up when the page reopens at that same address.

const KEY = "sakura.unwrittenAddress";

/** Keeps address (a fragment) for this tab, to replace from on the next load. */
export function keepUnwrittenAddress(from, address) {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ from, address }));
  } catch {
    // Storage blocked or full: the address written on leaving is all there is.
  }
}

/** The address kept for current (a fragment), or null; it stays kept. */
function keptFor(current) {
  try {
    const kept = JSON.parse(sessionStorage.getItem(KEY) ?? "null");
    return kept && kept.from === current && typeof kept.address === "string" ? kept.address : null;
  } catch {
    return null; // storage blocked, or not this page's JSON
  }
}

/**
 * The address kept when this tab last left the page at current (a fragment),
 * or null; whatever was kept is forgotten either way.
 */
export function takeUnwrittenAddress(current) {
  const address = keptFor(current);
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Storage blocked: nothing was kept.
  }
  return address;
}

/** Whether takeUnwrittenAddress(current) would find an address, leaving it kept. */
export function hasUnwrittenAddress(current) {
  return keptFor(current) !== null;
}
