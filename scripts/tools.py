"""The two interactive tools, rendered at build time from data (scripts/render.py
RENDERERS), so the printable text and the JavaScript read the same source:

- "Check a document" (warrants/check.md): data/checker.yml becomes the numbered
  checklist and its outcomes (what prints, and what readers without JavaScript use) and
  the JSON block `#checker-data` that assets/javascripts/checker.js reads.
- "Build your facility's protocol" (protocols/build.md): the form (data/builder.yml) and
  the JSON block `#builder-data` that assets/javascripts/builder.js reads, holding the
  steps taken from protocols/during.md (#when-agents-arrive) in both languages and the
  sign taken from protocols/private-area-sign.md.

JSON blocks are `<script type="application/json">`: data, not code, so the
Content-Security-Policy allows them, and they work from file:// (nothing is fetched).
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from pathlib import Path

from scripts import content, states

CHECK_PAGE = "warrants/check.md"          # the page data/checker.yml links are relative to
DURING_PAGE = "protocols/during.md"
STEPS_ID = "when-agents-arrive"
SIGN_PAGE = "protocols/private-area-sign.md"

FOOTNOTE_RE = re.compile(r"\[\^[^\]]+\]")
PAREN_LINK_RE = re.compile(r"\s*\(\[[^\]]+\]\([^)]*\)\)")     # " ([why](page.md#id))"
LINK_RE = re.compile(r"\[([^\]]+)\]\([^)]*\)")
EMPHASIS_RE = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*")
BLANK_RE = re.compile(r"\[[^\]^]+\]")
SPAN_LANG_RE = re.compile(r'<span lang="([a-z]{2})">(.*?)</span>')
LIST_ITEM_RE = re.compile(r"^\d+\.\s+(.*)$")


def json_block(element_id: str, data) -> str:
    """A JSON data block. '<' is escaped so no text in it can close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f'<script type="application/json" id="{element_id}">{text}</script>'


# --- Check a document -----------------------------------------------------------------

def checker_data() -> dict:
    return content.load_data("checker.yml")


def link_target(ref: str, page: str = CHECK_PAGE) -> tuple[str, str]:
    """'judicial.md#search-warrant' -> ('warrants/judicial.md', 'search-warrant')."""
    target, _, anchor = ref.partition("#")
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), target)), anchor


def heading_text(rel: str, anchor: str, language: str) -> str | None:
    path = content.DOCS / language / rel
    if not path.is_file():
        return None
    for heading in content.headings(path):
        if heading.id == anchor:
            return heading.text.replace("*", "").replace("`", "")
    return None


def link_text(link: dict, language: str) -> str:
    """The link's own text, or the heading of the section it points to."""
    if link.get(language):
        return link[language]
    rel, anchor = link_target(link["page"])
    text = heading_text(rel, anchor, language)
    if text is None:
        raise ValueError(f"data/checker.yml: link '{link['page']}' does not point to a section "
                         f"of docs/{language}/{rel}")
    return text


def _footnotes(item: dict) -> str:
    return "".join(f"[^{label}]" for label in item.get("sources") or [])


def _more(links: list[dict], language: str, ui: dict) -> str:
    """The 'Read more' links (screen only): the checker takes their hrefs from here, as
    MkDocs resolved them for this build (directory URLs online, .html offline)."""
    if not links:
        return ""
    items = " · ".join(f'[{link_text(link, language)}]({link["page"]}){{data-checker-link="{link["page"]}"}}'
                       for link in links)
    return f' <span class="guide-checker-more">{ui["more"]} {items}</span>'


def _step_numbers(data: dict) -> dict[str, int]:
    first = len(data.get("before") or []) + 1
    return {q["id"]: first + index for index, q in enumerate(data["questions"])}


def _outcome_ref(target: str, data: dict, ui: dict, numbers: dict[str, int]) -> str:
    if target in numbers:
        return ui["go_to"].format(n=numbers[target])
    outcome = next(o for o in data["outcomes"] if o["id"] == target)
    return f"[{ui['result_ref'].format(letter=outcome['letter'])}](#{target})"


def checker_json(language: str) -> dict:
    data = checker_data()
    ui = data["ui"][language]

    def links(item):
        return [{"ref": link["page"], "text": link_text(link, language)} for link in item.get("links") or []]

    numbers = _step_numbers(data)
    always = data["always"]
    return {
        "start": data["start"],
        "ui": {k: v for k, v in ui.items() if k not in ("result_ref", "go_to")},
        "before": [item[language] for item in data.get("before") or []],
        "questions": {q["id"]: {"n": numbers[q["id"]], "text": q[language], "yes": q["on_yes"],
                                "no": q["on_no"], "unsure": q.get("on_unsure")}
                      for q in data["questions"]},
        "outcomes": {o["id"]: {"title": f"{o['letter']}. {o['title_' + language]}",
                               "text": o[language], "links": links(o)} for o in data["outcomes"]},
        "always": {"title": always["title_" + language], "text": always[language],
                   "links": links(always)},
    }


