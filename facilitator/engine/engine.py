"""The engine: one object that loads rules and lexicons once and assesses drafts.

Two tiers share every rule: the lexical tier (a regular-expression tokenizer and word lists, for
each keystroke, ready before spaCy loads) and the full pass (spaCy's tagger, lemmatiser and
parser, after a pause). English falls back to a reduced pipeline when no model is installed.

Over 500 lines, one class on purpose: the Engine is the API every front end calls (load,
assess, assess_many, rules and their statuses, domain packs, the rules' example checks), and
its methods share the per-language state it loads once; the work itself is done by the modules
it calls (extract, features, evaluate, score, rewrite, proposals, alternatives).
"""

from __future__ import annotations

import datetime as dt
import re
import threading
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from facilitator.engine import features as feats
from facilitator.engine import pipelines
from facilitator.engine.alternatives import (
    STRATEGIES_FILE,
    alternatives,
    load_strategies,
    questions_for,
)
from facilitator.engine.config import Config, RuleStatus
from facilitator.engine.context import Context, quoted_ranges
from facilitator.engine.evaluate import RuleSet, hint_template, key_result_hint, run_rules
from facilitator.engine.extract import PartsView, extract
from facilitator.engine.langdetect import LEXICONS as DETECTION_LEXICONS
from facilitator.engine.langdetect import Vocabulary, detect, mixed
from facilitator.engine.lexicon import (
    Domain,
    Entry,
    LexiconError,
    LexiconIndex,
    load_domain,
    read_lexicon,
)
from facilitator.engine.model import (
    Alternative,
    Assessment,
    Finding,
    Flags,
    LazyList,
    Proposal,
    Rewrite,
    Scores,
)
from facilitator.engine.normalize import Normalized, normalize
from facilitator.engine.proposals import propose
from facilitator.engine.rewrite import apply_safe_edits, match_case
from facilitator.engine.rules import Rule, RuleError, load_rule, rule_files
from facilitator.engine.score import Scoring, ScoringError, score
from facilitator.engine.scripts import GROUPED, SCRIPTS, group
from facilitator.engine.tokens import Tokens, from_doc
from facilitator.paths import data_dir

LANGS = ("fr", "en")
_LANG_NAMES = {"fr": "French", "en": "English"}
KINDS = ("objective", "key_result")
_KIND_ALIASES = {
    "kr": "key_result",
    "key-result": "key_result",
    "keyresult": "key_result",
    "o": "objective",
    "obj": "objective",
}


def normalize_kind(kind: str) -> str:
    if kind in KINDS:
        return kind
    k = _KIND_ALIASES.get(kind.strip().lower(), kind.strip().lower())
    if k not in KINDS:
        raise ValueError(f"unknown kind '{kind}': use objective or key_result (kr)")
    return k


@dataclass(slots=True)
class _Language:
    lang: str
    entries: list[Entry]
    rules: list[Rule]
    quick_index: LexiconIndex
    scope_nouns: frozenset[str]
    pipeline: pipelines.Pipeline | None = None
    full_index: LexiconIndex | None = None
    validated: bool = False
    by_kind: dict[str, RuleSet] = field(default_factory=dict)  # rules that apply to each kind
    flags: dict[str, str] = field(default_factory=dict)  # rule id → the flag it feeds
    hint_template: str | None = None  # the key result proposed for an objective
    grouped: dict[str, Rule] = field(default_factory=dict)  # one finding per draft (scripts)
    questions: dict[str, str] = field(default_factory=dict)  # rule id → what the rewrite asks
    safe: frozenset[str] = frozenset()  # rules whose edits the rewrite applies without asking

    def __post_init__(self) -> None:
        self.set_rules(self.rules)

    def set_rules(self, rules: list[Rule]) -> None:
        self.rules = rules
        self.flags = {r.id: r.flag for r in rules}
        self.by_kind = {kind: RuleSet([r for r in rules if r.applies(kind)]) for kind in KINDS}
        self.hint_template = hint_template(rules)
        self.grouped = {r.id: r for r in rules if r.script in GROUPED}
        self.questions = {r.id: r.question for r in rules if r.question}
        self.safe = frozenset(r.id for r in rules if r.safe)


