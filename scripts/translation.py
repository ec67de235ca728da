"""Translation rules: agreed Spanish terms, and freshness of each Spanish page against
the English page it translates (front matter `translation_of`, a content hash)."""

from __future__ import annotations

import difflib
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from scripts import content
from scripts.content import Problem

QUOTED_RE = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»")


def _term_pattern(term: str) -> re.Pattern:
    return re.compile(r"(?<![\w])" + re.escape(term) + r"(?![\w])", re.IGNORECASE)


def check_terms(docs: Path = content.DOCS, glossary: dict | None = None) -> list[Problem]:
    """A Spanish page must not use a term the glossary lists under avoid_es (quoted
    speech excepted: a page may report what people say)."""
    glossary = glossary or content.load_data("glossary.yml")
    rules = [(term["es"], avoid, _term_pattern(avoid))
             for term in glossary["terms"] for avoid in term.get("avoid_es") or []]
    problems = []
    for path in content.pages("es", docs).values():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            unquoted = QUOTED_RE.sub("", line)
            for expected, avoid, pattern in rules:
                if pattern.search(unquoted):
                    problems.append(Problem(path, number,
                                            f"uses '{avoid}'; the agreed term is '{expected}' "
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
