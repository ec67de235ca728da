"""Printed pages keep their budget, their address, their date and their sources, and
carry no navigation. The PDFs are printed by Chromium once per run (tests/conftest.py)."""

import re
from io import BytesIO

import pytest
from pypdf import PdfReader

from scripts import content, pdf, sitecheck

pytestmark = pytest.mark.browser

PRINTABLES = pdf.printable_pages()


def words(text: str) -> list[str]:
    """Letters and digits apart: a footnote mark prints glued to its word ("seize3")."""
    return re.findall(r"[^\W\d_]+|\d+", text.casefold())


def made(built, site_path: str):
    for item in built.pdfs:
        if item.path == built.site / site_path:
            return item
    raise AssertionError(f"{site_path} was not printed; printed: "
                         f"{[str(i.path.relative_to(built.site)) for i in built.pdfs]}")


def chrome_texts(site, printable) -> list[str]:
    """Text that only the site's navigation and footer show."""
    page = sitecheck.soup(site / printable.url_path / "index.html")
    texts = [page.select_one(".md-copyright").get_text(" ", strip=True)]
    texts += [el.get_text(" ", strip=True) for el in page.select(".md-nav--secondary > .md-nav__title")]
    texts += [el.get_text(" ", strip=True) for el in page.select(".md-skip")]
    return [t for t in texts if t]


def test_there_are_printable_pages_in_both_languages():
    assert {p.language for p in PRINTABLES} == set(content.LANGUAGES)
    assert any(p.budget == "one-page" for p in PRINTABLES)


@pytest.mark.parametrize("printable", PRINTABLES, ids=lambda p: f"{p.language}:{p.rel}")
def test_printed_page_keeps_its_budget_address_and_date_without_navigation(built, site, downloads, printable):
    item = made(built, printable.pdf)
    if printable.max_pages is not None:
        assert item.pages <= printable.max_pages, (
            f"{printable.language}/{printable.rel} prints on {item.pages} Letter pages; its budget "
            f"(print: {printable.budget}) is {printable.max_pages}. Shorten the page.")
    text = pdf.pdf_text(item.path.read_bytes())
    flat = re.sub(r"\s+", "", text)
    assert re.sub(r"\s+", "", built.url + printable.url_path) in flat, "canonical URL not printed"
    meta, _ = content.read_meta(content.DOCS / printable.language / printable.rel)
    assert str(meta["last_reviewed"]) in text, "review date not printed"
    assert ("not legal advice" in text) or ("no es asesoría legal" in text)
    for chrome in chrome_texts(site, printable):
        assert chrome not in text, f"navigation text {chrome!r} was printed"


def test_printable_pages_link_to_their_pdf(site):
    for printable in PRINTABLES:
        page = sitecheck.soup(site / printable.url_path / "index.html")
        link = page.select_one("a.guide-download")
        assert link is not None, printable
        assert link["href"].endswith(printable.pdf.split("/")[-1])


@pytest.mark.parametrize("language", content.LANGUAGES)
def test_whole_guide_pdf_has_every_chapter_and_metadata(built, site, downloads, language):
    item = made(built, f"{pdf.language_prefix(language)}pdf/guide.pdf")
    data = item.path.read_bytes()
    reader = PdfReader(BytesIO(data))
    assert reader.metadata.title == pdf.BOOK_TITLES[language][0]
    assert reader.trailer["/Root"].get("/Lang") == language
    assert reader.outline, "the PDF has no bookmarks"
    text = re.sub(r"\s+", " ", pdf.pdf_text(data))
    for rel in pdf.nav_pages():
        title = str(content.read_meta(content.DOCS / language / rel)[0]["title"])
        assert re.sub(r"\s+", " ", title) in text, f"{title!r} is missing from the {language} guide PDF"
    assert item.pages > len(pdf.nav_pages())
    home = sitecheck.soup(site / pdf.language_prefix(language) / "index.html")
    assert home.select_one(".guide-downloads a[href$='pdf/guide.pdf']")


def test_wide_table_prints_without_clipping(built, site, downloads):
    """Every word of every cell of the comparison table is in the printed text."""
    for language in content.LANGUAGES:
        printable = next(p for p in PRINTABLES if p.rel == "warrants/compare.md" and p.language == language)
        printed = set(words(pdf.pdf_text(made(built, printable.pdf).path.read_bytes())))
        page = sitecheck.soup(site / printable.url_path / "index.html")
        cells = page.select("article table td, article table th")
        assert len(cells) >= 12
        for mark in page.select("article table sup[id^='fnref']"):
            mark.decompose()   # adjacent footnote marks print as one number ("56")
        missing = {w for cell in cells for w in words(cell.get_text(" ")) if w not in printed}
        assert not missing, f"{language}: table words missing from the printout: {sorted(missing)[:20]}"
