"""The What-changed record (data/changes.yml) and its renderings (scripts/changes.py)."""

import datetime as dt
import re

import pytest
import yaml

from scripts import changes, content

LANGUAGES = ("en", "es")


def raw_entries() -> list[dict]:
    return (content.load_data("changes.yml") or {})["entries"]


def registry_keys() -> set[str]:
    keys: set[str] = set()
    for path in sorted((content.DATA / "sources").glob("*.yml")):
        keys |= set((yaml.safe_load(path.read_text(encoding="utf-8")) or {}).keys())
    return keys


def test_there_are_entries_with_unique_ids():
    ids = [entry["id"] for entry in raw_entries()]
    assert ids, "data/changes.yml has no entries"
    assert len(ids) == len(set(ids)), f"duplicate ids: {sorted(i for i in ids if ids.count(i) > 1)}"
    for entry_id in ids:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", entry_id), f"id '{entry_id}': lowercase words and hyphens"


@pytest.mark.parametrize("entry", raw_entries(), ids=lambda e: e["id"])
def test_entry_is_complete_in_both_languages(entry):
    assert isinstance(entry["date"], dt.date), f"{entry['id']}: date must be YYYY-MM-DD"
    for field in ("title", "what", "means"):
        for language in LANGUAGES:
            text = (entry.get(field) or {}).get(language, "")
            assert str(text).strip(), f"{entry['id']}: {field}.{language} is missing"
    assert entry.get("sources"), f"{entry['id']}: no sources"
    assert entry.get("pages"), f"{entry['id']}: no pages"


@pytest.mark.parametrize("entry", raw_entries(), ids=lambda e: e["id"])
def test_sources_are_registered(entry):
    missing = sorted(set(entry["sources"]) - registry_keys())
    assert not missing, f"{entry['id']}: sources not in data/sources/*.yml: {missing}"


@pytest.mark.parametrize("entry", raw_entries(), ids=lambda e: e["id"])
def test_pages_exist_in_both_languages(entry):
    for rel in entry["pages"]:
        for language in LANGUAGES:
            assert (content.DOCS / language / rel).exists(), f"{entry['id']}: docs/{language}/{rel} does not exist"


def test_data_file_is_newest_first():
    dates = [entry["date"] for entry in raw_entries()]
    assert dates == sorted(dates, reverse=True), "data/changes.yml: keep entries newest first"


def test_entries_are_sorted_newest_first():
    dates = [entry["date"] for entry in changes.entries()]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("language", LANGUAGES)
def test_rendered_page_lists_entries_newest_first(language):
    page = changes.changes_markdown(language)
    ids = re.findall(r"^### .+ \{#([a-z0-9-]+)\}$", page, re.MULTILINE)
    assert ids == [entry["id"] for entry in changes.entries()]
    positions = [page.index(changes.format_date(entry["date"], language)) for entry in changes.entries()]
    assert positions == sorted(positions), "dates do not appear newest first"


@pytest.mark.parametrize("language", LANGUAGES)
def test_rendered_page_cites_sources_and_links_pages(language):
    page = changes.changes_markdown(language)
    for entry in changes.entries():
        for key in entry["sources"]:
            assert f"[^{key}]" in page
        for rel in entry["pages"]:
            assert f"(../{rel})" in page, f"no relative link to {rel} from about/changes.md"


def test_dates_are_written_out():
    assert changes.format_date("2026-11-30", "en") == "November 30, 2026"
    assert changes.format_date("2026-11-30", "es") == "30 de noviembre de 2026"
    assert changes.format_date(dt.date(2025, 1, 1), "es") == "1 de enero de 2025"


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_line_names_the_newest_date_and_links_the_page(language):
    newest = changes.entries()[0]
    line = changes.home_latest_markdown(language)
    assert changes.latest_change(language)["id"] == newest["id"]
    assert changes.format_date(newest["date"], language) in line
    assert "(about/changes.md)" in line
    assert line.startswith("[What changed" if language == "en" else "[Qué cambió")


@pytest.mark.parametrize("language", LANGUAGES)
def test_timeline_renders_its_entries_from_the_data(language):
    """Each timeline entry has a heading on the timeline page with the entry's id, followed by
    the marker that renders its body; no timeline entry is left out."""
    source = (content.DOCS / language / changes.TIMELINE_PAGE).read_text(encoding="utf-8")
    for item in changes.timeline_entries(language):
        heading = re.search(r"^### .+ \{#" + re.escape(item["id"]) + r"\}\s*$", source, re.MULTILINE)
        assert heading, f"docs/{language}/{changes.TIMELINE_PAGE}: no heading with id '{item['id']}'"
        marker = f"<!-- render: change {item['id']} -->"
        assert marker in source[heading.end():heading.end() + 200], \
            f"docs/{language}/{changes.TIMELINE_PAGE}: put `{marker}` under the heading {{#{item['id']}}}"
    ids = [item["id"] for item in changes.timeline_entries(language)]
    assert [item["date"] for item in changes.timeline_entries(language)] == \
        sorted(item["date"] for item in changes.timeline_entries(language)), "timeline entries run oldest first"
    assert ids


def test_markers_are_registered():
    from scripts import render

    for name in ("changes", "changes-latest", "changes-recent", "change"):
        assert name in render.RENDERERS
    assert render.marker_ids("changes") == [entry["id"] for entry in changes.entries()]
