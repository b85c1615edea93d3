// Registers sw.js, then hands it every file this page actually loaded (the
// result components included), so the next visit works offline.
export function registerServiceWorker() {
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  navigator.serviceWorker
    .register("sw.js")
    .then(() => navigator.serviceWorker.ready)
    .then((reg) => {
      const urls = performance.getEntriesByType("resource").map((e) => e.name).filter((u) => u.startsWith(location.origin));
      reg.active?.postMessage({ cache: [location.origin + location.pathname, ...urls] });
    })
    .catch(() => {
      // No offline copy then; the page itself works the same.
    });
}