@dataclass(slots=True)
class Problem:
    """A rule or lexicon the engine refused, with where and why."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass
class Engine:
    """Assess OKR drafts. Headless: never imports Textual.

    `english_models` restricts the English candidates (tests pass `()` for the reduced mode).
    `domains` names the domain packs (`lexicons/domains/<name>.toml`) whose acronyms the room
    knows, for every draft unless a call passes its own.
    `config` is an organisation's `facilitator.toml` (`load_config`): rules on and off, levels,
    weights and limits, glossary, domains, extra word lists and rules, applied at load; a
    setting that does not fit its rule raises ConfigError. Without it, nothing changes.
    """

    rules_dir: Path | None = None
    lexicons_dir: Path | None = None
    english_models: tuple[str, ...] | None = None
    validate: bool = True
    problems: list[Problem] = field(default_factory=list)
    domains: Sequence[str] = ()
    config: Config | None = None

    def __post_init__(self) -> None:
        self.rules_dir = self.rules_dir or data_dir("rules")
        self.lexicons_dir = self.lexicons_dir or data_dir("lexicons")
        self._statuses: dict[str, list[RuleStatus]] = {}
        self._extra_paths: set[str] = set()  # rule files from the configuration's rules_dir
        self._config_known: frozenset[str] = frozenset()
        if self.config is not None:
            names = tuple(self.domains)
            self.domains = (*names, *(d for d in self.config.domains if d not in names))
            self._config_known = frozenset(g.upper() for g in self.config.glossary)
        self._scoring = self._load_scoring(self.rules_dir / "scoring.toml")
        self._strategies = load_strategies(self.rules_dir / STRATEGIES_FILE)
        self._langs = {lang: self._load_language(lang) for lang in LANGS}
        self._function_words = {
            lang: frozenset(
                w
                for e in self._langs[lang].entries
                if e.lexicon in ("function-words", *feats.VERB_LEXICONS)
                for w in e.term.lower().split()
            )
            for lang in LANGS
        }
        self._vocabulary = Vocabulary.from_entries({k: v.entries for k, v in self._langs.items()})
        self._lock = threading.Lock()
        self._domains: dict[str, Domain] = {}
        self._domain_terms: dict[tuple[str, ...], frozenset[str]] = {}
        # An unknown name fails here.
        self._default_known = self.domain_terms(self.domains) | self._config_known

    # --- loading -----------------------------------------------------------------------------

    def _load_scoring(self, path: Path) -> Scoring:
        try:
            return Scoring.load(path)
        except ScoringError as error:  # reported like a broken rule; the defaults still score
            self.problems.append(Problem(str(path), str(error).removeprefix(f"{path}: ")))
            return Scoring()

    def _load_language(self, lang: str) -> _Language:
        assert self.lexicons_dir is not None and self.rules_dir is not None
        entries: list[Entry] = []
        for path in sorted((self.lexicons_dir / lang).glob("*.tsv")):
            try:
                entries.extend(read_lexicon(path))
            except LexiconError as exc:
                self.problems.append(Problem(str(path), str(exc)))
        config = self.config
        if config is not None:
            entries.extend(config.entries(lang))  # read and checked by load_config
        rules: list[Rule] = []
        seen: dict[str, Path] = {}
        known_lexicons = {e.lexicon for e in entries}
        for name in feats.FEATURE_LEXICONS:
            if name not in known_lexicons:
                self.problems.append(
                    Problem(
                        str(self.lexicons_dir / lang / f"{name}.tsv"),
                        "missing or empty: the output, measurability and why checks rely on it",
                    )
                )
        extra = rule_files(config.rules_dir, lang) if config and config.rules_dir else []
        bundled = set(rule_files(self.rules_dir, lang))
        for path in sorted(bundled) + extra:
            try:
                rule = load_rule(path, lang, set(SCRIPTS))
            except RuleError as exc:
                self.problems.append(Problem(str(path), str(exc).removeprefix(f"{path}: ")))
                continue
            if rule.id in seen and (path in bundled or seen[rule.id] not in bundled):
                self.problems.append(
                    Problem(str(path), f"id '{rule.id}' also used by {seen[rule.id]}")
                )
                continue
            missing = [name for name in rule.lexicons if name not in known_lexicons]
            if missing:
                self.problems.append(
                    Problem(
                        str(path), f"lexicon(s) {missing} not found in {self.lexicons_dir / lang}"
                    )
                )
                continue
            if rule.id in seen:  # the organisation's own version of a bundled rule
                rules = [r for r in rules if r.id != rule.id]
            seen[rule.id] = path
            rules.append(rule)
        if config is not None:
            self._extra_paths |= {str(p) for p in extra}
            statuses = [config.status(r, str(r.path) in self._extra_paths) for r in rules]
            rules = [s.rule for s in statuses if s.on]
        else:
            statuses = [RuleStatus(r, True) for r in rules]
        self._statuses[lang] = statuses
        quick = LexiconIndex(lang)
        words = pipelines.quick_tokens
        quick.add(_matched(entries), lambda term: words(term, lang)[0])
        scope = frozenset(
            f for e in entries if e.lexicon == "scope-nouns" for f in _plural_forms(e.term)
        )
        return _Language(lang, entries, rules, quick, scope)

    def load(self, lang: str) -> None:
        """Load the spaCy pipeline for `lang` (slow: ≈3.5 s for French) and check the rules."""
        state = self._langs[lang]
        with self._lock:
            if state.pipeline is not None:
                return
            allow = self.english_models if lang == "en" else None
            pipeline = pipelines.load(lang, allow)
            index = LexiconIndex(lang)
            tokenizer = pipeline.nlp.tokenizer
            index.add(_matched(state.entries), lambda term: [t.text for t in tokenizer(term)])
            state.full_index = index
            state.pipeline = pipeline
        if self.validate and not state.validated:
            self._validate(state)

    def ready(self, lang: str) -> bool:
        return self._langs[lang].pipeline is not None

    def rules(self, lang: str | None = None) -> list[Rule]:
        langs = [lang] if lang else list(LANGS)
        return [r for code in langs for r in self._langs[code].rules]

    def rule_statuses(self, lang: str | None = None) -> list[RuleStatus]:
        """Every rule, on or off, as the configuration left it and where each setting came from
        (a rule refused since, for failing examples, is on in none of them)."""
        langs = [lang] if lang else list(LANGS)
        out = []
        for code in langs:
            running = {id(r) for r in self._langs[code].rules}
            out += [
                s
                if not s.on or id(s.rule) in running
                else RuleStatus(
                    s.rule, False, {**s.origins, "on": "refused: its examples fail"}, s.extra
                )
                for s in self._statuses[code]
            ]
        return out

    def notice(self, lang: str) -> str:
        state = self._langs[lang]
        return state.pipeline.notice if state.pipeline else ""

    # --- assessing ---------------------------------------------------------------------------

    def detect_lang(self, text: str) -> str:
        words = self._function_words
        return detect(text, words["fr"], words["en"], self._vocabulary)

    def assess(
        self,
        text: str,
        kind: str = "objective",
        lang: str | None = None,
        glossary: Iterable[str] = (),
        tier: str = "full",
        domains: Iterable[str] | None = None,
    ) -> Assessment:
        """Score one draft. `tier="lexical"` skips spaCy's models (per-keystroke feedback).

        `glossary` and the `domains` packs (None: the engine's) list acronyms the room knows."""
        kind = normalize_kind(kind)
        norm = normalize(text if isinstance(text, str) else str(text))
        lang = self._pick_lang(norm.text, lang)
        glossary = self._known(glossary, domains)
        if tier == "lexical":
            toks = self._quick_tokens(norm.text, lang)
            return self._assess(norm, toks, kind, lang, glossary, "lexical")
        self.load(lang)
        pipeline = self._langs[lang].pipeline
        assert pipeline is not None
        doc = pipeline.nlp(norm.text)
        toks = from_doc(doc, pipeline.parsed)
        return self._assess(
            norm, toks, kind, lang, glossary, "full" if pipeline.parsed else "reduced"
        )

    def assess_many(
        self, items: Iterable[str | Sequence[str] | Mapping[str, Any]], batch_size: int = 128
    ) -> list[Assessment]:
        """Assess many drafts, batching each language through `nlp.pipe`.

        Items are texts, (text, kind[, lang]) tuples or mappings with
        text/kind/lang/glossary/domains.
        """
        prepared: list[tuple[Normalized, str, str, frozenset[str]]] = []
        for item in items:
            text, kind, lang, glossary = _unpack(item)
            norm = normalize(text)
            domains = item.get("domains") if isinstance(item, Mapping) else None
            known = self._known(glossary, domains)
            prepared.append((norm, normalize_kind(kind), self._pick_lang(norm.text, lang), known))
        results: list[Assessment | None] = [None] * len(prepared)
        for lang in LANGS:
            idx = [i for i, p in enumerate(prepared) if p[2] == lang]
            if not idx:
                continue
            self.load(lang)
            pipeline = self._langs[lang].pipeline
            assert pipeline is not None
            tier = "full" if pipeline.parsed else "reduced"
            # spaCy parses a chunk of drafts, then the rules run on them: alternating the two
            # every batch costs each its warm processor caches (measured: ≈4 % of the total).
            for start in range(0, len(idx), _CHUNK):
                part = idx[start : start + _CHUNK]
                texts = [prepared[i][0].text for i in part]
                docs = list(pipeline.nlp.pipe(texts, batch_size=batch_size))
                for i, doc in zip(part, docs, strict=True):
                    norm, kind, _, known = prepared[i]
                    toks = from_doc(doc, pipeline.parsed)
                    results[i] = self._assess(norm, toks, kind, lang, known, tier)
        return [r for r in results if r is not None]

    def domain(self, name: str) -> Domain:
        """A domain pack by name (its terms spelled out per language); LexiconError if unknown."""
        pack = self._domains.get(name)
        if pack is None:
            assert self.lexicons_dir is not None
            pack = self._domains[name] = load_domain(self.lexicons_dir, name)
        return pack

    def domain_terms(self, names: Iterable[str]) -> frozenset[str]:
        """The acronyms of the named domain packs, in capitals (as the glossary is compared)."""
        key = (names,) if isinstance(names, str) else tuple(names)
        terms = self._domain_terms.get(key)
        if terms is None:
            terms = frozenset(t.upper() for name in key for t in self.domain(name).terms)
            self._domain_terms[key] = terms
        return terms

    def _known(self, glossary: Iterable[str], domains: Iterable[str] | None) -> frozenset[str]:
        """Acronyms the room knows: the session glossary and the domain packs'."""
        if domains is None:
            packs = self._default_known
        else:
            packs = self.domain_terms(domains)
            if self._config_known:
                packs = packs | self._config_known
        if not glossary:
            return packs
        return packs | frozenset(g.upper() for g in glossary)

    def _pick_lang(self, text: str, lang: str | None) -> str:
        if lang in LANGS:
            return lang
        if lang in (None, "", "auto"):
            return self.detect_lang(text)
        code = str(lang).lower()[:2]
        if code not in LANGS:
            raise ValueError(f"unknown language '{lang}': use fr, en or auto")
        return code

    def _quick_tokens(self, text: str, lang: str) -> Tokens:
        words, idx = pipelines.quick_tokens(text, lang)
        return Tokens(text=words, lower=[w.lower() for w in words], idx=idx)

    def _assess(
        self,
        norm: Normalized,
        toks: Tokens,
        kind: str,
        lang: str,
        glossary: frozenset[str],
        tier: str,
    ) -> Assessment:
        state = self._langs[lang]
        notices = self._notices(norm, state, tier)
        if not _ALNUM.search(norm.text):
            empty = Scores(0, 0, 0, 0)
            return Assessment(
                norm.original, norm.text, lang, kind, tier, empty, Flags(), {}, [], None, notices
            )
        index = state.full_index if tier != "lexical" and state.full_index else state.quick_index
        ctx = self._context(norm, toks, kind, lang, glossary, index, state)
        findings = run_rules(ctx, state.by_kind[kind])
        flags = _flags(ctx, findings, state.flags)  # jargon lists each acronym…
        if len(findings) > 1 and state.grouped:
            findings = group(findings, state.grouped)  # …the room reads them in one finding
        scores = score(findings, kind, self._scoring)
        # The rewrite and the key-result hint come with the full pass: per keystroke, findings
        # and scores are enough.
        rewrite = self._rewrite(ctx, findings) if tier != "lexical" else None
        template = state.hint_template
        hint = (
            key_result_hint(ctx, template)
            if template and tier != "lexical" and kind == "objective"
            else None
        )
        proposals: Sequence[Proposal] = (
            LazyList(lambda: propose(ctx)) if tier != "lexical" and kind == "objective" else ()
        )
        others: Sequence[Alternative] = (
            LazyList(lambda: self._alternatives(ctx, findings, rewrite, scores))
            if tier != "lexical"
            else ()
        )
        return Assessment(
            norm.original,
            norm.text,
            lang,
            kind,
            tier,
            scores,
            flags,
            PartsView(ctx.ex),
            findings,
            rewrite,
            notices,
            hint,
            proposals,
            others,
        )

    def _context(
        self,
        norm: Normalized,
        toks: Tokens,
        kind: str,
        lang: str,
        glossary: frozenset[str],
        index: LexiconIndex,
        state: _Language,
    ) -> Context:
        hits = index.find(toks)
        ex = extract(norm.text, lang, state.scope_nouns)
        features = feats.compute(toks, ex, kind, hits)
        features["current_year"] = _current_year()
        features["objective"] = "objective"
        features["key_result"] = "key_result"
        return Context(
            lang,
            kind,
            norm,
            toks,
            hits,
            ex,
            features,
            glossary,
            quoted_ranges(norm.text),
        )

    def _rewrite(self, ctx: Context, findings: list[Finding]) -> Rewrite | None:
        if not any(f.safe_edit is not None for f in findings):
            return None
        text, applied = apply_safe_edits(ctx.text, findings, ctx.lang)
        if not text or text == ctx.text:
            return None
        # Safe edits only remove words or swap them for curated plain ones, so the rewrite's
        # findings are the draft's minus those the edits resolved: no second analysis needed.
        done = {id(f) for f in applied}
        kept = [f for f in findings if id(f) not in done]
        resolved = sorted({f.rule for f in applied} - {f.rule for f in kept})
        questions = questions_for(applied, self._langs[ctx.lang].questions)
        return Rewrite(
            match_case(ctx.norm.original, text),
            score(kept, ctx.kind, self._scoring),
            resolved,
            questions,
        )

    def _alternatives(
        self, ctx: Context, findings: list[Finding], rewrite: Rewrite | None, scores: Scores
    ) -> list[Alternative]:
        def score_text(text: str) -> Scores:
            # ctx.glossary already holds the domain packs' acronyms.
            return self.assess(text, ctx.kind, ctx.lang, ctx.glossary, domains=()).scores

        state = self._langs[ctx.lang]
        return alternatives(
            ctx,
            findings,
            rewrite,
            self._strategies,
            state.safe,
            state.questions,
            score_text,
            scores,
        )

    def _notices(self, norm: Normalized, state: _Language, tier: str) -> list[str]:
        notices = []
        text = norm.text
        if tier == "reduced" and state.pipeline is not None:
            notices.append(state.pipeline.notice)
        if norm.truncated:
            notices.append(
                f"text longer than {len(text)} characters: only the beginning was assessed"
            )
        # Per keystroke this notice can wait for the full pass.
        if (
            tier != "lexical"
            and len(text) > 20
            and mixed(text, self._function_words["fr"], self._function_words["en"])
        ):
            notices.append(
                f"text mixes French and English: assessed as {_LANG_NAMES[state.lang]} only"
            )
        # Plain ASCII is Latin: the usual draft skips the scan.
        if not text.isascii() and not _LATIN.fullmatch(text) and _mostly_foreign(text):
            notices.append("text is mostly not in French or English: the coach reads only those")
        return notices

    # --- rule examples -----------------------------------------------------------------------

    def check_examples(self, lang: str) -> list[Problem]:
        """Run every rule's examples; return the failures (file, example, what went wrong)."""
        self.load(lang)
        state = self._langs[lang]
        cases = [(r, ex, True) for r in state.rules for ex in r.bad] + [
            (r, ex, False) for r in state.rules for ex in r.good
        ]
        # The bundled examples are written for any room: the engine's domain packs (a pharma
        # room knows AMM) would silence what they show. The organisation's rules are its own.
        results = self.assess_many(
            [
                {
                    "text": ex.text,
                    "kind": ex.kind,
                    "lang": lang,
                    "domains": None if str(rule.path) in self._extra_paths else (),
                }
                for rule, ex, _ in cases
            ]
        )
        failures: list[Problem] = []
        for (rule, ex, bad), result in zip(cases, results, strict=True):
            mine = [f for f in result.findings if f.rule == rule.id]
            where = f'{"bad" if bad else "good"} example "{ex.text}"'
            if not bad and mine:
                failures.append(Problem(str(rule.path), f"{where} fires on '{mine[0].text}'"))
            elif bad and not mine:
                failures.append(Problem(str(rule.path), f"{where} does not fire"))
            elif bad and ex.span and not any(_same(f.text, ex.span) for f in mine):
                got = ", ".join(repr(f.text) for f in mine)
                failures.append(
                    Problem(str(rule.path), f"{where}: expected span '{ex.span}', got {got}")
                )
            elif (
                bad
                and ex.suggestion is not None
                and not any(
                    _same(s, ex.suggestion) or _same(s[: len(ex.suggestion)], ex.suggestion)
                    for f in mine
                    for s in f.suggestions
                )
            ):
                got = "; ".join(s for f in mine for s in f.suggestions)
                failures.append(
                    Problem(
                        str(rule.path),
                        f"{where}: expected suggestion '{ex.suggestion}', got '{got}'",
                    )
                )
        return failures

    def _validate(self, state: _Language) -> None:
        state.validated = True
        failures = self.check_examples(state.lang)
        if self.config is not None:
            # Only the organisation's own rules are refused: a bundled example may no longer
            # hold because the organisation chose so (a longer limit, a word of its own).
            failures = [f for f in failures if f.path in self._extra_paths]
        refused = {f.path for f in failures}
        state.set_rules([r for r in state.rules if str(r.path) not in refused])
        self.problems.extend(failures)


_CHUNK = 1024  # drafts parsed at a time by assess_many: a few megabytes of spaCy Docs
_ALNUM = re.compile(r"[^\W_]")
_LATIN = re.compile(r"[\x00-\u024f\u2000-\u206f€]*")


_year = (0, 0.0)  # the current year, and the time its day ends


def _current_year() -> int:
    """The year today, read from the clock once a day: date.today() on every draft cost more
    than some rules."""
    global _year
    year, until = _year
    now = time.time()
    if now >= until:
        today = dt.date.today()
        tomorrow = dt.datetime.combine(today + dt.timedelta(days=1), dt.time())
        _year = year, until = today.year, tomorrow.timestamp()
    return year


def _mostly_foreign(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    latin = sum(c <= "\u024f" for c in letters)
    return bool(letters) and latin < 0.5 * len(letters)


_DETECTION = frozenset({"function-words", *DETECTION_LEXICONS})


def _matched(entries: list[Entry]) -> list[Entry]:
    """Entries the rules and features look for (function words only serve language detection)."""
    return [e for e in entries if e.lexicon not in _DETECTION]


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _plural_forms(term: str) -> set[str]:
    t = term.lower()
    return {t, t + "s", t + "x"}


def _flags(ctx: Context, findings: list[Finding], rule_flags: Mapping[str, str]) -> Flags:
    low_ambition = too_long = False
    jargon: list[str] = []
    for f in findings:
        flag = rule_flags.get(f.rule)
        if flag == "jargon" and f.text not in jargon:
            jargon.append(f.text)
        elif flag == "low_ambition":
            low_ambition = True
        elif flag == "too_long":  # the length limits live in the rule files, nowhere else
            too_long = True
    ex, features = ctx.ex, ctx.features
    return Flags(
        ex.measurable,
        bool(features["output"]),
        low_ambition,
        jargon,
        too_long or features["ideas"] > 1,
        ex.has_baseline,
        ex.has_deadline,
    )


def _unpack(
    item: str | Sequence[str] | Mapping[str, Any],
) -> tuple[str, str, str | None, tuple[str, ...]]:
    if isinstance(item, str):
        return item, "objective", None, ()
    if isinstance(item, Mapping):
        return (
            str(item.get("text", "")),
            str(item.get("kind") or "objective"),
            item.get("lang"),
            tuple(item.get("glossary", ())),
        )
    values = list(item)
    return (
        values[0],
        values[1] if len(values) > 1 else "objective",
        values[2] if len(values) > 2 else None,
        (),
    )
