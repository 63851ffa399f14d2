"""A training room, headless: one group working a sequence of packs from their own devices.

`GroupRoom` is the room's state: its join code, the group's name, the packs assigned in order,
the devices that joined (the hash of each device's token → the trainee's name), a countdown and
the exercise projected for the debrief. `RoomFile` keeps it beside the trainees' progress
(``training/rooms/<group>.json``, written atomically), so a restarted server keeps its code and
lets every device back in. What the trainees do lands in their progress files
(`TrainingStore`), never here: a room file lost loses no attempt.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from facilitator.durable import atomic_write
from facilitator.training.model import Exercise, Pack
from facilitator.training.progress import clean_name, same_name
from facilitator.training.store import TrainingStore, trainee_file_id

MAX_COUNTDOWN_MINUTES = 240
"""A countdown longer than a half-day session is a typing mistake."""

MAX_TRAINEES = 200
"""Devices a room lets in: far over a training group, a bound on what a stranger can add."""


class RoomError(ValueError):
    """An operation the room refuses; `reason` is a short code the pages translate."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class Countdown:
    ends_at: float
    """Seconds since the epoch."""
    exercise: str = ""
    """The exercise it is for ("pack/exercise"), or "" for the whole session."""

    def left(self, now: float | None = None) -> int:
        return max(0, round(self.ends_at - (time.time() if now is None else now)))


@dataclass
class GroupRoom:
    group: str
    code: str
    packs: list[str] = field(default_factory=list)
    devices: dict[str, str] = field(default_factory=dict)
    """Token hash → trainee name."""
    countdown: Countdown | None = None
    projected: str = ""
    """The exercise whose answers the wall shows ("pack/exercise"), or ""."""

    def join(self, code: str, name: str, token_hash: str, online: Iterable[str] = ()) -> str:
        """Let a device in as trainee `name` (cleaned; returned); RoomError when the code is
        wrong, the name empty or the room full. A name already in the room is the same trainee
        on another device (their progress follows them), unless a device of that name is
        connected now (`online`): then it is "taken", so nobody works under the name of a
        trainee who is in the room."""
        if code.strip().upper() != self.code:
            raise RoomError("bad_code")
        name = clean_name(name)
        if not name:
            raise RoomError("no_name")
        if name.casefold() in {clean_name(n).casefold() for n in online}:
            raise RoomError("taken")
        if len(set(self.devices.values())) >= MAX_TRAINEES and name not in self.devices.values():
            raise RoomError("full")
        self.devices[token_hash] = name
        return name

    def trainee(self, token_hash: str) -> str | None:
        return self.devices.get(token_hash)

    def remove(self, name: str) -> int:
        """Let trainee `name` out: every device that joined under that name (any case) loses its
        token, so its pages close and its cookie opens nothing; how many were removed.
        RoomError("invalid") when no device has that name. Their progress file is untouched:
        what they did stays in the reports, and they find it again if they join anew."""
        gone = [token for token, who in self.devices.items() if same_name(who, name)]
        if not gone:
            raise RoomError("invalid")
        for token in gone:
            del self.devices[token]
        return len(gone)

    def set_countdown(self, minutes: float, exercise: str = "", now: float | None = None) -> None:
        """Start a countdown of `minutes` (0 stops it)."""
        if not 0 <= minutes <= MAX_COUNTDOWN_MINUTES:
            raise RoomError("bad_minutes")
        start = time.time() if now is None else now
        self.countdown = Countdown(start + minutes * 60, exercise) if minutes else None

    def to_dict(self) -> dict[str, Any]:
        countdown = self.countdown
        return {
            "group": self.group,
            "code": self.code,
            "packs": list(self.packs),
            "devices": dict(self.devices),
            "countdown": None
            if countdown is None
            else {"ends_at": countdown.ends_at, "exercise": countdown.exercise},
            "projected": self.projected,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> GroupRoom:
        raw = data.get("countdown")
        countdown = (
            Countdown(float(raw["ends_at"]), str(raw.get("exercise", "")))
            if isinstance(raw, dict) and isinstance(raw.get("ends_at"), int | float)
            else None
        )
        devices = data.get("devices")
        return cls(
            group=clean_name(str(data.get("group", ""))),
            code=str(data.get("code", "")),
            packs=[str(p) for p in data.get("packs", []) if isinstance(p, str)],
            devices={
                str(k): clean_name(str(v))
                for k, v in (devices.items() if isinstance(devices, dict) else [])
            },
            countdown=countdown,
            projected=str(data.get("projected", "")),
        )


class RoomFile:
    """Where a group's room is kept: ``<training folder>/rooms/<group file id>.json``."""

    def __init__(self, store: TrainingStore, group: str) -> None:
        self.path = Path(store.root) / "rooms" / f"{trainee_file_id(group or 'room')}.json"

    def load(self) -> GroupRoom | None:
        """The room saved before, or None (no file, or one that cannot be read: a new room)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return GroupRoom.from_dict(data) if isinstance(data, dict) else None

    def save(self, room: GroupRoom) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        text = json.dumps(room.to_dict(), ensure_ascii=False, indent=1)
        atomic_write(self.path, text.encode("utf-8"))


def sequence(room: GroupRoom, packs: dict[str, Pack]) -> list[Exercise]:
    """The exercises the group works, pack after pack in the order assigned (an assigned pack
    that no longer loads is skipped)."""
    return [e for pack_id in room.packs if pack_id in packs for e in packs[pack_id].exercises]
