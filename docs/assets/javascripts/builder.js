/* "Build your facility's protocol": the steps of protocols/during.md (#when-agents-arrive)
 * and the private area sign, which the build embeds as #builder-data, filled in with the
 * facility's names and numbers. Everything stays in this page: no request, and nothing
 * is stored unless the reader chooses "Save on this device" ("Forget" removes it).
 * What the reader types is only ever used as text (textContent), never as HTML. */
(function () {
  "use strict";
  var form = document.getElementById("builder");
  var out = document.getElementById("protocol");
  var source = document.getElementById("builder-data");
  if (!form || !out || !source) return;
  var data = JSON.parse(source.textContent);
  var KEY = "guide-protocol-builder";
  var status = document.getElementById("builder-status");
  var fields = Array.prototype.slice.call(form.querySelectorAll("[data-field]"));

  function make(tag, text, className) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function values() {
    var value = {};
    fields.forEach(function (field) {
      var text = field.value;
      value[field.getAttribute("data-field")] = (field.maxLength > 0 ? text.slice(0, field.maxLength) : text).trim();
    });
    return value;
  }

  function pair(name, phone, blank, blanks) {
    return (name || blank) + " · " + (phone || blanks.phone);
  }

  function render() {
    var v = values();
    var languages = v.languages.split(" ").filter(function (l) { return data.text[l]; });
    var backups = ["backup1", "backup2"].filter(function (k) { return v[k + "_name"] || v[k + "_phone"]; });
    var areas = v.areas.split("\n").map(function (a) { return a.trim(); }).filter(Boolean);
    if (!languages.length) languages = [form.getAttribute("data-lang")];
    out.textContent = "";
    out.className = "guide-protocol" + (languages.length > 1 ? " guide-protocol--both" : "");
    languages.forEach(function (lang) {
      var t = data.text[lang], blanks = data.blanks[lang], steps = data.steps[lang];
      var part = out.appendChild(make("section", "", "guide-protocol__part"));
      part.lang = lang;
      part.appendChild(make("h2", v.facility || blanks.facility));
      part.appendChild(make("p", t.title, "guide-protocol__title"));
      var responder = pair(v.responder_name, v.responder_phone, blanks.responder, blanks);
      var others = backups.map(function (k) { return pair(v[k + "_name"], v[k + "_phone"], blanks.backup, blanks); });
      var contacts = part.appendChild(make("ul", "", "guide-protocol__contacts"));
      var line = function (label, text) {
        var item = contacts.appendChild(make("li"));
        item.appendChild(make("strong", label + ": "));
        item.appendChild(document.createTextNode(text));
      };
      line(t.responder, responder);
      (others.length ? others : [pair("", "", blanks.backup, blanks)]).forEach(function (text) { line(t.backup, text); });
      line(t.counsel, pair(v.counsel_name, v.counsel_phone, blanks.counsel, blanks));
      line(t.areas, areas.length ? areas.join("; ") : blanks.areas);
      part.appendChild(make("p", t.areas_note));
      part.appendChild(make("h3", steps.title));
      var list = part.appendChild(make("ol"));
      steps.items.forEach(function (tokens) {
        var item = list.appendChild(make("li"));
        tokens.forEach(function (token) {
          var text = token[1];
          if (token[2] === "responder") text = responder;
          if (token[2] === "responder_name") text = v.responder_name || text;
          if (token[2] === "backups" && others.length) text = others.join(t.or);
          var node = token[0] ? make(token[0] === "b" ? "strong" : "em", text) : document.createTextNode(text);
          if (token[3]) {  /* a phrase in the other language keeps its lang */
            var span = make("span");
            span.lang = token[3];
            span.appendChild(node);
            node = span;
          }
          item.appendChild(node);
        });
      });
      part.appendChild(make("p", t.source.replace("{page}", steps.page), "guide-protocol__source"));
      stateRules(part, v.state, lang, t);
    });
    var sign = out.appendChild(make("div", "", "guide-sign guide-protocol__sign"));
    data.sign.forEach(function (line) {
      var p = sign.appendChild(make("p", line[2] ? "" : line[1]));
      p.lang = line[0];
      if (line[2]) p.appendChild(make("strong", line[1]));
    });
  }

  /* The chosen state's rules (data/states/, embedded by the build), in the part's language. */
  function stateRules(part, code, lang, t) {
    var state = (data.states[lang] || []).filter(function (s) { return s.code === code; })[0];
    if (!state) return;
    var box = part.appendChild(make("section", "", "guide-protocol__state"));
    box.appendChild(make("h3", t.state_title.replace("{state}", state.name)));
    if (!state.rules.length) {
      box.appendChild(make("p", t.state_none.replace("{state}", state.name).replace("{date}", state.checked)));
      return;
    }
    var list = box.appendChild(make("ul"));
    state.rules.forEach(function (rule) {
      var item = list.appendChild(make("li"));
      item.appendChild(make("strong", rule.title + ". "));
      item.appendChild(document.createTextNode(rule.note + " (" + rule.citation + ") "));
      item.appendChild(make("em", t.state_checked.replace("{date}", rule.checked)));
      if (rule.requires.length) {
        var duties = item.appendChild(make("ul"));
        rule.requires.forEach(function (text) { duties.appendChild(make("li", text)); });
      }
    });
    box.appendChild(make("p", t.state_page.replace("{state}", state.name), "guide-protocol__source"));
  }

  function say(key) { status.textContent = data.status[key]; }

  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("input", render);
  form.addEventListener("change", render);
  form.addEventListener("click", function (event) {
    var target = event.target.closest("[data-action]");
    var action = target && target.getAttribute("data-action");
    if (action === "print") window.print();
    try {
      if (action === "save") {
        localStorage.setItem(KEY, JSON.stringify(values()));
        say("saved");
      } else if (action === "forget") {
        localStorage.removeItem(KEY);
        say("forgotten");
      }
    } catch (error) {
      say("unavailable");
    }
  });

  try {
    var saved = JSON.parse(localStorage.getItem(KEY) || "null");
    if (saved) {
      fields.forEach(function (field) {
        var value = saved[field.getAttribute("data-field")];
        if (typeof value === "string") field.value = value;
      });
      var languages = document.getElementById("builder-languages");
      if (!languages.value) languages.value = form.getAttribute("data-lang");
      say("loaded");
    }
  } catch (error) { /* storage blocked or unreadable: start empty */ }

  Array.prototype.forEach.call(document.querySelectorAll(".guide-builder-nojs"), function (node) {
    node.hidden = true;
  });
  form.hidden = false;
  out.hidden = false;
  render();
})();
