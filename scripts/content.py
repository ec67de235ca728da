"""Rules for the Markdown sources, shared by the build hook, the CLI and the tests.

Each checker returns a list of Problem objects that name the file and line, so the
same message reaches a contributor whether it comes from `mkdocs build`, from
`python -m scripts check` or from pytest.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
DATA = ROOT / "data"
LANGUAGES = ("en", "es")
DEFAULT_LANGUAGE = "en"

REQUIRED_META = ("title", "description", "last_reviewed")
PRINT_BUDGETS = {"one-page": 1, "two-pages": 2, "document": None}

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
ATTR_ID_RE = re.compile(r"\{\s*[^}]*#([^\s}]+)[^}]*\}\s*$")
FENCE_RE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        try:
            shown = self.path.relative_to(ROOT)
        except ValueError:
            shown = self.path
        return f"{shown}:{self.line}: {self.message}"


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    id: str | None
    line: int


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Return (front matter text or None, body, line number where the body starts)."""
    if not text.startswith("---\n"):
        return None, text, 1
    end = text.find("\n---\n", 4)
    if end == -1:
        return None, text, 1
    meta = text[4:end]
    body = text[end + 5 :]
    return meta, body, meta.count("\n") + 4


def read_meta(path: Path) -> tuple[dict, list[Problem]]:
    text = path.read_text(encoding="utf-8")
    raw, _, _ = split_front_matter(text)
    if raw is None:
        return {}, [Problem(path, 1, "no front matter: the file must start with a '---' block "
                            "holding title, description and last_reviewed")]
    try:
        meta = yaml.safe_load(raw) or {}
    except yaml.YAMLError as exc:
        line = 1
        mark = getattr(exc, "problem_mark", None)
        if mark is not None:
            line = mark.line + 2
        return {}, [Problem(path, line, f"front matter is not valid YAML: {exc}")]
    if not isinstance(meta, dict):
        return {}, [Problem(path, 2, "front matter must be a mapping of key: value lines")]
    return meta, []


