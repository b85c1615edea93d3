// The embed's attribute rules: defaults, every invalid value named, scenarios.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readSettings, scenario, nextMonth, pickLang } from "../embed/calculator-settings.js";

const read = (attrs) => readSettings((n) => attrs[n] ?? null, { lang: "en", today: new Date(2026, 10, 26) });

test("defaults: a passport-eligible server, always on, from next month, 36 months, the estimate view", () => {
  assert.deepEqual(read({}).settings, {
    lang: "en", catalog: "", zone: "tk1a", item: "server/4core-8gb", view: "estimate",
    count: 1, hours: "always", start: "2026-12", months: 36, term: "",
  });
  assert.equal(nextMonth(new Date(2026, 11, 5)), "2027-01");
});

test("every invalid attribute is named with what it needs", () => {
  for (const [attrs, attr, need] of [
    [{ count: "0" }, "count", "needCount"], [{ count: "10001" }, "count", "needCount"], [{ count: "1.5" }, "count", "needCount"],
    [{ hours: "745" }, "hours", "needHours"], [{ hours: "lots" }, "hours", "needHours"], [{ hours: "-1" }, "hours", "needHours"],
    [{ start: "2026-13" }, "start", "needStart"], [{ start: "26-01" }, "start", "needStart"],
    [{ months: "0" }, "months", "needMonths"], [{ months: "121" }, "months", "needMonths"],
    [{ term: "6" }, "term", "needTerm"], [{ lang: "fr" }, "lang", "needLang"], [{ view: "chart" }, "view", "needView"],
  ]) {
    assert.deepEqual(read(attrs).problem, { attr, value: attrs[attr], need }, JSON.stringify(attrs));
  }
  assert.equal(read({ hours: "744" }).settings.hours, "744");
  assert.equal(read({ hours: "0.5" }).settings.hours, "0.5");
});

test("the scenario: one resource, a passport bought at the start for the same count", () => {
  const s = read({ catalog: "seed-2018", start: "2018-12", count: "2", term: "12", hours: "200" }).settings;
  assert.deepEqual(scenario(s), {
    catalog: "seed-2018", start: "2018-12", months: 36,
    resources: [{ id: "calc", item: "server/4core-8gb", zone: "tk1a", count: 2, usage: { pattern: "hours", hours: "200" } }],
    passports: [{ item: "server/4core-8gb", zone: "tk1a", term: 12, count: 2, purchased: "2018-12" }],
  });
  assert.equal(scenario(s, { months: 24, term: "" }).passports, undefined);
});

test("language: attribute, then the page's lang, then the browser's", () => {
  assert.equal(pickLang("en", "ja", "ja-JP"), "en");
  assert.equal(pickLang(null, "ja-JP", "en-US"), "ja");
  assert.equal(pickLang(null, "", "ja"), "ja");
  assert.equal(pickLang(null, "", ""), "en");
});
