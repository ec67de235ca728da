/* "Check a document": one question at a time (Yes, No, and Not sure where the data gives it), from the JSON block #checker-data
 * that the build renders from data/checker.yml (the checklist on the page comes from
 * the same data). Each result has its own address (#result-...). No network, no storage. */
(function () {
  "use strict";
  var root = document.getElementById("checker");
  var source = document.getElementById("checker-data");
  if (!root || !source) return;
  var data = JSON.parse(source.textContent);
  var ui = data.ui;
  var trail = [];          /* questions answered so far, for Back */
  var current = null;

  function make(tag, text, className) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function button(text, action, primary) {
    var node = make("button", text, "md-button" + (primary ? " md-button--primary" : ""));
    node.type = "button";
    node.addEventListener("click", action);
    return node;
  }

  /* Link targets as MkDocs resolved them in the checklist (directory URLs online,
   * .html files offline). */
  function link(item) {
    var found = document.querySelector('a[data-checker-link="' + item.ref + '"]');
    var node = make("a", item.text);
    node.href = found ? found.getAttribute("href") : item.ref;
    return node;
  }

  function links(list, into) {
    if (!list.length) return;
    var ul = make("ul");
    list.forEach(function (item) { ul.appendChild(make("li")).appendChild(link(item)); });
    into.appendChild(ul);
  }

  var live = make("p", "", "guide-sr-only");
  live.setAttribute("aria-live", "polite");
  var box = make("div");
  root.appendChild(box);
  root.appendChild(live);

  function setHash(id) {
    try {
      history.replaceState(null, "", id ? "#" + id : location.pathname + location.search);
    } catch (error) { /* file:// in some browsers: the result still shows */ }
  }

  function show(id, focus) {
    current = id;
    box.textContent = "";
    var question = data.questions[id];
    var outcome = data.outcomes[id];
    var heading, nav = make("div", "", "guide-checker__nav");
    if (question) {
      box.appendChild(make("p", ui.question.replace("{n}", trail.length + 1), "guide-checker__progress"));
      if (!trail.length && data.before.length) {
        box.appendChild(make("p", ui.before));
        var list = box.appendChild(make("ul"));
        data.before.forEach(function (text) { list.appendChild(make("li", text)); });
      }
      heading = box.appendChild(make("h3", question.text));
      var answers = box.appendChild(make("div", "", "guide-checker__answers"));
      answers.appendChild(button(ui.answer_yes, function () { answer(question.yes); }, true));
      answers.appendChild(button(ui.answer_no, function () { answer(question.no); }, true));
      if (question.unsure) {
        answers.appendChild(button(ui.answer_unsure, function () { answer(question.unsure); }, true));
      }
      live.textContent = focus ? ui.question.replace("{n}", trail.length + 1) + ": " + question.text : "";
      if (data.outcomes[decodeURIComponent(location.hash.slice(1))]) setHash(null);
    } else {
      heading = box.appendChild(make("h3", ui.result + " " + outcome.title));
      box.appendChild(make("p", outcome.text));
      var always = box.appendChild(make("p"));
      always.appendChild(make("strong", data.always.title));
      always.appendChild(document.createTextNode(" " + data.always.text));
      box.appendChild(make("p", ui.more));
      links(outcome.links.concat(data.always.links), box);
      var permalink = box.appendChild(make("p")).appendChild(make("a", ui.link));
      permalink.href = "#" + id;
      live.textContent = ui.result + " " + outcome.title;
      setHash(id);
    }
    heading.tabIndex = -1;
    heading.className = "guide-checker__heading";
    if (trail.length) nav.appendChild(button(ui.back, back));
    if (id !== data.start) nav.appendChild(button(ui.restart, restart));
    box.appendChild(nav);
    if (focus) heading.focus();
  }

  function answer(next) { trail.push(current); show(next, true); }
  function back() { show(trail.pop(), true); }
  function restart() { trail = []; show(data.start, true); }

  function fromHash(focus) {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!data.outcomes[id]) return false;
    if (id !== current) { trail = []; show(id, focus); }
    return true;
  }

  root.hidden = false;
  if (fromHash(false)) {
    /* After the browser's own jump to #result-... in the checklist below. */
    window.addEventListener("load", function () {
      setTimeout(function () {
        root.scrollIntoView();
        box.querySelector("h3").focus({ preventScroll: true });
      }, 0);
    });
  } else {
    show(data.start, false);
  }
  window.addEventListener("hashchange", function () { fromHash(false); });
})();
