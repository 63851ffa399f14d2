"""The training screens with the engine double: a whole exercise (wrong attempt, hint, correct
attempt, progress saved and found again after a restart), several items and the model answer,
a choice exercise, the trainer's view and its Word report, and the ways in (home, palette)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from facilitator.training import Pack, load_pack
from facilitator.training.progress import Attempt, TraineeProgress
from facilitator.training.store import TrainingStore
from facilitator.tui.live_assessment import DEBOUNCE
from facilitator.tui.screens.trainer import TrainerScreen
from facilitator.tui.screens.training import TrainingScreen
from facilitator.tui.screens.training_report import ReportDialog
from facilitator.tui.screens.training_start import TrainingStartScreen, open_trainer, open_training
from tests.tui.conftest import SIZE, save_over, settle, type_text

PACK = """\
id = "pilot"
lang = "fr"
title = "Pack d'essai"
description = "Trois exercices pour les tests."
reveal_after = 2

[[exercises]]
id = "hesitation"
title = "Sans hésiter"
kind = "objective"
skill = "reword"
level = 1
instructions = "Supprimez l'hésitation et le verbe vague."
draft = "Essayer de renforcer la satisfaction client"
criteria = ["not rule.vague-verb", "not rule.hedge"]
hints = ["« Essayer de » laisse une porte de sortie.", "« Améliorer » ne dit pas de combien."]
model_answer = "Faire revenir nos clients pour qu'ils restent"
explanation = "Un objectif dit ce que l'équipe va obtenir."

[[exercises]]
id = "deux-kr"
title = "Deux résultats clés"
kind = "key_result"
skill = "key-results"
level = 2
items = 2
instructions = "Deux résultats clés chiffrés, avec une échéance."
draft = '''
Améliorer la satisfaction
Suivre les retours
'''
criteria = ["measurable", "has_deadline"]
hints = ["Un chiffre et une date par ligne."]
model_answer = '''
Faire passer le NPS de 20 à 35 d'ici fin juin 2030
Faire passer le taux de retour de 6 % à 3 % d'ici fin juin 2030
'''
explanation = "Chaque résultat clé a sa cible et sa date."

[[exercises]]
id = "activite"
title = "Activité ou résultat ?"
kind = "key_result"
skill = "spot"
level = 3
answer = "choice"
instructions = "Activité ou résultat ?"
draft = "Organiser 3 ateliers"
criteria = ["not output"]
hints = ["Et si rien ne changeait ?"]
model_answer = "Faire passer le taux de réachat de 20 % à 30 % d'ici fin juin 2030"
explanation = "Organiser est un moyen."

[[exercises.choices]]
text = "Un résultat"
feedback = "Le chiffre compte des ateliers."

