"""Alternatives: up to three wordings of a draft that fix its main problem, each scored.

The strategies are data (`rules/rewrites.toml`): which findings each one answers, what it
changes and why, in both languages, with examples the tests run. They are built here:
- "plain-words": the safe edits of the rules marked `safe = true` (the `Rewrite`), with the
  questions the room must settle when a removed word changed the commitment;
- "add-target": a key result without a target becomes a measure of what it names, in its own
  words, from X to Y by a date ("Améliorer la satisfaction client" → "Faire passer la
  satisfaction client de X à Y d'ici [date]"), from the own-words proposals (`proposals`);
- "name-the-measure": a vague verb on a vague measure keeps the measure and asks for its
  indicator ("Améliorer la qualité du code" → "Faire passer la qualité du code, mesurée par
  [indicateur], de X à Y d'ici [date]", `proposals.vague_measure`);
- "activity-to-outcome": a draft that deploys, launches or ships something becomes a measure of
  its use, from the strategy's templates (`adoption`);
- "activity-as-means": any other activity becomes the result it should move, a placeholder
  measure from X to Y, with the activity kept as the means ("Installer la commission" →
  "Faire passer [indicateur] de X à Y d'ici [date] en installant la commission",
  `proposals.means`);
- "learning-to-decision": a key result that studies something ("Assess Colossus latency")
  becomes the decision the study is for, by a date, from N tests, measurements or interviews
  (`proposals.decision`);
- "state-of-people": a vague objective about how people feel or act becomes the change in
  those people ("Améliorer la satisfaction client" → "Rendre nos clients plus satisfaits"),
  a jargon means left out and asked of the room (`proposals.state`);
- "slogan-to-change": a slogan ("Code health") keeps its words as the heading and leaves the
  blank the room must fill, "Code health: [what should change, and for whom]", with the
  question to settle it (`proposals.slogan`);
- "synergies-to-teamwork": "Optimiser les synergies entre A et B pour X" says the means in
  plain words and leaves the change blank: "[Ce qui doit changer, et pour qui] pour X, en
  faisant travailler ensemble A et B", with the question (`proposals.teamwork`);
- "split": a draft that holds two ideas becomes two drafts, one idea each, what they share
  given to both (`split`). It is kept when it fixes what it answers: its parts read clearer
  than the draft and hold one idea each; each part's other problems are then worked on its own.
The alternatives other than "plain-words" and "split" are kept only when they score higher
than the draft; the "plain-words" one is the rewrite as it stands (it never scores lower).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitator.engine.adoption import adoption_text
from facilitator.engine.context import Context
from facilitator.engine.features import BLANK
from facilitator.engine.french import typography
from facilitator.engine.inflect import apply_edit
from facilitator.engine.inflect.additions import is_addition
from facilitator.engine.labels import label_end
from facilitator.engine.model import Alternative, Finding, Rewrite, Scores
from facilitator.engine.proposals import propose
from facilitator.engine.proposals.decision import decision_text
from facilitator.engine.proposals.means import means_text
from facilitator.engine.proposals.slogan import slogan_text
from facilitator.engine.proposals.state import state_text
from facilitator.engine.proposals.teamwork import teamwork_text
from facilitator.engine.proposals.vague_measure import vague_measure_text
from facilitator.engine.split import split_parts

MAX_ALTERNATIVES = 3
STRATEGIES_FILE = "rewrites.toml"
# The strategies this module knows how to build.
BUILT = (
    "plain-words",
    "add-target",
    "name-the-measure",
    "activity-to-outcome",
    "activity-as-means",
    "split",
    "state-of-people",
    "learning-to-decision",
    "slogan-to-change",
    "synergies-to-teamwork",
)
_KINDS = ("objective", "key_result")


class StrategyError(ValueError):
    """A strategies file that cannot be used; the message names the file and the field."""


@dataclass(frozen=True, slots=True)
class Example:
    lang: str
    kind: str
    draft: str
    shape: str  # the alternative's text, exactly


@dataclass(frozen=True, slots=True)
class Strategy:
    id: str
    answers: frozenset[str]  # rule ids; "safe" stands for every rule marked safe = true
    kinds: frozenset[str]
    changed: dict[str, str]
    why: dict[str, str]
    examples: tuple[Example, ...]
    templates: dict[str, dict[str, str]]  # kind → lang → wording with {object}, {deadline}
    deadline: dict[str, str]  # lang → the deadline to write when the draft has none
    users: dict[str, str]  # lang → whose use is measured when the draft names nobody
    deliver: dict[str, str]  # lang → the verb of a draft that names a deliverable and no verb
    states: dict[str, dict[str, str]]  # lang → state noun → the adjective it becomes
    ask: dict[str, str]  # lang → the question for words a rewrite left out ({means})
    jargon: dict[str, frozenset[str]]  # lang → the jargon nouns a rewrite says in plain words


def load_strategies(path: Path) -> dict[str, Strategy]:
    """The strategies of `path`, by id. A missing file means no alternatives but the rewrite."""
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise StrategyError(f"{path}: {exc}") from exc
    out: dict[str, Strategy] = {}
    for n, raw in enumerate(data.get("strategy", []), 1):
        where = f"{path}: strategy {n}"
        if not isinstance(raw, dict):
            raise StrategyError(f"{where}: write it as a [[strategy]] table")
        sid = str(raw.get("id", ""))
        if sid not in BUILT:
            raise StrategyError(f"{where}: field 'id' is '{sid}'; known: {', '.join(BUILT)}")
        kinds = frozenset(map(str, raw.get("kinds", [])))
        if not kinds or not kinds <= set(_KINDS):
            raise StrategyError(f"{where}: field 'kinds' must list {' and/or '.join(_KINDS)}")
        out[sid] = Strategy(
            sid,
            frozenset(map(str, raw.get("answers", []))),
            kinds,
            _both(raw, "changed", where),
            _both(raw, "why", where),
            tuple(
                _example(e, f"{where}, example {i}")
                for i, e in enumerate(raw.get("examples", []), 1)
            ),
            {kind: _both(raw["template"], kind, where) for kind in raw.get("template", {})},
            _both(raw, "deadline", where) if "deadline" in raw else {},
            _both(raw, "users", where) if "users" in raw else {},
            _both(raw, "deliver", where) if "deliver" in raw else {},
            _states(raw, where),
            _both(raw, "ask", where) if "ask" in raw else {},
            _jargon(raw, where),
        )
    return out


def _states(raw: dict[str, Any], where: str) -> dict[str, dict[str, str]]:
    value = raw.get("states", {})
    tables = {lang: value.get(lang) for lang in ("fr", "en")} if isinstance(value, dict) else {}
    if value and not all(
        isinstance(t, dict) and all(isinstance(v, str) for v in t.values()) for t in tables.values()
    ):
        raise StrategyError(f"{where}: field 'states' needs, for fr and en, noun = \"adjective\"")
    return {lang: {k.lower(): v for k, v in t.items()} for lang, t in tables.items() if t}


def _jargon(raw: dict[str, Any], where: str) -> dict[str, frozenset[str]]:
    value = raw.get("jargon", {})
    if not isinstance(value, dict) or not all(
        isinstance(words, list) and all(isinstance(w, str) for w in words)
        for words in value.values()
    ):
        raise StrategyError(f"{where}: field 'jargon' needs, per language, a list of words")
    return {lang: frozenset(w.lower() for w in words) for lang, words in value.items()}


def _both(raw: dict[str, Any], key: str, where: str) -> dict[str, str]:
    value = raw.get(key)
    if not isinstance(value, dict) or not all(
        isinstance(value.get(lang), str) for lang in ("fr", "en")
    ):
        raise StrategyError(f"{where}: field '{key}' needs a text for fr and for en")
    return {"fr": value["fr"], "en": value["en"]}


def _example(raw: Any, where: str) -> Example:
    if not isinstance(raw, dict):
        raise StrategyError(f"{where}: write it as a [[strategy.examples]] table")
    fields = {k: str(raw.get(k, "")) for k in ("lang", "kind", "draft", "shape")}
    missing = [k for k, v in fields.items() if not v]
    if missing:
        raise StrategyError(f"{where}: field '{missing[0]}' is missing")
    return Example(**fields)


def alternatives(
    ctx: Context,
    findings: Sequence[Finding],
    rewrite: Rewrite | None,
    strategies: dict[str, Strategy],
    safe_rules: frozenset[str],
    asked: dict[str, str],
    score_text: Callable[[str], Scores],
    draft_scores: Scores,
) -> list[Alternative]:
    """Up to three alternatives for the draft in `ctx`, best overall score first. `asked` maps
    a rule to the question the room must settle when an alternative drops its words."""
    fired = {f.rule for f in findings}
    out: list[Alternative] = []
    plain = strategies.get("plain-words")
    if rewrite is not None and plain is not None and ctx.kind in plain.kinds:
        plain_text, scores = rewrite.text, rewrite.scores
        if label := label_end(plain_text):  # "KR2 : …": the workbench numbers it, not the text
            plain_text = plain_text[label:][:1].upper() + plain_text[label + 1 :]
            scores = score_text(plain_text)
        out.append(_made(plain, ctx.lang, plain_text, scores, rewrite.questions))
    target = strategies.get("add-target")
    if target is not None and ctx.kind in target.kinds and _answers(target, fired, safe_rules):
        for p in propose(ctx):
            if p.measure.startswith("own-words/"):
                scores = score_text(p.text)
                if scores.overall > draft_scores.overall:
                    questions = _dropped(p.text, findings, asked)
                    out.append(_made(target, ctx.lang, p.text, scores, questions))
    for sid, ask_build in _ASKING.items():
        strategy = strategies.get(sid)
        if strategy is None or ctx.kind not in strategy.kinds:
            continue
        found = ask_build(ctx, strategy) if _answers(strategy, fired, frozenset()) else None
        if found is not None:
            wording = typography(untagged(found[0]), ctx.lang)
            scores = score_text(wording)
            if scores.overall > draft_scores.overall:
                asked_room = [typography(q, ctx.lang) for q in found[1]]
                out.append(_made(strategy, ctx.lang, wording, scores, asked_room))
    for sid, build in _BUILDERS.items():
        strategy = strategies.get(sid)
        if strategy is None or ctx.kind not in strategy.kinds:
            continue
        if sid == "activity-as-means":
            # The fallback, for an error only: a measure the draft names, or the use of what
            # it delivers, reads better than a placeholder measure; a draft with a figure of
            # its own ("Former au moins 80 % des agents") is better left as it is.
            errors = {f.rule for f in findings if f.level == "error"}
            done = any(a.strategy != "plain-words" for a in out)
            if done or ctx.ex.quantities or not _answers(strategy, errors, frozenset()):
                continue
        elif not _answers(strategy, fired, safe_rules):
            continue
        text = build(ctx, strategy)
        text = _swapped(untagged(text), findings, ctx.lang) if text is not None else None
        if text is not None:
            scores = score_text(text)
            if scores.overall > draft_scores.overall:
                # "activity-as-means" keeps every word but the deadline, a hedge in the gerund
                # ("en essayant de déployer"): nothing dropped, nothing to ask.
                kept = sid == "activity-as-means"
                questions = [] if kept else _dropped(text, findings, asked)
                out.append(_made(strategy, ctx.lang, text, scores, questions))
    split = strategies.get("split")
    if split is not None and ctx.kind in split.kinds and _answers(split, fired, frozenset()):
        made = _split(ctx, split, score_text, draft_scores)
        if made is not None:
            out.append(made)
    # A wording with no word of its own left (a removal that took the whole draft) is no
    # proposal; the first of twins stays.
    out = [a for a in out if _has_words(a.text)]
    unique = list({a.text: a for a in reversed(out)}.values())
    unique.sort(key=lambda a: -a.scores.overall)
    return unique[:MAX_ALTERNATIVES]


# A tag that files a draft ("[INFRA]", "[DevRel]", "[kojii, houdini-dev]") or marks its status
# ("(COMMITTED)", "(stretch)", "(ASPIRATIONAL/LEARNING)"): not wording; nor are the brackets a
# removed deadline leaves empty ("(EOQ)" → "()"). A blank the room fills ("[indicateur]") stays.
_STATUS = r"committed|stretch|aspirational|aspirationnel|engagé|draft|wip|learning|apprentissage"
TAGS = re.compile(
    rf"\s*(?:(?!{BLANK})\[[^\]]*\]"
    rf"|\((?i:{_STATUS})(?:\s*[/,&]\s*(?i:{_STATUS}))*\)|\(\s*\))"
)


def _swapped(text: str, findings: Sequence[Finding], lang: str) -> str:
    """`text` with the safe word swaps of the draft's findings made where the draft's words
    are kept (« en lançant le nouvel onboarding » → « … le nouvel accueil »)."""
    for f in findings:
        if f.action != "replace" or not f.safe_edit or is_addition(f.safe_edit):
            continue
        m = re.search(rf"(?<![\w'’-]){re.escape(f.text)}(?![\w-])", text, re.IGNORECASE)
        if m is not None:
            text = apply_edit(text, m.start(), m.end(), f.safe_edit, lang)
    return text


def _has_words(text: str) -> bool:
    return any(c.isalpha() for c in re.sub(BLANK, "", text))


def untagged(text: str) -> str:
    """A rewrite without the draft's tags: they file the draft, they say nothing of its aim."""
    if "[" not in text and "(" not in text:
        return text
    return " ".join(TAGS.sub("", text).split()).replace(" ,", ",")


