"""The state layer: data/states/<code>.yml (one file per state and DC) rendered into
the State rules pages, into short notes at the steps a state rule changes, into the
protocol builder and onto the status page. Pages never copy a state rule by hand.

Markers (see scripts/render.py):
  <!-- render: state-notes TOPIC -->   notes at a step (TOPIC: one of TOPICS)
  <!-- render: state-page CODE -->     a state's page body (one section per rule)
  <!-- render: states-index -->        every state and DC, with its page or "none found"
  <!-- render: other-states -->        the states where no rule was found, with the date
  <!-- render: state-review -->        rules whose check is older than REVIEW_MONTHS
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from pathlib import Path

import yaml

from scripts import content, sources
from scripts.content import Problem
from scripts.sources import format_date

STATES = content.DATA / "states"
STATE_PAGES = "states"            # docs/<lang>/states/
OTHER_PAGE = "states/other-states.md"
INDEX_PAGE = "states/index.md"

# A rule last checked longer ago than this is listed on the status page for re-checking.
REVIEW_MONTHS = 6

TOPICS = {
    "records": {"en": "disclosing patient information", "es": "divulgar información de pacientes"},
    "entry": {"en": "entry to non-public areas", "es": "entrada a áreas privadas"},
    "areas": {"en": "designated areas and signs", "es": "áreas designadas y letreros"},
    "policy": {"en": "written policies and deadlines", "es": "políticas escritas y plazos"},
    "intake": {"en": "status questions at intake", "es": "preguntas sobre el estatus migratorio en la admisión"},
}
KINDS = {
    "law": {"en": "State law", "es": "Ley estatal"},
    "regulation": {"en": "State regulation", "es": "Reglamento estatal"},
    "executive-order": {"en": "Executive order", "es": "Orden ejecutiva"},
    "ag-guidance": {"en": "Attorney general guidance", "es": "Guía del fiscal general"},
}
WORDS = {
    "en": {
        "note_title": "State rules at this step", "in": "In {state}", "see": "See the rule",
        "other": "Other states: see [State rules]({link}).",
        "none_topic": "No state rule on this step was found in the states checked.",
        "citation": "Citation", "kind": "Kind", "effective": "In effect since", "covers": "Who it covers",
        "requires": "What it requires", "forbids": "What it forbids", "permits": "What it permits",
        "penalties": "Penalties", "deadlines": "Deadlines", "guidance": "Official guidance",
        "checked": "Checked against the enacted text on", "topics": "Steps it changes",
        "state": "State or district", "rules": "Rules", "none_found": "No state rule found as of {date}",
        "page_checked": "This page's rules were checked on {date}.",
        "review_none": "Every state rule was checked within the last {months} months.",
        "review_row": "| State | Rule | Last checked |",
        "pending_title": "Reported, not yet verified",
        "pending_intro": "We found these newer laws or orders, but have not yet checked them against their enacted text. Until we do, ask your facility's lawyer whether they apply to you.",
        "pending_short": "not yet verified: {items}",
        "no_verified": "No verified state rule as of {date}",
    },
    "es": {
        "note_title": "Normas estatales en este paso", "in": "En {state}", "see": "Vea la norma",
        "other": "Otros estados: vea [Normas estatales]({link}).",
        "none_topic": "No encontramos normas estatales sobre este paso en los estados revisados.",
        "citation": "Cita", "kind": "Tipo", "effective": "Vigente desde", "covers": "A quién se aplica",
        "requires": "Qué exige", "forbids": "Qué prohíbe", "permits": "Qué permite",
        "penalties": "Sanciones", "deadlines": "Plazos", "guidance": "Guía oficial",
        "checked": "Verificada con el texto aprobado el", "topics": "Pasos que cambia",
        "state": "Estado o distrito", "rules": "Normas", "none_found": "No se encontró ninguna norma estatal al {date}",
        "page_checked": "Las normas de esta página se verificaron el {date}.",
        "review_none": "Todas las normas estatales se verificaron en los últimos {months} meses.",
        "review_row": "| Estado | Norma | Última verificación |",
        "pending_title": "Informadas, aún sin verificar",
        "pending_intro": "Encontramos estas leyes u órdenes más recientes, pero aún no las hemos verificado con su texto aprobado. Mientras tanto, pregunte al abogado(a) de su centro si se aplican a usted.",
        "pending_short": "aún sin verificar: {items}",
        "no_verified": "No hay normas estatales verificadas al {date}",
    },
}
CODE_RE = re.compile(r"^[A-Z]{2}$")
ID_RE = content.ID_RE
BILINGUAL = ("title", "covers", "step_note")
LISTS = ("requires", "forbids", "permits")


def load(folder: Path | None = None) -> list[dict]:
    """Every state file, sorted by English name; each dict gains `_path`."""
    states = []
    for path in sorted((folder or STATES).glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        data["_path"] = path
        data.setdefault("rules", [])
        states.append(data)
    return sorted(states, key=lambda s: str((s.get("name") or {}).get("en", s.get("code", ""))))


def by_code(folder: Path | None = None) -> dict[str, dict]:
    return {s.get("code"): s for s in load(folder)}


def slug(state: dict) -> str:
    return re.sub(r"[^a-z0-9]+", "-", state["name"]["en"].lower()).strip("-")


def page_rel(state: dict) -> str:
    """Page of a state under docs/<lang>/: its own page if it has rules, else the other-states page."""
    return f"{STATE_PAGES}/{slug(state)}.md" if state["rules"] else OTHER_PAGE


def _link(rel_from: str, target: str) -> str:
    """Relative link from one page to another (both relative to docs/<lang>/)."""
    path, _, fragment = target.partition("#")
    link = posixpath.relpath(path, posixpath.dirname(rel_from) or ".")
    return link + (f"#{fragment}" if fragment else "")


def _line(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if needle in line:
            return number
    return 1


def _is_date(value) -> bool:
    return isinstance(value, dt.date) or bool(re.match(r"^\d{4}-\d{2}(-\d{2})?$", str(value)))


def check(folder: Path | None = None, docs: Path = content.DOCS) -> list[Problem]:
    """Every state file is complete in both languages; every state with rules has its pages."""
    problems: list[Problem] = []
    seen_rules: set[str] = set()
    for state in load(folder):
        path = state["_path"]
        code = state.get("code")
        if not (isinstance(code, str) and CODE_RE.match(code)) or path.stem != str(code).lower():
            problems.append(Problem(path, 1, f"'code' must be the two-letter code matching the file name "
                                    f"({path.stem.upper()})"))
        name = state.get("name") or {}
        if not (name.get("en") and name.get("es")):
            problems.append(Problem(path, _line(path, "name"), "'name' needs 'en' and 'es'"))
        if not _is_date(state.get("checked")):
            problems.append(Problem(path, _line(path, "checked"), "'checked' (the date this state was "
                                    "searched) must be a date"))
        if state["rules"]:
            summary = state.get("summary") or {}
            if not (summary.get("en") and summary.get("es")):
                problems.append(Problem(path, _line(path, "summary"), "a state with rules needs a "
                                        "'summary' in 'en' and 'es'"))
            for language in content.LANGUAGES:
                page = docs / language / f"{STATE_PAGES}/{slug(state)}.md" if name.get("en") else None
                if page is not None and not page.exists():
                    problems.append(Problem(path, 1, f"{name.get('en')} has rules but no page "
                                            f"docs/{language}/{STATE_PAGES}/{slug(state)}.md: run "
                                            "`python -m scripts states`"))
        for item in state.get("pending") or []:
            line = _line(path, "pending")
            if not (isinstance(item, dict) and item.get("citation") and item.get("en") and item.get("es")
                    and item.get("sources")):
                problems.append(Problem(path, line, "each 'pending' item needs 'citation', 'en', 'es' "
                                        "and 'sources' (what says the law exists)"))
        for rule in state["rules"]:
            rid = rule.get("id", "")
            line = _line(path, f"id: {rid}") if rid else 1
            if not ID_RE.match(str(rid)) or not str(rid).startswith(str(code).lower() + "-"):
                problems.append(Problem(path, line, f"rule id '{rid}' must be lowercase words joined by "
                                        f"hyphens, starting with '{str(code).lower()}-'"))
            if rid in seen_rules:
                problems.append(Problem(path, line, f"rule id '{rid}' is used twice"))
            seen_rules.add(rid)
            for key in ("citation", "kind", "effective", "topics", "sources", "checked") + BILINGUAL:
                if not rule.get(key):
                    problems.append(Problem(path, line, f"rule '{rid}' lacks '{key}'"))
            for key in BILINGUAL + ("penalties",):
                value = rule.get(key)
                if value is not None and not (isinstance(value, dict) and value.get("en") and value.get("es")):
                    problems.append(Problem(path, line, f"rule '{rid}': '{key}' needs 'en' and 'es'"))
            for key in LISTS + ("deadlines",):
                for item in rule.get(key) or []:
                    if not (isinstance(item, dict) and item.get("en") and item.get("es")):
                        problems.append(Problem(path, line, f"rule '{rid}': each item of '{key}' needs "
                                                "'en' and 'es'"))
            if rule.get("kind") and rule["kind"] not in KINDS:
                problems.append(Problem(path, line, f"rule '{rid}': kind must be one of {', '.join(KINDS)}"))
            for topic in rule.get("topics") or []:
                if topic not in TOPICS:
                    problems.append(Problem(path, line, f"rule '{rid}': topic '{topic}' is not one of "
                                            f"{', '.join(TOPICS)}"))
            for deadline in rule.get("deadlines") or []:
                if isinstance(deadline, dict) and deadline.get("date") and not _is_date(deadline["date"]):
                    problems.append(Problem(path, line, f"rule '{rid}': a deadline's 'date' must be a date"))
            for key in ("effective", "checked"):
                if rule.get(key) and not _is_date(rule[key]):
                    problems.append(Problem(path, line, f"rule '{rid}': '{key}' must be a date"))
    return problems


# --- Rendering -----------------------------------------------------------------------

def _refs(keys) -> str:
    return "".join(f"[^{key}]" for key in keys or [])


def state_notes_markdown(language: str, arg: str | None = None, rel: str = "index.md",
                         occurrence: int = 0) -> str:
    """A note at a step: one line per state rule that changes this step. A page meant to
    fit one or two printed pages, or a step whose note already appeared higher on the
    page, gets the short form: the states, each linked to its rule."""
    if arg not in TOPICS:
        raise ValueError(f"state-notes needs a topic: one of {', '.join(TOPICS)} (got '{arg}')")
    words = WORDS[language]
    found = [(state, rule) for state in load() for rule in state["rules"]
             if arg in (rule.get("topics") or [])]
    other = words["other"].format(link=_link(rel, INDEX_PAGE))
    page = content.DOCS / language / rel
    budget = content.read_meta(page)[0].get("print") if page.exists() else None
    if occurrence or budget in ("one-page", "two-pages"):
        first = {}
        for state, rule in found:   # one link per state, to its first rule on this step
            first.setdefault(state["code"], (state, rule))
        names = ", ".join(f"[{state['name'][language]}]({_link(rel, page_rel(state) + '#' + rule['id'])})"
                          for state, rule in first.values()) or words["none_topic"]
        return f"**{words['note_title']}:** {names}. {other}\n"
    lines = [f"    - **{words['in'].format(state=state['name'][language])}:** "
             f"{rule['step_note'][language].strip()} "
             f"[{words['see']}]({_link(rel, page_rel(state) + '#' + rule['id'])}).{_refs(rule.get('sources'))}"
             for state, rule in found] or [f"    {words['none_topic']}"]
    return f'!!! note "{words["note_title"]}"\n\n' + "\n".join(lines) + f"\n\n    {other}\n"


def _source_name(source, language: str) -> str:
    """A registered source's title, marked with its language when it is not the page's."""
    if source is None:
        return ""
    lang = source.lang or "en"
    attr = f' lang="{lang}"' if lang != language else ""
    return f"<cite{attr}>{sources._text(source.title)}</cite>"


def _cite(citation: str, language: str) -> str:
    """A citation as courts write it (English), marked as such on Spanish pages."""
    return citation if language == "en" else f'<span lang="en">{citation}</span>'


def _field(label: str, text: str) -> str:
    return f"**{label}:** {text}\n"


def state_page_markdown(language: str, arg: str | None = None) -> str:
    """A state's page body: summary, then one section per rule, with its sources cited."""
    states = by_code()
    if arg not in states:
        raise ValueError(f"state-page needs a state code that has a file in data/states/ (got '{arg}')")
    state, words = states[arg], WORDS[language]
    out = [state["summary"][language].strip() + "\n",
           words["page_checked"].format(date=format_date(state["checked"], language)) + "\n"]
    for rule in state["rules"]:
        out.append(f"## {rule['title'][language]} {{#{rule['id']}}}\n")
        citation = _cite(rule["citation"], language)
        out.append(_field(words["citation"], f"{citation}{_refs(rule.get('sources'))}"))
        out.append(_field(words["kind"], KINDS[rule["kind"]][language]))
        out.append(_field(words["effective"], format_date(rule["effective"], language)))
        out.append(_field(words["covers"], rule["covers"][language].strip()))
        for key in LISTS:
            if rule.get(key):
                out.append(f"**{words[key]}:**\n")
                out += [f"- {item[language].strip()}" for item in rule[key]]
                out.append("")
        if rule.get("deadlines"):
            out.append(f"**{words['deadlines']}:**\n")
            # A recurring deadline (a quarterly report) has no single date.
            out += [f"- {format_date(d['date'], language) + ': ' if d.get('date') else ''}{d[language].strip()}"
                    for d in rule["deadlines"]]
            out.append("")
        if rule.get("penalties"):
            out.append(_field(words["penalties"], rule["penalties"][language].strip()))
        if rule.get("guidance"):
            registry = sources.load()[0]
            named = "; ".join(_source_name(registry.get(key), language) + _refs([key]) for key in rule["guidance"])
            out.append(_field(words["guidance"], named))
        topics = ", ".join(TOPICS[t][language] for t in rule["topics"])
        out.append(_field(words["topics"], topics))
        out.append(_field(words["checked"], format_date(rule["checked"], language)))
    if state.get("pending"):
        out.append(f"## {words['pending_title']} {{#not-yet-verified}}\n")
        out.append(words["pending_intro"] + "\n")
        out += [f"- **{_cite(item['citation'], language)}:** {item[language].strip()}{_refs(item.get('sources'))}"
                for item in state["pending"]]
        out.append("")
    return "\n".join(out) + "\n"


