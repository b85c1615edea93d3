// The catalog picker, its description, and the import of an official price list
// through the engine's importPrices request.
import { t } from "../lib/i18n.js";
import { date } from "../lib/format.js";
import { h, option, byTestId } from "./dom.js";
import { addCatalog, getCatalog, listCatalogs, removeCatalog, defaultCatalogKey, passportZones } from "./catalogs.js";
import { saveImported, deleteImported } from "./storage.js";
import { problemText } from "../lib/messages.js";
import { sourceText } from "./catalog-texts.js";
import { reasonText, overlayText, passportLines, zoneSourceLines } from "./import-report.js";
import { available as storageAvailable } from "../lib/safe-storage.js";

/** A price document larger than this is refused unread: the real ones are tens of KB. */
export const MAX_PRICE_DOCUMENT_BYTES = 4 << 20;
const MB = (n) => `${(n / 1048576).toFixed(1)} MB`;

const ZONE_IN_NAME = /(tk1a|tk1b|tk1v|is1a|is1b|is1c)/i;
const $ = byTestId;

// "0.08" → "8 %", on the string: 0.08 × 100 in floating point is not 8.
function percent(rate) {
  const [int, frac = ""] = String(rate).split(".");
  const f = frac.padEnd(2, "0");
  const whole = (int + f.slice(0, 2)).replace(/^0+(?=\d)/, "");
  const rest = f.slice(2).replace(/0+$/, "");
  return `${whole}${rest ? "." + rest : ""} %`;
}

