"""Near-duplicate proposals, grouped for the facilitator to merge (or keep apart).

How two proposals are compared
------------------------------
Both wordings are reduced to a `Key` (see `room.wording_keys`): accents folded, elisions split,
function words dropped, plurals reduced, numbers set aside, and the words that say the same
change read as one ("diminuer"/"réduire", "cut"/"reduce": `lexicons/<lang>/room/synonyms.tsv`).
Then, in this order:

1. **Numbers are significant.** If the two keys do not carry the same numbers, they are not
   duplicates, however close the words: "Augmenter la satisfaction de 20 %" and "… de 80 %"
   score 97 with any fuzzy scorer, and are two different ambitions.
2. **Containment is not identity.** If one key's words are all inside the other's and the
   other has more, the short one is a *topic* and the long one a *proposal about it*:
   "Réduire les coûts" is not "Réduire les coûts logistiques de nos entrepôts". Not grouped.
3. **Similarity.** rapidfuzz's `token_sort_ratio` on the content words, with `THRESHOLD`.

Why `token_sort_ratio`: it sorts the words before comparing, so the same idea in another order
("Satisfaction client : l'améliorer" / "Améliorer la satisfaction de nos clients") scores 100,
and it compares the whole strings, so a length difference costs — unlike `token_set_ratio`,
`partial_ratio` or `WRatio`, which give 90–100 to a sentence contained in a longer one. It is
still character-level, so typos and inflections the plural rule missed cost little.

Why 85: on content words, real duplicates (reordered, singular/plural, a typo, a possessive,
"trois"/"3") score 96–100 in the tests; two proposals on the same subject with another verb or
object score 63–83 ("Réduire les délais" / "Réduire les coûts": 64, "Réussir le lancement de
Dermavel" / "Préparer le lancement de Dermavel": 83). The facilitator sees the score and
decides; a missed pair can still be merged by hand (mark them, merge), so the grouping errs on
the side of not grouping.

Groups use complete linkage: a proposal joins a group only if it is a duplicate of *every*
member, so a chain A≈B≈C never glues A to a C it does not resemble.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.process import cdist

from facilitator.room.wording_keys import Key, key

THRESHOLD = 85.0
"""token_sort_ratio on content words at or above which two proposals are duplicates."""

SIMILAR, NUMBERS, CONTAINED, DIFFERENT, EMPTY = (
    "similar",
    "numbers",
    "contained",
    "different",
    "empty",
)


@dataclass(frozen=True)
class Verdict:
    """Whether two wordings are near-duplicates, and why (for the screen)."""

    same: bool
    score: float
    """token_sort_ratio of the content words, 0–100."""
    reason: str
    """similar | numbers (they differ) | contained (one inside the other) | different | empty"""
    detail: tuple[str, ...] = ()
    """numbers: the numbers of each side; contained: the extra words of the longer one."""


def _veto(a: Key, b: Key, score: float) -> Verdict | None:
    if (not a.words and not a.numbers) or (not b.words and not b.numbers):
        return Verdict(False, score, EMPTY)
    if a.numbers != b.numbers:
        return Verdict(False, score, NUMBERS, (" ".join(a.numbers), " ".join(b.numbers)))
    bag_a, bag_b = a.bag, b.bag
    if bag_a != bag_b:
        small, large = (bag_a, bag_b) if bag_a.total() < bag_b.total() else (bag_b, bag_a)
        if not small - large:  # every word of the short one is in the long one
            return Verdict(False, score, CONTAINED, tuple(sorted((large - small).elements())))
    return None


def compare(a: str, b: str, threshold: float = THRESHOLD) -> Verdict:
    """Are `a` and `b` near-duplicates? See the module doc for the three tests."""
    ka, kb = key(a), key(b)
    score = float(fuzz.token_sort_ratio(ka.text, kb.text))
    veto = _veto(ka, kb, score)
    if veto is not None:
        return veto
    return Verdict(score >= threshold, score, SIMILAR if score >= threshold else DIFFERENT)


@dataclass
class Group:
    """Proposals the facilitator may merge: ids in entry order, and the weakest pair score."""

    ids: list[str]
    score: float = 100.0
    scores: dict[str, float] = field(default_factory=dict)
    """member id → its score against the group's first member (shown next to each line)."""


def group(
    items: Sequence[tuple[str, str]],
    *,
    threshold: float = THRESHOLD,
    distinct: Iterable[frozenset[str]] = (),
) -> list[Group]:
    """Groups of two or more near-duplicates among `items` (id, text), in entry order.

    `distinct` holds pairs of ids the room said are not the same: never grouped together.
    A proposal in no group is simply not listed.
    """
    n = len(items)
    if n < 2:
        return []
    keys = [key(text) for _, text in items]
    matrix = cdist(
        [k.text for k in keys],
        [k.text for k in keys],
        scorer=fuzz.token_sort_ratio,
        score_cutoff=threshold,
        workers=1,
    )
    apart = {frozenset(p) for p in distinct}
    same: dict[tuple[int, int], float] = {}
    for i in range(n):
        for j in range(i + 1, n):
            score = float(matrix[i][j])
            if score < threshold or frozenset((items[i][0], items[j][0])) in apart:
                continue
            if _veto(keys[i], keys[j], score) is None:
                same[(i, j)] = score
    # Complete linkage, strongest pairs first.
    owner = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    for (i, j), _score in sorted(same.items(), key=lambda kv: (-kv[1], kv[0])):
        gi, gj = owner[i], owner[j]
        if gi == gj:
            continue
        if all((min(x, y), max(x, y)) in same for x in members[gi] for y in members[gj]):
            for x in members[gj]:
                owner[x] = gi
            members[gi].extend(members.pop(gj))
    groups: list[Group] = []
    for indexes in members.values():
        if len(indexes) < 2:
            continue
        indexes.sort()
        first = indexes[0]
        pair_scores = [same[(x, y)] for x in indexes for y in indexes if x < y]
        groups.append(
            Group(
                ids=[items[i][0] for i in indexes],
                score=min(pair_scores),
                scores={items[i][0]: same.get((first, i), 100.0) for i in indexes},
            )
        )
    groups.sort(key=lambda g: next(i for i, (pid, _) in enumerate(items) if pid == g.ids[0]))
    return groups


def best_wording(texts: Sequence[str]) -> int:
    """Index of the wording to offer first when merging: the one with the most content words
    (ties: the first entered). The facilitator can pick another or edit it."""
    return max(range(len(texts)), key=lambda i: (len(key(texts[i]).words), -i))
