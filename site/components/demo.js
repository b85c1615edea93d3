// Shows every result component with the hand-written sample estimate.
import "./index.js";
import { lang, setLang } from "../lib/i18n.js";
import { sampleEstimate } from "./demo-estimate.js";

const elements = document.querySelectorAll("sakura-comparison, sakura-bills, sakura-passports, sakura-credits, sakura-years");

function show() {
  for (const el of elements) el.estimate = sampleEstimate;
}

// The comparison charts come from the engine's fee curve. When the engine has
// been built (make wasm), load it and render again; otherwise the cards show
// without charts.
async function loadEngine() {
  const script = Object.assign(document.createElement("script"), { src: "../gen/wasm_exec.js" });
  await new Promise((resolve, reject) => {
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  });
  const go = new globalThis.Go();
  const { instance } = await WebAssembly.instantiateStreaming(fetch("../gen/main.wasm"), go.importObject);
  go.run(instance);
  for (let i = 0; i < 100 && !globalThis.sakura?.ready; i++) await new Promise((r) => setTimeout(r, 20));
}

document.querySelector("#lang").addEventListener("click", () => setLang(lang() === "en" ? "ja" : "en"));
document.querySelector("#csv").addEventListener("click", () => {
  document.querySelector("#csv-out").textContent = document.querySelector("sakura-bills").toCSV();
});
show();
loadEngine()
  .then(show)
  .catch(() => console.info("demo: engine not built, comparison charts left out"));
