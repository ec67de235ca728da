"""Byte budgets (gzip sizes are deterministic; time is measured by `make measure`, never
tested). A reader may be on a cheap phone with a prepaid plan."""

import statistics

import pytest

from scripts import measure

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def weights(site, built, browser):
    return measure.page_weights(site, measure.script_loaded_files(site, built.url, browser))


def test_everything_a_page_loads_is_counted(weights):
    home = next(w for w in weights if w.page == "es/index.html")
    for name in ("es/index.html", "assets/javascripts/head.js", "assets/stylesheets/extra.css",
                 "assets/images/favicon.svg", "assets/data/no-alternates.xml"):
        assert name in home.files, name
    assert any(name.startswith("assets/javascripts/bundle.") for name in home.files)
    assert any(name.startswith("assets/stylesheets/main.") for name in home.files)


def test_search_loads_only_when_opened_and_in_the_pages_language(built, visit):
    """The search index is most of a page's weight: it waits until the reader opens search,
    and then only the page's language is fetched."""
    for language, query in (("es", "orden"), ("en", "warrant")):
        record = visit()
        record.page.goto(built.url + ("es/" if language == "es" else ""), wait_until="networkidle")
        early = [u for u in record.requests if "search_index" in u or "/workers/search" in u]
        assert not early, f"loaded before search was opened: {early}"
        record.page.click("input.md-search__input")
        record.page.keyboard.type(query, delay=20)
        record.page.wait_for_selector(".md-search-result__item a", timeout=15000)
        indexes = [u for u in record.requests if "search_index" in u]
        assert indexes == [built.url + f"search/search_index.{language}.json"], indexes
        spanish_stemmer = any("lunr.es" in u for u in record.requests)
        assert spanish_stemmer == (language == "es")


def test_median_first_load_is_within_budget(weights):
    median = statistics.median(w.total for w in weights)
    assert median <= measure.MEDIAN_BUDGET, f"median first load {median:,} bytes gzip"


def test_no_page_is_over_budget(weights):
    over = [f"{w.page}: {w.total:,} bytes" for w in weights if w.total > measure.PAGE_BUDGET]
    assert not over, "\n".join(over)


def test_no_image_is_over_budget(site):
    over = {name: size for name, size in measure.images(site).items() if size > measure.IMAGE_BUDGET}
    assert not over, over


def test_site_specific_css_and_js_are_within_budget(site):
    sizes = measure.own_assets(site)
    assert "assets/javascripts/guide.js" in sizes and "assets/stylesheets/extra.css" in sizes
    assert sum(sizes.values()) <= measure.OWN_ASSETS_BUDGET, sizes
