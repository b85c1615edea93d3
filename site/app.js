// Entry point: starts the engine, builds the form, and recalculates as the user
// types. The page changes only what the user changes: a link, a saved estimate
// or a catalog that does not fit is reported, never silently adapted, and the
// last good estimate stays on screen, marked stale, while the input has errors.
import "./app/strings.js";
import { t, lang, setLang, onLangChange } from "./lib/i18n.js";
import { available as storageAvailable } from "./lib/safe-storage.js";
import { translate, h, byTestId, learnTestIds } from "./app/dom.js";
import { yen, month as fmtMonth } from "./lib/format.js";
import { wasmAvailable, startEngine, exposeEngine, engineWhenStarted } from "./lib/engine-client.js";
import { loadFirstFigures } from "./app/first-figures.js";
import { retireFirstCard } from "./app/first-card.js";
import { useEngine } from "./components/fee-curve.js";
import { addCatalog, getCatalog, keyForScenarioCatalog, defaultCatalogKey, setDefaultCatalog, itemIn, itemName, zoneName, smallServer } from "./app/catalogs.js";
import { listImported } from "./app/storage.js";
import { createCatalogUI } from "./app/catalog-ui.js";
import { createForm } from "./app/form.js";
import { thisMonth } from "./app/this-month.js";
import { buildScenario, scenarioToForm } from "./app/scenario.js";
import { showErrors, clearErrors, controlInRow, reattachRowErrors } from "./app/errors.js";
import { fieldLabelKey } from "./app/row-model.js";
import { renderSummary, usesCustomPrices, trackHeader } from "./app/summary-card.js";
import { renderInputs } from "./app/summary-inputs.js";
import { customPrices } from "./app/custom-marks.js";
import { createBreakdown } from "./app/summary-breakdown.js";
import { keepChartTablesInPrint } from "./app/print.js";
import { encodeScenario, decodeLink } from "./app/share.js";
import { keepUnwrittenAddress, takeUnwrittenAddress } from "./app/unwritten-address.js";
import { shapeProblem } from "./app/scenario-shape.js";
import { closestMatch } from "./app/match.js";
import { createSavedUI } from "./app/saved-ui.js";
import { ask } from "./app/confirm.js";
import { createToolbar } from "./app/toolbar.js";
import { registerServiceWorker } from "./app/offline.js";
import { createCustomItemsUI } from "./app/custom-items-ui.js";
import { createAdvisorUI } from "./app/advisor-ui.js";
import { createCompareUI } from "./app/compare-ui.js";
import { whenShown } from "./app/when-shown.js";
import { nextFrame, nextTask } from "./app/next-task.js";

const $ = byTestId;
// The results, in the order they are rendered: what the eye reaches first, first.
const RESULTS = ["years", "bills", "passports", "credits", "comparison"];
// A keystroke's events arrive in one task: the run waits only for that
// task's end (a newer input supersedes an older run in the worker, latest()),
// so no fixed delay sits between a key and its figures (it was 20 ms).
const DEBOUNCE_MS = 0;
const LARGE_RESOURCES = 50; // above it, the results render one component per task
const RUN_MARKS = ["sakura:asked", "sakura:answered", "sakura:rendered", "sakura:figures"];

let last = null; // {scenario, estimate, fromLink} on screen
let built = null; // the scenario the form means right now, valid or not
let baseline = ""; // the scenario as last opened or saved, to tell unsaved changes
let fragmentWrite = Promise.resolve();
let pendingAddress = null; // the estimate's fragment, not yet in the address bar
let timer = 0;
let generation = 0; // bumped by every edit and run, so a late answer knows it is stale
let holdAddress = false; // a link that could not be opened stays in the address bar
let linkProblem = null; // what the link-error message says, kept to re-translate it
let errorCount = 0;
const rendering = new Set(); // generations between their answer and their last result

