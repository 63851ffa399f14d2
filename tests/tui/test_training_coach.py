"""The training screen says one thing at a time (issue 15, items 2 and 4): the coach never says
"no remark" beside a failed criterion nor before it has answered, and a "find the problem
yourself" exercise hides the criteria and the coach until the first attempt. At 80x24 and
160x45."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import pytest

from facilitator.engine.model import Assessment, Scores
from facilitator.training import Pack, load_pack
from facilitator.tui.live_assessment import DEBOUNCE
from facilitator.tui.screens.training import TrainingScreen
from facilitator.tui.screens.training_start import open_training
from facilitator.tui.widgets.findings import FindingsList
from facilitator.tui.widgets.score_bars import ScoreBars
from tests.tui.conftest import settle, type_text
from tests.tui.fake_engine import FakeEngine

SIZES = [(80, 24), (160, 45)]
NO_REMARK = "tient la route"

PACK = """\
id = "coach"
lang = "fr"
title = "Pack du coach"
description = "Pour les tests."

[[exercises]]
id = "activite"
title = "Une application, pour quoi faire ?"
kind = "key_result"
skill = "activity-to-result"
level = 1
instructions = "Réécrivez ce résultat clé pour qu'il mesure un effet."
draft = "Mettre en service une application mobile d'ici juin 2030"
criteria = ["not output", "has_deadline"]
hints = ["Qu'est-ce que l'application doit changer ?"]
model_answer = "Faire passer de 20 % à 35 % les commandes suivies d'ici juin 2030"
explanation = "Un résultat clé mesure l'effet."

[[exercises]]
id = "trouver"
title = "À vous de trouver"
kind = "key_result"
skill = "spot"
level = 2
instructions = "Ce résultat clé a un défaut : trouvez-le, puis corrigez-le."
draft = "Améliorer le nombre de clients actifs d'ici fin juin 2030"
criteria = ["measurable", "not rule.vague-verb"]
hints = ["De combien ?"]
model_answer = "Faire passer le nombre de clients actifs de 1200 à 1500 d'ici fin juin 2030"
explanation = "Un point de départ et une cible."

[[exercises]]
id = "choix"
title = "Activité ou résultat ?"
kind = "key_result"
skill = "spot"
level = 3
answer = "choice"
instructions = "Activité ou résultat ?"
draft = "Optimiser le suivi des commandes"
criteria = ["not rule.vague-verb"]
hints = ["Et si rien ne changeait ?"]
model_answer = "Faire passer de 20 % à 35 % la part des commandes suivies d'ici juin 2030"
explanation = "Optimiser ne dit rien."

[[exercises.choices]]
text = "Un verbe vague"
correct = true

[[exercises.choices]]
text = "Rien à redire"
"""


class ActivityBlindEngine(FakeEngine):
    """Like the engine before issue 7: 'Mettre en service …' is flagged as an activity, with no
    finding to say so and a perfect score."""

    def assess(
        self,
        text: str,
        kind: str = "objective",
        lang: str | None = None,
        glossary: Iterable[str] = (),
        tier: str = "full",
    ) -> Assessment:
        a = super().assess(text, kind, lang, glossary, tier)
        if "mettre en service" in text.casefold():
            flags = replace(a.flags, output=True)
            return replace(a, flags=flags, findings=[], scores=Scores(100, 100, 100, 100))
        return a


def make_pack(tmp_path: Path) -> Pack:
    path = tmp_path / "coach.toml"
    path.write_text(PACK, encoding="utf-8")
    return load_pack(path)


def visible_text(screen: TrainingScreen) -> str:
    """Everything the trainee can read in the exercise's panel."""
    texts = []
    for widget in screen.query("#tr-main *"):
        if not all(getattr(node, "display", True) for node in widget.ancestors_with_self):
            continue
        if isinstance(widget, FindingsList):
            texts.extend(
                str(widget.get_option_at_index(i).prompt) for i in range(widget.option_count)
            )
        elif hasattr(widget, "render") and widget.__class__.__name__ in ("Static", "Label"):
            texts.append(str(widget.render()))
    return "\n".join(texts)


