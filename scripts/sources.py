"""The source registry (data/sources/*.yml) and the allowed hosts (data/hosts.yml).

Pages cite a registered source by its key (`[^usc-18-111]`); the build appends each
cited source's footnote, rendered in the page's language, and the Sources page is
generated from the registry. The rules here name file and line, so the same message
reaches a contributor from `mkdocs build`, `python -m scripts check` and pytest.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from scripts import content
from scripts.content import Problem

REGISTRY = content.DATA / "sources"
HOSTS = content.DATA / "hosts.yml"

# Kinds, in the order the Sources page lists them.
KINDS = ("constitution", "statute", "regulation", "case", "court-filing", "agency-document",
         "state-law", "state-guidance", "professional-body", "report", "news")
KIND_LABELS = {
    "en": {"constitution": "Constitution", "statute": "Federal statutes",
           "regulation": "Federal regulations", "case": "Court decisions",
           "court-filing": "Court filings and orders", "agency-document": "Federal agency documents",
           "state-law": "State laws", "state-guidance": "State guidance and orders",
           "professional-body": "Professional and advocacy bodies", "report": "Reports and studies",
           "news": "News reports"},
    "es": {"constitution": "Constitución", "statute": "Leyes federales",
           "regulation": "Reglamentos federales", "case": "Decisiones judiciales",
           "court-filing": "Escritos y órdenes judiciales", "agency-document": "Documentos de agencias federales",
           "state-law": "Leyes estatales", "state-guidance": "Guías y órdenes estatales",
           "professional-body": "Organizaciones profesionales y de defensa", "report": "Informes y estudios",
           "news": "Noticias"},
}
# Kinds whose text is the law itself: their link must reach an official host or a legal publisher.
LAW_KINDS = ("constitution", "statute", "regulation", "state-law")
LAW_TIERS = ("official", "publisher")
REQUIRED = ("kind", "issuer", "title", "lang", "url", "checked")
ALLOWED_FIELDS = set(REQUIRED) | {"date", "current_as_of", "copy", "note"}

WORDS = {
    "en": {"as_of": "Text as of {date}.", "checked": "Checked {date}.", "cited_on": "Cited on",
           "none": "None at present."},
    "es": {"as_of": "Texto vigente al {date}.", "checked": "Verificado el {date}.", "cited_on": "Citada en",
           "none": "Ninguna por ahora."},
}
MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"],
}

KEY_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REF_RE = re.compile(r"\[\^([^\]\s]+)\](?!:)")
DEFINITION_RE = re.compile(r"^\[\^([^\]]+)\]:", re.MULTILINE)
URL_IN_TEXT_RE = re.compile(r"https?://[^\s<>()\"'`\]]+")
DATE_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


@dataclass
class Source:
    key: str
    path: Path
    line: int
    data: dict = field(default_factory=dict)

    def __getattr__(self, name):  # entry fields read as attributes: source.title
        try:
            return self.__dict__["data"].get(name)
        except KeyError as exc:  # during unpickling / copying
            raise AttributeError(name) from exc


@dataclass(frozen=True)
class Host:
    host: str
    tier: str
    suffix: bool


# --- Loading --------------------------------------------------------------------------

def _key_lines(path: Path) -> dict[str, int]:
    """Line of each top-level key of a YAML mapping file."""
    node = yaml.compose(path.read_text(encoding="utf-8"))
    if node is None or not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: key.start_mark.line + 1 for key, _ in node.value}


def load(folder: Path = REGISTRY) -> tuple[dict[str, Source], list[Problem]]:
    """Every registry entry, by key, and the problems found while reading them."""
    sources: dict[str, Source] = {}
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.yml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            lines = _key_lines(path)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            problems.append(Problem(path, mark.line + 1 if mark else 1, f"not valid YAML: {exc}"))
            continue
        if not isinstance(data, dict):
            problems.append(Problem(path, 1, "a registry file is a mapping of key -> entry"))
            continue
        for key, entry in data.items():
            line = lines.get(str(key), 1)
            if str(key) in sources:
                first = sources[str(key)]
                problems.append(Problem(path, line, f"source key '{key}' is already defined in "
                                        f"{first.path.name}:{first.line}: write each source once"))
                continue
            sources[str(key)] = Source(str(key), path, line, entry if isinstance(entry, dict) else {})
    return sources, problems


def load_hosts(path: Path = HOSTS) -> list[Host]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return [Host(h["host"].lower(), h["tier"], bool(h.get("suffix"))) for h in data.get("hosts") or []]


def host_tier(url: str, hosts: list[Host]) -> str | None:
    """The tier of a URL's host, or None when the host is not on the allowed list."""
    name = (urlsplit(url).hostname or "").lower()
    for host in hosts:
        if name == host.host or (host.suffix and name.endswith("." + host.host)) \
                or (not host.suffix and name == "www." + host.host):
            return host.tier
    return None


