"""Rules as data: one TOML file per rule under `rules/<lang>/<dimension>/`.

A rule names the smell it detects (`id`), how it detects it (`kind`), what it lowers
(`dimension`, `weight`), what to say (`message`, `rationale`, `source`) and what to do instead
(`action`, `suggestions`). Its `[[bad]]` and `[[good]]` examples are its tests: the engine runs
them when it loads the rules and refuses a rule whose examples fail.

Kinds:
- existence     a lexicon's entries are found in the draft (lemma or inflected form)
- substitution  the same, and each entry's alternatives are the suggestions
- sequence      token patterns (lower/lemma/pos/num), for phrases a word list cannot say
- occurrence    a count (words, ideas, figures, targets) above `max`
- conditional   a condition over the extracted parts and features (`when`)
- script        a registered Python check (`script = "name"`), for what data cannot express
Any rule may also carry `when`, a condition that must hold for it to fire, and `question`,
what the room is asked when the rewrite removes the rule's words ({match} is those words).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from facilitator.datafiles import read_toml
from facilitator.engine.condition import ConditionError, Predicate, compile_condition
from facilitator.engine.french import typography

KINDS = ("existence", "substitution", "sequence", "occurrence", "conditional", "script")
DIMENSIONS = ("clarity", "ambition", "measurability")
APPLIES = ("objective", "key_result", "both")
LEVELS = ("suggestion", "warning", "error")
ACTIONS = ("replace", "remove", "rewrite", "ask")
COUNTS = ("words", "ideas", "figures", "targets")
FEATURES = {
    "kind",
    "words",
    "ideas",
    "measurable",
    "output",
    "has_baseline",
    "has_deadline",
    "has_why",
    "figures",
    "targets",
    "placeholder",
    "blank",
    "baseline_only",
    "target_equals_baseline",
    "deadline_year",
    "current_year",
    "objective",
    "key_result",
    "true",
    "false",
}
SPANS = ("all", "first_word", "metric", "target", "baseline", "figures", "deadline", "blank")
_REQUIRED = (
    "id",
    "kind",
    "dimension",
    "applies_to",
    "level",
    "message",
    "rationale",
    "source",
    "action",
)
_TOKEN_KEYS = {"lower", "lemma", "pos", "num", "op", "not_lower"}


@dataclass(frozen=True, slots=True)
class TokenSpec:
    """One token of a sequence pattern, compiled once: sets, not strings, at match time."""

    lower: frozenset[str] | None = None
    not_lower: frozenset[str] | None = None
    lemma: frozenset[str] | None = None
    pos: frozenset[str] | None = None
    num: bool | None = None  # the token is (True) or is not (False) inside a figure
    optional: bool = False

    @classmethod
    def of(cls, spec: Mapping[str, Any]) -> TokenSpec:
        def words(key: str) -> frozenset[str] | None:
            value = spec.get(key)
            if value is None:
                return None
            return frozenset([value.lower()] if isinstance(value, str) else map(str.lower, value))

        pos = words("pos")
        return cls(
            lower=words("lower"),
            not_lower=words("not_lower"),
            lemma=words("lemma"),
            pos=frozenset(p.upper() for p in pos) if pos else None,
            num=bool(spec["num"]) if "num" in spec else None,
            optional=spec.get("op") == "?",
        )


class RuleError(ValueError):
    """A rule file that cannot be used; the message names the file and the field."""


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    kind: str  # objective | key_result
    span: str | None = None  # the matched text a bad example must produce
    suggestion: str | None = None  # a suggestion a bad example must offer


@dataclass(frozen=True)
class Rule:
    id: str
    lang: str
    kind: str
    dimension: str
    applies_to: str
    level: str
    message: str
    rationale: str
    source: str
    action: str
    weight: float
    path: Path
    title: str = ""
    suggestions: tuple[str, ...] = ()
    safe: bool = False  # replace/remove may be applied to the rewrite without asking the room
    # What the room must answer when the rewrite removes this rule's words ("Essayer de", "if
    # required" change the commitment: the rewrite asks, it never drops them silently).
    question: str = ""
    flag: str = ""  # the Assessment flag this rule feeds: low_ambition, jargon …
    lexicons: tuple[str, ...] = ()
    patterns: tuple[tuple[TokenSpec, ...], ...] = ()
    count: str = ""
    max: float = 0
    max_objective: float | None = None
    script: str = ""
    span: str = "all"
    when: Predicate | None = None
    when_source: str = ""
    bad: tuple[Example, ...] = ()
    good: tuple[Example, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict)

    def applies(self, kind: str) -> bool:
        return self.applies_to in ("both", kind)

    @functools.cached_property
    def first_words(self) -> frozenset[str] | None:
        """Words one of which a draft must contain for a sequence pattern to match (None: any
        draft may match). Most drafts contain none: the rule is then done without a walk."""
        if not self.patterns or any(p[0].optional or p[0].lower is None for p in self.patterns):
            return None
        return frozenset().union(*(p[0].lower for p in self.patterns if p[0].lower))

    @functools.cached_property
    def match_only(self) -> bool:
        """{match} is the only placeholder of the message and suggestions."""
        texts = (self.message, *self.suggestions)
        return not any("{" in t or "}" in t for t in (t.replace("{match}", "") for t in texts))

    @functools.cached_property
    def templated(self) -> bool:
        """The message or a suggestion has {placeholders} to fill for each finding."""
        return "{" in self.message or any("{" in s for s in self.suggestions)


def read_rule_table(path: Path) -> dict[str, Any]:
    """The raw table of one rule file, read by the one reader of data files (size, nesting and
    integer limits); RuleError naming the file and the line when it cannot be read."""
    data, _, problems = read_toml(path)
    if data is None:
        problem = problems[0]
        if problem.field == "(syntax)":
            detail = problem.message.removeprefix("TOML syntax error: ")
            raise RuleError(f"{path}: invalid TOML at line {problem.line}: {detail}")
        raise RuleError(f"{path}: line {problem.line}: {problem.message}")
    return data


def rule_tables(root: Path, lang: str) -> list[tuple[Path, dict[str, Any]]]:
    """Every readable rule file of `lang` under `root` with its raw table, without checking or
    compiling anything (no engine, no spaCy): what the minutes and the trainer's criteria need
    to name rules. A file that cannot be read is left out; the engine reports it."""
    tables = []
    for path in rule_files(root, lang):
        try:
            tables.append((path, read_rule_table(path)))
        except RuleError:
            continue
    return tables


def load_rule(path: Path, lang: str, scripts: set[str]) -> Rule:
    data = read_rule_table(path)

    def need(key: str, allowed: tuple[str, ...] | None = None) -> str:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            raise RuleError(f"{path}: field '{key}' is missing or empty")
        if allowed and value not in allowed:
            raise RuleError(f"{path}: field '{key}' is '{value}'; use one of {', '.join(allowed)}")
        return value.strip()

    for key in _REQUIRED:
        need(key)
    for key, allowed in (
        ("dimension", DIMENSIONS),
        ("applies_to", APPLIES),
        ("level", LEVELS),
        ("action", ACTIONS),
    ):
        need(key, allowed)
    kind = need("kind", KINDS)
    rule_id = need("id")
    if rule_id != path.stem:
        raise RuleError(f"{path}: id '{rule_id}' must match the file name '{path.stem}'")
    when_source = str(data.get("when", "")).strip()
    when = None
    if when_source:
        try:
            when = compile_condition(when_source, FEATURES)
        except ConditionError as exc:
            raise RuleError(f"{path}: field 'when': {exc}") from exc
    lexicons = data.get("lexicon", ())
    lexicons = (lexicons,) if isinstance(lexicons, str) else tuple(lexicons)
    if kind in ("existence", "substitution") and not lexicons:
        raise RuleError(f"{path}: a {kind} rule needs 'lexicon' (a file name in lexicons/{lang}/)")
    patterns = tuple(tuple(p) for p in data.get("patterns", ()))
    if kind == "sequence":
        if not patterns:
            raise RuleError(f"{path}: a sequence rule needs 'patterns' (lists of token specs)")
        for n, pattern in enumerate(patterns):
            for spec in pattern:
                bad_keys = set(spec) - _TOKEN_KEYS
                if bad_keys:
                    raise RuleError(
                        f"{path}: patterns[{n}] uses {sorted(bad_keys)}; "
                        f"allowed keys: {', '.join(sorted(_TOKEN_KEYS))}"
                    )
    compiled = tuple(tuple(TokenSpec.of(spec) for spec in pattern) for pattern in patterns)
    count = str(data.get("count", ""))
    if kind == "occurrence" and (count not in COUNTS or "max" not in data):
        raise RuleError(f"{path}: an occurrence rule needs 'count' ({', '.join(COUNTS)}) and 'max'")
    script = str(data.get("script", ""))
    if kind == "script" and script not in scripts:
        known = ", ".join(sorted(scripts))
        raise RuleError(f"{path}: field 'script' is '{script}'; registered scripts: {known}")
    if kind == "conditional" and not when:
        raise RuleError(f"{path}: a conditional rule needs 'when'")
    span = str(data.get("span", "all"))
    if span not in SPANS:
        raise RuleError(f"{path}: field 'span' is '{span}'; use one of {', '.join(SPANS)}")
    applies_to = need("applies_to", APPLIES)
    default_kind = "key_result" if applies_to == "key_result" else "objective"
    bad = tuple(_examples(path, data, "bad", default_kind))
    good = tuple(_examples(path, data, "good", default_kind))
    if not bad or not good:
        raise RuleError(f"{path}: every rule needs at least one [[bad]] and one [[good]] example")
    try:
        weight = float(data.get("weight", 10))
    except (TypeError, ValueError) as exc:
        raise RuleError(f"{path}: field 'weight' must be a number") from exc
    return Rule(
        id=rule_id,
        lang=lang,
        kind=kind,
        dimension=need("dimension", DIMENSIONS),
        applies_to=applies_to,
        level=need("level", LEVELS),
        message=typography(need("message"), lang),
        rationale=typography(need("rationale"), lang),
        source=need("source"),
        action=need("action", ACTIONS),
        weight=weight,
        path=path,
        title=typography(str(data.get("title", "")), lang),
        suggestions=tuple(typography(str(s), lang) for s in data.get("suggestions", ())),
        safe=bool(data.get("safe", False)),
        question=typography(str(data.get("question", "")), lang),
        flag=str(data.get("flag", "")),
        lexicons=lexicons,
        patterns=compiled,
        count=count,
        max=float(data.get("max", 0)),
        max_objective=float(data["max_objective"]) if "max_objective" in data else None,
        script=script,
        span=span,
        when=when,
        when_source=when_source,
        bad=bad,
        good=good,
        extra={k: v for k, v in data.items() if k in ("example_fix", "doc", "params")},
    )


def _examples(path: Path, data: dict[str, Any], key: str, default_kind: str) -> list[Example]:
    out = []
    for n, item in enumerate(data.get(key, ())):
        if not isinstance(item, dict) or not str(item.get("text", "")).strip():
            raise RuleError(f"{path}: [[{key}]] example {n + 1} needs a 'text'")
        kind = str(item.get("kind", default_kind))
        if kind not in ("objective", "key_result"):
            raise RuleError(f"{path}: [[{key}]] example {n + 1}: kind must be objective|key_result")
        out.append(Example(item["text"], kind, item.get("span"), item.get("suggestion")))
    return out


def rule_files(root: Path, lang: str) -> list[Path]:
    """The rule files of `lang`: `<root>/<lang>/<dimension>/<id>.toml`, in path order."""
    return sorted((root / lang).rglob("*.toml"))
