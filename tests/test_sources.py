"""Rules for the Markdown sources (no build needed). Each failure lists every offending
file and line, in the same words `python -m scripts check` uses."""

from scripts import content, translation


def report(problems) -> str:
    return "\n" + "\n".join(str(p) for p in problems)


def test_every_page_has_its_translation():
    problems = content.check_translation_pairs()
    assert not problems, report(problems)


def test_both_languages_have_pages():
    assert content.pages("en") and content.pages("es")
    assert "index.md" in content.pages("en") and "about/index.md" in content.pages("en")


def test_front_matter_is_complete_and_valid():
    problems = [p for lang in content.LANGUAGES for path in content.pages(lang).values()
                for p in content.check_front_matter(path)]
    assert not problems, report(problems)


def test_every_heading_has_an_explicit_id():
    problems = [p for lang in content.LANGUAGES for path in content.pages(lang).values()
                for p in content.check_heading_ids(path)]
    assert not problems, report(problems)


def test_front_matter_title_matches_the_h1():
    problems = [p for lang in content.LANGUAGES for path in content.pages(lang).values()
                for p in content.check_title_matches_h1(path)]
    assert not problems, report(problems)


def test_every_page_has_a_sources_section():
    problems = [p for lang in content.LANGUAGES for path in content.pages(lang).values()
                for p in content.check_sources_section(path)]
    assert not problems, report(problems)


def test_both_languages_have_the_same_headings():
    english, spanish = content.pages("en"), content.pages("es")
    problems = [p for rel in sorted(set(english) & set(spanish))
                for p in content.check_structure_parity(english[rel], spanish[rel])]
    assert not problems, report(problems)


def test_spanish_pages_use_the_agreed_terms():
    problems = translation.check_terms()
    assert not problems, report(problems)


def test_spanish_pages_translate_the_current_english():
    problems = translation.check_freshness()
    assert not problems, report(problems)


def test_glossary_entries_are_complete():
    data = content.load_data("glossary.yml")
    ids = [term["id"] for term in data["terms"]]
    assert len(ids) == len(set(ids)), "duplicate glossary ids"
    for term in data["terms"]:
        assert content.ID_RE.match(term["id"]), term["id"]
        assert term.get("en") and term.get("es"), term["id"]
        for avoid in term.get("avoid_es") or []:
            assert avoid.casefold() != term["es"].casefold(), term["id"]
