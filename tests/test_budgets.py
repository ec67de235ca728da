"""Byte budgets (gzip sizes are deterministic; time is measured by `make measure`, never
tested). A reader may be on a cheap phone with a prepaid plan."""

import statistics

import pytest

from scripts import measure

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def weights(site, built, browser):
    return measure.page_weights(site, measure.script_loaded_files(site, built.url, browser))


def test_search_code_and_index_are_counted(weights):
    english = next(w for w in weights if w.page == "index.html")
    spanish = next(w for w in weights if w.page == "es/index.html")
    assert "search/search_index.en.json" in english.files
    assert "search/search_index.es.json" in spanish.files
    # English pages do not load the Spanish stemmer (the per-language index saves it).
    assert not any("lunr.es" in name for name in english.files)


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
