"""The source registry (data/sources/*.yml, data/hosts.yml, scripts/sources.py): the rules
hold on the real tree, each rule fails on a small broken fixture naming file and line,
and footnotes render from the registry in the page's language."""

import datetime as dt
import re
import textwrap
from pathlib import Path

import pytest

from scripts import content, sources

META = "---\ntitle: T\ndescription: A description long enough to pass the length rule.\nlast_reviewed: 2026-11-30\n---\n"
HOSTS = """
hosts:
  - {host: gov, tier: official, suffix: true}
  - {host: law.cornell.edu, tier: publisher}
  - {host: nilc.org, tier: body}
  - {host: documentcloud.org, tier: archive, suffix: true}
"""
GOOD_SOURCE = """
usc-18-111:
  kind: statute
  issuer: U.S. Congress
  title: "18 U.S.C. § 111"
  lang: en
  current_as_of: 2026-11-30
  url: https://www.law.cornell.edu/uscode/text/18/111
  checked: 2026-11-30
"""


def write(base: Path, rel: str, text: str) -> Path:
    path = base / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def tree(tmp_path, page_en="# T\n\nA claim.[^usc-18-111]\n", page_es="# T\n\nUna afirmación.[^usc-18-111]\n",
         registry=GOOD_SOURCE, data=None):
    """A minimal docs/ + data/ tree; returns the problems the rules find in it."""
    write(tmp_path, "docs/en/page.md", META + page_en)
    write(tmp_path, "docs/es/page.md", META + page_es)
    write(tmp_path, "data/hosts.yml", HOSTS)
    write(tmp_path, "data/sources/law.yml", registry)
    for name, text in (data or {}).items():
        write(tmp_path, f"data/{name}", text)
    return [str(p) for p in sources.check_all(tmp_path / "docs", tmp_path / "data")]


def only(found: list[str], needle: str) -> str:
    hits = [m for m in found if needle in m]
    assert len(hits) == 1, found
    return hits[0]


# --- The real tree --------------------------------------------------------------------

def test_the_guide_obeys_every_source_rule():
    problems = sources.check_all()
    assert not problems, "\n" + "\n".join(str(p) for p in problems)


def test_every_page_has_last_reviewed():
    missing = [f"{path}" for language in content.LANGUAGES for path in content.pages(language).values()
               if not content.read_meta(path)[0].get("last_reviewed")]
    assert not missing, missing


# --- Each rule fails on a fixture -----------------------------------------------------

def test_a_good_fixture_passes(tmp_path):
    assert tree(tmp_path) == []


def test_unknown_key_is_named_with_file_and_line(tmp_path):
    found = tree(tmp_path, page_en="# T\n\nA claim.[^usc-18-111]\n\nAnother.[^no-such-source]\n")
    message = only(found, "no-such-source")
    assert re.search(r"docs/en/page\.md:10: footnote \[\^no-such-source\] cites no source", message), message


def test_footnote_reference_without_a_note_fails(tmp_path):
    # A reference whose label is neither a registry key nor anything else shows as literal
    # "[^x]" text on the page: it must fail, not render.
    found = tree(tmp_path, page_es="# T\n\nUna afirmación.[^usc-18-111] Otra.[^x]\n")
    assert "docs/es/page.md:8" in only(found, "[^x]")


def test_hand_written_footnote_fails(tmp_path):
    found = tree(tmp_path, page_en="# T\n\nA claim.[^usc-18-111][^mine]\n\n[^mine]: My own note. <https://www.nilc.org/a/b>\n")
    assert "docs/en/page.md:10: hand-written footnote '[^mine]:'" in only(found, "hand-written")


def test_footnote_syntax_inside_code_is_not_a_citation(tmp_path):
    found = tree(tmp_path, page_en="# T\n\nA claim.[^usc-18-111]\n\n```\n[^example]: not a note\n```\n")
    assert found == []


