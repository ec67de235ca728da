"""The publishable site: strict build with download links, then the files they point
to — the PDFs (scripts/pdf.py) and the offline package (scripts/offline.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts import content, offline, pdf


def build(site: Path, public_url: str) -> list:
    from playwright.sync_api import sync_playwright

    from scripts.serve import free_port, serve

    env = dict(os.environ, SITE_URL=public_url, GUIDE_DOWNLOADS="true", NO_MKDOCS_2_WARNING="1")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                   cwd=content.ROOT, env=env, check=True)
    with tempfile.TemporaryDirectory() as work:
        archive = offline.make_zip(site / offline.ZIP_NAME, public_url, Path(work))
    with serve(site, free_port()) as url, sync_playwright() as playwright:
        browser = pdf.launch(playwright)
        try:
            made = pdf.make_pdfs(site, url, browser, public_url)
        finally:
            browser.close()
    return made + [pdf.Made(archive, 0, archive.stat().st_size)]
