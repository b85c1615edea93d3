// The saved-estimates panel: save (asking before replacing), open (asking
// before dropping unsaved changes), delete with undo, damaged entries shown
// and deletable, and exported JSON files opened again. The rules are in
// saved-rules.js; storage never throws (storage.js).
import { t } from "../lib/i18n.js";
import { date } from "../lib/format.js";
import { available as storageAvailable } from "../lib/safe-storage.js";
import { h, byTestId } from "./dom.js";
import { listSaved, storeSaved } from "./storage.js";
import { uniqueName, findSaved, withSaved, without, stamp, scenarioFromFile } from "./saved-rules.js";
import { ask } from "./confirm.js";
import { MAX_SCENARIO_BYTES } from "./share.js";

const $ = byTestId;

/**
 * scenario() → the scenario the form means; dirty() → whether it differs from
 * what was last opened or saved; open(scenario, name) → null when opened, or a
 * message saying why it could not be; saved() → the form is now saved.
 */
export function createSavedUI({ scenario, dirty, open, saved }) {
  const list = $("saved-list");
  const status = document.querySelector(".save-status");
  let undo = null; // the entries before the last delete

  function say(text, ...extra) {
    status.replaceChildren(text, ...extra);
  }

  // A refused write still keeps the list for this visit (in memory); say which.
  function stored(ok) {
    return ok ? "" : " " + t(storageAvailable() ? "storageFull" : "storageMemoryOnly");
  }

  function damagedText(e) {
    return e.name ? t("savedDamagedNamed", { name: e.name }) : t("savedDamaged");
  }

  function render() {
    const entries = listSaved();
    if (!entries.length) {
      list.replaceChildren(h("li", { class: "empty", text: t("savedEmpty") }));
      return;
    }
    list.replaceChildren(...entries.map((e) => {
      const label = e.name || t("savedDamaged");
      const remove = h("button", { type: "button", dataset: { testid: "delete-saved" }, text: t("delete"), "aria-label": `${t("delete")}: ${label}`, onclick: () => remove_(e) });
      if (e.damaged) {
        return h("li", { class: "damaged", dataset: { testid: "saved-item", name: e.name, damaged: e.damaged } },
          h("span", { class: "saved-name", text: damagedText(e) }), remove);
      }
      return h("li", { dataset: { testid: "saved-item", name: e.name } },
        h("span", { class: "saved-name", text: e.name }),
        h("span", { class: "saved-date", text: date(e.savedAt.slice(0, 10)) }),
        h("button", { type: "button", dataset: { testid: "open-saved" }, text: t("open"), "aria-label": `${t("open")}: ${e.name}`, onclick: () => openEntry(e) }),
        remove);
    }));
  }

  async function save() {
    const input = $("save-name");
    const entries = listSaved();
    let name = input.value.trim();
    if (name && findSaved(entries, name)) {
      if (!(await ask(t("confirmReplace", { name }), t("replace")))) return say(t("notSaved"));
    } else if (!name) {
      name = uniqueName(t("defaultSaveName", { date: stamp(new Date()) }), entries);
    }
    undo = null;
    const ok = storeSaved(withSaved(listSaved(), { name, savedAt: new Date().toISOString(), scenario: scenario() }));
    saved();
    say(t("saved", { name }) + stored(ok));
    render();
  }

  async function remove_(e) {
    const before = listSaved();
    const ok = storeSaved(without(before, before.find((x) => x.index === e.index && x.name === e.name) ?? e));
    undo = before;
    const label = e.name || t("savedDamaged");
    say(t("deleted", { name: label }) + stored(ok) + " ",
      h("button", { type: "button", class: "subtle", dataset: { testid: "undo-delete" }, text: t("undo"), onclick: undoDelete }));
    render();
  }

  function undoDelete() {
    if (!undo) return;
    const ok = storeSaved(undo);
    undo = null;
    say(t("undone") + stored(ok));
    render();
  }

  async function openEntry(e) {
    if (dirty() && !(await ask(t("confirmOpen", { name: e.name }), t("openAnyway")))) return;
    const problem = open(e.scenario, e.name);
    say(problem ?? t("opened", { name: e.name }));
  }

  // An exported file (the scenario with its estimate) or a bare scenario.
  async function openFile() {
    const picker = $("import-json");
    const file = picker.files?.[0];
    if (!file) return;
    if (file.size > MAX_SCENARIO_BYTES * 64) return say(t("fileTooLarge", { name: file.name, max: "64 MB" }));
    let text;
    try {
      text = await file.text();
    } catch {
      return say(t("fileUnreadable", { name: file.name }));
    } finally {
      picker.value = ""; // the same file can be picked again
    }
    const got = scenarioFromFile(text);
    if (got.problem) return say(got.problem.want === "json" ? t("fileNotJSON", { name: file.name }) : t("fileWrongShape", { name: file.name, path: got.problem.path || "/" }));
    if (dirty() && !(await ask(t("confirmOpen", { name: file.name }), t("openAnyway")))) return;
    say(open(got.scenario, file.name) ?? t("opened", { name: file.name }));
  }

  $("save-estimate").addEventListener("click", save);
  $("save-name").addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") {
      ev.preventDefault();
      save();
    }
  });
  $("import-json").addEventListener("change", openFile);

  return { render };
}
