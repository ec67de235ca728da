"""Each checker is shown to fail on a small broken input, so none can pass silently.
The inputs are written into a temporary directory by each test, next to what they break."""

import textwrap
from pathlib import Path

import yaml

from scripts import content, sitecheck, translation
from tests.conftest import ROOT, build_site

GOOD_META = "---\ntitle: T\ndescription: A description long enough to pass the length rule.\nlast_reviewed: 2026-01-05\n---\n"


def write(base: Path, rel: str, text: str) -> Path:
    path = base / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def messages(problems) -> list[str]:
    return [str(p) for p in problems]


# --- Markdown sources -------------------------------------------------------------

def test_missing_translation_is_named(tmp_path):
    write(tmp_path, "en/index.md", GOOD_META + "# T\n")
    write(tmp_path, "es/index.md", GOOD_META + "# T\n")
    write(tmp_path, "en/warrants/judicial.md", GOOD_META + "# T\n")
    write(tmp_path, "es/old.md", GOOD_META + "# T\n")
    found = messages(content.check_translation_pairs(tmp_path))
    assert any("en/warrants/judicial.md:1: no Spanish twin: create docs/es/warrants/judicial.md" in m
               for m in found), found
    assert any("es/old.md:1: no English original" in m for m in found), found
    assert len(found) == 2


def test_heading_without_id_is_named_with_its_line(tmp_path):
    page = write(tmp_path, "en/page.md", GOOD_META + "# Title\n\nText.\n\n## Ask for the warrant\n\n"
                 "```\n## not a heading in a code block\n```\n\n### Good {#good}\n\n### Bad id {#Bad_Id}\n")
    found = messages(content.check_heading_ids(page))
    assert len(found) == 2, found
    assert found[0].endswith("page.md:10: heading 'Ask for the warrant' has no explicit id: "
                             "write it as '## Ask for the warrant {#english-words}'")
    assert "page.md:18: heading id 'Bad_Id'" in found[1]


def test_bad_front_matter_is_named(tmp_path):
    page = write(tmp_path, "en/page.md", "---\ntitle: T\nlast_reviewed: last week\nprint: poster\n---\n# T\n")
    found = messages(content.check_front_matter(page))
    assert any("page.md:1: front matter lacks 'description'" in m for m in found), found
    assert any("page.md:3: 'last_reviewed' must be an ISO date" in m for m in found), found
    assert any("page.md:4: 'print' must be one of" in m for m in found), found
    broken = write(tmp_path, "en/broken.md", "---\ntitle: [unclosed\n---\n# T\n")
    assert "front matter is not valid YAML" in messages(content.check_front_matter(broken))[0]
    bare = write(tmp_path, "en/bare.md", "# T\n")
    assert "bare.md:1: no front matter" in messages(content.check_front_matter(bare))[0]


def test_page_without_sources_section_is_named(tmp_path):
    page = write(tmp_path, "en/p.md", GOOD_META + "# T\n\n## Steps {#steps}\n")
    assert "p.md:1: no '## Sources {#sources}' section" in messages(content.check_sources_section(page))[0]
    tool = write(tmp_path, "en/t.md", GOOD_META.replace("---\n# ", "---\n# ").replace(
        "last_reviewed: 2026-01-05\n", "last_reviewed: 2026-01-05\nsources: false\n") + "# T\n")
    assert content.check_sources_section(tool) == []


def test_headings_that_differ_between_languages_are_named(tmp_path):
    en = write(tmp_path, "en/p.md", GOOD_META + "# T\n\n## A {#a}\n\n## B {#b}\n")
    es = write(tmp_path, "es/p.md", GOOD_META + "# T\n\n## A {#a}\n\n### B {#b}\n")
    found = messages(content.check_structure_parity(en, es))
    assert len(found) == 1 and "es/p.md:10: heading 2 is h3 #b but the English page has h2 #b" in found[0]
    short = write(tmp_path, "es/q.md", GOOD_META + "# T\n\n## A {#a}\n")
    assert "missing headings that the English page has: #b" in messages(
        content.check_structure_parity(en, short))[0]


def test_avoided_spanish_term_is_named_with_the_agreed_term(tmp_path):
    write(tmp_path, "en/p.md", GOOD_META + "# T\n")
    write(tmp_path, "es/p.md", GOOD_META + "# T\n\nMuestre la Orden de Cateo.\n\nDicen “la migra” en la calle.\n")
    glossary = {"terms": [
        {"id": "search-warrant", "en": "search warrant", "es": "orden de registro",
         "avoid_es": ["orden de cateo"]},
        {"id": "immigration-agents", "en": "immigration agents", "es": "agentes de inmigración",
         "avoid_es": ["la migra"]}]}
    found = messages(translation.check_terms(tmp_path, glossary))
    assert len(found) == 1, found  # the quoted "la migra" is reported speech, allowed
    assert found[0].endswith("es/p.md:8: uses 'orden de cateo'; the agreed term is "
                             "'orden de registro' (data/glossary.yml)")


