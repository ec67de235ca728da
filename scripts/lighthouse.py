"""`make lighthouse`: Lighthouse (npm, version 12 for Node 20) on the home pages and one
long chapter page per language, mobile preset, against a local gzip server. A manual
check: its scores vary from run to run on a small machine, so tests use byte budgets."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

from scripts import content, measure
from scripts.serve import free_port, serve

VERSION = "12.8.2"
TOOL_DIR = content.ROOT / ".lighthouse"
PAGES = ["", "es/", "protocols/model-policy/", "es/protocols/model-policy/"]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def install() -> Path:
    binary = TOOL_DIR / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix",
                        str(TOOL_DIR), f"lighthouse@{VERSION}"], check=True)
    return binary


def main() -> int:
    binary = install()
    flags = ("--headless --no-sandbox --disable-gpu --disable-background-networking "
             "--disable-component-update --disable-sync --no-first-run")
    with tempfile.TemporaryDirectory() as work:
        site = Path(work) / "site"
        port = free_port()
        os.environ["SITE_URL"] = f"http://127.0.0.1:{port}/"
        measure.build(site)
        print(f"{'page':32} " + " ".join(f"{c[:13]:>13}" for c in CATEGORIES))
        with serve(site, port, gzip=True) as url:
            for page in PAGES:
                out = Path(work) / "report.json"
                subprocess.run([str(binary), url + page, "--quiet", "--output=json",
                                f"--output-path={out}", f"--chrome-flags={flags}"],
                               env=dict(os.environ, CHROME_PATH="/usr/bin/chromium"), check=True)
                report = json.loads(out.read_text())
                scores = [report["categories"][c]["score"] for c in CATEGORIES]
                print(f"/{page:31} " + " ".join(f"{s:>13.2f}" for s in scores))
    return 0
