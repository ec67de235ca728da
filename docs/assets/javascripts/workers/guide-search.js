/* The guide's search worker: Material's own worker and lunr, with three settings lunr
 * leaves to the site. Loaded only when the reader opens search (head.js starts it in
 * place of Material's worker and names that worker after the "?").
 *
 * 1. Accents do not matter. Every word is indexed as written and without accents
 *    ("información" also as "informacion"), and a query word is read the same way, so
 *    "informacion", "habitacion" or "inmigracion" find the pages that spell them with
 *    accents. The Spanish or English stemmer (lunr-languages, shipped by Material) then
 *    runs on both spellings.
 * 2. Query words are stemmed like the index. Material adds a trailing wildcard to every
 *    word, and lunr skips its pipeline for wildcard words, so "warrants" or "derechos"
 *    would never meet the stems "warrant" and "derech". Each word goes through the
 *    index's own pipeline (accents, stop words, stemmer) before the wildcard: stop words
 *    ("what", "que", "la") are dropped unless nothing else is left.
 * 3. A typo still finds the word: each word of five letters or more also matches index
 *    words one edit away (lunr's fuzzy matching), at a lower weight.
 *
 * Synonyms and per-page weights are in the index itself (data/search.yml,
 * scripts/search.py): this file holds no words.
 */
(function () {
  "use strict";
  var inPage = typeof document !== "undefined";   /* iframe-worker (offline package) */
  var self_ = inPage ? document.currentScript.src : location.href;
  var material = new URL(decodeURIComponent(self_.split("?")[1]), self_).href;

  function fold(token) {
    var text = token.toString();
    var plain = text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    if (plain === text) return token;
    return [token, token.clone(function () { return plain; })];
  }

  var analyzer = null;   /* the index pipeline of the last index built */

  function patch(lunr) {
    lunr.Pipeline.registerFunction(fold, "guideFold");

    var add = lunr.Builder.prototype.add;
    lunr.Builder.prototype.add = function () {
      if (!this.guideFolded) {
        this.guideFolded = true;
        this.pipeline._stack.unshift(fold);
        this.searchPipeline._stack.unshift(fold);
      }
      return add.apply(this, arguments);
    };
    var build = lunr.Builder.prototype.build;
    lunr.Builder.prototype.build = function () {
      analyzer = this.pipeline;
      return build.apply(this, arguments);
    };

    var clause = lunr.Query.prototype.clause;
    lunr.Query.prototype.clause = function (c) {
      var match = analyzer && c.usePipeline === false && /^([^*~^:]+)\*$/.exec(c.term);
      if (!match) return clause.call(this, c);
      var stems = analyzer.runString(match[1]);
      if (!stems.length) {
        /* a stop word: keep it only while it is all there is */
        this.guideStops = (this.guideStops || []).concat([c]);
        return this;
      }
      /* Only the word being typed, the last one, matches as a prefix: finished words
       * match whole, so "si" does not find "situaciones". */
      var last = this.guideLast === undefined || this.guideLast === match[1];
      var query = this;
      stems.forEach(function (stem, i) {
        var copy = {};
        for (var key in c) copy[key] = c[key];
        copy.term = stem + (last ? "*" : "");
        if (!last) delete copy.wildcard;
        clause.call(query, copy);
        if (i === 0 && stem.length >= 5) {
          var fuzzy = { term: stem, editDistance: 1, boost: 0.2, usePipeline: false };
          if (c.fields) fuzzy.fields = c.fields;
          if (c.presence) fuzzy.presence = c.presence;
          clause.call(query, fuzzy);
        }
      });
      return this;
    };
    var parse = lunr.QueryParser.prototype.parse;
    lunr.QueryParser.prototype.parse = function () {
      var words = this.lexer.str.trim().split(/\s+/);
      this.query.guideLast = words[words.length - 1].toLowerCase().replace(/^[+-]/, "").replace(/\*$/, "");
      var result = parse.apply(this, arguments);
      var query = this.query;
      if (!query.clauses.length && query.guideStops)
        query.guideStops.forEach(function (c) { clause.call(query, c); });
      query.guideStops = null;
      return result;
    };
  }

  var loaded = importScripts(material);
  if (loaded && typeof loaded.then === "function")
    loaded.then(function () { patch(self.lunr); });
  else
    patch(self.lunr);
})();
