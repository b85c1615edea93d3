// Before printing, every chart's table is opened (paper cannot open it later,
// and the components build a chart's table only when it is opened); after
// printing, the ones the reader had closed close again.
export function keepChartTablesInPrint() {
  let opened = [];
  addEventListener("beforeprint", () => {
    opened = [...document.querySelectorAll("details.sk-alt:not([open])")];
    for (const d of opened) d.open = true;
  });
  addEventListener("afterprint", () => {
    for (const d of opened) d.open = false;
    opened = [];
  });
}
