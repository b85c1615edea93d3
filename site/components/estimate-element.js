// The base of the result components: an `estimate` property whose setting
// re-renders when what the component shows changed, re-rendering on language
// change, and the shared stylesheet.
//
// The estimate is the engine's estimate document or its estimateSummary
// (months with a lineCount instead of lines). With a summary, `monthSource`
// (month, resource?) → Promise of that month's bill with its lines is how a
// component gets a month's lines when the user opens them.
import { onLangChange } from "../lib/i18n.js";

const STYLESHEET = new URL("./components.css", import.meta.url).href;

// A component embedded alone in a documentation page still needs its styles,
// so the first one connected links components.css unless the page already does.
function ensureStylesheet() {
  const linked = [...document.querySelectorAll('link[rel="stylesheet"]')].some((l) => l.href === STYLESHEET);
  if (!linked) document.head.append(Object.assign(document.createElement("link"), { rel: "stylesheet", href: STYLESHEET }));
}

export class EstimateElement extends HTMLElement {
  #estimate = null;
  #shownKey = null;
  #stopListening = null;
  monthSource = null;
  // Which results use custom (negotiated) prices: {resources, passports,
  // months, items ("item@zone")} of ids, or null; set before estimate.
  customPrices = null;

  constructor() {
    super();
    // A page may set .estimate before this element was defined; that value
    // then sits on the instance and would hide the accessor, so take it over.
    if (Object.hasOwn(this, "estimate")) {
      const early = this.estimate;
      delete this.estimate;
      this.#estimate = early ?? null;
    }
  }

  get estimate() {
    return this.#estimate;
  }

  set estimate(value) {
    this.#estimate = value ?? null;
    // Typing changes one figure; the components that do not show it keep their DOM.
    const key = this.#estimate ? this.#key() : null;
    if (key !== null && key === this.#shownKey && this.isConnected) return;
    this.update();
  }

  #key() {
    return this.shownKey(this.#estimate) + JSON.stringify(this.customPrices);
  }

  /** Whether a result (kind: resources, passports, months, items) uses a custom price. */
  isCustom(kind, id) {
    return Boolean(this.customPrices?.[kind]?.includes(id));
  }

  /** Text that changes whenever what render() shows changes; subclasses narrow it. */
  shownKey(estimate) {
    return JSON.stringify(estimate);
  }

  connectedCallback() {
    ensureStylesheet();
    this.#stopListening = onLangChange(() => this.update());
    this.update();
  }

  disconnectedCallback() {
    this.#stopListening?.();
    this.#stopListening = null;
  }

  attributeChangedCallback() {
    this.update();
  }

  /** Renders the current estimate, keeping open whichever <details data-key> were open. */
  update() {
    const open = new Set([...this.querySelectorAll("details[open][data-key]")].map((d) => d.dataset.key));
    const next = this.#estimate ? this.render(this.#estimate) : [];
    const now = [...this.childNodes];
    if (next.length === now.length && next.every((n, i) => n === now[i] || !n.isConnected)) {
      // Nodes a render kept (unchanged cards) stay where they are: moving
      // them would lay the whole element out again.
      next.forEach((n, i) => n !== now[i] && now[i].replaceWith(n));
    } else {
      this.replaceChildren(...next);
    }
    this.#shownKey = this.#estimate && this.isConnected ? this.#key() : null;
    for (const d of this.querySelectorAll("details[data-key]")) if (open.has(d.dataset.key)) d.open = true;
  }

  /** Subclasses return the nodes showing estimate. */
  render(_estimate) {
    return [];
  }
}
