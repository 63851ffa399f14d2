"""The coach on real drafts nobody here wrote (tests/real/, tune split) and on calibration pairs.

Floors, not targets: each is a little under what the engine reaches today, so a change that
makes the coach worse on real text fails here. The targets (issue 10) are higher: every flag's
F1 ≥ 0.85 on the held-out split, good-vs-bad ≥ 0.90, pairs ≥ 90 %; `bench/eval_real.py` prints
where we stand. The held-out split is never read by a test: it is for measuring only.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from facilitator.engine import Engine

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import eval_real

# Per language: flag → the lowest F1 accepted on the tune split.
FLAG_FLOORS = {
    "fr": {
        "measurable": 0.95,
        "output": 0.85,
        "jargon": 0.94,
        "too_long": 0.88,
        "has_baseline": 0.95,
    },
    "en": {
        "measurable": 0.95,
        "output": 0.86,
        "jargon": 0.76,
        "too_long": 0.88,
        "has_baseline": 0.85,
    },
}
# Rules whose verdict a label can check, and that fire often enough to be judged (≥ 10 times).
RULE_PRECISION_FLOOR = 0.80
PAIRS_FLOOR = {"fr": 0.92, "en": 0.92}
RANKING_FLOOR = {"fr": 0.87, "en": 0.89}


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


@pytest.fixture(scope="module")
def scored(engine):
    out = {}
    for lang in ("fr", "en"):
        items = eval_real.corpus(lang, "tune")
        out[lang] = (items, engine.assess_many([(i["text"], i["kind"], lang) for i in items]))
    return out


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_corpus_is_real_and_large_enough(lang):
    rows = eval_real.corpus(lang, "all")
    assert len(rows) >= 200
    assert all(r["source"] and r["split"] in ("tune", "heldout") for r in rows)
    heldout = sum(r["split"] == "heldout" for r in rows) / len(rows)
    assert 0.25 <= heldout <= 0.40, "about a third of the drafts are held out"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_flags_hold_on_real_drafts(scored, lang):
    items, results = scored[lang]
    stats = eval_real.flag_stats(items, results)
    low = {
        f: round(stats[f]["f1"], 2)
        for f, floor in FLAG_FLOORS[lang].items()
        if stats[f]["f1"] < floor
    }
    assert not low, f"F1 under the floor on real {lang} drafts: {low}"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_checkable_rules_are_precise_on_real_drafts(scored, engine, lang):
    items, results = scored[lang]
    flag_of = {r.id: r.flag for r in engine.rules(lang)}
    precision = eval_real.rule_precision(items, results, flag_of)
    noisy = {
        rule: f"{right}/{fired}"
        for rule, (right, fired) in precision.items()
        if fired >= 10
        and right / fired < RULE_PRECISION_FLOOR
        and rule not in KNOWN_NOISY.get(lang, ())
    }
    assert not noisy, f"rules under {RULE_PRECISION_FLOOR:.0%} precision: {noisy}"


# Rules known to be under the floor today, each with the reason; the list must only shrink.
KNOWN_NOISY = {
    "fr": {},
    "en": {"unexplained-acronym": "acronyms software readers know (SLO, LDAP): the software pack"},
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_published_good_examples_outrank_bad_ones(scored, lang):
    items, results = scored[lang]
    rank = eval_real.ranking(items, results)
    assert rank is not None and rank[0] >= RANKING_FLOOR[lang], rank


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_strong_versions_beat_weak_ones_by_ten_points(engine, lang):
    share, gaps = eval_real.calibration(engine, lang)
    lost = [f"{gap:+} {row['weak']!r}" for gap, row in gaps if gap < 10]
    assert share >= PAIRS_FLOOR[lang], "\n".join(lost)
