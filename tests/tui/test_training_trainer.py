"""The trainer's view tells what happened (issue 15, item 6): a pass after the model answer was
shown is not a pass, the trainer reads what each trainee wrote last, the mean score is explained
and two exercises of the same title from two packs are told apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.training import Pack, load_pack
from facilitator.training.progress import Attempt, TraineeProgress
from facilitator.training.store import TrainingStore
from facilitator.tui.screens.trainer import TrainerScreen
from facilitator.tui.screens.training_start import open_trainer
from tests.tui.conftest import settle

PACK = """\
id = "{id}"
lang = "fr"
title = "{title}"
description = "Pour les tests."

[[exercises]]
id = "un"
title = "Sans hésiter"
kind = "objective"
skill = "reword"
level = 1
instructions = "Supprimez l'hésitation."
draft = "Essayer de renforcer la satisfaction client"
criteria = ["not rule.hedge"]
hints = ["« Essayer de » laisse une porte de sortie."]
model_answer = "Faire revenir nos clients pour qu'ils restent"
explanation = "Un objectif dit ce que l'équipe va obtenir."
"""


def packs(tmp_path: Path) -> list[Pack]:
    out = []
    for pack_id, title in (("alpha", "Pack Alpha"), ("beta", "Pack Bêta")):
        path = tmp_path / f"{pack_id}.toml"
        path.write_text(PACK.format(id=pack_id, title=title), encoding="utf-8")
        out.append(load_pack(path))
    return out


def progress(data_dir: Path) -> None:
    store = TrainingStore(data_dir / "training")

    def anne(t: TraineeProgress) -> None:
        for n in range(3):
            t.record("alpha", "un", Attempt(f"2026-03-19T09:0{n}:00+00:00", f"essai {n}"))
        t.reveal("alpha", "un", "2026-03-19T09:04:00+00:00")
        t.record(
            "alpha",
            "un",
            Attempt(
                "2026-03-19T09:05:00+00:00",
                "Faire revenir nos clients pour qu'ils restent",
                passed=True,
                scores={"overall": 90.0},
            ),
        )

    def bob(t: TraineeProgress) -> None:
        t.record(
            "beta",
            "un",
            Attempt(
                "2026-03-19T09:01:00+00:00",
                "Renforcer la fidélité",
                passed=False,
                scores={"overall": 55.0},
            ),
        )

    store.update("Anne", "CODIR", anne)
    store.update("Bob", "CODIR", bob)


def row(table, index: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(cell) for cell in table.get_row_at(index)]


@pytest.mark.parametrize("size", [(80, 24), (160, 45)], ids=["80x24", "160x45"])
async def test_the_trainer_sees_passes_after_reveal_and_the_last_answers(  # type: ignore[no-untyped-def]
    make_app, data_dir, tmp_path, size
) -> None:
    both = packs(tmp_path)
    progress(data_dir)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        open_trainer(app, both)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TrainerScreen)
        trainees = screen.query_one("#trainer-trainees")
        columns = [str(c.label) for c in trainees.columns.values()]
        assert columns[3:5] == ["Réussis", "Après réponse"]
        assert row(trainees, 0)[:5] == ["Anne", "CODIR", "1", "0", "1"]
        assert "réussis\u00a0: 0 (+1 après la réponse)" in str(
            screen.query_one("#trainer-summary").render()
        )
        notes = str(screen.query_one("#trainer-notes").render())
        assert "Score moyen" in notes and "dernière réponse" in notes

        # The same title in two packs: each named with its pack.
        exercises = screen.query_one("#trainer-exercises")
        titles = sorted(row(exercises, i)[0] for i in range(exercises.row_count))
        assert titles == ["Sans hésiter (Pack Alpha)", "Sans hésiter (Pack Bêta)"]

        # What Anne wrote last, and how she passed.
        detail = screen.query_one("#trainer-detail")
        assert "Réponses d’Anne" in str(screen.query_one("#td-title").render())
        assert row(detail, 0) == [
            "Sans hésiter (Pack Alpha)",
            "réussi après la réponse",
            "4",
            "0",
            "Faire revenir nos clients pour qu'ils restent",
        ]
        # Down the trainees' table: Bob's answers.
        trainees.focus()
        await pilot.press("down")
        await settle(pilot)
        assert "Réponses de Bob" in str(screen.query_one("#td-title").render())
        assert row(detail, 0)[1:] == ["en cours", "1", "0", "Renforcer la fidélité"]


async def test_a_pack_from_the_data_folder_is_listed_in_the_app(  # type: ignore[no-untyped-def]
    make_app, data_dir, tmp_path
) -> None:
    from facilitator.tui.screens.training_start import TrainingStartScreen, open_training

    own = data_dir / "packs"
    own.mkdir(parents=True)
    (own / "maison.toml").write_text(
        PACK.format(id="maison", title="Pack maison"), encoding="utf-8"
    )
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        open_training(app)  # as the home screen's "t" does: no packs given
        await settle(pilot)
        start = app.screen
        assert isinstance(start, TrainingStartScreen)
        listing = start.query_one("#tr-packs")
        ids = [listing.get_option_at_index(i).id for i in range(listing.option_count)]
        assert "maison" in ids and "fr-1-reperer" in ids
        assert str(own) in str(start.query_one("#tr-start-folders").render())


async def test_the_report_is_suggested_in_the_documents_folder(  # type: ignore[no-untyped-def]
    make_app, data_dir, tmp_path, monkeypatch
) -> None:
    from facilitator.tui.screens.training_report import ReportDialog

    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr("platformdirs.user_documents_dir", lambda: str(documents))
    data_dir.mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(data_dir)  # where the app was started: not where a report belongs
    both = packs(tmp_path)
    progress(data_dir)
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        open_trainer(app, both)
        await settle(pilot)
        await pilot.press("ctrl+e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ReportDialog)
        suggested = Path(dialog.query_one("#report-path").value)
        assert suggested.parent == documents and suggested.suffix == ".docx"