def is_home_page(url: str) -> bool:
    """A link to a site's front page says nothing about where the text is."""
    parts = urlsplit(url)
    return parts.path in ("", "/") and not parts.query and not parts.fragment


def link_problems(url: str, hosts: list[Host], path: Path, line: int) -> list[Problem]:
    """Rules for one external link anywhere: allowed host, not a bare home page."""
    problems = []
    if not url.startswith("https://"):
        problems.append(Problem(path, line, f"link {url} must use https://"))
    tier = host_tier(url, hosts)
    if tier is None:
        problems.append(Problem(path, line, f"link {url}: host '{urlsplit(url).hostname}' is not on "
                                "the allowed list (data/hosts.yml); cite the primary text or its "
                                "publisher, never a mirror, aggregator, forum or anonymous site"))
    if is_home_page(url):
        problems.append(Problem(path, line, f"link {url} goes to a bare home page: link the page "
                                "that holds the text"))
    return problems


# --- Rules ----------------------------------------------------------------------------

def _is_date(value) -> bool:
    return isinstance(value, (dt.date, int)) and not isinstance(value, bool) \
        or (isinstance(value, str) and bool(DATE_RE.match(value)))


def _same_document(url: str) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}?{parts.query}#{parts.fragment}".lower()


def check_registry(sources: dict[str, Source], hosts: list[Host]) -> list[Problem]:
    problems = []
    by_url: dict[str, Source] = {}
    for key, source in sources.items():
        url = source.data.get("url") if isinstance(source.data, dict) else None
        if url:
            # The same page may hold two sources of different kinds (a tracker's report
            # and the memo it reproduces); the same kind at the same URL is one source.
            first = by_url.setdefault(_same_document(str(url)) + str(source.kind), source)
            if first is not source:
                problems.append(Problem(source.path, source.line, f"source '{key}' has the same URL as "
                                        f"'{first.key}' ({first.path.name}:{first.line}): write each "
                                        "source once and cite that key"))
    for key, source in sources.items():
        path, line, entry = source.path, source.line, source.data
        if not KEY_RE.match(key):
            problems.append(Problem(path, line, f"source key '{key}': use lowercase letters, digits "
                                    "and hyphens"))
        if not entry:
            problems.append(Problem(path, line, f"source '{key}' is empty"))
            continue
        for name in REQUIRED:
            if not entry.get(name):
                problems.append(Problem(path, line, f"source '{key}' lacks '{name}'"))
        for name in sorted(set(entry) - ALLOWED_FIELDS):
            problems.append(Problem(path, line, f"source '{key}': unknown field '{name}' "
                                    f"(fields: {', '.join(sorted(ALLOWED_FIELDS))})"))
        if entry.get("kind") and entry["kind"] not in KINDS:
            problems.append(Problem(path, line, f"source '{key}': kind '{entry['kind']}' is not one "
                                    f"of {', '.join(KINDS)}"))
        if entry.get("lang") and entry["lang"] not in content.LANGUAGES:
            problems.append(Problem(path, line, f"source '{key}': lang must be one of "
                                    f"{', '.join(content.LANGUAGES)}"))
        if not (entry.get("date") or entry.get("current_as_of")):
            problems.append(Problem(path, line, f"source '{key}' has no date: give 'date' (issued) "
                                    "or 'current_as_of' (the date of the text read)"))
        for name in ("date", "current_as_of", "checked"):
            if entry.get(name) and not _is_date(entry[name]):
                problems.append(Problem(path, line, f"source '{key}': '{name}' must be YYYY-MM-DD, "
                                        "YYYY-MM or YYYY"))
        url = entry.get("url")
        if url:
            problems += link_problems(str(url), hosts, path, line)
            tier = host_tier(str(url), hosts)
            if entry.get("kind") in LAW_KINDS and tier not in LAW_TIERS:
                problems.append(Problem(path, line, f"source '{key}' is a {entry['kind']}: link its "
                                        "text at an official host or a legal publisher"))
            if tier == "archive" and not (entry.get("note") or {}).get("en"):
                problems.append(Problem(path, line, f"source '{key}' links a copy on an archive host: "
                                        "say in 'note' (en and es) that no official copy exists"))
        note = entry.get("note")
        if note is not None and not (isinstance(note, dict) and note.get("en") and note.get("es")):
            problems.append(Problem(path, line, f"source '{key}': 'note' needs 'en' and 'es'"))
    return problems


