"""Configuration per organisation: a `facilitator.toml`, as Vale and ruff do it.

Found upward from the working folder (`find_config`), or named (`load_config(path)`), it lets an
organisation turn rules on and off, change their level, weight and length limits, add the
acronyms its rooms know, choose domain packs, extend word lists and add its own rules:

    ignore = ["objective-no-why"]        # ids, or prefixes like ruff's: "kr-"
    glossary = ["CODIR", "KAM"]
    domains = ["pharma"]
    rules_dir = "our-rules"              # <lang>/<dimension>/<id>.toml, checked like ours

    [rules.kr-no-deadline]
    level = "warning"                    # suggestion | warning | error
    weight = 25

    [rules.too-many-words]
    max_objective = 25                   # words in an objective (max: in a key result)

    [fr]                                 # French drafts only: same keys as above, except
    ignore = ["anglicism"]               # glossary, domains and rules_dir
    [fr.word_lists]
    buzzwords = "mots-creux.tsv"         # same columns as lexicons/fr/buzzwords.tsv

`select` keeps only the rules it names; the most specific entry of `select` and `ignore` wins
(an id over a prefix, a longer prefix over a shorter one), a language's own entry over a common
one, and `ignore` when one list repeats the other. Paths are relative to the file.

A file that cannot be used raises `ConfigError`, whose message reads
`file:line: field: problem; what to do`. Headless: never imports Textual.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from facilitator.engine.lexicon import Entry, LexiconError, domain_names, read_lexicon
from facilitator.engine.rules import LEVELS, Rule, rule_files
from facilitator.paths import data_dir

CONFIG_NAME = "facilitator.toml"
CONFIG_LANGS = ("fr", "en")
_SCOPE_KEYS = ("select", "ignore", "rules", "word_lists")
_TOP_KEYS = (*_SCOPE_KEYS, "glossary", "domains", "rules_dir", *CONFIG_LANGS)
_RULE_KEYS = ("level", "weight", "max", "max_objective")
_LIMITS = ("max", "max_objective")
_MAX_WEIGHT = 100
_LEXICON_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")


class ConfigError(ValueError):
    """A configuration that cannot be used: `file:line: field: problem; what to do`."""

    def __init__(self, file: str, line: int, field: str, message: str) -> None:
        self.file, self.line, self.field, self.message = file, line, field, message
        super().__init__(f"{file}:{line}: {field}: {message}")


@dataclass(frozen=True, slots=True)
class Place:
    """Where a setting is written: the file and the line."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{Path(self.file).name}:{self.line}"


@dataclass(frozen=True, slots=True)
class Setting:
    """A value the configuration sets, and where."""

    value: Any
    place: Place


@dataclass(frozen=True, slots=True)
class Selector:
    """One entry of `select` (on) or `ignore` (off): a rule id or the start of ids."""

    pattern: str
    on: bool
    place: Place

    def matches(self, rule_id: str) -> bool:
        return rule_id.startswith(self.pattern)


@dataclass(frozen=True)
class Scope:
    """The settings for both languages (the file's top level) or for one (`[fr]`, `[en]`)."""

    select: tuple[Selector, ...] | None = None  # None: every rule is selected
    ignore: tuple[Selector, ...] = ()
    rules: Mapping[str, Mapping[str, Setting]] = field(default_factory=dict)  # id → key → value
    word_lists: Mapping[str, tuple[Entry, ...]] = field(default_factory=dict)  # lexicon → extra


@dataclass(frozen=True)
class RuleStatus:
    """A rule as a configuration leaves it: on or off, and where each setting came from."""

    rule: Rule  # as the engine runs it: level, weight and limits applied
    on: bool
    origins: Mapping[str, str] = field(default_factory=dict)  # "on", "level" … → where from
    extra: bool = False  # from the configuration's rules_dir


