"""Patient pages are measured, not guessed: English at most grade 8 (Flesch-Kincaid),
Spanish at least 70 (Fernández-Huerta), so a later edit cannot quietly raise the level."""

import pytest

from scripts import content, readability

PAGES = [(lang, rel) for lang in content.LANGUAGES for rel in sorted(readability.patient_pages(lang))]


def test_patient_chapter_is_measured_in_both_languages():
    assert {lang for lang, _ in PAGES} == set(content.LANGUAGES)
    assert len(PAGES) >= 8


@pytest.mark.parametrize("lang,rel", PAGES)
def test_patient_page_reading_level(lang, rel):
    path = content.DOCS / lang / rel
    value = readability.score(path, lang)
    if lang == "en":
        assert value <= readability.MAX_ENGLISH_GRADE, (
            f"docs/en/{rel}: Flesch-Kincaid grade {value:.1f} is above "
            f"{readability.MAX_ENGLISH_GRADE}: use shorter sentences and shorter words")
    else:
        assert value >= readability.MIN_SPANISH_SCORE, (
            f"docs/es/{rel}: Fernández-Huerta {value:.1f} is below "
            f"{readability.MIN_SPANISH_SCORE}: use shorter sentences and shorter words")


def test_measurement_fails_on_hard_text(tmp_path):
    hard_en = tmp_path / "en.md"
    hard_en.write_text("---\ntitle: T\n---\n# T\n\nNotwithstanding the aforementioned jurisdictional "
                       "considerations, institutional administrators should contemporaneously "
                       "document interactions with governmental representatives exercising "
                       "investigative authority pursuant to statutory provisions.\n")
    hard_es = tmp_path / "es.md"
    hard_es.write_text("---\ntitle: T\n---\n# T\n\nNo obstante las consideraciones jurisdiccionales "
                       "anteriormente mencionadas, los administradores institucionales deberían "
                       "documentar contemporáneamente las interacciones con representantes "
                       "gubernamentales que ejercen facultades investigativas.\n")
    assert readability.score(hard_en, "en") > readability.MAX_ENGLISH_GRADE
    assert readability.score(hard_es, "es") < readability.MIN_SPANISH_SCORE


def test_plain_text_drops_markup_footnotes_and_sources():
    text = readability.plain_text(
        "---\ntitle: T\n---\n# Your rights\n\nYou can stay silent.[^a] See [the card](card.md#x).\n\n"
        '!!! note "Ask for help"\n    Call a lawyer.\n\n## Sources {#sources}\n\n[^a]: Long citation text.\n')
    assert text == "Your rights.\nYou can stay silent. See the card.\nAsk for help.\nCall a lawyer."


def test_hard_wrapped_lines_are_one_sentence():
    """A line break in the Markdown source does not end a sentence: a wrapped paragraph
    is measured as the sentences it holds, not as one sentence per source line."""
    wrapped = readability.plain_text(
        "---\ntitle: T\n---\n# T\n\nAgents may walk into any area the public can enter.\n"
        "To enter a private area, such as an\nexam room, they need a warrant\nsigned by a judge.\n")
    assert wrapped == ("T.\nAgents may walk into any area the public can enter. To enter a private "
                       "area, such as an exam room, they need a warrant signed by a judge.")


def test_list_items_headings_and_lead_ins_are_sentences():
    text = readability.plain_text(
        "---\ntitle: T\n---\n## Call for help {#help}\n\nBring these papers:\n\n"
        "- Your passport\n- Papers that show\n  where you live\n1. Stay calm\n")
    assert text.splitlines() == ["Call for help.", "Bring these papers.", "Your passport.",
                                 "Papers that show where you live.", "Stay calm."]


def test_wrapping_does_not_change_the_score(tmp_path):
    one_line = tmp_path / "one.md"
    wrapped = tmp_path / "wrapped.md"
    sentence = ("Immigration agents may enter the public areas of a clinic without a warrant, "
                "but they need a warrant signed by a judge or valid consent for private areas.")
    one_line.write_text(f"---\ntitle: T\n---\n# T\n\n{sentence}\n")
    wrapped.write_text("---\ntitle: T\n---\n# T\n\n" + sentence.replace(", ", ",\n") + "\n")
    assert readability.score(one_line, "en") == readability.score(wrapped, "en")


def test_abbreviations_do_not_end_sentences():
    text = readability.plain_text("---\ntitle: T\n---\nRead 8 U.S.C. § 1304(e) and 8 C.F.R. "
                                  "§ 287.8 in the U.S. today.\n")
    assert text.count(".") == 1
