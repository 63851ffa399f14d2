"""Checks that a word list or a pattern cannot express, registered by name for rule files.

A script returns spans in the normalised text, each with optional suggestions (None: use the
rule's own). Rules choose a script with `script = "name"` and may pass `lexicon`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping

from facilitator.engine.context import Context
from facilitator.engine.features import draft_words
from facilitator.engine.labels import label_end
from facilitator.engine.model import Finding
from facilitator.engine.rules import Rule
from facilitator.engine.tokens import Tokens

Span = tuple[int, int, list[str] | None]
Script = Callable[[Context, Rule], list[Span]]

SCRIPTS: dict[str, Script] = {}
# Scripts that can only report hits of their rule's word lists: the engine skips them, cheaply,
# when none of those lists found anything in the draft.
NEEDS_HITS: set[str] = set()
# Scripts whose findings in one draft become one finding listing every match ("Sigles à
# expliquer : CAPA, OOS"): the room reads one remark, not one per acronym. See `group`.
GROUPED: set[str] = set()


def script(
    name: str, needs_hits: bool = False, grouped: bool = False
) -> Callable[[Script], Script]:
    def register(fn: Script) -> Script:
        SCRIPTS[name] = fn
        if needs_hits:
            NEEDS_HITS.add(name)
        if grouped:
            GROUPED.add(name)
        return fn

    return register


def group(findings: list[Finding], rules: Mapping[str, Rule]) -> list[Finding]:
    """One finding per rule of `rules` (by id; their scripts are GROUPED) instead of one per
    match: the first match's span, "{match}" in the message standing for every match ("CAPA,
    OOS"), and each suggestion about "{match}" given once per match. The others are unchanged."""
    matches: dict[str, list[str]] = {}
    for f in findings:
        if f.rule in rules and f.text not in matches.setdefault(f.rule, []):
            matches[f.rule].append(f.text)
    if all(len(texts) < 2 for texts in matches.values()):
        return findings  # at most one match per rule: its finding already says it all
    out: list[Finding] = []
    done: set[str] = set()
    for f in findings:
        texts = matches.get(f.rule)
        if texts is None or len(texts) < 2:
            out.append(f)
        elif f.rule not in done:
            done.add(f.rule)
            rule = rules[f.rule]
            suggestions: list[str] = []
            for t in rule.suggestions:
                suggestions += [t.replace("{match}", x) for x in texts] if "{match}" in t else [t]
            message = rule.message.replace("{match}", ", ".join(texts))
            # The one finding weighs what its matches would have (see score.py): three
            # unexplained acronyms are worse than one, not three times worse.
            weight = min(f.weight * (1 + 0.5 * (len(texts) - 1)), 2 * f.weight)
            out.append(
                dataclasses.replace(f, message=message, suggestions=suggestions, weight=weight)
            )
    return out


# "NPS", "KPIs", "R&D", and "eNPS" (a lower-case prefix before capitals).
_ACRONYM = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})(?:[a-z](?=[A-Z]{2}))?[A-Z][A-Za-z0-9&]{1,9}$")
_NOT_ACRONYM = re.compile(r"^(?:[TQSH][1-4]|FY\d{2,4}|CY\d{2,4}|[IVXLC]+|X{1,3}|N{1,2}|[A-Z]\d+)$")
# Two lower-case letters in a row make a name ("MLonCode", "DevRel", "GitHub"), not an acronym
# ("eNPS", "IoT" and a plural "KPIs" keep one at most).
_NAME_LIKE = re.compile(r"[a-z]{2}")
# A team or topic tag in square brackets ("[INFRA]", "[DevRel]") files the draft; it is not text.
_TAG = re.compile(r"\[[^\]\s]{1,20}\]")


_CAPITALS = re.compile(r"[A-Z][A-Za-z0-9&]*[A-Z]")


def _shouting(toks: Tokens) -> bool:
    """Most words of a draft of four words or more written in capitals."""
    if sum(map(str.isupper, toks.text)) < 3:
        return False  # more than 60 % of four words or more is three at least
    words = [toks.text[i] for i in toks.words()]
    return len(words) >= 4 and sum(w.isupper() for w in words) > 0.6 * len(words)


