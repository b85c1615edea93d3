// What the estimate was made from, in one short list: the first thing a
// printout shows (the form itself is not printed), so a reader of the paper
// knows what the totals price.
import { t, register } from "../lib/i18n.js";
import { yen, month as fmtMonth } from "../lib/format.js";
import { h } from "./dom.js";
import { itemIn, itemName, zoneName } from "./catalogs.js";
import { term } from "../lib/glossary.js";

register({
  en: {
    "inputs.title": "Inputs",
    "inputs.period": "{catalog} · {from} – {to} ({n} months)",
    "inputs.resource": "{count} × {item} · {zone} · {usage}",
    "inputs.hours": "{hours} h a month",
    "inputs.custom": "custom price",
    "inputs.passport": "{count} × {term}-month {passport}: {item} · {zone} · from {month}",
    "inputs.credit": "{kind} {amount}",
  },
  ja: {
    "inputs.title": "入力",
    "inputs.period": "{catalog} · {from}〜{to}({n}か月)",
    "inputs.resource": "{item} × {count} · {zone} · {usage}",
    "inputs.hours": "月{hours}時間",
    "inputs.custom": "個別料金",
    "inputs.passport": "{passport}({term}か月)× {count}:{item} · {zone} · {month}から",
    "inputs.credit": "{kind} {amount}",
  },
});

/** Renders the inputs list of scenario (as sent to the engine) into box; entry is the catalog in use. */
export function renderInputs(box, scenario, estimate, entry) {
  const months = estimate?.months ?? [];
  if (!scenario || !months.length) return box.replaceChildren();
  const overridden = new Set((scenario.overrides ?? []).map((o) => `${o.item}@${o.zone}`));
  const customIds = new Set((scenario.customItems ?? []).map((c) => `${c.id}@${c.zone}`));
  const usage = (u) => (u?.pattern === "hours" ? t("inputs.hours", { hours: u.hours }) : t(`usage.${u?.pattern ?? "always"}`));
  const lines = (scenario.resources ?? []).map((r) => {
    const key = `${r.item}@${r.zone}`;
    const custom = overridden.has(key) || customIds.has(key);
    return h("li", { dataset: { testid: "inputs-resource" } },
      t("inputs.resource", { count: r.count ?? 1, item: itemName(itemIn(entry, r.item, r.zone)) || r.item, zone: zoneName(r.zone), usage: usage(r.usage) }),
      ...(custom ? [h("span", { class: "custom-mark", text: ` ✱ ${t("inputs.custom")}` })] : []));
  });
  for (const p of scenario.passports ?? []) {
    lines.push(h("li", { text: t("inputs.passport", { count: p.count ?? 1, term: p.term, passport: term("passport"), item: itemName(itemIn(entry, p.item, p.zone)) || p.item, zone: zoneName(p.zone), month: fmtMonth(p.purchased) }) }));
  }
  for (const c of scenario.credits ?? []) {
    lines.push(h("li", { text: t("inputs.credit", { kind: term(c.kind === "coupon" ? "coupon" : "prepaid"), amount: yen(c.amount) }) }));
  }
  const catalog = typeof scenario.catalog === "string" ? scenario.catalog : scenario.catalog?.id ?? "";
  box.replaceChildren(
    h("h3", { text: t("inputs.title") }),
    h("p", { text: t("inputs.period", { catalog, from: fmtMonth(months[0].month), to: fmtMonth(months[months.length - 1].month), n: months.length }) }),
    h("ul", {}, ...lines),
  );
}
