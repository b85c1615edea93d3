// The catalog picker, its description, and the import of an official price list
// through the engine's importPrices request.
import { t } from "../lib/i18n.js";
import { date } from "../lib/format.js";
import { h, option } from "./dom.js";
import { addCatalog, getCatalog, listCatalogs, removeCatalog, defaultCatalogKey, passportZones } from "./catalogs.js";
import { callEngine } from "./engine.js";
import { saveImported, deleteImported } from "./storage.js";
import { reasonText, overlayText, passportLines, zoneSourceLines } from "./import-report.js";

const ZONE_IN_NAME = /(tk1a|tk1b|tk1v|is1a|is1b|is1c)/i;
const $ = (id) => document.querySelector(`[data-testid="${id}"]`);

// "0.08" → "8 %", on the string: 0.08 × 100 in floating point is not 8.
function percent(rate) {
  const [int, frac = ""] = String(rate).split(".");
  const f = frac.padEnd(2, "0");
  const whole = (int + f.slice(0, 2)).replace(/^0+(?=\d)/, "");
  const rest = f.slice(2).replace(/0+$/, "");
  return `${whole}${rest ? "." + rest : ""} %`;
}

export function createCatalogUI({ changed }) {
  const select = $("catalog-select");
  const removeBtn = document.getElementById("remove-catalog");
  let shown = null; // the entry the form was last told about

  function current() {
    return getCatalog(select.value);
  }

  function render() {
    const key = select.value;
    select.replaceChildren(
      ...listCatalogs().map((e) =>
        option(e.key, `${e.catalog.id} — ${date(e.catalog.asOf)} (${t(`origin.${e.origin}`)})`, e.key === key)),
    );
    if (!getCatalog(key)) select.value = defaultCatalogKey() ?? "";
    describe();
  }

  function describe() {
    const e = current();
    const info = $("catalog-info");
    if (!e) return info.replaceChildren();
    const c = e.catalog;
    const hasEstimated = c.items.some((it) => it.estimated?.length || it.assumedFrom);
    info.replaceChildren(
      h("p", { text: t("catalogInfo", { id: c.id, date: date(c.asOf), tax: percent(c.taxRate), items: c.items.length }) }),
      h("p", { class: "source", text: t("catalogSource", { source: c.source }) }),
      ...zoneSourceLines(c).map((text, i) => h("p", { class: "zone-source", dataset: { testid: "zone-source" }, text })),
      h("p", { class: "estimated-note", dataset: { estimated: String(hasEstimated) }, text: t(hasEstimated ? "estimatedNote" : "noEstimated") }),
    );
    removeBtn.hidden = e.origin !== "imported";
    document.getElementById("no-passport-plans").hidden = passportZones(e).length > 0;
    $("add-passport").disabled = passportZones(e).length === 0;
  }

  // Tells the form which catalog it moved from, so rows can be carried over.
  function announce() {
    const before = shown;
    shown = current();
    describe();
    changed(before, shown);
  }

  /** Selects a catalog by key and tells the form. */
  function choose(key) {
    render();
    select.value = key;
    announce();
  }

  /** Selects a catalog without carrying rows (the form is about to be refilled). */
  function set(key) {
    render();
    select.value = key;
    shown = current();
    describe();
  }

  select.addEventListener("change", announce);

  removeBtn.addEventListener("click", () => {
    const e = current();
    if (e?.origin !== "imported") return;
    deleteImported(e.catalog.id);
    removeCatalog(e.key);
    choose(defaultCatalogKey());
  });

  // ---- import ----
  const status = $("import-status");
  const asOf = $("import-asof");
  const today = new Date();
  asOf.value = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, "0")}-${String(today.getDate()).padStart(2, "0")}`;

  // The unmatched price classes and document warnings, for the curious.
  function details(out) {
    const box = document.querySelector(".import-details");
    const items = [
      ...(out.warnings ?? []).map((w) => `${w.path}: ${w.message}`),
      ...(out.unmatched ?? []).map((u) => `${u.name ?? u.serviceClass} (${[u.serviceClass, u.zone].filter(Boolean).join(", ")}): ${reasonText(u)}`),
      ...passportLines(out),
    ];
    box.hidden = !items.length;
    box.querySelector("ul").replaceChildren(...items.map((text) => h("li", { text })));
  }

  function report(lines, isError) {
    if (isError) details({});
    status.classList.toggle("error", isError);
    status.replaceChildren(...lines.map((l) => h("p", { text: l })));
  }

  // Documents go to the engine as the text read, so a file that is not JSON is
  // reported on its own; names turn "documents[1]" into the file's name.
  function importDocuments(named, zones) {
    const req = { request: "importPrices", asOf: asOf.value, documents: named.map((d) => d.text) };
    if (zones) req.zones = zones;
    // Laid over the catalog in use, zone by zone (an imported one travels whole).
    const base = current();
    if (base) req.base = base.origin === "shipped" ? base.catalog.id : base.catalog;
    const out = callEngine(req);
    const where = (path) => (path ?? "").replace(/^documents\[(\d+)\]/, (m, i) => named[Number(i)]?.name ?? m);
    if (out.errors?.length || !out.catalog) {
      const errs = out.errors ?? [];
      report([t("importFailed"), ...errs.map((e) => (e.path ? `${where(e.path)}: ${e.message}` : e.message))], true);
      return;
    }
    const kept = saveImported(out.catalog);
    const key = addCatalog(out.catalog, "imported");
    const lines = [t("importOk", { id: out.catalog.id, n: out.catalog.items.length })];
    if (!kept) lines.push(t("importNotKept"));
    lines.push(overlayText(out));
    if (out.unmatched?.length) lines.push(t("importUnmatched", { n: out.unmatched.length }));
    report(lines, false);
    details({
      warnings: (out.warnings ?? []).map((w) => ({ ...w, path: where(w.path) })),
      unmatched: out.unmatched,
      passportsNotCarried: out.passportsNotCarried,
    });
    choose(key);
  }

  async function importFiles() {
    const files = [...$("import-prices").files];
    if (!files.length) return false;
    const named = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
    // Files saved as "price-is1b.json" say which zone they were fetched for;
    // the engine needs that only for prices that do not name their zone.
    const zones = files.map((f) => ZONE_IN_NAME.exec(f.name)?.[1]?.toLowerCase());
    importDocuments(named, zones.every(Boolean) ? zones : undefined);
    return true;
  }

  $("import-prices").addEventListener("change", importFiles);
  $("import-apply").addEventListener("click", async () => {
    const text = $("import-paste").value.trim();
    if (text) importDocuments([{ name: t("importPasted"), text }]);
    else if (!(await importFiles())) report([t("importNothing")], true);
  });

  return { current, render, choose, set };
}
