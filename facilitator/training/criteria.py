"""Success criteria: conditions on the engine's assessment, in the engine's own condition language.

    criteria = ["not rule.kr-output-activity", "measurable", "has_deadline", "overall >= 80"]

Names (see NAMES): the four scores (0–100), the flags, a few counts, `rule.<id>` (true when that
rule fires) and `jargon.<word>` (true when the coach flags that word as jargon). No Python is
evaluated. A simple condition gets its label written for it, in the pack's language; a compound
one (`and`, `or`, brackets) needs a `label`.

An answer may hold several items (three key results, two objectives): each is assessed on its
own and a criterion is met when every item meets it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from facilitator.datafiles import closest_name
from facilitator.engine.condition import ConditionError, compile_condition
from facilitator.locales import LANGS, t
from facilitator.training.model import Criterion, Exercise, split_items

SCORES = ("clarity", "ambition", "measurability", "overall")
FLAGS = (
    "measurable",
    "output",
    "low_ambition",
    "too_long",
    "has_baseline",
    "has_deadline",
    "has_target",
)
TEXT_FLAGS = ("has_why",)
"""Read from the answer's words by this module, not by the engine: `has_why` is stricter than
the engine's why-markers ("pour nos clients" names who, not why)."""
COUNTS = ("jargon", "findings", "warnings", "words")
NAMES = (*SCORES, *FLAGS, *TEXT_FLAGS, *COUNTS)
RULE_PREFIX = "rule."
JARGON_PREFIX = "jargon."
_KEYWORDS = {"and", "or", "not", "true", "false"}
_IDENT = re.compile(r"[A-Za-z_][\w.-]*")
_SIMPLE = re.compile(r"^\s*(not\s+)?([A-Za-z_][\w.-]*)\s*$")
_COMPARE = re.compile(r"^\s*([A-Za-z_][\w.-]*)\s*(>=|<=|==|!=|>|<)\s*(-?\d+(?:\.\d+)?)\s*$")
_PLACEHOLDER = re.compile(r"\{[^{}\s]*\}")


# --------------------------------------------------------------------------------------------
# What the engine said, as names a condition can use


def facts(assessment: Any) -> dict[str, Any]:
    """The names a criterion can test, read from one engine `Assessment`."""
    s, f = assessment.scores, assessment.flags
    values: dict[str, Any] = {name: getattr(s, name) for name in SCORES}
    for name in FLAGS:
        values[name] = bool(getattr(f, name, False))
    values["has_target"] = bool((assessment.parts or {}).get("target"))
    values["jargon"] = len(f.jargon)
    values["findings"] = len(assessment.findings)
    values["warnings"] = sum(1 for x in assessment.findings if x.level in ("warning", "error"))
    values["words"] = len(assessment.text.split())
    values["has_why"] = says_why(assessment.text, assessment.lang)
    for finding in assessment.findings:
        values[RULE_PREFIX + finding.rule] = True
    for term in f.jargon:
        for word in re.split(r"[\s’']+", term.casefold()):
            if word:
                values[JARGON_PREFIX + word] = True
    return values


