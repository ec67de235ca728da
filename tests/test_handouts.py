"""Handouts on paper (docs/assets/stylesheets/handouts.css, scripts/handouts.py):

- the private-area sign prints alone on one landscape Letter page and the waiting-room
  poster alone on one portrait Letter page (and one 11 x 17 page), filling it, in large
  type, with the address and review date below;
- the wallet-card sheet prints one Letter page of 8 English cards and one of 8 Spanish
  cards, in the same places on the paper (two-sided printing lines them up), with cut
  marks, text at least 8 pt, the words of the wallet card page; one-language PDFs too;
- only the pages that hold a handout load handouts.css.

Boxes are measured in Chromium in print media, with the viewport set to the printed
page's content area (CSS inches: 96 px); the PDFs are the ones the site links
(tests/conftest.py `downloads`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from pypdf import PdfReader

from scripts import content, handouts, pdf, sitecheck
from tests.test_print import made

pytestmark = pytest.mark.browser

PX_PER_IN = 96
PX_PER_PT = 96 / 72
SIGN, POSTER, SHEET = ("protocols/private-area-sign.md", "know-your-rights/poster.md",
                       "know-your-rights/wallet-card-sheet.md")
VARIANT = {v.suffix: v for v in pdf.VARIANTS}


@dataclass(frozen=True)
class Paper:
    """A handout's printed page, as handouts.css names it (@page size and margins)."""
    name: str
    rel: str
    width: float         # inches
    height: float
    margin_y: float      # top and bottom
    margin_x: float      # left and right
    variant: str | None = None
    min_heading_pt: float = 0
    min_text_pt: float = 0

    @property
    def area(self) -> tuple[int, int]:
        """Content area in CSS px."""
        return (round((self.width - 2 * self.margin_x) * PX_PER_IN),
                round((self.height - 2 * self.margin_y) * PX_PER_IN))


# Door sign: landscape, because its four lines are short and wide (two words in capitals
# per language): across 11 in the type is a third larger than across 8.5 in.
FILLED = [
    Paper("sign", SIGN, 11, 8.5, 0.4, 0.4, None, 60, 36),
    Paper("poster", POSTER, 8.5, 11, 0.4, 0.4, None, 28, 18),
    Paper("poster-tabloid", POSTER, 11, 17, 0.5, 0.5, "tabloid", 40, 28),
]
SHEET_PAPER = Paper("wallet-card-sheet", SHEET, 8.5, 11, 0.5, 0.25)


def page_pdf(language: str, rel: str, variant: str | None = None) -> str:
    path = f"{pdf.language_prefix(language)}pdf/{content.pdf_name(rel)}"
    return pdf.variant_pdf(path, VARIANT[variant]) if variant else path


def open_printed(visit, built, language: str, paper: Paper):
    """The page laid out as on paper: print media, viewport = the page's content area."""
    width, height = paper.area
    page = visit(width=width, height=height).page
    page.goto(built.url + pdf.language_prefix(language) + content.site_path(paper.rel), wait_until="load")
    page.emulate_media(media="print")
    if paper.variant:
        page.evaluate("name => document.documentElement.classList.add(name)", VARIANT[paper.variant].html_class)
    page.evaluate("() => document.fonts.ready.then(() => true)")
    return page


# --- Page counts and paper -----------------------------------------------------------

@pytest.mark.parametrize("language", content.LANGUAGES)
def test_handout_pdfs_have_their_page_count_and_paper(built, downloads, language):
    expected = [  # (page, variant, pages, paper in points)
        (SIGN, None, 1, (792, 612)),
        (POSTER, None, 1, (612, 792)),
        (POSTER, "tabloid", 1, (792, 1224)),
        (SHEET, None, 2, (612, 792)),
        (SHEET, "en", 1, (612, 792)),
        (SHEET, "es", 1, (612, 792)),
    ]
    for rel, variant, pages, size in expected:
        item = made(built, page_pdf(language, rel, variant))
        reader = PdfReader(item.path)
        sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages}
        assert len(reader.pages) == pages, f"{item.path.name} ({language}): {len(reader.pages)} pages, not {pages}"
        assert sizes == {size}, f"{item.path.name} ({language}): paper {sizes}, not {size} pt"


# --- Sign and poster fill the page ---------------------------------------------------

