"""Every internal link and #anchor in the built site resolves, in both languages."""

from scripts import sitecheck
from tests.conftest import PREFIX


def report(problems) -> str:
    return "\n" + "\n".join(str(p) for p in problems)


def test_internal_links_and_anchors_resolve(site, downloads):
    problems = sitecheck.broken_links(site, PREFIX)
    assert not problems, report(problems)


def test_outbound_links_use_https(site):
    problems = sitecheck.insecure_links(site)
    assert not problems, report(problems)


def test_spanish_pages_link_to_spanish_pages(site):
    """Relative links keep readers in their language: no Spanish article links into
    the English tree (the language switcher and hreflang links are the exceptions)."""
    wrong = []
    for path in sitecheck.content_pages(site):
        rel = path.relative_to(site)
        if rel.parts[0] != "es":
            continue
        for link in sitecheck.soup(path).select("article a[href]"):
            href = link["href"]
            if href.startswith(("http:", "https:", "#", "mailto:")) or link.get("hreflang"):
                continue
            target, _ = sitecheck._target_file(site, path, href)
            if target and target.suffix == ".html" and target.relative_to(site).parts[0] != "es":
                wrong.append(f"{rel}: {href}")
    assert not wrong, "\n".join(wrong)
