"""The coach's wording judged on real drafts nobody here wrote (tests/real/).

    python3 bench/eval_rewrites.py [--split tune|heldout|all] [--show missing|offered|all]

Prints, per language, for the drafts with an error-level finding: the share offered at least
one alternative wording; of those, the share whose first alternative scores higher than the
draft and keeps its content words; and the share of objectives given two key-result proposals
or more. `--show` lists drafts to read one by one. Tune only on the `tune` split.

"Content words" are the draft's metric and object, as issue 11 puts it, not its verb: its nouns
and proper nouns (spaCy's tagging), outside the stretches a finding asks to replace or remove
(the jargon a rewrite is meant to drop), outside a leading "KR1 :" or "Objective 2:" label and
the tags that file a draft ("[INFRA]", "(COMMITTED)"), and
other than the words of the activity a rewrite turns into a result (the activity, adoption and
study verbs and nouns of the word lists: "Setup", "study", which the tagger may read as
nouns). A word is kept when its first five letters are in the alternative (or in one of a
split's parts), so that an inflected word still counts.
"""

from __future__ import annotations

import argparse
import functools
import re
from typing import Any

import eval_real  # bench/ scripts run from their own folder

from facilitator.engine import Engine, pipelines
from facilitator.engine.alternatives import TAGS
from facilitator.engine.lexicon import read_table, word_table
from facilitator.engine.model import Alternative, Assessment
from facilitator.paths import data_dir

LEXICONS = data_dir("lexicons")

LABEL = re.compile(r"^\W*(?:KR|key results?|objecti[fv]e?s?|résultats? clés?)\s*\d*\s*[:.—-]", re.I)


@functools.cache
def activity_words(lang: str) -> frozenset[str]:
    """The words of the activity verbs and nouns a rewrite replaces, as the word lists say."""
    words = {row["term"].split()[0] for row in read_table(LEXICONS / lang / "activity-verbs.tsv")}
    for name in ("adoption-verbs", "learning-verbs"):
        for row in word_table(lang, "proposals", name):
            words.update(row["term"].split())
    return frozenset(words)


def content_words(nlp: Any, a: Assessment) -> set[str]:
    """The draft's nouns, outside what its findings ask to replace or remove."""
    spans = [(f.start, f.end) for f in a.findings if f.action in ("replace", "remove")]
    spans += [(m.start(), m.end()) for m in TAGS.finditer(a.text)]  # "[INFRA]" files the draft
    label = LABEL.match(a.text)
    start = label.end() if label else 0
    words = [t for t in nlp(a.text) if t.idx >= start and t.is_alpha]
    # The opening word is the draft's verb, even where the tagger reads it as a noun
    # ("Livrer", "Launch"): the rewrites restructure around it.
    activity = activity_words(a.lang)
    return {
        t.text.lower()
        for t in words[1:]
        if t.pos_ in ("NOUN", "PROPN")
        and t.text.lower() not in activity
        and len(t.text) > 2
        and not any(s <= t.idx < e for s, e in spans)
    }


def lost(words: set[str], alt: Alternative) -> list[str]:
    """The content words the alternative does not keep."""
    text = " ".join([alt.text, *(p for p, _ in alt.parts)]).lower()
    return sorted(w for w in words if w[:5] not in text)


def has_error(a: Assessment) -> bool:
    return any(f.level == "error" for f in a.findings)


def report(engine: Engine, lang: str, split: str, show: str | None) -> None:
    items = eval_real.corpus(lang, split)
    nlp = pipelines.load(lang).nlp
    results = engine.assess_many([(i["text"], i["kind"], lang) for i in items])
    errors = [(i, a) for i, a in zip(items, results, strict=True) if has_error(a)]
    offered = [(i, a) for i, a in errors if a.alternatives]
    good, losses = [], {}
    for i, a in offered:
        alt = a.alternatives[0]
        gained = alt.scores.overall > a.scores.overall or any(
            s.overall > a.scores.overall for _, s in alt.parts
        )
        losses[i["id"]] = lost(content_words(nlp, a), alt)
        if gained and not losses[i["id"]]:
            good.append(i["id"])
    objectives = [a for a in results if a.kind == "objective"]
    proposed = sum(len(a.key_result_proposals) >= 2 for a in objectives)
    print(f"== {lang}: {len(items)} real drafts ({split}), {len(errors)} with an error")
    print(f"  offered an alternative: {len(offered)}/{len(errors)} = {share(offered, errors)}")
    print(f"  ... scoring higher and keeping the content words: {len(good)}/{len(offered)}")
    print(f"  objectives with >= 2 key-result proposals: {proposed}/{len(objectives)}")
    for i, a in errors:
        if show == "missing" and a.alternatives:
            continue
        if show == "offered" and not a.alternatives:
            continue
        if show is None:
            continue
        rules = sorted({f.rule for f in a.findings if f.level == "error"})
        print(f"\n  {i['id']} [{a.kind}] ({a.scores.overall}) {a.text!r} {rules}")
        for alt in a.alternatives:
            mark = "" if i["id"] in good else f"  (lower, or loses {losses[i['id']]})"
            print(f"    -> {alt.strategy} ({alt.scores.overall}){mark}: {alt.text!r}")
            for part, s in alt.parts:
                print(f"       part ({s.overall}): {part!r}")
            for q in alt.questions:
                print(f"       ? {q}")


def share(part: list[Any], whole: list[Any]) -> str:
    return f"{len(part) / len(whole):.0%}" if whole else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=["tune", "heldout", "all"], default="tune")
    parser.add_argument("--show", choices=["missing", "offered", "all"])
    args = parser.parse_args()
    engine = Engine()
    for lang in ("fr", "en"):
        report(engine, lang, args.split, args.show)


if __name__ == "__main__":
    main()