# Markers the engine's why-markers lexicon holds that name a means or a beneficiary, not a reason:
# « grâce à un outil », « au service de nos clients », "thanks to a new tool".
_NOT_A_REASON = {"pour", "grâce à", "au service de", "thanks to"}
_EXTRA_MARKERS = {
    "fr": ("pour qu'", "afin qu'", "parce qu'", "de façon à", "de manière à", "dans le but de",
           "dans le but d'", "permettant à", "qui permettront"),
    "en": (
        "so as to", "to stay", "to remain", "to free", "to offer", "to spend", "to focus",
        "to compete", "to gain", "to see", "to know", "to hear", "to feel", "to come back",
        "to return", "to spot", "to catch", "to learn", "to decide", "to choose", "to respond",
        "to answer", "to solve", "to fix", "to handle", "to treat", "to lose", "to stand out",
        "to beat", "to matter", "to trust", "to rely", "to count on", "to start", "to recover",
    ),
}  # fmt: skip
# Words that may stand between « pour » and its infinitive: « pour les garder », « pour ne plus … »
_FR_BEFORE_VERB = {
    "le", "la", "les", "l'", "leur", "lui", "nous", "vous", "se", "s'", "en", "y", "ne", "n'",
    "me", "m'", "te", "t'", "pas", "plus", "mieux", "enfin", "ainsi", "ensuite", "également",
    "aussi", "davantage", "tous", "toutes", "tout", "vraiment",
}  # fmt: skip
# Words ending like an infinitive that are not verbs, met after « pour (le, la …) ».
_FR_NOT_VERBS = {
    "notre", "votre", "autre", "contre", "entre", "centre", "ordre", "nombre", "membre", "offre",
    "titre", "chiffre", "cadre", "mètre", "lettre", "avenir", "plaisir", "désir", "loisir",
    "soir", "espoir", "hier", "premier", "dernier", "entier", "métier", "quartier", "dossier",
    "fichier", "papier", "panier", "calendrier", "chantier", "particulier", "courrier",
    "atelier", "foyer", "loyer", "hiver", "cancer", "manager", "leader", "partenaire", "mer",
    "fer", "cher", "fier", "tiers", "trimestre", "semestre", "septembre", "octobre",
    "novembre", "décembre", "ministre", "registre", "pire", "empire", "secteur", "père",
    "mère", "frère", "libre", "propre", "simple", "double", "rapide", "pauvre", "populaire",
    "quatre", "treize", "quatorze", "quinze", "seize", "onze", "douze", "filière",
}  # fmt: skip
_FR_INFINITIVE = re.compile(r"^[a-zàâäéèêëîïôöûùüç-]+(?:er|ir|ïr|re|oir)$")
_WORD = re.compile(r"[\w-]+'?|'", re.UNICODE)


@functools.lru_cache(maxsize=4)
def _why_markers(lang: str) -> tuple[re.Pattern[str], ...]:
    """The engine's why-markers for `lang` (its lexicon), less those that give no reason, plus a
    few forms it lacks, as word-bounded patterns."""
    from facilitator.paths import data_dir

    terms: set[str] = set(_EXTRA_MARKERS.get(lang, ()))
    try:
        path = data_dir("lexicons") / lang / "why-markers.tsv"
        lines = path.read_text(encoding="utf-8").splitlines()[1:]
    except (OSError, FileNotFoundError):
        lines = []
    for line in lines:
        term = line.split("\t", 1)[0].strip().casefold().replace("’", "'")
        if term and not term.startswith("#") and term not in _NOT_A_REASON:
            terms.add(term)
    patterns = []
    for term in sorted(terms, key=len, reverse=True):
        tail = "" if term.endswith("'") else r"(?![\w-])"
        patterns.append(re.compile(rf"(?<![\w-]){re.escape(term)}{tail}"))
    return tuple(patterns)


def says_why(text: str, lang: str) -> bool:
    """Whether the text gives a reason: « pour que … », « afin de … », « pour » followed by a
    verb (« pour fidéliser nos clients »), "so that …", "to cut …"; « pour nos clients » names
    who it is for, not why, and does not count."""
    folded = " ".join(text.casefold().replace("’", "'").split())
    if any(p.search(folded) for p in _why_markers(lang)):
        return True
    if lang != "fr":
        return False
    words = _WORD.findall(folded)
    for i, word in enumerate(words):
        if word != "pour":
            continue
        for after in words[i + 1 : i + 5]:
            if after in _FR_BEFORE_VERB:
                continue
            if _FR_INFINITIVE.match(after) and after not in _FR_NOT_VERBS:
                return True
            break
    return False


# --------------------------------------------------------------------------------------------
# Compiling


class CriterionError(ValueError):
    """A condition that cannot be used; the message says what to write instead, in English as
    `str(error)` and in any language as `error.text(lang)` (catalogue `key` filled with
    `values`; `close`, when given, is the name the writer probably meant)."""

    def __init__(self, key: str, *, close: str = "", **values: object) -> None:
        self.key, self.close, self.values = key, close, values
        super().__init__(self.text("en"))

    def text(self, lang: str) -> str:
        hint = t(lang, "files.did_you_mean", name=self.close) if self.close else ""
        return t(lang, self.key, hint=hint, **self.values)


class RuleInfo(NamedTuple):
    title: str
    applies_to: str  # objective | key_result | both
    message: str
    """As written in the rule file: it may hold {placeholders} the engine fills per finding."""
    rationale: str = ""

    @property
    def summary(self) -> str:
        """What the rule flags, for a text about many findings at once (a report): the message
        when it reads on its own, else the rationale ("« {match} » est un verbe vague" has no
        word to name once the findings are counted together)."""
        if not _PLACEHOLDER.search(self.message):
            return self.message
        return self.rationale or _PLACEHOLDER.sub("…", self.message)