async def open_exercise(app, pilot, pack: Pack, exercise: str) -> TrainingScreen:  # type: ignore[no-untyped-def]
    open_training(app, packs=[pack], pack=pack.id, trainee="Anne", group="CODIR")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, TrainingScreen)
    index = next(i for i, e in enumerate(pack.exercises) if e.id == exercise)
    if screen.index != index:
        screen.load_exercise(index)
    await settle(pilot, DEBOUNCE + 0.1)
    return screen


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_no_remark_never_sits_beside_a_failed_criterion(  # type: ignore[no-untyped-def]
    make_app, tmp_path, size
) -> None:
    pack = make_pack(tmp_path)
    app = make_app(engine=ActivityBlindEngine(ready=True))
    async with app.run_test(size=size) as pilot:
        screen = await open_exercise(app, pilot, pack, "activite")
        criteria = str(screen.query_one("#tr-criteria").render())
        assert "✗ Un résultat, pas une activité" in criteria
        shown = visible_text(screen)
        assert NO_REMARK not in shown and "Aucune remarque" not in shown
        note = str(screen.query_one("#tr-coach-note").render())
        assert "des critères ne sont pas remplis" in note
        assert "Un résultat, pas une activité" in note
        assert not screen.query_one("#tr-findings", FindingsList).display

        # A real result: every criterion met, and only then "no remark".
        editor = screen.editor(0)
        editor.focus()
        editor.clear()
        await type_text(pilot, "Faire passer de 20 % à 35 % les commandes suivies d'ici juin 2030")
        await settle(pilot, DEBOUNCE + 0.1)
        assert "✗" not in str(screen.query_one("#tr-criteria").render())
        assert NO_REMARK in str(screen.query_one("#tr-coach-note").render())


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_no_verdict_before_the_engine_has_answered(  # type: ignore[no-untyped-def]
    make_app, tmp_path, size
) -> None:
    pack = make_pack(tmp_path)
    gate = threading.Event()  # the model stays "loading": only the lexical tier answers
    app = make_app(engine=FakeEngine(ready=False, gate=gate))
    try:
        async with app.run_test(size=size) as pilot:
            open_training(app, packs=[pack], pack=pack.id, trainee="Anne", group="CODIR")
            await pilot.pause(DEBOUNCE + 0.2)
            screen = app.screen
            assert isinstance(screen, TrainingScreen)
            assert screen.exercise.id == "activite"
            # The draft has no finding at the lexical tier, but that is no verdict yet.
            assert "Aucune remarque" not in visible_text(screen)
            assert "Analyse…" in str(screen.query_one("#tr-coach-note").render())

            # A choice exercise: nothing about the draft before the trainee has chosen.
            screen.load_exercise(2)
            await pilot.pause(0.2)
            shown = visible_text(screen)
            assert "Aucune remarque" not in shown and "Le coach ne relève rien" not in shown
            assert "Choisissez d’abord votre réponse" in shown
            assert not screen.query_one("#tr-findings", FindingsList).display
            assert not screen.query_one("#tr-scores", ScoreBars).display
            gate.set()
            await settle(pilot)
    finally:
        gate.set()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_find_it_yourself_hides_criteria_and_coach_until_the_first_attempt(  # type: ignore[no-untyped-def]
    make_app, data_dir, tmp_path, size
) -> None:
    pack = make_pack(tmp_path)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await open_exercise(app, pilot, pack, "trouver")
        assert screen.shown[0] is not None  # the engine did answer, and says nothing yet
        criteria = str(screen.query_one("#tr-criteria").render())
        assert "✗" not in criteria and "✓" not in criteria
        assert "Trouvez d’abord le problème vous-même" in criteria
        assert not screen.query_one("#tr-findings", FindingsList).display
        assert not screen.query_one("#tr-scores", ScoreBars).display
        shown = visible_text(screen)
        assert "verbe" not in shown.casefold() and "Mesurable" not in shown
        assert screen.editor(0).spans == []  # the vague verb is not underlined either

        await pilot.press("ctrl+s")  # the draft as it stands: a first attempt
        await settle(pilot)
        criteria = str(screen.query_one("#tr-criteria").render())
        assert "✗ Le coach ne signale plus\u00a0: Verbe vague" in criteria
        assert screen.query_one("#tr-findings", FindingsList).display
        assert screen.query_one("#tr-scores", ScoreBars).display
        assert "améliorer" in visible_text(screen).casefold()
        assert screen.editor(0).spans


async def test_an_english_pack_leaves_the_app_in_french_and_the_list_in_order(  # type: ignore[no-untyped-def]
    make_app, data_dir
) -> None:
    from facilitator.training import load_packs
    from facilitator.training.progress import Attempt
    from facilitator.tui.screens.training_start import TrainingStartScreen

    packs, _ = load_packs()
    english = next(p for p in packs if p.lang == "en")
    app = make_app(lang="fr")
    async with app.run_test(size=(160, 45)) as pilot:
        open_training(app, packs=packs, trainee="Sam", group="")
        await settle(pilot)
        start = app.screen
        assert isinstance(start, TrainingStartScreen)
        listing = start.query_one("#tr-packs")
        before = [listing.get_option_at_index(i).id for i in range(listing.option_count)]
        assert before[0].startswith("fr-")  # the app's language first
        start.start(english, "Sam", "")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TrainingScreen)
        assert screen.lang == "en" and app.lang == "fr"
        assert "Exercise 1/" in str(screen.query_one("#tr-title").render())
        # Pass the whole pack, as the trainee would, up to "you passed every exercise".
        for index, ex in enumerate(english.exercises):
            screen.load_exercise(index)
            await pilot.pause()
            attempt = Attempt(f"2026-03-19T09:{index:02d}:00+00:00", ex.model_answer, passed=True)
            screen.save(lambda t, ex=ex, a=attempt: t.record(english.id, ex.id, a))
            screen.after_attempt(attempt)
            await pilot.pause()
        assert screen.progress_done() == len(english.exercises)
        assert app.lang == "fr"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is start and app.lang == "fr"
        after = [listing.get_option_at_index(i).id for i in range(listing.option_count)]
        assert after == before
        assert "Entraînement" in str(start.query_one("#tr-start-title").render())
