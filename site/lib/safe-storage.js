// localStorage that never throws. With site data blocked, merely reading
// globalThis.localStorage throws; when the quota is full, setItem throws. Then
// the page keeps what it would have stored in memory for this visit and can
// say so: available() is false when the browser refuses storage altogether.
const memory = new Map(); // what the browser refused, newest value per key
let store;
try {
  store = globalThis.localStorage ?? null;
  store?.getItem("sakura.lang"); // blocked storage may throw only on use
} catch {
  store = null;
}

/** False when the browser gives this page no storage at all (blocked, or none). */
export function available() {
  return store !== null;
}

/** The stored text for key, or null. */
export function getItem(key) {
  if (memory.has(key)) return memory.get(key);
  if (!store) return null;
  try {
    return store.getItem(key);
  } catch {
    return memory.get(key) ?? null;
  }
}

/** Stores text; false when refused (full, blocked), kept in memory then. */
export function setItem(key, value) {
  try {
    if (!store) throw new Error("no storage");
    store.setItem(key, value);
    memory.delete(key);
    return true;
  } catch {
    memory.set(key, value);
    return false;
  }
}

export function removeItem(key) {
  memory.delete(key);
  try {
    store?.removeItem(key);
  } catch {
    // Nothing stored to lose.
  }
}
