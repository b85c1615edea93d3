// The repeating rows of the form: resources, passport purchases and credits.
// Each row is plain DOM; read*Row turns it back into plain values, and
// refreshRow rebuilds its pickers after a catalog or language change.
import { t, lang } from "../lib/i18n.js";
import { h, field, option, translate } from "./dom.js";
import { planSearch } from "./plan-search.js";
import { itemIds, itemIn, itemName, priceSummary, zoneName, zonesOf, passportZones, smallServer } from "./catalogs.js";

const q = (row, id) => row.querySelector(`[data-testid="${id}"]`);

// Removing a row would drop keyboard focus on the floor; it goes to the
// section's first "add" button instead.
function removeButton(testid, onRemove) {
  return h("button", {
    type: "button", class: "remove", dataset: { testid, i18n: "remove" }, text: t("remove"),
    onclick: (e) => {
      const add = e.target.closest("section")?.querySelector("button.add");
      onRemove();
      add?.focus();
    },
  });
}

// Rebuilds a <select>'s options keeping its value; a value the new list lacks is
// kept as a marked option so the engine, not the page, reports it.
function fillSelect(select, groups, value) {
  select.replaceChildren();
  let found = false;
  for (const g of groups) {
    const parent = g.label ? h("optgroup", { label: g.label }) : select;
    for (const o of g.options) {
      if (o.value === value) found = true;
      parent.append(option(o.value, o.text, o.value === value));
    }
    if (g.label) select.append(parent);
  }
  if (!found && value) select.append(option(value, t("notInCatalog", { value }), true));
  if (!value && select.options.length) select.selectedIndex = 0;
}

// ---- resources ----------------------------------------------------------

// The item list of a catalog entry in a zone, built once and cloned into each
// row: a scenario of 500 resources would otherwise build tens of thousands of
// options one by one (a frozen tab at load). An entry is a new object whenever
// its items change, so it keys the cache.
const itemLists = new WeakMap(); // entry → Map("zone|lang" → DocumentFragment)

function itemList(entry, zone) {
  const key = `${zone}|${lang()}`;
  let lists = entry ? itemLists.get(entry) : null;
  if (entry && !lists) itemLists.set(entry, (lists = new Map()));
  let list = lists?.get(key);
  if (!list) {
    list = document.createDocumentFragment();
    for (const k of entry?.index.kinds ?? []) {
      const group = h("optgroup", { label: t(`kind.${k}`) });
      for (const id of itemIds(entry, { kind: k })) {
        const it = itemIn(entry, id, zone);
        group.append(option(id, `${itemName(it)} — ${priceSummary(it)}`));
      }
      list.append(group);
    }
    lists?.set(key, list);
  }
  return list;
}

// fillSelect for the item picker, from the cached list. Until the picker is
// used (focused or pressed), it holds only the chosen plan: 500 rows would
// otherwise carry some 44,000 options the page styles and lays out on every
// change (fillItemsNow builds the rest on first use).
function fillItems(select, entry, zone, value) {
  const it = value ? itemIn(entry, value, zone) : null;
  if (!it) {
    fillItemsNow(select, entry, zone, value);
    return;
  }
  select.pendingItems = { entry, zone };
  select.replaceChildren(option(value, `${itemName(it)} — ${priceSummary(it)}`, true));
  if (!select.lazyItems) {
    select.lazyItems = true;
    for (const type of ["focus", "pointerdown"]) select.addEventListener(type, () => ensureItems(select));
  }
}

function fillItemsNow(select, entry, zone, value) {
  select.pendingItems = null;
  select.replaceChildren(itemList(entry, zone).cloneNode(true));
  const found = value && [...select.options].some((o) => o.value === value);
  if (found) select.value = value;
  else if (value) select.append(option(value, t("notInCatalog", { value }), true));
  else if (select.options.length) select.selectedIndex = 0;
}

/** Gives a plan picker its whole list, if it holds only the chosen plan so far. */
export function ensureItems(select) {
  const p = select.pendingItems;
  if (p) fillItemsNow(select, p.entry, p.zone, select.value);
}

function fillResourcePickers(row, entry) {
  const kindSel = q(row, "resource-kind"), itemSel = q(row, "resource-item"), zoneSel = q(row, "resource-zone");
  const item = itemSel.value || row.dataset.item || "";
  const zone = zoneSel.value || row.dataset.zone || "";
  const known = itemIn(entry, item, zone);
  const kinds = entry?.index.kinds ?? [];
  fillSelect(kindSel, [{ options: kinds.map((k) => ({ value: k, text: t(`kind.${k}`) })) }], known?.kind ?? kindSel.value);
  // Rows with an active plan search get their own narrowed list; every other
  // row clones the catalog's cached one.
  if (!row.planFilter || !countShown(entry, row)) {
    fillItems(itemSel, entry, zone, item);
    fillZones(row, entry, zone, true);
    return;
  }
  const groups = kinds.map((k) => ({
    label: t(`kind.${k}`),
    options: plansShown(entry, k, zone, row, item).map((id) => {
      const it = itemIn(entry, id, zone);
      return { value: id, text: `${itemName(it)} — ${priceSummary(it)}` };
    }),
  }));
  fillSelect(itemSel, groups.filter((g) => g.options.length), item);
  fillZones(row, entry, zone, true);
}