def document_check(language: str) -> str:
    """The interactive checker's mount point and data, then the numbered checklist."""
    data = checker_data()
    ui = data["ui"][language]
    numbers = _step_numbers(data)
    out = [f'<div class="guide-checker" id="checker" role="region" aria-label="{html.escape(ui["label"])}" hidden></div>',
           json_block("checker-data", checker_json(language)), ""]
    number = 1
    for item in data.get("before") or []:
        out.append(f"{number}. {item[language]}")
        number += 1
    for question in data["questions"]:
        yes = _outcome_ref(question["on_yes"], data, ui, numbers)
        no = _outcome_ref(question["on_no"], data, ui, numbers)
        # Questions that end in a result on "no" say so first, as a reader scans for it.
        answers = [(ui["answer_yes"], yes), (ui["answer_no"], no)]
        if question["on_no"] not in numbers:
            answers.reverse()
        if question.get("on_unsure"):
            answers.append((ui["answer_unsure"], _outcome_ref(question["on_unsure"], data, ui, numbers)))
        said = " ".join(f"**{label}:** {ref}." for label, ref in answers)
        out.append(f"{numbers[question['id']]}. {question[language]} {said}{_footnotes(question)}")
    return "\n".join(out) + "\n"


def document_check_results(language: str) -> str:
    """The outcomes, each in a block whose id is its URL fragment, and the reminder."""
    data = checker_data()
    ui = data["ui"][language]
    out = []
    for outcome in data["outcomes"]:
        title = f"{outcome['letter']}. {outcome['title_' + language]}"
        out += [f'<div class="guide-checker-result" id="{outcome["id"]}" markdown>', "",
                f"**{title}** {outcome[language]}{_footnotes(outcome)}"
                f"{_more(outcome.get('links') or [], language, ui)}", "", "</div>", ""]
    always = data["always"]
    out += ['<div class="guide-checker-always" markdown>', "",
            f"**{always['title_' + language]}** {always[language]}{_footnotes(always)}"
            f"{_more(always.get('links') or [], language, ui)}", "", "</div>"]
    return "\n".join(out) + "\n"


def checker_problems() -> list[str]:
    """What would make the checker wrong: ids that differ between languages, a path that
    never ends, a link to a page or section that does not exist."""
    data = checker_data()
    problems = []
    questions = {q["id"]: q for q in data["questions"]}
    outcomes = {o["id"]: o for o in data["outcomes"]}
    order = list(questions)
    if set(questions) & set(outcomes):
        problems.append(f"ids used for both a question and an outcome: {set(questions) & set(outcomes)}")
    if data["start"] != order[0]:
        problems.append("start must be the first question")
    for q in data["questions"]:
        for key in ("on_yes", "on_no", "on_unsure"):
            target = q.get(key)
            if key == "on_unsure" and target is None:
                continue
            if target in questions and order.index(target) <= order.index(q["id"]):
                problems.append(f"question '{q['id']}' {key} goes back to '{target}'")
            elif target not in questions and target not in outcomes:
                problems.append(f"question '{q['id']}' {key} points to unknown '{target}'")
    for o in data["outcomes"]:
        if not o["id"].startswith("result-") or not content.ID_RE.match(o["id"]):
            problems.append(f"outcome id '{o['id']}' must be 'result-' plus lowercase words")
    for language in content.LANGUAGES:
        for item in (data.get("before") or []) + data["questions"] + data["outcomes"] + [data["always"]]:
            if not item.get(language):
                problems.append(f"'{item.get('id', 'before/always')}' has no {language} text")
        for o in data["outcomes"]:
            if not o.get(f"title_{language}"):
                problems.append(f"outcome '{o['id']}' has no title_{language}")
        if set(data["ui"][language]) != set(data["ui"]["en"]):
            problems.append(f"ui.{language} does not have the same keys as ui.en")
        for item in data["outcomes"] + [data["always"]]:
            for link in item.get("links") or []:
                rel, anchor = link_target(link["page"])
                if heading_text(rel, anchor, language) is None:
                    problems.append(f"link '{link['page']}' ({language}): no section '#{anchor}' "
                                    f"in docs/{language}/{rel}")
    return problems


# --- Build your facility's protocol ----------------------------------------------------

def builder_data() -> dict:
    return content.load_data("builder.yml")


