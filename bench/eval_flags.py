"""Agreement of the engine's flags with the hand-labelled sets in tests/data/.

    python3 bench/eval_flags.py [--errors FLAG]

Prints, per language and flag, accuracy, precision and recall (the labels were written from the
flag definitions, independently of the engine: see tests/data/README.md).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from facilitator.engine import Engine

TESTS = Path(__file__).resolve().parent.parent / "tests"
# The labelled set the rule writers could see, and a held-out set nobody tunes against.
SETS = {
    "labelled": lambda lang: TESTS / "data" / f"okr_labelled_{lang}.jsonl",
    "heldout": lambda lang: TESTS / "heldout" / f"okr_heldout_{lang}.jsonl",
}
FLAGS = (
    "measurable",
    "output",
    "low_ambition",
    "jargon",
    "too_long",
    "has_baseline",
    "has_deadline",
)


def load(lang: str, which: str = "labelled") -> list[dict]:
    path = SETS[which](lang)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def evaluate(
    engine: Engine, lang: str, which: str = "labelled"
) -> tuple[dict[str, dict[str, float]], list[tuple]]:
    items = load(lang, which)
    results = engine.assess_many([(i["text"], i["kind"], lang) for i in items])
    stats: dict[str, dict[str, float]] = {}
    errors = []
    for flag in FLAGS:
        tp = fp = fn = tn = 0
        for item, a in zip(items, results, strict=True):
            got = getattr(a.flags, flag)
            got = bool(got)
            want = bool(item[flag])
            tp += got and want
            fp += got and not want
            fn += want and not got
            tn += not got and not want
            if got != want:
                errors.append((flag, item["id"], want, got, item["text"]))
        n = tp + fp + fn + tn
        stats[flag] = {
            "accuracy": (tp + tn) / n,
            "precision": tp / (tp + fp) if tp + fp else 1.0,
            "recall": tp / (tp + fn) if tp + fn else 1.0,
            "n": n,
        }
    return stats, errors


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--errors", help="print the disagreements for this flag")
    parser.add_argument("--set", choices=sorted(SETS), default="labelled")
    args = parser.parse_args()
    engine = Engine()
    for lang in ("fr", "en"):
        stats, errors = evaluate(engine, lang, args.set)
        print(f"{lang}: {stats['measurable']['n']} {args.set} drafts")
        for flag, s in stats.items():
            print(
                f"  {flag:<14} accuracy {s['accuracy']:.2f}  precision {s['precision']:.2f}  "
                f"recall {s['recall']:.2f}"
            )
        for flag, ident, want, got, text in errors:
            if flag == args.errors:
                print(f"    {ident}: want {want} got {got}: {text}")


if __name__ == "__main__":
    main()
