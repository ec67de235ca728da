"""The offline package: the whole bilingual site as a zip that works when opened from
the file system (file://), search included, with no request to any other host.

Material's offline plugin (enabled by GUIDE_OFFLINE=1) switches to .html links and
inlines the search index; scripts/hooks.py ships the plugin's iframe-worker polyfill
instead of letting it load from a CDN, and drops the hreflang links Material would
otherwise try to follow."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from scripts import content

ZIP_NAME = "guide-offline.zip"
FOLDER = "guide-offline"   # the folder inside the zip
README = {
    "en": "Open index.html (English) or es/index.html (Spanish) in a web browser.",
    "es": "Abra index.html (inglés) o es/index.html (español) en un navegador.",
}


def build(out_dir: Path, site_url: str) -> None:
    env = dict(os.environ, GUIDE_OFFLINE="true", SITE_URL=site_url, NO_MKDOCS_2_WARNING="1")
    env.pop("GUIDE_DOWNLOADS", None)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir",
                             str(out_dir)], cwd=content.ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError("offline build failed:\n" + result.stdout + result.stderr)


def make_zip(target: Path, site_url: str, work: Path) -> Path:
    """Build the offline site in `work` and write it to `target` as a zip."""
    site = work / FOLDER
    if site.exists():
        shutil.rmtree(site)
    build(site, site_url)
    (site / "README.txt").write_text(README["en"] + "\n" + README["es"] + "\n", encoding="utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(site.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(work).as_posix())
    return target
