"""The flat token view read from a spaCy Doc in one call matches spaCy's own token attributes."""

from __future__ import annotations

import pytest

from facilitator.engine import pipelines
from facilitator.engine.tokens import from_doc


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Réduire de 30 % le délai de traitement des déviations d'ici fin T3 2026"),
        ("fr", "Le taux serait amélioré par l'équipe, et le NPS sera réduit"),
        ("en", "Our team would have launched the new CRM, which is used by 40% of reps"),
        ("en", "Increase NPS from 30 to 45 by Q3 2026 🙂"),
    ],
)
def test_tokens_match_spacy(lang: str, text: str) -> None:
    doc = pipelines.load(lang).nlp(text)
    toks = from_doc(doc, parsed=True)
    assert toks.text == [t.text for t in doc]
    assert toks.idx == [t.idx for t in doc]
    assert toks.pos == [t.pos_ for t in doc]
    assert toks.dep == [t.dep_ for t in doc]
    assert toks.head == [t.head.i for t in doc]  # heads before their token included
    assert toks.lemma == [t.text.lower() if t.text.isupper() else t.lemma_.lower() for t in doc]
    assert toks.mood == [
        "Cnd" if t.pos_ in ("VERB", "AUX") and "Cnd" in t.morph.get("Mood") else "" for t in doc
    ]
    assert toks.infinitive == [
        t.pos_ == "VERB" and ("Inf" in t.morph.get("VerbForm") or t.tag_ in ("VB", "VBP"))
        for t in doc
    ]
    if "serait" in toks.text:  # the view carries what the conditional-mood rule reads
        assert toks.mood[toks.text.index("serait")] == "Cnd"
