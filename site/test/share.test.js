// Link rules: node --test site/test/ (run by make test-js).
import { test } from "node:test";
import assert from "node:assert/strict";
import { encodeScenario, decodeLink, MAX_SCENARIO_BYTES } from "../app/share.js";

const seed = { catalog: "seed-2018", start: "2018-12", months: 12, resources: [{ id: "web", item: "server/4core-8gb", zone: "tk1a" }] };
const b64 = (s) => Buffer.from(s).toString("base64url");
const deflated = async (text) => {
  const out = new Response(new Blob([text]).stream().pipeThrough(new CompressionStream("deflate-raw")));
  return "#s=" + Buffer.from(await out.arrayBuffer()).toString("base64url");
};

test("a link round-trips its scenario, compressed and plain", async () => {
  const hash = await encodeScenario(seed);
  assert.match(hash, /^#s=/);
  assert.deepEqual(await decodeLink(hash), { scenario: seed });
  assert.deepEqual(await decodeLink("#j=" + b64(JSON.stringify(seed))), { scenario: seed });
});

test("a fragment that is not a scenario link is no link", async () => {
  for (const h of ["", "#", "#results", "#x=abc"]) assert.equal(await decodeLink(h), null, h);
});

test("damaged links say so", async () => {
  assert.deepEqual(await decodeLink("#j=!!!!"), { problem: { kind: "format" } });
  assert.deepEqual(await decodeLink("#s="), { problem: { kind: "format" } });
  const whole = await encodeScenario(seed);
  const half = whole.slice(0, Math.floor(whole.length / 2));
  assert.deepEqual(await decodeLink(half), { problem: { kind: "damaged" } });
  const plain = "#j=" + b64(JSON.stringify(seed));
  assert.deepEqual(await decodeLink(plain.slice(0, plain.length / 2)), { problem: { kind: "damaged" } });
  assert.deepEqual(await decodeLink("#j=" + b64("not json")), { problem: { kind: "damaged" } });
});

test("wrong shapes name the path", async () => {
  const cases = [
    [{ resources: "abc" }, { path: "resources", want: "list" }],
    [{ resources: [null] }, { path: "resources[0]", want: "object" }],
    [[1, 2], { path: "", want: "object" }],
    [{ resources: [{ item: {} }] }, { path: "resources[0].item", want: "text" }],
    [{ alerts: [] }, { path: "alerts", want: "object" }],
    [{ catalog: { id: "x" } }, { path: "catalog", want: "catalog" }],
    [{ resources: [{ usage: { pattern: "sometimes" } }] }, { path: "resources[0].usage.pattern", want: "choice", choices: ["always", "hours", "intervals"] }],
    [{ passports: [{ term: 48 }] }, { path: "passports[0].term", want: "choice", choices: ["12", "24", "36"] }],
    [{ credits: [{ kind: "voucher" }] }, { path: "credits[0].kind", want: "choice", choices: ["coupon", "prepaid"] }],
  ];
  for (const [s, want] of cases) {
    assert.deepEqual(await decodeLink("#j=" + b64(JSON.stringify(s))), { problem: { kind: "shape", ...want } }, JSON.stringify(s));
  }
});

test("an unknown catalog id is named", async () => {
  const hash = await encodeScenario({ ...seed, catalog: "list-2099" });
  const known = (id) => id === "seed-2018" || id === "list-2026";
  assert.deepEqual(await decodeLink(hash, { knownCatalog: known }), { problem: { kind: "catalog", catalog: "list-2099" } });
  assert.deepEqual(await decodeLink(await encodeScenario(seed), { knownCatalog: known }), { scenario: seed });
});

test("inflating stops at the limit", async () => {
  // 64 MB of spaces compress to about 64 KB; the decoder must stop after 1 MB.
  const big = "[" + " ".repeat(64 << 20) + "]";
  const hash = await deflated(big);
  assert.ok(hash.length < 200_000, `the bomb is ${hash.length} characters`);
  const before = process.memoryUsage().arrayBuffers;
  assert.deepEqual(await decodeLink(hash), { problem: { kind: "too-large" } });
  const grew = process.memoryUsage().arrayBuffers - before;
  assert.ok(grew < 16 << 20, `decoding held ${grew} bytes`);
  // Just under the limit is fine; just over is not.
  const pad = (n) => JSON.stringify({ ...seed, start: "2018-12", pad: undefined }).replace(/}$/, `,"x":"${" ".repeat(n)}"}`);
  const under = pad(MAX_SCENARIO_BYTES - 200);
  assert.ok(Buffer.byteLength(under) <= MAX_SCENARIO_BYTES);
  assert.notEqual((await decodeLink(await deflated(under))).problem?.kind, "too-large");
  const over = pad(MAX_SCENARIO_BYTES);
  assert.deepEqual(await decodeLink(await deflated(over)), { problem: { kind: "too-large" } });
  assert.deepEqual(await decodeLink("#j=" + "A".repeat(1_500_000)), { problem: { kind: "too-large" } });
});
