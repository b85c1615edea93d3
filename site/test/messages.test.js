// Every problem code the engine can answer has a page template in both
// languages, with the engine's placeholders: a new code in engine/problems.go
// fails here until it is worded (node --test site/test/, run by make test-js).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { MESSAGES, problemText } from "../lib/messages.js";

const source = readFileSync(new URL("../../engine/problems.go", import.meta.url), "utf8");
const table = source.slice(source.indexOf("var problemTemplates"), source.indexOf("\n}\n", source.indexOf("var problemTemplates")));
const engineCodes = new Map([...table.matchAll(/^\s*"(\w+)":\s*"((?:[^"\\]|\\.)*)",/gm)].map(([, code, tpl]) => [code, JSON.parse(`"${tpl}"`)]));
const placeholders = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test("the engine's code list was read (problems.go has well over 100 codes)", () => {
  assert.ok(engineCodes.size > 100, `read ${engineCodes.size} codes`);
  assert.equal(engineCodes.get("badHours"), "must be a number of hours from 0 to 744");
});

for (const language of ["en", "ja"]) {
  test(`every engine code has a ${language} template with the engine's placeholders`, () => {
    const missing = [...engineCodes.keys()].filter((c) => !(c in MESSAGES[language]));
    assert.deepEqual(missing, [], `codes without a ${language} template`);
    for (const [code, english] of engineCodes) {
      assert.deepEqual(placeholders(MESSAGES[language][code]), placeholders(english), `${language} ${code}`);
    }
  });
}

test("the English table is the engine's own wording", () => {
  for (const [code, english] of engineCodes) assert.equal(MESSAGES.en[code], english, code);
});

test("no template for a code the engine no longer has", () => {
  for (const language of ["en", "ja"]) {
    assert.deepEqual(Object.keys(MESSAGES[language]).filter((c) => !engineCodes.has(c)), [], language);
  }
});

test("a problem is worded from its code and args", () => {
  const e = { path: "resources[0].usage.hours", code: "badHours", args: {}, message: "must be a number of hours from 0 to 744" };
  assert.equal(problemText(e, "ja"), "0〜744時間の数値で入力してください");
  assert.equal(problemText(e, "en"), "must be a number of hours from 0 to 744");
  const z = { code: "unknownZone", args: { item: "server/1core-1gb", zone: "xx1a", zones: "is1a, tk1a" } };
  assert.equal(problemText(z, "ja"), "品目「server/1core-1gb」はゾーン「xx1a」では提供されていません(提供ゾーン:is1a, tk1a)");
  assert.equal(problemText({ code: "tooLarge", args: { document: "scenario", size: "9", maxMB: "1", max: "8" } }, "ja"),
    "試算の条件は9バイトです。受け付けるのは1MB(8バイト)までです");
});

test("an unknown code falls back to the engine's English message", () => {
  assert.equal(problemText({ code: "fromTheFuture", args: {}, message: "as the engine said" }, "ja"), "as the engine said");
});
