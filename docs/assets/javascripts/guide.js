/* Small behaviours for every page. No network, no storage. */
(function () {
  "use strict";

  /* The language switcher keeps the section: ids are the same in both languages, so
   * /warrants/judicial/#signature and /es/warrants/judicial/#signature match. Runs in
   * the capture phase so Material's own handler, which drops the fragment, never sees
   * the click. */
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest("a.md-select__link[hreflang]");
    if (!link) return;
    event.stopPropagation();
    var href = link.getAttribute("href").split("#")[0];
    link.setAttribute("href", href + location.hash);
  }, true);
})();

/* "Print this page" button on printable pages (hidden until this script runs, so it
 * never shows as a dead button without JavaScript). */
(function () {
  "use strict";
  var buttons = document.querySelectorAll("button.guide-print-button");
  Array.prototype.forEach.call(buttons, function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();

/* A section that moved (data/anchors.yml) leaves a marker with its old id; a link to
 * the old id goes on to the new address. */
(function () {
  "use strict";
  var id = decodeURIComponent(location.hash.slice(1));
  var marker = id && document.getElementById(id);
  var target = marker && marker.getAttribute("data-moved-to");
  if (target) location.replace(target);
})();
