"""The training room in a real headless Chromium (issue 15, "Tests"): a trainee joins from a
phone-sized page, answers with the live coach, takes a hint and appears on the trainer's
dashboard; the trainer's countdown reaches the trainee's page; the debrief wall shows the
answers with no names; nothing overflows a 360×740 screen; a name with markup stays text."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from facilitator.locales import t
from facilitator.training import load_pack
from facilitator.training.store import TrainingStore
from facilitator.web.coach import Coach
from facilitator.web.training_launch import BackgroundTraining, prepare

CODE = "TRN234"
PHONE = {"width": 360, "height": 740}
PACK = load_pack("fr-2-reformuler")


@pytest.fixture
def store(tmp_path: Path) -> TrainingStore:
    return TrainingStore(tmp_path / "training")


@pytest.fixture
def training(store: TrainingStore, coach: Coach) -> Iterator[BackgroundTraining]:
    room = prepare(store, "Groupe A", [PACK.id], code=CODE)
    running = BackgroundTraining(store, room, [PACK], coach=coach, pause_seconds=0.2)
    running.start()
    yield running
    running.stop()


@pytest.fixture
def new_page(browser: Any) -> Iterator[Callable[..., Any]]:
    """Pages each in their own context (their own cookies: a device), phone-sized by default."""
    contexts: list[Any] = []

    def make(viewport: dict[str, int] = PHONE) -> Any:
        context = browser.new_context(viewport=viewport, locale="fr-FR")
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def join(page: Any, training: BackgroundTraining, name: str, lang: str = "fr") -> None:
    page.goto(f"{training.url}/?code={CODE}&lang={lang}")
    page.fill("#name", name)
    page.click("#enter")
    page.wait_for_url(f"{training.url}/train?lang={lang}")
    page.wait_for_selector('#status[data-connected="yes"]')


def no_overflow(page: Any) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page is {width}px wide on a {PHONE['width']}px screen"


def test_a_trainee_answers_gets_a_hint_and_appears_on_the_trainers_dashboard(
    training: BackgroundTraining, new_page: Callable[..., Any], store: TrainingStore
):
    phone = new_page()
    phone.goto(f"{training.url}/?code=ZZZ999")
    phone.fill("#name", "Anne Martin")
    phone.click("#enter")
    phone.wait_for_selector("#message:not(:empty)")
    assert phone.text_content("#message") == t("fr", "trw.error.bad_code")
    join(phone, training, "Anne Martin")
    assert phone.text_content("#me") == "Anne Martin"
    assert phone.text_content("#title") == PACK.exercises[0].title
    no_overflow(phone)

    phone.fill("#answer", "Améliorer la qualité de nos produits")
    phone.wait_for_selector("#findings li")
    phone.wait_for_selector("#scores .score")
    phone.click("#hint")
    phone.wait_for_selector("#hints li")
    assert phone.text_content("#hints li") == PACK.exercises[0].hints[0]
    phone.click("#submit")
    phone.wait_for_selector("#result.fail")
    assert "tentatives\u00a0: 1" in phone.text_content("#meta")
    no_overflow(phone)

    laptop = new_page({"width": 1280, "height": 800})
    laptop.goto(training.trainer_url)
    laptop.wait_for_url(f"{training.url}/board")
    row = laptop.wait_for_selector('tr[data-name="Anne Martin"]')
    cells = [c.text_content() for c in row.query_selector_all("td")]
    assert cells[0] == "Anne Martin" and PACK.exercises[0].title in cells[1]
    assert cells[4] == "1" and cells[5] == "1"  # one attempt, one hint
    laptop.wait_for_selector("#mistakes li strong")

    phone.fill("#answer", PACK.exercises[0].model_answer)
    phone.click("#submit")
    phone.wait_for_selector("#result.pass")
    assert phone.is_visible("#model-box")
    laptop.wait_for_selector('tr[data-name="Anne Martin"] td:nth-child(3):text-is("1")')
    entry = store.load("Anne Martin", "Groupe A").progress(PACK.id, PACK.exercises[0].id)
    assert entry is not None and entry.done and len(entry.attempts) == 2

    laptop.fill("#minutes", "3")
    laptop.click("#countdown-start")
    phone.wait_for_selector("#countdown:not(:empty)")
    assert "Temps restant" in phone.text_content("#countdown")
    no_overflow(phone)

    laptop.select_option("#project", PACK.exercises[0].key)
    wall = laptop.context.new_page()
    wall.goto(f"{training.url}/wall")
    wall.wait_for_selector("#answers li")
    shown = wall.text_content("#answers")
    assert PACK.exercises[0].model_answer in shown and "Anne" not in shown

    phone.reload()  # a reload (or the phone's sleep) comes back to the same exercise
    phone.wait_for_selector('#status[data-connected="yes"]')
    phone.wait_for_selector("#result.pass")


def test_a_name_with_markup_is_shown_as_text_on_both_pages(
    training: BackgroundTraining, new_page: Callable[..., Any]
):
    phone = new_page()
    name = '<img src=x onerror="window.hacked=1">'
    join(phone, training, name)
    assert phone.text_content("#me") == name
    laptop = new_page({"width": 1280, "height": 800})
    laptop.goto(training.trainer_url)
    laptop.wait_for_selector("#trainees tr")
    assert laptop.evaluate("window.hacked") is None and phone.evaluate("window.hacked") is None
    assert laptop.query_selector("#trainees img") is None


def test_a_trainee_who_chose_english_gets_the_page_in_english(
    training: BackgroundTraining, new_page: Callable[..., Any]
):
    phone = new_page()
    join(phone, training, "Sam", lang="en")
    assert phone.text_content("#submit") == t("en", "trw.submit")
    assert phone.text_content("#title") == PACK.exercises[0].title  # the pack's own language
    phone.reload()
    phone.wait_for_selector('#status[data-connected="yes"]')
    assert phone.text_content("#submit") == t("en", "trw.submit")


@pytest.mark.parametrize(
    ("lang", "viewport"), [("fr", PHONE), ("en", {"width": 1280, "height": 800})]
)
def test_the_trainer_reads_a_trainees_answers_and_removes_them_from_the_room(
    training: BackgroundTraining,
    new_page: Callable[..., Any],
    store: TrainingStore,
    lang: str,
    viewport: dict[str, int],
):
    phone = new_page()
    join(phone, training, "Anne")
    markup = '<img src=x onerror="window.hacked=1"> Améliorer la qualité'
    phone.fill("#answer", markup)
    phone.click("#submit")
    phone.wait_for_selector("#result.fail")
    phone.fill("#answer", "Améliorer nos produits")
    phone.click("#submit")
    phone.wait_for_selector("#meta:has-text('2')")

    trainer = new_page(viewport)
    trainer.goto(training.trainer_url)
    trainer.goto(f"{training.url}/board?lang={lang}")
    trainer.click('tr[data-name="Anne"] button.name')
    trainer.wait_for_selector("#trainee-answers .answer")
    assert trainer.text_content("#trainee-title") == t(lang, "trw.board.answers", name="Anne")
    texts = [a.text_content() for a in trainer.query_selector_all("#trainee-answers .answer")]
    assert texts == ["Améliorer nos produits", markup]  # latest first, markup as text
    assert trainer.query_selector("#trainee-answers img") is None
    assert trainer.evaluate("window.hacked") is None
    if viewport == PHONE:
        no_overflow(trainer)

    trainer.on("dialog", lambda dialog: dialog.accept())
    trainer.click("#trainee-remove")
    trainer.wait_for_selector('tr[data-name="Anne"]', state="detached")
    assert trainer.is_hidden("#trainee")
    assert trainer.text_content("#notice") == t(lang, "trw.board.removed", name="Anne")
    phone.wait_for_url(f"{training.url}/?left=1&lang=fr")  # let out, to the join page
    assert phone.text_content("#message") == t("fr", "trw.error.closed")
    assert len(store.load("Anne", "Groupe A").exercises) == 1  # her work is kept
