"""The training room's headless parts (issue 15, "New"): the room's state and file, the group
dashboard's data, the anonymised debrief, the progress as CSV and the commands that open the
room and write the CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from facilitator.cli import main
from facilitator.training import load_pack
from facilitator.training.attempts import choice_attempt, coach_hidden, reveal_left
from facilitator.training.board import answers, board, debrief
from facilitator.training.csv_export import COLUMNS, render
from facilitator.training.group import GroupRoom, RoomError, RoomFile, sequence
from facilitator.training.progress import Attempt, TraineeProgress
from facilitator.training.store import TrainingStore

REWORD = load_pack("fr-2-reformuler")
SPOT = load_pack("fr-1-reperer")
T0 = "2026-03-19T09:00:00+00:00"


def _attempt(time: str, text: str, passed: bool, rules: tuple[str, ...] = ()) -> Attempt:
    return Attempt(time, text, passed, [passed], {"overall": 70.0}, list(rules))


def _group() -> list[TraineeProgress]:
    ex = REWORD.exercises[0]
    anne, bob = TraineeProgress("Anne", "CODIR"), TraineeProgress("Bob", "CODIR")
    anne.record(ex.pack, ex.id, _attempt(T0, "Améliorer la qualité", False, ("vague-verb",)))
    anne.record(ex.pack, ex.id, _attempt("2026-03-19T09:02:00+00:00", ex.model_answer, True))
    bob.record(ex.pack, ex.id, _attempt(T0, "Améliorer nos produits", False, ("vague-verb",)))
    bob.reveal(ex.pack, ex.id, "2026-03-19T09:03:00+00:00")
    bob.record(ex.pack, ex.id, _attempt("2026-03-19T09:04:00+00:00", "=HYPERLINK(1)", True))
    return [anne, bob]


def test_a_room_lets_in_the_right_code_and_keeps_its_state_in_its_file(tmp_path: Path):
    room = GroupRoom("CODIR", "TRN234", packs=[REWORD.id])
    with pytest.raises(RoomError, match="bad_code"):
        room.join("ZZZ999", "Anne", "h1")
    with pytest.raises(RoomError, match="no_name"):
        room.join("trn234", " \t", "h1")
    assert room.join(" trn234 ", "  Anne\nMartin ", "h1") == "Anne Martin"
    room.set_countdown(10, REWORD.exercises[0].key, now=1000.0)
    assert room.countdown is not None and room.countdown.left(now=1060.0) == 540
    with pytest.raises(RoomError, match="bad_minutes"):
        room.set_countdown(-1)
    file = RoomFile(TrainingStore(tmp_path / "training"), "CODIR")
    assert file.load() is None
    file.save(room)
    assert file.load() == room
    file.path.write_text("{damaged", encoding="utf-8")
    assert file.load() is None  # a new room, and no attempt lost: they are in the progress files
    assert [e.key for e in sequence(room, {REWORD.id: REWORD})] == [e.key for e in REWORD.exercises]
    room.packs = [SPOT.id, "gone", REWORD.id]
    keys = [e.key for e in sequence(room, {REWORD.id: REWORD, SPOT.id: SPOT})]
    assert len(keys) == len(SPOT.exercises) + len(REWORD.exercises) and keys[0].startswith("fr-1")


def test_removing_a_trainee_revokes_each_of_their_devices_only():
    room = GroupRoom("CODIR", "TRN234")
    room.join("TRN234", "Anne", "phone")
    room.join("TRN234", "anne", "laptop")  # the same trainee on a second device
    room.join("TRN234", "Bob", "h2")
    assert room.remove("ANNE") == 2
    assert room.devices == {"h2": "Bob"} and room.trainee("phone") is None
    with pytest.raises(RoomError, match="invalid"):
        room.remove("Anne")


def test_a_trainees_answers_every_attempt_latest_first_a_choice_by_its_text():
    anne, bob = _group()
    rewrite = REWORD.exercises[0]
    shown = answers(bob, REWORD.exercises, [REWORD])
    (worked,) = shown["exercises"]
    assert worked["status"] == "done_after_reveal" and worked["revealed"]
    assert [(a["text"], a["after_reveal"]) for a in worked["attempts"]] == [
        ("=HYPERLINK(1)", True),
        ("Améliorer nos produits", False),
    ]
    ex = next(e for e in SPOT.exercises if e.is_choice)
    wrong = next(i for i, c in enumerate(ex.choices) if not c.correct)
    anne.record(ex.pack, ex.id, choice_attempt(ex, wrong, "2026-03-19T09:10:00+00:00"))
    shown = answers(anne, [*REWORD.exercises, *SPOT.exercises], [REWORD, SPOT])
    assert [e["key"] for e in shown["exercises"]] == [ex.key, rewrite.key]  # the latest first
    (picked,) = shown["exercises"][0]["attempts"]
    assert picked["text"] == ex.choices[wrong].text and picked["choice"]
    assert not picked["passed"]


def test_the_rules_of_an_exercise_are_the_apps():
    rewrite = REWORD.exercises[0]
    assert reveal_left(rewrite, None) == rewrite.reveal_after
    assert reveal_left(rewrite, None, reveal_after=1) == 1
    spot = next(e for e in SPOT.exercises if e.find_yourself)
    trainee = TraineeProgress("Anne")
    assert coach_hidden(spot, trainee.progress(spot.pack, spot.id))
    trainee.record(spot.pack, spot.id, _attempt(T0, "x", False))
    assert not coach_hidden(spot, trainee.progress(spot.pack, spot.id))
    choice = SPOT.exercises[0]
    attempt = choice_attempt(choice, choice.correct_choice, T0)
    assert attempt.passed and attempt.choice == choice.correct_choice


def test_the_dashboard_counts_a_pass_after_the_answer_apart_and_names_the_rules():
    data = board(
        _group(),
        list(REWORD.exercises),
        [REWORD],
        lang="fr",
        current={"Bob": REWORD.exercises[1].key},
        online={"Bob"},
    )
    anne, bob = data["trainees"]
    assert (anne["name"], anne["done"], anne["after_reveal"], anne["online"]) == (
        "Anne",
        1,
        0,
        False,
    )
    assert (bob["done"], bob["after_reveal"], bob["revealed"], bob["number"]) == (0, 1, 1, 2)
    assert anne["exercise"] == REWORD.exercises[0].title
    assert data["mistakes"][0] == {
        "rule": "vague-verb",
        "title": data["mistakes"][0]["title"],
        "attempts": 2,
        "trainees": 2,
    }


def test_the_debrief_shows_the_last_answers_with_no_names_and_tallies_choices():
    shown = debrief(_group(), REWORD.exercises[0])
    assert sorted(a["text"] for a in shown["answers"]) == sorted(
        [REWORD.exercises[0].model_answer, "=HYPERLINK(1)"]
    )
    assert "Anne" not in str(shown) and "Bob" not in str(shown)
    choice = SPOT.exercises[0]
    trainee = TraineeProgress("Anne")
    trainee.record(choice.pack, choice.id, choice_attempt(choice, choice.correct_choice, T0))
    tally = debrief([trainee], choice)["tally"]
    assert [c["count"] for c in tally if c["correct"]] == [1] and sum(
        c["count"] for c in tally
    ) == (1)


def test_the_progress_csv_has_one_row_per_trainee_and_exercise_and_no_formula():
    data = render(_group(), [REWORD])
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(rows[0]) == list(COLUMNS)
    assert [(r["trainee"], r["status"], r["attempts_to_pass"]) for r in rows] == [
        ("Anne", "done", "2"),
        ("Bob", "done_after_reveal", "2"),
    ]
    assert rows[1]["last_answer"] == "'=HYPERLINK(1)" and rows[1]["revealed"] == "yes"
    french = render(_group(), [REWORD], delimiter=";").decode("utf-8-sig")
    assert french.splitlines()[0].startswith("group;trainee;pack")


def test_report_format_csv_and_train_room_from_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    data = tmp_path / "sessions"
    store = TrainingStore(data / "training")
    for trainee in _group():

        def copy(saved: TraineeProgress, src: TraineeProgress = trainee) -> None:
            saved.exercises.update(src.exercises)

        store.update(trainee.name, trainee.group, copy)
    runner = CliRunner()
    out = tmp_path / "progress.csv"
    result = runner.invoke(
        main, ["exercises", "report", "--format", "csv", "-o", str(out), "--data-dir", str(data)]
    )
    assert result.exit_code == 0, result.output
    assert out.read_bytes().count(b"\r\n") == 3

    served: list[tuple[str, int]] = []
    monkeypatch.setattr(
        "aiohttp.web.run_app", lambda app, host, port, print: served.append((host, port))
    )
    room = ["train", "--room", "-g", "CODIR", "-p", REWORD.id, "-p", SPOT.id, "--port", "9999"]
    result = runner.invoke(main, [*room, "--data-dir", str(data)])
    assert result.exit_code == 0, result.output
    assert served == [("127.0.0.1", 9999)]
    assert "Code\u00a0: " in result.output and "/trainer?key=" in result.output
    assert f"{REWORD.id}, {SPOT.id}" in result.output
    saved = RoomFile(store, "CODIR").load()
    assert saved is not None and saved.packs == [REWORD.id, SPOT.id]
    again = runner.invoke(main, [*room[:4], "--data-dir", str(data)])
    assert f"Code\u00a0: {saved.code}" in again.output  # the same code after a restart
    assert f"{REWORD.id}, {SPOT.id}" in again.output  # and the same packs
    several = runner.invoke(main, ["train", "-p", REWORD.id, "-p", SPOT.id])
    assert several.exit_code == 2 and "--room" in several.output