def rule_ids(code: str | None) -> list[str]:
    state = by_code().get(code)
    if not state:
        return []
    return [rule["id"] for rule in state["rules"]] + (["not-yet-verified"] if state.get("pending") else [])


def states_index_markdown(language: str, rel: str = INDEX_PAGE) -> str:
    """Every state and DC: a link to its page, or 'no state rule found as of DATE'."""
    words = WORDS[language]
    rows = [f"| {words['state']} | {words['rules']} |", "|---|---|"]
    for state in sorted(load(), key=lambda s: s["name"][language]):
        name = state["name"][language]
        if state["rules"]:
            titles = "; ".join(f"[{r['title'][language]}]({_link(rel, page_rel(state))}#{r['id']})"
                               for r in state["rules"])
            rows.append(f"| [{name}]({_link(rel, page_rel(state))}) | {titles} |")
        elif state.get("pending"):
            items = "; ".join(item["citation"] for item in state["pending"])
            none = words["no_verified"].format(date=format_date(state["checked"], language))
            rows.append(f"| [{name}]({_link(rel, OTHER_PAGE)}#{slug(state)}) | {none}; "
                        f"{words['pending_short'].format(items=items)} |")
        else:
            none = words["none_found"].format(date=format_date(state["checked"], language))
            rows.append(f"| {name} | {none} |")
    return "\n".join(rows) + "\n"


