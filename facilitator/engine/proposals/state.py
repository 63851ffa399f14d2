"""A vague objective about how people feel or act ("Améliorer la satisfaction client",
"Improve employee engagement") said as the change in those people: "Rendre nos clients plus
satisfaits", "Make our employees more engaged" — who changes, and how, in plain words.

The state nouns and the adjective each one becomes are the strategy's data
(`rules/rewrites.toml`, `states`); the people are the proposals' (`measures/words.toml`). When
the state is the draft's purpose and jargon its means ("Optimiser les synergies pour améliorer
la satisfaction client"), the means is left out of the wording and asked of the room (`ask`):
what it means concretely is for the room to say, not for the coach to guess. What follows the
people ("… pour les fidéliser", a deadline) stays as written. Left alone: a draft with figures
(a key result in disguise, answered elsewhere) and a state whose people it does not name.
"""

from __future__ import annotations

from collections.abc import Mapping

from facilitator.engine.context import Context
from facilitator.engine.inflect.french import fr_adjective, fr_gender
from facilitator.engine.labels import label_end
from facilitator.engine.proposals.library import default_library
from facilitator.engine.proposals.wording import _plural

# Between a French state noun and its people: "la satisfaction de nos clients", "des patients".
_LINKS = {
    "fr": frozenset({"de", "des", "du", "d'", "d’", "nos", "notre", "la", "le", "les", "l'"}),
    "en": frozenset({"of", "our", "the", "its", "their"}),
}
# The words that lead from a means to the verb of its purpose.
_LEADS = frozenset(
    {"pour", "afin", "de", "d'", "d’", "to", "in", "order", "so", "as", "and", "et", ","}
)


def state_text(
    ctx: Context,
    template: str,
    states: Mapping[str, str],
    ask: str,
) -> tuple[str, list[str]] | None:
    """The draft reworded as `template` ({who}: the people, plural; {state}: the adjective
    agreed with them) and the question for a means it left out; None when it does not apply."""
    if ctx.ex.quantities:
        return None
    toks, lang = ctx.toks, ctx.lang
    people = default_library().words.people[lang]
    found = next(
        (
            (i, j)
            for i, low in enumerate(toks.lower)
            if low in states and (j := _people_of(ctx, i, people)) is not None
        ),
        None,
    )
    if found is None:
        return None
    state_at, who_at = found
    verb = _verb_before(ctx, min(state_at, who_at))
    if verb is None:
        return None
    who = _plural(toks.text[who_at], lang)
    adjective = states[toks.lower[state_at]]
    if lang == "fr":
        adjective = fr_adjective(adjective, fr_gender(who) or "m", True)
    text = template.format(who=who, state=adjective)
    # What comes after the people ("pour les fidéliser", "d'ici fin 2026") stays as it is.
    after = ctx.text[toks.end(max(state_at, who_at)) :].strip().rstrip(".")
    if after:
        text += " " + after
    # What comes before the verb is a means ("Optimiser les synergies pour …"): asked.
    means = _means(ctx, verb)
    return text, [ask.format(means=means)] if means else []


def _verb_before(ctx: Context, i: int) -> int | None:
    """The verb of the state's phrase, at most four tokens before it ("améliorer
    significativement la satisfaction"); None without parts of speech or such a verb."""
    pos = ctx.toks.pos
    if pos is None:
        return None
    return next((j for j in range(i - 1, max(i - 5, -1), -1) if pos[j] in ("VERB", "AUX")), None)


def _means(ctx: Context, verb: int) -> str:
    """The words before the state's verb, without the label and the words that lead to the
    verb ("pour", "to", "significantly"), with the case the author gave them."""
    toks = ctx.toks
    last = verb - 1
    while last >= 0 and (toks.lower[last] in _LEADS or (toks.pos and toks.pos[last] == "ADV")):
        last -= 1
    start = label_end(ctx.text)
    words = [i for i in range(last + 1) if toks.idx[i] >= start]
    # "Objectif 2 :" before the verb is a label the normaliser did not take: not a means.
    ends = [n for n, i in enumerate(words) if toks.lower[i] in (":", "—", "–")]
    words = words[ends[-1] + 1 :] if ends else words
    if not words:
        return ""
    return ctx.cased[toks.idx[words[0]] : toks.end(last)].strip(" ,")


def _people_of(ctx: Context, i: int, people: frozenset[str]) -> int | None:
    """The token naming the people whose state token `i` names: after it in French ("la
    satisfaction client", "de nos clients"), before or after "of" in English ("customer
    satisfaction", "the engagement of our teams")."""
    low = ctx.toks.lower
    links = _LINKS[ctx.lang]
    j = i + 1
    while j < len(low) and low[j] in links and j - i <= 3:
        j += 1
    after_ok = ctx.lang == "fr" or (j > i + 1 and low[i + 1] == "of")
    if j < len(low) and after_ok and _singular(low[j]) in people:
        return j
    if ctx.lang == "en" and i > 0 and _singular(low[i - 1]) in people:
        return i - 1
    return None


def _singular(word: str) -> str:
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word
