"""The order in which a trainee sees an exercise's answer choices.

Listed in the pack's order, the right answer of a choice exercise sits at the same letter for the
whole group, and "it's B" travels round the room faster than the lesson. Each trainee therefore
gets their own order, derived from who they are and which exercise it is: stable from one visit
to the next (the letters a trainee remembers still hold tomorrow), different from one trainee to
another. The order is for display only: attempts keep recording the pack's own choice index, so
grading, progress and reports do not depend on it.
"""

from __future__ import annotations

import hashlib


def choice_order(trainee: str, exercise: str, count: int) -> tuple[int, ...]:
    """The pack's choice indexes `0 … count - 1` in the order `trainee` sees them.

    Pure and deterministic: the same `(trainee, exercise)` always gives the same permutation (on
    any machine and Python version, since it rests on SHA-256 alone, not on `random` or on
    `hash()`, which is salted per process); different trainees get independent permutations.
    `trainee` is a stable identity of the trainee (the caller normalises it, e.g. the training
    store's file id); `exercise` is the exercise's key ("pack/exercise"). `count` of 0 or 1 gives
    the identity.
    """
    prefix = f"{trainee}\0{exercise}\0".encode()
    # Sorting by a keyed digest per index is a uniform random permutation with the digest as
    # the source of randomness, and needs no seeded generator whose algorithm could change.
    return tuple(
        sorted(range(count), key=lambda i: hashlib.sha256(prefix + str(i).encode()).digest())
    )