def _section_list(path: Path, section_id: str) -> tuple[str, list[str]]:
    """The heading text and the numbered list that follows a heading with this id."""
    lines = path.read_text(encoding="utf-8").splitlines()
    title, items, inside = None, [], False
    for line in lines:
        if title is None:
            match = content.HEADING_RE.match(line)
            if match and content.ATTR_ID_RE.search(match.group(2)) \
                    and content.ATTR_ID_RE.search(match.group(2)).group(1) == section_id:
                title = content.ATTR_ID_RE.sub("", match.group(2)).strip()
            continue
        item = LIST_ITEM_RE.match(line)
        if item:
            items.append(item.group(1))
            inside = True
        elif inside and line.startswith((" ", "\t")) and line.strip():
            items[-1] += " " + line.strip()
        elif inside and line.strip():
            break
    if title is None or not items:
        raise ValueError(f"{path}: no numbered list under a heading with id '{section_id}'")
    return title, items


def _field_patterns(language: str) -> list[tuple[str, str]]:
    """(blank text as written on the page, field the builder fills), longest first: the
    page's own blanks, then the other language's (a Spanish step quotes what to say to
    agents in English too, with the English blank)."""
    patterns = []
    for lang in [language] + [other for other in content.LANGUAGES if other != language]:
        blank = builder_data()["blanks"][lang]
        patterns += [(f"{blank['responder']} · {blank['phone']}", "responder"),
                     (f"{blank['backup']} · {blank['phone']}", "backups")]
    for lang in [language] + [other for other in content.LANGUAGES if other != language]:
        patterns.append((builder_data()["blanks"][lang]["responder"], "responder_name"))
    return patterns


def step_tokens(markdown: str, language: str, where: str = "") -> list[list[str]]:
    """One list item's Markdown as tokens [style, text] or [style, blank, field]:
    style '' plain, 'b' bold, 'i' italic; footnotes and links are dropped (the printed
    protocol keeps the link text). A phrase marked <span lang="en"> gives tokens a fourth
    element, its language: [style, text, field or "", lang]."""
    text = FOOTNOTE_RE.sub("", markdown)
    text = PAREN_LINK_RE.sub("", text)
    text = LINK_RE.sub(r"\1", text).strip()
    patterns = _field_patterns(language)
    split = re.compile("(" + "|".join(re.escape(blank) for blank, _ in patterns) + ")")
    fields = dict(patterns)
    tokens = []
    for lang, segment in _language_segments(text):
        runs, position = [], 0
        for match in EMPHASIS_RE.finditer(segment):
            if match.start() > position:
                runs.append(("", segment[position:match.start()]))
            runs.append(("b", match.group(1)) if match.group(1) is not None else ("i", match.group(2)))
            position = match.end()
        if position < len(segment):
            runs.append(("", segment[position:]))
        for style, run in runs:
            for part in split.split(run):
                if not part:
                    continue
                if part in fields:
                    token = [style, part, fields[part]]
                else:
                    unknown = BLANK_RE.search(part)
                    if unknown:
                        raise ValueError(f"{where}: the blank {unknown.group(0)} is not one the protocol "
                                         "builder can fill: add it to data/builder.yml and scripts/tools.py")
                    token = [style, part]
                if lang:
                    token += [""] * (3 - len(token)) + [lang]
                tokens.append(token)
    return tokens


def _language_segments(text: str) -> list[tuple[str | None, str]]:
    """Split text at <span lang="xx">…</span>: [(lang or None, text)]."""
    segments, position = [], 0
    for match in SPAN_LANG_RE.finditer(text):
        if match.start() > position:
            segments.append((None, text[position:match.start()]))
        segments.append((match.group(1), match.group(2)))
        position = match.end()
    if position < len(text):
        segments.append((None, text[position:]))
    return segments


def protocol_steps(language: str) -> dict:
    path = content.DOCS / language / DURING_PAGE
    title, items = _section_list(path, STEPS_ID)
    return {"title": title, "page": str(content.read_meta(path)[0]["title"]),
            "items": [step_tokens(item, language, f"{path}#{STEPS_ID}") for item in items]}


