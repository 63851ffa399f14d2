"""Proposals that stay grammatical (issue 11): every suggestion of every rule example and of every
tune-split real draft, applied the way the workbench applies it, must leave agreement and
elision as spaCy and French or English spelling expect them."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest

from facilitator.engine import Engine, pipelines
from facilitator.engine.inflect import (
    apply_edit,
    en_forms,
    fr_conjugate,
    fr_form_of,
    fr_np_number,
    place_addition,
)
from facilitator.paths import data_dir
from facilitator.workshop.assessments import apply_suggestion

TARGET = 0.98
REAL = data_dir("lexicons").parent / "tests" / "real"

# A proposal that is advice for the room, not wording to put in the draft.
_ADVICE = re.compile(
    r"\?|^(?:Supprimer|Écrire|Remplacer|Réécrire|Déplacer|Nommer|Garder|Scinder|Ajouter|Suivre|"
    r"Verbe|Quoi|Pour que|Si |Cette|Combien|Keep|Move “|Add |Start with|Split|Set a target above|"
    r"If |Which|What|Verb|Track|Write|By how|State|Name|Give the value)"
)


def applicable(text: str, finding: Any, suggestion: str) -> bool:
    """What the workbench can put in the text: the wording of a replace or remove finding, an
    addition (« … d'ici fin T4 ») or a rewrite of the whole draft."""
    if _ADVICE.search(suggestion):
        return False
    if finding.action in ("replace", "remove"):
        return True
    whole = finding.start == 0 and finding.end >= len(text.rstrip(" .")) - 1
    return suggestion.startswith("… ") or (whole and bool(suggestion))


def drafts(engine: Engine) -> Iterator[tuple[str, str, str, str]]:
    """(lang, name, text, kind): each rule's bad examples, then the tune-split real drafts."""
    for lang in ("fr", "en"):
        for rule in engine.rules(lang):
            for n, ex in enumerate(rule.bad, start=1):
                yield lang, f"{rule.id} bad example {n}", ex.text, ex.kind
        for line in (REAL / f"real_{lang}.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row.get("split") == "tune":  # the held-out drafts are never read here
                yield lang, str(row["id"]), row["text"], row["kind"]


# --- checks ------------------------------------------------------------------------------------

_FR_VOWEL = "aeiouàâäéèêëîïôöùûüœæ"
_H_ASPIRE = ("hausse", "haut", "hiérarchie", "hall", "handicap", "hasard", "héros", "honte", "hors")
_NO_ELISION = re.compile(rf"\b(le|la|de|que|ce|je|ne|se)\s+([{_FR_VOWEL}h][\w-]*)", re.IGNORECASE)
_BAD_ELISION = re.compile(r"\b(l|d|qu)['’]\s*([bcdfgjklmnpqrstvwxz])", re.IGNORECASE)
_CONTRACTION = re.compile(r"\b(à|de)\s+(le|les)\b", re.IGNORECASE)
_SPACING = re.compile(r" {2}|\s[,.](?!\d)|([,;:])\s*\1|(?<!\.)\.\s+\.(?!\.)|^[\s,;:.]")
_EN_ARTICLE = re.compile(r"\b(a|an)\s+([A-Za-z][\w'-]*)")
_EN_AN_WORDS = ("hour", "honest", "honour", "honor", "heir")
_EN_A_WORDS = ("uni", "use", "usu", "user", "uti", "one", "once", "euro", "eu", "ubiq", "ura")


def _en_article_ok(article: str, word: str) -> bool:
    low = word.lower()
    if len(word) > 1 and word.isupper():  # an acronym, read letter by letter
        expected = "an" if low[0] in "aefhilmnorsx" else "a"
    elif low.startswith(_EN_AN_WORDS):
        expected = "an"
    elif low.startswith(_EN_A_WORDS) and not low.startswith(("unin", "unil", "unim")):
        expected = "a"
    else:
        expected = "an" if low[0] in "aeiou" else "a"
    return article.lower() == expected


def _elision_misses(text: str) -> list[str]:
    out = []
    for m in _NO_ELISION.finditer(text):
        word = m.group(2)
        if word[0] in "hH" and word.lower().startswith(_H_ASPIRE):
            continue
        if word[:1].isupper() and len(word) > 1 and word.isupper():
            continue  # an acronym: « le ERP » is read letter by letter
        out.append(m.group(0))
    return out + [m.group(0) for m in _BAD_ELISION.finditer(text)]


def problems(lang: str, nlp: Any, original: str, result: str) -> list[str]:
    """What the edit broke: each check counts what the result has and the original had not."""
    found: list[str] = []

    def new(kind: str, before: list[str], after: list[str]) -> None:
        extra = Counter(after) - Counter(before)
        found.extend(f"{kind}: {x!r}" for x in extra.elements())

    new("spacing", [m.group(0) for m in _SPACING.finditer(original)],
        [m.group(0) for m in _SPACING.finditer(result)])  # fmt: skip
    if lang == "fr":
        new("contraction", _CONTRACTION.findall(original), _CONTRACTION.findall(result))
        new("elision", _elision_misses(original), _elision_misses(result))
        new("agreement", _fr_agreement(nlp(original)), _fr_agreement(nlp(result)))
    else:
        new("a/an", _articles(original), _articles(result))
        new("verb after 'of' or a determiner", _en_bare_verbs(nlp(original)),
            _en_bare_verbs(nlp(result)))  # fmt: skip
    return found


def _fr_agreement(doc: Any) -> list[str]:
    out = []
    for tok in doc:
        if tok.dep_ != "det" or tok.pos_ != "DET" or tok.head.pos_ not in ("NOUN",):
            continue
        if tok.head.i != tok.i + 1 and not all(
            t.pos_ == "ADJ" for t in doc[tok.i + 1 : tok.head.i]
        ):
            continue  # a determiner far from its noun: the parse is less sure
        for feat in ("Number", "Gender"):
            a, b = tok.morph.get(feat), tok.head.morph.get(feat)
            if a and b and a != b:
                out.append(f"{tok.text} {tok.head.text} ({feat})")
    return out


def _articles(text: str) -> list[str]:
    return [m.group(0) for m in _EN_ARTICLE.finditer(text) if not _en_article_ok(*m.groups())]


def _en_bare_verbs(doc: Any) -> list[str]:
    out = []
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if tok.tag_ == "VB" and (prev.lower_ == "of" or prev.lower_ in ("the", "a", "an")):
            out.append(f"{prev.text} {tok.text}")
    return out


# --- the corpus test ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(validate=False)


def run(engine: Engine) -> tuple[int, list[str]]:
    """(suggestions applied, failures)."""
    items = list(drafts(engine))
    results = engine.assess_many([{"text": t, "kind": k, "lang": lang} for lang, _, t, k in items])
    nlps = {lang: pipelines.load(lang, None).nlp for lang in ("fr", "en")}
    total, failures = 0, []
    for (lang, name, text, _), a in zip(items, results, strict=True):
        for f in a.findings:
            for s in f.suggestions:
                if not applicable(text, f, s):
                    continue
                total += 1
                result = apply_suggestion(text, SimpleNamespace(**vars_of(f), lang=lang), s)
                broken = problems(lang, nlps[lang], text, result)
                if broken:
                    failures.append(f"{name}: {f.rule} {f.text!r} → {s!r}: {result!r}: {broken}")
    return total, failures


def vars_of(f: Any) -> dict[str, Any]:
    return {k: getattr(f, k) for k in ("rule", "start", "end", "text", "action", "suggestions")}


def test_every_applied_suggestion_stays_grammatical(engine):
    total, failures = run(engine)
    share = 1 - len(failures) / total
    print(f"\n{total} suggestions applied, {share:.1%} pass")
    assert total > 500
    assert share >= TARGET, "\n".join(failures)


# --- the cases the issue names -----------------------------------------------------------------


def _suggestions(engine: Engine, text: str, rule: str, kind: str = "objective") -> list[str]:
    a = engine.assess(text, kind)
    return [s for f in a.findings if f.rule == rule for s in f.suggestions]


def _accept(engine: Engine, text: str, rule: str, kind: str = "objective", n: int = 0) -> str:
    a = engine.assess(text, kind)
    f = next(f for f in a.findings if f.rule == rule)
    return apply_suggestion(text, f, f.suggestions[n])


def test_a_plural_noun_gets_a_plural_replacement(engine):
    text = "Optimiser les synergies pour améliorer la satisfaction client"
    assert _accept(engine, text, "buzzword").startswith("Optimiser les coopérations pour")


def test_a_verb_swap_keeps_the_verb_form(engine):
    text = "Nous optimisons le taux de service"
    assert "réduisons" in _suggestions(
        engine, "Nous optimisons le délai de livraison", "vague-verb"
    )
    assert all(not s.endswith("er") for s in _suggestions(engine, text, "vague-verb"))
    assert fr_conjugate("faire passer de X à Y", "pres1pl") == "faisons passer de X à Y"
    assert fr_form_of("accompagnée", "accompagner") == "pp_f"
    assert en_forms("cut")["ing"] == "cutting" and en_forms("build")["pp"] == "built"


def test_a_quantity_verb_only_before_a_quantity(engine):
    assert not {"réduire", "augmenter"} & set(
        _suggestions(engine, "Optimiser l'organisation", "vague-verb")
    )
    swaps = _suggestions(engine, "Améliorer l'expérience patient", "vague-verb")
    assert "augmenter" not in swaps and swaps[0].startswith("faire passer de X à Y")
    assert _suggestions(engine, "Améliorer le délai de livraison", "vague-verb", "key_result")[
        0
    ] == ("réduire")
    assert "reduce" not in _suggestions(engine, "Improve customer satisfaction", "vague-verb")


def test_determiners_follow_the_new_noun():
    def swap(text: str, old: str, new: str) -> str:
        start = text.index(old)
        f = SimpleNamespace(start=start, end=start + len(old), text=old, action="replace",
                            rule="r", suggestions=[new])  # fmt: skip
        return apply_suggestion(text, f)

    assert swap("Réduire le churn mensuel", "churn", "attrition") == "Réduire l'attrition mensuelle"
    assert swap("Financer l'upskilling des équipes", "upskilling", "montée en compétences") == (
        "Financer la montée en compétences des équipes"
    )
    assert swap("Réduire le taux de churn", "churn", "taux de désabonnement") == (
        "Réduire le taux de désabonnement"
    )
    assert swap("Atteindre 99 % d'uptime", "uptime", "disponibilité") == (
        "Atteindre 99 % de disponibilité"
    )
    assert swap("Aider les agences à vendre", "Aider", "permettre à") == (
        "Permettre aux agences de vendre"
    )
    assert swap(
        "Réduire les délais au niveau de la facturation", "au niveau de", "en matière de"
    ) == ("Réduire les délais en matière de facturation")
    assert swap("Build an extremely reliable platform", "extremely", "") == (
        "Build a reliable platform"
    )
    assert swap("Build a world-class team", "world-class", "excellent") == (
        "Build an excellent team"
    )
    assert swap("Mise en place d'un outil de suivi", "Mise en place", "mettre en place") == (
        "Mettre en place un outil de suivi"
    )
    assert fr_np_number("mise en commun", True) == "mises en commun"
    assert fr_np_number("contact commercial", True) == "contacts commerciaux"


def test_an_anglicism_after_a_noun_takes_de_or_goes_when_the_noun_says_it():
    def swap(text: str, old: str, new: str) -> str:
        start = text.index(old)
        return apply_edit(text, start, start + len(old), new, "fr")

    # "revenue" as a modifier: French says whose growth, with « de » and its article.
    assert swap("Accélérer la croissance revenue", "revenue", "chiffre d'affaires") == (
        "Accélérer la croissance du chiffre d'affaires"
    )
    assert swap("Suivre le taux churn", "churn", "taux de désabonnement") == (
        "Suivre le taux de désabonnement"
    )
    # « le délai lead time »: « délai » already says it.
    assert swap("Réduire le délai lead time", "lead time", "délai") == "Réduire le délai"
    # A single noun may stand as a modifier: nothing added.
    assert swap("Augmenter la satisfaction customer", "customer", "client") == (
        "Augmenter la satisfaction client"
    )


def test_additions_go_inside_the_sentence(engine):
    assert place_addition("Reduce churn by 2%.", 0, "by end of Q4") == (
        "Reduce churn by 2% by end of Q4."
    )
    text = "Faire passer le taux de 7 % à 5 %."
    f = SimpleNamespace(start=27, end=30, text="5 %", action="ask", rule="kr-no-deadline",
                        suggestions=["… d'ici fin T4"])  # fmt: skip
    assert apply_suggestion(text, f) == "Faire passer le taux de 7 % à 5 % d'ici fin T4."
    en = _suggestions(
        engine, "Reduce customer churn from 5% to 3%.", "kr-no-deadline", "key_result"
    )
    assert en[0] == "Reduce customer churn from 5% to 3% by [date]."
