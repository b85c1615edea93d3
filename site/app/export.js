// Downloads through a Blob and a temporary <a download>. The produced text is
// also kept on window.__lastExport (and the button's data-href) for the tests.
let lastUrl = null;

export function download(kind, text, filename, mime, button) {
  window.__lastExport = { kind, text };
  if (lastUrl) URL.revokeObjectURL(lastUrl);
  lastUrl = URL.createObjectURL(new Blob([text], { type: mime }));
  button?.setAttribute("data-href", lastUrl);
  const a = document.createElement("a");
  a.href = lastUrl;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
}

/** The scenario and its estimate as one JSON document. */
export function estimateJSON(scenario, estimate) {
  return JSON.stringify({ scenario, estimate }, null, 2) + "\n";
}

/** A file name stem from the horizon: "sakura-estimate-2026-11-12m". */
export function fileStem(scenario) {
  return `sakura-estimate-${scenario.start ?? "scenario"}-${scenario.months ?? ""}m`;
}
