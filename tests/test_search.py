"""Search answers the questions people type, in their language.

The quiz: questions typed into the real search box in Chromium, written the way people
ask (whole questions, colloquial words, no accents, a few typos), each with the pages
that answer it. A question is found when one of its pages is among the first three
results; each language must find at least 90%. The misses are printed.

To add a question, append `("what people type", {"chapter/page.md", ...})` to QUIZ
below: name the pages by topic (any of them counts), not by today's wording.
"""

from __future__ import annotations

import json
import re

import pytest

from scripts import content, search

PASS_RATE = 0.9
TOP = 3

QUIZ = {
    "en": [
        ("what do i do when ice shows up at the clinic",
         {"protocols/during.md", "index.md", "protocols/checklists/front-desk.md"}),
        ("ice agents at the front desk what do i say",
         {"protocols/checklists/front-desk.md", "protocols/during.md"}),
        ("can ice come into the exam room",
         {"warrants/judicial.md", "rights/index.md", "protocols/during.md", "index.md",
          "protocols/private-area-sign.md"}),
        ("do i have to let the agents in",
         {"rights/index.md", "protocols/during.md", "warrants/judicial.md", "index.md"}),
        ("how do i know if a warrant is real",
         {"warrants/check.md", "warrants/judicial.md", "warrants/compare.md"}),
        ("warrant signed by a judge",
         {"warrants/judicial.md", "warrants/check.md", "warrants/compare.md"}),
        ("difference between judicial and administrative warrant",
         {"warrants/compare.md", "warrants/administrative.md", "warrants/judicial.md"}),
        ("what is form i-205", {"warrants/administrative.md"}),
        ("ice administrative warrant", {"warrants/administrative.md", "warrants/compare.md"}),
        ("agents have no warrant",
         {"warrants/other-situations.md", "protocols/during.md", "rights/index.md"}),
        ("agents say its an emergency", {"warrants/other-situations.md"}),
        ("patient in ice custody in the ER",
         {"warrants/other-situations.md", "rights/emergency-care.md"}),
        ("do we have to treat undocumented patients in the ER",
         {"rights/emergency-care.md", "know-your-rights/index.md"}),
        ("emtala immigration status", {"rights/emergency-care.md"}),
        ("can i get deported if i go to the hospital",
         {"know-your-rights/index.md", "rights/emergency-care.md",
          "know-your-rights/if-agents-approach.md"}),
        ("does medicaid affect green card", {"know-your-rights/public-charge.md"}),
        ("public charge rule", {"know-your-rights/public-charge.md"}),
        ("will food stamps hurt my green card", {"know-your-rights/public-charge.md"}),
        ("agents asking for a patient list", {"records/requests.md", "records/index.md"}),
        ("can we give patient records to ice", {"records/index.md", "records/requests.md"}),
        ("hipaa and immigration agents", {"records/index.md", "records/requests.md"}),
        ("subpoena for medical records",
         {"records/requests.md", "records/index.md", "warrants/administrative.md"}),
        ("should we ask patients about immigration status",
         {"records/immigration-status.md", "rights/patient-trust.md"}),
        ("is medicaid sharing data with ice", {"records/data-sharing.md"}),
        ("what if agents stop me on the street", {"know-your-rights/if-agents-approach.md"}),
        ("right to remain silent",
         {"know-your-rights/if-agents-approach.md", "know-your-rights/wallet-card.md"}),
        ("dont sign anything",
         {"know-your-rights/if-agents-approach.md", "know-your-rights/wallet-card.md"}),
        ("who takes care of my kids if im detained", {"know-your-rights/family-plan.md"}),
        ("family emergency plan", {"know-your-rights/family-plan.md"}),
        ("know your rights card to print",
         {"know-your-rights/wallet-card.md", "know-your-rights/wallet-card-sheet.md"}),
        ("poster for the waiting room", {"know-your-rights/poster.md"}),
        ("sign for private areas", {"protocols/private-area-sign.md"}),
        ("how to prepare our clinic for a raid", {"protocols/before.md", "protocols/index.md"}),
        ("what to do after ice leaves", {"protocols/after.md"}),
        ("form to write down what happened",
         {"protocols/documentation-form.md", "protocols/after.md"}),
        ("model policy for hospitals", {"protocols/model-policy.md"}),
        ("training excercise for staff", {"protocols/training-drill.md"}),
        ("checklist for nurses", {"protocols/checklists/clinicians.md"}),
        ("security guard what to do", {"protocols/checklists/security.md"}),
        ("california law immigration hospitals", {"states/california.md"}),
        ("texas hospitals ask immigration status",
         {"states/texas.md", "records/immigration-status.md"}),
        ("patients are scared to come to the clinic",
         {"rights/patient-trust.md", "context/effects-on-care.md", "protocols/before.md"}),
        ("can i get in trouble for hiding a patient", {"rights/index.md", "protocols/during.md"}),
        ("find a lawyer for a patient",
         {"resources/organizations.md", "know-your-rights/if-agents-approach.md",
          "know-your-rights/family-plan.md"}),
        ("judical warrent", {"warrants/judicial.md", "warrants/check.md", "warrants/compare.md"}),
        ("local police asking about immigration", {"warrants/other-situations.md"}),
        ("make our own protocol", {"protocols/build.md", "protocols/model-policy.md"}),
    ],
    "es": [
        ("que hago si llega la migra",
         {"protocols/during.md", "know-your-rights/if-agents-approach.md", "index.md"}),
        ("llego la migra a la clinica",
         {"protocols/during.md", "index.md", "protocols/checklists/front-desk.md"}),
        ("orden firmada por un juez",
         {"warrants/judicial.md", "warrants/check.md", "warrants/compare.md"}),
        ("como se si la orden es valida", {"warrants/check.md", "warrants/judicial.md"}),
        ("diferencia entre orden judicial y administrativa",
         {"warrants/compare.md", "warrants/administrative.md", "warrants/judicial.md"}),
        ("pueden entrar al cuarto del paciente",
         {"warrants/judicial.md", "rights/index.md", "protocols/during.md", "index.md",
          "protocols/private-area-sign.md"}),
        ("tengo que dejar entrar a los agentes",
         {"rights/index.md", "protocols/during.md", "index.md", "warrants/judicial.md"}),
        ("no firme nada",
         {"know-your-rights/if-agents-approach.md", "know-your-rights/wallet-card.md"}),
        ("me pueden deportar si voy al hospital",
         {"know-your-rights/index.md", "rights/emergency-care.md"}),
        ("medicaid y la green card", {"know-your-rights/public-charge.md"}),
        ("carga publica", {"know-your-rights/public-charge.md"}),
        ("si uso cupones de comida pierdo la residencia", {"know-your-rights/public-charge.md"}),
        ("tarjeta verde y beneficios", {"know-your-rights/public-charge.md"}),
        ("sala de emergencias sin papeles",
         {"rights/emergency-care.md", "know-your-rights/index.md"}),
        ("paciente detenido por ice en urgencias",
         {"warrants/other-situations.md", "rights/emergency-care.md"}),
        ("piden la lista de pacientes", {"records/requests.md", "records/index.md"}),
        ("pueden ver los expedientes medicos", {"records/index.md", "records/requests.md"}),
        ("hipaa y la migra", {"records/index.md", "records/requests.md"}),
        ("citatorio de inmigracion", {"records/requests.md", "warrants/administrative.md"}),
        ("preguntar el estatus migratorio a los pacientes",
         {"records/immigration-status.md", "rights/patient-trust.md"}),
        ("medicaid comparte datos con ice", {"records/data-sharing.md"}),
        ("derecho a guardar silencio",
         {"know-your-rights/if-agents-approach.md", "know-your-rights/wallet-card.md"}),
        ("que hago si me para la migra en la calle", {"know-your-rights/if-agents-approach.md"}),
        ("quien cuida a mis hijos si me detienen", {"know-your-rights/family-plan.md"}),
        ("plan familiar", {"know-your-rights/family-plan.md"}),
        ("tarjeta de derechos para imprimir",
         {"know-your-rights/wallet-card.md", "know-your-rights/wallet-card-sheet.md"}),
        ("cartel para la sala de espera", {"know-your-rights/poster.md"}),
        ("letrero area privada", {"protocols/private-area-sign.md"}),
        ("como preparar la clinica", {"protocols/before.md", "protocols/index.md"}),
        ("que hacer despues de que se van los agentes", {"protocols/after.md"}),
        ("formulario para anotar lo que paso",
         {"protocols/documentation-form.md", "protocols/after.md"}),
        ("politica modelo", {"protocols/model-policy.md"}),
        ("simulacro de entrenamiento", {"protocols/training-drill.md"}),
        ("lista para enfermeras", {"protocols/checklists/clinicians.md"}),
        ("guardia de seguridad que hago", {"protocols/checklists/security.md"}),
        ("recepcion que decir a los agentes",
         {"protocols/checklists/front-desk.md", "protocols/during.md"}),
        ("ley de california hospitales", {"states/california.md"}),
        ("los pacientes tienen miedo de venir",
         {"rights/patient-trust.md", "context/effects-on-care.md"}),
        ("buscar un abogado",
         {"resources/organizations.md", "know-your-rights/if-agents-approach.md",
          "know-your-rights/family-plan.md"}),
        ("ordne judicail", {"warrants/judicial.md", "warrants/check.md", "warrants/compare.md"}),
        ("policia local pregunta por inmigracion", {"warrants/other-situations.md"}),
        ("formulario i-205", {"warrants/administrative.md"}),
        ("atencion de emergencia para todos", {"rights/emergency-care.md"}),
        ("me pueden arrestar por esconder a un paciente",
         {"rights/index.md", "protocols/during.md"}),
        ("crear el protocolo de mi centro", {"protocols/build.md", "protocols/model-policy.md"}),
        ("que es emtala", {"rights/emergency-care.md"}),
    ],
}

