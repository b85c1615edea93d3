// Entry point: loads the engine, builds the form, and recalculates as the user
// types. The last good estimate stays on screen while the input has errors.
import "./app/strings.js";
import { t, lang, setLang, onLangChange } from "./lib/i18n.js";
import { translate } from "./app/dom.js";
import { yen, month as fmtMonth } from "./lib/format.js";
import { wasmAvailable, loadEngine, callEngine, engineVersion } from "./app/engine.js";
import { addCatalog, keyForScenarioCatalog, defaultCatalogKey, setDefaultCatalog, smallServer } from "./app/catalogs.js";
import { listImported } from "./app/storage.js";
import { carryRows } from "./app/carry.js";
import { rowItem } from "./app/rows.js";
import { createCatalogUI } from "./app/catalog-ui.js";
import { createForm, thisMonth } from "./app/form.js";
import { buildScenario, scenarioToForm } from "./app/scenario.js";
import { showErrors, clearErrors } from "./app/errors.js";
import { encodeScenario, decodeScenario } from "./app/share.js";
import { createSavedUI } from "./app/saved-ui.js";
import { createToolbar } from "./app/toolbar.js";
import { registerServiceWorker } from "./app/offline.js";
import { createCustomItemsUI } from "./app/custom-items-ui.js";

const $ = (id) => document.querySelector(`[data-testid="${id}"]`);
const RESULTS = ["comparison", "bills", "passports", "credits", "years"];

let last = null; // {scenario, estimate} on screen
let built = null; // the scenario the form means right now, valid or not
let fragmentWrite = Promise.resolve();
let timer = 0;
let generation = 0; // bumped by every edit and run, so a late URL write knows it is stale

function applyLanguage() {
  document.documentElement.lang = lang();
  document.title = t("title");
  $("lang-toggle").lang = lang() === "ja" ? "en" : "ja"; // the button names the other language
  translate(document);
  const version = engineVersion();
  document.querySelector(".engine-version").textContent = version ? t("engine", { version }) : "";
}

function setStatus(errors) {
  const s = $("status");
  s.dataset.state = errors ? "errors" : "ok";
  s.textContent = errors ? (errors === 1 ? t("status.one") : t("status.errors", { n: errors })) : t("status.ok");
}

function showPending() {
  const s = $("status");
  s.dataset.state = "pending";
  s.textContent = t("status.calculating");
}

function showLoading(received, total) {
  const bar = document.querySelector(".loading progress");
  const text = document.querySelector(".loading-text");
  if (total) {
    bar.value = Math.min(100, Math.round((received / total) * 100));
    text.textContent = t("loadingProgress", { pct: `${bar.value} %` });
  } else {
    bar.removeAttribute("value");
    text.textContent = t("loadingProgress", { pct: `${(received / 1048576).toFixed(1)} MB` });
  }
}

