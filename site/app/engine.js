// Loads the Go engine (gen/wasm_exec.js + gen/main.wasm) with visible progress,
// and calls it. Every call is synchronous once loaded.

/** True when this browser can run the engine at all. */
export function wasmAvailable() {
  return typeof WebAssembly === "object" && typeof WebAssembly.instantiate === "function";
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

// Reads the body stream ourselves so the page can show how far the download is;
// instantiateStreaming would hide that.
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

/** Loads and starts the engine; resolves when globalThis.sakura is ready. */
export async function loadEngine(onProgress = () => {}) {
  if (!globalThis.Go) await loadScript("gen/wasm_exec.js");
  const bytes = await fetchWithProgress("gen/main.wasm", onProgress);
  const go = new globalThis.Go();
  const { instance } = await WebAssembly.instantiate(bytes, go.importObject);
  // run() settles only when the Go program exits, which the adapter never does.
  go.run(instance).catch(() => {});
  for (let i = 0; i < 200 && !globalThis.sakura?.ready; i++) await new Promise((r) => setTimeout(r, 10));
  if (!globalThis.sakura?.ready) throw new Error("the engine did not start");
  return globalThis.sakura;
}

/**
 * Sends one JSON document to the engine and parses the answer. A panic inside
 * the engine becomes an error list, so the page never throws on user input.
 */
export function callEngine(doc) {
  try {
    return JSON.parse(globalThis.sakura.estimate(JSON.stringify(doc)));
  } catch (e) {
    return { errors: [{ path: "", message: `engine failure: ${e?.message ?? e}` }] };
  }
}

/** The engine's version string, when it reports one. */
export function engineVersion() {
  return globalThis.sakura?.version ?? "";
}