# Counts the search worker's queries and answers, so a question's results are read only
# once the answer to its last keystroke is on screen (never after a fixed delay).
WATCH_WORKER = """(() => {
  const Real = window.Worker;
  window.__quiz = {asked: 0, answered: 0, query: null, last: []};
  window.Worker = function (url, options) {
    const worker = new Real(url, options);
    const post = worker.postMessage.bind(worker);
    worker.postMessage = message => {
      if (message && message.type === 2) {
        window.__quiz.asked++;
        window.__quiz.query = message.data;
      }
      post(message);
    };
    worker.addEventListener("message", event => {
      if (event.data && event.data.type === 3) {
        window.__quiz.last = event.data.data.items.map(group => group[0].location);
        window.__quiz.answered++;
      }
    });
    return worker;
  };
})();"""

# The page of each result on screen, best first (a result lists the page, then sections).
RESULT_PAGES = """() => [...document.querySelectorAll(".md-search-result__list > .md-search-result__item")]
    .map(item => item.querySelector(":scope > a").href.split(/[?#]/)[0])"""

# The answer to the whole question is rendered: the question was asked, every query is
# answered, and the list on screen starts with the pages of the latest answer.
ANSWER_RENDERED = """question => {
  const quiz = window.__quiz;
  if (quiz.query !== question || quiz.asked !== quiz.answered) return false;
  const links = (%s)();
  if (!quiz.last.length) return links.length === 0;
  if (links.length < Math.min(quiz.last.length, %d)) return false;
  const base = JSON.parse(document.getElementById("__config").textContent).base;
  const root = new URL(base, location.href);
  return quiz.last.slice(0, %d).every((location, i) =>
      links[i] === new URL(location.split("#")[0], root).href);
}""" % (RESULT_PAGES, TOP, TOP)


