"""The coach judged on real drafts nobody here wrote (tests/real/) and on calibration pairs.

    python3 bench/eval_real.py [--split tune|heldout|all] [--errors FLAG] [--rules]

Prints, per language: each flag's precision, recall and F1 against the labels (written from the
definitions in tests/real/README.md, independently of the engine); each rule's precision where a
label says whether it was right; the chance that a draft a published guide calls good outscores
one it calls bad; and the share of calibration pairs (tests/calibration/) where the strong
version wins by at least 10 points. Tune only on the `tune` split: `heldout` is for measuring.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import eval_flags  # bench/ scripts run from their own folder

from facilitator.engine import Engine

TESTS = Path(__file__).resolve().parent.parent / "tests"
FLAGS = eval_flags.FLAGS
# A rule is right when the label it stands for says so (True: the flag holds; False: it does not).
RULE_LABELS: dict[str, tuple[str, bool]] = {
    "kr-no-target": ("measurable", False),
    "kr-baseline-only": ("measurable", False),
    "kr-no-deadline": ("has_deadline", False),
    "kr-no-baseline": ("has_baseline", False),
    "kr-output-activity": ("output", True),
    "objective-output-verb": ("output", True),
    "several-ideas": ("too_long", True),
    "too-many-words": ("too_long", True),
}


def load(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def corpus(lang: str, split: str) -> list[dict[str, Any]]:
    rows = load(TESTS / "real" / f"real_{lang}.jsonl")
    return rows if split == "all" else [r for r in rows if r.get("split") == split]


def flag_stats(items: list[dict[str, Any]], results: list[Any]) -> dict[str, dict[str, float]]:
    stats = {}
    for flag in FLAGS:
        tp = fp = fn = 0
        for item, a in zip(items, results, strict=True):
            got, want = bool(getattr(a.flags, flag)), bool(item[flag])
            tp += got and want
            fp += got and not want
            fn += want and not got
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        stats[flag] = {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "n": tp + fn}
    return stats


def rule_precision(
    items: list[dict[str, Any]], results: list[Any], flag_of: dict[str, str]
) -> dict[str, tuple[int, int]]:
    """rule id → (right, fired), for rules whose verdict a label can check."""
    out: dict[str, list[int]] = {}
    for item, a in zip(items, results, strict=True):
        for rule in {f.rule for f in a.findings}:
            label = RULE_LABELS.get(rule) or ((flag_of[rule], True) if flag_of.get(rule) else None)
            if label is None:
                continue
            flag, holds = label
            counts = out.setdefault(rule, [0, 0])
            counts[0] += bool(item[flag]) == holds
            counts[1] += 1
    return {rule: (c[0], c[1]) for rule, c in out.items()}


def ranking(
    items: list[dict[str, Any]], results: list[Any], score: str = "overall"
) -> tuple[float, int] | None:
    """P(a good draft outscores a bad one of the same kind on `score`), ties counting half."""
    wins = pairs = 0.0
    for kind in ("objective", "key_result"):
        good = [
            getattr(a.scores, score)
            for i, a in zip(items, results, strict=True)
            if i.get("verdict") == "good" and i["kind"] == kind
        ]
        bad = [
            getattr(a.scores, score)
            for i, a in zip(items, results, strict=True)
            if i.get("verdict") == "bad" and i["kind"] == kind
        ]
        for g in good:
            for b in bad:
                wins += 1.0 if g > b else 0.5 if g == b else 0.0
                pairs += 1
    return (wins / pairs, int(pairs)) if pairs else None


def calibration(
    engine: Engine, lang: str, heldout: bool = False
) -> tuple[float, list[tuple[int, dict[str, Any]]]]:
    """The share of pairs the strong version wins by 10 points or more; `heldout` reads the
    pairs written later and never tuned against (tests/calibration/heldout/)."""
    folder = TESTS / "calibration" / ("heldout" if heldout else "")
    rows = load(folder / f"pairs_{lang}.jsonl")
    texts = [(t, r["kind"], lang) for r in rows for t in (r["weak"], r["strong"])]
    scored = engine.assess_many(texts)
    gaps = [
        (scored[2 * n + 1].scores.overall - scored[2 * n].scores.overall, r)
        for n, r in enumerate(rows)
    ]
    return (sum(g >= 10 for g, _ in gaps) / len(rows) if rows else 0.0), gaps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=["tune", "heldout", "all"], default="tune")
    parser.add_argument(
        "--errors", metavar="FLAG", help="list the drafts where FLAG is wrong (pairs: lost pairs)"
    )
    parser.add_argument("--rules", action="store_true", help="per-rule precision")
    args = parser.parse_args()
    engine = Engine()
    for lang in ("fr", "en"):
        items = corpus(lang, args.split)
        results = engine.assess_many([(i["text"], i["kind"], lang) for i in items])
        print(f"== {lang}: {len(items)} real drafts ({args.split})")
        for flag, s in flag_stats(items, results).items():
            figures = f"P {s['p']:.2f}  R {s['r']:.2f}  F1 {s['f1']:.2f}"
            print(f"  {flag:<13} {figures}  (positives {s['n']})")
        rank = ranking(items, results)
        if rank:
            print(f"  good outranks bad: {rank[0]:.2f} over {rank[1]} pairs")
            clarity = ranking(items, results, "clarity")
            print(f"  ... on clarity alone: {clarity[0]:.2f}" if clarity else "")
        share, gaps = calibration(engine, lang, heldout=args.split == "heldout")
        print(f"  calibration pairs won by >= 10 points: {share:.0%}")
        if args.errors == "pairs":
            for gap, row in sorted(gaps, key=lambda g: g[0]):
                if gap < 10:
                    print(f"    {gap:+4} [{row['defect']}] {row['weak'][:70]!r}")
        if args.rules:
            flag_of = {r.id: r.flag for r in engine.rules(lang)}
            for rule, (right, fired) in sorted(rule_precision(items, results, flag_of).items()):
                print(f"    {rule:<28} {right}/{fired} = {right / fired:.2f}")
        if args.errors and args.errors != "pairs":
            for item, a in zip(items, results, strict=True):
                got = bool(getattr(a.flags, args.errors))
                if got != bool(item[args.errors]):
                    rules = sorted({f.rule for f in a.findings})
                    want = f"want {item[args.errors]!s:<5} {item['id']}"
                    print(f"    {want} {item['text'][:90]!r} {rules}")


if __name__ == "__main__":
    main()
