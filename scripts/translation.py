"""Translation rules: agreed Spanish terms, and freshness of each Spanish page against
the English page it translates (front matter `translation_of`, a content hash)."""

from __future__ import annotations

import difflib
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts import content
from scripts.content import Problem

QUOTED_RE = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»")
# In templates and scripts straight quotes delimit code strings, so only typographic
# quotation marks mark reported speech there.
TYPOGRAPHIC_QUOTED_RE = re.compile(r"“[^”]*”|«[^»]*»")
JS_STRING_RE = re.compile(r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`")
JINJA_COMMENT_RE = re.compile(r"\{#.*?#\}", re.DOTALL)
# Data files: the Spanish side of a bilingual value is a key named `es` or ending in
# `_es`. avoid_es is the glossary's list of terms NOT to use, so it is never checked.
NOT_SPANISH_TEXT = {"avoid_es"}


def _term_pattern(term: str) -> re.Pattern:
    return re.compile(r"(?<![\w])" + re.escape(term) + r"(?![\w])", re.IGNORECASE)


def _rules(glossary: dict) -> list[tuple[str, str, re.Pattern]]:
    """(agreed term(s), avoided term, pattern). A term avoided under two concepts (for
    example "orden de un juez": neither the judicial warrant nor the court order) names
    both agreed terms, with their English, so the writer picks the one meant."""
    agreed: dict[str, list[dict]] = {}
    for term in glossary["terms"]:
        for avoid in term.get("avoid_es") or []:
            agreed.setdefault(avoid.casefold(), []).append(term)
    rules, seen = [], set()
    for term in glossary["terms"]:
        for avoid in term.get("avoid_es") or []:
            if avoid.casefold() in seen:
                continue
            seen.add(avoid.casefold())
            terms = agreed[avoid.casefold()]
            if len(terms) == 1:
                expected = f"'{terms[0]['es']}'"
            else:
                expected = " or ".join(f"'{t['es']}' ({t['en']})" for t in terms) + ", whichever is meant"
            rules.append((expected, avoid, _term_pattern(avoid)))
    return rules


def _is_spanish_key(key: str) -> bool:
    return key not in NOT_SPANISH_TEXT and (key == "es" or key.endswith("_es"))


def _yaml_spanish(path: Path) -> list[tuple[int, int, str]]:
    """(first line, last line, text) of every Spanish string in a YAML file: the values
    under keys named `es` or ending in `_es` (whole subtrees, so a list under `es:`
    counts), except avoid_es. Lines are 1-based, from the YAML parser's marks."""
    text = path.read_text(encoding="utf-8")
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []  # the data file's own checks report invalid YAML
    found: list[tuple[int, int, str]] = []

    def walk(node, spanish: bool) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                name = key.value if isinstance(key, yaml.ScalarNode) else ""
                if name in NOT_SPANISH_TEXT:
                    continue
                walk(value, spanish or _is_spanish_key(str(name)))
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item, spanish)
        elif isinstance(node, yaml.ScalarNode) and spanish and isinstance(node.value, str):
            found.append((node.start_mark.line + 1, node.end_mark.line + 1, node.value))

    if root is not None:
        walk(root, False)
    return found


def _locate(lines: list[str], first: int, last: int, pattern: re.Pattern) -> int:
    """The line (1-based) between first and last where pattern occurs, else first (a term
    folded across two lines of a YAML block)."""
    for number in range(first, min(last, len(lines)) + 1):
        if pattern.search(lines[number - 1]):
            return number
    return first


def spanish_text_sources(docs: Path = content.DOCS, data: Path | None = None,
                         templates: Path | None = None,
                         javascripts: Path | None = None) -> list[Path]:
    """Every file Spanish text comes from. By default (the project's own docs) that is
    the Spanish pages, the data files, the theme templates and the site's scripts."""
    if docs == content.DOCS:
        data = data or content.DATA
        templates = templates or content.ROOT / "overrides"
        javascripts = javascripts or content.DOCS / "assets" / "javascripts"
    files = list(content.pages("es", docs).values())
    if data and data.is_dir():
        files += sorted(data.rglob("*.yml"))
    if templates and templates.is_dir():
        files += sorted(templates.rglob("*.html"))
    if javascripts and javascripts.is_dir():
        files += sorted(p for p in javascripts.glob("*.js"))
    return files


def _spanish_lines(path: Path) -> list[tuple[int, int, str]]:
    """(first line, last line, text to check) for one source file, with reported speech
    removed: straight or typographic quotes on pages and in data, typographic quotes
    inside code strings (templates, scripts)."""
    if path.suffix == ".md":
        return [(n, n, QUOTED_RE.sub("", line))
                for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)]
    if path.suffix == ".yml":
        return [(first, last, QUOTED_RE.sub("", value)) for first, last, value in _yaml_spanish(path)]
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        text = JINJA_COMMENT_RE.sub(lambda m: "\n" * m.group(0).count("\n"), text)
        return [(n, n, TYPOGRAPHIC_QUOTED_RE.sub("", line))
                for n, line in enumerate(text.splitlines(), 1)]
    if path.suffix == ".js":
        out = []
        for n, line in enumerate(text.splitlines(), 1):
            strings = " | ".join(m.group(0)[1:-1] for m in JS_STRING_RE.finditer(line))
            if strings:
                out.append((n, n, TYPOGRAPHIC_QUOTED_RE.sub("", strings)))
        return out
    return []


def check_terms(docs: Path = content.DOCS, glossary: dict | None = None, *,
                data: Path | None = None, templates: Path | None = None,
                javascripts: Path | None = None) -> list[Problem]:
    """No Spanish text uses a term the glossary lists under avoid_es (quoted speech
    excepted: a page may report what people say). Spanish text is: the Spanish pages;
    the Spanish values of the data files (keys `es` or `*_es`, so the glossary's own
    definitions, the checker, the builder, the states, the changes and the sources'
    notes), the theme templates and the strings of the site's scripts."""
    glossary = glossary or content.load_data("glossary.yml")
    rules = _rules(glossary)
    problems = []
    for path in spanish_text_sources(docs, data, templates, javascripts):
        lines = None
        for first, last, text in _spanish_lines(path):
            for expected, avoid, pattern in rules:
                if pattern.search(text):
                    number = first
                    if last > first:
                        lines = lines or path.read_text(encoding="utf-8").splitlines()
                        number = _locate(lines, first, last, pattern)
                    problems.append(Problem(path, number,
                                            f"uses '{avoid}'; the agreed term is {expected} "
                                            "(data/glossary.yml)"))
    return problems


def _set_meta(path: Path, key: str, value: str) -> None:
    text = path.read_text(encoding="utf-8")
    raw, body, _ = content.split_front_matter(text)
    if raw is None:
        raise ValueError(f"{path}: no front matter to stamp")
    lines = [line for line in raw.splitlines() if not line.startswith(f"{key}:")]
    lines.append(f"{key}: {value}")
    path.write_text("---\n" + "\n".join(lines) + "\n---\n" + body, encoding="utf-8")


def stamp(page: str, docs: Path = content.DOCS) -> str:
    english, spanish = docs / "en" / page, docs / "es" / page
    for path in (english, spanish):
        if not path.is_file():
            raise FileNotFoundError(f"{path} does not exist")
    digest = content.english_hash(english)
    _set_meta(spanish, "translation_of", f'"{digest}"')
    return f"{spanish.relative_to(docs.parent)}: translation_of {digest}"


def _git_versions(path: Path) -> list[tuple[str, bytes]]:
    """(commit, file bytes) for each committed version of path, newest first."""
    try:
        rel = path.resolve().relative_to(content.ROOT)
        log = subprocess.run(["git", "log", "--format=%H", "--", str(rel)], cwd=content.ROOT,
                             capture_output=True, text=True, check=True).stdout.split()
    except (ValueError, subprocess.CalledProcessError, FileNotFoundError):
        return []
    versions = []
    for commit in log:
        shown = subprocess.run(["git", "show", f"{commit}:{rel}"], cwd=content.ROOT,
                               capture_output=True)
        if shown.returncode == 0:
            versions.append((commit, shown.stdout))
    return versions


def english_diff_since(english: Path, recorded: str) -> str:
    """The English diff from the version whose hash was recorded to the current file."""
    import hashlib

    for commit, data in _git_versions(english):
        if hashlib.sha256(data).hexdigest()[:12] == recorded:
            old = data.decode("utf-8").splitlines(keepends=True)
            new = english.read_text(encoding="utf-8").splitlines(keepends=True)
            diff = "".join(difflib.unified_diff(old, new, f"{english.name} @ {commit[:8]}",
                                                f"{english.name} (now)"))
            return diff or "(no textual difference)"
    return ("(the recorded English version is not in git history, so no diff can be shown; "
            "compare the pages by hand)")


def check_freshness(docs: Path = content.DOCS, with_diff: bool = True) -> list[Problem]:
    problems = []
    english_pages = content.pages("en", docs)
    for rel, spanish in content.pages("es", docs).items():
        english = english_pages.get(rel)
        if english is None:
            continue
        meta, _ = content.read_meta(spanish)
        recorded = meta.get("translation_of")
        command = f"make stamp PAGE={rel}"
        if not recorded:
            problems.append(Problem(spanish, 1,
                                    "no 'translation_of' in front matter: once the page matches "
                                    f"docs/en/{rel}, run `{command}`"))
            continue
        current = content.english_hash(english)
        if str(recorded) != current:
            message = (f"stale translation: docs/en/{rel} changed since the version this page "
                       f"translates ({recorded} -> {current}). Update the Spanish text, then run "
                       f"`{command}`.")
            if with_diff:
                message += "\nEnglish changes since then:\n" + english_diff_since(english, str(recorded))
            problems.append(Problem(spanish, 1, message))
    return problems


@dataclass(frozen=True)
class StatusRow:
    page: str
    status: str


def status_rows(docs: Path = content.DOCS) -> list[StatusRow]:
    english, spanish = content.pages("en", docs), content.pages("es", docs)
    rows = []
    for rel in sorted(set(english) | set(spanish)):
        if rel not in spanish:
            rows.append(StatusRow(rel, "missing"))
            continue
        if rel not in english:
            rows.append(StatusRow(rel, "orphan (no English page)"))
            continue
        meta, _ = content.read_meta(spanish[rel])
        recorded = meta.get("translation_of")
        if not recorded:
            rows.append(StatusRow(rel, "not stamped"))
        elif str(recorded) == content.english_hash(english[rel]):
            rows.append(StatusRow(rel, "up to date"))
        else:
            rows.append(StatusRow(rel, "stale"))
    return rows


# --- Language of parts on the built pages -------------------------------------------
#
# A screen reader reads a passage with the voice of its `lang`. English text on a Spanish
# page (a source title, a memo title, a phrase said to agents) must sit inside an element
# with lang="en", and Spanish text on an English page inside lang="es". The check below
# finds passages that read as the other language and are not marked.
#
# The heuristic, kept simple on purpose: count the common function words of each language
# (articles, prepositions, pronouns, auxiliaries: words every sentence has and names
# rarely do). A passage reads as the other language when it has at least MIN_WORDS words
# and at least MIN_FUNCTION of the other language's function words, and these outnumber
# the page language's function words by RATIO to one. Before counting, code, keyboard
# input, abbreviations (<abbr>), footnote markers, URLs, e-mail addresses, legal
# citations ("8 U.S.C. § 1357", "45 C.F.R. § 164.512(f)"), form numbers ("I-200") and
# text already marked with the other `lang` are removed. Proper names have few function
# words, so a Spanish sentence that names the "Department of Health and Human Services" still reads as
# Spanish; an unmarked English title of eight words does not.
#
# Passages checked: paragraphs, list items, table cells, headings, definition terms and
# captions (each without its nested blocks), and, inside them, each quoted run ("…",
# “…”, «…») and each <em>/<cite>, so an English title quoted inside a Spanish sentence is
# found too.

EN_FUNCTION = frozenset("""
the of and to in is are was were be been being for on with that this these those it its
as by or not from at your you they their them have had can may must will would should
shall do does did what when who whom which where there if about into than any all our we
he she his her him an i i'm i'll don't can't isn't won't doesn't how why out up over
under after before only also but while because each other such more most could
""".split())
ES_FUNCTION = frozenset("""
el la los las de del que y en un una unos unas por para con se su sus al es lo le les
como más pero sin sobre este esta estos estas ese esa esos esas qué cuando donde porque
también ya muy hay ser está están puede pueden debe deben o u e ni nos usted ustedes si
sí según entre hasta desde cuál quién quien cómo dónde fue era son había han ha otro otra
""".split())
MIN_WORDS = 6
MIN_FUNCTION = 2
RATIO = 2

BLOCK_TAGS = ("p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd",
              "caption", "figcaption")
DROP_TAGS = ("code", "pre", "kbd", "samp", "abbr", "script", "style", "svg", "sup")
INLINE_TAGS = ("em", "cite", "i", "q")
URL_RE = re.compile(r"\b(?:https?://|www\.)\S+|\S+@\S+\.\w+|\b[\w.-]+\.(?:gov|org|com|edu|net)\S*")
CITATION_RE = re.compile(
    r"\b\d+\s+(?:U\.\s?S\.\s?C\.|C\.\s?F\.\s?R\.|U\.\s?S\.|F\.\s?(?:Supp\.\s?)?\d?d?\.?|S\.\s?Ct\.)"
    r"(?:\s*§+\s*[\w.()-]+(?:\s*(?:,|and|y|-|–)\s*[\w.()-]+)*)?"
    r"|§+\s*[\w.()-]+")
FORM_RE = re.compile(r"\b[A-Z]{1,3}-\d+[A-Z]?\b")  # form numbers: I-200, I-247A, DS-260
QUOTE_RUN_RE = re.compile(r"\"([^\"]{12,})\"|“([^”]{12,})”|«([^»]{12,})»")
WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True)
class Passage:
    page: str          # path of the built page, relative to the site
    kind: str          # p, li, h2, … or quote / em inside one
    text: str


def reads_as(text: str) -> str | None:
    """'en' or 'es' when the text clearly reads as that language, else None."""
    text = FORM_RE.sub(" ", CITATION_RE.sub(" ", URL_RE.sub(" ", text)))
    words = [w.casefold().replace("’", "'") for w in WORD_RE.findall(text)]
    if len(words) < MIN_WORDS:
        return None
    en = sum(w in EN_FUNCTION for w in words)
    es = sum(w in ES_FUNCTION for w in words)
    if "¿" in text or "¡" in text:
        es += 2
    if en >= MIN_FUNCTION and en >= RATIO * max(es, 1) and en > es:
        return "en"
    if es >= MIN_FUNCTION and es >= RATIO * max(en, 1) and es > en:
        return "es"
    return None


def _language_of(element, default: str) -> str:
    for node in [element, *element.parents]:
        value = getattr(node, "attrs", {}).get("lang") if hasattr(node, "attrs") else None
        if value:
            return value.split("-")[0].lower()
    return default


def unmarked_passages(html: str, page_lang: str, page: str = "") -> list[Passage]:
    """Passages of a built page's main content that read as the other language and are
    not inside an element whose lang is that language."""
    from bs4 import BeautifulSoup, NavigableString, Tag

    other = "en" if page_lang == "es" else "es"
    soup = BeautifulSoup(html, "lxml")
    article = soup.select_one("article.md-content__inner") or soup.find("article") or soup.body
    if article is None:
        return []
    for tag in article.find_all(DROP_TAGS):
        tag.decompose()
    for tag in article.select(".headerlink, .footnote-backref, .md-source-file"):
        tag.decompose()

    def own_text(element) -> str:
        """Text of element in the page's language: nested blocks and passages marked
        with another lang are left out."""
        parts = []
        for child in element.children:
            if isinstance(child, NavigableString):
                if child.__class__.__name__ in ("Comment", "Doctype", "CData"):
                    continue
                parts.append(str(child))
            elif isinstance(child, Tag):
                if child.name in BLOCK_TAGS or child.name in ("ul", "ol", "table", "div", "dl"):
                    continue
                lang = child.get("lang")
                if lang and lang.split("-")[0].lower() != page_lang:
                    parts.append(" ")
                    continue
                parts.append(own_text(child))
        return "".join(parts)

    found = []
    for block in article.find_all(BLOCK_TAGS):
        if _language_of(block, page_lang) != page_lang:
            continue
        text = " ".join(own_text(block).split())
        if reads_as(text) == other:
            found.append(Passage(page, block.name, text))
            continue
        runs = [next(g for g in m.groups() if g) for m in QUOTE_RUN_RE.finditer(text)]
        for inline in block.find_all(INLINE_TAGS):
            if inline.find_parent(BLOCK_TAGS) is block and _language_of(inline, page_lang) == page_lang:
                runs.append(" ".join(own_text(inline).split()))
        for run in runs:
            if reads_as(run) == other:
                found.append(Passage(page, f"quote in {block.name}", run))
    return found


def unmarked_passages_in_site(site: Path) -> list[Passage]:
    """Every built page: Spanish pages (under es/) for English passages, English pages
    for Spanish ones. Redirect stubs and the 404 pages are skipped."""
    found = []
    for path in sorted(site.rglob("index.html")):
        rel = path.relative_to(site).as_posix()
        page_lang = "es" if rel.startswith("es/") else "en"
        html = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html[:2000]:
            continue
        found += unmarked_passages(html, page_lang, rel)
    return found