@dataclass(frozen=True)
class Citation:
    key: str
    path: Path
    line: int


def _code_free_lines(text: str):
    """(line number, line) of a Markdown text, skipping fenced code blocks."""
    fenced = False
    for number, line in enumerate(text.split("\n"), 1):
        if content.FENCE_RE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            yield number, line


def page_citations(path: Path) -> tuple[list[Citation], list[Problem]]:
    """Footnote references of a page source, and hand-written footnote definitions."""
    text = path.read_text(encoding="utf-8")
    citations, problems = [], []
    for number, line in _code_free_lines(text):
        definition = DEFINITION_RE.match(line)
        if definition:
            problems.append(Problem(path, number, f"hand-written footnote '[^{definition.group(1)}]:': "
                                    "cite a key of the source registry (data/sources/) instead; "
                                    "the build writes the note"))
            continue
        citations += [Citation(key, path, number) for key in REF_RE.findall(line)]
    return citations, problems


def page_links(path: Path) -> list[tuple[str, int]]:
    text = path.read_text(encoding="utf-8")
    return [(url.rstrip(".,;:"), number) for number, line in _code_free_lines(text)
            for url in URL_IN_TEXT_RE.findall(line)]


def _walk(node, found: list):
    """Values under `sources:` / `guidance:` keys anywhere in a data file's YAML tree."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value in ("sources", "guidance") and isinstance(value, yaml.SequenceNode):
                found += [(item.value, item.start_mark.line + 1) for item in value.value
                          if isinstance(item, yaml.ScalarNode)]
            else:
                _walk(value, found)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _walk(item, found)


def data_files(data: Path = content.DATA) -> list[Path]:
    """Data files that may cite sources or hold links (not the registry and host list)."""
    return [p for p in sorted(data.rglob("*.yml"))
            if p.parent != data / "sources" and p.name != "hosts.yml"]


def data_citations(path: Path) -> list[Citation]:
    found: list = []
    _walk(yaml.compose(path.read_text(encoding="utf-8")), found)
    return [Citation(key, path, line) for key, line in found]


def data_links(path: Path) -> list[tuple[str, int]]:
    return [(url.rstrip(".,;:"), number)
            for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1)
            if not line.lstrip().startswith("#") for url in URL_IN_TEXT_RE.findall(line)]


def check_all(docs: Path = content.DOCS, data: Path = content.DATA,
              registry: Path | None = None, hosts_file: Path | None = None) -> list[Problem]:
    """Every source rule over pages, data files and the registry."""
    registry = registry or data / "sources"
    hosts = load_hosts(hosts_file or data / "hosts.yml")
    sources, problems = load(registry)
    problems += check_registry(sources, hosts)
    cited: set[str] = set()
    for language in content.LANGUAGES:
        for path in content.pages(language, docs).values():
            citations, found = page_citations(path)
            problems += found
            for url, line in page_links(path):
                problems += link_problems(url, hosts, path, line)
            for citation in citations:
                cited.add(citation.key)
                if citation.key not in sources:
                    problems.append(Problem(path, citation.line, unknown_key_message(citation.key)))
    for path in data_files(data):
        for citation in data_citations(path):
            cited.add(citation.key)
            if citation.key not in sources:
                problems.append(Problem(path, citation.line, unknown_key_message(citation.key)))
        for url, line in data_links(path):
            problems += link_problems(url, hosts, path, line)
    for key in sorted(set(sources) - cited):
        source = sources[key]
        problems.append(Problem(source.path, source.line, f"source '{key}' is cited nowhere: cite it "
                                "on a page or remove it"))
    return problems


def unknown_key_message(key: str) -> str:
    return (f"footnote [^{key}] cites no source: '{key}' is not a key of the source registry "
            "(data/sources/*.yml)")


# --- Rendering ------------------------------------------------------------------------

def format_date(value, language: str) -> str:
    """2025-05-12 -> 'May 12, 2025' / '12 de mayo de 2025'; 2025-05 -> 'May 2025' / 'mayo de 2025'."""
    if isinstance(value, dt.date):
        year, month, day = value.year, value.month, value.day
    else:
        parts = [int(p) for p in str(value).split("-")]
        year, month, day = (parts + [None, None])[:3]
    if month is None:
        return str(year)
    name = MONTHS[language][month - 1]
    if day is None:
        return f"{name} {year}" if language == "en" else f"{name} de {year}"
    return f"{name} {day}, {year}" if language == "en" else f"{day} de {name} de {year}"


MD_SPECIAL_RE = re.compile(r"([\\`*_\[\]<>])")


def _text(value: str) -> str:
    """Plain text safe inside Markdown and HTML."""
    return MD_SPECIAL_RE.sub(r"\\\1", html.unescape(str(value))).replace("&", "&amp;")


def _in_language(tag: str, text: str, source_lang: str, page_lang: str, css: str = "") -> str:
    attr = f' lang="{source_lang}"' if source_lang != page_lang else ""
    attr += f' class="{css}"' if css else ""
    return f"<{tag}{attr}>{_text(text)}</{tag}>"


def footnote_text(source: Source, language: str) -> str:
    """The footnote of one source on a page in `language`: issuer, title (marked with the
    source's language when it differs from the page's), date, link, the date checked."""
    words = WORDS[language]
    lang = source.lang or "en"
    # Classes let a printed page with a page budget keep only title, date and link
    # (print.css): the issuer of a law is in its title, and the note and the date checked
    # are on the screen and on the Sources page.
    issuer_css = "guide-source-issuer" + (" guide-source-issuer--law" if source.kind in LAW_KINDS else "")
    parts = [_in_language("span", source.issuer + ",", lang, language, issuer_css), _title(source, lang, language) + "."]
    if source.current_as_of:
        parts.append('<span class="guide-source-as-of">'
                     f'{words["as_of"].format(date=format_date(source.current_as_of, language))}</span>')
    else:
        parts.append(format_date(source.date, language) + ".")
    if source.note and source.note.get(language):
        parts.append(f'<span class="guide-source-note">{_text(source.note[language])}</span>')
    parts.append(f"<{source.url}>")
    parts.append(f'<span class="guide-source-checked">'
                 f'{words["checked"].format(date=format_date(source.checked, language))}</span>')
    return " ".join(parts)


def _title(source: Source, lang: str, page_lang: str) -> str:
    """The title in <cite>. A law's title starts with its citation ("18 U.S.C. § 111,
    Assaulting…"): the heading after the citation is marked so that a printed page with a
    page budget can show the citation alone."""
    attr = f' lang="{lang}"' if lang != page_lang else ""
    title = str(source.title)
    citation, comma, heading = title.partition(", ")
    if source.kind in LAW_KINDS and comma and any(ch.isdigit() for ch in citation):
        return (f"<cite{attr}>{_text(citation)}"
                f'<span class="guide-source-heading">, {_text(heading)}</span></cite>')
    return f"<cite{attr}>{_text(title)}</cite>"


def cited_keys(markdown: str) -> list[str]:
    """Keys cited in a page's Markdown, in order of first citation."""
    keys: list[str] = []
    for _, line in _code_free_lines(markdown):
        for key in REF_RE.findall(line):
            if key not in keys:
                keys.append(key)
    return keys


