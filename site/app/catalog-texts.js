// A catalog's source paragraph in the page's language. Catalogs carry one
// English `source` (the contract's field); the shipped catalogs' paragraphs
// and the import's generated ones are worded in Japanese here, by catalog id
// or by the import's fixed sentence shapes (engine/pricelist/assemble.go).
// Anything else (a catalog from a link or a custom file) shows as written.
import { lang } from "../lib/i18n.js";

const SHIPPED_JA = {
  "list-2026":
    "さくらのクラウドの製品ページ(定価、石狩第1ゾーン、税抜)を2026-04-28に写したもの。公開料金APIと同じく、消費税10%を加えて1円未満を切り捨てて保存しています。時間割料金と日割料金は製品ページに載っていないため、税抜の1円単位で日割料金 = 月額料金 ÷ 20(切り上げ)、時間割料金 = 日割料金 ÷ 10(切り捨て)として求め、税を加えて切り捨て、推定として印を付けています。GPUプラン:公開料金APIの税込料金を、掲載されているゾーンだけに載せています(V100とH100は is1a、H100は is1b)。is1a以外のゾーンはis1aの料金を写しています(assumedFrom)。正確な料金は公式の料金表を取り込んでください。",
  "seed-2018":
    "資料002の料金例(さくらのクラウド マニュアル「ディスカウントパスポート」、2018-11-14更新):東京第1ゾーンの4コア / 8GBが月額9,504円(消費税8%込み)。時間割料金と日割料金は月額料金 ÷ 20と ÷ 200で求め、切り捨てています。",
};

const API = /^SAKURA Cloud public price API \(([^)]*)\), (zones?) ([^;]*?)(?:, as of ([\d-]+))?; tax included, as published(?:; passport eligibility from (.+))?$/;

function officialJa(source) {
  const m = API.exec(source);
  if (!m) return null;
  const [, url, , zones, asOf, passportsFrom] = m;
  return `さくらのクラウド 公開料金API(${url})、ゾーン ${zones}${asOf ? `、${asOf}時点` : ""}。公開されたとおりの税込料金${passportsFrom ? `。ディスカウントパスポートの対象プランは ${passportsFrom} から` : ""}`;
}

/** source in the page's language: catalog is {id, source}. */
export function sourceText(catalog, language = lang()) {
  const source = catalog?.source ?? "";
  if (language !== "ja") return source;
  if (SHIPPED_JA[catalog.id] !== undefined && catalog.origin !== "link") return SHIPPED_JA[catalog.id];
  return officialJa(source) ?? source;
}

/** A zone source line's text ("list-2026: SAKURA Cloud product pages…" for a base zone). */
export function zoneSourceText(source, language = lang()) {
  if (language !== "ja") return source;
  const m = /^([\w.+-]+): ([\s\S]*)$/.exec(source ?? "");
  if (m && SHIPPED_JA[m[1]] !== undefined) return `${m[1]}: ${SHIPPED_JA[m[1]]}`;
  return officialJa(source ?? "") ?? source;
}
