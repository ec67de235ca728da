/* Loaded in <head>, before Material's bundle, because it must wrap XMLHttpRequest
 * before the bundle makes its first request.
 *
 * 1. Search per language. Material loads one search index holding both languages, so
 *    an English query on a Spanish page lists English pages. The build also writes
 *    search/search_index.<lang>.json; this sends the request to the page's language.
 * 2. No needless 404s. Material fetches "sitemap.xml" beside every
 *    <link rel="alternate">; our hreflang links are per page, so that would be a
 *    missing file on every page load. Those requests go to the one real sitemap.
 */
(function () {
  "use strict";
  var lang = document.documentElement.lang === "es" ? "es" : "en";
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    try {
      var target = new URL(String(url), location.href);
      var config = document.getElementById("__config");
      var base = config ? new URL(JSON.parse(config.textContent).base, location.href) : null;
      if (base && target.origin === base.origin) {
        if (target.pathname === base.pathname + "search/search_index.json") {
          target.pathname = base.pathname + "search/search_index." + lang + ".json";
          args[1] = target.href;
        } else if (/\/sitemap\.xml$/.test(target.pathname)) {
          target.pathname = base.pathname + "sitemap.xml";
          args[1] = target.href;
        }
      }
    } catch (error) {
      /* leave the request as it was */
    }
    return open.apply(this, args);
  };
})();
