"""The real site, built once with `mkdocs build --strict`, checked as HTML."""

import json
import re
import xml.etree.ElementTree as ET

from scripts import content, sitecheck


def es_page(site, path):
    return site / "es" / path.relative_to(site)


def english_pages(site):
    return [p for p in sitecheck.content_pages(site)
            if not p.relative_to(site).as_posix().startswith(("es/", "search/"))]


def test_strict_build_passes_without_warnings(built):
    assert built.returncode == 0, built.output[-4000:]
    warnings = [line for line in built.output.splitlines() if "WARNING" in line]
    assert not warnings, "\n".join(warnings)


def test_every_source_page_is_built_in_both_languages(site):
    for rel in content.pages("en"):
        out = rel[:-3] + "/index.html" if not rel.endswith("index.md") else rel[:-8] + "index.html"
        assert (site / out).exists(), out
        assert (site / "es" / out).exists(), "es/" + out


def test_html_lang_matches_the_language(site):
    wrong = []
    for path in sitecheck.content_pages(site):
        expected = "es" if path.relative_to(site).parts[0] == "es" else "en"
        lang = sitecheck.soup(path).html.get("lang")
        if lang != expected:
            wrong.append(f"{path.relative_to(site)}: lang={lang!r}, expected {expected!r}")
    assert not wrong, "\n".join(wrong)


def test_spanish_pages_have_spanish_chrome(site):
    page = sitecheck.soup(site / "es" / "index.html")
    assert "Operativos migratorios en centros de salud" in page.title.text
    assert "No es asesoría legal" in page.select_one(".md-copyright").text
    assert "Made with" not in str(page)


def test_page_titles_come_from_each_pages_h1(site):
    for path in english_pages(site):
        page = sitecheck.soup(path)
        h1 = page.select_one("article h1")
        assert h1 is not None, path
        for twin in (path, es_page(site, path)):
            twin_page = sitecheck.soup(twin)
            h1_text = " ".join(twin_page.select_one("article h1").get_text(" ", strip=True)
                               .rstrip("#").split())
            assert h1_text in " ".join(twin_page.title.text.split()), twin


def test_hreflang_links_are_absolute_with_x_default(site, built):
    for path in sitecheck.content_pages(site):
        links = {l["hreflang"]: l["href"] for l in
                 sitecheck.soup(path).select('link[rel="alternate"][hreflang]')}
        assert set(links) == {"en", "es", "x-default"}, path
        rel = path.relative_to(site).as_posix()
        english_rel = rel[3:] if rel.startswith("es/") else rel
        english_url = built.url + english_rel.removesuffix("index.html")
        assert links["en"] == english_url, path
        assert links["es"] == built.url + "es/" + english_rel.removesuffix("index.html"), path
        assert links["x-default"] == english_url, path


def test_canonical_url_is_absolute(site, built):
    for path in sitecheck.content_pages(site):
        canonical = sitecheck.soup(path).select_one('link[rel="canonical"]')
        assert canonical and canonical["href"].startswith(built.url), path