def test_registry_entry_that_no_page_cites_fails(tmp_path):
    extra = GOOD_SOURCE + """
    usc-8-1357:
      kind: statute
      issuer: U.S. Congress
      title: "8 U.S.C. § 1357"
      lang: en
      current_as_of: 2026-11-30
      url: https://www.law.cornell.edu/uscode/text/8/1357
      checked: 2026-11-30
    """.replace("\n    ", "\n")
    found = tree(tmp_path, registry=extra)
    assert "data/sources/law.yml:10: source 'usc-8-1357' is cited nowhere" in only(found, "cited nowhere")


def test_a_citation_from_data_counts_and_must_exist(tmp_path):
    registry = GOOD_SOURCE.replace("usc-18-111:", "usc-18-1001:")
    found = tree(tmp_path, page_en="# T\n", page_es="# T\n", registry=registry,
                 data={"checker.yml": "questions:\n  - id: a\n    sources: [usc-18-1001, nope]\n"})
    assert "data/checker.yml:3: footnote [^nope] cites no source" in only(found, "'nope'")
    assert not any("cited nowhere" in m for m in found), found


def test_link_to_a_host_not_on_the_list_fails_in_pages_data_and_registry(tmp_path):
    registry = GOOD_SOURCE.replace("https://www.law.cornell.edu/uscode/text/18/111",
                                   "https://legalclarity.org/18-u-s-c-111-explained")
    found = tree(tmp_path, page_en="# T\n\nA claim.[^usc-18-111] See <https://usborderpatrol.com/laws/287.html>.\n",
                 registry=registry, data={"glossary.yml": "terms:\n  - url: https://docslib.org/doc/1\n"})
    hosts = [m for m in found if "not on the allowed list" in m]
    assert any("docs/en/page.md:8: link https://usborderpatrol.com/laws/287.html" in m for m in hosts), found
    assert any("data/sources/law.yml:1: link https://legalclarity.org" in m for m in hosts), found
    assert any("data/glossary.yml:2: link https://docslib.org/doc/1" in m for m in hosts), found


def test_link_to_a_bare_home_page_fails(tmp_path):
    found = tree(tmp_path, page_en="# T\n\nA claim.[^usc-18-111] See [HHS](https://www.hhs.gov/).\n")
    assert "docs/en/page.md:8: link https://www.hhs.gov/ goes to a bare home page" in only(found, "home page")


def test_statute_must_link_official_text_or_a_legal_publisher(tmp_path):
    registry = GOOD_SOURCE.replace("https://www.law.cornell.edu/uscode/text/18/111",
                                   "https://www.nilc.org/resources/a-summary-of-111/")
    found = tree(tmp_path, registry=registry)
    assert "data/sources/law.yml:1: source 'usc-18-111' is a statute: link its text" in only(found, "is a statute")


def test_source_without_a_date_fails(tmp_path):
    found = tree(tmp_path, registry=GOOD_SOURCE.replace("  current_as_of: 2026-11-30\n", ""))
    assert "data/sources/law.yml:1: source 'usc-18-111' has no date" in only(found, "has no date")


def test_source_missing_fields_or_with_unknown_kind_fails(tmp_path):
    registry = GOOD_SOURCE.replace("kind: statute", "kind: blog").replace("  checked: 2026-11-30\n", "")
    found = tree(tmp_path, registry=registry)
    assert only(found, "kind 'blog'")
    assert only(found, "lacks 'checked'")


def test_archive_copy_needs_a_note(tmp_path):
    registry = GOOD_SOURCE.replace("kind: statute", "kind: agency-document").replace(
        "https://www.law.cornell.edu/uscode/text/18/111", "https://assets.documentcloud.org/documents/1/memo.pdf")
    assert only(tree(tmp_path, registry=registry), "archive host")
    with_note = registry + "  note: {en: Scanned copy; no official copy found., es: Copia escaneada.}\n"
    assert tree(tmp_path, registry=with_note) == []


def test_a_key_written_twice_fails(tmp_path):
    write(tmp_path, "data/sources/more.yml", GOOD_SOURCE)
    found = tree(tmp_path)
    assert "data/sources/more.yml:1: source key 'usc-18-111' is already defined in law.yml:1" in \
        only(found, "already defined")


