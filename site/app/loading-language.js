// The loading screen in the page's language from its first modules on: the
// header and the loading text are written in English in index.html, and
// app.js, which translates the page, comes last of all its modules; a
// Japanese reader would otherwise watch an English screen while it loads.
import { lang, t } from "../lib/i18n.js";
import "./strings.js";

// Only what strings.js words: other modules' strings are not registered yet,
// and t() answers an unknown key with the key itself.
function known(key) {
  const text = t(key);
  return text === key ? null : text;
}

if (lang() !== "en") {
  document.documentElement.lang = lang();
  document.title = t("title");
  document.querySelector('[data-testid="lang-toggle"]')?.setAttribute("lang", "en"); // it names the other language
  for (const el of document.querySelectorAll("header [data-i18n], .loading [data-i18n]")) {
    const text = known(el.dataset.i18n);
    if (text !== null) el.textContent = text;
  }
  for (const el of document.querySelectorAll("header [data-i18n-aria], .loading [data-i18n-aria]")) {
    const text = known(el.dataset.i18nAria);
    if (text !== null) el.setAttribute("aria-label", text);
  }
}
