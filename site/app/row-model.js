// The form's rows as plain values, for rows whose controls are not built.
// A large form builds real controls only for rows near the viewport (row-window.js):
// at 500 resource rows, ~8,500 controls made Chromium's autofill read the
// whole form in tasks of 45–150 ms. A row far away is a placeholder holding
// its values (row.model) and a one-line summary of them; this module is the
// DOM-free part: which values a row holds, what its summary says, and which
// rows to build or tear down.

/** Above this many rows a list is virtualised; at or below it every row is built. */
export const VIRTUAL_FROM = 50;

/** The form values of rows: a placeholder's model, else read(row) from its controls. Linear. */
export function valuesOf(rows, read) {
  const out = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = rows[i].model ?? read(rows[i]);
  return out;
}

// Which label (strings.js key) names a row's field, by the field's path
// suffix (the data-field of rows.js): an error in a row that is not built
// is listed as "Resource 482 · Hours per month" like one in a built row.
const FIELD_LABELS = {
  resources: {
    id: "resourceId", kind: "kind", item: "item", zone: "zone", count: "count", usage: "usage",
    "usage.hours": "hoursPerMonth", "usage.intervals": "intervals", from: "fromMonth", until: "untilMonth",
    hourly: "hourly", daily: "daily", monthly: "monthly", prices: "customPrices",
  },
  passports: { zone: "zone", item: "plan", term: "term", count: "rights", purchased: "purchaseMonth" },
  credits: { code: "couponCode", amount: "amount", registered: "registered", registerBy: "registerBy", expires: "expires" },
};

/** The label key of the field rest names in a row of list ("usage.intervals[2].start" → "intervals"), or "". */
export function fieldLabelKey(list, rest) {
  const labels = FIELD_LABELS[list] ?? {};
  for (let p = rest; p; ) {
    if (labels[p]) return labels[p];
    const up = p.replace(/(\.[^.[\]]+|\[\d+\])$/, "");
    if (up === p) break;
    p = up;
  }
  return "";
}

/**
 * A resource's summary line: id, kind, plan, zone, count, usage, months and
 * custom prices, as a reader scanning the form (or find-in-page) needs them.
 * names: {kind(item, zone), plan(item, zone), zone(zone), usage(pattern),
 * hours(h), custom()} give the words in the page's language.
 */
export function resourceSummary(v, names) {
  const parts = [v.id || v.idPlaceholder || v.defaultId || "", names.kind(v.item, v.zone), names.plan(v.item, v.zone), names.zone(v.zone), `× ${v.count}`];
  if (v.pattern === "hours") parts.push(names.hours(v.hours));
  else parts.push(names.usage(v.pattern));
  if (v.pattern !== "intervals" && (v.from || v.until)) parts.push(`${v.from || "…"} – ${v.until || "…"}`);
  if (v.hourly || v.daily || v.monthly) parts.push(names.custom());
  return parts.filter(Boolean).join(" · ");
}

/** A passport's summary line. names: {zone(z), plan(item, zone), term(n)}. */
export function passportSummary(v, names) {
  return [names.zone(v.zone), names.plan(v.item, v.zone), names.term(v.term), `× ${v.count}`, v.purchased].filter(Boolean).join(" · ");
}

/** A credit's summary line. names: {kind(kind)}. */
export function creditSummary(v, names) {
  const dates = v.kind === "coupon" ? [v.registered, v.expires && `→ ${v.expires}`] : [v.registered];
  return [names.kind(v.kind), v.code, v.amount && `¥${v.amount}`, ...dates].filter(Boolean).join(" · ");
}

/**
 * What to do with each row of a list: "build" a placeholder, "tearDown" a
 * built row, or nothing. states[i] = {built, near, kept}: near is the
 * observer's last word (within its margin of the viewport), kept a row that
 * must stay built (it holds focus, an open plan search). A list at or under
 * VIRTUAL_FROM rows is all built.
 */
export function windowActions(states, virtualFrom = VIRTUAL_FROM) {
  const build = [], tearDown = [];
  const all = states.length <= virtualFrom;
  states.forEach((s, i) => {
    if (!s.built && (all || s.near || s.kept)) build.push(i);
    else if (s.built && !all && !s.near && !s.kept) tearDown.push(i);
  });
  return { build, tearDown };
}
