"""Build the real site once per test run and serve it on 127.0.0.1 under a sub-path.

The site is built with `mkdocs build --strict` (never with -q, which hides the warnings
strict mode counts) and with SITE_URL set to the local server's address under /guide/,
so every absolute URL the site makes is checked and the sub-path case is exercised.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from scripts import offline, pdf
from scripts.serve import free_port, serve

ROOT = Path(__file__).resolve().parent.parent
PREFIX = "/guide/"
CHROMIUM = pdf.CHROMIUM


@dataclass
class Build:
    root: Path          # the served directory; the site is at root / "guide"
    site: Path
    output: str         # everything mkdocs printed
    returncode: int
    url: str            # http://127.0.0.1:PORT/guide/
    pdfs: list          # what scripts.pdf made: path, page count, size


def build_site(site_dir: Path, site_url: str, config: Path = ROOT / "mkdocs.yml",
               **env_extra: str) -> tuple[int, str]:
    env = dict(os.environ, SITE_URL=site_url, NO_MKDOCS_2_WARNING="1", **env_extra)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config),
         "--site-dir", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True)
    return result.returncode, result.stdout + result.stderr


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Build:
    root = tmp_path_factory.mktemp("served")
    site = root / PREFIX.strip("/")
    port = free_port()
    returncode, output = build_site(site, f"http://127.0.0.1:{port}{PREFIX}", GUIDE_DOWNLOADS="true")
    with serve(root, port, PREFIX) as url:
        yield Build(root, site, output, returncode, url, [])


@pytest.fixture(scope="session")
def downloads(built, tmp_path_factory) -> list:
    """The PDFs and the offline package that the pages link to, made once, on demand
    (only the tests that need them pay for printing)."""
    if built.returncode != 0:
        pytest.fail("mkdocs build --strict failed:\n" + built.output[-4000:])
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium.")
    from playwright.sync_api import sync_playwright

    # This browser closes before the tests' own browser starts (see `browser`).
    with sync_playwright() as playwright:
        browser = pdf.launch(playwright)
        built.pdfs[:] = pdf.make_pdfs(built.site, built.url, browser, built.url)
        browser.close()
    offline.make_zip(built.site / offline.ZIP_NAME, built.url, tmp_path_factory.mktemp("offline"))
    return built.pdfs


@pytest.fixture(scope="session")
def site(built) -> Path:
    if built.returncode != 0:
        pytest.fail("mkdocs build --strict failed:\n" + built.output[-4000:])
    return built.site


@pytest.fixture(scope="session")
def browser(site, downloads):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium, "
                    "or install Chromium there yourself (never `playwright install`).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = pdf.launch(playwright)
        yield browser
        browser.close()


@dataclass
class Visit:
    """A browser page that records every request and console error."""
    page: object
    requests: list
    errors: list


@pytest.fixture
def visit(browser, site):
    contexts = []

    def open_page(width: int = 1280, height: int = 900, **options) -> Visit:
        context = browser.new_context(viewport={"width": width, "height": height}, **options)
        contexts.append(context)
        page = context.new_page()
        record = Visit(page, [], [])
        page.on("request", lambda request: record.requests.append(request.url))
        page.on("console", lambda message: message.type == "error"
                and record.errors.append(message.text))
        page.on("pageerror", lambda error: record.errors.append(str(error)))
        return record

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


SETTLED = """() => document.getAnimations().every(a =>
    a.playState === 'finished' || a.playState === 'idle' || a.playState === 'paused'
    || a.effect?.getComputedTiming().iterations === Infinity)"""


def axe_violations(axe, page) -> list:
    """axe's violations once every finite CSS transition and animation has ended: a colour
    still fading in (a button after a click) is not the colour readers see, so checking
    contrast mid-transition fails or passes by luck of timing."""
    page.wait_for_function(SETTLED)
    return axe.run(page).response["violations"]


def assert_no_axe_violations(axe, page, where: str = ""):
    violations = axe_violations(axe, page)
    summary = [f"{v['id']} ({v['impact']}): {v['help']} — "
               + "; ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"])
                           for n in v["nodes"][:5]) for v in violations]
    assert not violations, where + "\n" + "\n".join(summary)
