"""Running the rules over one draft's context and turning their matches into findings."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from facilitator.engine.condition import Predicate
from facilitator.engine.context import Context
from facilitator.engine.features import blank_span
from facilitator.engine.inflect import fit_addition, fit_alternatives
from facilitator.engine.model import Finding
from facilitator.engine.rules import Rule, TokenSpec
from facilitator.engine.scripts import NEEDS_HITS, SCRIPTS

# Imported for their side effect: the scripts they hold register themselves in SCRIPTS.
from facilitator.engine import objectives as _objectives  # noqa: F401  isort: skip
from facilitator.engine import step as _step  # noqa: F401  isort: skip

_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_LEAD_WORDS = re.compile(
    r"^(?:d'ici (?:à )?(?:la |le |l')?|avant (?:le |la |l')?|au plus tard (?:le |en )?|pour |"
    r"en |au |dès |by (?:the )?|before (?:the )?|until |no later than |in |at (?:the )?|due |"
    r"within )",
    re.IGNORECASE,
)
_DEFAULTS = {
    "fr": {"metric": "l'indicateur", "target": "Y", "baseline": "X", "deadline": "[date]"},
    "en": {"metric": "the metric", "target": "Y", "baseline": "X", "deadline": "[date]"},
}


_LEXICAL = ("existence", "substitution")


class RuleSet:
    """Rules split by what wakes them: most word-list rules have nothing to do in a given draft,
    so only those whose lists found something are run, plus the rules that always run."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = list(rules)
        self.always: list[_Entry] = []
        self.by_lexicon: dict[str, list[_Entry]] = {}
        for rule in self.rules:
            entry = (rule, rule.when, _MATCHERS[rule.kind], rule.kind in _QUOTABLE)
            if rule.kind in _LEXICAL or rule.script in NEEDS_HITS:
                for name in rule.lexicons:
                    self.by_lexicon.setdefault(name, []).append(entry)
            else:
                self.always.append(entry)

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def woken(self, hits: Mapping[str, object]) -> list[_Entry]:
        extra: dict[str, _Entry] = {}  # by id: a rule may listen to several word lists
        for name in hits:
            for entry in self.by_lexicon.get(name, ()):
                extra[entry[0].id] = entry
        return [*self.always, *extra.values()] if extra else self.always


def run_rules(ctx: Context, rules: RuleSet) -> list[Finding]:
    """Findings of `rules`, which must all apply to the draft's kind (see Engine.by_kind)."""
    findings: list[Finding] = []
    features, quoted = ctx.features, ctx.quoted
    for rule, when, matches, quotable in rules.woken(ctx.hits):
        if when is not None and not when(features):
            continue
        for start, end, alternatives, term in matches(ctx, rule):
            if quoted and quotable and ctx.in_quotes(start, end):
                continue
            findings.append(_finding(ctx, rule, start, end, alternatives, term))
    if len(findings) > 1:
        findings.sort(key=_order)
    return findings


def _order(f: Finding) -> tuple[int, str]:
    return (f.start, f.rule)


# Rules that point at words: words inside quotes are the customer's, never flagged.
_QUOTABLE = frozenset({"existence", "substitution", "sequence", "script"})


Match = tuple[int, int, list[str], str | None]  # span, alternatives, the lexicon term matched
Matcher = Callable[[Context, Rule], list[Match]]
# A rule with what running it needs at hand: its condition, its matcher, whether quotes matter.
_Entry = tuple[Rule, Predicate | None, Matcher, bool]


def _lexicon_matches(ctx: Context, rule: Rule) -> list[Match]:
    out: list[Match] = []
    for name in rule.lexicons:
        for h in ctx.hits.get(name, ()):
            start, end = ctx.chars(h.start, h.end)
            out.append((start, end, list(h.entry.alternatives), h.entry.term))
    return out


def _sequence_matches(ctx: Context, rule: Rule) -> list[Match]:
    first = rule.first_words
    if first is not None and first.isdisjoint(ctx.toks.lower):
        return []
    return [(s, e, [], None) for s, e in _sequence(ctx, rule.patterns)]


def _script_matches(ctx: Context, rule: Rule) -> list[Match]:
    found = SCRIPTS[rule.script](ctx, rule)
    return [(s, e, alts or [], None) for s, e, alts in found] if found else []


def _occurrence_matches(ctx: Context, rule: Rule) -> list[Match]:
    limit = rule.max_objective if ctx.kind == "objective" and rule.max_objective else rule.max
    if ctx.features.get(rule.count, 0) <= limit:
        return []
    return _condition_matches(ctx, rule)


