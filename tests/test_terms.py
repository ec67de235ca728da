"""One Spanish term per concept, everywhere Spanish text comes from, and the language of
every passage marked on the built pages.

- The term check (scripts/translation.py `check_terms`) reads the Spanish pages, the
  Spanish values of the data files (keys `es` or `*_es`: glossary definitions, checker,
  builder, states, changes, source notes; never the glossary's `avoid_es` lists), the theme
  templates and the site's scripts. Each source of text has a broken fixture below.
- The language check (`unmarked_passages`) finds passages of the built pages that read
  as the other language and carry no `lang`; its heuristic is documented in
  scripts/translation.py.
"""

import textwrap
from pathlib import Path

from scripts import content, translation

META = "---\ntitle: T\ndescription: A description long enough to pass the length rule.\nlast_reviewed: 2026-01-05\n---\n"
GLOSSARY = {"terms": [
    {"id": "immigration-officer", "en": "immigration officer", "es": "funcionario de inmigración",
     "avoid_es": ["oficial de inmigración", "oficiales de inmigración"]},
    {"id": "exigent-circumstances", "en": "exigent circumstances", "es": "circunstancias apremiantes",
     "avoid_es": ["circunstancias urgentes"]},
    {"id": "judicial-warrant", "en": "judicial warrant", "es": "orden judicial",
     "avoid_es": ["orden de un juez"]},
    {"id": "court-order", "en": "court order", "es": "orden de un tribunal",
     "avoid_es": ["orden de un juez"]},
]}


def write(base: Path, rel: str, text: str) -> Path:
    path = base / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def found(tmp_path: Path, **dirs) -> list[str]:
    docs = tmp_path / "docs"
    (docs / "es").mkdir(parents=True, exist_ok=True)
    return [str(p) for p in translation.check_terms(docs, GLOSSARY, **dirs)]


def report(problems) -> str:
    return "\n" + "\n".join(str(p) for p in problems)


# --- The term check, one broken fixture per source of Spanish text ----------------------

def test_glossary_definition_is_checked_but_not_its_avoid_list(tmp_path):
    data = tmp_path / "data"
    write(data, "glossary.yml", """
        terms:
          - id: public-area
            en: public area
            es: área pública
            avoid_es: [oficiales de inmigración]
            definition_en: Officers may enter.
            definition_es: >-
              Parte del centro abierta al público. Los
              oficiales de inmigración pueden entrar.
        """)
    messages = found(tmp_path, data=data)
    assert len(messages) == 1, messages
    assert messages[0].endswith("glossary.yml:9: uses 'oficiales de inmigración'; the agreed term "
                                "is 'funcionario de inmigración' (data/glossary.yml)"), messages


def test_spanish_values_of_data_files_are_checked(tmp_path):
    data = tmp_path / "data"
    write(data, "checker.yml", """
        outcomes:
          - id: result-x
            title_en: Exigent circumstances
            title_es: Circunstancias urgentes
            en: The officer may enter.
            es: El oficial de inmigración puede entrar.
        """)
    write(data, "states/xx.yml", """
        rules:
          - step_note:
              en: needs a judge's order
              es: "exige una orden de un juez antes de entregar datos"
            requires:
              - en: quoted
                es: 'Diga: "la orden de un juez" no basta.'
        """)
    write(data, "sources/mine.yml", """
        some-key:
          title: "An English title with oficial de inmigración is a proper name"
          note:
            en: Scanned copy.
            es: Copia escaneada; lo firmó un oficial de inmigración.
        """)
    messages = found(tmp_path, data=data)
    assert len(messages) == 4, messages
    assert any("checker.yml:4: uses 'circunstancias urgentes'" in m for m in messages), messages
    assert any("checker.yml:6: uses 'oficial de inmigración'" in m for m in messages), messages
    assert any("states/xx.yml:4: uses 'orden de un juez'; the agreed term is 'orden judicial' "
               "(judicial warrant) or 'orden de un tribunal' (court order), whichever is meant"
               in m for m in messages), messages
    assert any("sources/mine.yml:5: uses 'oficial de inmigración'" in m for m in messages), messages


def test_template_strings_are_checked(tmp_path):
    templates = tmp_path / "overrides"
    write(templates, "main.html", """
        {#- a comment may name circunstancias urgentes -#}
        <p>{{ 'Un oficial de inmigración puede venir' if es else 'An officer may come' }}</p>
        <p>{{ 'Dicen «circunstancias urgentes» en la radio' if es else '' }}</p>
        """)
    messages = found(tmp_path, templates=templates)
    assert len(messages) == 1, messages
    assert messages[0].endswith("main.html:2: uses 'oficial de inmigración'; the agreed term is "
                                "'funcionario de inmigración' (data/glossary.yml)")


def test_script_strings_are_checked(tmp_path):
    scripts = tmp_path / "js"
    write(scripts, "tool.js", """
        /* circunstancias urgentes in a comment is not shown to readers */
        var label = { en: "Exigent circumstances", es: "Circunstancias urgentes" };
        var ok = "circunstancias apremiantes";
        """)
    messages = found(tmp_path, javascripts=scripts)
    assert len(messages) == 1, messages
    assert messages[0].endswith("tool.js:2: uses 'circunstancias urgentes'; the agreed term is "
                                "'circunstancias apremiantes' (data/glossary.yml)")


def test_pages_keep_quoted_speech_exempt(tmp_path):
    write(tmp_path, "docs/es/p.md", META + '# T\n\nUn oficial de inmigración llega.\n\n'
          'El cartel dice "oficial de inmigración" y «orden de un juez».\n')
    messages = found(tmp_path)
    assert len(messages) == 1 and messages[0].endswith(
        "es/p.md:8: uses 'oficial de inmigración'; the agreed term is 'funcionario de inmigración' "
        "(data/glossary.yml)"), messages


