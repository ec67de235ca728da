"""The state layer (data/states/, scripts/states.py): complete data in both languages,
sources from the registry, pages and nav written from the data, notes at the steps, and
rules due for a new check flagged on the status page."""

import datetime as dt
import textwrap

import pytest
import yaml

from scripts import content, render, sitecheck, sources, states

CA = """
code: CA
name: {en: California, es: California}
checked: 2026-11-30
summary: {en: California has a rule., es: California tiene una norma.}
rules:
  - id: ca-records
    kind: law
    citation: Cal. Civ. Code § 1
    title: {en: Patient information, es: Información de pacientes}
    effective: 2026-01-01
    covers: {en: Clinics, es: Clínicas}
    requires: [{en: A policy, es: Una política}]
    topics: [records]
    step_note: {en: a court order is needed., es: se necesita una orden.}
    sources: [usc-18-111]
    checked: 2026-11-30
"""
WY = "code: WY\nname: {en: Wyoming, es: Wyoming}\nchecked: 2026-11-30\nrules: []\n"


@pytest.fixture
def fixture_states(tmp_path, monkeypatch):
    folder = tmp_path / "states"
    folder.mkdir()
    (folder / "ca.yml").write_text(textwrap.dedent(CA).lstrip(), encoding="utf-8")
    (folder / "wy.yml").write_text(WY, encoding="utf-8")
    monkeypatch.setattr(states, "STATES", folder)
    return folder


def messages(problems):
    return [str(p) for p in problems]


# --- The real data --------------------------------------------------------------------

def test_state_data_is_complete_and_has_its_pages():
    problems = states.check()
    assert not problems, "\n" + "\n".join(messages(problems))


def test_every_state_and_dc_has_a_file():
    codes = {s["code"] for s in states.load()}
    missing = sorted(set(ALL_CODES) - codes)
    assert not missing, f"no data/states/<code>.yml for {missing}: write one (rules: [] if none found)"
    assert len(codes) == 51


def test_every_state_source_is_in_the_registry():
    registry = sources.load()[0]
    unknown = [(s["code"], key) for s in states.load() for r in s["rules"]
               for key in (r.get("sources") or []) + (r.get("guidance") or []) if key not in registry]
    assert not unknown, unknown


def test_nav_lists_the_state_pages_the_data_calls_for():
    assert states.nav_in_config() == states.nav_pages(), "run `python -m scripts states`"


def test_key_states_are_covered():
    covered = {s["code"] for s in states.load() if s["rules"]}
    assert {"CA", "IL", "FL", "TX"} <= covered, covered


# --- Rules fail on fixtures -----------------------------------------------------------

def test_a_rule_missing_fields_or_a_language_is_named(fixture_states, tmp_path):
    broken = CA.replace("    citation: Cal. Civ. Code § 1\n", "").replace(
        "step_note: {en: a court order is needed., es: se necesita una orden.}", "step_note: {en: only English}")
    (fixture_states / "ca.yml").write_text(textwrap.dedent(broken).lstrip(), encoding="utf-8")
    found = messages(states.check(docs=tmp_path / "docs"))
    assert any("ca.yml:6: rule 'ca-records' lacks 'citation'" in m for m in found), found
    assert any("rule 'ca-records': 'step_note' needs 'en' and 'es'" in m for m in found), found
    assert any("California has rules but no page docs/en/states/california.md" in m for m in found), found


def test_a_bad_topic_and_a_bad_code_are_named(fixture_states, tmp_path):
    (fixture_states / "ca.yml").write_text(textwrap.dedent(CA).lstrip().replace("topics: [records]", "topics: [parking]"),
                                           encoding="utf-8")
    (fixture_states / "wy.yml").write_text(WY.replace("code: WY", "code: XX"), encoding="utf-8")
    found = messages(states.check(docs=tmp_path / "docs"))
    assert any("topic 'parking' is not one of" in m for m in found), found
    assert any("wy.yml:1: 'code' must be the two-letter code" in m for m in found), found


# --- Rendering -----------------------------------------------------------------------

def test_notes_at_a_step_link_the_rule_and_cite_its_source(fixture_states):
    note = states.state_notes_markdown("en", "records", "protocols/during.md")
    assert note.startswith('!!! note "State rules at this step"')
    assert "- **In California:** a court order is needed. [See the rule](../states/california.md#ca-records).[^usc-18-111]" in note
    assert "[State rules](../states/index.md)" in note
    assert "California" not in states.state_notes_markdown("en", "entry", "protocols/during.md")
    es = states.state_notes_markdown("es", "records", "records/index.md")
    assert "- **En California:** se necesita una orden. [Vea la norma](../states/california.md#ca-records)." in es