def _vague_measure(ctx: Context, strategy: Strategy) -> str | None:
    templates = strategy.templates.get(ctx.kind, {})
    return vague_measure_text(ctx, templates, strategy.deadline.get(ctx.lang, ""))


def _adoption(ctx: Context, strategy: Strategy) -> str | None:
    templates = strategy.templates.get(ctx.kind, {})
    deadline, users = strategy.deadline.get(ctx.lang, ""), strategy.users.get(ctx.lang, "")
    return adoption_text(ctx, templates, deadline, users)


def _state(ctx: Context, strategy: Strategy) -> tuple[str, list[str]] | None:
    template = strategy.templates.get(ctx.kind, {}).get(ctx.lang)
    states, ask = strategy.states.get(ctx.lang, {}), strategy.ask.get(ctx.lang, "")
    return state_text(ctx, template, states, ask) if template else None


def _slogan(ctx: Context, strategy: Strategy) -> tuple[str, list[str]] | None:
    template = strategy.templates.get(ctx.kind, {}).get(ctx.lang)
    return slogan_text(ctx, template, strategy.ask.get(ctx.lang, "")) if template else None


def _teamwork(ctx: Context, strategy: Strategy) -> tuple[str, list[str]] | None:
    templates = strategy.templates.get(ctx.kind, {})
    jargon, ask = strategy.jargon.get(ctx.lang, frozenset()), strategy.ask.get(ctx.lang, "")
    return teamwork_text(ctx, templates, jargon, ask)