def test_every_source_of_spanish_text_is_covered():
    files = {p.relative_to(content.ROOT).as_posix() for p in translation.spanish_text_sources()}
    for expected in ("data/glossary.yml", "data/checker.yml", "data/builder.yml",
                     "data/changes.yml", "data/states/ca.yml", "data/sources/federal-law.yml",
                     "overrides/main.html", "overrides/404.html",
                     "docs/assets/javascripts/checker.js", "docs/es/index.md"):
        assert expected in files, expected


def test_all_spanish_text_uses_the_agreed_terms():
    problems = translation.check_terms()
    assert not problems, report(problems)


def test_glossary_records_one_term_per_concept():
    terms = {t["id"]: t for t in content.load_data("glossary.yml")["terms"]}
    required = {
        "immigration-officer": ("funcionario de inmigración", ["oficial de inmigración", "oficiales de inmigración"]),
        "exigent-circumstances": ("circunstancias apremiantes", ["circunstancias urgentes", "circunstancias exigentes"]),
        "removal-order": ("orden de deportación definitiva", ["orden final de deportación",
                          "orden administrativa final de deportación", "orden de expulsión", "orden de remoción"]),
        "court-order": ("orden de un tribunal", ["orden de un juez"]),
        "lobby": ("vestíbulo", []),
        "exam-room": ("consultorio", ["sala de examen", "salas de examen", "cuarto de examen"]),
        "lawyer": ("abogado(a)", ["abogado o abogada"]),
        "legal-permanent-resident": ("residente permanente legal (green card)", []),
    }
    for term_id, (spanish, avoid) in required.items():
        assert term_id in terms, f"data/glossary.yml has no term '{term_id}'"
        assert terms[term_id]["es"] == spanish, term_id
        missing = set(avoid) - set(terms[term_id].get("avoid_es") or [])
        assert not missing, f"{term_id}: avoid_es lacks {sorted(missing)}"


# --- Language of parts on the built pages ----------------------------------------------

def page(body: str, lang: str = "es") -> str:
    return (f'<!doctype html><html lang="{lang}"><body><nav><p>Skip to the content of this '
            f'page and read it now</p></nav><article class="md-content__inner md-typeset">'
            f"{body}</article></body></html>")


def test_unmarked_english_on_a_spanish_page_is_found():
    html = page(
        "<h2>Formulario I-200, Warrant for Arrest of Alien and the rest of it</h2>"
        "<p>Please wait here. I am calling the person who handles this.</p>"
        '<p><span lang="en">Please wait here. I am calling the person who handles this.</span></p>'
        '<p lang="en">I do not consent to this entry or search, officer.</p>'
        '<p>El memorando "Protected Areas: Guidance for the Enforcement of the Law" se retiró el 20 de '
        "enero de 2025 y ya no se aplica en los hospitales de la ciudad.</p>"
        '<p>El memorando <span lang="en">"Guidance for the Enforcement of the Law"</span> se retiró.</p>'
        "<ul><li>Lea la <em>Notice of the Rights of the Person in Custody</em> con calma y pida una "
        "copia de la notificación para su expediente.</li></ul>"
        "<p>Según <code>the code of the site is not text at all</code>, nada.</p>")
    found = translation.unmarked_passages(html, "es", "es/p/index.html")
    texts = [(p.kind, p.text) for p in found]
    assert texts == [
        ("h2", "Formulario I-200, Warrant for Arrest of Alien and the rest of it"),
        ("p", "Please wait here. I am calling the person who handles this."),
        ("quote in p", "Protected Areas: Guidance for the Enforcement of the Law"),
        ("quote in li", "Notice of the Rights of the Person in Custody"),
    ], texts


def test_spanish_with_names_and_citations_is_not_flagged():
    html = page(
        "<p>El Department of Health and Human Services publicó la norma en el sitio "
        "https://www.hhs.gov/about/of-the-site/for-the-people y la citó como 45 C.F.R. § 164.512(f).</p>"
        "<p>Según 8 U.S.C. § 1357 y 8 C.F.R. § 287.8(f)(2), los funcionarios pueden entrar.</p>"
        "<td>Formulario I-200 (arresto); formulario I-205 (deportación)</td>"
        "<p>ICE, CBP, DHS, HHS: <abbr title='x'>HIPAA</abbr>.</p>")
    assert translation.unmarked_passages(html, "es") == []


def test_unmarked_spanish_on_an_english_page_is_found():
    html = page(
        "<p>Say: “I want to stay silent.” In Spanish: «Quiero guardar silencio y hablar con un abogado»</p>"
        "<p>Tengo derecho a guardar silencio. No doy permiso para que me registren.</p>"
        '<p lang="es">Tengo derecho a guardar silencio. No doy permiso para que me registren.</p>'
        "<p>The Ley de Confidencialidad de la Información Médica protects the records of patients.</p>",
        lang="en")
    texts = [(p.kind, p.text) for p in translation.unmarked_passages(html, "en")]
    assert texts == [
        ("quote in p", "Quiero guardar silencio y hablar con un abogado"),
        ("p", "Tengo derecho a guardar silencio. No doy permiso para que me registren."),
    ], texts


def test_built_pages_mark_every_passage_in_the_other_language(site):
    found = translation.unmarked_passages_in_site(site)
    assert not found, "\nPassages that read as the other language and carry no lang " \
        '(wrap them in <span lang="en">…</span> on Spanish pages, lang="es" on English ones):\n' \
        + "\n".join(f"{p.page} [{p.kind}]: {p.text[:200]}" for p in found)