[[exercises.choices]]
text = "Une activité"
correct = true
"""


def make_pack(tmp_path: Path) -> Pack:
    path = tmp_path / "pilot.toml"
    path.write_text(PACK, encoding="utf-8")
    return load_pack(path)


def saved(data_dir: Path, name: str = "Anne Martin", group: str = "CODIR") -> TraineeProgress:
    return TrainingStore(data_dir / "training").load(name, group)


def text_of(screen, selector: str) -> str:  # type: ignore[no-untyped-def]
    return str(screen.query_one(selector).render())


async def retype(pilot, screen: TrainingScreen, text: str, item: int = 0) -> None:  # type: ignore[no-untyped-def]
    editor = screen.editor(item)
    editor.focus()
    editor.clear()
    await type_text(pilot, text)
    await settle(pilot, DEBOUNCE + 0.1)


async def test_a_whole_exercise_wrong_hint_right_and_saved(make_app, data_dir, tmp_path) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack(tmp_path)
    ex = pack.exercises[0]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        open_training(app, packs=[pack])
        await settle(pilot)
        assert isinstance(app.screen, TrainingStartScreen)
        await type_text(pilot, "Anne Martin")
        await pilot.press("enter")
        await type_text(pilot, "CODIR")
        await pilot.press("enter")
        await pilot.press("enter")  # the highlighted pack
        await settle(pilot, DEBOUNCE + 0.1)
        screen = app.screen
        assert isinstance(screen, TrainingScreen)
        assert screen.editor(0).text == ex.draft
        assert text_of(screen, "#tr-criteria").count("✗") == 2  # the draft fails both

        # A wrong attempt: the hedge is gone, the vague verb stays.
        await retype(pilot, screen, "Renforcer la satisfaction client")
        criteria = text_of(screen, "#tr-criteria")
        assert "✓ Le coach ne signale plus\u00a0: Formulation hésitante" in criteria
        assert "✗ Le coach ne signale plus\u00a0: Verbe vague" in criteria
        await pilot.press("ctrl+s")
        await settle(pilot)
        entry = saved(data_dir).progress(pack.id, ex.id)
        assert entry is not None and len(entry.attempts) == 1
        first = entry.attempts[0]
        assert (first.text, first.passed, first.met, first.rules) == (
            "Renforcer la satisfaction client",
            False,
            [False, True],
            ["vague-verb"],
        )
        assert first.scores["overall"] < 100 and first.tier == "full"
        assert "Pas encore\u00a0: 1 critère rempli sur 2" in text_of(screen, "#tr-result")

        # The same answer twice does not count as another attempt.
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert len(saved(data_dir).progress(pack.id, ex.id).attempts) == 1

        # A hint, saved; the model answer stays hidden before `reveal_after` attempts.
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert f"Indice 1\u00a0: {ex.hints[0]}" in text_of(screen, "#tr-hints")
        assert ex.hints[1] not in text_of(screen, "#tr-hints")
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert not screen.query_one("#tr-answer").display
        assert saved(data_dir).progress(pack.id, ex.id).hints_used == 1
        assert not saved(data_dir).progress(pack.id, ex.id).revealed

        # The right attempt, submitted with Enter.
        await retype(pilot, screen, "Faire revenir nos clients pour qu'ils restent")
        assert "✗" not in text_of(screen, "#tr-criteria")
        await pilot.press("enter")
        await settle(pilot)
        assert "Réussi" in text_of(screen, "#tr-result")
        assert screen.query_one("#tr-answer").display
        assert ex.model_answer in text_of(screen, "#tr-answer")
        assert ex.explanation in text_of(screen, "#tr-answer").replace("\n", " ")
        listing = screen.query_one("#tr-list")
        assert str(listing.get_option_at_index(0).prompt).startswith("✓")

    # Saved on disk, and found again by a new app (a restart) for the same trainee.
    progress = saved(data_dir)
    entry = progress.progress(pack.id, ex.id)
    assert entry is not None
    assert ([a.passed for a in entry.attempts], entry.hints_used, entry.done) == (
        [False, True],
        1,
        True,
    )
    assert entry.done_at == entry.attempts[1].time and entry.title == ex.title
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        open_training(app, packs=[pack], pack=pack.id, trainee="anne  martin", group="codir")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TrainingScreen)
        assert screen.index == 1  # the first exercise not yet passed
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert screen.index == 0 and "réussi en 2 tentatives" in text_of(screen, "#tr-state")
        assert screen.editor(0).text == "Faire revenir nos clients pour qu'ils restent"


async def test_several_items_and_the_model_answer_after_n_attempts(  # type: ignore[no-untyped-def]
    make_app, data_dir, tmp_path
) -> None:
    pack = make_pack(tmp_path)
    ex = pack.exercises[1]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        open_training(app, packs=[pack], pack=pack.id, trainee="Anne Martin", group="CODIR")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TrainingScreen)
        await pilot.press("ctrl+n")
        await settle(pilot, DEBOUNCE + 0.1)
        assert screen.exercise.id == ex.id
        assert saved(data_dir).exercises == {}  # browsing writes nothing
        assert [e.text for e in screen.editors] == [
            "Améliorer la satisfaction",
            "Suivre les retours",
        ]
        assert not screen.editor(2).display
        # Enter in the first line moves to the second; Enter there submits.
        screen.editor(0).focus()
        await pilot.press("enter")
        assert screen.editor(1).has_focus
        await pilot.press("enter")
        await settle(pilot)
        await retype(pilot, screen, "Faire passer le NPS de 20 à 35", item=0)
        await pilot.press("ctrl+s")
        await settle(pilot)
        entry = saved(data_dir).progress(pack.id, ex.id)
        assert entry is not None and len(entry.attempts) == 2
        assert entry.attempts[1].met == [False, False]  # the second line has no figure
        assert "ctrl+r" in text_of(screen, "#tr-result")
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert saved(data_dir).progress(pack.id, ex.id).revealed
        assert "Faire passer le NPS de 20 à 35 d'ici fin juin 2030" in text_of(screen, "#tr-answer")

        # Two lines pasted into the first editor: one per item.
        screen.editor(0).text = ex.model_answer
        await settle(pilot, DEBOUNCE + 0.1)
        assert [e.text for e in screen.editors] == ex.model_answer.splitlines()
        assert "2/2" in text_of(screen, "#tr-criteria")
        await pilot.press("ctrl+s")
        await settle(pilot)
        entry = saved(data_dir).progress(pack.id, ex.id)
        assert entry.done and entry.revealed and entry.attempts[-1].text == ex.model_answer


async def test_a_choice_exercise(make_app, data_dir, tmp_path) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack(tmp_path)
    ex = pack.exercises[2]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        open_training(app, packs=[pack], pack=pack.id, trainee="Bob", group="")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TrainingScreen)
        screen.load_exercise(2)
        await settle(pilot)
        assert screen.query_one("#tr-choices").has_focus
        assert not screen.editor(0).display
        assert "Organiser 3 ateliers" in text_of(screen, "#tr-draft")
        await pilot.press("enter")  # "Un résultat": wrong
        await settle(pilot)
        assert "Le chiffre compte des ateliers" in text_of(screen, "#tr-result")
        assert screen.draft_view is None  # the coach's view stays hidden until answered
        await pilot.press("down", "enter")
        await settle(pilot)
        entry = saved(data_dir, "Bob", "").progress(pack.id, ex.id)
        assert entry is not None
        assert [(a.choice, a.passed) for a in entry.attempts] == [(0, False), (1, True)]
        assert entry.done and "Bonne réponse" in text_of(screen, "#tr-result")
        assert screen.draft_view is not None and screen.draft_view.text == ex.draft
        assert ex.model_answer in text_of(screen, "#tr-answer")


def _progress(data_dir: Path, pack: Pack) -> None:
    store = TrainingStore(data_dir / "training")
    ex = pack.exercises[0]
    for name, rules in (("Anne", ["vague-verb", "hedge"]), ("Bob", ["vague-verb"])):
        attempt = Attempt("2026-03-19T09:00:00+00:00", "Essayer", False, [False], {}, rules)
        store.update(name, "CODIR", lambda t, a=attempt: t.record(pack.id, ex.id, a))
    store.update("Chloé", "Autre", lambda t: t.use_hint(pack.id, ex.id, 1, "2026-03-19T09:00:00"))


async def test_the_trainer_view_and_its_word_report(  # type: ignore[no-untyped-def]
    make_app, data_dir, tmp_path, monkeypatch
) -> None:
    pack = make_pack(tmp_path)
    _progress(data_dir, pack)
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        open_trainer(app, [pack])
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TrainerScreen)
        assert screen.query_one("#trainer-trainees").row_count == 3
        mistakes = screen.query_one("#trainer-mistakes")
        assert [str(cell) for cell in mistakes.get_row_at(0)[:2]] == ["Verbe vague", "2"]
        await pilot.press("down", "enter")  # the "Autre" group (sorted: autre, codir)
        await settle(pilot)
        assert screen.group == "Autre" and screen.query_one("#trainer-trainees").row_count == 1
        await pilot.press("down", "enter")
        await settle(pilot)
        assert screen.group == "CODIR" and screen.query_one("#trainer-trainees").row_count == 2
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert isinstance(app.screen, ReportDialog)
        target = tmp_path / "rapport-codir.docx"
        app.screen.query_one("#report-path").value = str(target)
        await pilot.press("enter")
        await settle(pilot)
    document = docx.Document(str(target))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Rapport d’entraînement OKR" and "Groupe\u00a0: CODIR" in texts
    assert "Anne" in texts and "Bob" in texts and "Chloé" not in texts


@pytest.mark.parametrize(("answer", "replaced"), [("escape", False), ("y", True)])
async def test_the_trainer_report_replaces_a_file_only_once_the_trainer_says_so(  # type: ignore[no-untyped-def]
    make_app, data_dir, tmp_path, answer, replaced
) -> None:
    pack = make_pack(tmp_path)
    _progress(data_dir, pack)
    target = tmp_path / "rapport.docx"
    target.write_bytes(b"ancien rapport")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        open_trainer(app, [pack])
        await settle(pilot)
        await pilot.press("ctrl+e")
        await settle(pilot)
        await save_over(pilot, target, answer)
        assert isinstance(app.screen, TrainerScreen)  # no error, no second question
    assert (target.read_bytes() != b"ancien rapport") is replaced
    if replaced:
        assert docx.Document(str(target)).paragraphs[0].text == "Rapport d’entraînement OKR"


async def test_home_key_and_palette_open_the_training(make_app) -> None:  # type: ignore[no-untyped-def]
    from facilitator.tui.commands import FacilitatorCommands

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        labels = [name for name, _ in FacilitatorCommands(app.screen)._commands()]
        assert "formation\u00a0: s’entraîner (exercices guidés)" in labels
        assert "formation\u00a0: vue formateur (progression du groupe)" in labels
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, TrainingStartScreen)
        assert app.screen.query_one("#tr-name").has_focus
        await pilot.press("enter")  # no name: the pack list is not reachable yet
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, TrainerScreen)


@pytest.mark.real_engine
async def test_a_shipped_exercise_with_the_real_engine(make_app, data_dir, engine) -> None:  # type: ignore[no-untyped-def]
    pack = load_pack("fr-3-resultats-cles")
    ex = pack.exercises[0]
    app = make_app(engine=engine)
    async with app.run_test(size=SIZE) as pilot:
        open_training(app, pack=pack.id, trainee="Anne Martin", group="CODIR")
        await settle(pilot, DEBOUNCE + 0.1)
        screen = app.screen
        assert isinstance(screen, TrainingScreen) and screen.exercise.id == ex.id
        assert app.engine_status("fr") == "ready"
        assert screen.shown[0].tier == "full"  # the draft, assessed by the full pass
        await retype(pilot, screen, "Organiser 5 ateliers avec les équipes terrain d'ici fin juin")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await retype(pilot, screen, ex.model_answer)
        await pilot.press("ctrl+s")
        await settle(pilot)
    entry = saved(data_dir).progress(pack.id, ex.id)
    assert entry is not None and [a.passed for a in entry.attempts] == [False, True]
    first = entry.attempts[0]
    assert first.tier == "full" and "kr-output-activity" in first.rules
    assert first.met == [False, True, True]  # an activity, though measurable and dated


async def test_facilitator_train_opens_on_the_pack(data_dir) -> None:  # type: ignore[no-untyped-def]
    from facilitator.tui.training_app import training_app
    from tests.tui.fake_engine import FakeEngine

    app = training_app(
        data_dir,
        pack="en-1-spot-the-problem",
        trainee="Sam",
        reveal_after=1,
        engine=FakeEngine(ready=True),
    )
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TrainingScreen) and screen.pack.id == "en-1-spot-the-problem"
        assert app.lang == "en"  # the pack's language
        await pilot.press("ctrl+r")  # no attempt yet: the answer stays hidden
        assert not screen.query_one("#tr-answer").display
        await pilot.press("down", "enter")  # a wrong answer
        await settle(pilot)
        await pilot.press("ctrl+r")  # one attempt is enough with --reveal-after 1
        await settle(pilot)
        assert screen.query_one("#tr-answer").display
        entry = (
            TrainingStore(data_dir / "training")
            .load("Sam")
            .progress(screen.pack.id, "activity-or-result")
        )
        assert entry is not None and entry.revealed and not entry.done
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, TrainingStartScreen)
        assert app.screen.query_one("#tr-name").value == "Sam"


async def test_an_attempt_is_graded_by_the_full_pass_even_before_the_model_is_in(  # type: ignore[no-untyped-def]
    make_app, data_dir, tmp_path
) -> None:
    from tests.tui.fake_engine import FakeEngine

    pack = make_pack(tmp_path)
    engine = FakeEngine(ready=False, load_delay=0.2)
    app = make_app(engine=engine, load_model=False)  # the model is not loaded at start
    async with app.run_test(size=SIZE) as pilot:
        open_training(app, packs=[pack], pack=pack.id, trainee="Anne Martin", group="CODIR")
        await settle(pilot, DEBOUNCE + 0.1)
        screen = app.screen
        assert isinstance(screen, TrainingScreen)
        assert screen.shown[0].tier == "lexical"  # live feedback: the quick tier meanwhile
        await pilot.press("ctrl+s")
        await settle(pilot)
    (attempt,) = saved(data_dir).progress(pack.id, "hesitation").attempts
    assert attempt.tier == "full" and ("full", pack.exercises[0].draft) in engine.calls
