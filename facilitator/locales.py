"""Every interface text, read from the catalogues in `locales/<lang>/<area>.toml`.

`t(lang, key, **values)` is the one lookup of the TUI, the minutes, the command line's report and
the trainer mode. Its contract:

- one failure mode: a key missing in `lang` (or an unknown `lang`) falls back to French, then to
  the key itself, so a forgotten translation shows as a readable key, never a crash; a test
  checks that both languages hold the same keys with the same placeholders;
- a value is a text or a plural table `{ one = …, other = … }` chosen by `values["count"]`
  (French: 0 and 1 are singular; English: 1 only);
- without `values` the text comes back as written (braces included); with `values` it is
  formatted by `typography.format_message` (French elision: "de {name}" → "d’Amina"), and a
  template that cannot be formatted comes back unformatted;
- every French text gets its no-break spaces from `french_spacing` when the catalogue is read,
  so a translator types plain spaces (a text typed with its no-break spaces stays as it is).

Headless (no Textual) and cheap: each language's files are read once, on first use.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType

from facilitator.paths import data_dir
from facilitator.typography import NBSP, format_message

LANGS = ("fr", "en")
# Each language's name, in the interface's language: a new language adds its line.
LANG_NAME_KEYS = {"fr": "lang.name.fr", "en": "lang.name.en"}
FALLBACK = "fr"
NNBSP = "\u202f"  # narrow no-break space
PLURAL_FORMS = ("one", "other")

_SPACING = (
    (" :", f"{NBSP}:"),
    (" ;", f"{NNBSP};"),
    (" !", f"{NBSP}!"),
    (" ?", f"{NBSP}?"),
    (" %", f"{NNBSP}%"),
    ("« ", f"«{NBSP}"),
    (" »", f"{NBSP}»"),
)

Entry = str | Mapping[str, str]
"""A catalogue value: a text, or a plural table {"one": …, "other": …}."""


class CatalogueError(ValueError):
    """A catalogue file that cannot be used: bad TOML, a value that is neither a text nor a
    plural table, or a key defined in two files of the same language."""


def french_spacing(text: str) -> str:
    """No-break spaces where French typography wants them, in place of the plain spaces a
    translator types: before : ! ? (no-break), before ; and % (narrow), inside « ».

    Only a plain space is replaced, never added: what has no space before its colon keeps none
    (a time "10:30", a placeholder pair "{a}:{b}", an address "https://…", a key "ctrl+s")."""
    for plain, fixed in _SPACING:
        text = text.replace(plain, fixed)
    return text


def language(lang: str | None) -> str:
    """The catalogue language for `lang` ("en-GB" → "en"); French for an unknown one."""
    code = (lang or FALLBACK).lower()[:2]
    return code if code in LANGS else FALLBACK


def _entry(value: object, where: str) -> Entry:
    if isinstance(value, str):
        return value
    forms = value if isinstance(value, dict) else {}
    if set(forms) == set(PLURAL_FORMS) and all(isinstance(f, str) for f in forms.values()):
        return MappingProxyType(dict(forms))
    raise CatalogueError(f"{where}: a text or a table {{ one = …, other = … }} of texts")


def _typeset(entry: Entry) -> Entry:
    if isinstance(entry, str):
        return french_spacing(entry)
    return MappingProxyType({form: french_spacing(text) for form, text in entry.items()})


def read_file(path: Path, typeset: bool = False) -> dict[str, Entry]:
    """One catalogue file's entries; `typeset` applies `french_spacing` to its texts."""
    try:
        with path.open("rb") as file:
            data = tomllib.load(file)
    except tomllib.TOMLDecodeError as error:
        raise CatalogueError(f"{path}: {error}") from None
    entries = {key: _entry(value, f"{path}: {key}") for key, value in data.items()}
    return {key: _typeset(e) for key, e in entries.items()} if typeset else entries


@cache
def catalogue(lang: str) -> Mapping[str, Entry]:
    """Every entry of `lang` (one of LANGS), all areas merged; read once."""
    folder = data_dir("locales") / lang
    merged: dict[str, Entry] = {}
    origin: dict[str, str] = {}
    for path in sorted(folder.glob("*.toml")):
        for key, entry in read_file(path, typeset=lang == "fr").items():
            if key in merged:
                raise CatalogueError(f"{path}: {key} is already in {origin[key]}")
            merged[key] = entry
            origin[key] = path.name
    return MappingProxyType(merged)


def is_key(text: str) -> bool:
    """True when `text` is a catalogue key (a key binding's description is one)."""
    return text in catalogue(FALLBACK)


def plural_form(lang: str, count: int) -> str:
    """`"one"` or `"other"` for `count`: French counts 0 and 1 as singular, English 1 only."""
    one = count <= 1 if lang == "fr" else count == 1
    return "one" if one else "other"


def t(lang: str, key: str, /, **values: object) -> str:
    """The text `key` in `lang`, formatted with `values` (see the module's contract)."""
    lang = language(lang)
    entry = catalogue(lang).get(key) or catalogue(FALLBACK).get(key)
    if entry is None:
        return key
    if isinstance(entry, str):
        text = entry
    else:
        count = values.get("count")
        text = entry[plural_form(lang, count if isinstance(count, int) else 2)]
    if not values:
        return text
    try:
        return format_message(text, lang, values)
    except (KeyError, IndexError, ValueError):
        return text


def texts(lang: str, prefix: str) -> Mapping[str, str]:
    """The plain texts (not the plural tables) of `lang` whose key starts with `prefix`, keyed
    without it, French filling any gap: the minutes' labels as one table."""
    out: dict[str, str] = {}
    for code in (FALLBACK, language(lang)):
        for key, entry in catalogue(code).items():
            if key.startswith(prefix) and isinstance(entry, str):
                out[key.removeprefix(prefix)] = entry
    return MappingProxyType(out)
