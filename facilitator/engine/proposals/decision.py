"""Learning → decision: a key result that studies something instead of changing it ("Assess
Colossus latency", « Étude de faisabilité du portail patient ») ends with a report, which no one
can grade. The rewrite names the decision the study is for, by a date, and the evidence it
rests on: "Decide what to do about Colossus latency by [date], based on N [tests,
measurements or interviews]" (Ries, validated learning: a learning goal ends with a decision).

The study's verbs and nouns are data (`lexicons/<lang>/proposals/learning-verbs.tsv`); its
object is read as the adoption rewrite reads what it deploys (`adoption.opening_object`). A
French object that is a verb (« étudier la faisabilité de migrer le SI ») gets no rewrite: « la
suite à donner à migrer » does not read.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from facilitator.engine.adoption import opening_object
from facilitator.engine.context import Context
from facilitator.engine.inflect import contract_fr

_INFINITIVE = re.compile(r"^\w+(?:er|ir|re)\b", re.IGNORECASE)


def decision_text(ctx: Context, templates: Mapping[str, str], default_deadline: str) -> str | None:
    """The draft reworded as `templates[lang]` ({object}: what it studies, {deadline}: the
    draft's, else `default_deadline`), or None when it does not open with a study of a thing."""
    template = templates.get(ctx.lang)
    obj = opening_object(ctx, "learning-verbs")
    if template is None or obj is None:
        return None
    if ctx.lang == "fr" and _INFINITIVE.match(obj) and not obj.lower().startswith(("l'", "le ")):
        return None
    deadline = ctx.ex.deadlines[-1].text if ctx.ex.deadlines else default_deadline
    text = template.replace("{object}", obj).replace("{deadline}", deadline)
    if ctx.lang == "fr":
        text = contract_fr(text)
    return re.sub(r"\s+", " ", text).strip()
