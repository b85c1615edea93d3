// The toolbar's actions on what is on screen: copy the link, export the
// scenario with its estimate (JSON), the totals or the lines (CSV), print.
import { t } from "../lib/i18n.js";
import { download, estimateJSON, fileStem } from "./export.js";
import { totalsCSV, linesCSV } from "./csv-export.js";
import { ask } from "./confirm.js";
import { byTestId } from "./dom.js";

const $ = byTestId;

/**
 * shown() → {scenario, estimate summary, custom} on screen or null; full() → a
 * promise of {scenario, estimate} with every line; byKind(scenario) → a promise
 * of the engine's breakdown by kind; urlReady() → a promise for the final URL;
 * errors() → how many errors the form has now.
 */
export function createToolbar({ shown, full, byKind, urlReady, errors }) {
  // With errors in the form, the estimate on screen is the last one without
  // them: a file of it would silently differ from the form, so the user says.
  const lastGoodWanted = () => {
    const n = errors();
    return !n || ask(t("export.lastGood", { n, errors: n === 1 ? t("status.one") : t("status.errors", { n }) }), t("export.anyway"));
  };

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
    if (!(await lastGoodWanted())) return;
    const s = await full();
    if (s && !s.estimate.errors) download("json", estimateJSON(s.scenario, s.estimate), `${fileStem(s.scenario)}.json`, "application/json", $("export-json"));
  });

  // Totals: the bills and years tables' figures with the cost by kind.
  $("export-csv").addEventListener("click", async () => {
    const s = shown();
    if (!s || !(await lastGoodWanted())) return;
    const answer = await byKind(s.scenario);
    if (!answer?.breakdown) return;
    download("csv", totalsCSV(s.estimate, answer.breakdown, s.custom), `${fileStem(s.scenario)}-totals.csv`, "text/csv;charset=utf-8", $("export-csv"));
  });
  $("export-csv-lines").addEventListener("click", async () => {
    const s = shown();
    const all = s && (await lastGoodWanted()) && (await full());
    if (all && !all.estimate.errors) download("csv-lines", linesCSV(all.estimate, s.custom), `${fileStem(s.scenario)}-lines.csv`, "text/csv;charset=utf-8", $("export-csv-lines"));
  });

  // On paper every resource's card, not the screen's first page of them.
  window.addEventListener("beforeprint", () => $("comparison").showAll?.());
  $("print").addEventListener("click", () => window.print());
}
