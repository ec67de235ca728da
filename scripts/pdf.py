"""PDFs printed by headless Chromium from the built site, served on 127.0.0.1.

- one PDF per printable page (front matter `print:`), next to the site's pages in
  <lang>/pdf/<page-name>.pdf;
- one PDF of the whole guide per language (cover, linked table of contents, chapters
  in nav order, PDF outline), in <lang>/pdf/guide.pdf.

The build must have been made with GUIDE_DOWNLOADS=1 so the pages carry their download links.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from urllib.parse import urljoin, urlparse

from bs4 import BeautifulSoup

from scripts import content

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
BOOK_TITLES = {
    "en": ("Immigration enforcement at health facilities",
           "A guide for U.S. health care workers", "Contents", "Version", "Reviewed"),
    "es": ("Operativos migratorios en centros de salud",
           "Guía para trabajadores de la salud en EE. UU.", "Contenido", "Versión", "Revisión"),
}


def nav_pages(config: Path = content.ROOT / "mkdocs.yml") -> list[str]:
    """Source paths (relative to docs/<lang>) in nav order."""
    found: list[str] = []

    def walk(items):
        for item in items:
            if isinstance(item, str):
                found.append(item)
            elif isinstance(item, dict):
                for value in item.values():
                    walk(value if isinstance(value, list) else [value])

    walk(content.mkdocs_config(config)["nav"])
    return found


def language_prefix(language: str) -> str:
    return "" if language == content.DEFAULT_LANGUAGE else f"{language}/"


@dataclass(frozen=True)
class Printable:
    language: str
    rel: str
    budget: str

    @property
    def pdf(self) -> str:
        """Site path of the page's PDF."""
        return f"{language_prefix(self.language)}pdf/{content.pdf_name(self.rel)}"

    @property
    def url_path(self) -> str:
        return language_prefix(self.language) + content.site_path(self.rel)

    @property
    def max_pages(self) -> int | None:
        return content.PRINT_BUDGETS[self.budget]


def printable_pages(docs: Path = content.DOCS) -> list[Printable]:
    found = []
    for language in content.LANGUAGES:
        for rel, path in content.pages(language, docs).items():
            meta, _ = content.read_meta(path)
            if meta.get("print"):
                found.append(Printable(language, rel, meta["print"]))
    return found


@dataclass(frozen=True)
class Variant:
    """Another PDF of a printable page that holds a given block, printed with a class
    on <html> that docs/assets/stylesheets/handouts.css reads. overrides/main.html links
    each one (the same suffixes) from the page."""
    selector: str       # the page holds this block
    suffix: str         # <page>-<suffix>.pdf
    html_class: str


VARIANTS = (
    Variant(".md-content__inner > .guide-poster", "tabloid", "guide-paper-tabloid"),   # 11 x 17 in
    Variant(".md-content__inner > .guide-wallet-sheets", "en", "guide-sheet-en"),      # English cards
    Variant(".md-content__inner > .guide-wallet-sheets", "es", "guide-sheet-es"),      # Spanish cards
)


def variant_pdf(site_path: str, variant: Variant) -> str:
    return f"{site_path.removesuffix('.pdf')}-{variant.suffix}.pdf"


def page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(BytesIO(pdf)).pages)


def pdf_text(pdf: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(BytesIO(pdf)).pages)


def print_to_pdf(page, url: str, footer: str | None = None, html_class: str | None = None) -> bytes:
    """Letter unless the page's CSS names another size (@page), tagged (structure for
    screen readers); the whole guide also gets page numbers and an outline (bookmarks)
    from its headings. html_class: a class put on <html> first (a Variant)."""
    page.goto(url, wait_until="load")
    page.emulate_media(media="print")
    if html_class:
        page.evaluate("name => document.documentElement.classList.add(name)", html_class)
    options = dict(format="Letter", print_background=True, prefer_css_page_size=True, tagged=True)
    if footer:
        options.update(outline=True, display_header_footer=True, header_template="<span></span>",
                       footer_template=footer, margin={"top": "0.5in", "bottom": "0.6in",
                                                       "left": "0.55in", "right": "0.55in"})
    return page.pdf(**options)


def _article(site: Path, language: str, rel: str) -> BeautifulSoup:
    path = site / (language_prefix(language) + content.site_path(rel)) / "index.html"
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return soup.select_one("article.md-content__inner")


