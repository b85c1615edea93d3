// <sakura-calculator>: a live SAKURA Cloud price calculator for any page.
//
//   <script type="module" src="https://ESTIMATOR/embed/sakura-calculator.js"></script>
//   <sakura-calculator view="passports" catalog="seed-2018"></sakura-calculator>
//
// This file keeps its name in every build (documentation sites link to it);
// everything it loads resolves against its own URL, so it works from any
// origin. All calculators on a page share one engine, started in a worker
// when the first of them scrolls into view. Shadow DOM keeps the host's
// styles out and its own in. Attributes: see site/embed/README.md.
import { startEngine, wasmAvailable } from "../lib/engine-client.js";
import { readSettings, pickLang, scenario } from "./calculator-settings.js";
import { say, yen } from "./calculator-strings.js";
import { styleSheet } from "./calculator-style.js";

const ESTIMATOR = new URL("../index.html", import.meta.url).href;

let engine = null; // Promise of {client, catalogs}
function sharedEngine() {
  engine ??= startEngine({ mainThread: false }).then(async (client) => ({ client, catalogs: await client.call({ request: "catalogs" }) }));
  return engine;
}

const watched = new Map(); // element → start()
let observer = null;
function whenVisible(el, start) {
  if (typeof IntersectionObserver !== "function") return start();
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        const go = watched.get(e.target);
        watched.delete(e.target);
        observer.unobserve(e.target);
        go?.();
      }
    },
    { rootMargin: "200px" },
  );
  watched.set(el, start);
  observer.observe(el);
}

let serial = 0;
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null && v !== false) el.setAttribute(k, v === true ? "" : v);
  el.append(...children.flat().filter((c) => c != null));
  return el;
}

export class SakuraCalculator extends HTMLElement {
  static observedAttributes = ["catalog", "zone", "item", "count", "hours", "start", "months", "term", "lang", "view"];

  constructor() {
    super();
    this.lane = `calculator-${++serial}`;
    this.root = this.attachShadow({ mode: "open" });
    this.root.adoptedStyleSheets = [styleSheet()];
    this.box = h("div", { class: "calc", part: "calculator", "data-testid": "calculator" });
    this.root.append(this.box);
    this.started = false;
  }

  connectedCallback() {
    this.configure();
    if (this.started || this.problem || watched.has(this)) return;
    whenVisible(this, () => this.start());
  }

  disconnectedCallback() {
    watched.delete(this);
    observer?.unobserve(this);
  }

  attributeChangedCallback() {
    if (!this.isConnected) return;
    this.configure();
    this.form = null; // rebuilt from the new attributes: they replace what was typed
    if (this.started && !this.problem) this.compute();
  }

  get language() {
    const inherited = this.parentElement?.closest("[lang]")?.getAttribute("lang") || document.documentElement.lang;
    const attr = this.getAttribute("lang");
    return pickLang(attr === "ja" || attr === "en" ? attr : null, inherited, navigator.language);
  }

  t(key, ...args) {
    return say(this.language, key, ...args);
  }

  // Attributes → settings, or a message in the element's language.
  configure() {
    const read = readSettings((n) => this.getAttribute(n), { lang: this.language });
    this.problem = read.problem ?? null;
    this.settings = read.settings ?? null;
    if (this.problem) {
      const { attr, value, need } = this.problem;
      this.showMessage(this.t("badAttr", attr, value ?? "", this.t(need)), true);
    } else if (!this.started) {
      this.showMessage(this.t("waiting"));
    }
  }

  showMessage(text, error = false) {
    this.box.replaceChildren(h("p", { class: error ? "message error" : "message", "data-testid": error ? "calculator-error" : "calculator-status", role: error ? "alert" : "status" }, text));
    this.form = null;
  }

  async start() {
    if (this.started) return;
    this.started = true;
    if (!wasmAvailable()) return this.showMessage(this.t("noWasm"), true);
    this.showMessage(this.t("loading"));
    try {
      this.engine = await sharedEngine();
    } catch (e) {
      return this.showMessage(this.t("failed", e?.message ?? e), true);
    }
    if (!this.problem) this.compute();
  }

  // The shipped catalog, zone and item, checked with the engine's own list.
  checkCatalog() {
    const { catalogs } = this.engine;
    const s = this.settings;
    const ids = (catalogs.catalogs ?? []).map((c) => c.id);
    const id = s.catalog || catalogs.default;
    const catalog = (catalogs.catalogs ?? []).find((c) => c.id === id);
    if (!catalog) return { attr: "catalog", value: s.catalog, text: this.t("needCatalog", ids.join(", ")) };
    const item = catalog.items.find((i) => i.id === s.item && i.zone === s.zone);
    if (!item) {
      const zoneKnown = catalog.items.some((i) => i.zone === s.zone);
      return { attr: zoneKnown ? "item" : "zone", value: zoneKnown ? s.item : s.zone, text: this.t("needItem", s.zone, id) };
    }
    if ((s.view === "passports" || s.term) && item.kind !== "server") return { attr: s.view === "passports" ? "item" : "term", value: s.view === "passports" ? s.item : s.term, text: this.t("notServer") };
    return { catalog, item };
  }

