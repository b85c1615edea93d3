// startEngine hands the wasm's download to the worker, which compiles it off
// the page's thread: node --test site/test/. Fetch, Worker and the compiler
// are stand-ins; the bytes and the totals are made up here.
import { test } from "node:test";
import assert from "node:assert/strict";
import { startEngine } from "../lib/engine-client.js";

const wasmBytes = new Uint8Array(3000).fill(7);

// A download of wasmBytes in three chunks of 1,000, as sent with brotli:
// Content-Length is the encoded size, X-Decoded-Length the real total.
function download() {
  let sent = 0;
  const body = new ReadableStream({
    pull(c) {
      if (sent >= wasmBytes.length) return c.close();
      c.enqueue(wasmBytes.slice(sent, sent + 1000));
      sent += 1000;
    },
  });
  return new Response(body, { headers: { "content-encoding": "br", "content-length": "900", "x-decoded-length": "3000" } });
}

// A worker that records what it is sent; transferable(false) makes it
// refuse a stream in the transfer list, as a browser without transferable streams does.
function stubWorker({ transferable }) {
  const made = [];
  globalThis.Worker = class {
    constructor() {
      this.sent = [];
      made.push(this);
    }
    postMessage(msg, transfer = []) {
      if (!transferable && transfer.some((x) => x instanceof ReadableStream)) throw new DOMException("cannot transfer", "DataCloneError");
      this.sent.push(msg);
      if (msg.start) queueMicrotask(() => this.started(msg.start));
    }
    async started(start) {
      if (start.body) {
        // The worker's side: read the stream, telling the progress.
        let received = 0;
        for await (const chunk of start.body) {
          received += chunk.byteLength;
          this.onmessage({ data: { progress: received } });
        }
      }
      this.onmessage({ data: { started: true, version: "test" } });
    }
    terminate() {}
  };
  return made;
}

test("the download goes to the worker as a stream; its progress reaches the page against the decoded total", async () => {
  const made = stubWorker({ transferable: true });
  globalThis.fetch = async () => download();
  let compiledHere = 0;
  WebAssembly.compileStreaming = async () => (compiledHere++, {});
  const progress = [];
  const engine = await startEngine({ onProgress: (received, total) => progress.push([received, total]) });
  assert.equal(engine.version, "test");
  assert.equal(compiledHere, 0, "nothing compiled on the page");
  const start = made[0].sent.find((m) => m.start).start;
  assert.ok(start.body instanceof ReadableStream);
  assert.equal(start.module, undefined);
  assert.deepEqual(progress, [[1000, 3000], [2000, 3000], [3000, 3000]]);
});

test("where a stream cannot be transferred, the page compiles it and posts the module", async () => {
  const made = stubWorker({ transferable: false });
  globalThis.fetch = async () => download();
  const module = { compiled: true };
  let bytes = 0;
  WebAssembly.compileStreaming = async (res) => {
    bytes = (await res.arrayBuffer()).byteLength;
    return module;
  };
  const progress = [];
  await startEngine({ onProgress: (received, total) => progress.push([received, total]) });
  assert.equal(bytes, 3000);
  assert.equal(made[0].sent.find((m) => m.start).start.module, module);
  assert.deepEqual(progress.at(-1), [3000, 3000]);
});

test("an HTTP error is reported and the worker stopped", async () => {
  let stopped = 0;
  stubWorker({ transferable: true });
  globalThis.Worker.prototype.terminate = () => stopped++;
  globalThis.fetch = async () => new Response("", { status: 404 });
  await assert.rejects(startEngine(), /HTTP 404/);
  assert.equal(stopped, 1);
});
