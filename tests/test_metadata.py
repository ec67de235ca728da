"""Search-engine and link-preview metadata on every page, from each page's front matter."""

from scripts import content, sitecheck


def meta(page, key):
    element = page.find("meta", attrs={"property": key}) or page.find("meta", attrs={"name": key})
    return element["content"] if element else None


def test_every_page_has_description_canonical_and_preview_tags(site, built):
    for path in sitecheck.content_pages(site):
        rel = path.relative_to(site).as_posix()
        language = "es" if rel.startswith("es/") else "en"
        source_rel = rel[3:] if language == "es" else rel
        source = source_rel.removesuffix("index.html")
        candidates = [source + "index.md", source.rstrip("/") + ".md"] if source else ["index.md"]
        front = next(content.read_meta(content.DOCS / language / c)[0] for c in candidates
                     if (content.DOCS / language / c).exists())
        page = sitecheck.soup(path)
        canonical = page.select_one('link[rel="canonical"]')["href"]
        assert canonical == built.url + rel.removesuffix("index.html"), rel
        assert meta(page, "description") == front["description"], rel
        assert meta(page, "og:description") == front["description"], rel
        assert meta(page, "twitter:description") == front["description"], rel
        assert meta(page, "og:title") == front["title"] == meta(page, "twitter:title"), rel
        assert meta(page, "og:url") == canonical, rel
        assert meta(page, "og:locale") == ("es_US" if language == "es" else "en_US"), rel
        assert meta(page, "og:locale:alternate") == ("en_US" if language == "es" else "es_US"), rel
        image = meta(page, "og:image")
        assert image == built.url + f"assets/images/preview/preview-{language}.png", rel
        assert meta(page, "twitter:card") == "summary_large_image"
        assert (site / image.removeprefix(built.url)).stat().st_size < 100_000


def test_robots_txt_names_the_sitemap(site, built):
    text = (site / "robots.txt").read_text()
    assert "User-agent: *" in text
    assert f"Sitemap: {built.url}sitemap.xml" in text


def test_preview_images_are_real_pngs(site):
    for language in content.LANGUAGES:
        data = (site / "assets/images/preview" / f"preview-{language}.png").read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
        assert (width, height) == (1200, 630)
