/* Loaded in <head>, before Material's bundle.
 *
 * 1. Material's storage helpers (Material for MkDocs 9.8.1, MIT, (c) Martin Donath),
 *    moved out of the page so the Content-Security-Policy can forbid inline scripts.
 *    The scope is the site root: this file lives at <root>/assets/javascripts/.
 */
__md_scope=new URL("../..",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}};

/*
 * 2. Search per language. Material loads one search index holding both languages, so
 *    an English query on a Spanish page lists English pages. The build also writes
 *    search/search_index.<lang>.json; requests go to the page's language.
 * 3. No needless 404s. Material fetches "sitemap.xml" beside every
 *    <link rel="alternate">; our hreflang links are per page, so that would be a
 *    missing file on every page load. Those requests go to the one real sitemap.
 */
(function () {
  "use strict";
  var lang = document.documentElement.lang === "es" ? "es" : "en";

  /* 4. The offline package (file://) has no server to ask: Material loads
   *    search/search_index.js, which sets the global __index holding both languages.
   *    Keep the page's language only, as the per-language files do online. */
  if (location.protocol === "file:") {
    var stored;
    Object.defineProperty(window, "__index", {
      configurable: true,
      get: function () { return stored; },
      set: function (index) {
        index.docs = index.docs.filter(function (doc) {
          return (doc.location.indexOf("es/") === 0) === (lang === "es");
        });
        index.config.lang = [lang];
        stored = index;
      }
    });
  }
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
