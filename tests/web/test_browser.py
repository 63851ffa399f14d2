"""The participants' pages in a real headless Chromium (issue 14, "Tests and measures"): joining
by code, the page's language, cards reaching the session, wording with the live coach and a
version the facilitator accepts, a secret vote revealed on every device, a key result owner's
check-ins, grades and retrospective lines landing in the session, a reconnect after the server
restarts, a phone-sized page that never overflows, asks for nothing the server lacks (its
icon), fits a thumb (44 px controls), says what to do on the phone and puts the facilitator's
current step first.

The facilitator's side is played by a second `Workshop` on the same store, as the facilitator's
app in another process would."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from facilitator.locales import t
from facilitator.store import SessionStore
from facilitator.web.background import BackgroundRoom
from facilitator.workshop import Workshop, create_follow_up, create_from_template
from facilitator.workshop.participants import RoomState
from facilitator.workshops import session_template

CODE = "ABC234"
PHONE = {"width": 360, "height": 740}


@pytest.fixture
def new_page(browser: Any) -> Iterator[Callable[[], Any]]:
    """Pages on a phone-sized screen, each in its own context (its own cookies: a device)."""
    contexts: list[Any] = []

    def make(locale: str = "fr-FR") -> Any:
        context = browser.new_context(viewport=PHONE, locale=locale)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def facilitator(room: BackgroundRoom) -> Workshop:
    return Workshop(room.store, room.session_id)


def join(
    page: Any, room: BackgroundRoom, participant: str, code: str = CODE, lang: str | None = "fr"
) -> None:
    """Join as `participant`, the page in `lang` (None: the language the page picks)."""
    page.goto(f"{room.url}/?code={code}" + (f"&lang={lang}" if lang else ""))
    page.click("#code-next")
    page.check(f'input[name="participant"][value="{participant}"]')
    page.click("#enter")
    page.wait_for_url(f"{room.url}/room")
    page.wait_for_selector('#status[data-connected="yes"]')


def until(condition: Callable[[], Any], timeout: float = 10.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError("the condition never held")


def test_a_participant_joins_by_code_and_a_wrong_code_is_refused(room: BackgroundRoom, new_page):
    page = new_page()
    page.goto(room.url)
    page.fill("#code", "ZZZ999")
    page.click("#code-next")
    page.wait_for_selector("#message:not(:empty)")
    assert page.text_content("#message") == t("fr", "web.error.bad_code")
    assert page.is_hidden("#who-form")
    join(page, room, "ml")
    assert page.text_content("#me") == "Marc Lefort"
    assert RoomState.of(room.store.load(room.session_id)).devices.keys() == {"ml"}


def test_the_pages_are_in_the_language_the_participant_chose(room: BackgroundRoom, new_page):
    page = new_page()
    page.goto(f"{room.url}/?code={CODE}")
    assert page.text_content("h1") == t("fr", "web.join.title")
    with page.expect_navigation():  # a loaded machine may still show the French page
        page.click('a[hreflang="en"]')
    assert page.input_value("#code") == CODE  # the code survives the change of language
    join(page, room, "tn", lang="en")
    assert page.text_content("#status") == t("en", "web.status.connected")
    assert page.text_content("#brainstorm h2") == "Silent brainstorm of objectives"


def test_a_french_workshop_speaks_french_to_an_english_browser_until_english_is_picked(
    room: BackgroundRoom, new_page
):
    page = new_page(locale="en-US")  # its Accept-Language asks for English
    join(page, room, "ir", lang=None)
    assert page.text_content("#status") == t("fr", "web.status.connected")
    assert page.get_attribute('.languages a[hreflang="fr"]', "aria-current") == "true"
    page.click('.languages a[hreflang="en"]')
    page.wait_for_selector('#status[data-connected="yes"]')
    assert page.text_content("#status") == t("en", "web.status.connected")
    assert page.text_content("#brainstorm h2") == "Silent brainstorm of objectives"
    for again in (
        lambda: page.goto(f"{room.url}/room"),
        lambda: page.goto(f"{room.url}/?code={CODE}"),
    ):
        again()  # a reload, and the QR code scanned again: the pick is remembered
        page.wait_for_selector('#status[data-connected="yes"]')
        assert page.url.startswith(f"{room.url}/room")
        assert page.text_content("#status") == t("en", "web.status.connected")
        assert page.get_attribute("html", "lang") == "en"
    page.click('.languages a[hreflang="fr"]')
    page.wait_for_selector('#status[data-connected="yes"]')
    assert page.text_content("#brainstorm .step-title") == "Brainstorm silencieux des objectifs"


def test_brainstorm_cards_arrive_in_the_facilitators_session(room: BackgroundRoom, new_page):
    page = new_page()
    join(page, room, "kb")
    attack = "<img src=x onerror=alert(1)> Réduire les délais de libération"
    page.fill("#card-text", attack)
    page.click("#card-form button")
    until(lambda: attack in [p.text for p in room.store.load(room.session_id).proposals])
    page.wait_for_selector("#cards li")
    assert page.text_content("#cards li span") == attack  # shown as text, not markup
    assert page.locator("#cards img").count() == 0


def test_a_participant_words_a_draft_with_the_live_coach_and_the_facilitator_accepts_it(
    room: BackgroundRoom, new_page
):
    page = new_page()
    join(page, room, "ml")
    facilitator(room).open_step_to_participants("objectives")
    page.wait_for_selector("#wording:not([hidden])")
    page.select_option("#item", "obj-ged/")
    page.fill("#draft", "")
    page.type("#draft", "Optimiser la GED", delay=20)
    page.wait_for_selector('#coach[data-tier="lexical"], #coach[data-tier="full"]')
    assert page.locator("#scores .score").count() == 4
    page.fill("#draft", "Optimiser la GED de manière significative")
    page.wait_for_selector('#coach[data-tier="full"]', timeout=20_000)
    findings = page.text_content("#findings") or ""
    assert t("fr", "web.coach.remove") in findings  # "delete these words", not an empty choice
    assert "→  ·" not in findings and "·  ·" not in findings
    better = "Réduire de 20 à 5 minutes le temps moyen de recherche d'un document d'ici juin 2026"
    page.fill("#draft", better)
    page.wait_for_selector('#coach[data-tier="full"]', timeout=20_000)
    page.click("#send")
    proposed = until(lambda: RoomState.of(room.store.load(room.session_id)).proposed)
    assert proposed[0]["text"] == better and proposed[0]["scores"]["overall"] > 0
    facilitator(room).accept_proposed(proposed[0]["id"], "proposée par Marc")
    page.wait_for_selector("#sent li.accepted")
    assert room.store.load(room.session_id).objective("obj-ged").text == better


def test_a_secret_vote_is_revealed_on_every_device_at_once(room: BackgroundRoom, new_page):
    facilitator(room).open_step_to_participants("priority-vote")
    pages = {pid: new_page() for pid in ("ml", "kb")}
    for pid, page in pages.items():
        join(page, room, pid)
        page.wait_for_selector("#vote:not([hidden])")
        page.click('#ballots li[data-objective="obj-ged"] button[data-answer="yes"]')
        page.wait_for_selector(
            '#ballots li[data-objective="obj-ged"] button[data-answer="yes"][aria-pressed="true"]'
        )
    for page in pages.values():
        assert page.is_hidden("#results-box")
    facilitator(room).reveal_votes()
    for page in pages.values():
        page.wait_for_selector("#results-box:not([hidden])")
        assert page.locator('#results li[data-objective="obj-ged"]').count() == 1
        assert page.is_disabled('#ballots li[data-objective="obj-ged"] button[data-answer="no"]')
    votes = room.store.load(room.session_id).votes["obj-ged"]
    assert votes.priority["ml"] == votes.priority["kb"] == "yes"


def test_a_key_result_owner_checks_in_their_own_key_results_only(
    store: SessionStore, workshop: Workshop, room_of, new_page
):
    review = create_follow_up(store, workshop.session_id, session_template("monthly-review"))
    step = next(s for s in review.agenda if s.kind == "review")
    Workshop(store, review.id).open_room(CODE, step_id=step.id)
    room = room_of(store, review.id)
    page = new_page()
    join(page, room, "sm")
    page.wait_for_selector("#review:not([hidden]) #checkins li.checkin")
    own = [kr.id for _, kr in review.key_results() if kr.owner == "sm"]
    shown = page.eval_on_selector_all(
        "#checkins li.checkin", "items => items.map(i => i.dataset.kr)"
    )
    assert own and shown == own  # hers, and nobody else's
    entry = page.locator(f'#checkins li[data-kr="{own[0]}"]')
    entry.locator('[data-field="current"]').fill("31")
    entry.locator('[data-field="confidence"]').fill("6")
    entry.locator('[data-field="comment"]').fill("Deux déviations <b>bloquées</b> en attente")
    entry.locator("button").click()
    checkin = until(lambda: store.load(review.id).key_result(own[0]).last_checkin)
    assert (checkin.current, checkin.confidence) == ("31", 6)
    assert checkin.comment == "Deux déviations <b>bloquées</b> en attente"
    page.reload()
    page.wait_for_selector(f'#checkins li[data-kr="{own[0]}"]')
    assert page.input_value(f'li[data-kr="{own[0]}"] [data-field="current"]') == "31"
    assert page.locator("#checkins b").count() == 0


def test_a_key_result_owner_grades_their_own_key_results_and_not_anothers(
    store: SessionStore, workshop: Workshop, room_of, new_page
):
    retro = create_follow_up(store, workshop.session_id, session_template("retrospective"))
    Workshop(store, retro.id).open_room(CODE, step_id="grading")
    room = room_of(store, retro.id)
    page = new_page()
    join(page, room, "sm")
    page.wait_for_selector("#grading:not([hidden]) #grades li.grading")
    own = [kr.id for _, kr in retro.key_results() if kr.owner == "sm"]
    other = next(kr.id for _, kr in retro.key_results() if kr.owner not in ("sm", ""))
    shown = page.eval_on_selector_all("#grades li.grading", "items => items.map(i => i.dataset.kr)")
    assert own and shown == own  # hers, and nobody else's
    entry = page.locator(f'#grades li[data-kr="{own[0]}"]')
    entry.locator('[data-field="grade"]').fill("0,7")
    entry.locator("button").click()
    until(lambda: store.load(retro.id).key_result(own[0]).grade == 0.7)
    page.wait_for_selector(f'#grades li[data-kr="{own[0]}"] .graded:has-text("0,7")')
    # A page tampered with sends a grade for another's key result: the room refuses it.
    page.evaluate(f"() => act({{type: 'grade', kr_id: '{other}', grade: '0,9'}})")
    page.wait_for_selector(f'#message:has-text("{t("fr", "web.error.not_yours")}")')
    assert store.load(retro.id).key_result(other).grade is None


def test_retrospective_lines_from_a_phone_land_in_the_session(
    store: SessionStore, room_of, new_page
):
    retro = create_from_template(store, session_template("retrospective"), "fr")
    workshop = Workshop(store, retro.id)
    marc = workshop.add_participant("Marc Lefort")
    step = next(s for s in retro.agenda if s.kind == "retro")
    workshop.open_room(CODE, step_id=step.id)
    room = room_of(store, retro.id)
    page = new_page()
    join(page, room, marc)
    page.wait_for_selector("#retro:not([hidden])")
    for which, line in (("worked", "Le vote secret"), ("to_change", "Moins de slides")):
        page.select_option("#retro-list", which)
        page.fill("#retro-text", line)
        page.click("#retro-form button")
        page.wait_for_selector(f"#{which} li")
        assert page.text_content(f"#{which} li") == line
    saved = until(lambda: (s := store.load(retro.id)).to_change and s)
    assert saved.worked[-1] == "Le vote secret" and saved.to_change[-1] == "Moins de slides"


def test_a_participant_reconnects_after_the_server_restarts_with_nothing_lost(
    room: BackgroundRoom, new_page
):
    page = new_page()
    join(page, room, "sm")
    page.fill("#card-text", "Première carte")
    page.click("#card-form button")
    page.wait_for_selector("#cards li")
    room.restart()
    page.wait_for_selector('#status[data-connected="yes"]', timeout=15_000)
    page.goto(f"{room.url}/?code={CODE}")  # the QR code scanned again: back in the room
    page.wait_for_url(f"{room.url}/room")
    page.wait_for_selector("#cards li")
    page.fill("#card-text", "Carte après le redémarrage")
    page.click("#card-form button")
    until(lambda: page.locator("#cards li").count() == 2)
    texts = [p.text for p in room.store.load(room.session_id).proposals]
    assert {"Première carte", "Carte après le redémarrage"} <= set(texts)


def test_a_phone_sized_page_never_overflows_sideways(
    room: BackgroundRoom, new_page, tmp_path: Path
):
    page = new_page()
    page.goto(room.url)
    _check_no_overflow(page, tmp_path / "join.png")
    join(page, room, "ir")
    page.fill("#card-text", "Une idée " + "très " * 40 + "longue_sans_espace" * 8)
    page.click("#card-form button")
    page.wait_for_selector("#cards li")
    _check_no_overflow(page, tmp_path / "brainstorm.png")
    for step, section in (("objectives", "#wording"), ("priority-vote", "#vote")):
        facilitator(room).open_step_to_participants(step)
        page.wait_for_selector(f"{section}:not([hidden])")
        if step == "objectives":
            page.select_option("#item", "obj-ged/")
            page.wait_for_selector("#coach[data-tier]")
        _check_no_overflow(page, tmp_path / f"{step}.png")


def _check_no_overflow(page: Any, screenshot: Path) -> None:
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.stat().st_size > 0
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{screenshot.name}: the page is {width}px wide"
    wider = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter((e) => e.offsetParent !== null && e.getBoundingClientRect().right > 361)
            .map((e) => e.tagName + '#' + e.id)"""
    )
    assert not wider, f"{screenshot.name}: {wider}"


