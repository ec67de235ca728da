"""MkDocs hooks for the guide.

mkdocs-static-i18n runs the whole build once per language, so every handler here is
re-entrant and reads the language from the page being built, never from module state.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts import anchors, content, render, search, sources, states, theme  # noqa: E402

log = logging.getLogger("mkdocs.hooks.guide")


def page_language(page) -> str:
    locale = getattr(page.file, "locale", None)
    if locale in content.LANGUAGES:
        return locale
    first = Path(page.file.src_uri).parts[0]
    return first if first in content.LANGUAGES else content.DEFAULT_LANGUAGE


@event_priority(100)  # before Material's offline plugin adds a CDN polyfill
def on_config(config):
    if config.extra.get("offline"):
        # The offline plugin loads iframe-worker from a CDN unless a polyfill named
        # iframe-worker is already listed: ship our copy instead.
        config.extra["polyfills"] = ["assets/javascripts/vendor/iframe-worker-shim.js"]
    return config


def on_pre_build(config):
    # The source registry's rules over every page, data file and entry, once per build
    # (the English pass): warnings make `mkdocs build --strict` fail, naming file and line.
    if config.theme["language"] == content.DEFAULT_LANGUAGE:
        for problem in sources.check_all() + states.check():
            log.warning(str(problem))


def on_page_markdown(markdown, page, config, files):
    path = Path(page.file.abs_src_path)
    # Source rules: warnings make `mkdocs build --strict` fail, naming file and line.
    for problem in content.check_front_matter(path) + content.check_heading_ids(path):
        log.warning(str(problem))
    language = page_language(page)
    search.set_boost(page, language)  # per-page search rank from data/search.yml
    markdown = render.expand_markers(markdown, language, path)
    # Footnotes for the cited registry keys (unknown keys are reported by on_pre_build).
    markdown, _ = sources.append_footnotes(markdown, language, path)
    return markdown + render.abbreviations(language)


def on_page_content(html, page, config, files):
    html = theme.focusable_abbreviations(theme.label_task_list_items(html))
    return theme.moved_section_markers(html, page, page_language(page))


def on_page_context(context, page, config, nav):
    # Printable pages carry a QR code of their canonical address (made here, no network).
    if page.meta.get("print") and page.canonical_url:
        context["guide_qr"] = theme.qr_svg(page.canonical_url)
    # Download links only when the PDFs are made (`make pdf`, and the test build).
    if config.extra.get("downloads") and page.meta.get("print"):
        rel = Path(page.file.src_uri).relative_to(page_language(page)).as_posix()
        context["guide_pdf"] = "pdf/" + content.pdf_name(rel)
    return context


def on_post_page(output, page, config):
    if config.extra.get("offline"):
        # From file:// Material would fetch a sitemap beside each absolute hreflang link,
        # which is a request to the web: the offline package has none.
        return theme.compact_html(theme.drop_alternates(output))
    return theme.compact_html(theme.fix_head(output, page, config, page_language(page)))


def on_post_template(output, template_name, config):
    if template_name == "404.html":
        return theme.place_404(output, Path(config.site_dir), config.theme["language"])
    return output


@event_priority(-200)  # after mkdocs-static-i18n (-100) has merged both search indexes
def on_post_build(config):
    site = Path(config.site_dir)
    theme.split_search_index(site)
    search.enrich(site)  # synonyms from data/search.yml, in a hidden index field
    if config.extra.get("offline"):
        return  # the offline package has no server: no robots.txt or redirect pages
    theme.write_robots(site, config.site_url or "/")
    anchors.write_redirects(site, config.site_url or "/")
