// Defines every result component: <sakura-comparison>, <sakura-bills>,
// <sakura-passports>, <sakura-credits> and <sakura-years>.
export { SakuraComparison } from "./sakura-comparison.js";
export { SakuraBills } from "./sakura-bills.js";
export { SakuraPassports } from "./sakura-passports.js";
export { SakuraCredits } from "./sakura-credits.js";
export { SakuraYears } from "./sakura-years.js";
