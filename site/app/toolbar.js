// The toolbar's actions on what is on screen: copy the link, export the
// scenario with its estimate (JSON), the totals or the lines (CSV), print.
import { t } from "../lib/i18n.js";
import { download, estimateJSON, fileStem } from "./export.js";
import { totalsCSV, linesCSV } from "./csv-export.js";
import { byTestId } from "./dom.js";

const $ = byTestId;

/**
 * shown() → {scenario, estimate summary, custom} on screen or null; full() → a
 * promise of {scenario, estimate} with every line; byKind(scenario) → a promise
 * of the engine's breakdown by kind; urlReady() → a promise for the final URL.
 */
export function createToolbar({ shown, full, byKind, urlReady }) {
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

  // Totals: the bills and years tables' figures with the cost by kind.
  $("export-csv").addEventListener("click", async () => {
    const s = shown();
    if (!s) return;
    const answer = await byKind(s.scenario);
    if (!answer?.breakdown) return;
    download("csv", totalsCSV(s.estimate, answer.breakdown, s.custom), `${fileStem(s.scenario)}-totals.csv`, "text/csv;charset=utf-8", $("export-csv"));
  });
  $("export-csv-lines").addEventListener("click", async () => {
    const s = shown();
    const all = s && (await full());
    if (all && !all.estimate.errors) download("csv-lines", linesCSV(all.estimate, s.custom), `${fileStem(s.scenario)}-lines.csv`, "text/csv;charset=utf-8", $("export-csv-lines"));
  });

  // On paper every resource's card, not the screen's first page of them.
  window.addEventListener("beforeprint", () => $("comparison").showAll?.());
  $("print").addEventListener("click", () => window.print());
}
