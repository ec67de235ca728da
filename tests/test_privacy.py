"""Nothing is loaded from another host: a reader may be afraid of being tracked."""

from scripts import sitecheck


def test_no_resource_is_loaded_from_another_host(site):
    problems = sitecheck.remote_resources(site)
    assert not problems, "\n" + "\n".join(str(p) for p in problems)


def test_no_google_fonts_or_cdn_names_in_pages(site):
    for path in sitecheck.html_files(site):
        text = path.read_text(encoding="utf-8")
        for host in ("fonts.googleapis", "fonts.gstatic", "unpkg.com", "cdn.jsdelivr",
                     "googletagmanager", "google-analytics"):
            assert host not in text, f"{path.relative_to(site)} mentions {host}"
