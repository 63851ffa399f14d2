"""Alignment: which strategic (parent) objective a team objective most likely serves.

Two signals, both shown to the room as the reason of a suggestion:

* **word overlap**: the content words the two wordings share, compared as word families (a
  common start, see `room.wording_keys.related`), so "livraison"/"livrer", "patients"/"patient" and
  "formation"/"former" meet. Only the words that say what the objective is about count: the
  verbs of change and their nouns ("réduire", "réduction", "improve"), light verbs, and words
  of degree or time ("sans", "plus", "fin", "without") are left out, from the word lists
  `lexicons/<lang>/alignment/ignored-words.tsv` (both languages at once: a French draft may
  hold English words). Two objectives that share only "réduire" reduce different things.
  A word found in several parents weighs less (inverse document frequency over the parents):
  overlap = weight of the shared roots / weight of the objective's roots.
* **rapidfuzz** `token_set_ratio` on those same content words: a parent is broader than the
  objective that serves it, so here containment is *wanted* (token_set_ratio scores a wording
  inside a longer one high, which the clustering avoids).

score = 0.6 × overlap + 0.4 × fuzzy / 100. A parent sharing no content word is never suggested,
and below `MIN_SCORE` none is: better no suggestion than a confident wrong one. The
facilitator confirms one, picks another, or marks the objective deliberately independent.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from facilitator.engine.lexicon import word_set
from facilitator.room.wording_keys import fold, key, related, stem, surface_words
from facilitator.session import Objective, ParentObjective, Session

MIN_SCORE = 0.2
OVERLAP_WEIGHT = 0.6

IGNORED = frozenset(stem(fold(w)) for w in word_set("alignment", "ignored-words"))
"""Words (folded, singular) that appear in objectives of any subject: never compared."""


@dataclass(frozen=True)
class Suggestion:
    parent_id: str
    score: float
    """0..1"""
    shared: tuple[str, ...]
    """The team objective's words that the parent shares (by root), as written (lower case)."""
    fuzzy: float
    """token_set_ratio of the content words, 0–100."""


def _content(words: Iterable[str]) -> list[str]:
    """The words that say what a wording is about, in text order, once each."""
    return list(dict.fromkeys(w for w in words if len(w) > 2 and w not in IGNORED))


def suggest_parents(
    text: str,
    parents: Sequence[tuple[str, str]],
    *,
    limit: int = 3,
    min_score: float = MIN_SCORE,
) -> list[Suggestion]:
    """The likeliest parents (id, text) of an objective worded `text`, best first.

    Pass the engine's normalised texts when there are (`Assessment.normalized`); raw text works
    too (the comparison folds case, accents, elisions and plurals itself).
    """
    own_words = _content(key(text).words)
    if not own_words:
        return []
    parent_words = [(pid, _content(key(ptext).words)) for pid, ptext in parents]
    n = len(parent_words)

    def found_in(word: str, words: list[str]) -> bool:
        return any(related(word, other) for other in words)

    def weight(word: str) -> float:
        return math.log(1 + (n + 1) / (1 + sum(found_in(word, ws) for _, ws in parent_words)))

    total = sum(weight(w) for w in own_words)
    found: list[Suggestion] = []
    for parent_id, words in parent_words:
        common = {w for w in own_words if found_in(w, words)}
        if not common:
            continue
        overlap = sum(weight(w) for w in common) / total
        fuzzy = float(fuzz.token_set_ratio(" ".join(own_words), " ".join(words)))
        score = OVERLAP_WEIGHT * overlap + (1 - OVERLAP_WEIGHT) * fuzzy / 100
        if score < min_score:
            continue
        shared = tuple(dict.fromkeys(w for w, folded in surface_words(text) if folded in common))
        found.append(Suggestion(parent_id, round(score, 3), shared, fuzzy))
    found.sort(key=lambda s: (-s.score, s.parent_id))
    return found[:limit]


@dataclass
class Branches:
    """The strategy as a tree: each parent with its objectives, then the rest."""

    parents: list[tuple[ParentObjective, list[Objective]]]
    independent: list[Objective]
    """Deliberately not aligned."""
    orphans: list[Objective]
    """No parent and not marked independent: to be settled by the room."""


def branches(session: Session) -> Branches:
    """Objectives (dropped ones left out) under their parent, in session order."""
    active = [o for o in session.objectives if o.status != "dropped"]
    known = {p.id for p in session.parents}
    parents = [(p, [o for o in active if o.parent_id == p.id]) for p in session.parents]
    independent = [o for o in active if o.independent and o.parent_id not in known]
    orphans = [o for o in active if not o.independent and o.parent_id not in known]
    return Branches(parents, independent, orphans)


def link(session: Session, objective_id: str, parent_id: str | None) -> None:
    """Align an objective with a parent (None: unlink, the objective becomes an orphan)."""
    objective = session.objective(objective_id)
    if parent_id is not None:
        session.parent(parent_id)
    objective.parent_id = parent_id
    objective.independent = False


def mark_independent(session: Session, objective_id: str) -> None:
    """Deliberately independent: no parent, and no longer flagged as an orphan."""
    objective = session.objective(objective_id)
    objective.parent_id = None
    objective.independent = True
