"""Browser tests: Debian's Chromium driven by Playwright against the local server."""

from urllib.parse import urlparse

import pytest

from scripts import content
from tests.conftest import assert_no_axe_violations

pytestmark = pytest.mark.browser

WIDTHS = (390, 1280)


ALL_PAGES = [(lang, content.site_path(rel)) for lang in content.LANGUAGES
             for rel in sorted(content.pages(lang))]


def full_url(built, lang: str, path: str) -> str:
    return built.url + ("es/" if lang == "es" else "") + path


def assert_local_only(built, requests):
    server = urlparse(built.url).netloc
    others = [url for url in requests if urlparse(url).netloc not in (server, "")
              and not url.startswith(("data:", "blob:"))]
    assert not others, f"requests to other hosts: {others}"


@pytest.mark.parametrize("lang", content.LANGUAGES)
def test_home_page_loads_with_only_local_requests_and_no_errors(built, visit, lang):
    record = visit()
    response = record.page.goto(full_url(built, lang, ""), wait_until="networkidle")
    assert response.status == 200
    assert record.page.locator("html").get_attribute("lang") == lang
    assert record.page.locator("article h1").count() == 1
    assert len(record.requests) > 3
    assert_local_only(built, record.requests)
    assert not record.errors, record.errors


def test_missing_page_shows_the_spanish_404_under_es(built, visit):
    record = visit()
    response = record.page.goto(built.url + "es/no-such-page/", wait_until="networkidle")
    assert response.status == 404
    assert record.page.locator("html").get_attribute("lang") == "es"
    assert "No encontramos" in record.page.locator("h1").inner_text()
    # The only error is the page's own 404 status; its styles and scripts all loaded.
    assert len(record.errors) == 1 and "404" in record.errors[0], record.errors


def switch_language(page, lang: str):
    page.hover(".md-header__option .md-select")
    with page.expect_navigation():
        page.click(f"a.md-select__link[hreflang={lang}]")


def test_language_switch_keeps_page_and_section(built, visit):
    record = visit()
    record.page.goto(built.url + "about/#what-this-guide-is", wait_until="networkidle")
    switch_language(record.page, "es")
    assert record.page.url == built.url + "es/about/#what-this-guide-is"
    assert record.page.locator("html").get_attribute("lang") == "es"
    switch_language(record.page, "en")
    assert record.page.url == built.url + "about/#what-this-guide-is"
    assert not record.errors, record.errors


def test_language_switch_without_fragment_keeps_page(built, visit):
    record = visit()
    record.page.goto(built.url + "es/about/", wait_until="networkidle")
    switch_language(record.page, "en")
    assert record.page.url == built.url + "about/"


def search(page, query: str) -> list[str]:
    page.click("label.md-search__icon, input.md-search__input", timeout=5000) \
        if page.locator("input.md-search__input").is_visible() is False \
        else page.click("input.md-search__input")
    page.keyboard.type(query, delay=20)
    page.wait_for_selector(".md-search-result__item a", timeout=10000)
    return [a.get_attribute("href") for a in page.locator(".md-search-result__item > a").all()]


@pytest.mark.parametrize("lang,query", [("es", "guía"), ("en", "guide")])
def test_search_lists_pages_in_the_pages_language_only(built, visit, lang, query):
    record = visit()
    record.page.goto(full_url(built, lang, ""), wait_until="networkidle")
    hrefs = search(record.page, query)
    assert hrefs
    for href in hrefs:
        path = urlparse(record.page.evaluate("h => new URL(h, location.href).pathname", href)).path
        assert path.startswith("/guide/es/") == (lang == "es"), f"{lang} search found {path}"
    assert_local_only(built, record.requests)
    assert not record.errors, record.errors


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang,path", ALL_PAGES)
def test_no_accessibility_violations(built, visit, axe, lang, path, width):
    record = visit(width=width)
    record.page.goto(full_url(built, lang, path), wait_until="load")
    assert_no_axe_violations(axe, record.page, f"{lang}/{path} at {width}px")
    assert not record.errors, record.errors


@pytest.mark.parametrize("lang,path", [("en", ""), ("es", "warrants/compare/"), ("en", "protocols/during/")])
def test_dark_palette_has_no_accessibility_violations(built, visit, axe, lang, path):
    """The dark palette follows the reader's system setting; it must meet AA contrast too."""
    record = visit(color_scheme="dark")
    record.page.goto(full_url(built, lang, path), wait_until="load")
    assert record.page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    assert_no_axe_violations(axe, record.page, f"{lang}/{path} dark")


def test_section_links_are_visible_on_touch_screens(built, visit):
    """Readers on phones copy section links from the '#' next to headings."""
    record = visit(width=390, has_touch=True, is_mobile=True)
    record.page.goto(built.url + "warrants/", wait_until="load")
    link = record.page.locator("article h2 .headerlink").first
    assert float(link.evaluate("el => getComputedStyle(el).opacity")) > 0.3


def test_abbreviation_expands_on_keyboard_focus(built, visit):
    record = visit()
    record.page.goto(built.url + "es/warrants/", wait_until="load")
    abbr = record.page.locator("article abbr[tabindex='0']").first
    title = abbr.get_attribute("title")
    assert title
    abbr.focus()
    tooltip = record.page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=5000)
    assert tooltip.inner_text().strip() == title
    # Only the first use of each abbreviation is a tab stop.
    titles = record.page.locator("article abbr[tabindex='0']").evaluate_all(
        "els => els.map(el => el.title)")
    assert len(titles) == len(set(titles))