def other_states_markdown(language: str) -> str:
    """States without a verified rule: 'none found', or the reported laws not yet verified."""
    words = WORDS[language]
    lines = []
    for state in sorted(load(), key=lambda s: s["name"][language]):
        if state["rules"]:
            continue
        date = format_date(state["checked"], language)
        anchor = f'<span id="{slug(state)}"></span>**{state["name"][language]}:**'
        if not state.get("pending"):
            lines.append(f"- {anchor} {words['none_found'].format(date=date)}.")
            continue
        lines.append(f"- {anchor} {words['no_verified'].format(date=date)}. {words['pending_intro']}")
        lines += [f"    - **{_cite(item['citation'], language)}:** {item[language].strip()}"
                  f"{_refs(item.get('sources'))}" for item in state["pending"]]
    return "\n".join(lines) + "\n"


def _months_ago(today: dt.date, months: int) -> dt.date:
    year, month = divmod(today.month - 1 - months, 12)
    return dt.date(today.year + year, month + 1, min(today.day, 28))


def stale_rules(today: dt.date | None = None, months: int = REVIEW_MONTHS) -> list[tuple[dict, dict]]:
    """(state, rule) pairs last checked before `months` months ago."""
    limit = _months_ago(today or dt.date.today(), months)
    found = []
    for state in load():
        for rule in state["rules"]:
            checked = rule.get("checked")
            checked = checked if isinstance(checked, dt.date) else dt.date.fromisoformat(f"{checked}-01"[:10])
            if checked < limit:
                found.append((state, rule))
    return found


