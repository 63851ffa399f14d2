"""A version's note as the client reads it: the coach's rules named by their titles in the
session's language, never by their ids, and a suggestion that removes words said in words
("« Essayer d' » supprimé"), never as an empty « ».

The workbench writes its notes with `accepted_note` and `rewrite_note`; the minutes print every
stored note through `readable_note`, which rewrites the notes that sessions stored before (with
rule ids, an empty replacement), so their minutes read the same as a new session's.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from facilitator.locales import LANGS, t

from .facts import rule_titles


def rule_label(lang: str, rule_id: str) -> str:
    """The rule's title as it reads inside a sentence ("formulation hésitante"); its id when
    no rule has it (an id from a rule file since removed)."""
    title = rule_titles(lang).get(rule_id)
    if not title:
        return rule_id
    # Only a capital that starts a word is lowered: "KR sans cible" keeps its acronym.
    return title[0].lower() + title[1:] if title[1:2].islower() else title


def accepted_note(lang: str, rule_id: str, old: str, new: str) -> str:
    """The note of a version made by accepting a suggestion: `old` replaced by `new`, or
    removed when `new` is empty."""
    rule = rule_label(lang, rule_id)
    if new.strip():
        return t(lang, "note.accepted", rule=rule, old=old, new=new)
    return t(lang, "note.accepted.removed", rule=rule, old=old)


def rewrite_note(lang: str, rule_ids: Iterable[str]) -> str:
    """The note of a version made by accepting the coach's rewrite, which resolved `rule_ids`."""
    return t(lang, "note.rewrite", rules=", ".join(rule_label(lang, r) for r in rule_ids))


def readable_note(lang: str, note: str) -> str:
    """`note` as the minutes print it: a note stored with rule ids or an empty replacement
    (before `accepted_note`) rewritten as `accepted_note` writes it now, the rest unchanged. A
    note keeps the language it was written in; `lang` only breaks a tie."""
    for note_lang in (lang, *(other for other in LANGS if other != lang)):
        accepted, rewrite = _patterns(note_lang)
        found = accepted.search(note)
        if found:
            fixed = accepted_note(note_lang, found["rule"], found["old"], found["new"])
            return note[: found.start()] + fixed + note[found.end() :]
        found = rewrite.search(note)
        if found and _all_rule_ids(note_lang, found["rules"]):
            fixed = rewrite_note(note_lang, found["rules"].split(", "))
            return note[: found.start()] + fixed + note[found.end() :]
    return note


def _all_rule_ids(lang: str, listed: str) -> bool:
    """`listed` names rules by their ids (a note written before), not by their titles."""
    ids = listed.split(", ")
    return all(i in rule_titles(lang) for i in ids)


@functools.cache
def _patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The accepted-suggestion and rewrite notes of `lang` as patterns, read from the
    catalogue that wrote them; any run of spaces matches any other (a no-break space typeset
    since, a plain one typed then)."""

    def pattern(key: str, **groups: str) -> re.Pattern[str]:
        marked = t(lang, key, **{name: f"\x00{name}\x00" for name in groups})
        escaped = re.sub(r"(?:\\?\s)+", r"\\s*", re.escape(marked))
        for name, body in groups.items():
            escaped = escaped.replace(re.escape(f"\x00{name}\x00"), f"(?P<{name}>{body})")
        return re.compile(escaped)

    # The rule is an id (a title is what `accepted_note` writes, and it needs no rewriting).
    return (
        pattern("note.accepted", rule=r"[a-z0-9]+(?:-[a-z0-9]+)*", old=r".*?", new=r".*?"),
        pattern("note.rewrite", rules=r"[a-z0-9-]+(?:, [a-z0-9-]+)*"),
    )
