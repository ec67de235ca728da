/* Loaded in <head>, before Material's bundle.
 *
 * 1. Material's storage helpers (Material for MkDocs 9.8.1, MIT, (c) Martin Donath),
 *    moved out of the page so the Content-Security-Policy can forbid inline scripts.
 *    The scope is the site root: this file lives at <root>/assets/javascripts/.
 */
__md_scope=new URL("../..",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}};

/*
 * 2. Search per language: the build writes search/search_index.<lang>.json beside
 *    Material's index of both languages; requests go to the page's language.
 * 3. Material fetches "sitemap.xml" beside every <link rel="alternate"> to map pages
 *    between site versions; ours are per page, so that would be a missing file (or the
 *    whole sitemap) on every page load. Those requests get a tiny empty file (guide.js
 *    handles the language switcher).
 */
(function () {
  "use strict";
  var lang = document.documentElement.lang === "es" ? "es" : "en";

  /* 4. Offline (file://), Material loads search/search_index.js, which sets __index
   *    with both languages: keep the page's language only. */
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
  /* 5. Search loads when opened or focused (Material would start its worker and fetch
   *    the index, most of a page's weight, on every page), in workers/guide-search.js:
   *    Material's worker plus accent folding and stemmed queries. */
  var searchWanted = location.protocol === "file:", waiting = [];
  function wantSearch() {
    if (searchWanted) return;
    searchWanted = true;
    waiting.splice(0).forEach(function (go) { go(); });
  }
  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest(".md-search")) wantSearch();
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) wantSearch();
  });
  var RealWorker = window.Worker;
  if (RealWorker) {
    window.Worker = function (url, options) {
      if (String(url).indexOf("search") === -1) return new RealWorker(url, options);
      var real = null, listeners = [], queue = [];
      function start() {
        real = new RealWorker(String(url).replace(/[^/]*$/, "guide-search.js?$&"), options);
        listeners.forEach(function (l) { real.addEventListener(l[0], l[1], l[2]); });
        queue.splice(0).forEach(function (message) { real.postMessage(message); });
      }
      if (searchWanted) start(); else waiting.push(start);
      this.addEventListener = function (type, listener, opts) {
        listeners.push([type, listener, opts]);
        if (real) real.addEventListener(type, listener, opts);
      };
      this.removeEventListener = function (type, listener, opts) {
        listeners = listeners.filter(function (l) { return l[0] !== type || l[1] !== listener; });
        if (real) real.removeEventListener(type, listener, opts);
      };
      this.postMessage = function (message) {
        if (real) real.postMessage(message); else queue.push(message);
      };
      this.terminate = function () { if (real) real.terminate(); waiting = []; };
    };
  }
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (request.guideSearchIndex && !searchWanted) {
      waiting.push(function () { send.apply(request, args); });
      return;
    }
    return send.apply(request, args);
  };

  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    try {
      var target = new URL(String(url), location.href);
      var config = document.getElementById("__config");
      var base = config ? new URL(JSON.parse(config.textContent).base, location.href) : null;
      if (!base) return open.apply(this, args);
      if (target.origin === base.origin &&
          target.pathname === base.pathname + "search/search_index.json") {
        target.pathname = base.pathname + "search/search_index." + lang + ".json";
        args[1] = target.href;
        this.guideSearchIndex = true;
      } else if (/\/sitemap\.xml$/.test(target.pathname)) {
        /* whatever host the hreflang link names: this never leaves the site */
        args[1] = new URL("assets/data/no-alternates.xml", base).href;
      }
    } catch (error) {
      /* leave the request as it was */
    }
    return open.apply(this, args);
  };
})();