@functools.lru_cache(maxsize=4)
def rule_info(lang: str) -> dict[str, RuleInfo]:
    """rule id → title, what it applies to and its message, read from the rule files of `lang`
    (no engine needed)."""
    from facilitator.engine.rules import rule_tables
    from facilitator.paths import data_dir

    rules: dict[str, RuleInfo] = {}
    for _path, data in rule_tables(data_dir("rules"), lang):
        rule_id = data.get("id")
        if isinstance(rule_id, str):
            rules[rule_id] = RuleInfo(
                str(data.get("title") or rule_id),
                str(data.get("applies_to", "")),
                " ".join(str(data.get("message", "")).split()),
                " ".join(str(data.get("rationale", "")).split()),
            )
    return rules


def names_in(source: str) -> list[str]:
    """The names a condition uses (keywords and numbers left out)."""
    return [n for n in _IDENT.findall(source) if n not in _KEYWORDS]


def compile_criterion(source: str, label: str, lang: str) -> Criterion:
    """A `Criterion`; raises CriterionError with a readable message."""
    source = source.strip()
    if not source:
        raise CriterionError("pack.check.criterion.empty")
    rules = rule_info(lang)
    for name in names_in(source):
        if name.startswith(RULE_PREFIX):
            rule_id = name[len(RULE_PREFIX) :]
            if rule_id not in rules:
                close = closest_name(rule_id, rules)
                raise CriterionError(
                    "pack.check.criterion.rule",
                    close=RULE_PREFIX + close if close else "",
                    rule=rule_id,
                    source=source,
                )
        elif name.startswith(JARGON_PREFIX):
            if len(name) == len(JARGON_PREFIX):
                raise CriterionError("pack.check.criterion.jargon", source=source)
        elif name not in NAMES:
            raise CriterionError(
                "pack.check.criterion.name",
                close=closest_name(name, NAMES) or "",
                name=name,
                source=source,
                names=", ".join(NAMES),
            )
    known = set(NAMES) | set(names_in(source))
    try:
        predicate = compile_condition(source, known)
    except ConditionError as error:
        raise CriterionError("pack.check.criterion.syntax", error=str(error)) from None
    except RecursionError:  # the parser recurses once per bracket or "not": a few hundred kill it
        raise CriterionError("pack.check.criterion.deep") from None
    if not label.strip():
        auto = describe(source, lang)
        if auto is None:
            raise CriterionError("pack.check.criterion.label", source=source)
        label = auto
    return Criterion(source, label.strip(), predicate)


# --------------------------------------------------------------------------------------------
# Labels written for simple conditions

# name → (key of the label when the condition is "name", key when it is "not name")
FLAG_KEYS = {
    "measurable": ("criterion.measurable", "criterion.measurable.not"),
    "output": ("criterion.output", "criterion.output.not"),
    "low_ambition": ("criterion.low_ambition", "criterion.low_ambition.not"),
    "too_long": ("criterion.too_long", "criterion.too_long.not"),
    "has_baseline": ("criterion.has_baseline", "criterion.has_baseline.not"),
    "has_deadline": ("criterion.has_deadline", "criterion.has_deadline.not"),
    "has_target": ("criterion.has_target", "criterion.has_target.not"),
    "has_why": ("criterion.has_why", "criterion.has_why.not"),
    "jargon": ("criterion.jargon", "criterion.jargon.not"),
    "findings": ("criterion.findings", "criterion.findings.not"),
    "warnings": ("criterion.warnings", "criterion.warnings.not"),
}
NAME_KEYS = {
    "clarity": "criterion.name.clarity",
    "ambition": "criterion.name.ambition",
    "measurability": "criterion.name.measurability",
    "overall": "criterion.name.overall",
    "jargon": "criterion.name.jargon",
    "findings": "criterion.name.findings",
    "warnings": "criterion.name.warnings",
    "words": "criterion.name.words",
}
RULE_KEYS = ("criterion.rule", "criterion.rule.not")  # with the rule's {title}
WORD_KEYS = ("criterion.word", "criterion.word.not")  # with the jargon {word}
_OPS = {">=": "≥", "<=": "≤", "==": "=", "!=": "≠", ">": ">", "<": "<"}