/** engine: the engine client (lib/engine-client.js); changed(): the catalog changed. */
export function createCatalogUI({ engine, changed }) {
  const select = $("catalog-select");
  const removeBtn = document.getElementById("remove-catalog");

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
    // Prices a link carried are the link's, whatever id they use.
    const fromLink = e.origin === "link" ? [h("p", { class: "from-link", dataset: { testid: "catalog-origin" }, text: t("catalogFromLink", { id: c.id }) })] : [];
    info.replaceChildren(
      ...fromLink,
      h("p", { text: t("catalogInfo", { id: c.id, date: date(c.asOf), tax: percent(c.taxRate), items: c.items.length }) }),
      h("p", { class: "source", text: t("catalogSource", { source: sourceText({ ...c, origin: e.origin }) }) }),
      ...zoneSourceLines(c).map((text, i) => h("p", { class: "zone-source", dataset: { testid: "zone-source" }, text })),
      h("p", { class: "estimated-note", dataset: { estimated: String(hasEstimated) }, text: t(hasEstimated ? "estimatedNote" : "noEstimated") }),
    );
    removeBtn.hidden = e.origin !== "imported";
    document.getElementById("no-passport-plans").hidden = passportZones(e).length > 0;
    $("add-passport").disabled = passportZones(e).length === 0;
  }

  // Rows keep their items and zones: what the new catalog lacks is reported on
  // the row, with the closest match offered (app/match.js).
  function announce() {
    describe();
    changed();
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
  // A huge document may leave thousands out: the first few say what kind, so
  // only those are worded.
  const DETAILS_SHOWN = 200;
  function details(out) {
    const box = document.querySelector(".import-details");
    const warnings = out.warnings ?? [], unmatched = out.unmatched ?? [], passports = passportLines(out);
    const total = warnings.length + (out.unmatchedTotal ?? unmatched.length) + passports.length;
    const items = [
      ...warnings.slice(0, DETAILS_SHOWN).map((w) => `${w.path}: ${problemText(w)}`),
      ...unmatched.slice(0, DETAILS_SHOWN).map((u) => `${u.name ?? u.serviceClass} (${[u.serviceClass, u.zone].filter(Boolean).join(", ")}): ${reasonText(u)}`),
      ...passports,
    ].slice(0, DETAILS_SHOWN);
    box.hidden = !total;
    const shown = items.map((text) => h("li", { text }));
    if (total > DETAILS_SHOWN) shown.push(h("li", { text: t("importMore", { n: total - DETAILS_SHOWN }) }));
    box.querySelector("ul").replaceChildren(...shown);
  }

  function report(lines, isError) {
    if (isError) details({});
    status.classList.toggle("error", isError);
    status.replaceChildren(...lines.map((l) => h("p", { text: l })));
  }

  // Documents go to the engine as the text read, so a file that is not JSON is
  // reported on its own; names turn "documents[1]" into the file's name.
  async function importDocuments(named, zones) {
    // Only the unmatched classes shown are sent back, with their number: a
    // 3.9 MB list leaves ~13,000 out, a 5 MB answer to parse on this thread.
    const req = { request: "importPrices", asOf: asOf.value, documents: named.map((d) => d.text), unmatchedLimit: DETAILS_SHOWN };
    if (zones) req.zones = zones;
    // Laid over the catalog in use, zone by zone (an imported one travels whole).
    const base = current();
    if (base) req.base = base.origin === "shipped" ? base.catalog.id : base.catalog;
    report([t("importing")], false);
    busy(true);
    const out = await engine.call(req);
    busy(false);
    const where = (path) => (path ?? "").replace(/^documents\[(\d+)\]/, (m, i) => named[Number(i)]?.name ?? m);
    if (out.errors?.length || !out.catalog) {
      const errs = out.errors ?? [];
      report([t("importFailed"), ...errs.map((e) => (e.path ? `${where(e.path)}: ${problemText(e)}` : problemText(e)))], true);
      return;
    }
    const kept = saveImported(out.catalog);
    const key = addCatalog(out.catalog, "imported");
    const lines = [t("importOk", { id: out.catalog.id, n: out.catalog.items.length })];
    if (!kept) lines.push(t(storageAvailable() ? "importNotKept" : "importMemoryOnly"));
    lines.push(overlayText(out));
    const unmatched = out.unmatchedTotal ?? out.unmatched?.length ?? 0;
    if (unmatched) lines.push(t("importUnmatched", { n: unmatched }));
    report(lines, false);
    details({
      warnings: (out.warnings ?? []).map((w) => ({ ...w, path: where(w.path) })),
      unmatched: out.unmatched,
      unmatchedTotal: unmatched,
      passportsNotCarried: out.passportsNotCarried,
    });
    choose(key);
  }

  function busy(on) {
    $("import-apply").disabled = on;
    $("import-prices").disabled = on;
  }

  // Sizes are checked before anything is read, so a huge file costs nothing.
  function tooLarge(name, bytes) {
    if (bytes <= MAX_PRICE_DOCUMENT_BYTES) return false;
    report([t("importTooLarge", { name, size: MB(bytes), max: MB(MAX_PRICE_DOCUMENT_BYTES) })], true);
    return true;
  }

  async function importFiles() {
    const files = [...$("import-prices").files];
    if (!files.length) return false;
    if (files.some((f) => tooLarge(f.name, f.size))) return true;
    const named = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
    // Files saved as "price-is1b.json" say which zone they were fetched for;
    // the engine needs that only for prices that do not name their zone.
    const zones = files.map((f) => ZONE_IN_NAME.exec(f.name)?.[1]?.toLowerCase());
    await importDocuments(named, zones.every(Boolean) ? zones : undefined);
    return true;
  }

  $("import-prices").addEventListener("change", importFiles);
  $("import-apply").addEventListener("click", async () => {
    const paste = $("import-paste").value;
    // UTF-8 is at most 3 bytes per UTF-16 unit: most pastes need no counting.
    const bytes = paste.length * 3 <= MAX_PRICE_DOCUMENT_BYTES ? 0 : new Blob([paste]).size;
    if (tooLarge(t("importPasted"), bytes)) return;
    const text = paste.trim();
    if (text) await importDocuments([{ name: t("importPasted"), text }]);
    else if (!(await importFiles())) report([t("importNothing")], true);
  });

  return { current, render, choose, set };
}
