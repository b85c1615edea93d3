// The comparison's stored form: node --test site/test/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readCompare, writeCompare, room, variantName, MAX_COMPARED } from "../app/compare-rules.js";

const scenario = { start: "2018-12", months: 36, resources: [{ id: "web", item: "server/4core-8gb", zone: "tk1a", usage: { pattern: "always" } }] };

test("a comparison survives writing and reading", () => {
  const c = { entries: [{ name: "Variant 1", scenario }], current: false };
  assert.deepEqual(readCompare(writeCompare(c)), c);
});

test("damaged text is an empty comparison that includes the current estimate", () => {
  for (const text of [null, "", "{", "[]", '{"entries":3}']) {
    assert.deepEqual(readCompare(text), { entries: [], current: true }, String(text));
  }
});

test("entries the form cannot open are dropped, and at most four are kept", () => {
  const many = Array.from({ length: 6 }, (_, i) => ({ name: `E${i}`, scenario }));
  const c = readCompare(JSON.stringify({ entries: [{ name: "", scenario }, { name: "bad", scenario: 7 }, ...many] }));
  assert.equal(c.entries.length, MAX_COMPARED);
  assert.equal(c.entries[0].name, "E0");
});

test("room counts the current estimate", () => {
  assert.equal(room({ entries: [{}, {}], current: true }), 1);
  assert.equal(room({ entries: [{}, {}], current: false }), 2);
});

test("variant names take the first free number", () => {
  assert.equal(variantName("Variant", { entries: [{ name: "Variant 1" }, { name: "Variant 3" }] }), "Variant 2");
});