  async compute() {
    if (!this.engine || !this.settings) return;
    const checked = this.checkCatalog();
    if (checked.text) return this.showMessage(this.t("badAttr", checked.attr, checked.value, checked.text), true);
    this.catalog = checked.catalog;
    if (!this.form) this.build();
    // What the reader typed is checked by the attributes' own rules, in the
    // calculator's language, before the engine sees it.
    const edited = this.edits();
    const read = readSettings((n) => (n in edited ? String(edited[n]) : this.getAttribute(n)), { lang: this.language });
    if (read.problem) {
      const label = { hours: "hours", count: "count", term: "term" }[read.problem.attr] ?? read.problem.attr;
      this.out.replaceChildren(h("p", { class: "message error", role: "alert", "data-testid": "calculator-error" }, `${this.t(label)}: ${this.t(read.problem.need)}`));
      return;
    }
    const s = read.settings;
    let result;
    if (s.view === "passports") {
      const answers = await Promise.all(["12", "24", "36"].map((term) => this.engine.client.latest(`${this.lane}-${term}`, scenario(s, { months: Number(term), term }))));
      if (answers.some((a) => a === null)) return;
      result = this.passportsTable(answers);
    } else if (s.view === "comparison") {
      const answer = await this.engine.client.latest(this.lane, scenario(s, { months: 1, term: "" }));
      if (answer === null) return;
      result = answer.errors ? null : await this.comparison(answer);
      if (result === null && !answer.errors) return;
      result ??= this.errors(answer);
    } else {
      const answer = await this.engine.client.latest(this.lane, scenario(s));
      if (answer === null) return;
      result = answer.errors ? this.errors(answer) : this.yearsTable(answer);
    }
    this.out.replaceChildren(result);
    this.link.href = `${ESTIMATOR}#j=${base64url(JSON.stringify(scenario(s)))}`;
  }

  // The values the reader typed in place, over the attributes'.
  edits() {
    const f = this.form;
    const hours = f.hours.value.trim();
    const count = f.count.value.trim();
    const out = {};
    out.hours = hours === "" || hours === this.t("always") ? "always" : hours;
    out.count = /^\d+$/.test(count) ? Number(count) : count;
    if (f.term) out.term = f.term.value;
    return out;
  }

  build() {
    const s = this.settings;
    const title = { estimate: "titleEstimate", passports: "titlePassports", comparison: "titleComparison" }[s.view];
    const name = this.catalog.items.find((i) => i.id === s.item && i.zone === s.zone)?.name?.[this.language] ?? s.item;
    const hours = h("input", { name: "hours", inputmode: "decimal", value: s.hours === "always" ? "" : s.hours, placeholder: this.t("always"), "data-testid": "calculator-hours", "aria-label": this.t("hours") });
    const count = h("input", { name: "count", type: "number", min: "1", max: "10000", value: String(s.count), "data-testid": "calculator-count" });
    const fields = [h("label", {}, this.t("hours"), hours), h("label", {}, this.t("count"), count)];
    if (s.view === "estimate") {
      const term = h("select", { name: "term", "data-testid": "calculator-term" }, h("option", { value: "" }, this.t("noPassport")), ...["12", "24", "36"].map((m) => h("option", { value: m }, this.t("months", m))));
      term.value = s.term;
      fields.push(h("label", {}, this.t("term"), term));
    }
    this.form = h("form", { "data-testid": "calculator-form" }, ...fields);
    this.form.addEventListener("submit", (e) => e.preventDefault());
    this.form.addEventListener("input", () => this.compute());
    this.out = h("div", { "aria-live": "polite", "data-testid": "calculator-result" });
    this.link = h("a", { href: ESTIMATOR, target: "_blank", rel: "noopener", "data-testid": "calculator-open" }, this.t("open"));
    const source = h("span", { "data-testid": "calculator-catalog" }, this.t("catalog", this.catalog.id, this.catalog.asOf));
    this.box.replaceChildren(h("h2", {}, `${this.t(title)}: ${name} (${s.zone})`), this.form, this.out, h("footer", {}, source, this.link));
  }

  errors(answer) {
    return h("p", { class: "message error", role: "alert", "data-testid": "calculator-error" }, answer.errors.map((e) => `${e.path ? `${e.path}: ` : ""}${e.message}`).join("; "));
  }

  cell(figure, value, text = yen(value)) {
    return h("td", { "data-figure": figure, "data-value": value ?? null }, text);
  }