@script("acronyms", grouped=True)
def acronyms(ctx: Context, rule: Rule) -> list[Span]:
    """Acronyms not in the everyday list, the workshop glossary nor the domain packs, and not
    explained. The engine then gathers them in one finding (see `group`)."""
    toks = ctx.toks
    if not _CAPITALS.search(ctx.text):
        return []  # no two capitals in a row: no acronym
    if _shouting(toks):
        return []  # a draft typed in capitals: every word would look like an acronym
    known = ctx.glossary
    everyday = ctx.hits.get("everyday-acronyms", [])
    everyday_at = {h.start for h in everyday}
    out: list[Span] = []
    seen: set[str] = set()
    label = label_end(ctx.text)  # "KR2 : …" names the key result: no jargon there
    tags = [m.span() for m in _TAG.finditer(ctx.text)] if "[" in ctx.text else []
    for i, word in enumerate(toks.text):
        if toks.idx[i] < label:
            continue
        # An acronym's first or second letter is a capital: digits, punctuation and plain
        # words are passed over without a regular expression.
        if not (word[:1].isupper() or word[1:2].isupper()):
            continue
        if not _ACRONYM.match(word) or _NOT_ACRONYM.match(word) or _NAME_LIKE.search(word):
            continue
        if len(word) >= 8 and word.isalpha():
            continue  # "EFFICACITE", "ROADMAP": a word in capitals, longer than acronyms run
        if i in everyday_at or (tags and any(s < toks.idx[i] < e for s, e in tags)):
            continue
        if ctx.lang == "en" and _names_the_actor(toks, i):
            continue
        bare = word[:-1] if word.endswith("s") and word[:-1].isupper() else word
        if bare in seen or bare.upper() in known or word.upper() in known:
            continue
        explained = (
            (i + 1 < len(toks) and toks.text[i + 1] == "(")
            or (i > 0 and toks.text[i - 1] == "(")
            or _heading(toks, i)
            or _spelled_out(toks, bare)
        )
        seen.add(bare)
        if not explained:
            out.append((toks.idx[i], toks.end(i), None))
    return out


def _heading(toks: Tokens, i: int) -> bool:
    """A word in capitals that heads the draft ("EQUITY: Support …", "KEY RESULT 1 : …"): a
    title, not an acronym. Acronyms run to five letters; a heading word is longer, or is one
    of two capitalised words in a row."""
    if i > 2:
        return False
    nxt = toks.text[i + 1] if i + 1 < len(toks) else ""
    return (len(toks.text[i]) >= 6 and nxt == ":") or (len(nxt) >= 3 and nxt.isupper())


# Small words an acronym skips ("Department of Transportation" → DOT keeps the "o" or not).
_SKIPPED = frozenset({"of", "and", "for", "the", "de", "des", "du", "la", "le", "et", "d'", "&"})


def _spelled_out(toks: Tokens, acronym: str) -> bool:
    """The draft spells the acronym out as the initials of words in a row ("Electric Vehicle
    Charging … EV", "utilisateurs actifs mensuels … UAM"): the reader has the meaning."""
    letters = acronym.lower()
    if len(letters) < 2 or not letters.isalpha():
        return False
    # Two letters meet by chance in any sentence: those must be capitals ("Electric Vehicle").
    capitals = len(letters) == 2
    initials = [
        (w[0].lower(), w.lower())
        for w in toks.text
        if w[:1].isalpha() and w != acronym and (w[0].isupper() or not capitals)
    ]
    for start in range(len(initials)):
        k = 0
        for first, word in initials[start:]:
            if k == len(letters):
                break
            if first == letters[k]:
                k += 1
            elif word not in _SKIPPED or k == 0:
                break
        if k == len(letters):
            return True
    return False


def _names_the_actor(toks: Tokens, i: int) -> bool:
    """ "DOT commits to…", "DOT’s reporting will show…": the acronym names the organisation that
    writes the objective, which its readers know; it is not jargon to spell out. English only:
    French drafts open on a verb, and an acronym subject there is a third party ("la HAS rend
    un avis") that readers may not know."""
    if i + 1 < len(toks) and toks.lower[i + 1] == "'s":  # the text is normalised: ’ is '
        return True
    return bool(
        toks.dep is not None
        and toks.pos is not None
        and toks.head is not None
        and toks.dep[i] == "nsubj"
        and toks.pos[toks.head[i]] == "VERB"
    )


