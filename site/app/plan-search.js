// Plan search for a resource row: narrow the plan picker by name, cores,
// memory and GPU. The picker stays a native <select> (keyboard and screen
// readers know it), each option already shows its prices; the filters only
// decide which options it holds, and a status line says how many match.
import { t, register, locale } from "../lib/i18n.js";
import { h, field, option } from "./dom.js";

register({
  en: {
    findPlan: "Find a plan",
    planQuery: "Name contains",
    planCores: "Cores",
    planMemory: "Memory",
    planGpu: "GPU",
    planAny: "Any",
    planAtLeastCores: "{n} or more",
    planAtLeastGB: "{n} GB or more",
    "gpu.any": "Any",
    "gpu.only": "GPU plans only",
    "gpu.none": "Without GPU",
    "planMatches.one": "{n} plan matches",
    "planMatches.other": "{n} plans match",
    planMatchesNone: "No plan matches: the picker shows every plan",
  },
  ja: {
    findPlan: "プランを探す",
    planQuery: "名前に含む",
    planCores: "コア数",
    planMemory: "メモリ",
    planGpu: "GPU",
    planAny: "指定なし",
    planAtLeastCores: "{n}コア以上",
    planAtLeastGB: "{n}GB以上",
    "gpu.any": "指定なし",
    "gpu.only": "GPUプランのみ",
    "gpu.none": "GPUなし",
    "planMatches.other": "{n}件のプランが該当",
    planMatchesNone: "該当するプランがないため、すべてのプランを表示しています",
  },
});

const CORES = [1, 2, 4, 8, 16, 24, 32];
const MEMORY = [1, 2, 4, 8, 16, 32, 64, 128, 240];

/** True when the item is a GPU plan (the catalogs name them "GPU …" and id them "…gpu…"). */
export function isGpu(item) {
  return /gpu/i.test(item?.id ?? "") || /gpu/i.test(item?.name?.en ?? "");
}

/** The filter the controls describe: a function of a catalog item, or null for none. */
export function planFilter({ query = "", cores = "", memory = "", gpu = "" }) {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length && !cores && !memory && !gpu) return null;
  return (item) => {
    if (!item) return false;
    const text = `${item.id} ${item.name?.en ?? ""} ${item.name?.ja ?? ""}`.toLowerCase();
    if (!words.every((w) => text.includes(w))) return false;
    if (cores && !((item.cores ?? 0) >= Number(cores))) return false;
    if (memory && !((item.memoryGB ?? 0) >= Number(memory))) return false;
    if (gpu === "only" && !isGpu(item)) return false;
    if (gpu === "none" && isGpu(item)) return false;
    return true;
  };
}

/**
 * The search box of a row: calls apply() after each change, with row.planFilter
 * set; apply returns how many plans the picker then holds.
 */
export function planSearch(row, apply) {
  const query = h("input", { type: "search", autocomplete: "off", spellcheck: "false", dataset: { testid: "plan-query" } });
  const select = (testid, options) => {
    const s = h("select", { dataset: { testid } });
    for (const [value, key, n] of options) s.append(option(value, t(key, { n }), false));
    s.dataset.options = JSON.stringify(options);
    return s;
  };
  const cores = select("plan-cores", [["", "planAny"], ...CORES.map((n) => [String(n), "planAtLeastCores", n])]);
  const memory = select("plan-memory", [["", "planAny"], ...MEMORY.map((n) => [String(n), "planAtLeastGB", n])]);
  const gpu = select("plan-gpu", [["", "gpu.any"], ["only", "gpu.only"], ["none", "gpu.none"]]);
  const status = h("p", { class: "plan-matches", role: "status", dataset: { testid: "plan-matches" } });
  const box = h("details", { class: "plan-search", dataset: { testid: "plan-search" } },
    h("summary", { dataset: { i18n: "findPlan" }, text: t("findPlan") }),
    h("div", { class: "plan-search-grid" },
      field("planQuery", query, "", "wide"), field("planCores", cores), field("planMemory", memory), field("planGpu", gpu)),
    status);
  const update = () => {
    row.planFilter = planFilter({ query: query.value, cores: cores.value, memory: memory.value, gpu: gpu.value });
    const n = apply();
    status.textContent = !row.planFilter ? "" : n ? t(`planMatches.${new Intl.PluralRules(locale()).select(n)}`, { n }) : t("planMatchesNone");
  };
  for (const c of [query, cores, memory, gpu]) c.addEventListener(c === query ? "input" : "change", update);
  // Option texts follow the language like the rest of the row.
  box.retranslate = () => {
    for (const s of [cores, memory, gpu]) {
      JSON.parse(s.dataset.options).forEach(([, key, n], i) => { s.options[i].textContent = t(key, { n }); });
    }
    if (row.planFilter) update();
  };
  return box;
}