def _condition_matches(ctx: Context, rule: Rule) -> list[Match]:
    start, end = _rule_span(ctx, rule.span)
    return [(start, end, [], None)]


_MATCHERS = {
    "existence": _lexicon_matches,
    "substitution": _lexicon_matches,
    "sequence": _sequence_matches,
    "script": _script_matches,
    "occurrence": _occurrence_matches,
    "conditional": _condition_matches,
}


def _rule_span(ctx: Context, span: str) -> tuple[int, int]:
    text = ctx.text
    whole = (0, len(text))
    if span == "first_word" and ctx.toks.words():
        i = ctx.toks.words()[0]
        return ctx.chars(i, i + 1)
    if span in ("target", "baseline", "figures"):
        qs = {"target": ctx.ex.targets, "baseline": ctx.ex.baselines, "figures": ctx.ex.figures}[
            span
        ]
        if qs:
            return qs[0].start, qs[-1].end if span == "figures" else qs[0].end
    if span == "blank" and (blank := blank_span(text)) is not None:
        return blank
    if span == "deadline" and ctx.ex.deadlines:
        return ctx.ex.deadlines[0].start, ctx.ex.deadlines[0].end
    metric = ctx.ex.metric if span == "metric" else None
    if metric and (pos := text.find(metric)) >= 0:
        return pos, pos + len(metric)
    return whole


def _finding(
    ctx: Context, rule: Rule, start: int, end: int, alternatives: list[str], term: str | None
) -> Finding:
    norm = ctx.norm
    if norm.identity and 0 <= start <= end <= len(norm.text):
        orig_start, orig_end = start, end  # typed text: the spans are the same
    else:
        orig_start, orig_end = norm.span(start, end)
    if alternatives:
        # Each alternative in the form the sentence needs (number, gender, the verb's form),
        # those that cannot fit left out: see the inflect package.
        alternatives = fit_alternatives(ctx, start, end, alternatives, term)
    suggestions = [*alternatives, *rule.suggestions] if alternatives else list(rule.suggestions)
    message = rule.message
    matched = norm.original[orig_start:orig_end]  # as typed
    if rule.templated or (alternatives and any("{" in a for a in alternatives)):
        if rule.match_only and not alternatives:  # most rules: a plain replace will do
            message = message.replace("{match}", matched)
            suggestions = [t.replace("{match}", matched) for t in suggestions]
        else:
            values = _Values(ctx, matched)
            message = fill(message, values)
            suggestions = [fill(t, values) for t in suggestions]
        # "{match} by {deadline}" adds to the sentence, before its full stop.
        suggestions = [fit_addition(ctx.lang, matched, s) for s in suggestions]
    remove = rule.action == "remove"
    suggestions = _distinct(suggestions, remove)
    if remove and "" not in suggestions:
        suggestions.insert(0, "")
    safe_edit = None
    if rule.safe and remove:
        safe_edit = ""
    elif (
        rule.safe
        and rule.action == "replace"
        and suggestions
        # Only an uninflected match is replaced blindly: "optimisons" → "réduire" would not read.
        and (term is None or ctx.text[start:end].lower() == term.lower())
    ):
        safe_edit = suggestions[0]
    return Finding(
        rule.id,
        rule.dimension,
        rule.level,
        orig_start,
        orig_end,
        matched,
        message,
        rule.rationale,
        rule.source,
        rule.action,
        suggestions,
        rule.weight,
        start,
        end,
        safe_edit,
    )


def _distinct(suggestions: list[str], keep_empty: bool) -> list[str]:
    """Suggestions without repeats (nor empty ones, unless the rule removes words)."""
    if len(suggestions) == 1 and suggestions[0]:
        return suggestions
    if len(suggestions) == 2 and suggestions[0] and suggestions[1] != suggestions[0]:
        return suggestions if suggestions[1] or keep_empty else [suggestions[0]]  # no dict
    return list(dict.fromkeys(s for s in suggestions if s or keep_empty))


