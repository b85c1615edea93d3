// The toolbar's actions on what is on screen: copy the link, export the
// scenario with its estimate (JSON) or the bills (CSV), print.
import { t } from "../lib/i18n.js";
import { download, estimateJSON, fileStem } from "./export.js";

const $ = (id) => document.querySelector(`[data-testid="${id}"]`);

/**
 * shown() → {scenario, estimate summary} on screen or null; full() → a promise
 * of {scenario, estimate} with every line; urlReady() → a promise for the final URL.
 */
export function createToolbar({ shown, full, urlReady }) {
  $("share-link").addEventListener("click", async () => {
    await urlReady();
    const b = $("share-link");
    try {
      await navigator.clipboard.writeText(location.href);
      b.textContent = t("shareCopied");
    } catch {
      // No clipboard permission: show the link selected, ready to copy by hand.
      const box = $("share-url");
      box.hidden = false;
      box.value = location.href;
      box.select();
      b.textContent = t("shareManual");
    }
    setTimeout(() => (b.textContent = t("share")), 2000);
  });

  $("export-json").addEventListener("click", async () => {
    const s = await full();
    if (s && !s.estimate.errors) download("json", estimateJSON(s.scenario, s.estimate), `${fileStem(s.scenario)}.json`, "application/json", $("export-json"));
  });

  // The CSV is the bills component's own, so it holds exactly the table's figures.
  $("export-csv").addEventListener("click", () => {
    const s = shown();
    const csv = $("bills").toCSV?.();
    if (s && typeof csv === "string") download("csv", csv, `${fileStem(s.scenario)}.csv`, "text/csv;charset=utf-8", $("export-csv"));
  });

  // On paper every resource's card, not the screen's first page of them.
  window.addEventListener("beforeprint", () => $("comparison").showAll?.());
  $("print").addEventListener("click", () => window.print());
}
