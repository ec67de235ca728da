"""Checks on the built site (HTML), shared by the tests and usable on any build.

Each function takes the site directory and returns Problem objects naming the built
file and, where it helps, the source line of the offending element.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from bs4 import BeautifulSoup

from scripts.content import Problem

# Pages that MkDocs or Material write and that are not content pages.
NON_CONTENT = {"404.html"}
RESOURCE_ATTRS = [("script", "src"), ("link", "href"), ("img", "src"), ("img", "srcset"),
                  ("iframe", "src"), ("source", "src"), ("source", "srcset"), ("video", "src"),
                  ("audio", "src"), ("embed", "src"), ("object", "data"), ("image", "href"),
                  ("use", "href"), ("input", "src"), ("track", "src")]
CSS_URL_RE = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
CSS_IMPORT_RE = re.compile(r"@import\s+['\"]([^'\"]+)['\"]")


def html_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html"))


def content_pages(site: Path) -> list[Path]:
    return [p for p in html_files(site) if p.name not in NON_CONTENT]


@lru_cache(maxsize=None)
def _soup(path: Path, mtime: float) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def soup(path: Path) -> BeautifulSoup:
    return _soup(path, path.stat().st_mtime)


def _remote(url: str) -> bool:
    url = url.strip()
    return url.startswith("//") or bool(urlparse(url).scheme in ("http", "https", "ftp"))


def remote_resources(site: Path) -> list[Problem]:
    """Anything the browser would fetch from another host: scripts, styles, fonts,
    images, frames, CSS url() and @import. Plain <a href> links are not fetched."""
    problems = []
    for path in html_files(site):
        page = soup(path)
        for tag, attr in RESOURCE_ATTRS:
            for element in page.find_all(tag):
                value = element.get(attr) or element.get(f"xlink:{attr}")
                if not value:
                    continue
                if tag == "link" and not set(element.get("rel", [])) & {
                        "stylesheet", "icon", "preload", "modulepreload", "prefetch",
                        "preconnect", "dns-prefetch", "manifest", "apple-touch-icon"}:
                    continue  # canonical and hreflang links are addresses, not fetches
                for url in re.split(r",\s*", value) if "srcset" in attr else [value]:
                    url = url.split()[0] if url.strip() else url
                    if url and _remote(url):
                        problems.append(Problem(path, element.sourceline or 1,
                                                f"<{tag} {attr}> loads {url} from another host; "
                                                "ship the file with the site instead"))
        for element in page.find_all(style=True):
            for url in CSS_URL_RE.findall(element["style"]):
                if _remote(url):
                    problems.append(Problem(path, element.sourceline or 1,
                                            f"inline style loads {url} from another host"))
        for element in page.find_all("style"):
            for url in CSS_URL_RE.findall(element.text) + CSS_IMPORT_RE.findall(element.text):
                if _remote(url):
                    problems.append(Problem(path, element.sourceline or 1,
                                            f"<style> loads {url} from another host"))
    for path in sorted(site.rglob("*.css")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for url in CSS_URL_RE.findall(line) + CSS_IMPORT_RE.findall(line):
                if _remote(url):
                    problems.append(Problem(path, number, f"CSS loads {url} from another host"))
    for path in sorted(site.rglob("*.svg")):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r'(?:xlink:)?href="([^"]+)"', text):
            if _remote(match.group(1)):
                problems.append(Problem(path, text[:match.start()].count("\n") + 1,
                                        f"SVG references {match.group(1)} on another host"))
    return problems


def _ids(path: Path) -> set[str]:
    page = soup(path)
    return {el["id"] for el in page.find_all(id=True)} | {
        el["name"] for el in page.find_all("a", attrs={"name": True})}


def _target_file(site: Path, path: Path, href: str) -> tuple[Path | None, str]:
    """Resolve an internal href from a built page to (file, fragment)."""
    parsed = urlparse(href)
    fragment = unquote(parsed.fragment)
    if not parsed.path:
        return path, fragment
    base = "/" + path.relative_to(site).as_posix()
    target = unquote(urljoin(base, parsed.path))
    candidate = site / target.lstrip("/")
    if target.endswith("/"):
        candidate = candidate / "index.html"
    elif candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate, fragment


def broken_links(site: Path, url_prefix: str = "/") -> list[Problem]:
    """Every internal link and #anchor in every built page resolves to a file and id.
    url_prefix is the path part of site_url, for absolute links like /guide/es/."""
    problems = []
    id_cache: dict[Path, set[str]] = {}
    for path in html_files(site):
        page = soup(path)
        for element in page.find_all("a", href=True):
            href = element["href"].strip()
            parsed = urlparse(href)
            if parsed.scheme in ("mailto", "tel", "data", "javascript"):
                continue
            if parsed.scheme in ("http", "https") or href.startswith("//"):
                continue
            if href.startswith("/"):
                if not href.startswith(url_prefix):
                    problems.append(Problem(path, element.sourceline or 1,
                                            f"link {href} is outside the site prefix {url_prefix}"))
                    continue
                href = "/" + href[len(url_prefix):]
                target, fragment = _target_file(site, site / "index.html", href)
            else:
                target, fragment = _target_file(site, path, href)
            if target is None or not target.exists():
                problems.append(Problem(path, element.sourceline or 1,
                                        f"link {element['href']} points to a missing page"))
                continue
            if fragment and target.suffix == ".html":
                if target not in id_cache:
                    id_cache[target] = _ids(target)
                if fragment not in id_cache[target]:
                    problems.append(Problem(path, element.sourceline or 1,
                                            f"link {element['href']}: no id '{fragment}' on "
                                            f"{target.relative_to(site)}"))
    return problems


def insecure_links(site: Path) -> list[Problem]:
    """Outbound links use https (plain http leaks the reader's path to the network)."""
    problems = []
    for path in content_pages(site):
        for element in soup(path).select("article a[href^='http:']"):
            problems.append(Problem(path, element.sourceline or 1,
                                    f"outbound link {element['href']} must use https"))
    return problems
