"""Build the real site once per test run and serve it on 127.0.0.1 under a sub-path.

The site is built with `mkdocs build --strict` (never with -q, which hides the warnings
strict mode counts) and with SITE_URL set to the local server's address under /guide/,
so every absolute URL the site makes is checked and the sub-path case is exercised.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PREFIX = "/guide/"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@dataclass
class Build:
    root: Path          # the served directory; the site is at root / "guide"
    site: Path
    output: str         # everything mkdocs printed
    returncode: int
    url: str            # http://127.0.0.1:PORT/guide/


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build_site(site_dir: Path, site_url: str, config: Path = ROOT / "mkdocs.yml") -> tuple[int, str]:
    env = dict(os.environ, SITE_URL=site_url, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config),
         "--site-dir", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True)
    return result.returncode, result.stdout + result.stderr


def parse_headers(site: Path) -> dict[str, str]:
    """The headers that `_headers` sets for every path (the test server sends them too,
    so a Content-Security-Policy that broke the site would fail the browser tests)."""
    headers, current = {}, None
    path = site / "_headers"
    if not path.exists():
        return headers
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            current = line.strip()
            continue
        if current == "/*":
            name, _, value = line.strip().partition(":")
            headers[name.strip()] = value.strip()
    return headers


class SiteHandler(SimpleHTTPRequestHandler):
    """Static files plus the production behaviour the tests rely on: the `_headers`
    headers, and each language's 404 page for missing paths."""

    extra_headers: dict[str, str] = {}

    def end_headers(self):
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        if code == 404:
            language_404 = "es/404.html" if self.path.startswith(PREFIX + "es/") else "404.html"
            page = Path(self.directory) / PREFIX.strip("/") / language_404
            if page.exists():
                body = page.read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
        super().send_error(code, message, explain)

    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Build:
    root = tmp_path_factory.mktemp("served")
    site = root / PREFIX.strip("/")
    port = free_port()
    url = f"http://127.0.0.1:{port}{PREFIX}"
    returncode, output = build_site(site, url)
    SiteHandler.extra_headers = parse_headers(site)
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(SiteHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Build(root, site, output, returncode, url)
    server.shutdown()


@pytest.fixture(scope="session")
def site(built) -> Path:
    if built.returncode != 0:
        pytest.fail("mkdocs build --strict failed:\n" + built.output[-4000:])
    return built.site


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium, "
                    "or install Chromium there yourself (never `playwright install`).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
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