# -- the phone page as a client's participant holds it --------------------------------------------

TOUCH = 44  # px: the smallest target for a thumb


def _watch_failures(page: Any) -> list[str]:
    """What the page asked for and did not get (404s and the console errors they cause)."""
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("console", lambda m: failed.append(m.text) if m.type == "error" else None)
    return failed


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_join_and_room_pages_request_nothing_missing_and_fit_a_thumb(
    room: BackgroundRoom, new_page, lang: str
):
    page = new_page()
    failed = _watch_failures(page)
    page.goto(f"{room.url}/?code={CODE}&lang={lang}")
    page.click("#code-next")
    page.wait_for_selector('#people input[name="participant"]')
    small = page.evaluate(
        """(least) => [...document.querySelectorAll('#people label, button:not([hidden])')]
            .filter((e) => e.offsetParent !== null && e.getBoundingClientRect().height < least)
            .map((e) => e.textContent.trim())""",
        TOUCH,
    )
    assert not small, f"smaller than a thumb: {small}"
    join(page, room, "ml", lang=lang)
    page.wait_for_selector("#brainstorm:not([hidden])")
    assert page.text_content("#brainstorm .step-instruction") == t(
        lang, "web.brainstorm.instruction"
    )
    page.reload()
    page.wait_for_selector('#status[data-connected="yes"]')
    assert not failed, failed


def test_the_current_step_comes_first_on_the_phone(room: BackgroundRoom, new_page):
    page = new_page()
    join(page, room, "kb")
    page.wait_for_selector("#brainstorm:not([hidden])")
    boss = facilitator(room)
    boss.open_step_to_participants("priority-vote")
    session = room.store.load(room.session_id)
    boss.goto_step(next(i for i, s in enumerate(session.agenda) if s.id == "priority-vote"))
    page.wait_for_selector("#vote:not([hidden])")

    def top(selector: str) -> float:
        return float(page.evaluate(f"document.querySelector('{selector}').offsetTop"))

    until(lambda: top("#vote") < top("#brainstorm"))
    boss.reveal_votes()
    page.wait_for_selector("#results-box:not([hidden])")
    assert top("#results-box") < top("#ballots") < top("#brainstorm")