def sign_lines() -> list[list]:
    """The private area sign as [language, text, bold] lines, from the English sign page
    (the sign itself is bilingual)."""
    path = content.DOCS / content.DEFAULT_LANGUAGE / SIGN_PAGE
    lines, stack, inside = [], [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if not inside:
            inside = stripped.startswith("<div") and "guide-sign" in stripped
            continue
        if stripped.startswith("<div"):
            match = re.search(r'lang="([a-z]+)"', stripped)
            stack.append(match.group(1) if match else None)
        elif stripped.startswith("</div>"):
            if not stack:
                break
            stack.pop()
        elif stripped:
            language = next((lang for lang in reversed(stack) if lang), content.DEFAULT_LANGUAGE)
            bold = stripped.startswith("**") and stripped.endswith("**")
            lines.append([language, stripped.strip("*") if bold else stripped, bold])
    if not lines:
        raise ValueError(f"{path}: no guide-sign block")
    return lines


def builder_json() -> dict:
    data = builder_data()
    return {
        "blanks": data["blanks"],
        "text": data["protocol"],
        "steps": {language: protocol_steps(language) for language in content.LANGUAGES},
        "sign": sign_lines(),
        "states": {language: states.builder_json(language) for language in content.LANGUAGES},
    }


# Longest entry per field, so the printed protocol keeps its two-page budget.
MAX_LENGTH = {"facility": 60, "name": 50, "phone": 30, "areas": 240}


def _input(field: str, label: str, kind: str = "text", autocomplete: str = "off") -> str:
    limit = MAX_LENGTH["facility" if field == "facility" else field.rpartition("_")[2]]
    return (f'<label class="guide-builder__field"><span>{html.escape(label)}</span>'
            f'<input type="{kind}" id="builder-{field}" data-field="{field}" maxlength="{limit}" '
            f'autocomplete="{autocomplete}" spellcheck="false"></label>')


def protocol_builder(language: str) -> str:
    """The form (shown by builder.js; inputs have no name, so nothing could ever be
    submitted), the data, and the protocol it fills in."""
    data = builder_data()
    form, status = data["form"][language], data["status"][language]
    people = [("responder", form["responder"]), ("backup1", form["backup1"]),
              ("backup2", form["backup2"]), ("counsel", form["counsel"])]
    parts = [f'<form class="guide-builder" id="builder" aria-label="{html.escape(form["label"])}" '
             f'data-lang="{language}" hidden>',
             _input("facility", form["facility"], autocomplete="organization")]
    for field, legend in people:
        parts.append(f'<fieldset><legend>{html.escape(legend)}</legend>'
                     + _input(f"{field}_name", form["name"])
                     + _input(f"{field}_phone", form["phone"], kind="tel")
                     + "</fieldset>")
    parts.append(f'<label class="guide-builder__field" for="builder-areas"><span>{html.escape(form["areas"])}</span></label>'
                 f'<textarea id="builder-areas" data-field="areas" rows="4" maxlength="{MAX_LENGTH["areas"]}" '
                 f'aria-describedby="builder-areas-hint" spellcheck="false"></textarea>'
                 f'<p class="guide-builder__hint" id="builder-areas-hint">{html.escape(form["areas_hint"])}</p>')
    options = "".join(f'<option value="{value}"{" selected" if value == language else ""}>'
                      f'{html.escape(text)}</option>' for value, text in form["language_options"].items())
    parts.append(f'<label class="guide-builder__field"><span>{html.escape(form["languages"])}</span>'
                 f'<select id="builder-languages" data-field="languages">{options}</select></label>')
    choices = "".join(f'<option value="{state["code"]}">{html.escape(state["name"])}</option>'
                      for state in states.builder_json(language))
    parts.append(f'<label class="guide-builder__field"><span>{html.escape(form["state"])}</span>'
                 f'<select id="builder-state" data-field="state" aria-describedby="builder-state-hint">'
                 f'<option value="">{html.escape(form["state_none"])}</option>{choices}</select></label>'
                 f'<p class="guide-builder__hint" id="builder-state-hint">{html.escape(form["state_hint"])}</p>')
    parts.append('<p class="guide-builder__privacy">' + html.escape(form["privacy"]) + "</p>")
    parts.append('<div class="guide-builder__actions">'
                 f'<button type="button" class="md-button md-button--primary" data-action="print">{html.escape(form["print"])}</button>'
                 f'<button type="button" class="md-button" data-action="save">{html.escape(form["save"])}</button>'
                 f'<button type="button" class="md-button" data-action="forget">{html.escape(form["forget"])}</button>'
                 "</div>")
    parts.append('<p class="guide-builder__status" id="builder-status" role="status"></p>')
    parts.append(f'<p class="guide-builder__preview">{html.escape(form["preview"])}</p>')
    parts.append("</form>")
    payload = dict(builder_json(), status=status)
    return ("".join(parts) + "\n\n" + json_block("builder-data", payload) + "\n\n"
            '<div class="guide-protocol" id="protocol" hidden></div>\n')


# Render markers (`<!-- render: NAME -->`), registered in scripts/render.py RENDERERS.
def outcome_ids() -> list[str]:
    return [outcome["id"] for outcome in checker_data()["outcomes"]]


# Section ids that a marker adds to its page (for the deep-link registry).
MARKER_IDS = {"document-check-results": outcome_ids}

RENDERERS = {
    "document-check": document_check,
    "document-check-results": document_check_results,
    "protocol-builder": protocol_builder,
}
