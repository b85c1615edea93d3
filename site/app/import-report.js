// What an official price-list import did, in the reader's language: the
// engine answers stable codes and their values (engine/pricelist), and this
// module words them. Kept apart from the catalog picker so either can change
// alone.
import { t, register } from "../lib/i18n.js";
import { date } from "../lib/format.js";
import { zoneName } from "./catalogs.js";
import { problemText } from "../lib/messages.js";
import { zoneSourceText } from "./catalog-texts.js";

register({
  en: {
    "overlay.yes": "Laid over {base}: the imported zones ({zones}) take the official prices, the other zones keep {base}'s.",
    "overlay.taxRateDiffers": "Not laid over {base}: these prices include {rate} % tax and {base} {baseRate} %. A catalog has one tax rate, so the import is a catalog of its own.",
    "overlay.none": "A catalog of its own (no base catalog).",
    passportsNotCarried: "{n} discount passport plans of the base catalog have no counterpart in the imported zones and are not passport-eligible here:",
    "reason.classNotPublic": "not public (IsPublic false): skipped",
    "reason.classNoPath": "no ServiceClassPath",
    "reason.classUnknownFamily": "a service the simulator does not price ({family}): add it as a custom item",
    "reason.classUnknownPath": "a {family} path the simulator cannot read (expected {expected})",
    "reason.classUsageBased": "billed by use ({fields}), not by the hour, day or month: add your expected monthly figure as a custom item",
    "reason.classNoPrice": "no price",
    "reason.classBackupNoPrice": "no price of its own: automatic backup is billed through the archives it keeps",
    "reason.classNoZone": "names no zone: give the zone in the file name (price-is1b.json)",
    "reason.classListedTwice": "listed twice for {zone}; the first is kept",
    "reason.classSameItem": "the same item ({item}) as {first} in {zone}; the first is kept",
    "reason.passportNoCounterpart": "no imported plan stands for it",
    "reason.passportNoMonthly": "its counterpart has no monthly fee",
    zoneSources: "Where each zone's prices come from:",
    zoneOfficial: "{zone}: official price list, as of {date}",
    zoneBase: "{zone}: {source} (as of {date})",
  },
  ja: {
    "overlay.yes": "{base} に重ねました。取り込んだゾーン({zones})は公式の料金、ほかのゾーンは {base} の料金です。",
    "overlay.taxRateDiffers": "{base} には重ねていません。この料金は消費税 {rate}%込み、{base} は {baseRate}%込みです。料金表の税率は1つなので、取り込んだ料金は単独の料金表になります。",
    "overlay.none": "単独の料金表です(元の料金表なし)。",
    passportsNotCarried: "元の料金表のディスカウントパスポート対象プランのうち{n}件は、取り込んだゾーンに対応するプランがなく、この料金表では対象外です:",
    "reason.classNotPublic": "非公開(IsPublic false)のため除外",
    "reason.classNoPath": "ServiceClassPath がありません",
    "reason.classUnknownFamily": "シミュレーターが扱わないサービス({family})です。独自の品目として追加してください",
    "reason.classUnknownPath": "読めない {family} のパスです({expected} の形)",
    "reason.classUsageBased": "従量課金({fields})で、時間・日・月の料金ではありません。見込みの月額を独自の品目として追加してください",
    "reason.classNoPrice": "料金がありません",
    "reason.classBackupNoPrice": "自体の料金はありません。自動バックアップは保存されるアーカイブとして課金されます",
    "reason.classNoZone": "ゾーンがありません。ファイル名でゾーンを示してください(price-is1b.json)",
    "reason.classListedTwice": "{zone} で2回あります。最初のものを使います",
    "reason.classSameItem": "{zone} の {first} と同じ品目({item})です。最初のものを使います",
    "reason.passportNoCounterpart": "対応する取り込み済みプランがありません",
    "reason.passportNoMonthly": "対応するプランに月額料金がありません",
    zoneSources: "ゾーンごとの料金の出典:",
    zoneOfficial: "{zone}:公式の料金表({date}時点)",
    zoneBase: "{zone}:{source}({date}時点)",
  },
});

/** An entry's reason in the current language, by its code (messages.js for codes without a short wording here). */
export function reasonText(entry) {
  const key = `reason.${entry.code}`;
  const text = t(key, entry.args ?? {});
  return text === key ? problemText(entry) : text;
}

/** The sentence saying what became of the base catalog. */
export function overlayText(out) {
  const o = out.overlay ?? {};
  const zones = [...new Set((out.catalog?.zones ?? []).filter((z) => z.official).map((z) => z.zone))].join(", ");
  if (o.overlaid) return t("overlay.yes", { base: o.base, zones });
  if (o.code === "taxRateDiffers") return t("overlay.taxRateDiffers", o.args ?? {});
  return o.base ? problemText(o) : t("overlay.none");
}

/** Lines for the import's details: base passport plans not carried over. */
export function passportLines(out) {
  const lost = out.passportsNotCarried ?? [];
  if (!lost.length) return [];
  return [t("passportsNotCarried", { n: lost.length }), ...lost.map((p) => `${p.item} (${zoneName(p.zone)}): ${reasonText(p)}`)];
}

/** A catalog's per-zone sources, one line each; none when it has one source. */
export function zoneSourceLines(catalog) {
  const zones = catalog?.zones ?? [];
  if (!zones.length) return [];
  return [t("zoneSources"), ...zones.map((z) => t(z.official ? "zoneOfficial" : "zoneBase",
    { zone: zoneName(z.zone), date: date(z.asOf), source: zoneSourceText(z.source) }))];
}