@pytest.mark.parametrize("language", content.LANGUAGES)
@pytest.mark.parametrize("paper", FILLED, ids=lambda p: p.name)
def test_sign_and_poster_print_alone_filling_the_page(built, downloads, visit, language, paper):
    page = open_printed(visit, built, language, paper)
    found = page.evaluate("""() => {
        const article = document.querySelector('article.md-content__inner');
        const block = article.querySelector(':scope > .guide-sign, :scope > .guide-poster');
        const footer = article.querySelector(':scope > .guide-print-header');
        const box = el => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; };
        const shown = [...article.children].filter(el => getComputedStyle(el).display !== 'none'
                                                     && el.getClientRects().length);
        const sizes = sel => [...block.querySelectorAll(sel)].filter(el => el.textContent.trim())
                               .map(el => parseFloat(getComputedStyle(el).fontSize));
        return {block: box(block), footer: box(footer), footerText: footer.innerText,
                shown: shown.map(el => el.className || el.tagName),
                overflow: [block.scrollWidth - block.clientWidth, block.scrollHeight - block.clientHeight],
                headings: sizes('strong'), text: sizes('p')};
    }""")
    width, height = paper.area
    left, top, w, h = found["block"]
    fill = (w * h) / (paper.width * paper.height * PX_PER_IN ** 2)
    where = f"{language} {paper.name}: block {w / PX_PER_IN:.2f} x {h / PX_PER_IN:.2f} in, {fill:.0%} of the paper"
    shown = found["shown"]
    assert len(shown) == 2 and any("guide-print-header" in c for c in shown) and \
        any(re.search(r"\bguide-(sign|poster)\b", c) for c in shown), \
        f"{where}: prints more than the block and its footer: {shown}"
    assert w >= 0.97 * width and h >= 0.88 * height, f"{where}: it should fill the content area"
    assert fill >= 0.75, where
    assert max(found["overflow"]) <= 1, f"{where}: text overflows the block {found['overflow']}"
    # The address and date sit below the block, small, and the whole fits on the page.
    f_left, f_top, f_w, f_h = found["footer"]
    assert f_top >= top + h - 1 and f_top + f_h <= height + 1, f"{where}: footer at {found['footer']}"
    assert f_h <= 0.45 * PX_PER_IN, f"{where}: the footer should be one or two small lines"
    assert "/" in found["footerText"] and re.search(r"\d{4}-\d\d-\d\d", found["footerText"])
    assert min(found["headings"]) / PX_PER_PT >= paper.min_heading_pt, f"{where}: headings {found['headings']} px"
    assert min(found["text"]) / PX_PER_PT >= paper.min_text_pt, f"{where}: text {found['text']} px"


# --- Wallet-card sheet -----------------------------------------------------------------

def card_heading(language: str, side: str) -> str:
    first = handouts.wallet_card_sides(language)[side].strip().splitlines()[0]
    return first.strip("* ")


@pytest.mark.parametrize("language", content.LANGUAGES)
def test_wallet_card_sheet_pdf_has_8_cards_per_page(built, downloads, language):
    """Counted in the printed text: each card's heading, 8 times per page, English cards
    on page 1, Spanish cards on page 2 (and alone in the one-language PDFs)."""
    def headings(path) -> list[dict[str, int]]:
        return [{side: (page.extract_text() or "").count(card_heading(language, side)) for side in ("en", "es")}
                for page in PdfReader(path).pages]

    per_sheet = handouts.CARDS_PER_SHEET
    assert per_sheet >= 8
    assert headings(made(built, page_pdf(language, SHEET)).path) == [{"en": per_sheet, "es": 0},
                                                                     {"en": 0, "es": per_sheet}]
    assert headings(made(built, page_pdf(language, SHEET, "en")).path) == [{"en": per_sheet, "es": 0}]
    assert headings(made(built, page_pdf(language, SHEET, "es")).path) == [{"en": 0, "es": per_sheet}]