function applyLanguage() {
  document.documentElement.lang = lang();
  document.title = t("title");
  $("lang-toggle").lang = lang() === "ja" ? "en" : "ja"; // the button names the other language
  translate(document);
  showVersion();
  if (!$("link-error").hidden) showLinkProblem(linkProblem);
}

// The engine's version, once it runs, in the footer.
function showVersion() {
  const version = globalThis.sakura?.version ?? "";
  document.querySelector(".engine-version").textContent = version ? t("engine", { version }) : "";
}

/** What is wrong with a scenario's shape (scenario-shape.js), in words. */
function shapeMessage(p) {
  return t(`link.shape.${p.want}`, { path: p.path || "/", choices: (p.choices ?? []).join(", ") });
}

/** The message for a link that could not be opened (share.js decodeLink's problem). */
function linkMessage(p) {
  switch (p.kind) {
    case "format": return t("link.format");
    case "damaged": return t("link.damaged");
    case "too-large": return t("link.tooLarge", { max: "1 MB" });
    case "shape": return shapeMessage(p);
    case "catalog": return t("link.catalog", { catalog: p.catalog });
    default: return t("link.damaged");
  }
}

// then: what the form shows instead, "link.default" (on opening) or "link.kept" (a later link).
function showLinkProblem(p, then = linkProblem?.then ?? "link.default") {
  linkProblem = { ...p, then };
  $("link-error").querySelector(".notice-text").textContent = `${t("link.title")} ${linkMessage(p)} ${t(then)}`;
  $("link-error").hidden = false;
}

