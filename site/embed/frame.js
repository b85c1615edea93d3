// The iframe calculator: one <sakura-calculator> whose attributes are the
// page's query parameters (?view=passports&catalog=seed-2018…). It tells the
// page that framed it how tall it is, for embed/frame-resize.js.
import "./sakura-calculator.js";

const el = document.createElement("sakura-calculator");
const params = new URLSearchParams(location.search);
for (const name of el.constructor.observedAttributes) {
  if (params.has(name)) el.setAttribute(name, params.get(name));
}
if (params.has("lang")) document.documentElement.lang = params.get("lang");
document.body.append(el);

if (window.parent !== window) {
  let last = 0;
  new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    // The height is all it says, so any origin may hear it.
    window.parent.postMessage({ sakuraCalculatorHeight: height }, "*");
  }).observe(document.body);
}
