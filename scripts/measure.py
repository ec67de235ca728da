"""Page weight, measured in bytes (deterministic), not seconds.

First-load transfer of a page = the gzip-compressed size of every file a browser fetches
to show it: the HTML, the CSS, JS, fonts and images it references, plus what the
scripts load by themselves on start (the search worker, the search index and its
language files). The static part is read from each page's HTML; the part loaded by
scripts is recorded once per language in Chromium, since every page of a language
loads the same files.
"""

from __future__ import annotations

import gzip
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import yaml

from scripts import content, sitecheck

MEDIAN_BUDGET = 75 * 1024
PAGE_BUDGET = 120 * 1024
IMAGE_BUDGET = 100 * 1024
OWN_ASSETS_BUDGET = 15 * 1024      # site-specific CSS and JS together, gzip
OWN_ASSETS_DIRS = ("assets/stylesheets", "assets/javascripts")


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def static_files(site: Path, page: Path) -> set[Path]:
    """Files a page's HTML makes the browser fetch at load."""
    soup = sitecheck.soup(page)
    found = {page}
    base = "/" + page.relative_to(site).as_posix()
    refs = [el.get("href") for el in soup.select("link[rel~=stylesheet], link[rel~=icon]")]
    refs += [el.get("src") for el in soup.select("script[src], img[src]")]
    for ref in refs:
        if not ref or urlparse(ref).scheme:
            continue
        path = site / unquote(urljoin(base, ref.split("#")[0].split("?")[0])).lstrip("/")
        if path.is_file():
            found.add(path)
    return found


def script_loaded_files(site: Path, base_url: str, browser) -> dict[str, set[Path]]:
    """Per language: files the page's scripts fetch on start (recorded in Chromium)."""
    loaded: dict[str, set[Path]] = {}
    for language in content.LANGUAGES:
        prefix = "" if language == content.DEFAULT_LANGUAGE else f"{language}/"
        page_file = site / prefix / "index.html"
        context = browser.new_context()
        page = context.new_page()
        urls: list[str] = []
        page.on("requestfinished", lambda request: urls.append(request.url))
        page.goto(base_url + prefix, wait_until="networkidle")
        page.wait_for_timeout(500)
        context.close()
        root_path = urlparse(base_url).path
        files = set()
        for url in urls:
            path = unquote(urlparse(url).path)
            if path.startswith(root_path):
                rel = path[len(root_path):]
                target = site / (rel + "index.html" if rel.endswith("/") or not rel else rel)
                if target.is_file():
                    files.add(target)
        loaded[language] = files - static_files(site, page_file)
    return loaded


@dataclass
class PageWeight:
    page: str
    files: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.files.values())


def page_weights(site: Path, dynamic: dict[str, set[Path]]) -> list[PageWeight]:
    weights = []
    for page in sitecheck.content_pages(site):
        rel = page.relative_to(site).as_posix()
        language = "es" if rel.startswith("es/") else "en"
        weight = PageWeight(rel)
        for path in static_files(site, page) | dynamic.get(language, set()):
            weight.files[path.relative_to(site).as_posix()] = gz(path)
        weights.append(weight)
    return weights


def images(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_size for p in sorted(site.rglob("*"))
            if p.suffix.lower() in (".png", ".jpg", ".jpeg", ".svg", ".webp", ".gif")}


def own_assets(site: Path) -> dict[str, int]:
    """Our CSS and JS (Material's bundles live in subfolders with hashed names; vendored
    third-party files live in vendor/)."""
    files = [p for folder in OWN_ASSETS_DIRS for p in sorted((site / folder).glob("*"))
             if p.is_file() and p.suffix in (".css", ".js") and ".min." not in p.name]
    return {p.relative_to(site).as_posix(): gz(p) for p in files}


def search_indexes(site: Path) -> dict[str, int]:
    return {language: gz(site / "search" / f"search_index.{language}.json")
            for language in content.LANGUAGES}


def stock_config(path: Path) -> Path:
    """Same pages and Markdown, stock Material: no overrides, hooks, CSS or JS of ours."""
    config = content.mkdocs_config()
    config["docs_dir"] = str(content.DOCS)
    config["theme"] = {"name": "material", "language": "en", "font": False}
    for key in ("hooks", "extra_css", "extra_javascript", "validation"):
        config.pop(key, None)
    config["strict"] = False
    config["extra"] = {}
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "offline" in p)]
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def build(site: Path, config: Path | None = None, strict: bool = True) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL="http://127.0.0.1/")
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)]
    command += ["--strict"] if strict else ["--no-strict"]
    if config:
        command += ["--config-file", str(config)]
    start = time.perf_counter()
    subprocess.run(command, cwd=content.ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def kb(value: float) -> str:
    return f"{value / 1024:7.1f} KB"


def report(name: str, site: Path, seconds: float, browser, base_url: str) -> dict:
    weights = page_weights(site, script_loaded_files(site, base_url, browser))
    totals = sorted(w.total for w in weights)
    print(f"\n== {name} ==")
    print(f"build time            {seconds:6.1f} s (wall clock, informational)")
    print(f"pages                 {len(weights)}")
    print(f"first load, median   {kb(statistics.median(totals))}  (gzip)")
    print(f"first load, largest  {kb(totals[-1])}")
    print(f"first load, all pages{kb(sum(totals))}")
    print("largest pages:")
    for weight in sorted(weights, key=lambda w: -w.total)[:5]:
        print(f"  {kb(weight.total)}  {weight.page}")
    return {"weights": weights, "median": statistics.median(totals)}


def main() -> int:
    from playwright.sync_api import sync_playwright

    from scripts import pdf
    from scripts.serve import free_port, serve

    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        ours, stock = work / "ours", work / "stock"
        ours_time = build(ours)
        stock_time = build(stock, stock_config(work / "stock.yml"), strict=False)
        with sync_playwright() as playwright:
            browser = pdf.launch(playwright)
            with serve(ours, free_port()) as url:
                mine = report("this site", ours, ours_time, browser, url)
                print("per page:")
                for weight in sorted(mine["weights"], key=lambda w: w.page):
                    print(f"  {kb(weight.total)}  {weight.page}")
            with serve(stock, free_port()) as url:
                theirs = report("stock Material, same pages", stock, stock_time, browser, url)
            browser.close()
        print(f"\nratio, median first load: {mine['median'] / theirs['median']:.2f} x stock")
        print("\nsearch index, gzip:", ", ".join(f"{k} {kb(v).strip()}" for k, v in search_indexes(ours).items()))
        print("site-specific CSS and JS, gzip:")
        for name, size in own_assets(ours).items():
            print(f"  {kb(size)}  {name}")
        print(f"  {kb(sum(own_assets(ours).values()))}  total (budget {kb(OWN_ASSETS_BUDGET).strip()})")
        largest = sorted(images(ours).items(), key=lambda item: -item[1])[:3]
        print("largest images:", ", ".join(f"{name} {kb(size).strip()}" for name, size in largest))
    site = content.ROOT / "site"
    pdfs = sorted(site.rglob("*.pdf")) if site.exists() else []
    if pdfs:
        print("PDFs in site/ (from `make site`):")
        for path in pdfs:
            print(f"  {kb(path.stat().st_size)}  {path.relative_to(site)}")
    else:
        print("PDFs: run `make site` first to include their sizes.")
    return 0