def describe(source: str, lang: str) -> str | None:
    """A label for a simple condition ("not rule.vague-verb", "overall >= 80"), else None."""
    lang = lang if lang in LANGS else "fr"
    if m := _SIMPLE.match(source):
        negated, name = bool(m.group(1)), m.group(2)
        values: dict[str, str] = {}
        if name.startswith(RULE_PREFIX):
            rule_id = name[len(RULE_PREFIX) :]
            info = rule_info(lang).get(rule_id)
            keys, values = RULE_KEYS, {"title": info.title if info else rule_id}
        elif name.startswith(JARGON_PREFIX):
            keys, values = WORD_KEYS, {"word": name[len(JARGON_PREFIX) :]}
        elif name in FLAG_KEYS:
            keys = FLAG_KEYS[name]
        else:
            return None
        return t(lang, keys[1] if negated else keys[0], **values)
    if m := _COMPARE.match(source):
        name, op, number = m.groups()
        if name in ("jargon", "findings", "warnings") and op == "==" and float(number) == 0:
            return t(lang, FLAG_KEYS[name][1])
        key = NAME_KEYS.get(name)
        if key is None:
            return None
        shown = number.removesuffix(".0")
        return f"{t(lang, key)} {_OPS[op]} {shown}"
    return None


# --------------------------------------------------------------------------------------------
# Grading


@dataclass(frozen=True)
class Grade:
    """How an answer fares against an exercise's criteria."""

    items: int  # items in the answer
    expected: int  # items the exercise asks for
    distinct: bool  # no item repeated
    met: tuple[int, ...]  # per criterion: how many items meet it

    @property
    def count_ok(self) -> bool:
        return self.items == self.expected and self.distinct

    def criterion_ok(self, index: int) -> bool:
        return self.items > 0 and self.met[index] == self.items

    @property
    def checks(self) -> list[bool]:
        """Per criterion: met by every item."""
        return [self.criterion_ok(i) for i in range(len(self.met))]

    @property
    def passed(self) -> bool:
        return self.count_ok and all(self.checks)


def grade(criteria: Sequence[Criterion], expected: int, assessments: Sequence[Any]) -> Grade:
    """Grade the assessments of an answer's items."""
    all_facts = [facts(a) for a in assessments]
    met = tuple(sum(1 for f in all_facts if c.met(f)) for c in criteria)
    texts = [" ".join(a.text.casefold().split()) for a in assessments]
    return Grade(len(assessments), expected, len(set(texts)) == len(texts), met)


AssessFn = Callable[..., Any]


def assess_items(
    engine: Any,
    exercise: Exercise,
    items: Iterable[str],
    *,
    tier: str = "full",
    glossary: Iterable[str] = (),
) -> list[Any]:
    """Assess each item as the exercise's kind, in the pack's language, with its glossary."""
    words = [*exercise.glossary, *glossary]
    return [
        engine.assess(item, kind=exercise.kind, lang=exercise.lang, glossary=words, tier=tier)
        for item in items
    ]


def grade_text(engine: Any, exercise: Exercise, text: str, *, tier: str = "full") -> Grade:
    """Split, assess and grade a rewrite answer."""
    items = split_items(text, exercise.items)
    assessments = assess_items(engine, exercise, items, tier=tier)
    return grade(exercise.criteria, exercise.items, assessments)


def check_facts(criterion: Criterion, assessment: Any) -> bool:
    return criterion.met(facts(assessment))


def fired_rules(assessments: Iterable[Any]) -> list[str]:
    """The rules that fired in any item, once each, in order."""
    return list(dict.fromkeys(f.rule for a in assessments for f in a.findings))


def mean_scores(assessments: Sequence[Any]) -> dict[str, float]:
    if not assessments:
        return {}
    return {
        name: round(sum(float(getattr(a.scores, name)) for a in assessments) / len(assessments), 1)
        for name in SCORES
    }


def fact_summary(assessment: Mapping[str, Any] | Any) -> str:
    """One line for a problem report: the scores, flags and rules the engine found."""
    values = facts(assessment) if not isinstance(assessment, Mapping) else assessment
    scores = " ".join(f"{n}={values[n]}" for n in SCORES)
    flags = " ".join(n for n in (*FLAGS, *TEXT_FLAGS) if values.get(n))
    rules = ", ".join(k[len(RULE_PREFIX) :] for k in values if k.startswith(RULE_PREFIX))
    return f"{scores}; flags: {flags or '—'}; rules: {rules or '—'}"
