// The large form's rows as values (row-model.js): node --test site/test/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { VIRTUAL_FROM, valuesOf, windowActions, fieldLabelKey, resourceSummary, passportSummary, creditSummary } from "../app/row-model.js";
import { buildScenario } from "../app/scenario.js";

test("a placeholder gives its model, a built row what its controls read", () => {
  const read = (row) => ({ id: row.control });
  const rows = [{ control: "built" }, { model: { id: "far" } }, { control: "near" }];
  assert.deepEqual(valuesOf(rows, read), [{ id: "built" }, { id: "far" }, { id: "near" }]);
});

test("a row read back and turned into a placeholder builds the same scenario", () => {
  // Row 2 as read from controls, then kept as a model: buildScenario sees the same values.
  const fromControls = { id: "", idPlaceholder: "r2", item: "server/2core-4gb", zone: "tk1a", count: "3", countBad: false, pattern: "hours", hours: "581.5", intervals: "", from: "", until: "", hourly: "", daily: "", monthly: "4,000" };
  const asModel = { ...fromControls, defaultId: fromControls.idPlaceholder };
  const form = (r) => ({ start: "2027-01", months: 12, resources: valuesOf([{ model: { id: "r1", item: "disk/ssd-40gb", zone: "is1b", count: "2", pattern: "always", hourly: "", daily: "", monthly: "" } }, r], (x) => x.control), passports: [], credits: [] });
  const a = buildScenario(form({ control: fromControls }), null).scenario;
  const b = buildScenario(form({ model: asModel }), null).scenario;
  assert.deepEqual(b, a);
  assert.deepEqual(a.resources[1], { id: "r2", item: "server/2core-4gb", zone: "tk1a", count: 3, usage: { pattern: "hours", hours: "581.5" } });
  assert.deepEqual(a.overrides, [{ item: "server/2core-4gb", zone: "tk1a", monthly: "4000" }]);
});

test("reading the rows takes time linear in their number", () => {
  const rows = (n) => Array.from({ length: n }, (_, i) => (i % 3 ? { model: { id: `r${i}`, item: "x", zone: "z", count: "1", pattern: "always", hourly: "", daily: "", monthly: "" } } : { control: `r${i}` }));
  const read = (row) => ({ id: row.control, item: "x", zone: "z", count: "1", pattern: "always", hourly: "", daily: "", monthly: "" });
  const time = (n) => {
    const r = rows(n);
    const t0 = performance.now();
    for (let k = 0; k < 20; k++) buildScenario({ start: "2027-01", months: 12, resources: valuesOf(r, read), passports: [], credits: [] }, null);
    return performance.now() - t0;
  };
  time(2000); // warm up
  const small = Math.max(time(2000), 1), large = time(20000);
  // 10 times the rows: linear is ~10×, quadratic ~100×; allow for a noisy machine.
  assert.ok(large < small * 30, `2,000 rows took ${small.toFixed(1)} ms, 20,000 took ${large.toFixed(1)} ms`);
});

test("a small list is all built; a large one builds what is near and keeps what must stay", () => {
  const small = Array.from({ length: VIRTUAL_FROM }, (_, i) => ({ built: i < 5, near: false, kept: false }));
  assert.deepEqual(windowActions(small), { build: Array.from({ length: VIRTUAL_FROM - 5 }, (_, i) => i + 5), tearDown: [] });

  const large = Array.from({ length: 500 }, () => ({ built: false, near: false, kept: false }));
  large[0] = { built: true, near: true, kept: false }; // on screen
  large[1] = { built: false, near: true, kept: false }; // came near
  large[2] = { built: true, near: false, kept: false }; // went far
  large[3] = { built: true, near: false, kept: true }; // far, but focused
  large[481] = { built: false, near: false, kept: true }; // the error list asks for it
  assert.deepEqual(windowActions(large), { build: [1, 481], tearDown: [2] });
});

test("an error's field is named by its label key, however deep its path", () => {
  assert.equal(fieldLabelKey("resources", "usage.hours"), "hoursPerMonth");
  assert.equal(fieldLabelKey("resources", "usage.intervals[2].start"), "intervals");
  assert.equal(fieldLabelKey("resources", "count"), "count");
  assert.equal(fieldLabelKey("passports", "count"), "rights");
  assert.equal(fieldLabelKey("credits", "expires"), "expires");
  assert.equal(fieldLabelKey("resources", ""), "");
  assert.equal(fieldLabelKey("resources", "outages[0]"), "");
});

const words = {
  kind: () => "Server", plan: (item) => (item === "server/4core-8gb" ? "4 cores, 8 GB" : item), zone: (z) => ({ is1b: "Ishikari 1B" })[z] ?? z,
  usage: (p) => ({ always: "All the time", intervals: "Exact intervals" })[p], hours: (h) => `${h} h a month`, custom: () => "custom prices",
  term: (n) => `${n} months`,
};

test("a far row's summary says what it holds", () => {
  assert.equal(
    resourceSummary({ id: "r481", item: "server/4core-8gb", zone: "is1b", count: "2", pattern: "hours", hours: "581.5" }, words),
    "r481 · Server · 4 cores, 8 GB · Ishikari 1B · × 2 · 581.5 h a month");
  assert.equal(
    resourceSummary({ id: "", defaultId: "r7", item: "server/4core-8gb", zone: "is1b", count: "1", pattern: "always", from: "2027-03", until: "", monthly: "4000" }, words),
    "r7 · Server · 4 cores, 8 GB · Ishikari 1B · × 1 · All the time · 2027-03 – … · custom prices");
  // Intervals carry their own dates: from and until are not read then, nor shown.
  assert.equal(
    resourceSummary({ id: "a", item: "x", zone: "is1b", count: "1", pattern: "intervals", from: "2027-03" }, words),
    "a · Server · x · Ishikari 1B · × 1 · Exact intervals");
  assert.equal(passportSummary({ zone: "is1b", item: "server/4core-8gb", term: "12", count: "50", purchased: "2027-01" }, words),
    "Ishikari 1B · 4 cores, 8 GB · 12 months · × 50 · 2027-01");
  assert.equal(creditSummary({ kind: "coupon", code: "", amount: "20000", registered: "2027-01-05", expires: "2027-06-30" }, { kind: () => "Coupon" }),
    "Coupon · ¥20000 · 2027-01-05 · → 2027-06-30");
});
