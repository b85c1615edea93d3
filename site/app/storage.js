// What stays on this device: saved estimates (scenarios only) and imported
// catalogs. localStorage may be full or disabled (private mode); then saving
// fails visibly through the returned flag instead of throwing.
const SAVED = "sakura.saved";
const IMPORTED = "sakura.catalogs";

function read(key) {
  try {
    const v = JSON.parse(localStorage.getItem(key) ?? "[]");
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

function write(key, list) {
  try {
    localStorage.setItem(key, JSON.stringify(list));
    return true;
  } catch {
    return false;
  }
}

/** Saved estimates, newest first: [{name, savedAt, scenario}]. */
export function listSaved() {
  return read(SAVED).sort((a, b) => String(b.savedAt).localeCompare(String(a.savedAt)));
}

/** Saves (or replaces, by name) a scenario; false when storage refused it. */
export function saveScenario(name, scenario) {
  const list = read(SAVED).filter((e) => e.name !== name);
  list.push({ name, savedAt: new Date().toISOString(), scenario });
  return write(SAVED, list);
}

export function deleteSaved(name) {
  return write(SAVED, read(SAVED).filter((e) => e.name !== name));
}

/** Imported catalogs (whole catalog objects). */
export function listImported() {
  return read(IMPORTED).filter((c) => c && typeof c.id === "string" && Array.isArray(c.items));
}

/** Keeps an imported catalog, replacing one with the same id. */
export function saveImported(catalog) {
  return write(IMPORTED, [...listImported().filter((c) => c.id !== catalog.id), catalog]);
}

export function deleteImported(id) {
  return write(IMPORTED, listImported().filter((c) => c.id !== id));
}
