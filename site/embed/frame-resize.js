// Optional, for hosts that allow one script: sizes every iframe calculator
// from this script's origin to its content (the frame posts its height).
(function () {
  var origin = new URL(document.currentScript.src).origin;
  window.addEventListener("message", function (event) {
    if (event.origin !== origin || !event.data || typeof event.data.sakuraCalculatorHeight !== "number") return;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) frames[i].style.height = Math.min(event.data.sakuraCalculatorHeight, 4000) + "px";
    }
  });
})();
