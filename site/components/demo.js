// Shows every result component with the hand-written sample estimate.
import "./index.js";
import { lang, setLang } from "../lib/i18n.js";
import { sampleEstimate } from "./demo-estimate.js";
import { startEngine } from "../lib/engine-client.js";
import { useEngine } from "./fee-curve.js";

const elements = document.querySelectorAll("sakura-comparison, sakura-bills, sakura-passports, sakura-credits, sakura-years");

function show() {
  for (const el of elements) el.estimate = sampleEstimate;
}

// The comparison charts come from the engine's fee curve. When the engine has
// been built (make wasm), start it and render again; otherwise the cards show
// without charts.
document.querySelector("#lang").addEventListener("click", () => setLang(lang() === "en" ? "ja" : "en"));
document.querySelector("#csv").addEventListener("click", () => {
  document.querySelector("#csv-out").textContent = document.querySelector("sakura-bills").toCSV();
});
show();
startEngine()
  .then((engine) => {
    useEngine(engine);
    for (const el of elements) el.update();
  })
  .catch(() => console.info("demo: engine not built, comparison charts left out"));
