"""`facilitator room` through its click command (the lead registers it in the CLI's group):
the room opens with a join code kept across restarts, the address and QR code are shown, the
server is started on the host and port asked for, `--close` lets every device go."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from facilitator.demo import DEMO_ID
from facilitator.store import SessionStore
from facilitator.web import command, launch
from facilitator.workshop.participants import RoomState


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, str, int]]:
    calls: list[tuple[Any, str, int]] = []
    monkeypatch.setattr(command, "serve", lambda *args: calls.append(args))
    return calls


def _run(*args: str) -> Any:
    return CliRunner().invoke(command.room, list(args), catch_exceptions=False)


def test_the_demo_room_opens_on_localhost_with_a_code_and_its_qr_code(tmp_path: Path, served: list):
    result = _run("--demo", "--data-dir", str(tmp_path), "--step", "brainstorm")
    assert result.exit_code == 0, result.output
    room = RoomState.of(SessionStore(tmp_path).load(DEMO_ID))
    assert not room.closed and room.open_steps == ("brainstorm",) and len(room.code) == 6
    assert f"Join code: {room.code}" in result.output
    assert launch.join_url("127.0.0.1", 8765, room.code) in result.output
    assert "▀" in result.output or "▄" in result.output  # the QR code
    ((server, host, port),) = served
    assert (host, port) == ("127.0.0.1", 8765) and server.workshop.session_id == DEMO_ID


def test_a_restarted_room_keeps_its_code_and_close_lets_every_device_go(
    tmp_path: Path, served: list
):
    _run("--demo", "--data-dir", str(tmp_path))
    store = SessionStore(tmp_path)
    code = RoomState.of(store.load(DEMO_ID)).code
    result = _run(DEMO_ID, "--data-dir", str(tmp_path), "--host", "0.0.0.0", "--port", "9000")
    assert RoomState.of(store.load(DEMO_ID)).code == code
    assert "room's Wi-Fi" in result.output and served[-1][1:] == ("0.0.0.0", 9000)
    assert _run(DEMO_ID, "--data-dir", str(tmp_path), "--close").output == "room closed\n"
    assert RoomState.of(store.load(DEMO_ID)).closed
    _run(DEMO_ID, "--data-dir", str(tmp_path))
    assert RoomState.of(store.load(DEMO_ID)).code != code


def test_a_session_or_the_demo_but_not_both_and_an_unknown_session_is_an_error(
    tmp_path: Path, served: list
):
    assert CliRunner().invoke(command.room, ["--data-dir", str(tmp_path)]).exit_code == 2
    result = CliRunner().invoke(command.room, ["nope", "--data-dir", str(tmp_path)])
    assert result.exit_code == 1 and "nope" in result.output
    result = CliRunner().invoke(
        command.room, ["--demo", "--data-dir", str(tmp_path), "--step", "break"]
    )
    assert result.exit_code == 1 and "break" in result.output
    assert not served