def state_review_markdown(language: str, rel: str = "about/translation-status.md") -> str:
    words = WORDS[language]
    stale = stale_rules()
    if not stale:
        return words["review_none"].format(months=REVIEW_MONTHS) + "\n"
    rows = [words["review_row"], "|---|---|---|"]
    for state, rule in stale:
        rows.append(f"| {state['name'][language]} | [{rule['title'][language]}]"
                    f"({_link(rel, page_rel(state))}#{rule['id']}) | "
                    f"{format_date(rule['checked'], language)} |")
    return "\n".join(rows) + "\n"


def builder_json(language: str) -> list[dict]:
    """States for the protocol builder's selector: every state and DC, with its rules."""
    out = []
    for state in sorted(load(), key=lambda s: s["name"][language]):
        out.append({
            "code": state["code"],
            "name": state["name"][language],
            "checked": format_date(state["checked"], language),
            "page": page_rel(state),
            "rules": [{
                "id": rule["id"],
                "title": rule["title"][language],
                "citation": rule["citation"],
                "note": rule["step_note"][language].strip(),
                "requires": [item[language].strip() for item in rule.get("requires") or []],
                "checked": format_date(rule["checked"], language),
                "topics": rule["topics"],
            } for rule in state["rules"]],
        })
    return out


def stub_pages(docs: Path = content.DOCS) -> list[Path]:
    """Write docs/<lang>/states/<slug>.md for every state with rules (front matter, title,
    the render marker and the Sources heading: the rest comes from data). Returns the
    pages written or changed. Pages of states that no longer have rules are removed."""
    from scripts import translation

    written = []
    wanted = set()
    heading = {"en": "Sources", "es": "Fuentes"}
    describe = {"en": "The rules {name} sets for health facilities on immigration enforcement, "
                      "with citations and the date each was checked.",
                "es": "Las normas de {name} para los centros de salud ante operativos migratorios, "
                      "con sus citas y la fecha en que se verificó cada una."}
    for state in load():
        if not state["rules"]:
            continue
        rel = f"{STATE_PAGES}/{slug(state)}.md"
        wanted.add(rel)
        for language in content.LANGUAGES:
            name = state["name"][language]
            text = ("---\n"
                    f"title: {name}\n"
                    f"description: {describe[language].format(name=name)}\n"
                    f"last_reviewed: {state['checked']}\n"
                    "---\n\n"
                    f"# {name}\n\n"
                    f"<!-- render: state-page {state['code']} -->\n\n"
                    f"## {heading[language]} {{#sources}}\n\n"
                    "<!-- footnotes -->\n")
            path = docs / language / rel
            old = path.read_text(encoding="utf-8") if path.exists() else None
            # The Spanish stamp line is written by translation.stamp below: compare without it.
            if old is None or _without_stamp(old) != text:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
                written.append(path)
        translation.stamp(rel, docs)
    for language in content.LANGUAGES:
        for path in sorted((docs / language / STATE_PAGES).glob("*.md")):
            rel = f"{STATE_PAGES}/{path.name}"
            if rel not in wanted and rel not in (INDEX_PAGE, OTHER_PAGE):
                path.unlink()
                written.append(path)
    return written