def append_footnotes(markdown: str, language: str, path: Path,
                     registry: dict[str, Source] | None = None) -> tuple[str, list[Problem]]:
    """The page's Markdown with one footnote definition per cited source, and problems
    for keys that are not in the registry (the build turns them into errors)."""
    sources = registry if registry is not None else load()[0]
    lines, problems = [], []
    for key in cited_keys(markdown):
        if key not in sources:
            problems.append(Problem(path, _line_of(markdown, f"[^{key}]"), unknown_key_message(key)))
            continue
        lines.append(f"[^{key}]: {footnote_text(sources[key], language)}")
    if not lines:
        return markdown, problems
    return markdown.rstrip("\n") + "\n\n" + "\n".join(lines) + "\n", problems


def _line_of(markdown: str, needle: str) -> int:
    index = markdown.find(needle)
    return markdown.count("\n", 0, index) + 1 if index >= 0 else 1


# The Sources page groups kinds under the section ids it has always published.
GROUPS = (
    ("sources-statutes", ("constitution", "statute", "regulation", "state-law"),
     {"en": "Laws and regulations", "es": "Leyes y reglamentos"}),
    ("sources-agencies", ("agency-document", "state-guidance"),
     {"en": "Agency documents and state guidance", "es": "Documentos de agencias y guías estatales"}),
    ("sources-courts", ("case", "court-filing"),
     {"en": "Courts and litigation", "es": "Tribunales y litigios"}),
    ("sources-professional", ("professional-body",),
     {"en": "Professional and advocacy bodies", "es": "Organizaciones profesionales y de defensa"}),
    ("sources-reports", ("report", "news"),
     {"en": "Reports, studies and news", "es": "Informes, estudios y noticias"}),
)