def test_page_without_last_reviewed_fails(tmp_path):
    page = write(tmp_path, "en/page.md", "---\ntitle: T\ndescription: A description long enough to pass the length rule.\n---\n# T\n")
    found = [str(p) for p in content.check_front_matter(page)]
    assert any("page.md:1: front matter lacks 'last_reviewed'" in m for m in found), found


# --- Rendering -----------------------------------------------------------------------

def entry(**fields) -> sources.Source:
    data = dict(kind="agency-document", issuer="U.S. Immigration and Customs Enforcement",
                title="Form I-205, Warrant of Removal/Deportation", lang="en", date=dt.date(2025, 5, 12),
                url="https://www.ice.gov/some/page", checked=dt.date(2026, 11, 30))
    data.update(fields)
    return sources.Source("k", Path("x.yml"), 1, data)


def test_footnote_in_english_has_no_lang_attribute_and_english_dates():
    text = sources.footnote_text(entry(), "en")
    assert text.startswith('<span class="guide-source-issuer">U.S. Immigration and Customs Enforcement,</span> <cite>Form I-205')
    assert "May 12, 2025." in text and "Checked November 30, 2026." in text
    assert "<https://www.ice.gov/some/page>" in text


def test_footnote_on_a_spanish_page_marks_the_english_title_and_uses_spanish_dates():
    text = sources.footnote_text(entry(current_as_of=dt.date(2026, 11, 30), date=None), "es")
    assert '<span lang="en" class="guide-source-issuer">U.S. Immigration and Customs Enforcement,</span>' in text
    assert '<cite lang="en">Form I-205, Warrant of Removal/Deportation</cite>' in text
    assert "Texto vigente al 30 de noviembre de 2026." in text
    assert "Verificado el 30 de noviembre de 2026." in text


def test_spanish_source_on_an_english_page_is_marked_spanish():
    text = sources.footnote_text(entry(title="Sus derechos", lang="es", issuer="Consulado"), "en")
    assert '<cite lang="es">Sus derechos</cite>' in text


@pytest.mark.parametrize("value, en, es", [
    (dt.date(2025, 12, 5), "December 5, 2025", "5 de diciembre de 2025"),
    ("2025-07", "July 2025", "julio de 2025"),
    (2019, "2019", "2019"),
])
def test_dates_read_naturally_in_each_language(value, en, es):
    assert sources.format_date(value, "en") == en
    assert sources.format_date(value, "es") == es


def test_markdown_characters_in_titles_are_escaped():
    text = sources.footnote_text(entry(title="Under_score *star* [bracket] & <tag>"), "en")
    assert r"Under\_score \*star\* \[bracket\] &amp; \<tag\>" in text


def test_footnotes_are_appended_once_per_key_in_order_of_first_use():
    registry = {"a": entry(), "b": entry(title="B")}
    markdown, problems = sources.append_footnotes("One.[^b] Two.[^a] Three.[^b]\n", "en", Path("p.md"), registry)
    assert problems == []
    definitions = re.findall(r"^\[\^(\w)\]: ", markdown, re.MULTILINE)
    assert definitions == ["b", "a"]


def test_allowed_hosts_match_subdomains_only_where_listed():
    hosts = [sources.Host("gov", "official", True), sources.Host("law.cornell.edu", "publisher", False)]
    assert sources.host_tier("https://www.ecfr.gov/current/title-8/section-287.8", hosts) == "official"
    assert sources.host_tier("https://www.law.cornell.edu/uscode/text/8/1357", hosts) == "publisher"
    assert sources.host_tier("https://evil.law.cornell.edu.example.com/x", hosts) is None
    assert sources.host_tier("https://notgov.com/x", hosts) is None


def test_the_same_document_under_two_keys_fails(tmp_path):
    twice = GOOD_SOURCE + GOOD_SOURCE.replace("usc-18-111:", "usc-18-111-again:").replace(
        "https://www.law.cornell.edu", "https://law.cornell.edu")
    found = tree(tmp_path, page_en="# T\n\nA.[^usc-18-111] B.[^usc-18-111-again]\n", registry=twice)
    assert "source 'usc-18-111-again' has the same URL as 'usc-18-111'" in only(found, "same URL")
