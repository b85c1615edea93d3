// The billing engine's own thread. The page sends where wasm_exec.js is
// ({prepare}, loaded while the wasm downloads), the wasm's download as a
// stream to compile here ({start: {body}}, or the module the page compiled
// where streams cannot be transferred: {start: {module}}), then documents ({id, text}); each answer goes back as the
// engine's JSON text ({id, text}), so a long estimate or a large price list
// never blocks the page. A classic worker, because wasm_exec.js is a classic script.
let engine = null;

function failure(message) {
  return { errors: [{ path: "", message }] };
}

let loadFailure = null;

// The download, as the page hands it over, compiled as it arrives; each
// chunk's count goes back to the page's progress bar.
function compileStreamed(body) {
  let received = 0;
  const counted = body.pipeThrough(new TransformStream({
    transform(chunk, out) {
      received += chunk.byteLength;
      self.postMessage({ progress: received });
      out.enqueue(chunk);
    },
  }));
  return WebAssembly.compileStreaming(new Response(counted, { headers: { "content-type": "application/wasm" } }));
}

async function start({ module, body }) {
  if (loadFailure) throw loadFailure;
  module ??= await compileStreamed(body);
  const go = new self.Go();
  const instance = await WebAssembly.instantiate(module, go.importObject);
  // run() settles only when the Go program exits, which the adapter never does.
  go.run(instance).catch(() => {});
  for (let i = 0; i < 500 && !self.sakura?.ready; i++) await new Promise((r) => setTimeout(r, 10));
  if (!self.sakura?.ready) throw new Error("the engine did not start");
  engine = self.sakura;
  return engine.version ?? "";
}

self.onmessage = async ({ data }) => {
  if (data.prepare) {
    try {
      importScripts(data.prepare.exec);
    } catch (e) {
      loadFailure = e;
    }
    return;
  }
  if (data.start) {
    try {
      self.postMessage({ started: true, version: await start(data.start) });
    } catch (e) {
      self.postMessage({ started: false, message: String(e?.message ?? e) });
    }
    return;
  }
  // The answer goes back as the engine wrote it: a string crosses to the page
  // as one copy, where a parsed object would be walked twice (cloned here,
  // rebuilt there) and parsed here first. The page parses it once.
  let text;
  try {
    text = engine.estimate(data.text);
  } catch (e) {
    text = JSON.stringify(failure(`engine failure: ${e?.message ?? e}`));
  }
  self.postMessage({ id: data.id, text });
};
