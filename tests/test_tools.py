"""The two interactive tools: "Check a document" (warrants/check/) and "Build your
facility's protocol" (protocols/build/). Source tests check the data they are built from
(data/checker.yml, data/builder.yml, the during and sign pages); browser tests walk them
in Chromium, with and without JavaScript, and print them."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin, urlparse

import pytest

from scripts import content, pdf, sitecheck, tools, translation
from tests.conftest import assert_no_axe_violations

OUTCOME_FRAGMENTS = {"result-not-judicial", "result-may-not-cover", "result-covers", "result-subpoena",
                     "result-arrest-warrant", "result-not-shown"}


def full_url(built, lang: str, path: str) -> str:
    return built.url + ("es/" if lang == "es" else "") + path


def checker_paths() -> list[tuple[list[str], str]]:
    """Every path through the checker: the answers given ("yes"/"no"/"unsure") and the
    outcome. The table of every path is asserted in tests/test_checker_paths.py."""
    data = tools.checker_data()
    questions = {q["id"]: q for q in data["questions"]}
    found = []

    def walk(node: str, answers: list[str]):
        if node not in questions:
            found.append((answers, node))
            return
        walk(questions[node]["on_yes"], answers + ["yes"])
        walk(questions[node]["on_no"], answers + ["no"])
        if questions[node].get("on_unsure"):
            walk(questions[node]["on_unsure"], answers + ["unsure"])

    walk(data["start"], [])
    return found


def spanish_strings(value) -> list[str]:
    """Every Spanish text in a data file (keys es, title_es, or anything under es:)."""
    found = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("es", "title_es"):
                found += [s for s in _strings(item)]
            else:
                found += spanish_strings(item)
    elif isinstance(value, list):
        for item in value:
            found += spanish_strings(item)
    return found


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


# --- Sources (no build) --------------------------------------------------------------

def test_checker_data_has_the_same_ids_and_text_in_both_languages():
    problems = tools.checker_problems()
    assert not problems, "\n".join(problems)
    data = tools.checker_data()
    for language in content.LANGUAGES:
        rendered = tools.checker_json(language)
        assert set(rendered["questions"]) == {q["id"] for q in data["questions"]}
        assert set(rendered["outcomes"]) == OUTCOME_FRAGMENTS
    assert tools.checker_json("en")["questions"].keys() == tools.checker_json("es")["questions"].keys()
    assert tools.checker_json("en")["outcomes"].keys() == tools.checker_json("es")["outcomes"].keys()
    assert {outcome for _, outcome in checker_paths()} == OUTCOME_FRAGMENTS


def test_checker_links_point_to_existing_pages_and_sections():
    data = tools.checker_data()
    links = [link for item in data["outcomes"] + [data["always"]] for link in item.get("links") or []]
    assert links
    for link in links:
        rel, anchor = tools.link_target(link["page"])
        for language in content.LANGUAGES:
            path = content.DOCS / language / rel
            assert path.is_file(), f"data/checker.yml: {link['page']} -> {path} does not exist"
            ids = [h.id for h in content.headings(path)]
            assert anchor in ids, f"data/checker.yml: {link['page']}: no #{anchor} in {path}"


def test_checker_sources_are_registry_keys():
    from scripts import sources

    data = tools.checker_data()
    labels = {label for item in data["questions"] + data["outcomes"] + [data["always"]]
              for label in item.get("sources") or []}
    assert labels
    registry = sources.load()[0]
    missing = sorted(label for label in labels if label not in registry)
    assert not missing, f"data/checker.yml cites keys that are not in data/sources/: {missing}"


def test_tool_data_uses_the_agreed_spanish_terms():
    glossary = content.load_data("glossary.yml")
    rules = [(term["es"], avoid, translation._term_pattern(avoid))
             for term in glossary["terms"] for avoid in term.get("avoid_es") or []]
    for name in ("checker.yml", "builder.yml"):
        for text in spanish_strings(content.load_data(name)):
            unquoted = translation.QUOTED_RE.sub("", text)
            for expected, avoid, pattern in rules:
                assert not pattern.search(unquoted), f"data/{name}: '{avoid}' in {text!r}; use '{expected}'"


def test_builder_data_has_the_same_keys_in_both_languages():
    data = tools.builder_data()
    for section in ("blanks", "form", "status", "protocol"):
        assert set(data[section]["en"]) == set(data[section]["es"]), section


def _plain(markdown: str) -> str:
    """A list item as a reader sees it printed: no footnotes, no '(why)' links."""
    text = re.sub(r"\[\^[^\]]+\]", "", markdown)
    text = re.sub(r"\s*\(\[[^\]]+\]\([^)]*\)\)", "", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"</?span[^>]*>", "", text)
    return text.replace("*", "").strip()


@pytest.mark.parametrize("language", content.LANGUAGES)
def test_builder_steps_are_the_during_pages_steps(language):
    """The protocol's steps are the numbered list under #when-agents-arrive, word for word,
    with the blanks the builder fills marked."""
    title, items = tools._section_list(content.DOCS / language / tools.DURING_PAGE, tools.STEPS_ID)
    steps = tools.protocol_steps(language)
    assert steps["title"] == title
    assert len(steps["items"]) == len(items) >= 8
    for tokens, item in zip(steps["items"], items):
        assert "".join(token[1] for token in tokens) == _plain(item)
    fields = {token[2] for tokens in steps["items"] for token in tokens if len(token) >= 3 and token[2]}
    assert fields == {"responder", "backups", "responder_name"}


def test_a_new_blank_in_the_steps_stops_the_build():
    with pytest.raises(ValueError, match=r"\[Pager\]"):
        tools.step_tokens("**Call security:** [Pager].", "en", "test")


def test_json_blocks_cannot_close_their_element():
    block = tools.json_block("x", {"text": "</script><script>alert(1)</script>"})
    inner = block.removeprefix('<script type="application/json" id="x">').removesuffix("</script>")
    assert "<" not in inner
    assert json.loads(inner)["text"] == "</script><script>alert(1)</script>"


def test_sign_comes_from_the_sign_page():
    lines = tools.sign_lines()
    assert {line[0] for line in lines} == {"en", "es"}
    text = (content.DOCS / "en" / tools.SIGN_PAGE).read_text(encoding="utf-8")
    for _, words, bold in lines:
        assert (f"**{words}**" if bold else words) in text


# --- The built site (no browser) -------------------------------------------------------

def test_tool_scripts_load_only_on_their_pages(site):
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        sources = [s.get("src", "") for s in sitecheck.soup(path).find_all("script")]
        for name, page in (("checker.js", "warrants/check/index.html"), ("builder.js", "protocols/build/index.html")):
            loads = any(src.endswith("/" + name) for src in sources)
            expected = rel in (page, "es/" + page)
            assert loads == expected, f"{rel}: {name} {'loaded' if loads else 'missing'}"


@pytest.mark.parametrize("language", content.LANGUAGES)
def test_checker_page_embeds_the_data_and_the_outcome_ids(site, language):
    page = sitecheck.soup(site / pdf.language_prefix(language) / "warrants/check/index.html")
    block = page.select_one("script#checker-data[type='application/json']")
    assert json.loads(block.string) == tools.checker_json(language)
    for fragment in OUTCOME_FRAGMENTS:
        assert page.select_one(f"article #{fragment}"), fragment
    assert page.select_one("#check-a-document")
    assert len(page.select("article h2#check-a-document ~ ol > li")) == 8


# --- Browser: Check a document --------------------------------------------------------



def widget_heading(page) -> str:
    return page.locator("#checker .guide-checker__heading").inner_text()


def answer(page, language: str, said: str):
    ui = tools.checker_data()["ui"][language]
    label = {"yes": ui["answer_yes"], "no": ui["answer_no"], "unsure": ui["answer_unsure"]}[said]
    page.locator("#checker .guide-checker__answers button", has_text=re.compile(f"^{label}$")).click()


@pytest.mark.browser
@pytest.mark.parametrize("language", content.LANGUAGES)
def test_checker_walks_every_path_to_its_outcome_and_links(built, visit, language):
    data = tools.checker_json(language)
    record = visit()
    page = record.page
    page.goto(full_url(built, language, "warrants/check/"), wait_until="load")
    assert page.locator("#checker").is_visible()
    targets = set()
    for answers, outcome in checker_paths():
        start = data["questions"][data["start"]]["text"]
        assert widget_heading(page) == start
        for said in answers:
            answer(page, language, said)
        heading = widget_heading(page)
        assert data["outcomes"][outcome]["title"] in heading, (answers, heading)
        assert page.evaluate("location.hash") == "#" + outcome
        assert page.evaluate("document.activeElement.classList.contains('guide-checker__heading')")
        links = page.locator("#checker ul a")
        expected = data["outcomes"][outcome]["links"] + data["always"]["links"]
        assert links.count() == len(expected)
        for index, link in enumerate(expected):
            assert links.nth(index).inner_text() == link["text"]
            targets.add(links.nth(index).evaluate("a => a.href"))
        page.locator("#checker button", has_text=data["ui"]["restart"]).click()
    assert not record.errors, record.errors
    # Every link target is a real section of a real page.
    for target in sorted(targets):
        url, _, fragment = target.partition("#")
        response = page.goto(url, wait_until="domcontentloaded")
        assert response.status == 200, target
        assert page.locator(f"[id='{fragment}']").count() == 1, f"{target}: no #{fragment}"
        assert page.locator("html").get_attribute("lang") == language


@pytest.mark.browser
def test_checker_works_with_the_keyboard_only(built, visit):
    record = visit()
    page = record.page
    page.goto(built.url + "warrants/check/", wait_until="load")

    def focused() -> str:
        return page.evaluate("document.activeElement.closest('#checker') ? "
                             "document.activeElement.textContent.trim() : ''")

    for _ in range(300):                     # Tab from the top of the page to the checker
        page.keyboard.press("Tab")
        if focused() == "Yes":
            break
    assert focused() == "Yes", "Tab never reached the checker's first answer"
    page.keyboard.press("Tab")
    assert focused() == "No"
    page.keyboard.press("Tab")
    assert focused() == "Not sure"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")             # court named? yes
    assert focused().startswith("Did a judge or magistrate judge sign it?")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")             # signed by a judge? no -> subpoena title?
    assert focused() == 'Does its title say "Subpoena"?'
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")             # titled subpoena? no -> result A
    assert focused().startswith("Result A. Not a judicial warrant.")
    assert page.evaluate("location.hash") == "#result-not-judicial"
    for _ in range(12):                      # on to Back, past the result's links
        page.keyboard.press("Tab")
        if focused() == "Back":
            break
    page.keyboard.press("Enter")
    assert focused() == 'Does its title say "Subpoena"?'
    assert page.evaluate("location.hash") == ""
    for _ in range(5):                       # Yes, No, Not sure, Back, Start over
        page.keyboard.press("Tab")
    assert focused() == "Start over"
    page.keyboard.press("Space")
    assert focused().startswith("Does the top name a federal or state court?")
    live = page.locator("#checker [aria-live]")
    assert "Question 1" in live.inner_text()
    assert not record.errors, record.errors


@pytest.mark.browser
@pytest.mark.parametrize("width", (390, 1280))
@pytest.mark.parametrize("language", content.LANGUAGES)
def test_checker_has_no_accessibility_violations_at_any_step(built, visit, axe, language, width):
    record = visit(width=width)
    page = record.page
    page.goto(full_url(built, language, "warrants/check/"), wait_until="load")
    assert_no_axe_violations(axe, page, "first question")
    answer(page, language, "yes")            # court
    answer(page, language, "yes")            # judge
    assert_no_axe_violations(axe, page, "third question (with Back and Start over)")
    answer(page, language, "no")             # not an arrest warrant
    answer(page, language, "yes")            # dates
    answer(page, language, "yes")            # place
    assert page.evaluate("location.hash") == "#result-covers"
    assert_no_axe_violations(axe, page, "outcome")
    assert not record.errors, record.errors


@pytest.mark.browser
@pytest.mark.parametrize("fragment", sorted(OUTCOME_FRAGMENTS))
@pytest.mark.parametrize("language", content.LANGUAGES)
def test_outcome_address_opens_that_outcome(built, visit, language, fragment):
    data = tools.checker_json(language)
    record = visit()
    page = record.page
    page.goto(full_url(built, language, f"warrants/check/#{fragment}"), wait_until="load")
    page.wait_for_function("document.activeElement.classList.contains('guide-checker__heading')")
    assert data["outcomes"][fragment]["title"] in widget_heading(page)
    assert page.locator("#checker button", has_text=data["ui"]["back"]).count() == 0
    page.locator("#checker button", has_text=data["ui"]["restart"]).click()
    assert widget_heading(page) == data["questions"][data["start"]]["text"]
    assert page.evaluate("location.hash") == ""
    assert not record.errors, record.errors


@pytest.mark.browser
@pytest.mark.parametrize("language", content.LANGUAGES)
def test_checker_page_without_javascript_shows_the_checklist(built, visit, language):
    record = visit(java_script_enabled=False)
    page = record.page
    page.goto(full_url(built, language, "warrants/check/#result-covers"), wait_until="load")
    assert not page.locator("#checker").is_visible()
    steps = page.locator("article h2#check-a-document ~ ol > li")
    assert steps.count() == 8
    assert steps.nth(2).is_visible()
    for fragment in OUTCOME_FRAGMENTS:
        assert page.locator(f"#{fragment}").is_visible()
    # "result A" in the checklist jumps to the outcome.
    assert page.locator("article ol a[href='#result-not-judicial']").count() == 1
    assert page.locator("article ol a[href='#result-not-shown']").count() == 6


@pytest.mark.browser
def test_checker_page_prints_the_checklist_on_its_first_page(built, visit):
    record = visit()
    page = record.page
    page.goto(built.url + "es/warrants/check/#result-covers", wait_until="load")
    page.emulate_media(media="print")
    assert not page.locator("#checker").is_visible()
    data = page.pdf(format="Letter", print_background=True, prefer_css_page_size=True)
    # The checklist and its outcomes fill the first page; the sources may follow on a second.
    assert pdf.page_count(data) <= 2
    from io import BytesIO

    from pypdf import PdfReader

    first = re.sub(r"\s+", " ", PdfReader(BytesIO(data)).pages[0].extract_text())
    assert "¿La firmó un juez o un juez magistrado?" in first
    last_outcome = tools.checker_data()["outcomes"][-1]["title_es"]
    assert re.sub(r"\s+", " ", last_outcome) in first, "the outcomes do not all fit on the first page"
    assert "Empezar de nuevo" not in re.sub(r"\s+", " ", pdf.pdf_text(data))


# --- Browser: Build your facility's protocol ----------------------------------------------

NAMES = {
    "facility": "Clínica <script>alert(1)</script> \"Sol\" 🌞",
    "responder_name": "María O'Brien-Núñez 👩‍⚕️",
    "responder_phone": "555-0100",
    "backup1_name": "<img src=x onerror=alert(2)>",
    "backup1_phone": "555-0101",
    "backup2_name": "José \"Pepe\" Peña",
    "backup2_phone": "555-0102",
    "counsel_name": "Lee & Søn </p><b>bold</b>",
    "counsel_phone": "555-0199",
    "areas": "Exam rooms\nSala de <em>rayos</em> X\nFarmacia ñ",
}
# What the PDF text must hold (emoji may not survive text extraction).
PRINTED = ["Clínica <script>alert(1)</script> \"Sol\"", "María O'Brien-Núñez", "555-0100",
           "<img src=x onerror=alert(2)>", "José \"Pepe\" Peña", "Lee & Søn </p><b>bold</b>",
           "Sala de <em>rayos</em> X"]


def stored_text(page) -> list[str]:
    """What this page keeps in localStorage that a reader typed (Material keeps its own
    settings there too, under its own keys)."""
    stored = page.evaluate("() => Object.keys(localStorage).map(k => k + '=' + localStorage.getItem(k))")
    return [item for item in stored if item.startswith("guide-protocol-builder=")
            or any(part in item for part in ("María", "Clínica", "Ñandú", "Inés"))]


def fill(page, names=NAMES):
    for field, value in names.items():
        page.fill(f"#builder-{field}", value)


def other_hosts(built, requests) -> list[str]:
    server = urlparse(built.url).netloc
    return [url for url in requests if urlparse(url).netloc != server]


@pytest.mark.browser
@pytest.mark.parametrize("language", content.LANGUAGES)
def test_builder_treats_input_as_text_sends_nothing_and_prints_in_budget(built, visit, language):
    record = visit()
    page = record.page
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(full_url(built, language, "protocols/build/"), wait_until="networkidle")
    assets = list(record.requests)
    scripts_before = page.locator("script").count()
    assert page.locator("#builder").is_visible() and page.locator("#protocol").is_visible()
    assert not page.locator(".guide-builder-nojs").is_visible()
    fill(page)
    protocol = page.locator("#protocol")
    text = protocol.inner_text()
    for value in NAMES.values():
        for line in value.split("\n"):
            assert line in text, line
    assert protocol.locator("script, img, b").count() == 0
    assert page.locator("script").count() == scripts_before
    assert not stored_text(page), "stored without being asked"
    # The steps carry the names, in place of the blanks.
    step4 = protocol.locator("ol > li").nth(3).inner_text()
    assert "María O'Brien-Núñez 👩‍⚕️ · 555-0100" in step4
    assert "<img src=x onerror=alert(2)> · 555-0101" in step4 and "José \"Pepe\" Peña · 555-0102" in step4
    step7 = protocol.locator("ol > li").nth(6).inner_text()
    assert "María O'Brien-Núñez" in step7
    # Print, in each language choice: only the protocol, within two Letter pages.
    for choice, parts in (("en", 1), ("es", 1), ("en es", 2)):
        page.select_option("#builder-languages", choice)
        assert protocol.locator(".guide-protocol__part").count() == parts
        page.emulate_media(media="print")
        assert not page.locator("#builder").is_visible()
        data = page.pdf(format="Letter", print_background=True, prefer_css_page_size=True)
        page.emulate_media(media="screen")
        assert pdf.page_count(data) <= 2, f"{choice}: {pdf.page_count(data)} pages"
        printed = re.sub(r"\s+", " ", pdf.pdf_text(data))
        for value in PRINTED:
            assert value in printed, f"{choice}: {value!r} not printed"
        form = tools.builder_data()["form"][language]
        assert form["save"] not in printed and form["privacy"][:30] not in printed
        assert "PRIVATE AREA" in printed and "ÁREA PRIVADA" in printed
        for lang in choice.split():
            assert tools.builder_data()["protocol"][lang]["title"] in printed
    assert not dialogs, dialogs
    assert not stored_text(page)
    # Nothing left the browser: every request is one of the page's own files, made while
    # it loaded, and none carries what was typed.
    assert not other_hosts(built, record.requests), record.requests
    late = [url for url in record.requests[len(assets):]
            if not re.search(r"\.(css|js|json|svg|png|ico|woff2?)$", urlparse(url).path)]
    assert not late, f"requests after the page loaded: {late}"
    for url in record.requests:
        assert "Mar%C3%ADa" not in url and "555-01" not in url and "?" not in url, url
    assert not record.errors, record.errors


@pytest.mark.browser
def test_builder_saves_only_when_asked_and_forgets(built, visit):
    record = visit()
    page = record.page
    page.goto(built.url + "es/protocols/build/", wait_until="load")
    status = tools.builder_data()["status"]["es"]
    fill(page, {"facility": "Centro Ñandú 🌵", "responder_name": "Inés \"Ine\" <b>", "areas": "Sala 1\nSala 2"})
    assert not stored_text(page)
    page.locator("#builder [data-action=save]").click()
    assert page.locator("#builder-status").inner_text() == status["saved"]
    stored = json.loads(page.evaluate("() => localStorage.getItem('guide-protocol-builder')"))
    assert stored["facility"] == "Centro Ñandú 🌵" and stored["areas"] == "Sala 1\nSala 2"
    page.reload(wait_until="load")
    assert page.input_value("#builder-facility") == "Centro Ñandú 🌵"
    assert page.input_value("#builder-responder_name") == "Inés \"Ine\" <b>"
    assert page.locator("#builder-status").inner_text() == status["loaded"]
    assert "Centro Ñandú 🌵" in page.locator("#protocol h2").first.inner_text()
    page.locator("#builder [data-action=forget]").click()
    assert page.locator("#builder-status").inner_text() == status["forgotten"]
    assert not stored_text(page)
    page.reload(wait_until="load")
    assert page.input_value("#builder-facility") == ""
    assert page.locator("#protocol h2").first.inner_text() == tools.builder_data()["blanks"]["es"]["facility"]
    assert not record.errors, record.errors


@pytest.mark.browser
@pytest.mark.parametrize("language", content.LANGUAGES)
def test_builder_steps_read_like_the_during_page(built, visit, language):
    """Unfilled, the protocol's steps are the during page's steps as rendered there."""
    record = visit()
    page = record.page
    page.goto(full_url(built, language, "protocols/during/"), wait_until="load")
    during = page.evaluate("""() => Array.from(document.querySelectorAll('#when-agents-arrive + ol > li'))
        .map(li => { const copy = li.cloneNode(true);
          copy.querySelectorAll('sup').forEach(s => s.remove());
          copy.querySelectorAll('a').forEach(a => {
            const before = a.previousSibling, after = a.nextSibling;
            if (before && after && /\\($/.test(before.textContent) && /^\\)/.test(after.textContent)) {
              before.textContent = before.textContent.replace(/\\s*\\($/, '');
              after.textContent = after.textContent.replace(/^\\)/, '');
              a.remove();
            }
          });
          return copy.textContent.replace(/\\s+/g, ' ').trim(); })""")
    page.goto(full_url(built, language, "protocols/build/"), wait_until="load")
    built_steps = page.evaluate("""() => Array.from(document.querySelectorAll('#protocol ol > li'))
        .map(li => li.textContent.replace(/\\s+/g, ' ').trim())""")
    assert built_steps == during
    assert not record.errors, record.errors


@pytest.mark.browser
@pytest.mark.parametrize("language", content.LANGUAGES)
def test_builder_has_no_accessibility_violations(built, visit, axe, language):
    record = visit(width=390)
    page = record.page
    page.goto(full_url(built, language, "protocols/build/"), wait_until="load")
    assert_no_axe_violations(axe, page, "empty form")
    fill(page)
    page.locator("#builder [data-action=save]").click()
    assert_no_axe_violations(axe, page, "filled and saved")
    assert not record.errors, record.errors


@pytest.mark.browser
@pytest.mark.parametrize("language", content.LANGUAGES)
def test_builder_page_without_javascript_says_so_and_links_to_the_pages(built, visit, language):
    record = visit(java_script_enabled=False)
    page = record.page
    page.goto(full_url(built, language, "protocols/build/"), wait_until="load")
    notice = page.locator(".guide-builder-nojs")
    assert notice.is_visible()
    assert "JavaScript" in notice.inner_text()
    hrefs = [urljoin(page.url, a.get_attribute("href")) for a in notice.locator("a").all()]
    prefix = full_url(built, language, "protocols/")
    assert prefix + "during/#when-agents-arrive" in hrefs
    assert prefix + "private-area-sign/#private-area-sign" in hrefs
    assert not page.locator("#builder").is_visible()
    assert not page.locator("#protocol").is_visible()