// The plans of kind the row's search lets through (in zone, or any zone the
// plan exists in); the chosen plan always stays. A search nothing matches
// filters nothing (its status line says so).
function plansShown(entry, kind, zone, row, chosen) {
  const all = itemIds(entry, { kind });
  return all.filter((id) => id === chosen || row.planFilter(itemIn(entry, id, zone) ?? itemIn(entry, id)));
}

/** How many plans the row's search lets through (all kinds). */
function countShown(entry, row) {
  if (!row.planFilter) return 0;
  const zone = q(row, "resource-zone").value || row.dataset.zone;
  return (entry?.index.kinds ?? []).flatMap((k) => itemIds(entry, { kind: k })).filter((id) => row.planFilter(itemIn(entry, id, zone) ?? itemIn(entry, id))).length;
}

// keep: the zone stays whatever the catalog offers (a catalog or language
// change); otherwise the user just picked an item, and a zone it lacks moves
// to its first zone.
function fillZones(row, entry, zone, keep = false) {
  const zoneSel = q(row, "resource-zone");
  const zones = zonesOf(entry, q(row, "resource-item").value);
  const value = keep || zones.includes(zone) || !zones.length ? zone : zones[0];
  // A zone whose entry copies another zone's prices says so: they are a guess.
  const label = (z) => {
    const from = itemIn(entry, q(row, "resource-item").value, z)?.assumedFrom;
    return from ? `${zoneName(z)} ${t("assumedFrom", { zone: from })}` : zoneName(z);
  };
  fillSelect(zoneSel, [{ options: zones.map((z) => ({ value: z, text: label(z) })) }], value);
}

// Shows only the inputs the chosen usage pattern reads.
function showUsageFields(row) {
  const p = q(row, "resource-usage").value;
  q(row, "resource-hours").closest(".field").hidden = p !== "hours";
  q(row, "resource-intervals").closest(".field").hidden = p !== "intervals";
  for (const id of ["resource-from", "resource-until"]) q(row, id).closest(".field").hidden = p === "intervals";
}

