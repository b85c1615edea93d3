// The page words SAKURA's terms as the glossary says, in both languages, and
// Japanese numbers touch their counters (node --test site/test/).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { GLOSSARY, JA_SPACING } from "../lib/glossary.js";

const site = fileURLToPath(new URL("..", import.meta.url));
const files = (dir) => readdirSync(dir).flatMap((f) => {
  const p = join(dir, f);
  if (statSync(p).isDirectory()) return ["test", "gen", "img"].includes(f) ? [] : files(p);
  return /\.(js|html)$/.test(f) && !p.endsWith("glossary.js") ? [p] : [];
});
// Every quoted string of the page's sources (strings hold the words; code does not).
const strings = files(site).flatMap((p) => [...readFileSync(p, "utf8").matchAll(/"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`|>([^<>]+)</g)]
  .map((m) => ({ file: p.slice(site.length), text: m[1] ?? m[2] ?? m[3] })));
const japanese = strings.filter((s) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(s.text));

test("the scan finds the page's Japanese strings", () => {
  assert.ok(japanese.length > 300, `found ${japanese.length}`);
});

for (const [key, entry] of Object.entries(GLOSSARY)) {
  test(`SAKURA's term for ${key}: ${entry.en} / ${entry.ja}`, () => {
    for (const banned of entry.banned.ja) {
      const hits = japanese.filter((s) => new RegExp(banned).test(s.text)).map((s) => `${s.file}: ${s.text}`);
      assert.deepEqual(hits, [], `use ${entry.ja}, not ${banned}`);
    }
    for (const banned of entry.banned.en) {
      // messages.js's English is the engine's own wording (messages.test.js
      // keeps them equal), so this holds engine/problems.go to the glossary too.
      const hits = strings.filter((s) => s.text.toLowerCase().includes(banned.toLowerCase()) && !/[\u3040-\u30ff]/.test(s.text))
        .map((s) => `${s.file}: ${s.text}`);
      assert.deepEqual(hits, [], `use ${entry.en}, not ${banned}`);
    }
  });
}

test("Japanese numbers touch their counters (36か月, 31日)", () => {
  const hits = japanese.filter((s) => JA_SPACING.test(s.text) || /\}[ ](?:か月|日|時間|円|件)/.test(s.text)).map((s) => `${s.file}: ${s.text}`);
  assert.deepEqual(hits, []);
});
