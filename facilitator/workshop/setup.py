"""The session's set-up: its details and language, the participants, the parent objectives the
room aligns with, the glossary, and where its minutes were last exported."""

from __future__ import annotations

from collections.abc import Mapping

from facilitator.locales import LANGS
from facilitator.session import ParentObjective, Participant, Session, new_id
from facilitator.workshop import checks
from facilitator.workshop.changes import SessionChanges
from facilitator.workshop.errors import InvalidInput

DETAILS = ("title", "organisation", "date", "place", "facilitator", "vision")
"""The session's details the set-up edits (the vision alone keeps its line breaks)."""

LAST_EXPORT_DIR = "last_export_dir"
"""Session.extra key: the folder the minutes were last exported to."""


class SetupOperations(SessionChanges):
    def set_details(self, values: Mapping[str, str]) -> list[str]:
        """Set some of `DETAILS` (the date as given: callers read typed dates); return the names
        that changed (nothing is written when none did)."""
        unknown = sorted(set(values) - set(DETAILS))
        if unknown:
            raise InvalidInput(unknown[0], "is not a detail of a session", f"one of {DETAILS}")
        cleaned = {
            name: checks.optional(value, single_line=name != "vision")
            for name, value in values.items()
        }
        changed = {k: v for k, v in cleaned.items() if getattr(self.session, k) != v}
        if changed:

            def apply(s: Session) -> None:
                for name, value in changed.items():
                    setattr(s, name, value)

            self._change(apply)
        return sorted(changed)

    def set_language(self, lang: str) -> None:
        """The session's language: its drafts' assessment, its minutes, its follow-ups."""
        if lang not in LANGS:
            raise InvalidInput("lang", f"{lang!r} is not a language of the tool", f"one of {LANGS}")
        self._change(lambda s: setattr(s, "lang", lang))

    # -- participants ---------------------------------------------------------------------------

    def add_participant(self, name: str, role: str = "", team: str = "") -> str:
        """A new participant, present; returns their id."""
        name = checks.required("name", name, "participant's name")
        role, team, pid = checks.optional(role), checks.optional(team), new_id()
        return self._change_giving(
            pid,
            lambda s: s.participants.append(Participant(id=pid, name=name, role=role, team=team)),
        )

    def update_participant(
        self, participant_id: str, name: str, role: str = "", team: str = ""
    ) -> None:
        """Rename a participant (and set their role and team)."""
        checks.participant(self.session, participant_id)
        name = checks.required("name", name, "participant's name")
        role, team = checks.optional(role), checks.optional(team)

        def update(s: Session) -> None:
            person = checks.participant(s, participant_id)
            person.name, person.role, person.team = name, role, team

        self._change(update)

    def mark_present(self, participant_id: str, present: bool) -> None:
        checks.participant(self.session, participant_id)
        self._change(lambda s: setattr(checks.participant(s, participant_id), "present", present))

    def remove_participant(self, participant_id: str) -> None:
        checks.participant(self.session, participant_id)
        self._change(lambda s: s.participants.remove(checks.participant(s, participant_id)))

    # -- parent objectives and glossary ---------------------------------------------------------

    def add_parent(self, text: str) -> str:
        """A parent objective (the level above, which the room's objectives align with)."""
        text, pid = checks.required("text", text, "objective"), new_id()
        return self._change_giving(
            pid, lambda s: s.parents.append(ParentObjective(id=pid, text=text))
        )

    def remove_parent(self, parent_id: str) -> None:
        """Remove a parent objective; the objectives aligned with it become orphans."""
        checks.parent(self.session, parent_id)

        def remove(s: Session) -> None:
            s.parents.remove(checks.parent(s, parent_id))
            for objective in s.objectives:
                if objective.parent_id == parent_id:
                    objective.parent_id = None

        self._change(remove)

    def define_term(self, term: str, definition: str = "") -> None:
        """Add (or redefine) a glossary term."""
        term = checks.required("term", term, "term")
        definition = checks.optional(definition)
        self._change(lambda s: s.glossary.__setitem__(term, definition))

    def remove_term(self, term: str) -> None:
        self._change(lambda s: s.glossary.pop(term, None))

    def remember_export_folder(self, folder: str) -> None:
        """Where the minutes were exported: offered first at the next export."""
        if self.session.extra.get(LAST_EXPORT_DIR) != folder:
            self._change(lambda s: s.extra.__setitem__(LAST_EXPORT_DIR, folder))