/** A resource row; values as read by readResourceRow. */
export function resourceRow(ctx, v) {
  const input = (testid, attrs = {}) => h("input", { dataset: { testid }, ...attrs });
  const usage = h("select", { dataset: { testid: "resource-usage" } });
  for (const p of ["always", "hours", "intervals"]) usage.append(option(p, t(`usage.${p}`), p === v.pattern));
  const row = h(
    "div",
    { class: "row resource", dataset: { testid: "resource-row", item: v.item ?? "", zone: v.zone ?? "" } },
    h("div", { class: "row-grid" },
      field("resourceId", input("resource-id", { type: "text", value: v.id ?? "", placeholder: v.defaultId ?? v.id ?? "", autocomplete: "off", spellcheck: "false" }), "id", "narrow"),
      field("kind", h("select", { dataset: { testid: "resource-kind" } }), "kind"),
      field("item", h("select", { dataset: { testid: "resource-item" } }), "item", "wide"),
      field("zone", h("select", { dataset: { testid: "resource-zone" } }), "zone"),
      field("count", input("resource-count", { type: "number", min: "1", max: "10000", step: "1", value: v.count ?? "1" }), "count", "narrow"),
      field("usage", usage, "usage"),
      field("hoursPerMonth", input("resource-hours", { type: "text", inputMode: "decimal", value: v.hours ?? "", placeholder: "200" }), "usage.hours", "narrow"),
      field("intervals", h("textarea", { dataset: { testid: "resource-intervals", i18nPlaceholder: "intervalsPlaceholder" }, rows: 3, placeholder: t("intervalsPlaceholder"), spellcheck: "false", value: v.intervals ?? "" }), "usage.intervals", "wide"),
      field("fromMonth", input("resource-from", { type: "month", value: v.from ?? "" }), "from"),
      field("untilMonth", input("resource-until", { type: "month", value: v.until ?? "" }), "until"),
    ),
    h("fieldset", { class: "overrides" },
      h("legend", { dataset: { i18n: "customPrices" }, text: t("customPrices") }),
      field("hourly", input("resource-hourly", { type: "text", inputMode: "decimal", value: v.hourly ?? "" }), "hourly", "narrow"),
      field("daily", input("resource-daily", { type: "text", inputMode: "decimal", value: v.daily ?? "" }), "daily", "narrow"),
      field("monthly", input("resource-monthly", { type: "text", inputMode: "decimal", value: v.monthly ?? "" }), "monthly", "narrow"),
    ),
    h("div", { class: "row-errors" }),
    h("div", { class: "row-actions" },
      h("button", { type: "button", class: "subtle duplicate", dataset: { testid: "duplicate-resource", i18n: "duplicate" }, text: t("duplicate"), onclick: () => ctx.duplicate?.(row) }),
      removeButton("remove-resource", () => { row.remove(); ctx.changed(); })),
  );
  row.querySelector(".overrides").before(planSearch(row, () => { fillResourcePickers(row, ctx.entry()); return countShown(ctx.entry(), row); }));
  row.extra = v.extra; // fields the form cannot edit (outages) survive a round trip
  fillResourcePickers(row, ctx.entry());
  q(row, "resource-kind").addEventListener("change", () => {
    // Picking a kind picks that kind's first item unless the current one is of it.
    const entry = ctx.entry(), kind = q(row, "resource-kind").value;
    if (itemIn(entry, q(row, "resource-item").value)?.kind !== kind) {
      ensureItems(q(row, "resource-item"));
      q(row, "resource-item").value = itemIds(entry, { kind })[0] ?? "";
      fillZones(row, entry, q(row, "resource-zone").value);
    }
  });
  q(row, "resource-item").addEventListener("change", () => {
    const entry = ctx.entry();
    fillZones(row, entry, q(row, "resource-zone").value);
    const it = itemIn(entry, q(row, "resource-item").value);
    if (it) q(row, "resource-kind").value = it.kind;
  });
  q(row, "resource-zone").addEventListener("change", () => refreshRow(row, ctx.entry()));
  usage.addEventListener("change", () => showUsageFields(row));
  showUsageFields(row);
  return row;
}

export function readResourceRow(row) {
  const val = (id) => q(row, id).value.trim();
  return {
    id: val("resource-id"), idPlaceholder: q(row, "resource-id").placeholder,
    item: q(row, "resource-item").value, zone: q(row, "resource-zone").value,
    count: val("resource-count"), countBad: q(row, "resource-count").validity.badInput,
    pattern: q(row, "resource-usage").value, hours: val("resource-hours"), intervals: q(row, "resource-intervals").value,
    from: val("resource-from"), until: val("resource-until"),
    hourly: val("resource-hourly"), daily: val("resource-daily"), monthly: val("resource-monthly"),
    extra: row.extra,
  };
}

/** A new row after last (values as readResourceRow gives): its kind, zone and plan, used all the time. */
export function inheritedValues(last, id) {
  return { id, item: last.item, zone: last.zone, count: "1", pattern: "always" };
}

/** Default values of a new resource row: a small server running all the time. */
export function newResourceValues(entry, id) {
  const it = smallServer(entry);
  return { id, item: it?.id, zone: it?.zone, count: "1", pattern: "always" };
}

// ---- passports ----------------------------------------------------------

// keep: as for fillZones; only the user's own zone change may pick another plan.
function fillPassportPickers(row, entry, keep = true) {
  const zoneSel = q(row, "passport-zone"), itemSel = q(row, "passport-item");
  const zone = zoneSel.value || row.dataset.zone || "";
  const item = itemSel.value || row.dataset.item || "";
  const zones = passportZones(entry);
  fillSelect(zoneSel, [{ options: zones.map((z) => ({ value: z, text: zoneName(z) })) }], zone || zones[0]);
  const z = zoneSel.value;
  const ids = itemIds(entry, { passport: true, zone: z });
  const options = ids.map((id) => {
    const it = itemIn(entry, id, z);
    return { value: id, text: `${itemName(it)} — ${priceSummary(it)}` };
  });
  fillSelect(itemSel, [{ options }], item && (keep || ids.includes(item) || !ids.length) ? item : (ids[0] ?? item));
}

