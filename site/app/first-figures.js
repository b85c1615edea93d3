// What the page shows before its engine is ready: gen/first.json, written at
// build time by the native engine (scripts/dist), holds the shipped catalogs
// and the estimateSummary answers of the default estimate a first visit
// opens. The answers are the engine's own bytes, so the worker's answer,
// when it comes, shows the same figures. Links and saved estimates are other
// scenarios: they wait for the engine.
const url = new URL("../gen/first.json", import.meta.url).href;

// One download for the loading screen's card (first-card.js) and the page.
let loading = null;

/**
 * loadFirstFigures() → Promise of {catalogs, answerFor(scenario), defaultAnswer(start)},
 * or null when the file is missing or unreadable (the page then asks the engine).
 * answerFor returns the shipped answer for exactly this scenario, else null;
 * defaultAnswer the default estimate's starting in month start ("YYYY-MM"), else null.
 */
export function loadFirstFigures() {
  loading ??= read();
  return loading;
}

async function read() {
  try {
    // The same mode as the page's <link rel="preload">, so the preload is used.
    const res = await fetch(url, { credentials: "same-origin" });
    if (!res.ok) return null;
    const first = await res.json();
    if (!Array.isArray(first?.catalogs?.catalogs) || !Array.isArray(first.estimates)) return null;
    const answers = new Map(first.estimates.map((e) => [JSON.stringify(e.scenario), e.answer]));
    const byStart = new Map(first.estimates.map((e) => [e.scenario?.start, e.answer]));
    return {
      catalogs: first.catalogs,
      // Key order counts: the page builds its scenario in the order the
      // generator writes it, and a test holds the two together.
      answerFor: (scenario) => structuredClone(answers.get(JSON.stringify(scenario)) ?? null),
      defaultAnswer: (start) => structuredClone(byStart.get(start) ?? null),
    };
  } catch {
    return null;
  }
}
