// The rows of a large form: real controls only near the viewport.
// Each list of the form holds one element per row, in order. A row is either
// built (its controls, as rows.js makes them) or a placeholder: a light box
// of about a row's height holding the row's values (el.model) and a one-line
// summary of them, so a reader scrolling sees content and find-in-page finds
// plan names. An IntersectionObserver with a margin of a screen and a half
// builds rows as they come near and tears down built rows that went far,
// so a user who scrolls through 1,000 rows leaves a few dozen built, not
// 17,000 controls for autofill to read on every keystroke. Built rows are
// read from their controls, placeholders from their model (row-model.js);
// nothing the user entered is dropped in a swap: a row is read before it
// goes, and a row holding focus or an open plan search stays built.
import { VIRTUAL_FROM, valuesOf, windowActions } from "./row-model.js";
import { h } from "./dom.js";
import { slicer } from "./next-task.js";

const MARGIN = "150% 0px";
const SLICE_MS = 12;
const FRAME_MS = 30;

/**
 * kinds[name] = {make(values) → built row, read(row) → values,
 * summary(values) → text, classes(values) → class names}; onSwap(name, index,
 * el) after a row's element is replaced (its errors go back on it).
 */
export function createRowWindow(lists, kinds, onSwap) {
  const io = typeof IntersectionObserver === "function" ? new IntersectionObserver(seen, { rootMargin: MARGIN }) : null;
  const nameOf = new Map(Object.entries(lists).map(([name, list]) => [list, name]));

  function placeholder(name, values) {
    const k = kinds[name];
    const el = h("div", {
      class: `row placeholder ${k.classes(values)}`, tabindex: "0",
      dataset: { testid: k.testid, placeholder: "" },
    }, h("p", { class: "row-summary", dataset: { testid: "row-summary" }, text: k.summary(values) }), h("div", { class: "row-errors" }));
    el.model = values;
    // Tab reaches a placeholder before the observer builds it: it builds
    // itself and hands focus to its first control.
    el.addEventListener("focus", () => {
      const built = build(el);
      built?.querySelector("input, select, textarea")?.focus();
    });
    return el;
  }

  function swap(old, el) {
    for (const a of ["role", "aria-label"]) if (old.hasAttribute(a)) el.setAttribute(a, old.getAttribute(a));
    el.near = old.near;
    el.above = old.above;
    const list = old.parentElement;
    const index = list ? Array.prototype.indexOf.call(list.children, old) : -1;
    old.replaceWith(el);
    io?.unobserve(old);
    io?.observe(el);
    if (list) onSwap(nameOf.get(list), index, el);
    return el;
  }

  /** Builds a placeholder's controls now (a user action needs them); returns the row. */
  function build(el) {
    if (!el?.model) return el;
    const name = nameOf.get(el.parentElement);
    return swap(el, kinds[name].make(el.model));
  }

  function tearDown(el) {
    const name = nameOf.get(el.parentElement);
    return swap(el, placeholder(name, kinds[name].read(el)));
  }

  /** A new element for values: built, unless the list is large and build is false. */
  function row(name, values, built) {
    return built ? kinds[name].make(values) : placeholder(name, values);
  }

  /** Puts el at the end of its list (or after `after`) and watches it. */
  function place(name, el, after = null) {
    if (after) after.after(el);
    else lists[name].append(el);
    io?.observe(el);
    return el;
  }

  /** The values of every row of a list, read from controls or model. */
  function values(name) {
    return valuesOf([...lists[name].children], kinds[name].read);
  }

  /** Re-words every placeholder's summary (language or catalog changed). */
  function resummarize(name) {
    for (const el of lists[name].children) {
      if (el.model) el.firstElementChild.textContent = kinds[name].summary(el.model);
    }
  }

  /** Replaces a placeholder's values (e.g. a catalog match taken) and re-words it. */
  function setModel(el, values) {
    el.model = values;
    el.firstElementChild.textContent = kinds[nameOf.get(el.parentElement)].summary(values);
  }

  // Heights of built rows on screen, per list: placeholders take the latest,
  // so the page's length barely changes as rows are built and torn down.
  function seen(entries) {
    const heights = new Map();
    for (const e of entries) {
      if (!e.target.isConnected) {
        io.unobserve(e.target); // a removed row
        continue;
      }
      e.target.near = e.isIntersecting;
      e.target.above = e.boundingClientRect.bottom <= 0; // wholly above the viewport
      const r = e.boundingClientRect;
      if (e.isIntersecting && !e.target.model && r.height > 0 && r.top < innerHeight && r.bottom > 0 && e.target.parentElement) {
        heights.set(e.target.parentElement, e.boundingClientRect.height);
      }
    }
    for (const [list, height] of heights) {
      const px = `${Math.round(height)}px`;
      if (list.style.getPropertyValue("--row-height") === px) continue;
      const back = [...list.children].some(mayShift) ? holdPlace() : () => {};
      list.style.setProperty("--row-height", px);
      back();
    }
    update();
  }

  // A row whose change of height may move what is on screen: one above the
  // viewport when the observer last saw it, or not seen yet.
  const mayShift = (el) => el.above !== false;

  /**
   * Notes where the row being read sits on screen (the focused row, else the
   * first row in the viewport) and returns a function that scrolls it back
   * there: rows built above it, torn down, or resized placeholders would
   * otherwise move what the user reads (the browser's own scroll anchoring
   * loses its anchor when that row's element is replaced, so the lists opt
   * out of it).
   */
  function holdPlace() {
    const focused = document.activeElement;
    let list = Object.values(lists).find((l) => l.contains(focused));
    let el = list ? [...list.children].find((row) => row.contains(focused)) : null;
    if (!el) {
      for (const l of Object.values(lists)) {
        el = firstOnScreen(l);
        if (el) {
          list = l;
          break;
        }
      }
    }
    if (!el) return () => {};
    const index = Array.prototype.indexOf.call(list.children, el);
    const top = el.getBoundingClientRect().top;
    return () => {
      const now = el.isConnected ? el : list.children[index];
      const moved = now ? now.getBoundingClientRect().top - top : 0;
      if (Math.abs(moved) >= 1) scrollBy(0, moved);
    };
  }

  // The first row of list whose box reaches into the viewport: a binary
  // search, rows being laid out top to bottom.
  function firstOnScreen(list) {
    const rows = list.children;
    let lo = 0, hi = rows.length - 1, found = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = rows[mid].getBoundingClientRect();
      if (r.bottom <= 0) lo = mid + 1;
      else {
        if (r.top < innerHeight) found = rows[mid];
        hi = mid - 1;
      }
    }
    return found;
  }

  // Focus, an open plan search, or a number the browser could not read
  // (its text is in no value a model could hold) keep a row built.
  const kept = (el) => el.contains(document.activeElement) || Boolean(el.planFilter) || Boolean(el.querySelector("details[open]"))
    || [...el.querySelectorAll('input[type="number"]')].some((c) => c.validity.badInput);

  let running = null;
  let again = false;

  /**
   * Builds what is near and tears down what went far, in slices so a jump
   * across the form (the error list, a scrollbar drag) never holds the page.
   * A list at or under VIRTUAL_FROM rows is all built.
   */
  function update() {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      await null; // running is set before the first pass reads it
      do {
        again = false;
        const pause = slicer(SLICE_MS, FRAME_MS);
        for (const list of Object.values(lists)) {
          const els = [...list.children];
          // Its few built rows are always rendered (no content-visibility),
          // so their heights, and the placeholders' measured from them, are true.
          if (list.classList.contains("virtual") !== els.length > VIRTUAL_FROM) list.classList.toggle("virtual", els.length > VIRTUAL_FROM);
          const { build: toBuild, tearDown: toTear } = windowActions(els.map((el) => {
            const built = !el.model;
            return { built, near: el.near ?? built, kept: built && kept(el) };
          }), VIRTUAL_FROM);
          // A row may have been removed, built or focused since it was counted.
          const jobs = [
            ...toBuild.map((i) => () => els[i].isConnected && build(els[i])),
            ...toTear.map((i) => () => els[i].isConnected && !els[i].model && els[i].near === false && !kept(els[i]) && tearDown(els[i])),
          ];
          // Holding the place forces a layout: only when a row that may be
          // above the viewport changes (as while scrolling down, or after a
          // jump), not while the rows below are built (the page's load).
          const hold = () => ([...toBuild, ...toTear].some((i) => mayShift(els[i])) ? holdPlace() : () => {});
          let back = jobs.length ? hold() : null;
          for (const job of jobs) {
            if (pause.due()) {
              back();
              await pause.take();
              if (again) break;
              back = hold();
            }
            job();
          }
          if (!again) back?.();
          if (again) break;
        }
      } while (again);
    })().finally(() => {
      running = null;
      if (again) update();
    });
    return running;
  }

  // A row that lost focus far from the viewport may go now.
  for (const list of Object.values(lists)) list.addEventListener("focusout", () => setTimeout(update, 0));

  /** Resolves when no build or tear-down is under way. */
  const settled = () => running ?? Promise.resolve();

  return { row, place, build, values, resummarize, setModel, update, settled, virtual: (name) => lists[name].children.length > VIRTUAL_FROM };
}
