// Before printing, every chart's table is opened (paper cannot open it later,
// and the components build a chart's table only when it is opened); after
// printing, the ones the reader had closed close again. The browser's own
// toggle event comes a task later, after the page is laid out for paper, so
// it is sent at once here: the table is built in time.
export function keepChartTablesInPrint() {
  let opened = [];
  addEventListener("beforeprint", () => {
    opened = [...document.querySelectorAll("details.sk-alt:not([open])")];
    for (const d of opened) {
      d.open = true;
      d.dispatchEvent(new Event("toggle"));
    }
  });
  addEventListener("afterprint", () => {
    for (const d of opened) d.open = false;
    opened = [];
  });
}
