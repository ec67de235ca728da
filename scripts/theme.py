"""Fixes to the HTML that stock Material + mkdocs-static-i18n produce (see
CONTRIBUTING.md): accessible task lists and abbreviations, moved-section markers,
absolute hreflang links, one 404 page per language, compact HTML, robots.txt and one
search index per language. Called from scripts/hooks.py; renders no data into pages
(that is scripts/render.py)."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import urljoin

from bs4 import BeautifulSoup

from scripts import anchors, content


def label_task_list_items(page_html: str) -> str:
    """Put each task-list item's text inside its checkbox label, so the checkbox has an
    accessible name (stock pymdownx.tasklist leaves the label empty; axe: 'label')."""
    if "task-list-item" not in page_html:
        return page_html
    soup = BeautifulSoup(page_html, "html.parser")
    for item in soup.select("li.task-list-item"):
        label = item.find("label", class_="task-list-control", recursive=False)
        if label is None:
            continue
        for sibling in list(label.next_siblings):
            if getattr(sibling, "name", None) in ("ul", "ol", "p", "div"):
                break
            label.append(sibling.extract())
    return str(soup)


def qr_svg(url: str) -> str:
    import segno

    return segno.make(url, error="m").svg_inline(scale=4, border=2, dark="#000", omitsize=True)


def moved_section_markers(page_html: str, page, language: str) -> str:
    """Old section ids that moved (data/anchors.yml) stay on their old page as hidden
    markers; guide.js sends a link to one on to the new address."""

    rel = Path(page.file.src_uri).relative_to(language).as_posix()
    here = anchors.page_path(rel)
    markers = []
    for old_id, new in anchors.section_moves(here).items():
        target_page, _, target_id = new.partition("#")
        href = anchors.relative(here, target_page) + (f"#{target_id}" if target_id else "")
        markers.append(f'<span id="{html.escape(old_id)}" data-moved-to="{html.escape(href)}" hidden></span>')
    return "".join(markers) + page_html


def focusable_abbreviations(page_html: str) -> str:
    """Keyboard readers can reach an abbreviation's expansion too: the first use of each
    abbreviation on a page takes focus (Material's tooltip then shows the expansion), unless it
    sits inside a link or button, which must not hold another focusable element."""
    if "<abbr" not in page_html:
        return page_html
    soup = BeautifulSoup(page_html, "html.parser")
    seen: set[str] = set()
    for abbr in soup.find_all("abbr", title=True):
        if abbr["title"] in seen or abbr.find_parent(["a", "button", "label", "summary"]):
            continue
        seen.add(abbr["title"])
        abbr["tabindex"] = "0"
    return str(soup)


ALTERNATE_RE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def page_urls(page, config) -> dict[str, str]:
    """Absolute URL of this page in each language."""
    site = config.site_url or "/"
    url = page.url
    if url.startswith("es/") or url == "es/":
        rel = url[3:]
    else:
        rel = url
    return {"en": urljoin(site, rel), "es": urljoin(site, "es/" + rel)}


PRESERVE_RE = re.compile(r"(<(pre|textarea|script)\b.*?</\2>)", re.DOTALL | re.IGNORECASE)


def compact_html(output: str) -> str:
    """Drop the templates' indentation and blank lines (about 10% of each page after
    gzip). Line breaks stay, so text never runs together; <pre>, <textarea> and
    <script> keep every character."""
    parts = PRESERVE_RE.split(output)
    out = []
    index = 0
    while index < len(parts):
        chunk = parts[index]
        out.append(re.sub(r"\n[ \t]*(?:\n[ \t]*)*", "\n", chunk))
        if index + 1 < len(parts):
            out.append(parts[index + 1])   # the preserved element
        index += 3
    return "".join(out)


def drop_alternates(output: str) -> str:
    return ALTERNATE_RE.sub("", output)


def fix_head(output: str, page, config, language: str) -> str:
    """Replace Material's relative hreflang links with absolute ones plus x-default."""
    urls = page_urls(page, config)
    links = "".join(
        f'\n    <link rel="alternate" href="{html.escape(urls[lang])}" hreflang="{lang}">'
        for lang in content.LANGUAGES
    )
    links += (f'\n    <link rel="alternate" href="{html.escape(urls[content.DEFAULT_LANGUAGE])}" '
              'hreflang="x-default">')
    output, count = ALTERNATE_RE.subn("", output)
    if count:
        output = output.replace('<link rel="icon"', links.lstrip() + '\n    <link rel="icon"', 1)
    return output


SWITCHER_RE = re.compile(r'<a href="([^"]*)" hreflang="([a-z]+)" class="md-select__link">')


def _fix_404_links(output: str) -> str:
    """The i18n plugin leaves the last page's alternates in the 404 context: drop the head
    links and point the language switcher at the home pages."""
    output = ALTERNATE_RE.sub("", output)
    base = re.search(r'"base": "([^"]*)"', output)
    root = (base.group(1) if base else "").rstrip("/")

    def home(match: re.Match) -> str:
        language = match.group(2)
        path = "/" if language == content.DEFAULT_LANGUAGE else f"/{language}/"
        return f'<a href="{root}{path}" hreflang="{language}" class="md-select__link">'

    return SWITCHER_RE.sub(home, output)


def place_404(output: str, site_dir: Path, language: str) -> str:
    """Keep one 404 page per language. MkDocs writes every language's 404 to the root
    (the last language built would win); the Spanish one goes to es/404.html and the
    root keeps the English page written by the first build."""
    output = _fix_404_links(output)
    if language == content.DEFAULT_LANGUAGE:
        return output
    target = site_dir / language / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    root = site_dir / "404.html"
    return root.read_text(encoding="utf-8") if root.exists() else output


def write_robots(site_dir: Path, site_url: str) -> None:
    """robots.txt naming the sitemap, which lists both languages."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    (site_dir / "robots.txt").write_text(f"User-agent: *\nAllow: /\n\nSitemap: {base}sitemap.xml\n",
                                         encoding="utf-8")


def split_search_index(site_dir: Path) -> None:
    """Write search/search_index.<lang>.json holding one language each, so search on a
    Spanish page finds Spanish pages only (head.js asks for the page's language)."""
    merged = site_dir / "search" / "search_index.json"
    if not merged.exists():
        return
    index = json.loads(merged.read_text(encoding="utf-8"))
    for language in content.LANGUAGES:
        prefixes = [f"{other}/" for other in content.LANGUAGES if other != content.DEFAULT_LANGUAGE]
        if language == content.DEFAULT_LANGUAGE:
            docs = [d for d in index["docs"] if not d["location"].startswith(tuple(prefixes))]
        else:
            docs = [d for d in index["docs"] if d["location"].startswith(f"{language}/")]
        config = dict(index["config"], lang=[language])
        out = site_dir / "search" / f"search_index.{language}.json"
        out.write_text(json.dumps({"config": config, "docs": docs}, ensure_ascii=False,
                                  separators=(",", ":")), encoding="utf-8")
