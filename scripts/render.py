"""Data rendered into pages at build time (called from scripts/hooks.py): render
markers (`<!-- render: NAME [ARG] -->`) become Markdown from data/, and every page gets
the abbreviations. Fixes to the theme's HTML live in scripts/theme.py; the source
registry in scripts/sources.py."""

from __future__ import annotations

import inspect
import re
import unicodedata
from pathlib import Path

from scripts import changes, content, handouts, sources, states, tools

MARKER_RE = re.compile(r"^<!--\s*render:\s*([a-z-]+)(?:[ \t]+([A-Za-z0-9-]+))?\s*-->\s*$", re.MULTILINE)

LABELS = {
    "en": {"spanish": "Spanish", "english": "English", "avoid": "Avoid in Spanish"},
    "es": {"spanish": "Español", "english": "Inglés", "avoid": "Evite en español"},
}


def sort_key(text: str) -> str:
    """Dictionary order: accents do not move a word to the end (área before cita)."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def glossary_markdown(language: str) -> str:
    """The glossary as Markdown: one h3 per term, with the glossary id as its anchor."""
    data = content.load_data("glossary.yml")
    other = "es" if language == "en" else "en"
    label = LABELS[language]["spanish" if other == "es" else "english"]
    terms = sorted(data["terms"], key=lambda t: sort_key(t[language]))
    out = []
    for term in terms:
        out.append(f"### {term[language]} {{#{term['id']}}}\n")
        definition = term.get(f"definition_{language}")
        if definition:
            refs = "".join(f"[^{key}]" for key in term.get("sources") or [])
            out.append(f"{definition.strip()}{refs}\n")
        out.append(f'{label}: <span lang="{other}">*{term[other]}*</span>\n')
        if language == "es" and term.get("avoid_es"):
            out.append(f"{LABELS['es']['avoid']}: {', '.join(term['avoid_es'])}\n")
    return "\n".join(out)


STATUS_WORDS = {
    "en": {"up to date": "Up to date", "stale": "Being updated", "not stamped": "Not yet checked",
           "missing": "Missing", "orphan (no English page)": "No English page",
           "page": "Page", "status": "Spanish translation", "reviewed": "English page last reviewed"},
    "es": {"up to date": "Al día", "stale": "En actualización", "not stamped": "Sin revisar",
           "missing": "Falta", "orphan (no English page)": "Sin página en inglés",
           "page": "Página", "status": "Traducción al español", "reviewed": "Última revisión de la página en inglés"},
}


def translation_status_markdown(language: str) -> str:
    """Table of every page and whether its Spanish translation matches the English page
    (the same data as `python -m scripts status` and the freshness test)."""
    from scripts import translation

    words = STATUS_WORDS[language]
    english = content.pages("en")
    rows = [f"| {words['page']} | {words['status']} | {words['reviewed']} |", "|---|---|---|"]
    for row in translation.status_rows():
        path = content.DOCS / language / row.page
        meta = content.read_meta(path)[0] if path.exists() else {}
        title = meta.get("title", row.page)
        reviewed = content.read_meta(english[row.page])[0].get("last_reviewed", "") if row.page in english else ""
        rows.append(f"| [{title}](../{row.page}) | {words[row.status]} | {reviewed} |")
    return "\n".join(rows) + "\n"


def all_sources_markdown(language: str, rel: str = "resources/sources.md") -> str:
    """The Sources page: every registered source, grouped by kind, with the pages citing it."""
    return sources.sources_page_markdown(language, rel, expand_markers)


# Renderers take the page's language, and, when they name them as parameters, the
# marker's argument (`arg`), the page's path under docs/<lang>/ (`rel`) and how many
# identical markers came before this one on the page (`occurrence`).
RENDERERS = {"glossary": glossary_markdown, "all-sources": all_sources_markdown,
             "translation-status": translation_status_markdown, **tools.RENDERERS, **states.RENDERERS,
             **changes.RENDERERS, **handouts.RENDERERS}

# Section ids that a marker adds to its page (for the deep-link registry), by marker name:
# a function of the marker's argument.
MARKER_IDS = {
    "glossary": lambda arg: [term["id"] for term in content.load_data("glossary.yml")["terms"]],
    "all-sources": lambda arg: sources.kind_ids(),
    **{name: (lambda arg, f=f: f()) for name, f in tools.MARKER_IDS.items()},
    **states.MARKER_IDS,
    **changes.MARKER_IDS,
}


def markers(text: str) -> list[tuple[str, str | None]]:
    """(name, argument) of each render marker in a page source."""
    return [(name, arg or None) for name, arg in MARKER_RE.findall(text)]


def marker_ids(name: str, arg: str | None = None) -> list[str]:
    return MARKER_IDS[name](arg) if name in MARKER_IDS else []


def expand_markers(markdown: str, language: str, path: Path, skip: tuple[str, ...] = ()) -> str:
    """Replace each render marker by what its renderer makes of the data. `skip` names
    markers to leave out (the Sources page reads every page without itself)."""
    rel = path.relative_to(content.DOCS / language).as_posix() \
        if path.is_relative_to(content.DOCS / language) else path.name

    seen: dict[tuple, int] = {}

    def replace(match: re.Match) -> str:
        name, arg = match.group(1), match.group(2)
        occurrence = seen[(name, arg)] = seen.get((name, arg), -1) + 1
        if name not in RENDERERS:
            raise ValueError(f"{path}: unknown render marker '{name}' "
                             f"(known: {', '.join(sorted(RENDERERS))})")
        if name in skip:
            return ""
        renderer = RENDERERS[name]
        accepted = inspect.signature(renderer).parameters
        kwargs = {k: v for k, v in (("arg", arg), ("rel", rel), ("occurrence", occurrence)) if k in accepted}
        if arg and "arg" not in accepted:
            raise ValueError(f"{path}: render marker '{name}' takes no argument (got '{arg}')")
        return renderer(language, **kwargs)

    return MARKER_RE.sub(replace, markdown)


def abbreviations(language: str) -> str:
    """Abbreviation definitions appended to every page (Markdown `abbr` syntax)."""
    lines = ["", ""]
    for item in content.load_data("glossary.yml").get("abbreviations", []):
        lines.append(f"*[{item['abbr']}]: {item[language]}")
    return "\n".join(lines) + "\n"


