"""The "What changed" record (data/changes.yml), rendered in several places from one list:

  <!-- render: changes -->          about/changes.md: every entry, newest first
  <!-- render: changes-latest -->   home page: one line with the date of the newest entry
  <!-- render: changes-recent -->   context/index.md: the newest entries, linked
  <!-- render: change ID -->        context/timeline.md: the body of entry ID, under the
                                    page's own heading whose id is the same ID

Entries cite registry keys as footnote references (`[^key]`); the page's footnotes are
rendered from data/sources/ like any hand-written reference.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from scripts import content
from scripts.sources import format_date  # one date format for the whole guide

CHANGES_PAGE = "about/changes.md"
TIMELINE_PAGE = "context/timeline.md"

WORDS = {
    "en": {"means": "What it means for you", "pages": "Pages of this guide that changed",
           "latest": "What changed — latest update", "details": "What changed",
           "all": "All changes"},
    "es": {"means": "Qué significa para usted", "pages": "Páginas de esta guía que cambiaron",
           "latest": "Qué cambió — última actualización", "details": "Qué cambió",
           "all": "Todos los cambios"},
}


def _as_date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def entries() -> list[dict]:
    """Entries newest first (stable for equal dates: file order)."""
    data = content.load_data("changes.yml") or {}
    items = [dict(item, date=_as_date(item["date"])) for item in data.get("entries") or []]
    return sorted(items, key=lambda item: item["date"], reverse=True)


def _text(value: str) -> str:
    return " ".join(str(value).split())


def _refs(entry: dict) -> str:
    return "".join(f"[^{key}]" for key in entry.get("sources") or [])


def _relative(from_rel: str, to_rel: str) -> str:
    depth = from_rel.count("/")
    return "../" * depth + to_rel


def _page_title(rel: str, language: str) -> str:
    path = content.DOCS / language / rel
    if path.exists():
        return content.read_meta(path)[0].get("title", rel)
    return rel


def _page_links(entry: dict, language: str, from_rel: str) -> str:
    links = [f"[{_page_title(rel, language)}]({_relative(from_rel, rel)})"
             for rel in entry.get("pages") or []]
    return ", ".join(links)


def changes_markdown(language: str) -> str:
    """Body of about/changes.md: one `### title {#id}` per entry, newest first."""
    words = WORDS[language]
    out = []
    for entry in entries():
        out.append(f"### {_text(entry['title'][language])} {{#{entry['id']}}}\n")
        out.append(f"**{format_date(entry['date'], language)}.** "
                   f"{_text(entry['what'][language])}{_refs(entry)}\n")
        out.append(f"**{words['means']}:** {_text(entry['means'][language])}\n")
        links = _page_links(entry, language, CHANGES_PAGE)
        if links:
            out.append(f"**{words['pages']}:** {links}.\n")
    return "\n".join(out)


def latest_change(language: str) -> dict:
    """The newest entry, with its date formatted for the language."""
    newest = entries()[0]
    return {"id": newest["id"], "date": newest["date"],
            "date_text": format_date(newest["date"], language),
            "title": _text(newest["title"][language])}


def home_latest_markdown(language: str, from_rel: str = "index.md") -> str:
    """One line for the home page: the date of the newest entry, linking to the page."""
    latest = latest_change(language)
    link = _relative(from_rel, CHANGES_PAGE)
    return f"[{WORDS[language]['latest']}: {latest['date_text']}]({link})\n"


def recent_markdown(language: str, count: int = 6, from_rel: str = "context/index.md") -> str:
    """The newest entries as a linked list (context overview)."""
    lines = []
    for entry in entries()[:count]:
        link = f"{_relative(from_rel, CHANGES_PAGE)}#{entry['id']}"
        lines.append(f"- **{format_date(entry['date'], language)}.** "
                     f"[{_text(entry['title'][language])}]({link}){_refs(entry)}")
    lines.append(f"\n[{WORDS[language]['all']}]({_relative(from_rel, CHANGES_PAGE)})")
    return "\n".join(lines) + "\n"


def timeline_entries(language: str) -> list[dict]:
    """Entries that also belong in the timeline, oldest first, each with the Markdown body
    the timeline shows under its own heading (same id as the entry)."""
    out = []
    for entry in reversed(entries()):
        if not entry.get("timeline"):
            continue
        link = f"{_relative(TIMELINE_PAGE, CHANGES_PAGE)}#{entry['id']}"
        body = (f"{_text(entry['what'][language])}{_refs(entry)} "
                f"[{WORDS[language]['details']}]({link})\n")
        out.append({"id": entry["id"], "date": entry["date"],
                    "date_text": format_date(entry["date"], language),
                    "title": _text(entry["title"][language]), "body": body})
    return out


def timeline_body(language: str, arg: str) -> str:
    """Marker `change <id>`: the timeline body of one entry (the heading stays on the page,
    with the same id, so published timeline ids never depend on data)."""
    for item in timeline_entries(language):
        if item["id"] == arg:
            return item["body"]
    raise ValueError(f"data/changes.yml: no entry '{arg}' with timeline: true")


def changes_page(language: str, rel: str = CHANGES_PAGE) -> str:
    return changes_markdown(language)


def home_latest(language: str, rel: str = "index.md") -> str:
    return home_latest_markdown(language, rel)


def recent(language: str, rel: str = "context/index.md") -> str:
    return recent_markdown(language, from_rel=rel)


# Render markers, registered in scripts/render.py RENDERERS and MARKER_IDS.
RENDERERS = {"changes": changes_page, "changes-latest": home_latest, "changes-recent": recent,
             "change": timeline_body}

# Section ids the `changes` marker adds to about/changes.md (for the deep-link registry).
MARKER_IDS = {"changes": lambda arg: [entry["id"] for entry in entries()]}


def source_path() -> Path:
    return content.DATA / "changes.yml"