def test_stale_translation_is_named_and_restamping_fixes_it(tmp_path):
    write(tmp_path, "en/p.md", GOOD_META + "# T\n\nOne.\n")
    write(tmp_path, "es/p.md", GOOD_META + "# T\n\nUno.\n")
    found = messages(translation.check_freshness(tmp_path))
    assert "no 'translation_of'" in found[0] and "make stamp PAGE=p.md" in found[0]
    translation.stamp("p.md", tmp_path)
    assert translation.check_freshness(tmp_path) == []
    write(tmp_path, "en/p.md", GOOD_META + "# T\n\nOne, corrected.\n")
    found = messages(translation.check_freshness(tmp_path))
    assert len(found) == 1 and "stale translation: docs/en/p.md changed" in found[0]
    assert "`make stamp PAGE=p.md`" in found[0]
    assert [r.status for r in translation.status_rows(tmp_path)] == ["stale"]
    translation.stamp("p.md", tmp_path)
    assert translation.check_freshness(tmp_path) == []


# --- Built HTML ---------------------------------------------------------------------

PAGE = """<!doctype html><html lang="en"><head>{head}</head><body><article>{body}</article></body></html>"""


def test_broken_link_and_anchor_are_named(tmp_path):
    write(tmp_path, "index.html", PAGE.format(head="", body='<h2 id="here">H</h2>\n'
          '<a href="about/#here">ok</a>\n<a href="about/#gone">bad anchor</a>\n'
          '<a href="missing/">bad page</a>\n<a href="#here">self</a>\n<a href="/guide/about/">abs</a>'))
    write(tmp_path, "about/index.html", PAGE.format(head="", body='<p id="here">x</p>'))
    found = messages(sitecheck.broken_links(tmp_path, "/guide/"))
    assert len(found) == 2, found
    assert "index.html:3: link about/#gone: no id 'gone' on about/index.html" in found[0]
    assert "link missing/ points to a missing page" in found[1]


def test_remote_assets_are_named(tmp_path):
    write(tmp_path, "index.html", PAGE.format(
        head='<link rel="stylesheet" href="https://cdn.example.com/x.css">'
             '<link rel="canonical" href="https://example.org/">',
        body='<img src="https://example.com/a.png" alt="">\n<img src="local.png" alt="">'
             '<iframe src="//video.example.com/embed"></iframe>'
             '<div style="background:url(https://t.example.com/p.gif)"></div>'))
    write(tmp_path, "assets/extra.css", "a{}\n@font-face{src:url('https://fonts.gstatic.com/f.woff2')}\n")
    found = messages(sitecheck.remote_resources(tmp_path))
    assert len(found) == 5, found
    assert any("<link href> loads https://cdn.example.com/x.css" in m for m in found)
    assert any("<img src> loads https://example.com/a.png" in m for m in found)
    assert any("<iframe src> loads //video.example.com/embed" in m for m in found)
    assert any("inline style loads https://t.example.com/p.gif" in m for m in found)
    assert any("extra.css:2: CSS loads https://fonts.gstatic.com/f.woff2" in m for m in found)


def test_plain_http_outbound_link_is_named(tmp_path):
    write(tmp_path, "index.html", PAGE.format(head="", body='<a href="http://example.org/">x</a>'))
    assert "must use https" in messages(sitecheck.insecure_links(tmp_path))[0]


# --- The real build, on a broken copy of the docs --------------------------------------

def fixture_config(tmp_path: Path, docs: Path) -> Path:
    """The project's mkdocs.yml pointed at a small docs tree, with absolute paths."""
    config = content.mkdocs_config()
    config.update(docs_dir=str(docs), hooks=[str(ROOT / "scripts" / "hooks.py")],
                  nav=["index.md", {"About": ["about/index.md"]}], site_url="http://127.0.0.1/",
                  extra_css=[], extra_javascript=[])
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["theme"].pop("favicon"), config["theme"].pop("logo")
    path = tmp_path / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True))
    return path


def test_strict_build_fails_on_broken_anchor_heading_and_front_matter(tmp_path):
    docs = tmp_path / "docs"
    for lang in ("en", "es"):
        write(docs, f"{lang}/about/index.md", GOOD_META + "# About\n\n## Who {#who}\n")
    write(docs, "en/index.md", GOOD_META.replace("2026-01-05", "soon") +
          "# Home\n\n## No id here\n\n[who](about/index.md#whom)\n")
    write(docs, "es/index.md", GOOD_META + "# Inicio\n\n## Sin id {#no-id-here}\n\n[quién](about/index.md#who)\n")
    code, output = build_site(tmp_path / "site", "http://127.0.0.1/", fixture_config(tmp_path, docs))
    assert code != 0
    assert "en/index.md:4: 'last_reviewed' must be an ISO date" in output, output
    assert "en/index.md:8: heading 'No id here' has no explicit id" in output, output
    assert "does not contain an anchor '#whom'" in output, output


def test_strict_build_fails_when_a_spanish_page_is_missing(tmp_path):
    docs = tmp_path / "docs"
    for lang in ("en", "es"):
        write(docs, f"{lang}/index.md", GOOD_META + "# Home\n")
    write(docs, "en/about/index.md", GOOD_META + "# About\n")
    code, output = build_site(tmp_path / "site", "http://127.0.0.1/", fixture_config(tmp_path, docs))
    assert code != 0, output
    assert "about/index.md" in output, output
    assert not (tmp_path / "site" / "es" / "about" / "index.html").exists(), \
        "English text must never be published under /es/"
