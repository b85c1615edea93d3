// The scenario form as a whole: reads every input into plain values, fills the
// inputs from values (a link, a saved estimate), and adds rows with defaults.
import { refreshRow, resourceRow, readResourceRow, newResourceValues, inheritedValues, passportRow, readPassportRow, creditRow, readCreditRow } from "./rows.js";
import { passportZones, itemIds } from "./catalogs.js";
import { t } from "../lib/i18n.js";
import { slicer } from "./next-task.js";
import { byTestId } from "./dom.js";
import { thisMonth } from "./this-month.js";

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

  function nextResourceId() {
    const ids = new Set([...lists.resources.children].map((r) => readResourceRow(r).id));
    let n = 1;
    while (ids.has(`r${n}`)) n++;
    return `r${n}`;
  }

  // A new row starts from the last row's kind, zone and plan: fleets repeat
  // the same plan in the same zone far more often than they start over.
  function addResource(values) {
    const last = lists.resources.lastElementChild;
    const v = values ?? (last ? inheritedValues(readResourceRow(last), nextResourceId()) : newResourceValues(ctx.entry(), nextResourceId()));
    v.defaultId ??= `r${lists.resources.children.length + 1}`;
    const row = resourceRow(resourceCtx, v);
    lists.resources.append(row);
    label("resources", row, lists.resources.children.length - 1);
    return row;
  }

  /** A copy of row right after it, everything but its id kept. */
  function duplicateResource(row) {
    const v = { ...readResourceRow(row), id: "" };
    const copy = resourceRow(resourceCtx, { ...v, id: nextResourceId(), defaultId: `r${lists.resources.children.length + 1}` });
    row.after(copy);
    renumber();
    return copy;
  }
  const resourceCtx = { ...ctx, duplicate: (row) => { duplicateResource(row).querySelector("select")?.focus(); ctx.changed(); } };

  function addPassport(values) {
    let v = values;
    if (!v) {
      const entry = ctx.entry();
      // Prefer a plan the user already runs; otherwise the first eligible one.
      const rows = [...lists.resources.children].map(readResourceRow);
      const used = rows.find((r) => entry?.index.byId.get(r.item)?.get(r.zone)?.passport);
      const zones = passportZones(entry);
      const zone = used?.zone ?? rows.map((r) => r.zone).find((z) => zones.includes(z)) ?? zones[0];
      v = { zone, item: used?.item ?? itemIds(entry, { passport: true, zone })[0], term: "12", count: "1", purchased: start() };
    }
    const row = passportRow(ctx, v);
    lists.passports.append(row);
    label("passports", row, lists.passports.children.length - 1);
    return row;
  }

  function addCredit(kind, values) {
    const s = start();
    const v = values ?? (kind === "coupon"
      ? { kind, amount: "20000", registered: `${s}-01`, expires: lastDay(addMonths(s, 2)) }
      : { kind, amount: "10000", registered: `${s}-01` });
    const row = creditRow(ctx, v);
    lists.credits.append(row);
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
      resources: [...lists.resources.children].map(readResourceRow),
      passports: [...lists.passports.children].map(readPassportRow),
      credits: [...lists.credits.children].map(readCreditRow),
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
    const jobs = [
      ...v.resources.map((r, i) => () => addResource({ ...r, defaultId: `r${i + 1}` })),
      ...v.passports.map((p) => () => addPassport(p)),
      ...v.credits.map((c) => () => addCredit(c.kind, c)),
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
    for (const [name, list] of Object.entries(lists)) [...list.children].forEach((row, i) => label(name, row, i));
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
        if (row.isConnected) refreshRow(row, ctx.entry());
      }
    }
    refreshing = null;
    return true;
  }

  /** True while fill or refresh is still at work: the form is not yet the scenario. */
  const isFilling = () => filling !== null || refreshing !== null;

  return { read, fill, isFilling, refresh, renumber, addResource, duplicateResource, addPassport, addCredit, lists };
}
