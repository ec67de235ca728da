/* Redirect pages for moved addresses (data/anchors.yml): go to the new page and keep
 * the #section, which the meta refresh alone would drop. */
(function () {
  "use strict";
  var link = document.querySelector('link[rel="canonical"]');
  if (link) location.replace(link.href.split("#")[0] + location.hash);
})();
