"""Search tuning from data/search.yml: per-page rank and the words people use.

- `boost:` page path -> multiplier. Set as the page's `search.boost` (the front-matter
  setting Material's search plugin reads) when the page is built, so pages that tell
  people what to do rank above reference pages for the same words. Kept in data, not
  in the pages' front matter.
- `synonyms:` groups of words that mean the same thing to a reader ("la migra", ICE,
  inmigración). After the build, every section whose title or text uses one word of a
  group gets the group's other words in a hidden `keywords` field of the search index
  (`plugins.search.fields` in mkdocs.yml gives it its weight); a group with `pages:`
  goes to the top of those pages only. The words are never shown: Material renders the
  title and text of a result, not this field.

Accents, stemming, stop words and typos are handled in the browser by lunr
(docs/assets/javascripts/workers/guide-search.js); the words here are written as
people type them and need no variants with and without accents.
"""

from __future__ import annotations

import functools
import html
import json
import re
import unicodedata
from pathlib import Path

import yaml

from scripts import content

DATA_FILE = content.DATA / "search.yml"
FIELD = "keywords"
TAG_RE = re.compile(r"<[^>]+>")


def load(path: Path = DATA_FILE) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    data.setdefault("boost", {})
    data.setdefault("synonyms", [])
    return data


def check(path: Path = DATA_FILE) -> list[content.Problem]:
    """Every page named in the file exists in both languages; boosts are positive numbers;
    each group has at least two words."""
    problems = []
    data = load(path)
    english, spanish = content.pages("en"), content.pages("es")
    lines = path.read_text(encoding="utf-8").splitlines()

    def line_of(text: str) -> int:
        return next((n for n, line in enumerate(lines, 1) if text in line), 1)

    def known(page: str) -> bool:
        return page in english and page in spanish

    for page, value in data["boost"].items():
        if not known(page):
            problems.append(content.Problem(path, line_of(page), f"boost: no page {page} in "
                                            "docs/en and docs/es (use the path after the language)"))
        if not isinstance(value, (int, float)) or value <= 0:
            problems.append(content.Problem(path, line_of(page), f"boost of {page} must be a "
                                            "positive number"))
    for number, group in enumerate(data["synonyms"], 1):
        words = group.get("words") if isinstance(group, dict) else None
        if not words or len(words) < 2 or not all(isinstance(w, str) and w.strip() for w in words):
            problems.append(content.Problem(path, 1, f"synonyms group {number}: `words:` needs "
                                            "two or more words or phrases"))
            continue
        for page in group.get("pages", []):
            if not known(page):
                problems.append(content.Problem(path, line_of(page), f"synonyms group {number} "
                                                f"({words[0]}): no page {page}"))
    return problems


# --- at build time ------------------------------------------------------------------


@functools.lru_cache(maxsize=4)
def _load_cached(path: Path, mtime: float) -> dict:
    return load(path)


def set_boost(page, language: str, data: dict | None = None) -> None:
    """Give the page its search boost from data/search.yml (front-matter equivalent)."""
    data = data if data is not None else _load_cached(DATA_FILE, DATA_FILE.stat().st_mtime)
    rel = Path(page.file.src_uri).relative_to(language).as_posix()
    boost = data["boost"].get(rel)
    if boost is not None:
        search = page.meta.get("search")
        page.meta["search"] = dict(search or {}, boost=boost)


def fold(text: str) -> str:
    """Lower case without accents: 'Información' -> 'informacion'."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _pattern(word: str) -> re.Pattern:
    """A whole word or phrase. Short all-capital words (ICE, ER) match in capitals only,
    so 'ice' or 'er' inside ordinary text never count."""
    word = word.strip()
    if word.isupper() and len(word) <= 5:
        return re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
    body = r"\s+".join(re.escape(fold(part)) for part in word.split())
    return re.compile(rf"(?<!\w){body}(?!\w)")


def _page_of(location: str, pages: set[str]) -> str:
    """Index location -> page path after the language: 'es/warrants/judicial/#x' and
    'warrants/judicial.html#x' -> 'warrants/judicial.md'; 'warrants/' -> 'warrants/index.md';
    '' -> 'index.md'."""
    path = location.split("#")[0]
    for language in content.LANGUAGES:
        if language != content.DEFAULT_LANGUAGE and (path == language or path.startswith(language + "/")):
            path = path[len(language):].lstrip("/")
    if path.endswith(".html"):
        return path[:-5] + ".md"
    if path.endswith("/") and path[:-1] + ".md" in pages:
        return path[:-1] + ".md"
    return path + "index.md"


def keywords(docs: list[dict], data: dict) -> None:
    """Set each doc's hidden keywords field from the synonym groups."""
    site_pages = set(content.pages(content.DEFAULT_LANGUAGE))
    groups = []
    for group in data["synonyms"]:
        words = [w.strip() for w in group["words"]]
        groups.append((words, [(w, _pattern(w)) for w in words], set(group.get("pages", []))))
    for doc in docs:
        doc.pop(FIELD, None)
        page = _page_of(doc["location"], site_pages)
        top = "#" not in doc["location"]
        raw = html.unescape(TAG_RE.sub(" ", f"{doc.get('title', '')} {doc.get('text', '')}"))
        folded = fold(raw)
        added: list[str] = []
        for words, patterns, targets in groups:
            if targets:
                found = top and page in targets
            else:
                found = any(p.search(raw if w.isupper() and len(w) <= 5 else folded)
                            for w, p in patterns)
            if found:
                added += [w for w, p in patterns
                          if not p.search(raw if w.isupper() and len(w) <= 5 else folded)
                          and w not in added]
        if added:
            doc[FIELD] = " ".join(added)


def enrich(site_dir: Path, data: dict | None = None) -> None:
    """Add the synonyms to every search index the build wrote: the merged and the
    per-language JSON files, and the offline package's search_index.js."""
    data = data if data is not None else load()
    folder = Path(site_dir) / "search"
    for path in sorted(folder.glob("search_index*.json")):
        index = json.loads(path.read_text(encoding="utf-8"))
        keywords(index["docs"], data)
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")),
                        encoding="utf-8")
    script = folder / "search_index.js"
    if script.exists():
        prefix, _, body = script.read_text(encoding="utf-8").partition("=")
        index = json.loads(body)
        keywords(index["docs"], data)
        script.write_text(prefix + "= " + json.dumps(index, ensure_ascii=False,
                                                     separators=(",", ":")), encoding="utf-8")
