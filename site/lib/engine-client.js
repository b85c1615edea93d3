// The one way a page reaches the billing engine. startEngine() downloads the
// engine once (with progress), compiles it once, and runs it in a Web Worker:
// every call is asynchronous and the page stays responsive whatever it asks.
// The worker, the wasm and wasm_exec.js resolve against this module's own URL,
// so a page elsewhere can import the module and get the files beside it.
//
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

// The wasm streams into the compiler as it downloads (compileStreaming),
// and a counting stream in between reports the progress. The count is of
// decoded bytes; under Content-Encoding the Content-Length is the encoded
// size, so it is no total for them: the server may send the decoded size as
// X-Decoded-Length, else the bar shows the bytes received and no percentage.
function downloadTotal(res) {
  const encoded = (res.headers.get("content-encoding") ?? "identity") !== "identity";
  return Number(res.headers.get(encoded ? "x-decoded-length" : "content-length")) || 0;
}

/** body → the same bytes, onProgress(received so far) called as each chunk passes. */
function countedStream(body, onProgress) {
  let received = 0;
  return body.pipeThrough(new TransformStream({
    transform(chunk, out) {
      received += chunk.byteLength;
      onProgress(received);
      out.enqueue(chunk);
    },
  }));
}

// The fallback where the download cannot be handed to the worker: compiled
// here and the module posted (the end of a compile on this thread took
// 56–82 ms at start-up).
async function compileHere(res, total, onProgress) {
  if (!res.body || typeof WebAssembly.compileStreaming !== "function") {
    const bytes = await res.arrayBuffer();
    onProgress(bytes.byteLength, total);
    return WebAssembly.compile(bytes);
  }
  const counted = countedStream(res.body, (received) => onProgress(received, total));
  return WebAssembly.compileStreaming(new Response(counted, { headers: { "content-type": "application/wasm" } }));
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

// The worker starts first and loads wasm_exec.js while the wasm downloads.
// It is given the download itself (a transferred stream) and compiles it as
// it arrives, off the page's thread, telling the progress as it goes; where
// a stream cannot be transferred, the page compiles and posts the module.
function startWorker(worker, res, onProgress) {
  return new Promise((resolve, reject) => {
    const total = downloadTotal(res);
    worker.onerror = (e) => reject(new Error(`the engine's worker failed: ${e.message ?? "could not start"}`));
    worker.onmessage = ({ data }) => {
      if (data.progress !== undefined) onProgress(data.progress, total);
      else if (data.started) resolve({ worker, version: data.version });
      else reject(new Error(data.message));
    };
    if (res.body && typeof WebAssembly.compileStreaming === "function") {
      try {
        worker.postMessage({ start: { body: res.body } }, [res.body]);
        return;
      } catch {
        // No transferable streams in this browser: res.body is still ours.
      }
    }
    compileHere(res, total, onProgress).then((module) => worker.postMessage({ start: { module } }), reject);
  });
}

/**
 * Loads and starts the engine. onProgress(received, total) follows the
 * download (total 0 when unknown). The page's <link rel="preload"> has the
 * wasm on its way before any module ran; this fetch takes it over. Resolves
 * to the client:
 *
 *   version               the engine build's version string
 *   call(doc)             → Promise of the answer object; doc is an object or
 *                           JSON text; never rejects (failures are error lists)
 *   latest(lane, doc)     → like call, but a newer latest() on the same lane
 *                           supersedes this one: it resolves null instead, and
 *                           a document still waiting is never run
 *   terminate()           stops the worker
 *
 * The engine runs only in the worker: nothing the page asks can block it.
 */
export async function startEngine({ onProgress = () => {} } = {}) {
  const early = new Worker(workerURL(), { name: "sakura-engine" });
  early.postMessage({ prepare: { exec: engineFiles.exec } });
  try {
    const res = await fetch(engineFiles.wasm, { credentials: "same-origin" });
    if (!res.ok) throw new Error(`${engineFiles.wasm}: HTTP ${res.status}`);
    const { worker, version } = await startWorker(early, res, onProgress);
    return engineClient(worker, version);
  } catch (e) {
    early.terminate();
    throw e;
  }
}

/**
 * globalThis.sakura for scripts, tests and the console: {ready, version,
 * estimate(json) → Promise of the answer's JSON text, call(doc) → Promise of
 * the parsed answer}, both through the worker.
 */
export function exposeEngine(engine) {
  globalThis.sakura = {
    ready: true,
    version: engine.version,
    call: engine.call,
    estimate: async (...args) => {
      if (args.length !== 1 || typeof args[0] !== "string") {
        const problem = args.length !== 1 ? `estimate expects one JSON string, got ${args.length} arguments` : `estimate expects one JSON string, got an argument of type ${typeof args[0]}`;
        return JSON.stringify({ errors: [{ path: "", code: args.length !== 1 ? "badArguments" : "badArgumentType", message: problem }] });
      }
      return JSON.stringify(await engine.call(args[0]));
    },
  };
}

/**
 * The client over a started worker (anything with postMessage, onmessage and
 * onerror, answering {id, text} with {id, text} of the answer's JSON, or
 * {id, answer} already parsed); exported for tests.
 */
export function engineClient(worker, version) {
  const waiting = new Map(); // id → resolve
  let serial = 0;
  worker.onmessage = ({ data }) => {
    const resolve = waiting.get(data.id);
    waiting.delete(data.id);
    if (!resolve) return;
    if (typeof data.text !== "string") return resolve(data.answer);
    try {
      resolve(JSON.parse(data.text));
    } catch (e) {
      resolve({ errors: [{ path: "", message: `engine failure: the answer is not JSON (${e?.message ?? e})` }] });
    }
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

/**
 * A client that can be handed out before the engine has started: call and
 * latest wait for started (a Promise of a client) and forward to it, in the
 * order they were made, so the page can build its form and show figures it
 * already has while the wasm still downloads. ready is true once started.
 */
export function engineWhenStarted(started) {
  const client = {
    ready: false,
    version: "",
    call: (doc) => started.then((e) => e.call(doc)),
    latest: (lane, doc) => started.then((e) => e.latest(lane, doc)),
    terminate: () => started.then((e) => e.terminate()),
  };
  started.then((e) => Object.assign(client, { ready: true, version: e.version }), () => {});
  return client;
}