def test_short_notes_on_printed_checklists_and_repeated_steps(fixture_states):
    # A second note for the same step on a page, and any note on a page with a print
    # budget, is one line: the states, each linked to its rule.
    again = states.state_notes_markdown("en", "records", "records/index.md", occurrence=1)
    assert again == ("**State rules at this step:** [California](../states/california.md#ca-records). "
                     "Other states: see [State rules](../states/index.md).\n")
    printed = states.state_notes_markdown("es", "records", "protocols/checklists/responder.md")
    assert printed.startswith("**Normas estatales en este paso:** [California](../../states/california.md#ca-records).")


def test_unknown_topic_is_an_error(fixture_states):
    with pytest.raises(ValueError, match="state-notes needs a topic"):
        states.state_notes_markdown("en", "parking")


def test_state_page_shows_citation_duties_and_date_checked(fixture_states):
    page = states.state_page_markdown("es", "CA")
    assert "## Información de pacientes {#ca-records}" in page
    assert "**Cita:** <span lang=\"en\">Cal. Civ. Code § 1</span>[^usc-18-111]" in page
    assert "- Una política" in page
    assert "**Verificada con el texto aprobado el:** 30 de noviembre de 2026" in page


def test_index_and_other_states_say_none_found_with_the_date(fixture_states):
    index = states.states_index_markdown("en")
    assert "| [California](california.md) | [Patient information](california.md#ca-records) |" in index
    assert "| Wyoming | No state rule found as of November 30, 2026 |" in index
    assert "**Wyoming:** No state rule found as of November 30, 2026." in states.other_states_markdown("en")


def test_rules_older_than_the_review_period_are_flagged(fixture_states):
    (fixture_states / "ca.yml").write_text(textwrap.dedent(CA).lstrip().replace(
        "    checked: 2026-11-30\n", "    checked: 2026-01-15\n"), encoding="utf-8")
    stale = states.stale_rules(today=dt.date(2026, 11, 30))
    assert [rule["id"] for _, rule in stale] == ["ca-records"]
    assert states.stale_rules(today=dt.date(2026, 7, 10)) == []
    table = states.state_review_markdown("en")
    assert "[Patient information](../states/california.md#ca-records)" in table


def test_builder_data_has_every_state_with_its_rules(fixture_states):
    data = states.builder_json("es")
    assert [s["code"] for s in data] == ["CA", "WY"]
    assert data[0]["rules"][0]["requires"] == ["Una política"]
    assert data[1]["rules"] == []


ALL_CODES = ("AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO "
             "MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY").split()


# --- In the built site -------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("language", content.LANGUAGES)
def test_builder_adds_the_chosen_states_rules_and_nothing_by_default(built, visit, language):
    from scripts import tools

    record = visit()
    page = record.page
    prefix = "" if language == "en" else "es/"
    page.goto(built.url + prefix + "protocols/build/", wait_until="load")
    protocol = page.locator("#protocol")
    protocol.locator(".guide-protocol__part").first.wait_for()
    assert page.input_value("#builder-state") == "", "no state is chosen by default"
    assert protocol.locator(".guide-protocol__state").count() == 0
    options = page.locator("#builder-state option").evaluate_all("nodes => nodes.map(n => n.value)")
    assert len([o for o in options if o]) == 51
    chosen = next(s for s in states.builder_json(language) if s["code"] == "CA")
    page.select_option("#builder-state", "CA")
    box = protocol.locator(".guide-protocol__state")
    box.wait_for()
    text = box.inner_text()
    words = tools.builder_data()["protocol"][language]
    assert words["state_title"].replace("{state}", chosen["name"]) in text
    for rule in chosen["rules"]:
        assert rule["title"] in text and rule["citation"] in text and rule["checked"] in text
        for duty in rule["requires"]:
            assert duty in text
    # A state with no rule says so, with the date it was searched.
    empty = next(s for s in states.builder_json(language) if not s["rules"])
    page.select_option("#builder-state", empty["code"])
    page.wait_for_function("name => document.querySelector('.guide-protocol__state').textContent.includes(name)",
                           arg=empty["name"])
    expected = words["state_none"].replace("{state}", empty["name"]).replace("{date}", empty["checked"])
    assert expected in box.inner_text()
    assert not record.errors, record.errors


def test_state_notes_render_on_the_pages_that_carry_them(site):
    for language in content.LANGUAGES:
        prefix = "es/" if language == "es" else ""
        for rel, path in content.pages(language).items():
            topics = [arg for name, arg in render.markers(path.read_text(encoding="utf-8"))
                      if name == "state-notes"]
            if not topics:
                continue
            html_path = site / prefix / content.site_path(rel) / "index.html"
            article = sitecheck.soup(html_path).find("article").get_text()
            title = states.WORDS[language]["note_title"]
            assert article.count(title) == len(topics), f"{language}/{rel}"
