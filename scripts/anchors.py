"""The deep-link contract: data/anchors.yml lists every published page and its section
ids. Advocates paste these links into emails and filings, so a page or id may only
disappear if the registry says where it went (`moved:`); the build then writes redirect
pages for moved pages in both languages, and keeps moved section links working."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts import content
from scripts.content import Problem

REGISTRY = content.DATA / "anchors.yml"
HEADER = """\
# Deep-link registry: every published page (its path after / or /es/) and its section ids.
# tests/test_anchors.py fails when a page or id listed here disappears, unless `moved`
# says where it went, and when a new one is missing from this file.
#   python -m scripts anchors        rewrites `pages` from the current sources (review the diff)
# `moved` maps an old address to its new home, both as page paths with an optional #id:
#   /warrants/old-name/: /warrants/new-name/
#   /warrants/judicial/#old-id: /warrants/judicial/#new-id
# The build writes redirect pages at moved pages' old paths, in both languages, keeping the
# #fragment, plus _redirects rules for Netlify and Cloudflare Pages.
"""


def page_path(rel: str) -> str:
    """'warrants/judicial.md' -> '/warrants/judicial/'; 'index.md' -> '/'."""
    return "/" + content.site_path(rel)


def page_ids(path: Path) -> list[str]:
    """Section ids of a source page, including ids that render markers generate."""
    from scripts import render

    ids = [h.id for h in content.headings(path) if h.level > 1 and h.id]
    for name, arg in render.markers(path.read_text(encoding="utf-8")):
        ids += render.marker_ids(name, arg)
    return ids


def current(docs: Path = content.DOCS) -> dict[str, list[str]]:
    """Page path -> section ids, from the English sources (Spanish has the same ids)."""
    return {page_path(rel): page_ids(path) for rel, path in content.pages("en", docs).items()}


def load(registry: Path = REGISTRY) -> dict:
    if not registry.exists():
        return {"pages": {}, "moved": {}}
    data = yaml.safe_load(registry.read_text(encoding="utf-8")) or {}
    return {"pages": data.get("pages") or {}, "moved": data.get("moved") or {}}


def write(pages: dict[str, list[str]], moved: dict[str, str], registry: Path = REGISTRY) -> None:
    body = yaml.safe_dump({"pages": {k: pages[k] for k in sorted(pages)}, "moved": moved or {}},
                          allow_unicode=True, sort_keys=False, width=100)
    registry.write_text(HEADER + body, encoding="utf-8")


def update(docs: Path = content.DOCS, registry: Path = REGISTRY) -> list[str]:
    """Rewrite `pages` from the sources, keeping `moved`. Returns what changed."""
    old, new = load(registry), current(docs)
    changes = []
    for page in sorted(set(old["pages"]) | set(new)):
        before, after = set(old["pages"].get(page, [])), set(new.get(page, []))
        changes += [f"+ {page}#{i}" for i in sorted(after - before)]
        changes += [f"- {page}#{i}" for i in sorted(before - after)]
        if page not in old["pages"]:
            changes.append(f"+ {page}")
        if page not in new:
            changes.append(f"- {page}")
    write(new, old["moved"], registry)
    return changes


def _split(address: str) -> tuple[str, str]:
    page, _, fragment = address.partition("#")
    return page, fragment


def check(docs: Path = content.DOCS, registry: Path = REGISTRY) -> list[Problem]:
    data, now = load(registry), current(docs)
    moved = data["moved"]
    problems = []
    fix = "run `python -m scripts anchors` and commit the change to data/anchors.yml"
    for page, ids in data["pages"].items():
        if page not in now:
            if page not in moved:
                problems.append(Problem(registry, 1,
                                        f"published page '{page}' no longer exists. Restore it, or add "
                                        f"`{page}: /<new path>/` under moved: so its links "
                                        "redirect"))
            continue
        for anchor in ids or []:
            if anchor not in now[page] and f"{page}#{anchor}" not in moved:
                problems.append(Problem(registry, 1,
                                        f"section id '{page}#{anchor}' no longer exists on the page. "
                                        f"Restore the {{#{anchor}}} id, or add "
                                        f"`{page}#{anchor}: /<page>/#<new-id>` under moved:"))
    for page, ids in now.items():
        if page not in data["pages"]:
            problems.append(Problem(registry, 1, f"new page '{page}' is not registered: {fix}"))
            continue
        new_ids = sorted(set(ids) - set(data["pages"][page] or []))
        if new_ids:
            problems.append(Problem(registry, 1, f"new section ids on '{page}' are not registered "
                                    f"({', '.join(new_ids)}): {fix}"))
    for old, new in moved.items():
        target_page, target_id = _split(new)
        if target_page not in now:
            problems.append(Problem(registry, 1, f"moved: '{old}' points to '{new}', which is not a page"))
        elif target_id and target_id not in now[target_page]:
            problems.append(Problem(registry, 1, f"moved: '{old}' points to '{new}', but that page "
                                    f"has no id '{target_id}'"))
        old_page, old_id = _split(old)
        if not old_id and old_page in now:
            problems.append(Problem(registry, 1, f"moved: '{old}' still exists as a page; remove the "
                                    "entry or the page"))
    return problems


@dataclass(frozen=True)
class Redirect:
    source: str   # site path after the language prefix, e.g. "/warrants/old/"
    target: str   # e.g. "/warrants/new/" (a fragment on the link is kept)


def page_redirects(registry: Path = REGISTRY) -> list[Redirect]:
    return [Redirect(old, new) for old, new in load(registry)["moved"].items() if "#" not in old]


def section_moves(page: str, registry: Path = REGISTRY) -> dict[str, str]:
    """Old section ids on `page` -> new address (page path#id), for moved sections."""
    moves = {}
    for old, new in load(registry)["moved"].items():
        old_page, old_id = _split(old)
        if old_id and old_page == page:
            moves[old_id] = new
    return moves


STUB = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8">
<title>{title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{target_abs}">
<meta http-equiv="refresh" content="0; url={target}">
<script src="{script}"></script>
</head><body><p><a href="{target}">{text}</a></p></body></html>
"""

def relative(from_dir: str, to: str) -> str:
    """Relative URL from the page at site path from_dir to site path `to`."""
    depth = len([p for p in from_dir.split("/") if p])
    return "../" * depth + to.lstrip("/")


def write_redirects(site: Path, site_url: str, registry: Path = REGISTRY) -> list[Path]:
    """Redirect pages at each moved page's old path, in both languages, and _redirects."""
    written = []
    rules = []
    base = site_url if site_url.endswith("/") else site_url + "/"
    prefix_path = re.sub(r"^https?://[^/]+", "", base)
    for redirect in page_redirects(registry):
        for language in content.LANGUAGES:
            lang_prefix = "" if language == content.DEFAULT_LANGUAGE else f"{language}/"
            source_dir = lang_prefix + redirect.source.lstrip("/")
            target = lang_prefix + redirect.target.lstrip("/")
            out = site / source_dir / "index.html"
            out.parent.mkdir(parents=True, exist_ok=True)
            text = "Esta página cambió de lugar." if language == "es" else "This page has moved."
            out.write_text(STUB.format(
                lang=language, title=html.escape(text), text=html.escape(text),
                target=html.escape(relative(source_dir, target)),
                target_abs=html.escape(base + target),
                script=relative(source_dir, "assets/javascripts/redirect.js")), encoding="utf-8")
            written.append(out)
            rules.append(f"{prefix_path}{source_dir} {prefix_path}{target} 301")
    if rules:
        (site / "_redirects").write_text(
            "# Moved pages (data/anchors.yml). Browsers keep the #fragment across a 301.\n"
            + "\n".join(rules) + "\n", encoding="utf-8")
    return written


def nginx_rules(site_url: str, registry: Path = REGISTRY) -> str:
    base = site_url if site_url.endswith("/") else site_url + "/"
    prefix_path = re.sub(r"^https?://[^/]+", "", base)
    lines = []
    for redirect in page_redirects(registry):
        for language in content.LANGUAGES:
            lang_prefix = "" if language == content.DEFAULT_LANGUAGE else f"{language}/"
            lines.append(f"location = {prefix_path}{lang_prefix}{redirect.source.lstrip('/')} "
                         f"{{ return 301 {prefix_path}{lang_prefix}{redirect.target.lstrip('/')}; }}")
    return "\n".join(lines)
