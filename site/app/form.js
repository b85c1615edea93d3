// The scenario form as a whole: reads every input into plain values, fills the
// inputs from values (a link, a saved estimate), and adds rows with defaults.
import { refreshRow, resourceRow, readResourceRow, newResourceValues, inheritedValues, passportRow, readPassportRow, creditRow, readCreditRow, rowItem, setRowItem } from "./rows.js";
import { passportZones, itemIds, itemIn, itemName, zoneName } from "./catalogs.js";
import { t } from "../lib/i18n.js";
import { slicer } from "./next-task.js";
import { byTestId } from "./dom.js";
import { thisMonth } from "./this-month.js";
import { createRowWindow } from "./row-window.js";
import { VIRTUAL_FROM, resourceSummary, passportSummary, creditSummary } from "./row-model.js";

const HORIZONS = ["12", "24", "36", "60"];
// A slice of row building: well under the 50 ms a task may take before the
// browser counts it long, leaving room for the style and layout that follow.
const SLICE_MS = 12;
// Script between frames: the rows built in it are styled in the next frame,
// and at ~15 rows a slice four slices' rows took 140 ms of style in one.
const FRAME_MS = 30;

const $ = byTestId;

/** "2026-11" + n months. */
export function addMonths(month, n) {
  const [y, m] = month.split("-").map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

function lastDay(month) {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

export function createForm(ctx) {
  const lists = {
    resources: document.getElementById("resource-rows"),
    passports: document.getElementById("passport-rows"),
    credits: document.getElementById("credit-rows"),
  };
  const horizon = $("horizon-select"), custom = $("horizon-months");
  const showCustom = () => (custom.closest(".field").hidden = horizon.value !== "custom");
  horizon.addEventListener("change", () => {
    if (horizon.value === "custom" && !custom.value) custom.value = "12";
    showCustom();
  });

  const start = () => $("start-month").value || thisMonth();

  // The words of a placeholder's summary, in the page's language and catalog.
  const known = (item, zone) => itemIn(ctx.entry(), item, zone) ?? itemIn(ctx.entry(), item);
  const words = {
    kind: (item, zone) => (known(item, zone) ? t(`kind.${known(item, zone).kind}`) : ""),
    plan: (item, zone) => itemName(itemIn(ctx.entry(), item, zone)) || item,
    zone: (z) => zoneName(z) || z,
    usage: (p) => t(`usage.${p}`),
    hours: (h) => t("hoursShort", { h }),
    custom: () => t("customShort"),
    term: (n) => t("termMonths", { n }),
    kindOfCredit: (k) => t(k === "coupon" ? "coupon" : "prepaid"),
  };
  // A resource row's values as a placeholder keeps them: its shown default id
  // is the id a new build shows again.
  const readResource = (row) => {
    const v = readResourceRow(row);
    v.defaultId = v.idPlaceholder;
    return v;
  };
  const rowWindow = createRowWindow(lists, {
    resources: {
      testid: "resource-row", classes: () => "resource", read: readResource,
      make: (v) => resourceRow(resourceCtx, v), summary: (v) => resourceSummary(v, words),
    },
    passports: {
      testid: "passport-row", classes: () => "passport", read: readPassportRow,
      make: (v) => passportRow(ctx, v), summary: (v) => passportSummary(v, words),
    },
    credits: {
      testid: "credit-row", classes: (v) => `credit ${v.kind}`, read: readCreditRow,
      make: (v) => creditRow(ctx, v), summary: (v) => creditSummary(v, { kind: words.kindOfCredit }),
    },
  }, (name, index, el) => ctx.rowSwapped?.(name, index, el));
  // What each row holds, built or not: the e2e tests compare it across a
  // language switch or a reload (a placeholder has no controls to read).
  for (const [name, list] of Object.entries(lists)) list.rowValues = () => rowWindow.values(name);

  function nextResourceId() {
    const ids = new Set(rowWindow.values("resources").map((r) => r.id));
    let n = 1;
    while (ids.has(`r${n}`)) n++;
    return `r${n}`;
  }

  // A new row starts from the last row's kind, zone and plan: fleets repeat
  // the same plan in the same zone far more often than they start over.
  // built false (a large form being filled) makes a placeholder the
  // viewport's observer builds when the row comes near.
  function addResource(values, built = true) {
    const last = lists.resources.lastElementChild;
    const v = values ?? (last ? inheritedValues(last.model ?? readResourceRow(last), nextResourceId()) : newResourceValues(ctx.entry(), nextResourceId()));
    v.defaultId ??= `r${lists.resources.children.length + 1}`;
    const row = rowWindow.place("resources", rowWindow.row("resources", v, built));
    label("resources", row, lists.resources.children.length - 1);
    return row;
  }

  /** A copy of row right after it, everything but its id kept. */
  function duplicateResource(row) {
    const v = { ...readResourceRow(row), id: "" };
    const copy = rowWindow.place("resources", resourceRow(resourceCtx, { ...v, id: nextResourceId(), defaultId: `r${lists.resources.children.length + 1}` }), row);
    renumber();
    return copy;
  }
  const resourceCtx = { ...ctx, duplicate: (row) => { duplicateResource(row).querySelector("select")?.focus(); ctx.changed(); } };

  function addPassport(values, built = true) {
    let v = values;
    if (!v) {
      const entry = ctx.entry();
      // Prefer a plan the user already runs; otherwise the first eligible one.
      const rows = rowWindow.values("resources");
      const used = rows.find((r) => entry?.index.byId.get(r.item)?.get(r.zone)?.passport);
      const zones = passportZones(entry);
      const zone = used?.zone ?? rows.map((r) => r.zone).find((z) => zones.includes(z)) ?? zones[0];
      v = { zone, item: used?.item ?? itemIds(entry, { passport: true, zone })[0], term: "12", count: "1", purchased: start() };
    }
    const row = rowWindow.place("passports", rowWindow.row("passports", v, built));
    label("passports", row, lists.passports.children.length - 1);
    return row;
  }

  function addCredit(kind, values, built = true) {
    const s = start();
    const v = values ?? (kind === "coupon"
      ? { kind, amount: "20000", registered: `${s}-01`, expires: lastDay(addMonths(s, 2)) }
      : { kind, amount: "10000", registered: `${s}-01` });
    const row = rowWindow.place("credits", rowWindow.row("credits", v, built));
    label("credits", row, lists.credits.children.length - 1);
    return row;
  }

  function read() {
    const months = horizon.value === "custom" ? custom.value.trim() : horizon.value;
    const monthsBad = !/^\d+$/.test(months);
    return {
      start: $("start-month").value,
      months: monthsBad ? undefined : Number(months),
      monthsBad,
      resources: rowWindow.values("resources"),
      passports: rowWindow.values("passports"),
      credits: rowWindow.values("credits"),
      billAbove: $("alert-bill-above").value,
      balanceBelow: $("alert-balance-below").value,
    };
  }

  let filling = null; // the fill in progress: {done: Promise}, or null

  /**
   * Replaces the whole form with values (catalog is chosen by the caller).
   * Rows are built in slices of about SLICE_MS between frames, so opening a
   * scenario of 500 resources never holds the page: the rows built so far
   * answer the user meanwhile. Resolves true when the last row is in, false
   * when a newer fill took over.
   */
  async function fill(v) {
    const mine = {};
    filling = mine;
    refreshing = null; // the rows it would refresh are replaced
    $("start-month").value = v.start || thisMonth();
    const m = String(v.months ?? 12);
    horizon.value = HORIZONS.includes(m) ? m : "custom";
    custom.value = HORIZONS.includes(m) ? "" : m;
    showCustom();
    for (const list of Object.values(lists)) list.replaceChildren();
    $("alert-bill-above").value = v.billAbove ?? "";
    $("alert-balance-below").value = v.balanceBelow ?? "";
    // A list of more than VIRTUAL_FROM rows starts as placeholders: the
    // observer builds the rows the viewport comes near.
    const jobs = [
      ...v.resources.map((r, i) => () => addResource({ ...r, defaultId: `r${i + 1}` }, v.resources.length <= VIRTUAL_FROM)),
      ...v.passports.map((p) => () => addPassport(p, v.passports.length <= VIRTUAL_FROM)),
      ...v.credits.map((c) => () => addCredit(c.kind, c, v.credits.length <= VIRTUAL_FROM)),
    ];
    const pause = slicer(SLICE_MS, FRAME_MS);
    for (const job of jobs) {
      if (pause.due()) {
        await pause.take();
        if (filling !== mine) return false;
      }
      job();
    }
    if (filling === mine) filling = null;
    return filling === null;
  }

  // Rows repeat the same labels, so each is a named group ("Resource 2") for
  // screen readers; numbers follow removals.
  function renumber() {
    for (const [name, list] of Object.entries(lists)) {
      [...list.children].forEach((row, i) => label(name, row, i));
      // A list that shrank to a small one is all built again.
      if (list.children.length <= VIRTUAL_FROM && [...list.children].some((row) => row.model)) rowWindow.update();
    }
  }

  // Set only when changed, and as each row is added: every keystroke
  // renumbers, and 500 rows given their labels at once restyle the whole form.
  function label(name, row, i) {
    if (row.getAttribute("role") !== "group") row.setAttribute("role", "group");
    const key = name === "credits" ? (row.dataset.kind === "coupon" ? "row.coupon" : "row.prepaid") : `row.${name}`;
    const text = t(key, { n: i + 1 });
    if (row.getAttribute("aria-label") !== text) row.setAttribute("aria-label", text);
  }

  let refreshing = null; // the refresh in progress, or null

  /**
   * Re-renders every row's pickers and labels (catalog or language changed),
   * in slices like fill: at 500 rows one task for all of them held the page
   * for a few hundred ms. Each row keeps what is chosen in it (refreshRow
   * reads its controls), so a row the user edits meanwhile keeps the edit.
   * Resolves true when the last row is done, false when a newer refresh or
   * fill took over.
   */
  async function refresh() {
    const mine = {};
    refreshing = mine;
    const pause = slicer(SLICE_MS, FRAME_MS);
    for (const list of Object.values(lists)) {
      for (const row of [...list.children]) {
        if (pause.due()) {
          await pause.take();
          if (refreshing !== mine) return false;
        }
        if (!row.isConnected) continue;
        if (row.model) rowWindow.setModel(row, row.model); // its summary re-worded
        else refreshRow(row, ctx.entry());
      }
    }
    refreshing = null;
    return true;
  }

  /** True while fill or refresh is still at work: the form is not yet the scenario. */
  const isFilling = () => filling !== null || refreshing !== null;

  /** The row at index of list (resources, passports, credits), its controls built. */
  function reveal(name, index) {
    const row = lists[name]?.children[index];
    return row ? rowWindow.build(row) : null;
  }

  /** The item and zone a row names, built or not. */
  const itemOf = (row) => (row.model ? { row, item: row.model.item, zone: row.model.zone } : rowItem(row));

  /** Points a row at another item and zone (a catalog match taken), built or not. */
  function setItem(row, item, zone) {
    if (row.model) rowWindow.setModel(row, { ...row.model, item, zone });
    else {
      setRowItem(row, item, zone);
      refreshRow(row, ctx.entry());
    }
  }

  /** Removes every passport row (the advisor replaces them). */
  const clearPassports = () => lists.passports.replaceChildren();

  return { read, fill, isFilling, refresh, renumber, addResource, duplicateResource, addPassport, addCredit, reveal, itemOf, setItem, clearPassports, settled: rowWindow.settled, lists };
}
