// Work a panel does for what it shows (the advisor's search, the comparison's
// estimates) runs in the engine's one worker, where it would make the next
// keystroke's estimate wait. whenShown runs it only while the panel is on
// screen (or about to be), and only once the input has settled; a panel
// scrolled into view catches up at once.

/**
 * whenShown(el, work, {settleMs}) → ask(...args): the latest ask's args are
 * passed to work when el is near the viewport and no newer ask came for
 * settleMs.
 */
export function whenShown(el, work, { settleMs = 250, margin = "300px" } = {}) {
  let shown = false;
  let wanted = null; // the latest ask's arguments, until work runs
  let timer = 0;
  const run = () => {
    timer = 0;
    if (!shown || !wanted) return;
    const args = wanted;
    wanted = null;
    work(...args);
  };
  const later = (ms) => {
    clearTimeout(timer);
    timer = setTimeout(run, ms);
  };
  new IntersectionObserver((entries) => {
    shown = entries[entries.length - 1].isIntersecting;
    if (shown && wanted) later(0);
  }, { rootMargin: margin }).observe(el);
  return (...args) => {
    wanted = args;
    el.dataset.state = "waiting";
    if (shown) later(settleMs);
  };
}
