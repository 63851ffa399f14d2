"""Language of short drafts: two to five words, often without a single function word."""

import pytest

from facilitator.engine import Engine
from facilitator.engine.langdetect import evidence
from facilitator.engine.lexicon import read_lexicon
from facilitator.paths import data_dir

# Written for this test (slogans, metric names, short key results), not taken from the labelled
# sets. Ties go to French, so the English list is the harder one.
ENGLISH = [
    "Customer first",
    "Grow revenue",
    "Happy customers",
    "Zero downtime",
    "Ship faster",
    "Grow ARR",
    "Customer satisfaction",
    "Delight our users",
    "Faster onboarding",
    "Win the enterprise market",
    "Best place to work",
    "Reduce churn",
    "Cut costs by 10%",
    "NPS above 40",
    "Monthly active users",
    "Double weekly signups",
    "Hire 5 engineers",
    "Launch in Germany",
    "People matter",
    "Quality matters",
    "Fewer support tickets",
    "Reliable releases",
    "World-class support",
    "Employee engagement",
    "Safety first",
    "Zero accidents",
    "Higher gross margin",
    "Improve code quality",
    "Own the mid-market",
    "Fix onboarding friction",
    "Retain top talent",
    "Time to first value",
    "Inbox zero for support",
    "Customer obsession",
    "Profitable growth",
    "Lower churn rate",
    "Expand to Spain",
    "Make payroll painless",
    "Build a great team",
    "Healthy pipeline",
    "Less manual work",
    "Shorter sales cycle",
    "Net revenue retention",
    "Get to profitability",
    "Self-serve checkout",
    "Customer lifetime value",
    "Trusted by hospitals",
    "Client retention",
    "Patient safety",
    "Data-driven decisions",
    "Marketing qualified leads",
    "On-time delivery",
    "Digital first",
    "Product-led growth",
    "Quarterly business review",
    "Become carbon neutral",
    "Happier patients",
    "Paperless office",
    "Zero critical bugs",
    "Sell more online",
    "Frictionless payments",
    "Cleaner data",
    "Simplify pricing",
    "Hit $1M ARR",
]
FRENCH = [
    "Réduire le churn",
    "Zéro accident",
    "Satisfaction client",
    "NPS > 40",
    "Clients heureux",
    "Croissance rentable",
    "Doubler le CA",
    "Fidéliser nos clients",
    "Zéro temps d'arrêt",
    "Livrer plus vite",
    "Le client d'abord",
    "Recruter 5 ingénieurs",
    "Chiffre d'affaires récurrent",
    "Taux de transformation",
    "Marge brute en hausse",
    "Moins de réclamations",
    "Sécurité avant tout",
    "Qualité de service",
    "Baisser les coûts",
    "Engagement des collaborateurs",
    "Taux d'attrition mensuel",
    "Excellence opérationnelle",
    "Service client réactif",
    "Devenir leader européen",
    "Croissance du CA",
    "Rentabilité durable",
    "Zéro papier",
    "Ouvrir trois agences",
    "Former tous les managers",
    "Clients satisfaits",
    "Parcours client fluide",
    "Objectif zéro défaut",
    "Innovation produit",
    "Fidélisation client",
    "Première entreprise régionale",
    "Équipe engagée",
    "Prospects qualifiés",
    "Marge nette",
    "Panier moyen",
    "Nouveaux clients",
    "Ventes en ligne",
    "Usine propre",
    "Marque forte",
    "Cash positif",
    "Onboarding plus rapide",
    "Reporting mensuel",
    "Planning tenu",
    "Marketing digital performant",
    "Leads qualifiés",
    "Churn mensuel",
    "Bureau sans papier",
    "Zéro bug critique",
    "Trésorerie solide",
    "Doubler le pipeline",
    "Image de marque",
    "Produit phare",
    "Flotte électrique",
    "Paie modernisée",
]


@pytest.fixture(scope="module")
def lexical() -> Engine:
    return Engine(validate=False)  # word lists only: detection needs no spaCy model


def test_at_least_forty_short_drafts_per_language():
    for drafts in (ENGLISH, FRENCH):
        assert len(drafts) >= 40
        assert all(2 <= len(d.split()) <= 5 for d in drafts)


@pytest.mark.parametrize("text", ENGLISH)
def test_short_english_drafts(lexical, text):
    assert lexical.detect_lang(text) == "en"


@pytest.mark.parametrize("text", FRENCH)
def test_short_french_drafts(lexical, text):
    assert lexical.detect_lang(text) == "fr"


@pytest.mark.parametrize(
    ("text", "lang"),
    [("Customer first", "en"), ("Zero downtime", "en"), ("Zéro accident", "fr")],
)
def test_assess_uses_the_same_detection(engine, text, lang):
    assert engine.assess(text, "key_result").lang == lang


def _evidence(engine: Engine, text: str) -> tuple[float, float]:
    words = engine._function_words
    return evidence(text, words["fr"], words["en"], engine._vocabulary)


def test_shared_words_and_endings_tell_neither_language(lexical):
    # "client", "service", "marketing": both languages; -tion and -ment: both languages.
    assert _evidence(lexical, "Client service marketing") == (0.0, 0.0)
    assert _evidence(lexical, "Validation déploiement")[1] == 0.0
    assert _evidence(lexical, "Validation engagement") == (0.0, 0.0)


def test_english_and_french_word_forms(lexical):
    assert _evidence(lexical, "Streamlined onboarding") == (0.0, 0.5)  # -ed; onboarding shared
    assert _evidence(lexical, "Customer's voice")[1] > 0  # 's
    assert _evidence(lexical, "Résultats opérationnels")[0] > 0  # accents
    assert _evidence(lexical, "Clients nombreux") == (0.5, 0.0)  # -eux


def test_word_lists_do_not_overlap(lexical):
    """A form in both lists would count for both languages: the lists must stay apart."""
    vocab, words = lexical._vocabulary, lexical._function_words
    assert not vocab.fr & vocab.en
    assert not vocab.fr & words["en"]
    assert not vocab.en & words["fr"]


def test_french_anglicisms_are_no_english_evidence():
    """A word the French lists flag as an anglicism is used in French drafts: it cannot be in
    the English-only list (put it in shared-words.tsv)."""
    lexicons = data_dir("lexicons")
    english = {e.term.lower() for e in read_lexicon(lexicons / "en" / "language-words.tsv")}
    anglicisms = {
        e.term.lower()
        for name in ("anglicisms", "anglicisms-rephrase")
        for e in read_lexicon(lexicons / "fr" / f"{name}.tsv")
    }
    assert not english & anglicisms


def test_detection_lists_are_not_matched_by_rules(lexical):
    a = lexical.assess("Customer first, croissance rentable", tier="lexical")
    assert all(f.rule not in ("language-words", "shared-words") for f in a.findings)
    # "first" is in the English detection list and in no list a rule reads.
    hits = lexical._langs["en"].quick_index.by_first
    assert "first" not in hits
