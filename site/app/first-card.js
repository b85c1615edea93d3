// The default estimate's totals on the loading screen, from gen/first.json,
// as soon as the few modules this needs have run: a first visit's figures
// then come with the page's first paints, not after its 60-odd modules and
// its form. index.html loads this module on its own (async), ahead of app.js.
//
// Only a first visit opens the default estimate (app.js, firstVisit): with a
// link in the address, or an address kept for this tab by the last reload,
// the page opens another estimate, and the card stays away.
import { t, register, onLangChange } from "../lib/i18n.js";
import { loadFirstFigures } from "./first-figures.js";
import { renderSummary } from "./summary-card.js";
import { thisMonth } from "./this-month.js";
import { hasUnwrittenAddress } from "./unwritten-address.js";
import "./loading-language.js";

register({
  en: { "first.title": "The default estimate while the page loads: one server, always on, for 12 months" },
  ja: { "first.title": "読み込み中の既定の試算:サーバー1台を常時稼働で12か月" },
});

const card = document.querySelector('[data-testid="first-card"]');
let stopTranslating = null;
let retired = false;

/** Takes the card away: the page shows its own results from now on. */
export function retireFirstCard() {
  retired = true;
  stopTranslating?.();
  stopTranslating = null;
  if (!card) return;
  card.hidden = true;
  card.querySelector(".summary-card")?.replaceChildren();
}

async function show() {
  const first = await loadFirstFigures();
  const answer = first?.defaultAnswer(thisMonth());
  // The page may have come first (a cached module graph).
  if (!answer || retired) return;
  const render = () => {
    card.querySelector(".first-card-title").textContent = t("first.title");
    renderSummary(card.querySelector(".summary-card"), null, answer, false);
  };
  render();
  stopTranslating = onLangChange(render);
  card.hidden = false;
}

// location.hash is "" for an address without a fragment or with an empty one.
if (card && location.hash === "" && !hasUnwrittenAddress(location.hash)) show();