def page_url(base: str, language: str, page: str) -> str:
    prefix = "" if language == content.DEFAULT_LANGUAGE else f"{language}/"
    return base + prefix + content.site_path(page)


def test_quiz_has_enough_questions_on_pages_that_exist():
    for language, questions in QUIZ.items():
        assert len(questions) >= 40, f"{language}: {len(questions)} questions, 40 needed"
        pages = content.pages(language)
        for question, expected in questions:
            assert expected and expected <= set(pages), f"{language}: {question!r} names " \
                f"pages that do not exist: {sorted(expected - set(pages))}"


def test_search_data_names_real_pages():
    problems = search.check()
    assert not problems, "\n".join(map(str, problems))


def test_synonyms_reach_the_index_but_never_the_page(site):
    """The words people use are in each language's index (hidden field), not in pages."""
    for language in content.LANGUAGES:
        index = json.loads((site / "search" / f"search_index.{language}.json").read_text())
        assert any(search.FIELD in doc for doc in index["docs"]), language
        assert index["config"]["fields"].get(search.FIELD), "mkdocs.yml: plugins.search.fields"
    html = (site / "es" / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"<script\b.*?</script>|<[^>]+>", " ", html, flags=re.DOTALL)
    assert "la migra" not in text.lower()


def test_reference_pages_rank_below_answers(site):
    """Boosts from data/search.yml reach the index, reference pages below 1."""
    index = json.loads((site / "search" / "search_index.en.json").read_text())
    boosts = {doc["location"].split("#")[0]: doc.get("boost", 1) for doc in index["docs"]}
    assert boosts["resources/glossary/"] < 1 < boosts["warrants/judicial/"]
    assert boosts["context/timeline/"] < 1 < boosts["protocols/during/"]


@pytest.mark.browser
@pytest.mark.parametrize("language", content.LANGUAGES)
def test_quiz(built, visit, language):
    record = visit()
    page = record.page
    page.add_init_script(WATCH_WORKER)
    prefix = "" if language == content.DEFAULT_LANGUAGE else f"{language}/"
    page.goto(built.url + prefix, wait_until="load")
    box = page.locator("input.md-search__input")
    box.click()
    misses, found = [], 0
    for question, expected in QUIZ[language]:
        box.press("Control+A")            # clear the box the way a reader does
        box.press("Backspace")
        # The words before the last arrive at once (as a paste or a phone's word
        # suggestion would); the last word is typed key by key, so the results go
        # through every prefix of it, as they do while a reader types.
        head, _, last = question.rpartition(" ")
        if head:
            page.keyboard.insert_text(head + " ")
        page.keyboard.type(last)
        page.wait_for_function(ANSWER_RENDERED, arg=question, timeout=15000)
        top = page.evaluate(RESULT_PAGES)[:TOP]
        wanted = {page_url(built.url, language, p) for p in expected}
        if wanted & set(top):
            found += 1
        else:
            shown = [u.removeprefix(built.url) or "/" for u in top]
            misses.append(f"  {question!r}: expected one of {sorted(expected)}, got {shown}")
    total = len(QUIZ[language])
    report = f"{language}: {found}/{total} found in the top {TOP}" + (
        "\n" + "\n".join(misses) if misses else "")
    print(report)
    assert not record.errors, record.errors
    assert found >= PASS_RATE * total, report
