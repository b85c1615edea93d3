// What a scenario from outside the form (a link, a saved entry, an imported
// file) must look like before the form can show it. The engine judges values;
// this only checks the shape the form is built from: lists that are lists,
// rows that are objects, texts that are texts. Pure: no DOM, no strings shown.
const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const scalar = (v) => v === undefined || v === null || ["string", "number", "boolean"].includes(typeof v);

const LISTS = {
  resources: ["id", "item", "zone", "count", "from", "until"],
  passports: ["id", "item", "zone", "term", "count", "purchased"],
  credits: ["id", "kind", "amount", "registered", "expires", "registerBy", "code"],
  overrides: ["item", "zone", "hourly", "daily", "monthly"],
};

const CHOICES = [
  ["resources", "usage.pattern", ["always", "hours", "intervals"]],
  ["passports", "term", ["12", "24", "36"]],
  ["credits", "kind", ["coupon", "prepaid"]],
];

/**
 * The first problem with a scenario's shape as {path, want}, or null when the
 * form can hold it. want is "object", "list", "text", "number", "catalog", or "choice" (with
 * choices: the values the form offers).
 */
export function shapeProblem(s) {
  if (!isObject(s)) return { path: "", want: "object" };
  const c = s.catalog;
  if (c !== undefined && typeof c !== "string") {
    if (!isObject(c)) return { path: "catalog", want: "catalog" };
    if (typeof c.id !== "string" || !Array.isArray(c.items)) return { path: "catalog", want: "catalog" };
    const bad = c.items.findIndex((it) => !isObject(it) || typeof it.id !== "string" || typeof it.zone !== "string");
    if (bad >= 0) return { path: `catalog.items[${bad}]`, want: "object" };
  }
  if (!scalar(s.start)) return { path: "start", want: "text" };
  if (!scalar(s.months)) return { path: "months", want: "number" };
  for (const [list, fields] of Object.entries(LISTS)) {
    const v = s[list];
    if (v === undefined || v === null) continue;
    if (!Array.isArray(v)) return { path: list, want: "list" };
    for (let i = 0; i < v.length; i++) {
      if (!isObject(v[i])) return { path: `${list}[${i}]`, want: "object" };
      for (const f of fields) if (!scalar(v[i][f])) return { path: `${list}[${i}].${f}`, want: "text" };
    }
  }
  for (const [i, r] of (s.resources ?? []).entries()) {
    if (r.usage !== undefined && !isObject(r.usage)) return { path: `resources[${i}].usage`, want: "object" };
    if (r.usage?.intervals !== undefined && !Array.isArray(r.usage.intervals)) return { path: `resources[${i}].usage.intervals`, want: "list" };
    const iv = (r.usage?.intervals ?? []).findIndex((x) => !isObject(x));
    if (iv >= 0) return { path: `resources[${i}].usage.intervals[${iv}]`, want: "object" };
    if (!scalar(r.usage?.hours) || !scalar(r.usage?.pattern)) return { path: `resources[${i}].usage`, want: "object" };
    if (r.outages !== undefined && !Array.isArray(r.outages)) return { path: `resources[${i}].outages`, want: "list" };
  }
  // Values only a select holds: anything else would show as another choice.
  for (const [list, field, choices] of CHOICES) {
    for (const [i, row] of (s[list] ?? []).entries()) {
      const v = field === "usage.pattern" ? row.usage?.pattern : row[field];
      if (v !== undefined && !choices.includes(String(v))) return { path: `${list}[${i}].${field}`, want: "choice", choices };
    }
  }
  if (s.alerts !== undefined && s.alerts !== null) {
    if (!isObject(s.alerts)) return { path: "alerts", want: "object" };
    for (const f of ["billAbove", "balanceBelow"]) if (!scalar(s.alerts[f])) return { path: `alerts.${f}`, want: "text" };
  }
  return null;
}