_ETRE_FORMS = {
    "fr": {
        "est",
        "sont",
        "sera",
        "seront",
        "soit",
        "soient",
        "été",
        "être",
        "serait",
        "seraient",
        "était",
        "étaient",
    },
    "en": {"is", "are", "be", "been", "being", "was", "were", "will"},
}
_PART_END = {
    "fr": re.compile(r"(?:é|ée|és|ées|uit|uite|uits|uites)$"),
    "en": re.compile(r"(?:ed|en|wn)$"),
}


# Without a tagger, "-en" is too loose ("open", "often", "seven"): only these irregulars count.
_EN_IRREGULAR = {
    "done",
    "given",
    "taken",
    "shown",
    "known",
    "seen",
    "written",
    "driven",
    "built",
    "made",
    "sent",
    "held",
    "run",
    "set",
    "put",
    "paid",
    "sold",
    "told",
    "brought",
    "bought",
    "kept",
    "led",
    "met",
    "won",
    "begun",
    "chosen",
    "grown",
    "drawn",
}


_PASSIVE_DEPS = frozenset({"aux:pass", "auxpass", "cop"})


def _reduced_participle(lang: str, word: str) -> bool:
    if lang == "en":
        return word.endswith("ed") or word in _EN_IRREGULAR
    return bool(_PART_END[lang].search(word))


@script("passive")
def passive(ctx: Context, rule: Rule) -> list[Span]:
    """ "sera réduit", "is delivered": who acts is hidden; OKRs name what the team changes."""
    toks = ctx.toks
    out: list[Span] = []
    if toks.dep is not None:
        if _PASSIVE_DEPS.isdisjoint(toks.dep):
            return out
        for i, dep in enumerate(toks.dep):
            if dep in ("aux:pass", "auxpass") or (
                dep == "cop" and toks.lemma is not None and toks.lemma[i] in ("être", "be")
            ):
                head = toks.head[i] if toks.head else i
                if (
                    head > i
                    and _PART_END[ctx.lang].search(toks.lower[head])
                    and (toks.pos is not None and toks.pos[head] in ("VERB", "ADJ"))
                ):
                    out.append((toks.idx[i], toks.end(head), None))
        return out
    forms = _ETRE_FORMS[ctx.lang]
    if forms.isdisjoint(toks.lower):
        return out
    for i, low in enumerate(toks.lower[:-1]):
        if low in forms:
            j = i + 1
            if ctx.lang == "en" and low == "will" and j < len(toks) and toks.lower[j] == "be":
                j += 1
            if j < len(toks) and _reduced_participle(ctx.lang, toks.lower[j]):
                out.append((toks.idx[i], toks.end(j), None))
    return out


def _lexicon_hits(ctx: Context, rule: Rule) -> list[tuple[int, int, list[str]]]:
    spans = []
    for name in rule.lexicons:
        for h in ctx.hits.get(name, ()):
            start, end = ctx.chars(h.start, h.end)
            spans.append((start, end, list(h.entry.alternatives)))
    return spans


def _figure_follows(ctx: Context, end: int) -> bool:
    return any(
        0 <= q.start - end <= 12 and q.role not in ("name", "year") for q in ctx.ex.quantities
    )


@script("before_figure", needs_hits=True)
def before_figure(ctx: Context, rule: Rule) -> list[Span]:
    """Lexicon words right before a figure: "environ 20 %", "près de 30 clients"."""
    return [
        (s, e, alts or None) for s, e, alts in _lexicon_hits(ctx, rule) if _figure_follows(ctx, e)
    ]


@script("without_figure", needs_hits=True)
def without_figure(ctx: Context, rule: Rule) -> list[Span]:
    """Lexicon words not followed by a figure: "plus de clients", "significativement"."""
    return [
        (s, e, alts or None)
        for s, e, alts in _lexicon_hits(ctx, rule)
        if not _figure_follows(ctx, e)
    ]


@script("conditional_mood")
def conditional_mood(ctx: Context, rule: Rule) -> list[Span]:
    """ "serait", "pourrait": a wish, not a commitment."""
    toks = ctx.toks
    out: list[Span] = []
    if toks.mood is not None:
        out = [(toks.idx[i], toks.end(i), None) for i, m in enumerate(toks.mood) if m == "Cnd"]
    found = {s for s, _, _ in out}
    for s, e, alts in _lexicon_hits(ctx, rule):
        if s not in found:
            out.append((s, e, alts or None))
    return sorted(out)


