"""Extract before judging: quantities, deadlines and the parts of a key result.

"Passer le taux de réclamation de 4 % à 2 % d'ici fin 2026" → metric "taux de réclamation",
baseline 4 %, target 2 %, direction down, deadline 2026-12-31. Everything here works on the
normalised text with regular expressions, so it runs in the lexical tier (every keystroke) as
well as in the full pass, and gives the same answer in both.

The modules, in the order a draft meets them: `reader` (the pass itself, after the draft's
label: `engine.labels`), `quantities`, `dates`, `roles`, `ranges`, then `parts` (the metric
and the other parts, on first use) and `model` (what they return). Word lists are in
`lexicons/<lang>/extraction/`.
"""

from facilitator.engine.extract.dates import DEADLINE
from facilitator.engine.extract.model import Deadline, Extraction, Quantity, Role
from facilitator.engine.extract.parts import METRIC_MAX_WORDS, Parts, PartsView
from facilitator.engine.extract.patterns import lower_same_length
from facilitator.engine.extract.reader import extract
from facilitator.engine.labels import label_end

__all__ = [
    "DEADLINE",
    "METRIC_MAX_WORDS",
    "Deadline",
    "Extraction",
    "Parts",
    "PartsView",
    "Quantity",
    "Role",
    "extract",
    "label_end",
    "lower_same_length",
]