@dataclass(frozen=True)
class Config:
    """An organisation's settings. `Engine(config=load_config(path))` applies them at load."""

    path: Path | None = None
    glossary: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    rules_dir: Path | None = None
    common: Scope = field(default_factory=Scope)
    langs: Mapping[str, Scope] = field(default_factory=dict)

    def scopes(self, lang: str) -> tuple[Scope, ...]:
        """The common settings, then the language's own (which win a tie)."""
        own = self.langs.get(lang)
        return (self.common, own) if own is not None else (self.common,)

    def entries(self, lang: str) -> list[Entry]:
        """The extra word-list entries for `lang`'s lexicons."""
        return [e for s in self.scopes(lang) for entries in s.word_lists.values() for e in entries]

    def status(self, rule: Rule, extra: bool = False) -> RuleStatus:
        """`rule` as this configuration leaves it. ConfigError if a setting does not fit it (a
        length limit on a rule that counts nothing)."""
        on, where = self._selected(rule.id, rule.lang)
        origins = {"on": where} if where else {}
        changes: dict[str, Any] = {}
        for scope in self.scopes(rule.lang):
            for key, setting in scope.rules.get(rule.id, {}).items():
                if key in _LIMITS and rule.kind != "occurrence":
                    raise ConfigError(
                        setting.place.file,
                        setting.place.line,
                        f"rules.{rule.id}.{key}",
                        f"rule '{rule.id}' ({rule.lang}) has no length limit to change; "
                        "remove this line (max and max_objective are for rules that count, "
                        "such as too-many-words)",
                    )
                changes[key] = setting.value
                origins[key] = str(setting.place)
        if changes:
            rule = _changed(rule, changes)
        return RuleStatus(rule, on, origins, extra)

    def _selected(self, rule_id: str, lang: str) -> tuple[bool, str]:
        best: tuple[tuple[int, int, bool], Selector] | None = None
        selecting = False
        for layer, scope in enumerate(self.scopes(lang)):
            selecting = selecting or scope.select is not None
            for sel in (*(scope.select or ()), *scope.ignore):
                if sel.matches(rule_id):
                    key = (len(sel.pattern), layer, not sel.on)
                    if best is None or key > best[0]:
                        best = (key, sel)
        if best is not None:
            sel = best[1]
            return sel.on, f"{sel.place} ({'select' if sel.on else 'ignore'} '{sel.pattern}')"
        if selecting:
            return False, "not in select"
        return True, ""


def _changed(rule: Rule, changes: Mapping[str, Any]) -> Rule:
    """The rule with new settings; a message or suggestion quoting an old limit quotes the new."""
    numbers: dict[str, str] = {}
    for key in _LIMITS:
        old = getattr(rule, key)
        if key in changes and old is not None and changes[key] != old:
            numbers.setdefault(f"{old:g}", f"{changes[key]:g}")
    if numbers:
        pattern = re.compile(
            r"(?<![\d.,])(" + "|".join(map(re.escape, numbers)) + r")(?![\d]|[.,]\d)"
        )

        def retell(text: str) -> str:
            return pattern.sub(lambda m: numbers[m.group(1)], text)

        changes = {
            **changes,
            "message": retell(rule.message),
            "suggestions": tuple(retell(s) for s in rule.suggestions),
        }
    return dataclasses.replace(rule, **changes)


# --- finding and loading ---------------------------------------------------------------------