def _decision(ctx: Context, strategy: Strategy) -> str | None:
    templates = strategy.templates.get(ctx.kind, {})
    return decision_text(ctx, templates, strategy.deadline.get(ctx.lang, ""))


def _means(ctx: Context, strategy: Strategy) -> str | None:
    templates = strategy.templates.get(ctx.kind, {})
    deadline, deliver = strategy.deadline.get(ctx.lang, ""), strategy.deliver.get(ctx.lang, "")
    return means_text(ctx, templates, deadline, deliver)


def _split(
    ctx: Context, strategy: Strategy, score_text: Callable[[str], Scores], draft: Scores
) -> Alternative | None:
    """The split of a draft that holds several ideas, when every part holds one and the parts
    read clearer than the draft on average; scored as the mean of its parts."""
    parts = split_parts(ctx)
    scored = [(text, score_text(text)) for text in parts]
    if not scored or any(_rule_lowered(sc, "several-ideas") for _, sc in scored):
        return None
    mean = Scores(
        *(round(sum(getattr(sc, k) for _, sc in scored) / len(scored)) for k in _DIMENSIONS)
    )
    if mean.clarity <= draft.clarity:
        return None
    made = _made(strategy, ctx.lang, " / ".join(parts), mean, [])
    made.parts = scored
    return made


