// The passport advisor panel (issue 14): asks the engine's advisePassports
// request about the estimate shown, lists each group's simple options, says
// the best plan in one sentence, and puts its passports into the form with
// one click (undoable).
import "./advisor-strings.js";
import { t } from "../lib/i18n.js";
import { yen, month as fmtMonth } from "../lib/format.js";
import { h } from "./dom.js";
import { customMark, customLegend } from "../components/custom-mark.js";
import { startEngine } from "../lib/engine-client.js";

// How long the advice must stay unchanged before a plan not proven best is
// searched again with effort "thorough". That search takes seconds, so it runs
// in a worker of its own (the estimates' worker never waits on it), started
// only then and stopped as soon as the scenario changes or the search ends.
// The wait is long enough that typing with short pauses never starts one: a
// second engine compiling and searching would take the second core from the
// estimates.
const PROOF_DELAY_MS = 1500;

/**
 * createAdvisorUI({engine, root, names, apply}) → {update(scenario), render()}
 *   names(item, zone) → {plan, zone}: display names
 *   apply(passports) → undo function: replaces the form's passports
 *   custom(item, zone) → whether the plan has a custom price there (marked)
 */
export function createAdvisorUI({ engine, root, names, apply, custom = () => false }) {
  let answer = null;
  let undo = null;
  // The longer search of a plan not proven best: "running", then "proven" or
  // "unproven" (it could not prove it either), or "failed"; null when none.
  let proof = null;
  let asked = 0; // counts updates: a proof for an older one is dropped
  let prover = null; // the proof's own engine, while it runs
  let proofTimer = 0;

  let lastText = ""; // the document the answer shown is for
  async function update(scenario) {
    const doc = { request: "advisePassports", scenario: { ...scenario, passports: [] } };
    // The form's own passports (applying the best plan changes them) do not
    // change the advice: it stays, and a proof they stopped starts again.
    const text = JSON.stringify(doc);
    if (text === lastText && answer && !answer.errors) {
      if (!answer.best.proven && !proof) startProof(doc);
      render();
      return;
    }
    const mine = ++asked;
    stopProof();
    root.dataset.state = "calculating";
    const got = await engine.latest("advisor", doc);
    if (got === null || mine !== asked) return; // a newer estimate's advice is on its way
    answer = got;
    lastText = text;
    if (!got.errors && got.groups.length && !got.best.proven) startProof(doc);
    render();
  }

  function startProof(doc) {
    proof = "running";
    const mine = asked;
    proofTimer = setTimeout(() => prove(doc, mine), PROOF_DELAY_MS);
  }

  // A newer scenario is marked "waiting" on the panel (whenShown) even while
  // the panel is off screen and its advice deferred: the proof of the old one
  // stops at once, so it never competes with the estimates the typing asks.
  new MutationObserver(() => {
    if (root.dataset.state !== "waiting" || proof !== "running") return;
    asked++;
    stopProof();
    root.dataset.proof = "";
    root.querySelector('[data-testid="advisor-proof"]')?.remove();
  }).observe(root, { attributes: true, attributeFilter: ["data-state"] });

  function stopProof() {
    clearTimeout(proofTimer);
    prover?.then((e) => e?.terminate());
    prover = null;
    proof = null;
  }

  async function prove(doc, mine) {
    const started = startEngine().catch(() => null);
    prover = started;
    const proofEngine = await started;
    if (mine !== asked) return; // stopped (and terminated): the scenario changed
    const got = proofEngine ? await proofEngine.call({ ...doc, effort: "thorough" }) : null;
    if (mine !== asked) return;
    proofEngine?.terminate();
    prover = null;
    if (!got || got.errors) {
      proof = "failed";
    } else {
      // The longer search's plan is never dearer; it is the best when proven.
      answer = got;
      proof = got.best.proven ? "proven" : "unproven";
    }
    render();
  }

  function planSentence(best) {
    const parts = best.passports.map((p) => {
      const n = names(p.item, p.zone);
      return t("advisor.purchase", { count: p.count, n: p.term, plan: n.plan, zone: n.zone, month: fmtMonth(p.purchased) });
    });
    const vars = { plan: parts.join(t("advisor.and")), total: yen(best.total), without: yen(best.withoutPassports), saving: yen(best.saving) };
    if (!best.passports.length) return t("advisor.bestNone", vars);
    return t(best.proven ? "advisor.best" : "advisor.bestUnproven", vars);
  }

  function optionName(o) {
    return o.term === 0 ? t("advisor.none") : t("advisor.term", { n: o.term, count: o.count, month: fmtMonth(o.purchased) });
  }

  function groupTable(g) {
    const n = names(g.item, g.zone);
    const most = Math.max(0, ...g.contracts.map((c) => c.count));
    const cell = (col, value, text) => h("td", { class: "num", dataset: { col, value: value ?? "" }, text });
    return h("div", { class: "advisor-group", dataset: { testid: "advisor-group", item: g.item, zone: g.zone } },
      h("p", { class: "advisor-group-title" }, t("advisor.group", { plan: n.plan, zone: n.zone, n: most }), ...(custom(g.item, g.zone) ? [customMark()] : [])),
      h("div", { class: "table-wrap" },
        h("table", { class: "advisor-options" },
          h("thead", {}, h("tr", {},
            h("th", { scope: "col", text: t("advisor.option") }),
            h("th", { scope: "col", class: "num", text: t("advisor.fee") }),
            h("th", { scope: "col", class: "num", text: t("advisor.total") }),
            h("th", { scope: "col", class: "num", text: t("advisor.saving") }),
            h("th", { scope: "col", text: t("advisor.breakEven") }))),
          h("tbody", {}, ...g.options.map((o) => h("tr", { dataset: { testid: "advisor-option", term: String(o.term) } },
            h("th", { scope: "row", text: optionName(o) }),
            cell("fee", o.fee, yen(o.fee)), cell("total", o.total, yen(o.total)), cell("saving", o.saving, yen(o.saving)),
            cell("breakEven", o.breakEven, o.term === 0 ? "—" : o.breakEven ? fmtMonth(o.breakEven) : t("advisor.never"))))))));
  }

  function render() {
    if (!answer) return;
    root.dataset.state = answer.errors ? "failed" : "ready";
    root.dataset.proof = proof ?? "";
    if (answer.errors) {
      root.replaceChildren(h("p", { class: "help", text: t("advisor.failed", { message: answer.errors[0]?.message ?? "" }) }));
      return;
    }
    if (!answer.groups.length) {
      root.replaceChildren(h("p", { class: "help", dataset: { testid: "advisor-none" }, text: t("advisor.noGroups") }));
      return;
    }
    const best = answer.best;
    const applyButton = h("button", {
      type: "button", dataset: { testid: "advisor-apply" }, text: t("advisor.apply"),
      onclick: () => {
        undo = apply(best.passports);
        render();
        root.querySelector('[data-testid="advisor-undo"]')?.focus();
      },
    });
    const undoBlock = undo
      ? h("p", { class: "advisor-applied", role: "status" },
        t("advisor.applied"), " ",
        h("button", {
          type: "button", class: "subtle", dataset: { testid: "advisor-undo" }, text: t("advisor.undo"),
          onclick: () => {
            const u = undo;
            undo = null;
            u();
            render();
          },
        }))
      : null;
    const proofNote = proof && proof !== "proven"
      ? h("p", { class: "help", role: "status", dataset: { testid: "advisor-proof" }, text: t(`advisor.proof.${proof}`) })
      : null;
    root.replaceChildren(
      h("p", { class: "advisor-best", dataset: { testid: "advisor-best", total: best.total, saving: best.saving, proven: String(best.proven) }, text: planSentence(best) }),
      ...(proofNote ? [proofNote] : []),
      applyButton,
      ...(undoBlock ? [undoBlock] : []),
      ...answer.groups.map(groupTable),
      ...(answer.groups.some((g) => custom(g.item, g.zone)) ? [customLegend()] : []));
  }

  return { update, render, forgetUndo: () => { undo = null; } };
}
