"""The participants' pages in a real headless Chromium (issue 14, "Tests and measures"): joining
by code, cards reaching the session, wording with the live coach and a version the facilitator
accepts, a secret vote revealed on every device, a reconnect after the server restarts, and a
phone-sized page that never overflows.

The facilitator's side is played by a second `Workshop` on the same store, as the facilitator's
app in another process would."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from facilitator.locales import t
from facilitator.web.background import BackgroundRoom
from facilitator.workshop import Workshop
from facilitator.workshop.participants import RoomState

CODE = "ABC234"
PHONE = {"width": 360, "height": 740}


@pytest.fixture
def new_page(browser: Any) -> Iterator[Callable[[], Any]]:
    """Pages on a phone-sized screen, each in its own context (its own cookies: a device)."""
    contexts: list[Any] = []

    def make() -> Any:
        context = browser.new_context(viewport=PHONE, locale="fr-FR")
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def facilitator(room: BackgroundRoom) -> Workshop:
    return Workshop(room.store, room.session_id)


def join(
    page: Any, room: BackgroundRoom, participant: str, code: str = CODE, lang: str = "fr"
) -> None:
    page.goto(f"{room.url}/?code={code}&lang={lang}")
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
    page.click('a[hreflang="en"]')
    assert page.input_value("#code") == CODE  # the code survives the change of language
    join(page, room, "tn", lang="en")
    assert page.text_content("#status") == t("en", "web.status.connected")
    assert page.text_content("#brainstorm h2") == "Silent brainstorm of objectives"


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