export function passportRow(ctx, v) {
  const term = h("select", { dataset: { testid: "passport-term" } });
  for (const n of ["12", "24", "36"]) term.append(option(n, t("termMonths", { n }), String(v.term ?? "12") === n));
  const row = h(
    "div",
    { class: "row passport", dataset: { testid: "passport-row", zone: v.zone ?? "", item: v.item ?? "", id: v.id ?? "" } },
    h("div", { class: "row-grid" },
      field("zone", h("select", { dataset: { testid: "passport-zone" } }), "zone"),
      field("plan", h("select", { dataset: { testid: "passport-item" } }), "item", "wide"),
      field("term", term, "term"),
      field("rights", h("input", { type: "number", min: "1", max: "10000", step: "1", value: v.count ?? "1", dataset: { testid: "passport-count" } }), "count", "narrow"),
      field("purchaseMonth", h("input", { type: "month", value: v.purchased ?? "", dataset: { testid: "passport-month" } }), "purchased"),
    ),
    h("div", { class: "row-errors" }),
    removeButton("remove-passport", () => { row.remove(); ctx.changed(); }),
  );
  fillPassportPickers(row, ctx.entry());
  q(row, "passport-zone").addEventListener("change", () => fillPassportPickers(row, ctx.entry(), false));
  return row;
}

export function readPassportRow(row) {
  const val = (id) => q(row, id).value.trim();
  return {
    id: row.dataset.id, zone: val("passport-zone"), item: val("passport-item"), term: val("passport-term"),
    count: val("passport-count"), countBad: q(row, "passport-count").validity.badInput, purchased: val("passport-month"),
  };
}

// ---- credits ------------------------------------------------------------

const PRESETS = ["10000", "30000", "50000"];

export function creditRow(ctx, v) {
  const input = (testid, attrs) => h("input", { dataset: { testid }, ...attrs });
  const amount = input("credit-amount", { type: "text", inputMode: "numeric", value: v.amount ?? "" });
  const coupon = v.kind === "coupon";
  const fields = coupon
    ? [
        field("couponCode", input("credit-code", { type: "text", value: v.code ?? "", autocomplete: "off", placeholder: "1234-5678-9012-3456" }), "code", "wide"),
        field("amount", amount, "amount", "narrow"),
        field("registered", input("credit-registered", { type: "date", value: v.registered ?? "" }), "registered"),
        field("registerBy", input("credit-deadline", { type: "date", value: v.registerBy ?? "" }), "registerBy"),
        field("expires", input("credit-expires", { type: "date", value: v.expires ?? "" }), "expires"),
      ]
    : [
        field("amount", amount, "amount", "narrow"),
        h("div", { class: "presets", role: "group", dataset: { i18nAria: "presets" }, "aria-label": t("presets") },
          PRESETS.map((a) => h("button", {
            type: "button", class: "preset", dataset: { testid: "prepaid-preset", amount: a },
            text: a.replace(/\B(?=(\d{3})+$)/g, ","),
            onclick: () => { amount.value = a; ctx.changed(); },
          }))),
        field("registered", input("credit-registered", { type: "date", value: v.registered ?? "" }), "registered"),
      ];
  const row = h(
    "div",
    { class: `row credit ${v.kind}`, dataset: { testid: "credit-row", kind: v.kind, id: v.id ?? "" } },
    h("h4", { dataset: { i18n: coupon ? "coupon" : "prepaid" }, text: t(coupon ? "coupon" : "prepaid") }),
    h("div", { class: "row-grid" }, fields),
    h("div", { class: "row-errors" }),
    removeButton("remove-credit", () => { row.remove(); ctx.changed(); }),
  );
  return row;
}

export function readCreditRow(row) {
  const val = (id) => q(row, id)?.value.trim() ?? "";
  return {
    kind: row.dataset.kind, id: row.dataset.id, code: val("credit-code"), amount: val("credit-amount"),
    registered: val("credit-registered"), registerBy: val("credit-deadline"), expires: val("credit-expires"),
  };
}

/** Rebuilds a row's pickers (catalog or language changed) and its static labels. */
export function refreshRow(row, entry) {
  if (row.dataset.testid === "resource-row") fillResourcePickers(row, entry);
  if (row.dataset.testid === "passport-row") fillPassportPickers(row, entry);
  for (const o of row.querySelectorAll('[data-testid="resource-usage"] option')) o.textContent = t(`usage.${o.value}`);
  for (const o of row.querySelectorAll('[data-testid="passport-term"] option')) o.textContent = t("termMonths", { n: o.value });
  row.querySelector(".plan-search")?.retranslate();
  translate(row);
}

/** Points a row at another item and zone; its pickers are rebuilt by refreshRow. */
export function setRowItem(row, item, zone) {
  row.dataset.item = item;
  row.dataset.zone = zone;
  for (const sel of row.querySelectorAll('[data-testid$="-item"], [data-testid$="-zone"]')) sel.replaceChildren();
}

/** The item and zone a row names, for carrying it to another catalog. */
export function rowItem(row) {
  const item = q(row, "resource-item") ?? q(row, "passport-item");
  const zone = q(row, "resource-zone") ?? q(row, "passport-zone");
  return { row, item: item.value, zone: zone.value };
}
