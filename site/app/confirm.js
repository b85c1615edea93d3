// One question at a time, asked in the page (a modal <dialog>), never with
// window.confirm: the answer is a promise, and Escape or Cancel means no.
import { t } from "../lib/i18n.js";

/** Asks message; resolves true only when the user picks yes (its label). */
export function ask(message, yes) {
  const dialog = document.querySelector('[data-testid="confirm"]');
  dialog.querySelector("#confirm-text").textContent = message;
  dialog.querySelector('[data-testid="confirm-yes"]').textContent = yes;
  dialog.querySelector('[data-testid="confirm-no"]').textContent = t("cancel");
  dialog.returnValue = "";
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => resolve(dialog.returnValue === "yes"), { once: true });
  });
}