def find_config(start_dir: Path | str | None = None) -> Path | None:
    """The nearest `facilitator.toml` in `start_dir` (default: the working folder) or above."""
    here = Path(start_dir or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


def resolve_config(
    path: Path | str | None = None, start_dir: Path | str | None = None, discover: bool = True
) -> Config | None:
    """The configuration a command or the app should use: `path` if given, else the nearest
    `facilitator.toml` (unless `discover` is False), else None. ConfigError if it is broken."""
    if path is not None:
        return load_config(path)
    found = find_config(start_dir) if discover else None
    return load_config(found) if found else None


def load_config(
    path: Path | str, *, rules_dir: Path | None = None, lexicons_dir: Path | None = None
) -> Config:
    """Read and check a `facilitator.toml`. Rule ids, domain packs and lexicon names are checked
    against the bundled data (or `rules_dir`, `lexicons_dir`) and the file's own rules folder;
    the word lists are read now. ConfigError names the file, line and field at fault."""
    from facilitator.datafiles import read_toml  # the hardened reader of hand-written TOML

    path = Path(path)
    data, locator, problems = read_toml(path)
    if problems or data is None:
        p = problems[0]
        raise ConfigError(p.file, p.line, p.field, p.message)
    reader = _Reader(
        path,
        path.read_text(encoding="utf-8-sig"),
        locator.line,
        rules_dir or data_dir("rules"),
        lexicons_dir or data_dir("lexicons"),
    )
    return reader.config(data)


class _Reader:
    def __init__(
        self, path: Path, text: str, line_of: Any, rules_dir: Path, lexicons_dir: Path
    ) -> None:
        self.path, self.file = path, str(path)
        self.lines = text.splitlines()
        self.line_of = line_of
        self.base = path.resolve().parent
        self.bundled_rules = rules_dir
        self.lexicons_dir = lexicons_dir
        self.ids: dict[str, set[str]] = {}

    # --- errors and places

    def fail(self, field: str, message: str, value: str | None = None) -> ConfigError:
        return ConfigError(self.file, self.line(field, value), field, message)

    def line(self, field: str, value: str | None = None) -> int:
        """The line of `field`; for an item of a list, the line that quotes it, if any."""
        line = self.line_of(field.split("[")[0] if value is not None else field)
        if value is not None:
            quoted = (f'"{value}"', f"'{value}'")
            for n in range(line - 1, len(self.lines)):
                if any(q in self.lines[n] for q in quoted):
                    return n + 1
        return line

    def place(self, field: str, value: str | None = None) -> Place:
        return Place(self.file, self.line(field, value))

    # --- the file

    def config(self, data: dict[str, Any]) -> Config:
        self.keys(data, "", _TOP_KEYS)
        rules_dir = self.folder(data)
        self.ids = {lang: self.rule_ids(lang, rules_dir) for lang in CONFIG_LANGS}
        common = self.scope(data, "", CONFIG_LANGS)
        langs = {}
        for lang in CONFIG_LANGS:
            if lang in data:
                table = self.table(data, lang, lang)
                self.keys(table, f"{lang}.", _SCOPE_KEYS)
                langs[lang] = self.scope(table, f"{lang}.", (lang,))
        return Config(
            self.path,
            self.strings(data, "glossary", "glossary", 'write glossary = ["CODIR", "KAM"]'),
            self.domains(data),
            rules_dir,
            common,
            langs,
        )

    def keys(self, table: Mapping[str, Any], prefix: str, allowed: Iterable[str]) -> None:
        allowed = tuple(allowed)
        for key in table:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = f"did you mean '{close[0]}'?" if close else f"use {', '.join(allowed)}"
                raise self.fail(f"{prefix}{key}", f"unknown key; {hint}")

    def table(self, data: Mapping[str, Any], key: str, field: str) -> dict[str, Any]:
        value = data.get(key, {})
        if not isinstance(value, dict):
            raise self.fail(field, f"must be a table; write it as [{field}] with keys below it")
        return value

    def strings(self, data: Mapping[str, Any], key: str, field: str, how: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if isinstance(value, str) or not isinstance(value, list):
            raise self.fail(field, f"must be a list of texts; {how}")
        out = []
        for n, item in enumerate(value, 1):
            if not isinstance(item, str) or not item.strip():
                raise self.fail(f"{field}[{n}]", f"must be a non-empty text; {how}")
            out.append(item.strip())
        return tuple(out)

    def folder(self, data: Mapping[str, Any]) -> Path | None:
        if "rules_dir" not in data:
            return None
        value = data["rules_dir"]
        if not isinstance(value, str) or not value.strip():
            raise self.fail("rules_dir", 'must be a folder name; write rules_dir = "our-rules"')
        folder = self.base / value
        if not folder.is_dir():
            raise self.fail(
                "rules_dir",
                f"folder '{folder}' not found; create it, or give its path relative to "
                f"{self.path.name}",
            )
        if not any((folder / lang).is_dir() for lang in CONFIG_LANGS):
            raise self.fail(
                "rules_dir",
                f"'{folder}' holds no fr/ or en/ folder; lay it out as "
                "<lang>/<dimension>/<id>.toml, like the bundled rules",
            )
        return folder

    def rule_ids(self, lang: str, extra: Path | None) -> set[str]:
        ids = {p.stem for p in rule_files(self.bundled_rules, lang)}
        if extra is not None:
            ids |= {p.stem for p in rule_files(extra, lang)}
        return ids

    def domains(self, data: Mapping[str, Any]) -> tuple[str, ...]:
        names = self.strings(data, "domains", "domains", 'write domains = ["pharma"]')
        known = domain_names(self.lexicons_dir)
        for n, name in enumerate(names, 1):
            if name not in known:
                close = _closest(name, known)
                raise self.fail(
                    f"domains[{n}]",
                    f"no domain pack '{name}'"
                    + (f"; did you mean '{close}'?" if close else "")
                    + f"; available: {', '.join(known) or 'none'} (lexicons/domains/)",
                    name,
                )
        return names

    # --- a scope: both languages, or one

    def scope(self, data: Mapping[str, Any], prefix: str, langs: tuple[str, ...]) -> Scope:
        ids = set().union(*(self.ids[lang] for lang in langs))
        select = None
        if "select" in data:
            select = self.selectors(data, prefix, "select", ids, on=True)
            if not select:
                raise self.fail(
                    f"{prefix}select",
                    "is empty: every rule would be off; remove it to keep them all, or name "
                    'the rules to keep: select = ["kr-"]',
                )
        ignore = self.selectors(data, prefix, "ignore", ids, on=False)
        rules: dict[str, dict[str, Setting]] = {}
        for rule_id, settings in self.table(data, "rules", f"{prefix}rules").items():
            field = f"{prefix}rules.{rule_id}"
            if rule_id not in ids:
                raise self.fail(field, f"no rule '{rule_id}'{self.known_hint(rule_id, ids)}")
            if not isinstance(settings, dict):
                raise self.fail(
                    field, f'must be a table; write [{field}] then level = "warning" below it'
                )
            self.keys(settings, f"{field}.", _RULE_KEYS)
            rules[rule_id] = {
                key: Setting(
                    self.rule_value(f"{field}.{key}", key, value), self.place(f"{field}.{key}")
                )
                for key, value in settings.items()
            }
        return Scope(select, ignore, rules, self.word_lists(data, prefix, langs))

    def selectors(
        self, data: Mapping[str, Any], prefix: str, key: str, ids: set[str], on: bool
    ) -> tuple[Selector, ...]:
        field = f"{prefix}{key}"
        patterns = self.strings(data, key, field, f'write {key} = ["objective-no-why", "kr-"]')
        out = []
        for n, pattern in enumerate(patterns, 1):
            if not any(i.startswith(pattern) for i in ids):
                raise self.fail(
                    f"{field}[{n}]",
                    f"no rule is called or starts with '{pattern}'{self.known_hint(pattern, ids)}",
                    pattern,
                )
            out.append(Selector(pattern, on, self.place(f"{field}[{n}]", pattern)))
        return tuple(out)

    def known_hint(self, name: str, ids: set[str]) -> str:
        close = _closest(name, sorted(ids))
        return f"; did you mean '{close}'?" if close else "; `facilitator rules` lists them"

    def rule_value(self, field: str, key: str, value: Any) -> Any:
        if key == "level":
            if value not in LEVELS:
                raise self.fail(field, f"is {value!r}; use one of {', '.join(LEVELS)}")
            return value
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if key == "weight":
            if not number or not 0 <= value <= _MAX_WEIGHT:
                raise self.fail(
                    field,
                    f"is {value!r}; give the points the rule takes off, a number from 0 to "
                    f"{_MAX_WEIGHT} (0: it still shows, but costs nothing)",
                )
            return float(value)
        if not number or value < 1 or value != int(value):
            raise self.fail(field, f"is {value!r}; give a number of words, a whole number ≥ 1")
        return float(value)

    def word_lists(
        self, data: Mapping[str, Any], prefix: str, langs: tuple[str, ...]
    ) -> dict[str, tuple[Entry, ...]]:
        out: dict[str, tuple[Entry, ...]] = {}
        for name, value in self.table(data, "word_lists", f"{prefix}word_lists").items():
            field = f"{prefix}word_lists.{name}"
            if not _LEXICON_NAME.fullmatch(name):
                raise self.fail(field, "name a lexicon by its file name, such as buzzwords")
            has = [lang for lang in CONFIG_LANGS if self.lexicon(lang, name).is_file()]
            missing = [lang for lang in langs if lang not in has]
            if missing:
                if has:
                    hint = f"only {has[0]} has it: put it under [{has[0]}.word_lists]"
                else:
                    known = {
                        p.stem for lang in langs for p in (self.lexicons_dir / lang).glob("*.tsv")
                    }
                    close = _closest(name, known)
                    hint = (
                        f"did you mean '{close}'?"
                        if close
                        else "a word list adds entries to a lexicon of lexicons/<lang>/"
                    )
                raise self.fail(field, f"no lexicon '{name}' in {', '.join(missing)}; {hint}")
            files = [value] if isinstance(value, str) else value
            if not isinstance(files, list) or not all(isinstance(f, str) and f for f in files):
                raise self.fail(
                    field, f'must be a file name or a list of them; write {name} = "our-{name}.tsv"'
                )
            entries: list[Entry] = []
            for file in files:
                entries.extend(self.word_list(field, name, file))
            out[name] = tuple(entries)
        return out

    def lexicon(self, lang: str, name: str) -> Path:
        return self.lexicons_dir / lang / f"{name}.tsv"

    def word_list(self, field: str, name: str, file: str) -> list[Entry]:
        path = self.base / file
        if not path.is_file():
            raise self.fail(
                field,
                f"word list '{path}' not found; give a TSV file relative to {self.path.name} "
                f"(header: term, alternatives, pos, forms, note, source)",
            )
        try:
            entries = read_lexicon(path)
        except LexiconError as exc:
            raise self.fail(field, f"{exc}; fix that file") from None
        source = f"{self.path.name}: {file}"
        return [dataclasses.replace(e, lexicon=name, source=e.source or source) for e in entries]


def _closest(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return close[0] if close else ""