  yearsTable(est) {
    const rows = est.years.map((y) => h("tr", { "data-testid": "calculator-year", "data-year": String(y.year) },
      h("td", {}, `${y.year}`), h("td", {}, `${y.from} – ${y.to}`),
      this.cell("total", y.total), this.cell("withoutPassports", y.withoutPassports), this.cell("saving", y.saving)));
    return h("table", {}, h("thead", {}, h("tr", {}, ...["year", "period", "total", "without", "saving"].map((k) => h("th", {}, this.t(k))))), h("tbody", {}, rows));
  }

  passportsTable(answers) {
    const failed = answers.find((a) => a.errors);
    if (failed) return this.errors(failed);
    const rows = answers.map((est, i) => {
      const term = ["12", "24", "36"][i];
      const last = est.months[est.months.length - 1];
      const pass = est.passports[0];
      const saving = (BigInt(last.cumulativeWithoutPassports) - BigInt(last.cumulative)).toString();
      return h("tr", { "data-testid": "calculator-passport", "data-term": term },
        h("td", {}, this.t("months", term)), this.cell("fee", pass.fee), this.cell("monthlyAfter", last.total),
        this.cell("totalWith", last.cumulative), this.cell("without", last.cumulativeWithoutPassports), this.cell("saving", saving),
        h("td", { "data-figure": "breakEven", "data-value": pass.breakEven ?? null }, pass.breakEven ?? this.t("never")));
    });
    const heads = ["term", "fee", "monthlyAfter", "totalWith", "without", "saving", "breakEven"].map((k) => h("th", {}, this.t(k)));
    return h("table", {}, h("thead", {}, h("tr", {}, heads)), h("tbody", {}, rows));
  }

  async comparison(est) {
    const line = est.months[0].lines[0];
    const res = est.resources[0];
    const monthHours = new Date(Number(est.months[0].month.slice(0, 4)), Number(est.months[0].month.slice(5)), 0).getDate() * 24;
    const curve = await this.engine.client.latest(`${this.lane}-curve`, { request: "feeCurve", hourly: res.hourly, daily: res.daily, monthly: res.monthly, hours: monthHours });
    if (curve === null) return null;
    const row = (figure, key) => h("tr", { class: line.basis === key ? "billed" : null, "data-testid": "calculator-regime", "data-regime": key }, h("td", {}, this.t(figure)), this.cell(key, line[key]));
    const table = h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, this.t("month", est.months[0].month, line.hours)), h("th", {}, this.t("billed")))),
      h("tbody", {}, row("hourly", "hourlyOnly"), row("hourlyDaily", "hourlyDaily"), row("monthly", "monthly")));
    const points = [res.dailyFromHours != null ? this.t("dailyFrom", res.dailyFromHours) : null, res.monthlyFromHours != null ? this.t("monthlyFrom", res.monthlyFromHours) : null].filter(Boolean);
    const wrap = h("div", {}, table, h("p", { "data-testid": "calculator-breaks" }, points.join(" · ")));
    if (curve.points) wrap.append(chart(curve.points, Number(line.hours), this.t("chart")));
    return wrap;
  }
}

const SVG = "http://www.w3.org/2000/svg";
function chart(points, now, label) {
  const W = 520, H = 180, P = 24;
  const max = Math.max(...points.map((p) => Number(p.hourlyOnly) > Number(p.monthly) * 1.6 ? 0 : Number(p.hourlyOnly)), Number(points[0].monthly) * 1.5, 1);
  const last = points[points.length - 1].hours || 1;
  const x = (hours) => P + ((W - 2 * P) * hours) / last;
  const y = (v) => H - P - ((H - 2 * P) * Math.min(Number(v), max)) / max;
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  svg.setAttribute("data-testid", "calculator-chart");
  const add = (tag, attrs) => {
    const el = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    svg.append(el);
  };
  add("line", { class: "axis", x1: P, y1: H - P, x2: W - P, y2: H - P });
  add("line", { class: "axis", x1: P, y1: P, x2: P, y2: H - P });
  const step = Math.max(1, Math.floor(points.length / 260));
  for (const key of ["hourlyOnly", "hourlyDaily", "monthly", "fee"]) {
    const pts = points.filter((_, i) => i % step === 0 || i === points.length - 1).map((p) => `${x(p.hours).toFixed(1)},${y(p[key]).toFixed(1)}`);
    add("polyline", { class: key, points: pts.join(" ") });
  }
  if (Number.isFinite(now)) add("line", { class: "now", x1: x(now), y1: P, x2: x(now), y2: H - P });
  return svg;
}

function base64url(text) {
  const bytes = new TextEncoder().encode(text);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

if (!customElements.get("sakura-calculator")) customElements.define("sakura-calculator", SakuraCalculator);