async function main() {
  applyLanguage();
  $("lang-toggle").addEventListener("click", () => setLang(lang() === "ja" ? "en" : "ja"));
  const stopEarly = onLangChange(applyLanguage);
  if (!wasmAvailable()) {
    $("loading").hidden = true;
    $("wasm-unavailable").hidden = false;
    return;
  }
  const componentsLoaded = import("./components/index.js").catch(() => null);
  try {
    await loadEngine(showLoading);
  } catch (e) {
    document.querySelector(".loading-text").textContent = t("loadFailed", { message: e.message });
    document.querySelector(".loading progress").hidden = true;
    return;
  }
  await componentsLoaded;

  const shipped = callEngine({ request: "catalogs" });
  for (const c of shipped.catalogs ?? []) addCatalog(c, "shipped");
  setDefaultCatalog(shipped.default);
  for (const c of listImported()) addCatalog(c, "imported");

  const catalogUI = createCatalogUI({
    changed: (from, to) => {
      const rows = [...form.lists.resources.children, ...form.lists.passports.children].map(rowItem);
      carryRows(rows, from, to);
      customItems.render();
      form.refresh();
      schedule();
    },
  });
  const customItems = createCustomItemsUI({
    section: $("custom-items"),
    entry: () => catalogUI.current(),
    zone: () => form.read().resources[0]?.zone ?? smallServer(catalogUI.current())?.zone ?? "",
    changed: () => { form.refresh(); schedule(); },
  });
  const form = createForm({ entry: () => customItems.entry(), changed: () => schedule() });
  const saved = createSavedUI({ scenario: () => built ?? last?.scenario, open: (s) => restore(s) });

  function restore(scenario) {
    const values = scenarioToForm(scenario);
    catalogUI.set(keyForScenarioCatalog(values.catalog) ?? defaultCatalogKey());
    customItems.fill(scenario.customItems);
    form.fill(values);
    recalc();
  }

  function firstVisit() {
    catalogUI.set(defaultCatalogKey());
    customItems.fill([]);
    form.fill({ start: thisMonth(), months: 12, resources: [], passports: [], credits: [] });
    form.addResource();
    recalc();
  }

  function recalc() {
    clearTimeout(timer);
    generation++;
    form.renumber();
    const { scenario, errors, overrideRows } = buildScenario(form.read(), catalogUI.current());
    customItems.addTo(scenario);
    built = scenario;
    const out = callEngine(scenario);
    const all = [...errors, ...(out.errors ?? [])];
    const formEl = document.getElementById("scenario-form");
    if (!catalogUI.current()) all.push({ path: "catalog", message: t("err.noCatalogs") });
    if (all.length) {
      showErrors(all, formEl, $("form-errors"), overrideRows);
      setStatus(all.length);
      return;
    }
    clearErrors(formEl, $("form-errors"));
    last = { scenario, estimate: out };
    for (const id of RESULTS) $(id).estimate = out;
    summarize();
    // "Up to date" waits for the URL too (a few ms to compress), so a link
    // copied then is this estimate's; one replaceState per result keeps under
    // the browser's navigation throttle while the user types.
    showPending();
    const gen = generation;
    fragmentWrite = encodeScenario(scenario).then((hash) => {
      if (gen !== generation) return;
      history.replaceState(null, "", location.pathname + location.search + hash);
      setStatus(0);
    });
  }

  // One line above the results: which prices, which months, and the total.
  function summarize() {
    const est = last?.estimate;
    const months = est?.months ?? [];
    if (!months.length) return ($("summary").textContent = "");
    const end = months[months.length - 1];
    $("summary").replaceChildren(...t("summary", {
      catalog: est.catalog.id, from: fmtMonth(months[0].month), to: fmtMonth(end.month), n: months.length, total: "\u0000",
    }).split("\u0000").flatMap((part, i) => (i ? [Object.assign(document.createElement("strong"), { textContent: yen(end.cumulative) }), part] : [part])));
  }

  // The status says "calculating" until the debounced run, so nobody (a user, a
  // test) reads "up to date" beside results that predate the last keystroke.
  function schedule() {
    showPending();
    generation++;
    clearTimeout(timer);
    timer = setTimeout(recalc, 150);
  }

  const formEl = document.getElementById("scenario-form");
  formEl.addEventListener("submit", (e) => e.preventDefault());
  formEl.addEventListener("input", schedule);
  formEl.addEventListener("change", schedule);
  $("add-resource").addEventListener("click", () => { form.addResource().querySelector("select")?.focus(); schedule(); });
  $("add-passport").addEventListener("click", () => { form.addPassport().querySelector("select")?.focus(); schedule(); });
  $("add-coupon").addEventListener("click", () => { form.addCredit("coupon").querySelector("input")?.focus(); schedule(); });
  $("add-prepaid").addEventListener("click", () => { form.addCredit("prepaid").querySelector("input")?.focus(); schedule(); });

  createToolbar({ shown: () => last, urlReady: () => fragmentWrite });
  stopEarly();
  onLangChange(() => {
    applyLanguage();
    catalogUI.render();
    customItems.render();
    form.refresh();
    saved.render();
    summarize();
    if (built) recalc();
  });
  window.addEventListener("hashchange", async () => {
    const s = await decodeScenario(location.hash);
    if (s) restore(s);
  });

  applyLanguage(); // again, now that the engine can say its version
  saved.render();
  const fromLink = await decodeScenario(location.hash);
  if (fromLink) restore(fromLink);
  else firstVisit();
  $("loading").hidden = true;
  $("app").hidden = false;
  document.body.classList.add("ready");
  registerServiceWorker(); // last, so it can cache every file the page loaded
}

main();