def _meta_line(path: Path, key: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith(f"{key}:"):
            return number
    return 1


def check_front_matter(path: Path) -> list[Problem]:
    meta, problems = read_meta(path)
    if problems:
        return problems
    for key in REQUIRED_META:
        if key not in meta or meta[key] in (None, ""):
            problems.append(Problem(path, 1, f"front matter lacks '{key}'"))
    for key in ("title", "description"):
        if key in meta and meta[key] not in (None, "") and not isinstance(meta[key], str):
            problems.append(Problem(path, _meta_line(path, key), f"'{key}' must be text"))
    if "description" in meta and isinstance(meta["description"], str):
        if not 40 <= len(meta["description"]) <= 200:
            problems.append(Problem(path, _meta_line(path, "description"),
                                    "'description' should be one sentence of 40-200 characters "
                                    f"(it has {len(meta['description'])})"))
    if "last_reviewed" in meta and meta["last_reviewed"] not in (None, ""):
        value = meta["last_reviewed"]
        if isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                value = None
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            problems.append(Problem(path, _meta_line(path, "last_reviewed"),
                                    f"'last_reviewed' must be an ISO date like 2026-11-22, "
                                    f"not {meta['last_reviewed']!r}"))
        elif value > dt.date.today():
            problems.append(Problem(path, _meta_line(path, "last_reviewed"),
                                    f"'last_reviewed' {value} is in the future"))
    if "print" in meta and meta["print"] not in PRINT_BUDGETS:
        problems.append(Problem(path, _meta_line(path, "print"),
                                f"'print' must be one of {', '.join(PRINT_BUDGETS)}, "
                                f"not {meta['print']!r}"))
    return problems


def headings(path: Path) -> list[Heading]:
    """Markdown ATX headings outside fenced code, with their explicit {#id}."""
    found = []
    text = path.read_text(encoding="utf-8")
    _, body, start = split_front_matter(text)
    in_fence = False
    for offset, line in enumerate(body.splitlines()):
        if FENCE_RE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        match = HEADING_RE.match(line)
        if not match:
            continue
        content = match.group(2)
        id_match = ATTR_ID_RE.search(content)
        heading_id = id_match.group(1) if id_match else None
        text_only = ATTR_ID_RE.sub("", content).strip()
        found.append(Heading(len(match.group(1)), text_only, heading_id, start + offset))
    return found


def check_heading_ids(path: Path) -> list[Problem]:
    problems = []
    seen: dict[str, int] = {}
    h1 = 0
    for heading in headings(path):
        if heading.level == 1:
            h1 += 1
            if h1 > 1:
                problems.append(Problem(path, heading.line, "a page has exactly one '# ' title"))
            continue
        if heading.id is None:
            problems.append(Problem(path, heading.line,
                                    f"heading '{heading.text}' has no explicit id: write it as "
                                    f"'{'#' * heading.level} {heading.text} {{#english-words}}'"))
            continue
        if not ID_RE.match(heading.id):
            problems.append(Problem(path, heading.line,
                                    f"heading id '{heading.id}' must be lowercase English words "
                                    "joined by hyphens"))
        if heading.id in seen:
            problems.append(Problem(path, heading.line,
                                    f"heading id '{heading.id}' is already used on line "
                                    f"{seen[heading.id]}"))
        seen[heading.id] = heading.line
    if h1 == 0:
        problems.append(Problem(path, 1, "the page has no '# ' title (the H1 is the page title)"))
    return problems


def check_sources_section(path: Path) -> list[Problem]:
    """Every page ends with its sources (## … {#sources}), unless its front matter says
    `sources: false` because it makes no claims of its own (a generated table, a tool)."""
    meta, problems = read_meta(path)
    if problems or meta.get("sources") is False:
        return []
    found = [h for h in headings(path) if h.id == "sources"]
    if not found:
        return [Problem(path, 1, "no '## Sources {#sources}' section: every claim needs its source "
                        "on the page (or set `sources: false` in front matter if the page makes "
                        "no claims of its own)")]
    return []


def check_title_matches_h1(path: Path) -> list[Problem]:
    """The front matter title (browser tab, nav, search) and the page's H1 agree."""
    meta, problems = read_meta(path)
    if problems or not isinstance(meta.get("title"), str):
        return []
    h1 = [h for h in headings(path) if h.level == 1]
    if h1 and h1[0].text != meta["title"].strip():
        return [Problem(path, h1[0].line, f"the '# ' title '{h1[0].text}' differs from the front "
                        f"matter title '{meta['title']}'; make them the same")]
    return []


def pages(language: str, docs: Path = DOCS) -> dict[str, Path]:
    """Relative path -> file, for one language tree."""
    base = docs / language
    return {p.relative_to(base).as_posix(): p for p in sorted(base.rglob("*.md"))}


def check_translation_pairs(docs: Path = DOCS) -> list[Problem]:
    english, spanish = pages("en", docs), pages("es", docs)
    problems = []
    for rel in sorted(set(english) - set(spanish)):
        problems.append(Problem(english[rel], 1, f"no Spanish twin: create docs/es/{rel}"))
    for rel in sorted(set(spanish) - set(english)):
        problems.append(Problem(spanish[rel], 1, f"no English original: create docs/en/{rel} "
                                "or remove this file"))
    return problems


def check_structure_parity(english: Path, spanish: Path) -> list[Problem]:
    """Both languages have the same headings (level and id) in the same order."""
    en = [(h.level, h.id) for h in headings(english) if h.level > 1]
    es_headings = [h for h in headings(spanish) if h.level > 1]
    es = [(h.level, h.id) for h in es_headings]
    if en == es:
        return []
    for index, (left, right) in enumerate(zip(en, es)):
        if left != right:
            line = es_headings[index].line
            return [Problem(spanish, line,
                            f"heading {index + 1} is h{right[0]} #{right[1]} but the English page "
                            f"has h{left[0]} #{left[1]} there; both languages need the same "
                            "headings, ids and levels in the same order")]
    if len(en) > len(es):
        missing = ", ".join(f"#{i}" for _, i in en[len(es):])
        return [Problem(spanish, 1, f"missing headings that the English page has: {missing}")]
    extra = ", ".join(f"#{h.id}" for h in es_headings[len(en):])
    return [Problem(spanish, es_headings[len(en)].line,
                    f"headings the English page does not have: {extra}")]


def site_path(rel: str) -> str:
    """Site path of a page after the language prefix: 'warrants/judicial.md' ->
    'warrants/judicial/'; 'warrants/index.md' -> 'warrants/'; 'index.md' -> ''."""
    path = rel.removesuffix(".md").removesuffix("index")
    return path if not path or path.endswith("/") else path + "/"


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml; an `!ENV [NAME, default]` value reads as its default."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def mkdocs_config(path: Path = ROOT / "mkdocs.yml") -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)


def pdf_name(rel: str) -> str:
    """File name of a page's PDF: 'protocols/checklists/front-desk.md' ->
    'protocols-checklists-front-desk.pdf'; a section's index.md takes the section name."""
    stem = rel.removesuffix(".md").removesuffix("/index").removesuffix("index")
    return (stem.replace("/", "-") or "home") + ".pdf"


def english_hash(path: Path) -> str:
    """Content hash of an English page, recorded by its translation as `translation_of`."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def check_all(docs: Path = DOCS) -> list[Problem]:
    problems = check_translation_pairs(docs)
    english, spanish = pages("en", docs), pages("es", docs)
    for language_pages in (english, spanish):
        for path in language_pages.values():
            problems += check_front_matter(path)
            problems += check_heading_ids(path)
            problems += check_title_matches_h1(path)
            problems += check_sources_section(path)
    for rel in sorted(set(english) & set(spanish)):
        problems += check_structure_parity(english[rel], spanish[rel])
    return problems


def load_data(name: str) -> dict:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