def book_html(site: Path, base_url: str, language: str, version: str, public_url: str) -> str:
    """One HTML document holding every page of one language, in nav order."""
    title, subtitle, contents, version_label, reviewed_label = BOOK_TITLES[language]
    rels = nav_pages()
    number = {rel: index for index, rel in enumerate(rels)}
    page_urls = {urljoin(base_url, language_prefix(language) + content.site_path(rel)): rel for rel in rels}
    reviewed = max(str(content.read_meta(content.DOCS / language / rel)[0]["last_reviewed"])
                   for rel in rels)
    toc, sections = [], []
    for rel in rels:
        article = _article(site, language, rel)
        page_url = urljoin(base_url, language_prefix(language) + content.site_path(rel))
        prefix = f"p{number[rel]}-"
        for element in article.select(".guide-print-header, .guide-page-status, .guide-print-button, "
                                      ".headerlink, .md-content__button, .guide-downloads"):
            element.decompose()
        for element in article.find_all(id=True):
            element["id"] = prefix + element["id"]
        for link in article.find_all("a", href=True):
            href = link["href"]
            if href.startswith("#"):
                link["href"] = "#" + prefix + href[1:]
                continue
            absolute = urljoin(page_url, href)
            parsed = urlparse(absolute)
            target = absolute.split("#")[0]
            if target in page_urls:
                link["href"] = f"#p{number[page_urls[target]]}-" + (parsed.fragment or "top")
            else:
                link["href"] = absolute
        for image in article.find_all("img", src=True):
            image["src"] = urljoin(page_url, image["src"])
        h1 = article.find("h1")
        heading = h1.get_text(" ", strip=True).rstrip("#").strip() if h1 else rel
        toc.append(f'<li><a href="#{prefix}top">{html.escape(heading)}</a></li>')
        sections.append(f'<section class="guide-book__page" id="{prefix}top">{article.decode_contents()}</section>')
    styles = "".join(f'<link rel="stylesheet" href="{href}">' for href in sorted(
        urljoin(base_url, "assets/stylesheets/" + p.name)
        for p in (site / "assets" / "stylesheets").glob("*.css")))
    return f"""<!doctype html>
<html lang="{language}"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
{styles}</head>
<body><div class="md-container"><main class="md-main"><div class="md-content">
<article class="md-content__inner md-typeset guide-book">
<section class="guide-book__cover">
<h1>{html.escape(title)}</h1><p class="guide-book__subtitle">{html.escape(subtitle)}</p>
<p>{version_label} {html.escape(version)} · {reviewed_label} {reviewed}</p>
<p>{html.escape(public_url + language_prefix(language))}</p>
</section>
<nav class="guide-book__toc"><h2>{contents}</h2><ol>{''.join(toc)}</ol></nav>
{''.join(sections)}
</article></div></main></div></body></html>"""


def project_version() -> str:
    text = (content.ROOT / "pyproject.toml").read_text(encoding="utf-8")
    return re.search(r'^version = "([^"]+)"', text, re.MULTILINE).group(1)


FOOTER = ('<div style="font-size:8pt;width:100%;text-align:center;color:#444">'
          '<span class="pageNumber"></span> / <span class="totalPages"></span></div>')


@dataclass(frozen=True)
class Made:
    path: Path
    pages: int
    size: int


def make_pdfs(site: Path, base_url: str, browser, public_url: str) -> list[Made]:
    """Print every printable page and each language's whole guide into the site.
    base_url is where the site is served now; public_url is its published address."""
    made = []
    context = browser.new_context()
    page = context.new_page()
    try:
        for printable in printable_pages():
            url = urljoin(base_url, printable.url_path)
            data = print_to_pdf(page, url)
            target = site / printable.pdf
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            made.append(Made(target, page_count(data), len(data)))
            for variant in [v for v in VARIANTS if page.locator(v.selector).count()]:
                data = print_to_pdf(page, url, html_class=variant.html_class)
                target = site / variant_pdf(printable.pdf, variant)
                target.write_bytes(data)
                made.append(Made(target, page_count(data), len(data)))
        for language in content.LANGUAGES:
            book = site / f".book-{language}.html"
            book.write_text(book_html(site, base_url, language, project_version(), public_url), encoding="utf-8")
            try:
                data = print_to_pdf(page, urljoin(base_url, book.name), FOOTER)
            finally:
                book.unlink()
            target = site / f"{language_prefix(language)}pdf/guide.pdf"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            made.append(Made(target, page_count(data), len(data)))
    finally:
        context.close()
    return made


def launch(playwright):
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} is missing: run `make chromium` (Debian) or install "
                         "Chromium there; never `playwright install`.")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

