// A small inline-SVG line chart. Values arrive as numbers already converted
// from the engine's strings; they are used only as coordinates, never summed.
import { s, h, uid } from "./dom.js";

const W = 640;
const H = 300;
const M = { left: 84, right: 16, top: 14, bottom: 44 };

/** Round step sizes (1, 2, 5 × 10^k) giving about five gridlines up to max. */
function yTicks(max) {
  const top = max > 0 ? max : 1;
  const raw = top / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((f) => f * mag).find((v) => v >= raw));
  const ticks = [];
  for (let v = 0; v < top + step; v += step) ticks.push(v);
  return ticks;
}

/**
 * lineChart({label, testid, xMax, xTicks: [{value, label}], xTitle, yMax, yLabel(v), yTitle,
 *            series: [{className, points: [{x, y|null}], dots?}], markers: [{x, y, label}]})
 * → an <svg role="img">. A null y breaks the line; lines above yMax are clipped.
 */
export function lineChart({ label, testid, xMax, xTicks, xTitle, yMax, yLabel, yTitle, series, markers = [] }) {
  const ticks = yTicks(yMax);
  const top = ticks.at(-1);
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const x = (v) => M.left + (xMax > 0 ? (v / xMax) * pw : 0);
  const y = (v) => M.top + ph - (v / top) * ph;
  const clip = uid("sk-clip");

  const path = (points) => {
    let d = "";
    let pen = false;
    for (const p of points) {
      if (p.y === null || p.y === undefined) {
        pen = false;
        continue;
      }
      d += `${pen ? "L" : "M"}${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`;
      pen = true;
    }
    return d;
  };

  return s(
    "svg",
    { viewBox: `0 0 ${W} ${H}`, class: "sk-chart-svg", role: "img", "aria-label": label, "data-testid": testid },
    s("defs", {}, s("clipPath", { id: clip }, s("rect", { x: M.left - 4, y: M.top - 4, width: pw + 8, height: ph + 4 }))),
    s(
      "g",
      { class: "sk-grid", "aria-hidden": "true" },
      ticks.map((v) => [
        s("line", { x1: M.left, x2: M.left + pw, y1: y(v), y2: y(v) }),
        s("text", { x: M.left - 6, y: y(v), class: "sk-tick sk-tick-y", "dominant-baseline": "middle" }, yLabel(v)),
      ]),
      xTicks.map((t) => [
        s("line", { x1: x(t.value), x2: x(t.value), y1: M.top + ph, y2: M.top + ph + 5 }),
        s("text", { x: x(t.value), y: M.top + ph + 18, class: `sk-tick sk-tick-x${x(t.value) > W - 60 ? " sk-end" : ""}` }, t.label),
      ]),
      s("line", { class: "sk-axis", x1: M.left, x2: M.left + pw, y1: M.top + ph, y2: M.top + ph }),
      s("line", { class: "sk-axis", x1: M.left, x2: M.left, y1: M.top, y2: M.top + ph }),
      s("text", { class: "sk-axis-title", x: M.left + pw / 2, y: H - 6 }, xTitle),
      s("text", { class: "sk-axis-title", x: 12, y: M.top + ph / 2, transform: `rotate(-90 12 ${M.top + ph / 2})` }, yTitle),
    ),
    s(
      "g",
      { "clip-path": `url(#${clip})`, "aria-hidden": "true" },
      series.map((se) => [
        s("path", { class: `sk-series ${se.className}`, d: path(se.points), fill: "none" }),
        se.dots
          ? se.points
              .filter((p) => p.y !== null && p.y !== undefined)
              .map((p) => s("circle", { class: `sk-dot ${se.className}`, cx: x(p.x), cy: y(p.y), r: 2.5 }))
          : null,
      ]),
    ),
    s(
      "g",
      { class: "sk-marker", "aria-hidden": "true" },
      markers.map((m) => [
        s("line", { x1: x(m.x), x2: x(m.x), y1: M.top, y2: M.top + ph }),
        s("circle", { cx: x(m.x), cy: y(m.y), r: 4.5 }),
        s("text", { x: x(m.x) + (x(m.x) > M.left + pw * 0.7 ? -6 : 6), y: M.top + 10, class: x(m.x) > M.left + pw * 0.7 ? "sk-end" : null }, m.label),
      ]),
    ),
  );
}

/** A legend for the series: [{className, label}]. */
export function legend(entries) {
  return h(
    "ul",
    { class: "sk-legend" },
    entries.map((e) => h("li", {}, h("span", { class: `sk-swatch ${e.className}`, "aria-hidden": "true" }), e.label)),
  );
}
