// The saved-estimates panel: name, save, reopen and delete (localStorage only).
import { t } from "../lib/i18n.js";
import { date } from "../lib/format.js";
import { h } from "./dom.js";
import { listSaved, saveScenario, deleteSaved } from "./storage.js";

const $ = (id) => document.querySelector(`[data-testid="${id}"]`);

export function createSavedUI({ scenario, open }) {
  const list = $("saved-list");
  const status = document.querySelector(".save-status");

  function render() {
    const saved = listSaved();
    if (!saved.length) {
      list.replaceChildren(h("li", { class: "empty", text: t("savedEmpty") }));
      return;
    }
    list.replaceChildren(
      ...saved.map((e) =>
        h("li", { dataset: { testid: "saved-item", name: e.name } },
          h("span", { class: "saved-name", text: e.name }),
          h("span", { class: "saved-date", text: date(String(e.savedAt).slice(0, 10)) }),
          h("button", { type: "button", dataset: { testid: "open-saved" }, text: t("open"), "aria-label": `${t("open")}: ${e.name}`, onclick: () => open(e.scenario) }),
          h("button", { type: "button", dataset: { testid: "delete-saved" }, text: t("delete"), "aria-label": `${t("delete")}: ${e.name}`,
            onclick: () => { deleteSaved(e.name); render(); } }),
        )),
    );
  }

  $("save-estimate").addEventListener("click", () => {
    const input = $("save-name");
    const now = new Date();
    const name = input.value.trim() || t("defaultSaveName", { date: `${now.toISOString().slice(0, 10)} ${now.toTimeString().slice(0, 5)}` });
    const ok = saveScenario(name, scenario());
    status.textContent = ok ? t("saved", { name }) : t("saveFailed");
    render();
  });
  $("save-name").addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      $("save-estimate").click();
    }
  });

  return { render };
}