# --- Appended for the English rules (rules/en); language-neutral, usable by any rule. ---------


@script("lexicon_except", needs_hits=True)
def lexicon_except(ctx: Context, rule: Rule) -> list[Span]:
    """Hits of the rule's first lexicon that no hit of its other lexicons overlaps.

    The other lexicons list exceptions: "help desk" is no "help", "Google Drive" no "drive",
    "from start to finish" no "start to". They work without a tagger (the reduced English
    pipeline), where a part of speech cannot tell the noun from the verb.
    """
    first, *others = rule.lexicons
    blocked = [ctx.chars(h.start, h.end) for name in others for h in ctx.hits.get(name, ())]
    out: list[Span] = []
    for h in ctx.hits.get(first, ()):
        start, end = ctx.chars(h.start, h.end)
        if not any(bs < end and start < be for bs, be in blocked):
            out.append((start, end, list(h.entry.alternatives) or None))
    return out


def _opening(ctx: Context) -> int | None:
    """The draft's first word after its label ("Objectif 1 : Déployer …" → "Déployer")."""
    start = label_end(ctx.text)
    return next((i for i in draft_words(ctx.toks) if ctx.toks.idx[i] >= start), None)


@script("first_word", needs_hits=True)
def first_word(ctx: Context, rule: Rule) -> list[Span]:
    """The rule's lexicon entry that opens the draft ("Launch …", "Deploy …"), if any."""
    first = _opening(ctx)
    if first is None:
        return []
    for name in rule.lexicons:
        for h in ctx.hits.get(name, ()):
            if h.start == first:
                start, end = ctx.chars(h.start, h.end)
                return [(start, end, list(h.entry.alternatives) or None)]
    return []


@script("target_without_baseline")
def target_without_baseline(ctx: Context, rule: Rule) -> list[Span]:
    """Targets that are all levels ("reach 45", "95 %") with no starting value in the draft.

    A change ("+20 %", "by 30 %"), a multiplier, zero, a threshold ("at least 40") or a
    placeholder needs no baseline: the draft then says nothing here.
    """
    targets = ctx.ex.targets
    if ctx.ex.has_baseline or not targets:
        return []
    if any(
        q.relative or q.comparator or q.kind in ("multiplier", "zero", "placeholder")
        for q in targets
    ):
        return []
    return [(targets[0].start, targets[0].end, None)]


_APPROX_SIGN = re.compile(r"[~≈](?= ?\d)")
_HAS_SIGN = re.compile(r"[~≈]")


@script("before_figure_signs")
def before_figure_signs(ctx: Context, rule: Rule) -> list[Span]:
    """`before_figure`, plus "~" and "≈" written against a figure ("~20 %"): spaCy keeps
    the sign inside the number's token ("~20"), where no lexicon entry can match it."""
    if not any(name in ctx.hits for name in rule.lexicons) and not _HAS_SIGN.search(ctx.text):
        return []
    out = before_figure(ctx, rule)
    starts = {s for s, _, _ in out}
    for m in _APPROX_SIGN.finditer(ctx.text):
        if m.start() not in starts and _figure_follows(ctx, m.end()):
            out.append((m.start(), m.end(), None))
    return sorted(out)


@script("past_deadline")
def past_deadline(ctx: Context, rule: Rule) -> list[Span]:
    """Deadlines in a year already over ("by Q2 2024"). A condition cannot say this: it
    compares a feature with a literal, and "deadline_year < current_year" reads the second
    name as the string "current_year"."""
    year = ctx.features.get("current_year")
    return [
        (d.start, d.end, None)
        for d in ctx.ex.deadlines
        if d.date and isinstance(year, int) and int(d.date[:4]) < year
    ]


@script("without_figure_except", needs_hits=True)
def without_figure_except(ctx: Context, rule: Rule) -> list[Span]:
    """`lexicon_except`, keeping only the hits no figure follows: "all customers" but not
    "all 12 hospitals" (a count) nor "all-hands" (an exception)."""
    return [(s, e, alts) for s, e, alts in lexicon_except(ctx, rule) if not _figure_follows(ctx, e)]
