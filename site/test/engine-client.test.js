// The engine client's queueing, over a fake worker: node --test site/test/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { engineClient } from "../lib/engine-client.js";

// A worker that answers only when told to, in the order asked.
function fakeWorker() {
  const asked = [];
  const w = {
    asked,
    postMessage(msg) {
      asked.push(msg);
    },
    answer(answer) {
      const msg = asked.shift();
      w.onmessage({ data: { id: msg.id, answer: answer ?? { echo: JSON.parse(msg.text) } } });
    },
  };
  return w;
}

const tick = () => new Promise((r) => setTimeout(r, 0));

test("call sends JSON text and resolves with the answer", async () => {
  const w = fakeWorker();
  const engine = engineClient(w, "v1");
  assert.equal(engine.version, "v1");
  const got = engine.call({ request: "catalogs" });
  assert.equal(w.asked[0].text, '{"request":"catalogs"}');
  w.answer();
  assert.deepEqual(await got, { echo: { request: "catalogs" } });
});

test("a newer latest() supersedes older ones: one runs, the middle never does", async () => {
  const w = fakeWorker();
  const engine = engineClient(w, "");
  const first = engine.latest("estimate", { n: 1 });
  const second = engine.latest("estimate", { n: 2 });
  const third = engine.latest("estimate", { n: 3 });
  assert.equal(w.asked.length, 1, "only the first is sent while it runs");
  w.answer();
  assert.equal(await first, null, "the first was superseded while running");
  assert.equal(await second, null, "the second never ran");
  await tick();
  assert.equal(w.asked.length, 1);
  assert.deepEqual(JSON.parse(w.asked[0].text), { n: 3 });
  w.answer();
  assert.deepEqual(await third, { echo: { n: 3 } });
});

test("lanes are independent, and a lone latest() gets its answer", async () => {
  const w = fakeWorker();
  const engine = engineClient(w, "");
  const a = engine.latest("a", { lane: "a" });
  const b = engine.latest("b", { lane: "b" });
  assert.equal(w.asked.length, 2);
  w.answer();
  w.answer();
  assert.deepEqual(await a, { echo: { lane: "a" } });
  assert.deepEqual(await b, { echo: { lane: "b" } });
});

test("a stopped worker answers every waiting call with an error list", async () => {
  const w = fakeWorker();
  const engine = engineClient(w, "");
  const got = engine.call({});
  w.onerror(new Event("error"));
  const answer = await got;
  assert.match(answer.errors[0].message, /worker stopped/);
  assert.equal(answer.errors[0].path, "");
});

test("a document JSON cannot write is an error list, not a throw", async () => {
  const engine = engineClient(fakeWorker(), "");
  const cyclic = {};
  cyclic.self = cyclic;
  const answer = await engine.call(cyclic);
  assert.match(answer.errors[0].message, /engine failure/);
});

test("an answer sent as JSON text is parsed once, on the page's side", async () => {
  const w = fakeWorker();
  const engine = engineClient(w, "v1");
  const got = engine.call({ request: "catalogs" });
  const msg = w.asked.shift();
  w.onmessage({ data: { id: msg.id, text: '{"default":"list-2026","catalogs":[]}' } });
  assert.deepEqual(await got, { default: "list-2026", catalogs: [] });
  const bad = engine.call("{}");
  w.onmessage({ data: { id: w.asked.shift().id, text: "{cut" } });
  assert.match((await bad).errors[0].message, /^engine failure: the answer is not JSON/);
});
