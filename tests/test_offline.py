"""The offline package works from file://, search included, with no request to any host."""

import zipfile
from pathlib import Path
from urllib.parse import urlparse

import pytest

from scripts import offline, sitecheck

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def unzipped(site, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(site / offline.ZIP_NAME) as archive:
        archive.extractall(target)
    return target / offline.FOLDER


def test_package_holds_both_languages_and_its_licences(unzipped):
    for path in ("index.html", "es/index.html", "search/search_index.js", "README.txt",
                 "assets/javascripts/vendor/iframe-worker-shim.js",
                 "assets/javascripts/vendor/iframe-worker.LICENSE"):
        assert (unzipped / path).exists(), path
    html = (unzipped / "index.html").read_text()
    assert "unpkg.com" not in html and 'hreflang="es"' in html  # the switcher, not head links
    assert not sitecheck.remote_resources(unzipped)


def test_home_and_about_link_to_the_package(site):
    for page in ("index.html", "about/index.html", "es/index.html", "es/about/index.html"):
        assert sitecheck.soup(site / page).select_one("a[href$='guide-offline.zip']"), page


def search(page, query):
    page.click("input.md-search__input")
    page.keyboard.type(query, delay=20)
    page.wait_for_selector(".md-search-result__item a", timeout=15000)
    return [page.evaluate("h => new URL(h, location.href).href", a.get_attribute("href"))
            for a in page.locator(".md-search-result__item > a").all()]


@pytest.mark.parametrize("lang,query", [("en", "warrant"), ("es", "orden")])
def test_offline_search_and_links_without_any_network_request(browser, unzipped, lang, query):
    context = browser.new_context()
    requests = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    try:
        start = unzipped / ("es/index.html" if lang == "es" else "index.html")
        page.goto(start.as_uri(), wait_until="load")
        results = search(page, query)
        assert results
        for url in results:
            assert ("/es/" in urlparse(url).path) == (lang == "es"), url
        page.goto(results[0])
        assert page.locator("html").get_attribute("lang") == lang
        page.locator("article a[href*='.html']:not([href^='http'])").first.click()
        page.wait_for_load_state("load")
        assert page.url.startswith("file://")
        network = [url for url in requests if not url.startswith(("file:", "data:", "blob:"))]
        assert not network, network
    finally:
        context.close()
