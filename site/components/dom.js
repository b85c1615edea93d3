// Element builders. Components build their DOM from data rather than from HTML
// strings, so names and ids from a scenario can never become markup.
const SVG_NS = "http://www.w3.org/2000/svg";

/** An HTML element: h("td", {"data-col": "total"}, "¥1,234"). Null, undefined and false attributes or children are skipped. */
export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** An SVG element, same arguments as h. */
export function s(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

function build(el, attrs, children) {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === "function") el.addEventListener(name.replace(/^on/, ""), value);
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

let counter = 0;

/** A document-unique id for aria-controls and SVG clip paths. */
export function uid(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}
