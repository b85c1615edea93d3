// The one glossary both languages use: SAKURA's own terms from its pages
// (../shared/seeds: the English manual and the Japanese notices), and the
// variants the page must not use. Strings word these terms through term(),
// or write them out as listed here; site/test/glossary.test.js scans every
// string of the page for the banned variants and for the spacing rule.
//
// Spacing rule (Japanese): a number touches its counter or unit with no space
// (36か月, 31日, 744時間, 10%, 9,504円); a space only separates Latin words or
// ids from each other.
import { register, t } from "./i18n.js";

export const GLOSSARY = {
  hourly: { en: "hourly rate", ja: "時間割料金", banned: { en: ["hourly price"], ja: ["時間料金", "時間単価"] } },
  daily: { en: "daily rate", ja: "日割料金", banned: { en: ["daily price"], ja: ["日額料金", "日額"] } },
  monthly: { en: "monthly fee", ja: "月額料金", banned: { en: ["monthly price"], ja: ["月極"] } },
  passport: { en: "discount passport", ja: "ディスカウントパスポート", banned: { en: [], ja: ["割引パスポート"] } },
  coupon: { en: "coupon", ja: "クーポン", banned: { en: [], ja: [] } },
  prepaid: { en: "prepaid ID", ja: "プリペイドID", banned: { en: [], ja: ["プリペイド ID"] } },
  // Coupons and prepaid IDs together: SAKURA has no word "credit" for them,
  // and クレジット would read as the credit card beside it in the same notice.
  credits: { en: "coupons and prepaid IDs", ja: "クーポン・プリペイドID", banned: { en: [], ja: ["クレジット(?!カード)"] } },
  creditCard: { en: "credit card", ja: "クレジットカード", banned: { en: [], ja: [] } },
  customPrice: { en: "custom price", ja: "個別料金", banned: { en: [], ja: [] } },
};

// Japanese spacing: a digit then a space then a counter is the one banned shape.
export const JA_SPACING = /\d[ \u3000](?:か月|ヶ月|日|時間|円|件|コア|GB|%)/;

register({
  en: Object.fromEntries(Object.entries(GLOSSARY).map(([k, v]) => [`term.${k}`, v.en])),
  ja: Object.fromEntries(Object.entries(GLOSSARY).map(([k, v]) => [`term.${k}`, v.ja])),
});

/** A glossary term in the page's language: term("hourly") → "hourly rate" / "時間割料金". */
export function term(key) {
  return t(`term.${key}`);
}
