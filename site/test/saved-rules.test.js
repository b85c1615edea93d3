// Saved-estimate rules: node --test site/test/ (run by make test-js).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readSaved, writeSaved, uniqueName, withSaved, without, findSaved, scenarioFromFile, stamp } from "../app/saved-rules.js";

const s = { catalog: "seed-2018", start: "2018-12", months: 12, resources: [] };

test("entries come newest first and survive a write and read", () => {
  const text = JSON.stringify([
    { name: "a", savedAt: "2026-11-01T00:00:00Z", scenario: s },
    { name: "b", savedAt: "2026-11-02T00:00:00Z", scenario: s },
  ]);
  const list = readSaved(text);
  assert.deepEqual(list.map((e) => e.name), ["b", "a"]);
  assert.deepEqual(JSON.parse(writeSaved(list)), JSON.parse(text).reverse());
});

test("unnamed saves in the same minute get unique names", () => {
  const name = `Estimate ${stamp(new Date(2026, 10, 26, 9, 5))}`;
  assert.equal(name, "Estimate 2026-11-26 09:05");
  let list = [];
  const names = [];
  for (let i = 0; i < 3; i++) {
    const n = uniqueName(name, list);
    names.push(n);
    list = withSaved(list, { name: n, savedAt: "", scenario: s });
  }
  assert.deepEqual(names, [name, `${name} (2)`, `${name} (3)`]);
});

test("saving under an existing name replaces only that entry", () => {
  let list = withSaved([], { name: "x", savedAt: "1", scenario: s });
  list = withSaved(list, { name: "y", savedAt: "2", scenario: s });
  assert.ok(findSaved(list, "x"));
  list = withSaved(list, { name: "x", savedAt: "3", scenario: { ...s, months: 24 } });
  assert.equal(list.length, 2);
  assert.equal(findSaved(list, "x").scenario.months, 24);
});

test("a deleted entry can be put back as it was", () => {
  const list = readSaved(JSON.stringify([{ name: "x", savedAt: "2026", scenario: s }, { name: "y", savedAt: "2025", scenario: s }]));
  const gone = list[0];
  const after = without(list, gone);
  assert.deepEqual(after.map((e) => e.name), ["y"]);
  assert.deepEqual(JSON.parse(writeSaved(withSaved(after, gone))), [{ name: "x", savedAt: "2026", scenario: s }, { name: "y", savedAt: "2025", scenario: s }]);
});

test("damaged entries are marked, not dropped", () => {
  const list = readSaved(JSON.stringify([
    { name: "ok", savedAt: "3", scenario: s },
    { name: "bad shape", savedAt: "2", scenario: { resources: "abc" } },
    null,
    { savedAt: "1", scenario: s },
  ]));
  assert.deepEqual(list.map((e) => [e.name, e.damaged]), [["ok", undefined], ["bad shape", "shape"], ["", "unnamed"], ["", "unreadable"]]);
  // Deleting one damaged entry keeps the others.
  const kept = JSON.parse(writeSaved(without(list, list[1])));
  assert.equal(kept.length, 3);
  assert.deepEqual(readSaved("{not json"), [{ name: "", savedAt: "", damaged: "unreadable", whole: true }]);
  assert.deepEqual(readSaved('{"a":1}')[0].damaged, "unreadable");
  assert.deepEqual(readSaved(null), []);
});

test("an exported file opens again: the export's own shape or a bare scenario", () => {
  const exported = JSON.stringify({ scenario: s, estimate: { years: [] } }, null, 2);
  assert.deepEqual(scenarioFromFile(exported), { scenario: s });
  assert.deepEqual(scenarioFromFile(JSON.stringify(s)), { scenario: s });
  assert.deepEqual(scenarioFromFile("{"), { problem: { path: "", want: "json" } });
  assert.deepEqual(scenarioFromFile('{"scenario":{"resources":[null]}}'), { problem: { path: "resources[0]", want: "object" } });
});
