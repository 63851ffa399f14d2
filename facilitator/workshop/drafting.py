"""The workbench's operations: versions of objectives and key results (drafted, accepted from
the coach, restored, marked final), the room's corrections of a key result's fields, the
wording typed but not yet saved, and undoing or redoing an accepted change.

An item is named by its objective's id and, for a key result, its own id (`kr_id`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from facilitator.session import KeyResult, Session, Versioned, new_id
from facilitator.workshop import accepted, checks
from facilitator.workshop.assessments import KR_FIELDS
from facilitator.workshop.changes import SessionChanges
from facilitator.workshop.errors import InvalidInput, UnknownItem

WORKING_DRAFTS = "working_drafts"
"""Session.extra key: the wording typed but not yet saved as a version, per item key (the
front end's)."""


def working_drafts(session: Session) -> dict[str, str]:
    """The wordings typed but not yet saved, by the front end's item key."""
    drafts = session.extra.get(WORKING_DRAFTS)
    return drafts if isinstance(drafts, dict) else {}


class DraftingOperations(SessionChanges):
    def keep_working_draft(self, key: str, text: str) -> bool:
        """Keep the wording being typed, apart from the versions, so that a killed process loses
        nothing. Best effort: False, and nothing kept, when the store refuses (see
        `_change_quietly`)."""
        if working_drafts(self.session).get(key) == text:
            return True
        return self._change_quietly(
            lambda s: s.extra.setdefault(WORKING_DRAFTS, {}).__setitem__(key, text)
        )

    def save_objective(
        self,
        objective_id: str | None,
        text: str,
        *,
        scores: Mapping[str, float] | None = None,
        findings: Iterable[str] = (),
        note: str = "",
        drafts_done: Iterable[str] = (),
    ) -> str:
        """A new version of the objective, or a new objective when `objective_id` is None;
        returns its id. `drafts_done`: working-draft keys this version settles."""
        text = checks.required("text", text, "objective")
        scores, findings, done = dict(scores or {}), list(findings), list(drafts_done)
        if objective_id is not None:
            checks.objective(self.session, objective_id)
        oid = objective_id or new_id()

        def save(s: Session) -> None:
            if objective_id is None:
                s.add_objective(text, scores, findings, note, id=oid)
            else:
                checks.objective(s, oid).add_version(text, scores, findings, note)
            _settle(s, done)

        return self._change_giving(oid, save)

    def save_key_result(
        self,
        objective_id: str,
        kr_id: str | None,
        text: str,
        *,
        scores: Mapping[str, float] | None = None,
        findings: Iterable[str] = (),
        note: str = "",
        fields: Mapping[str, str] | None = None,
        edited: Iterable[str] = (),
        drafts_done: Iterable[str] = (),
    ) -> str:
        """A new version of the key result, or a new key result of the objective when `kr_id`
        is None; returns its id. `fields` (baseline, target, unit, deadline, owner) are set too,
        `edited` names those the room corrected by hand (neither when `fields` is None)."""
        text = checks.required("text", text, "key result")
        values = _fields(fields) if fields is not None else None
        edited_names = sorted(edited)
        scores, findings, done = dict(scores or {}), list(findings), list(drafts_done)
        checks.item(self.session, objective_id, kr_id)
        kid = kr_id or new_id()

        def save(s: Session) -> None:
            objective = checks.objective(s, objective_id)
            if kr_id is None:
                kr = objective.add_key_result(text, scores, findings, note, id=kid)
            else:
                kr = checks.find(objective.key_results, kid, "key result")
                kr.add_version(text, scores, findings, note)
            if values is not None:
                _set_fields(kr, values, edited_names)
            _settle(s, done)

        return self._change_giving(kid, save)

    def add_key_result(
        self,
        objective_id: str,
        text: str,
        *,
        scores: Mapping[str, float] | None = None,
        findings: Iterable[str] = (),
        note: str = "",
        fields: Mapping[str, str] | None = None,
    ) -> str:
        """A key result added as proposed (by the coach); returns its id. `fields`: what the
        engine read in its wording (baseline, target, unit, deadline), stored as the workbench
        would show them, so that opening it shows nothing unsaved."""
        return self.save_key_result(
            objective_id, None, text, scores=scores, findings=findings, note=note, fields=fields
        )

    def correct_key_result(
        self, objective_id: str, kr_id: str, fields: Mapping[str, str], edited: Iterable[str]
    ) -> None:
        """The room's corrections of a key result's fields, kept over the engine's extraction."""
        values, edited_names = _fields(fields), sorted(edited)
        checks.item(self.session, objective_id, kr_id)

        def correct(s: Session) -> None:
            kr = checks.item(s, objective_id, kr_id)
            assert isinstance(kr, KeyResult)
            _set_fields(kr, values, edited_names)

        self._change(correct)

    def set_objective_owner(self, objective_id: str, owner: str) -> None:
        """Who carries the objective after the workshop (a participant's id, or a name)."""
        owner = checks.clean(owner).strip()
        checks.objective(self.session, objective_id)

        def own(s: Session) -> None:
            checks.objective(s, objective_id).owner = owner

        self._change(own)

    def mark_final(self, objective_id: str, kr_id: str | None, n: int) -> None:
        """Version `n` is the wording the room agreed on."""
        checks.item(self.session, objective_id, kr_id).version(n)
        self._change(lambda s: checks.item(s, objective_id, kr_id).mark_final(n))

    def restore_version(self, objective_id: str, kr_id: str | None, n: int, note: str) -> int:
        """Version `n`'s wording again, as a new version noted `note`; returns its number."""
        checks.item(self.session, objective_id, kr_id).version(n)
        return self._change(lambda s: checks.item(s, objective_id, kr_id).restore(n, note).n)

    def undo_accepted(
        self, objective_id: str, kr_id: str | None, change: accepted.Accepted, note: str
    ) -> None:
        """Undo an accepted change (see `accepted`), noting the new version `note`."""
        self._change(lambda s: accepted.undo(s, _maybe_item(s, objective_id, kr_id), change, note))

    def redo_accepted(
        self, objective_id: str, kr_id: str | None, change: accepted.Accepted, note: str
    ) -> None:
        self._change(lambda s: accepted.redo(s, _maybe_item(s, objective_id, kr_id), change, note))


def _maybe_item(session: Session, objective_id: str, kr_id: str | None) -> Versioned | None:
    """The item, or None when it is gone (an undo of a proposal needs only its objective)."""
    try:
        return checks.item(session, objective_id, kr_id)
    except UnknownItem:
        return None


def _fields(values: Mapping[str, str]) -> dict[str, str]:
    unknown = sorted(set(values) - set(KR_FIELDS))
    if unknown:
        raise InvalidInput(unknown[0], "is not a key result's field", f"one of {KR_FIELDS}")
    return {name: checks.optional(value) for name, value in values.items()}


def _set_fields(kr: KeyResult, values: Mapping[str, str], edited: list[str]) -> None:
    for name, value in values.items():
        setattr(kr, name, value)
    kr.extra["edited_fields"] = edited


def _settle(session: Session, keys: list[str]) -> None:
    """The wording is a version now: its working drafts are no longer needed."""
    drafts = session.extra.get(WORKING_DRAFTS, {})
    for key in keys:
        drafts.pop(key, None)