class _Values(dict[str, str]):
    """Template values, each worked out only if a template asks for it."""

    __slots__ = ("ctx",)

    def __init__(self, ctx: Context, matched: str) -> None:
        super().__init__(match=matched)
        self.ctx = ctx

    def __missing__(self, key: str) -> str:
        ctx = self.ctx
        defaults = _DEFAULTS.get(ctx.lang, _DEFAULTS["en"])
        ex = ctx.ex
        if key == "words":
            value = str(ctx.features.get("words", ""))
        elif key == "metric":
            value = ex.metric or _purpose_object(ctx) or defaults["metric"]
        elif key == "target":
            value = ex.parts.target or defaults["target"]
        elif key == "baseline":
            value = ex.parts.baseline or defaults["baseline"]
        elif key == "deadline":
            # Templates say "d'ici {deadline}": the extracted "avant juin 2026" is "juin 2026".
            last = ex.deadlines[-1].text if ex.deadlines else ""
            value = _LEAD_WORDS.sub("", last) or defaults["deadline"]
        else:
            raise KeyError(key)
        self[key] = value
        return value


def hint_template(rules: Sequence[Rule]) -> str | None:
    """kr-no-target's suggestion about a metric: the key result proposed for an objective."""
    return next(
        (s for r in rules if r.id == "kr-no-target" for s in r.suggestions if "{metric}" in s),
        None,
    )


def key_result_hint(ctx: Context, template: str) -> str:
    """For an objective, a key result that would measure it, from `hint_template` about the
    objective's purpose ("… pour améliorer la satisfaction client" → "Faire passer « la
    satisfaction client » de X à Y d'ici [date]"). The wording stays in the rule files."""
    values = _Values(ctx, "")
    metric = _purpose_object(ctx) or ctx.ex.metric
    if metric:
        values["metric"] = metric
    return fill(template, values)


_PURPOSE = re.compile(
    r"(?:pour|afin d'|afin de|to|so that|in order to) (?:\w+ment |\w+ly )?[\w'-]+ "
    r"(?:(?:\w+ment|\w+ly) )?(.+)$"
)


def _purpose_object(ctx: Context) -> str | None:
    """ "… pour améliorer la satisfaction client" → "la satisfaction client"."""
    m = _PURPOSE.search(ctx.text)
    if not m:
        return None
    words = m.group(1).split()
    words = [w for w in words if not w.endswith(("ment", "ly")) or len(w) < 6]
    return " ".join(words[:6]) or None


def fill(template: str, values: Mapping[str, Any]) -> str:
    if "{" not in template:
        return template
    try:
        return template.format_map(values)  # C speed; `values` works out what it is asked for
    except (KeyError, ValueError, IndexError, AttributeError):
        # An unknown placeholder or a stray brace: fill what is known, leave the rest visible.
        def value(m: re.Match[str]) -> str:
            try:
                return str(values[m.group(1)])
            except KeyError:
                return m.group(0)

        return _PLACEHOLDER.sub(value, template)


def _sequence(ctx: Context, patterns: Sequence[Sequence[TokenSpec]]) -> list[tuple[int, int]]:
    toks = ctx.toks
    figures = [(q.start, q.end) for q in ctx.ex.figures]
    out: list[tuple[int, int]] = []
    taken_until = 0
    for i in range(len(toks)):
        if i < taken_until:
            continue
        for pattern in patterns:
            first = pattern[0]
            if not first.optional and first.lower is not None and toks.lower[i] not in first.lower:
                continue  # the usual case, decided without a call
            end = _match_at(ctx, pattern, 0, i, figures)
            if end is not None and end > i:
                out.append(ctx.chars(i, end))
                taken_until = end
                break
    return out


def _match_at(
    ctx: Context, pattern: Sequence[TokenSpec], p: int, i: int, figures: list[tuple[int, int]]
) -> int | None:
    if p == len(pattern):
        return i
    spec = pattern[p]
    if i < len(ctx.toks) and _token_ok(ctx, spec, i, figures):
        end = _match_at(ctx, pattern, p + 1, i + 1, figures)
        if end is not None:
            return end
    if spec.optional:
        return _match_at(ctx, pattern, p + 1, i, figures)
    return None


def _token_ok(ctx: Context, spec: TokenSpec, i: int, figures: list[tuple[int, int]]) -> bool:
    toks = ctx.toks
    low = toks.lower[i]
    if spec.lower is not None and low not in spec.lower:
        return False
    if spec.not_lower is not None and low in spec.not_lower:
        return False
    if spec.lemma is not None:
        lemma = toks.lemma[i] if toks.lemma is not None else low
        if lemma not in spec.lemma and low not in spec.lemma:
            return False
    if spec.pos is not None:
        if toks.pos is None:
            # Without a tagger a part-of-speech test cannot pass on its own.
            if spec.lower is None and spec.lemma is None:
                return False
        elif toks.pos[i] not in spec.pos:
            return False
    if spec.num is not None:
        start = toks.idx[i]
        if any(s <= start < e for s, e in figures) != spec.num:
            return False
    return True