def test_sitemap_lists_both_languages(site, built):
    tree = ET.parse(site / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = {loc.text for loc in tree.getroot().findall("s:url/s:loc", ns)}
    for path in english_pages(site):
        rel = path.relative_to(site).as_posix().removesuffix("index.html")
        assert built.url + rel in locations, rel
        assert built.url + "es/" + rel in locations, "es/" + rel


def test_each_language_has_its_own_404_page(site):
    english = sitecheck.soup(site / "404.html")
    spanish = sitecheck.soup(site / "es" / "404.html")
    assert english.html["lang"] == "en" and "could not find" in english.h1.text
    assert spanish.html["lang"] == "es" and "No encontramos" in spanish.h1.text
    # The language switcher on a 404 page leads to the home pages, not a stale page.
    switch = {a["hreflang"]: a["href"] for a in spanish.select("a.md-select__link")}
    assert switch == {"en": "/guide/", "es": "/guide/es/"}


def test_search_index_is_split_by_language(site):
    for language in content.LANGUAGES:
        index = json.loads((site / "search" / f"search_index.{language}.json").read_text())
        locations = [doc["location"] for doc in index["docs"]]
        assert locations, language
        spanish = [loc for loc in locations if loc.startswith("es/")]
        if language == "es":
            assert spanish == locations
        else:
            assert not spanish
        assert index["config"]["lang"] == [language]


def test_security_headers_file_is_published(site):
    text = (site / "_headers").read_text()
    assert re.search(r"Content-Security-Policy: default-src 'self';", text)
    for header in ("Referrer-Policy: no-referrer", "Permissions-Policy:",
                   "X-Content-Type-Options: nosniff"):
        assert header in text
    assert not (site / "es" / "_headers").exists()


def test_last_reviewed_and_disclaimer_on_every_page(site):
    for path in sitecheck.content_pages(site):
        status = sitecheck.soup(path).select_one("aside.guide-page-status")
        assert status is not None, path
        assert status.find("time", attrs={"datetime": re.compile(r"^\d{4}-\d\d-\d\d$")}), path
        text = status.get_text(" ", strip=True)
        assert ("not legal advice" in text) or ("no asesoría legal" in text), path


def test_no_inline_scripts(site):
    """The Content-Security-Policy forbids inline scripts; JSON data blocks are allowed."""
    for path in sitecheck.html_files(site):
        for script in sitecheck.soup(path).find_all("script"):
            if script.get("src") or script.get("type") == "application/json":
                continue
            raise AssertionError(f"{path.relative_to(site)}: inline <script> {script.text[:80]!r}")


def test_search_box_has_an_accessible_name_in_each_language(site):
    assert sitecheck.soup(site / "index.html").select_one(".md-search")["aria-label"] == "Search"
    assert sitecheck.soup(site / "es" / "index.html").select_one(".md-search")["aria-label"] == "Buscar"


def test_site_also_works_at_a_domain_root(tmp_path):
    """The published address may be a sub-path (as in the other tests) or a domain root."""
    from tests.conftest import build_site

    site = tmp_path / "site"
    code, output = build_site(site, "https://guide.example/")
    assert code == 0, output[-3000:]
    problems = sitecheck.broken_links(site, "/")
    assert not problems, "\n".join(str(p) for p in problems)
    home = sitecheck.soup(site / "es" / "index.html")
    assert {a["href"] for a in home.select("a.md-select__link")} == {"/", "/es/"}
    assert home.select_one('link[rel="canonical"]')["href"] == "https://guide.example/es/"


def test_sources_page_lists_every_registered_source_with_the_pages_citing_it(site):
    """The Sources page is generated from the registry: every entry, in both languages,
    and each entry links the pages whose footnotes cite it."""
    from urllib.parse import urljoin

    from scripts import render, sources

    registry = sources.load()[0]
    for language in content.LANGUAGES:
        prefix = "es/" if language == "es" else ""
        here = f"/{prefix}resources/sources/"
        page = sitecheck.soup(site / prefix / "resources/sources/index.html")
        for key, source in registry.items():
            anchor = page.find(id=f"source-{key}")
            assert anchor is not None, f"{language}: {key} missing from the Sources page"
            assert anchor.parent.find("a", href=source.url), f"{language}: {key} has no link"
        for key, pages in sources.citing_pages(language, render.expand_markers).items():
            item = page.find(id=f"source-{key}").parent
            linked = {urljoin(here, a["href"]) for a in item.find_all("a", href=True)}
            for _, rel in pages:
                assert f"/{prefix}{content.site_path(rel)}" in linked, f"{language}: {key} does not link {rel}"


def test_footnotes_render_from_the_registry_with_the_language_of_their_titles(site):
    """No footnote shows as literal [^key] text; on Spanish pages, English titles and
    issuers carry lang="en" (WCAG 3.1.2)."""
    from scripts import sources

    registry = sources.load()[0]
    for path in sitecheck.content_pages(site):
        language = "es" if path.relative_to(site).parts[0] == "es" else "en"
        soup = sitecheck.soup(path)
        article = soup.find("article")
        if article is None:
            continue
        assert "[^" not in article.get_text(), f"{path}: a footnote reference shows as text"
        for note in article.select(".footnote li[id^='fn:']"):
            key = note["id"].removeprefix("fn:")
            assert key in registry, f"{path}: footnote {key} is not from the registry"
            cite = note.find("cite")
            want = registry[key].lang if registry[key].lang != language else None
            assert cite is not None and cite.get("lang") == want, f"{path}: {key} cite lang {cite}"


def test_outbound_links_go_to_allowed_hosts_and_not_to_home_pages(site):
    from scripts import sources

    hosts = sources.load_hosts()
    wrong = []
    for path in sitecheck.content_pages(site):
        article = sitecheck.soup(path).find("article")
        for link in (article.select("a[href^='http']") if article else []):
            href = link["href"]
            if sources.host_tier(href, hosts) is None or sources.is_home_page(href):
                wrong.append(f"{path.relative_to(site)}: {href}")
    assert not wrong, "\n".join(wrong)
