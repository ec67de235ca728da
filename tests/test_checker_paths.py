"""Every path through "Check a document" (data/checker.yml), in both languages, against an
explicit table, so that a later edit cannot quietly reopen a path that was closed on
purpose: a judge-signed warrant ending at the subpoena outcome, "not sure" ending at a
definite label, an arrest warrant sharing the search warrant's outcome. Fast: reads the
data and the JSON the page embeds; no build, no browser."""

from __future__ import annotations

import pytest

from scripts import content, tools

# Answer sequence (court, judge, subpoena title or arrest, dates, place) -> outcome id.
EXPECTED = {
    ("unsure",): "result-not-shown",
    ("no", "yes"): "result-subpoena",
    ("no", "no"): "result-not-judicial",
    ("no", "unsure"): "result-not-shown",
    ("yes", "unsure"): "result-not-shown",
    ("yes", "no", "yes"): "result-subpoena",
    ("yes", "no", "no"): "result-not-judicial",
    ("yes", "no", "unsure"): "result-not-shown",
    ("yes", "yes", "yes"): "result-arrest-warrant",
    ("yes", "yes", "unsure"): "result-not-shown",
    ("yes", "yes", "no", "no"): "result-may-not-cover",
    ("yes", "yes", "no", "unsure"): "result-not-shown",
    ("yes", "yes", "no", "yes", "yes"): "result-covers",
    ("yes", "yes", "no", "yes", "no"): "result-may-not-cover",
    ("yes", "yes", "no", "yes", "unsure"): "result-not-shown",
}
# The questions each path passes through, in order (same keys as EXPECTED).
ASKED = {
    ("unsure",): ("court",),
    ("no", "yes"): ("court", "subpoena"),
    ("no", "no"): ("court", "subpoena"),
    ("no", "unsure"): ("court", "subpoena"),
    ("yes", "unsure"): ("court", "judge"),
    ("yes", "no", "yes"): ("court", "judge", "subpoena"),
    ("yes", "no", "no"): ("court", "judge", "subpoena"),
    ("yes", "no", "unsure"): ("court", "judge", "subpoena"),
    ("yes", "yes", "yes"): ("court", "judge", "arrest"),
    ("yes", "yes", "unsure"): ("court", "judge", "arrest"),
    ("yes", "yes", "no", "no"): ("court", "judge", "arrest", "dates"),
    ("yes", "yes", "no", "unsure"): ("court", "judge", "arrest", "dates"),
    ("yes", "yes", "no", "yes", "yes"): ("court", "judge", "arrest", "dates", "place"),
    ("yes", "yes", "no", "yes", "no"): ("court", "judge", "arrest", "dates", "place"),
    ("yes", "yes", "no", "yes", "unsure"): ("court", "judge", "arrest", "dates", "place"),
}
JUDICIAL = {"result-covers", "result-arrest-warrant", "result-may-not-cover"}


def walk(language: str) -> dict[tuple[str, ...], tuple[tuple[str, ...], str]]:
    """Every path through the checker as the page's JSON gives it in one language:
    answers -> (questions asked, outcome)."""
    data = tools.checker_json(language)
    questions, outcomes = data["questions"], data["outcomes"]
    found = {}

    def step(node: str, answers: tuple, asked: tuple):
        if node in outcomes:
            found[answers] = (asked, node)
            return
        assert node in questions, f"{language}: '{node}' is neither a question nor an outcome"
        question = questions[node]
        for said in ("yes", "no", "unsure"):
            target = question.get(said)
            if target is not None:
                step(target, answers + (said,), asked + (node,))

    step(data["start"], (), ())
    return found


@pytest.mark.parametrize("language", content.LANGUAGES)
def test_every_path_ends_where_the_table_says(language):
    paths = walk(language)
    table = {answers: outcome for answers, (_, outcome) in paths.items()}
    assert table == EXPECTED, "\n".join(
        f"{' > '.join(a)}: {table.get(a)} (expected {EXPECTED.get(a)})"
        for a in sorted(set(table) | set(EXPECTED)) if table.get(a) != EXPECTED.get(a))
    assert {answers: asked for answers, (asked, _) in paths.items()} == ASKED


def test_both_languages_have_the_same_paths():
    assert walk("en") == walk("es")


@pytest.mark.parametrize("language", content.LANGUAGES)
def test_every_question_offers_not_sure_and_every_outcome_is_reached(language):
    data = tools.checker_json(language)
    assert all(q["unsure"] for q in data["questions"].values())
    assert {outcome for _, outcome in walk(language).values()} == set(data["outcomes"])
    assert data["ui"]["answer_unsure"]


@pytest.mark.parametrize("language", content.LANGUAGES)
def test_a_judge_signed_paper_never_ends_at_the_subpoena_outcome(language):
    for answers, (asked, outcome) in walk(language).items():
        said = dict(zip(asked, answers))
        if said.get("court") == "yes" and said.get("judge") == "yes":
            assert outcome != "result-subpoena", answers
    # The court and the judge come before the subpoena question.
    order = [q["id"] for q in tools.checker_data()["questions"]]
    assert order.index("court") < order.index("judge") < order.index("subpoena")


@pytest.mark.parametrize("language", content.LANGUAGES)
def test_not_sure_never_reaches_a_definite_or_judicial_outcome(language):
    for answers, (_, outcome) in walk(language).items():
        if "unsure" in answers:
            assert outcome == "result-not-shown", answers
            assert outcome not in JUDICIAL


@pytest.mark.parametrize("language", content.LANGUAGES)
def test_judicial_outcomes_need_a_court_and_a_judge(language):
    for answers, (asked, outcome) in walk(language).items():
        if outcome in JUDICIAL:
            said = dict(zip(asked, answers))
            assert said["court"] == "yes" and said["judge"] == "yes", answers


def test_arrest_and_search_warrants_have_different_outcomes():
    assert EXPECTED[("yes", "yes", "yes")] == "result-arrest-warrant"
    assert EXPECTED[("yes", "yes", "no", "yes", "yes")] == "result-covers"


def test_questions_say_that_immigration_courts_and_dhs_headings_do_not_count():
    questions = {q["id"]: q for q in tools.checker_data()["questions"]}
    court_en, judge_en = questions["court"]["en"], questions["judge"]["en"]
    for word in ("DHS", "ICE", "CBP", "Border Patrol", "immigration court"):
        assert word in court_en, word
    for word in ("immigration judge", "administrative law judge"):
        assert word in judge_en, word
    court_es, judge_es = questions["court"]["es"], questions["judge"]["es"]
    for word in ("DHS", "ICE", "CBP", "Patrulla Fronteriza", "tribunal de inmigración"):
        assert word in court_es, word
    for word in ("juez de inmigración", "juez de derecho administrativo"):
        assert word in judge_es, word
    assert "Subpoena" in questions["subpoena"]["en"] and "Subpoena" in questions["subpoena"]["es"]


@pytest.mark.parametrize("language", content.LANGUAGES)
def test_wording_that_must_not_come_back(language):
    data = tools.checker_data()
    covers = next(o for o in data["outcomes"] if o["id"] == "result-covers")[language]
    if language == "en":
        assert "may ask to go with them" in covers and "goes with them" not in covers
    else:
        assert "puede pedir acompañarlos" in covers and "los acompaña" not in covers
    always = data["always"][language]
    words = {"en": ("block", "lie", "hide", "move", "lead them out"),
             "es": ("bloquee", "mienta", "esconda", "cambie de lugar", "saque")}[language]
    for word in words:
        assert word in always, word
