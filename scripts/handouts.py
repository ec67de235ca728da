"""Handouts made from blocks that pages already hold, so the printed copy always says
what the page says: the wallet-card sheet (`<!-- render: wallet-card-sheet -->`) takes
the two sides of the `guide-wallet-card` block of the wallet card page in the same
language and sets them 8 to a Letter page with cut marks: one page of English cards, one
of Spanish cards, in the same places, so printing both pages on one sheet, two-sided,
gives cards with English on one side and Spanish on the other. Its print layout is in
docs/assets/stylesheets/handouts.css; registered in scripts/render.py RENDERERS."""

from __future__ import annotations

import html
import re

from scripts import content

WALLET_CARD_PAGE = "know-your-rights/wallet-card.md"
CARDS_PER_SHEET = 8          # 2 columns x 4 rows of 3.5 in x 2 in on Letter
CARD_COLUMNS, CARD_ROWS = 2, 4
CARD_SIZE_IN = (3.5, 2.0)

SIDE_RE = re.compile(r'<div\b[^>]*class="[^"]*\bguide-wallet-card__side\b[^"]*"[^>]*>')
LANG_RE = re.compile(r'\blang="([a-z]+)"')

SHEET_WORDS = {
    "en": {"en": "English side", "es": "Spanish side",
           "cut": "Cut on the marks: 8 cards, 3.5 × 2 inches."},
    "es": {"en": "Lado en inglés", "es": "Lado en español",
           "cut": "Corte por las marcas: 8 tarjetas de 3.5 × 2 pulgadas."},
}


def wallet_card_sides(language: str) -> dict[str, str]:
    """{side language: Markdown} of the guide-wallet-card block of the wallet card page
    in `language` (the sides in the order they appear)."""
    path = content.DOCS / language / WALLET_CARD_PAGE
    sides: dict[str, str] = {}
    side, depth, lines = None, 0, []
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if side is None:
            opening = SIDE_RE.search(stripped)
            if opening:
                match = LANG_RE.search(opening.group(0))
                side, depth, lines = (match.group(1) if match else language), 1, []
            continue
        if stripped.startswith("<div"):
            depth += 1
        elif stripped.startswith("</div>"):
            depth -= 1
            if depth == 0:
                sides[side] = "\n".join(lines).strip()
                side = None
                continue
        lines.append(line)
    if not sides:
        raise ValueError(f"{path}: no guide-wallet-card__side block")
    return sides


def cut_marks() -> str:
    """Short lines outside the grid, in line with every card edge: elements with a border,
    which print even when the browser leaves out background graphics. Placed by class
    (guide-cut--x0..x2, --y0..y4 in handouts.css): inline styles are not allowed (CSP)."""
    marks = []
    for column in range(CARD_COLUMNS + 1):
        for edge in ("top", "bottom"):
            marks.append(f'<span class="guide-cut guide-cut--{edge} guide-cut--x{column}"></span>')
    for row in range(CARD_ROWS + 1):
        for edge in ("left", "right"):
            marks.append(f'<span class="guide-cut guide-cut--{edge} guide-cut--y{row}"></span>')
    return f'<div class="guide-wallet-sheet__marks" aria-hidden="true">{"".join(marks)}</div>'


def wallet_card_sheet(language: str) -> str:
    """Two Letter pages of 8 cards (English side, then Spanish side). On screen one card
    of each shows; the copies are for paper only (hidden from screen readers too)."""
    words = SHEET_WORDS[language]
    out = ['<div class="guide-wallet-sheets" markdown>']
    for side, text in wallet_card_sides(language).items():
        out.append(f'<div class="guide-wallet-sheet" data-side="{side}" markdown>')
        out.append(f'<p class="guide-wallet-sheet__label">{html.escape(words.get(side, side))}. '
                   f'{html.escape(words["cut"])}</p>')
        out.append('<div class="guide-wallet-sheet__cards" markdown>')
        for copy in range(CARDS_PER_SHEET):
            hidden = ' aria-hidden="true"' if copy else ""
            out.append(f'<div class="guide-wallet-card__side guide-wallet-sheet__card" '
                       f'lang="{side}"{hidden} markdown>\n\n{text}\n\n</div>')
        out.append("</div>")
        out.append(cut_marks())
        out.append("</div>")
    out.append("</div>")
    return "\n".join(out) + "\n"


RENDERERS = {"wallet-card-sheet": wallet_card_sheet}
