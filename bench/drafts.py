"""Realistic, varied drafts for the benchmarks (generated, so 2,000 texts are not 2,000 copies)."""

from __future__ import annotations

import random

FR_VERBS = [
    "Réduire",
    "Augmenter",
    "Faire passer",
    "Optimiser",
    "Améliorer",
    "Déployer",
    "Lancer",
    "Doubler",
    "Maintenir",
    "Essayer de réduire",
    "Atteindre",
    "Mettre en place",
]
FR_METRICS = [
    "le délai de traitement des déviations qualité",
    "le taux de conformité des formations",
    "le NPS des pharmaciens",
    "le nombre de clients actifs",
    "le taux de réclamation",
    "le délai de soumission réglementaire",
    "la part de marché en Italie",
    "le temps de traitement des cas de pharmacovigilance",
    "les ruptures de stock",
    "la satisfaction des équipes terrain",
    "le chiffre d'affaires export",
]
FR_TAILS = [
    "de {a} % à {b} % d'ici fin T{q} 2026",
    "de {a} à {b} jours d'ici fin 2026",
    "de {a} %",
    "significativement",
    "pour renforcer les synergies",
    "sur 5 territoires",
    "avant le 31/12/2026",
    "d'ici juin 2027 (actuellement {a} %)",
    "",
    "à {b} k€ par mois",
]
EN_VERBS = [
    "Reduce",
    "Increase",
    "Grow",
    "Improve",
    "Launch",
    "Deploy",
    "Double",
    "Maintain",
    "Try to increase",
    "Reach",
    "Implement",
    "Cut",
]
EN_METRICS = [
    "customer churn",
    "weekly active users",
    "the NPS of hospital buyers",
    "quality deviation closure time",
    "regulatory submission lead time",
    "training compliance",
    "ARR in the DACH region",
    "case processing backlog",
    "onboarding time for new reps",
    "first-contact resolution rate",
]
EN_TAILS = [
    "from {a}% to {b}% by end of Q{q} 2026",
    "from {a} to {b} days by June 30, 2026",
    "by {a}%",
    "significantly",
    "to leverage synergies",
    "in 5 countries",
    "by 2026-12-31",
    "",
    "to ${b}k per month",
    "(currently {a}%)",
]


def drafts(n: int = 2000, seed: int = 7) -> list[tuple[str, str, str]]:
    """(text, kind, lang) triples, half French, half English, objectives and key results."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        fr = i % 2 == 0
        verbs, metrics, tails = (
            (FR_VERBS, FR_METRICS, FR_TAILS) if fr else (EN_VERBS, EN_METRICS, EN_TAILS)
        )
        a, b = rng.randint(2, 90), rng.randint(2, 90)
        tail = rng.choice(tails).format(a=a, b=b, q=rng.randint(1, 4))
        text = f"{rng.choice(verbs)} {rng.choice(metrics)} {tail}".strip()
        out.append((text, "key_result" if i % 3 else "objective", "fr" if fr else "en"))
    return out
