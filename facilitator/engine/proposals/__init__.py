"""Key results proposed for an objective: two to four candidates, made of the objective's own
words and of a library of measures per field (`measures/*.toml`, data; format in its README).

For every objective the full pass proposes at least one outcome (what the objective wants to
change), one leading indicator (what moves first, and what the team acts on) and one
counter-measure (Doerr's paired key results: speed against quality, an effect against its side
effect), each with visible placeholders (X, Y, N, "[date]"): never a number the objective did
not give. A learning objective ("Vérifier que…", "Understand whether…") gets experiment key
results instead: interviews, a test, a go/no-go decision by a date, a time box.

The objective is read with the engine's tokens (parts of speech, lemmas) and parts (deadline,
target). A noun phrase is taken whole or not at all, so that a proposal never quotes a cut
phrase ("part des clients qui renouvellent leur") nor a bare adjective ("strong"); the keywords
of the main clause count most for leading indicators, those of its "why" ("pour que…", "so
that…") for outcomes.

The modules: `library` (the measures, read once), `reading` (the objective), `wording` (a
measure's template filled in) and `choosing` (`propose`).
"""

from facilitator.engine.proposals.choosing import of_people, people_named, propose
from facilitator.engine.proposals.library import (
    KINDS,
    LANGS,
    MAX_PROPOSALS,
    Library,
    Measure,
    MeasureError,
    default_library,
    load_library,
)

__all__ = [
    "KINDS",
    "LANGS",
    "MAX_PROPOSALS",
    "Library",
    "Measure",
    "MeasureError",
    "default_library",
    "load_library",
    "of_people",
    "people_named",
    "propose",
]