function setStatus(errors) {
  const s = $("status");
  errorCount = errors;
  s.dataset.state = errors ? "errors" : "ok";
  if (!errors) {
    s.textContent = t("status.ok");
    return;
  }
  // The count is a button that lists every error, each leading to its field.
  const list = $("error-list");
  s.replaceChildren(h("button", {
    type: "button", class: "error-count", dataset: { testid: "error-count" },
    "aria-expanded": String(!list.hidden), "aria-controls": "error-list",
    text: errors === 1 ? t("status.one") : t("status.errors", { n: errors }),
    onclick: (e) => {
      list.hidden = !list.hidden;
      e.currentTarget.setAttribute("aria-expanded", String(!list.hidden));
      if (!list.hidden) list.querySelector("a")?.focus();
    },
  }));
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

// The label a user sees for the field an error names: "Resource 1 · Zone".
function fieldLabel(control) {
  if (!control) return "";
  const own = control.id ? document.querySelector(`label[for="${CSS.escape(control.id)}"]`)?.textContent ?? "" : "";
  const group = control.closest("[role=group][aria-label]")?.getAttribute("aria-label");
  return [group, own].filter(Boolean).join(" · ");
}

// The same for an error in a row that is not built: its group's name and
// the field's label as the built row would show it.
function slotLabel(slot) {
  const row = document.getElementById(`${{ resources: "resource", passports: "passport", credits: "credit" }[slot.list]}-rows`)?.children[slot.index];
  const key = fieldLabelKey(slot.list, slot.rest);
  return [row?.getAttribute("aria-label"), key && t(key)].filter(Boolean).join(" · ");
}

// The rows around a field just scrolled to are built after the next frame,
// and each built row differs in height from its placeholder: once they are
// in, the field is brought back into view if they moved it out.
async function keepInView(el, settled) {
  await nextFrame();
  await settled();
  const r = el.getBoundingClientRect();
  if (el.isConnected && (r.top < 0 || r.bottom > innerHeight)) el.scrollIntoView({ block: "center" });
}

// rows.reveal(slot) builds the row an error names (a large form builds only
// the rows near the viewport) and gives the control to focus; rows.settled()
// resolves once the rows around it are built.
function listErrors(shown, rows) {
  const list = $("error-list");
  list.querySelector("ul").replaceChildren(...shown.map(({ path, message, control, slot }) => {
    const label = control ? fieldLabel(control) : slot ? slotLabel(slot) : "";
    return h("li", {},
      h("a", {
        href: "#", dataset: { testid: "error-link", path },
        text: label ? `${label}: ${message}` : message,
        onclick: (e) => {
          e.preventDefault();
          list.hidden = true;
          $("error-count")?.setAttribute("aria-expanded", "false");
          const target = (slot ? rows.reveal(slot) : control) ?? $("form-errors");
          target.scrollIntoView({ block: "center" });
          target.focus({ preventScroll: true });
          if (slot) keepInView(target, rows.settled);
        },
      }));
  }));
}

// The page in place of the loading screen (and its card of the default
// estimate's totals, which the page's own totals card replaces).
function showApp() {
  $("loading").hidden = true;
  retireFirstCard();
  $("app").hidden = false;
}

async function main() {
  learnTestIds();
  applyLanguage();
  $("lang-toggle").addEventListener("click", () => setLang(lang() === "ja" ? "en" : "ja"));
  const stopEarly = onLangChange(applyLanguage);
  if (!wasmAvailable()) {
    $("loading").hidden = true;
    $("wasm-unavailable").hidden = false;
    return;
  }
  const componentsLoaded = import("./components/index.js").catch(() => null);
  // The engine downloads and starts while the page builds its form from the
  // shipped catalogs and shows the default estimate's figures shipped with
  // it (first-figures.js); everything that needs the engine waits for it.
  const firstFigures = loadFirstFigures();
  const started = startEngine({ onProgress: showLoading });
  const engine = engineWhenStarted(started);
  useEngine(engine);
  started.then((e) => {
    exposeEngine(e);
    showVersion(); // not applyLanguage: at 500 rows re-translating the page took ~70 ms
  }, (e) => {
    document.querySelector(".loading-text").textContent = t("loadFailed", { message: e.message });
    document.querySelector(".loading progress").hidden = true;
    retireFirstCard();
    $("loading").hidden = false;
    $("app").hidden = true;
  });
  const first = await firstFigures;
  if (!first) {
    try {
      await started;
    } catch {
      return; // said above
    }
  }
  await componentsLoaded;

  const shipped = first?.catalogs ?? await engine.call({ request: "catalogs" });
  for (const c of shipped.catalogs ?? []) addCatalog(c, "shipped");
  setDefaultCatalog(shipped.default);
  const stored = listImported();
  let setAside = stored.damaged;
  for (const c of stored.catalogs) {
    try {
      addCatalog(c, "imported");
    } catch {
      setAside++;
    }
  }
  if (setAside) {
    $("catalog-damaged").dataset.count = String(setAside);
    $("catalog-damaged").textContent = t("catalogSetAside", { n: setAside });
    $("catalog-damaged").hidden = false;
  }
  $("storage-unavailable").hidden = storageAvailable();
  // Start-up is cut into tasks (nextTask) so none holds the page for long.
  await nextTask();

  const catalogUI = createCatalogUI({
    engine,
    changed: () => {
      customItems.render();
      edited();
      // The estimate waits for the last row (recalc skips a form at work).
      form.refresh().then((done) => done && edited());
    },
  });
  const customItems = createCustomItemsUI({
    section: $("custom-items"),
    entry: () => catalogUI.current(),
    zone: () => form.read().resources[0]?.zone ?? smallServer(catalogUI.current())?.zone ?? "",
    changed: () => { edited(); form.refresh().then((done) => done && edited()); },
  });
  const form = createForm({
    entry: () => customItems.entry(),
    changed: () => edited(),
    // A row built or torn down gets its shown errors back.
    rowSwapped: (list, index, el) => reattachRowErrors(document.getElementById("scenario-form"), list, index, el),
  });
  const revealError = (slot) => {
    const row = form.reveal(slot.list, slot.index);
    return row ? controlInRow(row, slot.rest) : null;
  };
  // Only while results are current: a stale estimate's breakdown would not match the form's errors.
  const breakdown = createBreakdown($("breakdown-box"), (req) => engine.call(req), () => last);
  const saved = createSavedUI({
    scenario: () => current(),
    dirty: () => isDirty(),
    open: (s) => openScenario(s),
    saved: () => {
      baseline = JSON.stringify(current());
      compare.render(); // the comparison offers saved estimates
    },
  });

  await nextTask();
  const advisor = createAdvisorUI({
    engine,
    root: document.querySelector('[data-testid="advisor"]'),
    names: (item, zone) => ({ plan: itemName(itemIn(catalogUI.current(), item, zone)) || item, zone: zoneName(zone) }),
    custom: (item, zone) => Boolean(last?.custom?.items.includes(`${item}@${zone}`)),
    // The best plan's passports replace the form's; undo puts the old ones back.
    apply: (passports) => {
      const before = form.read().passports;
      const fill = (list) => {
        form.clearPassports();
        for (const p of list) form.addPassport(p);
        edited();
      };
      fill(passports.map((p) => ({ zone: p.zone, item: p.item, term: String(p.term), count: String(p.count), purchased: p.purchased })));
      return () => fill(before);
    },
  });

  const compare = createCompareUI({
    engine,
    root: document.querySelector('[data-testid="compare"]'),
    current: () => (last && !$("results").classList.contains("stale") ? last.scenario : null),
  });
  // Both ask the engine's one worker: only while on screen, once typing paused.
  const adviseWhenShown = whenShown($("advisor"), (scenario) => advisor.update(scenario));
  const compareWhenShown = whenShown($("compare"), () => compare.update());
  // A comparison link is read before the form writes its own address.
  await compare.openLink(location.hash);
  await nextTask();

  const current = () => {
    const { scenario } = buildScenario(form.read(), catalogUI.current());
    customItems.addTo(scenario);
    return scenario;
  };
  const isDirty = () => JSON.stringify(current()) !== baseline;

  // Fills the form from a scenario the page did not build; null when done, else why not.
  function openScenario(scenario) {
    const shape = shapeProblem(scenario);
    if (shape) return shapeMessage(shape);
    if (typeof scenario.catalog === "string" && getCatalog(scenario.catalog)?.origin !== "shipped") {
      return t("link.catalog", { catalog: scenario.catalog });
    }
    restore(scenario);
    return null;
  }

  // The form is built in slices (form.fill); the estimate waits for the
  // last one, and a newer restore supersedes this one.
  async function restore(scenario) {
    const values = scenarioToForm(scenario);
    catalogUI.set(keyForScenarioCatalog(values.catalog) ?? defaultCatalogKey());
    customItems.fill(scenario.customItems);
    showPending();
    if (!(await form.fill(values))) return;
    baseline = JSON.stringify(current());
    recalc();
  }

  function firstVisit() {
    catalogUI.set(defaultCatalogKey());
    customItems.fill([]);
    form.fill({ start: thisMonth(), months: 12, resources: [], passports: [], credits: [] });
    form.addResource();
    baseline = JSON.stringify(current());
    recalc();
  }

  function markStale(stale) {
    $("results").classList.toggle("stale", stale && last !== null);
    $("results").dataset.stale = String(stale);
    const banner = $("stale-banner");
    banner.hidden = !stale;
    banner.textContent = last ? t("staleBanner") : t("noEstimateYet");
    if (!stale) $("error-list").hidden = true;
  }

  // Each row naming an item or zone the catalog lacks gets a one-click fix,
  // kept here to be taken away again without a search of the whole form.
  const matchFixes = [];
  async function offerMatches(gen) {
    const entry = catalogUI.current();
    const known = customItems.entry(); // a custom item is no row to fix
    const rows = [...form.lists.resources.children, ...form.lists.passports.children];
    for (const row of rows) {
      const { item, zone } = form.itemOf(row);
      if (!item || known?.index.byId.get(item)?.has(zone)) continue;
      const m = await closestMatch(engine, entry, item, zone);
      if (gen !== generation) return;
      if (!m || !row.isConnected) continue;
      const fix = h("button", {
        type: "button", class: "subtle use-match", dataset: { testid: "use-match", item: m.item, zone: m.zone },
        text: t("useMatch", { item: itemName(itemIn(entry, m.item, m.zone)), zone: zoneName(m.zone) }),
        onclick: () => {
          form.setItem(row, m.item, m.zone);
          edited();
        },
      });
      matchFixes.push(fix);
      row.querySelector(".row-errors").append(fix);
    }
  }

  async function recalc() {
    clearTimeout(timer);
    const gen = ++generation;
    if (form.isFilling()) return; // half a form is no scenario: the fill's end recalculates
    form.renumber();
    const { scenario, errors, overrideRows } = buildScenario(form.read(), catalogUI.current());
    customItems.addTo(scenario);
    built = scenario;
    const large = scenario.resources.length > LARGE_RESOURCES;
    // The summary: every figure on screen but the lines, which a month asks
    // for when it is opened (monthSource).
    // make bench reads these marks, each with its run's generation as detail:
    // keydown → asked (debounce, reading the form) → answered (the worker's
    // round trip and the parse) → rendered → figures (painted). A run's marks
    // go when a later one starts, unless it is still rendering.
    if (!rendering.size) for (const name of RUN_MARKS) performance.clearMarks(name);
    performance.mark("sakura:asked", { detail: gen });
    // Until the engine is ready, the default estimate's answer shipped with
    // the page; the engine's own answer replaces it when it comes.
    const early = engine.ready ? null : first?.answerFor(scenario);
    const out = early ?? await engine.latest("estimate", { request: "estimateSummary", scenario });
    if (out === null || gen !== generation) return; // a newer input is on its way
    if (early) started.then(() => gen === generation && recalc(), () => {});
    performance.mark("sakura:answered", { detail: gen });
    // Until its last result is on screen, this run's marks are kept for
    // make bench even when a newer run starts meanwhile.
    rendering.add(gen);
    try {
      // At 500 resources parsing the answer is a task's worth (up to ~50 ms).
      if (large) {
        await nextTask();
        if (gen !== generation) return;
      }
      const all = [...errors, ...(out.errors ?? [])];
      const formEl = document.getElementById("scenario-form");
      for (const fix of matchFixes.splice(0)) fix.remove();
      if (!catalogUI.current()) all.push({ path: "catalog", message: t("err.noCatalogs") });
      if (all.length) {
        listErrors(showErrors(all, formEl, $("form-errors"), overrideRows), { reveal: revealError, settled: form.settled });
        setStatus(all.length);
        markStale(true);
        offerMatches(gen);
        return;
      }
      clearErrors(formEl, $("form-errors"));
      const custom = customPrices(scenario, out);
      last = { scenario, estimate: out, fromLink: catalogUI.current()?.origin === "link", custom };
      const monthSource = (month, resource) =>
        engine.call({ request: "estimateMonth", scenario, month, ...(resource ? { resource } : {}) }).then((a) => a.month ?? null);
      markStale(false);
      $("results").dataset.source = early ? "shipped" : "engine"; // for the tests
      summarize();
      // The answer's parse is this task's share; the totals card, breakdown and
      // printed inputs list are the next one's.
      if (large) await nextTask();
      showTotals();
      // The totals first, then, for a large estimate, each result in a task of
      // its own, after a frame so each one's style and layout are paid in a
      // frame of their own: at 500 resources one task for all of them held the
      // page for hundreds of ms, and five in one frame restyled for over 100 ms.
      // A small one renders in one go (a task boundary is a chance for other
      // work to cut in before the frame). A newer answer waits its turn, so no
      // result is left behind on an older one.
      for (const id of RESULTS) {
        if (large) await nextFrame();
        $(id).monthSource = monthSource;
        $(id).customPrices = custom;
        $(id).estimate = out;
      }
      performance.mark("sakura:rendered", { detail: gen });
      // For make bench: when these figures reached the screen (the frame after this one).
      requestAnimationFrame(() => setTimeout(() => {
        performance.mark("sakura:figures", { detail: gen });
        // make bench's cold loads: the first figures shown, whoever answered.
        if (!performance.getEntriesByName("sakura:first-figures").length) performance.mark("sakura:first-figures", { detail: early ? "shipped" : "engine" });
      }, 0));
      if (!early) {
        adviseWhenShown(scenario);
        if (compare.asksEngine()) compareWhenShown();
        else compare.update(); // its controls only: no engine
      }
      // "Up to date" waits for the URL too (a few ms to compress), so a link
      // copied then is this estimate's; one replaceState per result keeps under
      // the browser's navigation throttle while the user types.
      showPending();
      fragmentWrite = encodeScenario(scenario).then((hash) => {
        if (gen !== generation) return;
        // On a large page replaceState itself took 20–110 ms after each
        // estimate (inside Chromium, at 500 rows and ~8,500 form controls):
        // the address is written when the page is left or the link is asked
        // for (flushAddress), not on every keystroke.
        pendingAddress = hash;
        if (!large) flushAddress();
        setStatus(0);
      });
    } finally {
      rendering.delete(gen);
    }
  }

  // Writes the estimate's address if it is not written yet.
  function flushAddress() {
    const hash = pendingAddress;
    pendingAddress = null;
    if (hash !== null && !holdAddress) history.replaceState(null, "", location.pathname + location.search + hash);
  }
  // The address bar, another tab, closing or reloading: the page's address is
  // the estimate's before the user can copy or bookmark it.
  window.addEventListener("blur", flushAddress);
  window.addEventListener("pagehide", () => {
    if (pendingAddress !== null && !holdAddress) keepUnwrittenAddress(location.hash, pendingAddress);
    flushAddress();
  });
  // Back from the page cache: this document is on screen again, nothing to take up.
  window.addEventListener("pageshow", (event) => event.persisted && takeUnwrittenAddress(null));
  document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && flushAddress());

  // The totals card and phone bar, and the inputs list a printout starts with.
  function showTotals() {
    if (!last) return;
    renderSummary($("summary-card"), $("summary-bar"), last.estimate, usesCustomPrices(last.scenario));
    renderInputs($("print-inputs"), last.scenario, last.estimate, customItems.entry());
    breakdown.update();
  }

  // One line above the results: which prices, which months, and the total.
  function summarize() {
    const est = last?.estimate;
    const months = est?.months ?? [];
    if (!months.length) return ($("summary").textContent = "");
    const end = months[months.length - 1];
    const catalog = last.fromLink ? t("catalogLinkName", { id: est.catalog.id }) : est.catalog.id;
    $("summary").replaceChildren(...t("summary", {
      catalog, from: fmtMonth(months[0].month), to: fmtMonth(end.month), n: months.length, total: "\u0000",
    }).split("\u0000").flatMap((part, i) => (i ? [Object.assign(document.createElement("strong"), { textContent: yen(end.cumulative) }), part] : [part])));
  }

  // The status says "calculating" until the debounced run, so nobody (a user, a
  // test) reads "up to date" beside results that predate the last keystroke.
  function schedule() {
    showPending();
    generation++;
    clearTimeout(timer);
    // Short: a newer input supersedes an older run in the worker (latest()),
    // so the debounce only gathers the events of one keystroke.
    timer = setTimeout(recalc, DEBOUNCE_MS);
  }

  // The user changed the scenario: the address may now follow the form.
  function edited() {
    holdAddress = false;
    schedule();
  }

  const formEl = document.getElementById("scenario-form");
  // The saved-estimates panel and the price import are not the scenario.
  const outsideScenario = (e) => e.target.closest?.(".saved, .import");
  formEl.addEventListener("submit", (e) => e.preventDefault());
  formEl.addEventListener("input", (e) => outsideScenario(e) || edited());
  formEl.addEventListener("change", (e) => outsideScenario(e) || edited());
  $("add-resource").addEventListener("click", () => { form.addResource().querySelector("select")?.focus(); edited(); });
  $("add-passport").addEventListener("click", () => { form.addPassport().querySelector("select")?.focus(); edited(); });
  $("add-coupon").addEventListener("click", () => { form.addCredit("coupon").querySelector("input")?.focus(); edited(); });
  $("add-prepaid").addEventListener("click", () => { form.addCredit("prepaid").querySelector("input")?.focus(); edited(); });
  $("link-error-dismiss").addEventListener("click", () => {
    $("link-error").hidden = true;
    holdAddress = false;
    schedule();
  });

  createToolbar({
    shown: () => last,
    urlReady: () => fragmentWrite.then(flushAddress),
    // The export holds the whole estimate, every line, as the command line writes it.
    full: async () => (last ? { scenario: last.scenario, estimate: await engine.call(last.scenario) } : null),
    byKind: (scenario) => engine.call({ request: "breakdown", scenario, by: "kind" }),
    errors: () => errorCount,
  });
  stopEarly();
  onLangChange(() => {
    applyLanguage();
    catalogUI.render();
    customItems.render();
    const refreshed = form.refresh(); // in slices: the estimate below waits for its end
    saved.render();
    summarize();
    showTotals();
    advisor.render();
    compare.render();
    if (errorCount) setStatus(errorCount);
    if (built) refreshed.then((done) => done && recalc());
  });

  const knownCatalog = (id) => getCatalog(id)?.origin === "shipped";
  // A link opened later (pasted into the address bar): a bad one changes nothing.
  window.addEventListener("hashchange", async () => {
    pendingAddress = null; // the address is the user's now
    const got = await decodeLink(location.hash, { knownCatalog });
    if (got?.problem) {
      holdAddress = true;
      showLinkProblem(got.problem, "link.kept");
    } else if (got) {
      if (isDirty() && !(await ask(t("confirmOpenLink"), t("openAnyway")))) {
        holdAddress = false; // the address follows the form the user kept
        schedule();
        return;
      }
      $("link-error").hidden = true;
      holdAddress = false;
      restore(got.scenario);
    }
  });

  await nextTask();
  applyLanguage(); // again, for what was built since
  saved.render();
  await nextTask();
  const unwritten = takeUnwrittenAddress(location.hash);
  if (unwritten !== null) history.replaceState(null, "", location.pathname + location.search + unwritten);
  const fromLink = await decodeLink(location.hash, { knownCatalog });
  await nextTask();
  // The page's first formatted number builds ICU's number formatter (~15 ms
  // of CPU): here, in a task of its own, rather than in the task that opens
  // a large link's form (its longest).
  yen("0");
  await nextTask();
  if (fromLink?.problem) {
    holdAddress = true;
    showLinkProblem(fromLink.problem, "link.default");
  }
  // A large scenario's form is shown empty first, so the page's first style
  // and layout (everything the loading screen hid) is a frame of its own,
  // before the rows' slices; together they made one task of 80–110 ms.
  if ((fromLink?.scenario?.resources?.length ?? 0) > LARGE_RESOURCES) {
    showApp();
    await nextFrame();
  }
  if (fromLink?.scenario) restore(fromLink.scenario);
  else firstVisit();
  showApp();
  document.body.classList.add("ready");
  trackHeader(document.querySelector(".top"));
  keepChartTablesInPrint();
  registerServiceWorker({
    catalog: () => catalogUI.current()?.catalog ?? null,
    offlineNote: $("offline-note"),
    updateNote: $("update-note"),
  });
}

main();
