// The one way a page reaches the billing engine. startEngine() downloads the
// engine once (with progress), compiles it once, and runs it in a Web Worker:
// every call is asynchronous and the page stays responsive whatever it asks.
// The worker, the wasm and wasm_exec.js resolve against this module's own URL,
// so a page elsewhere can import the module and get the files beside it.
//
// The same compiled module also starts on the main thread as
// globalThis.sakura = {estimate(json) → json, version, ready}, the synchronous
// function the result components ask for small things (fee curves) and that
// scripts and tests may call; pass {mainThread: false} to skip it.
const here = import.meta.url;

/** Where the engine's files are, from this module's URL. */
export const engineFiles = {
  wasm: new URL("../gen/main.wasm", here).href,
  exec: new URL("../gen/wasm_exec.js", here).href,
  worker: new URL("./engine-worker.js", here).href,
};

/** True when this browser can run the engine at all. */
export function wasmAvailable() {
  return typeof WebAssembly === "object" && typeof WebAssembly.compile === "function" && typeof Worker === "function";
}

// Reads the body stream itself so the page can show how far the download is.
async function fetchWithProgress(url, onProgress) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const total = Number(res.headers.get("content-length")) || 0;
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress(received, total);
  }
  const bytes = new Uint8Array(received);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const s = document.createElement("script");
    s.src = src;
    s.onload = resolve;
    s.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(s);
  });
}

async function startHere(module) {
  if (globalThis.sakura?.ready) return;
  if (!globalThis.Go) await loadScript(engineFiles.exec);
  const go = new globalThis.Go();
  const instance = await WebAssembly.instantiate(module, go.importObject);
  go.run(instance).catch(() => {});
  for (let i = 0; i < 500 && !globalThis.sakura?.ready; i++) await new Promise((r) => setTimeout(r, 10));
  if (!globalThis.sakura?.ready) throw new Error("the engine did not start");
}

// A worker's script must be same-origin with the page. When this module was
// loaded from another origin (the embedded calculator on a documentation
// site), a one-line same-origin blob worker imports the real one, which
// classic workers may do across origins; the host's CSP needs worker-src blob:.
function workerURL() {
  if (new URL(engineFiles.worker).origin === globalThis.location?.origin) return engineFiles.worker;
  const source = `importScripts(${JSON.stringify(engineFiles.worker)});`;
  return URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
}

function startWorker(module) {
  const worker = new Worker(workerURL(), { name: "sakura-engine" });
  return new Promise((resolve, reject) => {
    worker.onerror = (e) => reject(new Error(`the engine's worker failed: ${e.message ?? "could not start"}`));
    worker.onmessage = ({ data }) => {
      if (data.started) resolve({ worker, version: data.version });
      else reject(new Error(data.message));
    };
    worker.postMessage({ start: { module, exec: engineFiles.exec } });
  });
}

/**
 * Loads and starts the engine. onProgress(received, total) follows the
 * download (total 0 when unknown). Resolves to the client:
 *
 *   version               the engine build's version string
 *   call(doc)             → Promise of the answer object; doc is an object or
 *                           JSON text; never rejects (failures are error lists)
 *   latest(lane, doc)     → like call, but a newer latest() on the same lane
 *                           supersedes this one: it resolves null instead, and
 *                           a document still waiting is never run
 *   terminate()           stops the worker
 */
export async function startEngine({ onProgress = () => {}, mainThread = true } = {}) {
  const bytes = await fetchWithProgress(engineFiles.wasm, onProgress);
  const module = await WebAssembly.compile(bytes);
  const [{ worker, version }] = await Promise.all([startWorker(module), mainThread ? startHere(module) : null]);
  return engineClient(worker, version);
}

/**
 * The client over a started worker (anything with postMessage, onmessage and
 * onerror, answering {id, text} with {id, answer}); exported for tests.
 */
export function engineClient(worker, version) {
  const waiting = new Map(); // id → resolve
  let serial = 0;
  worker.onmessage = ({ data }) => {
    const resolve = waiting.get(data.id);
    waiting.delete(data.id);
    resolve?.(data.answer);
  };
  worker.onerror = () => {
    for (const resolve of waiting.values()) resolve({ errors: [{ path: "", message: "engine failure: the engine's worker stopped" }] });
    waiting.clear();
  };

  function call(doc) {
    let text;
    try {
      text = typeof doc === "string" ? doc : JSON.stringify(doc);
    } catch (e) {
      return Promise.resolve({ errors: [{ path: "", message: `engine failure: ${e?.message ?? e}` }] });
    }
    const id = ++serial;
    return new Promise((resolve) => {
      waiting.set(id, resolve);
      worker.postMessage({ id, text });
    });
  }

  // One document runs per lane at a time; of those that arrive meanwhile only
  // the newest waits, so typing fast costs one run, not one per keystroke.
  const lanes = new Map(); // lane → {running, next: {doc, resolve}}
  function latest(lane, doc) {
    const l = lanes.get(lane) ?? lanes.set(lane, { running: false, next: null }).get(lane);
    return new Promise((resolve) => {
      l.next?.resolve(null);
      l.next = { doc, resolve };
      l.newest = resolve;
      if (!l.running) run(l);
    });
  }
  async function run(l) {
    l.running = true;
    while (l.next) {
      const { doc, resolve } = l.next;
      l.next = null;
      const answer = await call(doc);
      resolve(l.newest === resolve ? answer : null);
    }
    l.running = false;
  }

  return { version, call, latest, terminate: () => worker.terminate() };
}
