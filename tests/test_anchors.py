"""The deep-link contract (data/anchors.yml): published pages and section ids never
silently disappear, and moved pages redirect in both languages, keeping the #section."""

import pytest

from scripts import anchors, sitecheck
from tests.test_checkers import GOOD_META, messages, write


def report(problems) -> str:
    return "\n" + "\n".join(str(p) for p in problems)


def test_registry_matches_the_sources():
    problems = anchors.check()
    assert not problems, report(problems)


def test_built_pages_have_the_registered_ids_in_both_languages(site):
    registry = anchors.load()["pages"]
    assert registry
    for page, ids in registry.items():
        for prefix in ("", "es/"):
            path = site / (prefix + page.lstrip("/")) / "index.html"
            found = {el["id"] for el in sitecheck.soup(path).select("article [id]")}
            assert set(ids) <= found, f"{prefix}{page}: missing ids {sorted(set(ids) - found)}"


# --- Negative cases on a small registry ---------------------------------------------

def small_docs(tmp_path):
    docs = tmp_path / "docs"
    for lang in ("en", "es"):
        write(docs, f"{lang}/index.md", GOOD_META + "# Home\n\n## Start here {#start-here}\n")
        write(docs, f"{lang}/warrants/judicial.md", GOOD_META + "# J\n\n## Signature {#signature}\n")
    registry = tmp_path / "anchors.yml"
    anchors.update(docs, registry)
    return docs, registry


def test_removed_anchor_fails_until_the_registry_maps_it(tmp_path):
    docs, registry = small_docs(tmp_path)
    write(docs, "en/warrants/judicial.md", GOOD_META + "# J\n\n## Who signed it {#who-signed}\n")
    found = messages(anchors.check(docs, registry))
    assert any("section id '/warrants/judicial/#signature' no longer exists" in m
               and "/warrants/judicial/#signature: /<page>/#<new-id>` under moved:" in m for m in found), found
    assert any("new section ids on '/warrants/judicial/' are not registered (who-signed)" in m
               and "python -m scripts anchors" in m for m in found), found
    data = anchors.load(registry)
    data["moved"]["/warrants/judicial/#signature"] = "/warrants/judicial/#who-signed"
    anchors.write(data["pages"], data["moved"], registry)
    anchors.update(docs, registry)
    assert anchors.check(docs, registry) == []


def test_renamed_page_without_registry_entry_fails(tmp_path):
    docs, registry = small_docs(tmp_path)
    for lang in ("en", "es"):
        (docs / lang / "warrants" / "judicial.md").rename(docs / lang / "warrants" / "court.md")
    found = messages(anchors.check(docs, registry))
    assert any("published page '/warrants/judicial/' no longer exists" in m for m in found), found
    assert any("new page '/warrants/court/' is not registered" in m for m in found), found


def test_moved_entry_must_point_at_a_real_page_and_id(tmp_path):
    docs, registry = small_docs(tmp_path)
    data = anchors.load(registry)
    data["moved"] = {"/old/": "/nowhere/", "/warrants/x/": "/warrants/judicial/#nope"}
    anchors.write(data["pages"], data["moved"], registry)
    found = messages(anchors.check(docs, registry))
    assert any("'/old/' points to '/nowhere/', which is not a page" in m for m in found), found
    assert any("that page has no id 'nope'" in m for m in found), found


def test_redirect_pages_are_written_in_both_languages(tmp_path):
    docs, registry = small_docs(tmp_path)
    data = anchors.load(registry)
    anchors.write(data["pages"], {"/warrants/old/": "/warrants/judicial/"}, registry)
    site = tmp_path / "site"
    written = anchors.write_redirects(site, "https://example.org/guide/", registry)
    assert {p.relative_to(site).as_posix() for p in written} == {
        "warrants/old/index.html", "es/warrants/old/index.html"}
    spanish = (site / "es/warrants/old/index.html").read_text()
    assert 'href="https://example.org/guide/es/warrants/judicial/"' in spanish
    assert 'url=../../../es/warrants/judicial/' in spanish and 'lang="es"' in spanish
    assert "/guide/es/warrants/old/ /guide/es/warrants/judicial/ 301" in (site / "_redirects").read_text()
    assert "location = /guide/warrants/old/ { return 301 /guide/warrants/judicial/; }" in \
        anchors.nginx_rules("https://example.org/guide/", registry)


@pytest.mark.browser
def test_redirect_keeps_the_fragment(built, visit, tmp_path):
    """A stub written into the served site sends /es/old/#x to /es/<new>/#x."""
    registry = tmp_path / "anchors.yml"
    anchors.write({}, {"/test-moved-page/": "/about/"}, registry)
    rules = built.site / "_redirects"
    saved = rules.read_text() if rules.exists() else None
    anchors.write_redirects(built.site, built.url, registry)
    try:
        record = visit()
        record.page.goto(built.url + "es/test-moved-page/#what-this-guide-is")
        record.page.wait_for_url("**/es/about/#what-this-guide-is")
        assert record.page.locator("html").get_attribute("lang") == "es"
    finally:
        for lang in ("", "es/"):
            (built.site / lang / "test-moved-page" / "index.html").unlink()
            (built.site / lang / "test-moved-page").rmdir()
        if saved is None:
            rules.unlink()
        else:
            rules.write_text(saved)