def kind_ids() -> list[str]:
    """Section ids of the Sources page: each group, then each of its kinds (always all of
    them, so that the page's published ids do not depend on what the registry holds)."""
    return [i for group_id, kinds, _ in GROUPS for i in (group_id, *kinds)]


def citing_pages(language: str, expand) -> dict[str, list[tuple[str, str]]]:
    """Key -> [(page title, page path)] for every page of a language, reading each page
    as the build does (render markers expanded: the checker cites from data), except the
    Sources page's own list."""
    found: dict[str, list[tuple[str, str]]] = {}
    for rel, path in content.pages(language).items():
        _, body, _ = content.split_front_matter(path.read_text(encoding="utf-8"))
        title = content.read_meta(path)[0].get("title", rel)
        for key in cited_keys(expand(body, language, path, skip=("all-sources",))):
            found.setdefault(key, []).append((title, rel))
    return found


def sources_page_markdown(language: str, rel: str, expand) -> str:
    """Every registered source, grouped by kind, each with the pages that cite it."""
    registry = load()[0]
    cited = citing_pages(language, expand)
    depth = rel.count("/")
    out = []
    for group_id, kinds, group_label in GROUPS:
        out.append(f"## {group_label[language]} {{#{group_id}}}\n")
        for kind in kinds:
            entries = sorted((s for s in registry.values() if s.kind == kind),
                             key=lambda s: (str(s.issuer).casefold(), str(s.title).casefold()))
            out.append(f"### {KIND_LABELS[language][kind]} {{#{kind}}}\n")
            if not entries:
                out.append(f"{WORDS[language]['none']}\n")
            for source in entries:
                where = ", ".join(f"[{_text(title)}]({'../' * depth}{page})"
                                  for title, page in sorted(cited.get(source.key, [])))
                line = f'- <span id="source-{source.key}"></span>{footnote_text(source, language)}'
                if where:
                    line += f" {WORDS[language]['cited_on']}: {where}."
                out.append(line)
            out.append("")
    return "\n".join(out) + "\n"
