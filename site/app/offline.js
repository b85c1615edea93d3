// The page's side of the offline copy (sw.js): registers the worker, says
// when the page runs without a network and on which catalog's prices, and
// when a newer build is installed and waiting: "reload to use it". The
// worker never switches builds under a running page.
import { t, onLangChange } from "../lib/i18n.js";

/**
 * catalog() → the catalog in use ({id, asOf}) or null. offlineNote and
 * updateNote are the two banners; updateNote holds a button.
 */
export function registerServiceWorker({ catalog, offlineNote, updateNote }) {
  watchNetwork(catalog, offlineNote);
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  const sw = navigator.serviceWorker;
  sw.register("sw.js")
    .then((reg) => {
      const waiting = (w) => {
        if (sw.controller) announce(w, updateNote);
      };
      if (reg.waiting) waiting(reg.waiting);
      reg.addEventListener("updatefound", () => {
        const w = reg.installing;
        w?.addEventListener("statechange", () => {
          if (w.state === "installed") waiting(w);
        });
      });
      return askVersion(sw.controller);
    })
    .then((version) => {
      if (version) document.body.dataset.build = version;
    })
    .catch(() => {
      // No offline copy then; the page itself works the same.
    });
}

function askVersion(worker) {
  if (!worker) return Promise.resolve(null);
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = ({ data }) => resolve(data);
    worker.postMessage("version", [channel.port2]);
    setTimeout(() => resolve(null), 2000);
  });
}

async function announce(worker, note) {
  const version = await askVersion(worker);
  const render = () => {
    note.querySelector("span").textContent = t("update.ready", { version: version ?? "" });
    note.querySelector("button").textContent = t("update.reload");
  };
  render();
  onLangChange(render);
  note.dataset.version = version ?? "";
  note.hidden = false;
  note.querySelector("button").onclick = () => {
    navigator.serviceWorker.addEventListener("controllerchange", () => location.reload(), { once: true });
    worker.postMessage("take-over");
  };
}

// navigator.onLine misses a server that is gone, so the page also asks the
// network for the smallest file of the build, past the worker (no-store).
function watchNetwork(catalog, note) {
  let offline = false;
  const render = () => {
    const c = catalog();
    note.hidden = !offline;
    note.textContent = offline ? t("offline.note", { id: c?.id ?? "–", date: c?.asOf ?? "–" }) : "";
  };
  const check = async () => {
    if (!navigator.onLine) offline = true;
    else {
      try {
        await fetch("gen/build.js", { cache: "no-store", method: "HEAD" });
        offline = false;
      } catch {
        offline = true;
      }
    }
    render();
  };
  window.addEventListener("online", check);
  window.addEventListener("offline", check);
  document.addEventListener("change", () => offline && render());
  onLangChange(render);
  check();
  setInterval(check, 30000);
}