_DIMENSIONS = ("clarity", "ambition", "measurability", "overall")


def _rule_lowered(scores: Scores, rule: str) -> bool:
    return any(r == rule for lowered in scores.explain.values() for r, _ in lowered)


# The strategies that leave words out or blanks in, and ask the room about them: (wording,
# questions).
_ASKING: dict[str, Callable[[Context, Strategy], tuple[str, list[str]] | None]] = {
    "state-of-people": _state,
    "slogan-to-change": _slogan,
    "synergies-to-teamwork": _teamwork,
}


# The strategies built from a template, in the order they are tried ("activity-as-means",
# the fallback, last).
_BUILDERS: dict[str, Callable[[Context, Strategy], str | None]] = {
    "name-the-measure": _vague_measure,
    "activity-to-outcome": _adoption,
    "learning-to-decision": _decision,
    "activity-as-means": _means,
}


def _dropped(text: str, findings: Sequence[Finding], asked: dict[str, str]) -> list[str]:
    """The questions for the words that changed the commitment and that `text` no longer has
    ("Essayer de réduire le délai" → "Faire passer le délai de X à Y": was it a commitment?)."""
    low = text.lower()
    return questions_for([f for f in findings if f.text.lower() not in low], asked)


def questions_for(findings: Sequence[Finding], asked: dict[str, str]) -> list[str]:
    """The room's questions for these findings' words, removed by a rewrite."""
    return [asked[f.rule].replace("{match}", f.text) for f in findings if f.rule in asked]


def _answers(strategy: Strategy, fired: set[str], safe_rules: frozenset[str]) -> bool:
    answers = strategy.answers | (safe_rules if "safe" in strategy.answers else frozenset())
    return not answers.isdisjoint(fired)


def _made(
    strategy: Strategy, lang: str, text: str, scores: Scores, questions: list[str]
) -> Alternative:
    changed, why = (typography(t[lang], lang) for t in (strategy.changed, strategy.why))
    return Alternative(text, scores, strategy.id, changed, why, questions)