def _without_stamp(text: str) -> str:
    return re.sub(r'^translation_of: .*\n', "", text, flags=re.MULTILINE)


def nav_pages() -> list[str]:
    """The State rules section of the nav: the index (which links every state's page) and
    the other-states page. Each state's own page stays out of the nav (mkdocs.yml
    `not_in_nav`), so that the navigation every page carries does not grow by one entry
    per state: first-load weight has a budget."""
    return [INDEX_PAGE, OTHER_PAGE]


NAV_START = "# states: written by `python -m scripts states` from data/states/ (do not edit by hand)"
NAV_END = "# end of states"


def write_nav(config: Path = content.ROOT / "mkdocs.yml") -> bool:
    """Rewrite the State rules section of mkdocs.yml's nav between its two marker comments.
    Returns True when the file changed."""
    text = config.read_text(encoding="utf-8")
    start, end = text.index(NAV_START), text.index(NAV_END)
    indent = text[text.rindex("\n", 0, start) + 1:start]
    body = "".join(f"{indent}- {rel}\n" for rel in nav_pages())
    new = text[:start] + NAV_START + "\n" + body + indent + text[end:]
    if new != text:
        config.write_text(new, encoding="utf-8")
    return new != text


def nav_in_config(config: Path = content.ROOT / "mkdocs.yml") -> list[str]:
    text = config.read_text(encoding="utf-8")
    section = text[text.index(NAV_START) + len(NAV_START):text.index(NAV_END)]
    return re.findall(r"^\s*- (\S+\.md)\s*$", section, re.MULTILINE)


RENDERERS = {
    "state-notes": state_notes_markdown,
    "state-page": state_page_markdown,
    "states-index": states_index_markdown,
    "other-states": other_states_markdown,
    "state-review": state_review_markdown,
}
MARKER_IDS = {"state-page": rule_ids}