@pytest.mark.parametrize("language", content.LANGUAGES)
def test_wallet_cards_line_up_on_both_sides_with_cut_marks_and_readable_text(built, downloads, visit, language):
    page = open_printed(visit, built, language, SHEET_PAPER)
    sheets = page.evaluate("""() => [...document.querySelectorAll('article > .guide-wallet-sheets > .guide-wallet-sheet')].map(sheet => {
        const box = el => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; };
        const visible = el => getComputedStyle(el).display !== 'none' && el.getClientRects().length;
        const cards = [...sheet.querySelectorAll('.guide-wallet-sheet__card')].filter(visible);
        const texts = cards.flatMap(card => [...card.querySelectorAll('*')].filter(el => el.textContent.trim()));
        return {side: sheet.dataset.side, sheet: box(sheet),
                cards: cards.map(box), marks: [...sheet.querySelectorAll('.guide-cut')].filter(visible).map(box),
                text: cards.map(card => card.innerText.trim()),
                smallest: Math.min(...texts.map(el => parseFloat(getComputedStyle(el).fontSize))),
                overflow: Math.max(...cards.map(c => c.scrollHeight - c.clientHeight))};
    })""")
    assert [s["side"] for s in sheets] == ["en", "es"], "one sheet of English cards, then one of Spanish cards"
    card_w, card_h = (d * PX_PER_IN for d in handouts.CARD_SIZE_IN)
    paper_w, paper_h = SHEET_PAPER.width * PX_PER_IN, SHEET_PAPER.height * PX_PER_IN
    margin_x, margin_y = SHEET_PAPER.margin_x * PX_PER_IN, SHEET_PAPER.margin_y * PX_PER_IN
    layouts = []
    for sheet in sheets:
        where = f"{language} sheet of {sheet['side']} cards"
        s_left, s_top, _, s_h = sheet["sheet"]
        assert s_h <= SHEET_PAPER.area[1], f"{where}: taller than a page ({s_h / PX_PER_IN:.2f} in)"
        assert len(sheet["cards"]) == handouts.CARDS_PER_SHEET >= 8, f"{where}: {len(sheet['cards'])} cards"
        for left, top, w, h in sheet["cards"]:
            assert abs(w - card_w) <= 1 and abs(h - card_h) <= 1, f"{where}: a card is {w}x{h} px"
        # On the paper: page margin + place on its page (each sheet starts a page).
        on_paper = sorted((round(left - s_left + margin_x), round(top - s_top + margin_y))
                          for left, top, _, _ in sheet["cards"])
        assert len(set(on_paper)) == len(on_paper), f"{where}: cards overlap"
        xs, ys = {x for x, _ in on_paper}, {y for _, y in on_paper}
        grid = (min(xs), min(ys), max(xs) + card_w, max(ys) + card_h)
        # Centred both ways, so the back lines up with the front whichever edge flips.
        assert abs(grid[0] - (paper_w - grid[2])) <= 2 and abs(grid[1] - (paper_h - grid[3])) <= 2, \
            f"{where}: cards not centred on the paper: {grid}"
        layouts.append(on_paper)
        # Cut marks: outside the cards, on each column and row edge.
        assert len(sheet["marks"]) >= 2 * (handouts.CARD_COLUMNS + 1) + 2 * (handouts.CARD_ROWS + 1), where
        for left, top, w, h in sheet["marks"]:
            x0, y0 = left - s_left + margin_x, top - s_top + margin_y
            outside = x0 + w <= grid[0] + 1 or x0 >= grid[2] - 1 or y0 + h <= grid[1] + 1 or y0 >= grid[3] - 1
            assert outside, f"{where}: a cut mark lies on a card ({x0}, {y0})"
            assert 0.2 * PX_PER_IN <= x0 and x0 + w <= paper_w - 0.2 * PX_PER_IN, f"{where}: mark off the printable area"
        assert sheet["smallest"] / PX_PER_PT >= 8, f"{where}: text of {sheet['smallest'] / PX_PER_PT:.1f} pt"
        assert sheet["overflow"] <= 1, f"{where}: the text does not fit the card"
        assert len(set(sheet["text"])) == 1, f"{where}: the cards differ"
    assert layouts[0] == layouts[1], "the Spanish cards are not where the English cards are"


@pytest.mark.parametrize("language", content.LANGUAGES)
def test_wallet_card_sheet_says_what_the_wallet_card_page_says(site, language):
    prefix = pdf.language_prefix(language)
    card_page = sitecheck.soup(site / prefix / content.site_path("know-your-rights/wallet-card.md") / "index.html")
    sheet_page = sitecheck.soup(site / prefix / content.site_path(SHEET) / "index.html")
    norm = lambda el: re.sub(r"\s+", " ", el.get_text(" ", strip=True))
    for side in card_page.select(".guide-wallet-card .guide-wallet-card__side"):
        cards = sheet_page.select(f'.guide-wallet-sheet[data-side="{side["lang"]}"] .guide-wallet-sheet__card')
        assert len(cards) == handouts.CARDS_PER_SHEET
        assert {norm(card) for card in cards} == {norm(side)}, f"{language}: {side['lang']} cards differ from the wallet card"
        assert all(card["lang"] == side["lang"] for card in cards)
        # Screen readers hear one card of each side, not eight.
        assert [card.get("aria-hidden") for card in cards] == [None] + ["true"] * (len(cards) - 1)


# --- Downloads and weight ----------------------------------------------------------------

@pytest.mark.parametrize("language", content.LANGUAGES)
def test_handout_pages_link_their_other_pdfs(built, site, downloads, language):
    for rel, suffixes in ((POSTER, ["tabloid"]), (SHEET, ["en", "es"])):
        page = sitecheck.soup(site / pdf.language_prefix(language) / content.site_path(rel) / "index.html")
        links = [a["href"] for a in page.select("a.guide-download-variant")]
        for suffix in suffixes:
            target = page_pdf(language, rel, suffix)
            assert any(href.endswith(target.split("/")[-1]) for href in links), f"{language} {rel}: no link to {target}"
            made(built, target)


def test_only_handout_pages_load_the_handout_stylesheet(site):
    """Everyone else's first load stays as it was."""
    loading = set()
    for path in sitecheck.content_pages(site):
        page = sitecheck.soup(path)
        if page.select_one('link[rel=stylesheet][href$="handouts.css"]'):
            loading.add(path.relative_to(site).as_posix())
            assert page.select_one(".md-content__inner :is(.guide-sign, .guide-poster, .guide-wallet-card__side)"), path
    for language in content.LANGUAGES:
        for rel in (SIGN, POSTER, SHEET, "know-your-rights/wallet-card.md"):
            assert f"{pdf.language_prefix(language)}{content.site_path(rel)}index.html" in loading, rel
    assert "index.html" not in loading and "es/index.html" not in loading
