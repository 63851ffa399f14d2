"""A fast stand-in for the rules engine: the same `assess`/`load`/`ready` API, canned-but-
plausible results from a handful of regular expressions, no spaCy.

    vague verbs (améliorer, optimiser, improve …)   clarity −18, replace → augmenter / réduire
    hedges (essayer de, try to)                      ambition −20, remove (safe: in the rewrite)
    a key result without a figure                    measurability −40, ask the room
Parts (baseline, target, unit, deadline) are read from "de X à Y" / "from X to Y" and
"d'ici …" / "by …". An objective's full pass proposes three key results (an outcome, a leading
indicator, a counter-measure), the same whatever the wording.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterable

from facilitator.engine.model import Assessment, Finding, Flags, Proposal, Rewrite, Scores

VAGUE = re.compile(r"\b(améliorer|optimiser|renforcer|improve|optimise|optimize)\b", re.I)
HEDGE = re.compile(r"\b(essayer de|tenter de|try to|attempt to)\s*", re.I)
FIGURE = re.compile(r"\d")
RANGE = re.compile(
    r"\b(?:de|from)\s+(\d+(?:[.,]\d+)?)\s*(%|€|k€|jours|days)?\s+(?:à|to)\s+(\d+(?:[.,]\d+)?)"
    r"\s*(%|€|k€|jours|days)?",
    re.I,
)
DEADLINE = re.compile(r"\b(?:d[’']ici|by)\s+((?:fin |end of )?[\wéû]*\s*\d{4})", re.I)


class FakeEngine:
    """Thread-safe enough for the TUI's workers; `load` can be slowed or made to fail."""

    def __init__(
        self,
        *,
        load_delay: float = 0.0,
        fail: Exception | None = None,
        ready: bool = False,
        gate: threading.Event | None = None,
    ) -> None:
        self.load_delay = load_delay
        self.gate = gate  # when given, `load` waits for it: the test decides when the model is in
        self.fail = fail
        self._ready = {"fr": ready, "en": ready}
        self._lock = threading.Lock()
        self.calls: list[tuple[str, str]] = []
        self.threads: set[int | None] = set()

    def ready(self, lang: str) -> bool:
        return self._ready.get(lang, False)

    def load(self, lang: str) -> None:
        if self.gate is not None:
            self.gate.wait(timeout=30)
        if self.load_delay:
            time.sleep(self.load_delay)
        if self.fail is not None:
            raise self.fail
        with self._lock:
            self._ready[lang] = True

    def assess(
        self,
        text: str,
        kind: str = "objective",
        lang: str | None = None,
        glossary: Iterable[str] = (),
        tier: str = "full",
    ) -> Assessment:
        lang = lang or "fr"
        self.calls.append((tier, text))
        self.threads.add(threading.current_thread().ident)
        norm = " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())
        if tier != "lexical" and not self.ready(lang):
            self.load(lang)
        if not norm:
            return Assessment(text, norm, lang, kind, tier, Scores(0, 0, 0, 0), Flags(), {}, [])
        findings: list[Finding] = []
        for m in VAGUE.finditer(text):
            findings.append(
                Finding(
                    rule="vague-verb",
                    dimension="clarity",
                    level="warning",
                    start=m.start(),
                    end=m.end(),
                    text=m.group(0),
                    message=f"« {m.group(0)} » ne dit pas dans quel sens ni de combien."
                    if lang == "fr"
                    else f"“{m.group(0)}” says neither which way nor how much.",
                    rationale="Un verbe vague empêche de savoir si l'objectif est atteint."
                    if lang == "fr"
                    else "A vague verb hides whether the objective is met.",
                    source="Google re:Work",
                    action="replace",
                    suggestions=["augmenter", "réduire"]
                    if lang == "fr"
                    else ["increase", "reduce"],
                    weight=18,
                )
            )
        for m in HEDGE.finditer(text):
            findings.append(
                Finding(
                    rule="hedge",
                    dimension="ambition",
                    level="warning",
                    start=m.start(),
                    end=m.end(),
                    text=m.group(0).strip(),
                    message="Formulation hésitante." if lang == "fr" else "Hedging wording.",
                    rationale="Un OKR dit ce que l'équipe va faire."
                    if lang == "fr"
                    else "An OKR says what the team will do.",
                    source="Doerr",
                    action="remove",
                    suggestions=[""],
                    weight=20,
                    safe_edit="",
                )
            )
        if kind == "key_result" and not FIGURE.search(text):
            findings.append(
                Finding(
                    rule="kr-no-target",
                    dimension="measurability",
                    level="error",
                    start=0,
                    end=len(text),
                    text=text,
                    message="Ce résultat clé n'a pas de valeur cible."
                    if lang == "fr"
                    else "This key result has no target value.",
                    rationale="Sans chiffre, ce n'est pas un résultat clé."
                    if lang == "fr"
                    else "If it does not have a number, it is not a key result.",
                    source="Google re:Work",
                    action="ask",
                    suggestions=["Faire passer {métrique} de X à Y d'ici {échéance}"],
                    weight=40,
                )
            )
        findings.sort(key=lambda f: f.start)
        scores = _score(findings)
        parts: dict[str, str | None] = {
            "metric": None,
            "baseline": None,
            "target": None,
            "unit": None,
            "direction": None,
            "deadline": None,
        }
        if (m := RANGE.search(text)) is not None:
            unit = m.group(4) or m.group(2)
            parts["baseline"] = f"{m.group(1)} {unit}" if unit else m.group(1)
            parts["target"] = f"{m.group(3)} {unit}" if unit else m.group(3)
            parts["unit"] = unit
        if (m := DEADLINE.search(text)) is not None:
            parts["deadline"] = m.group(1)
        rewrite = None
        hedges = [f for f in findings if f.safe_edit is not None]
        if hedges:
            new = HEDGE.sub("", text).strip()
            new = new[:1].upper() + new[1:] if text[:1].isupper() else new
            kept = [f for f in findings if f.safe_edit is None]
            rewrite = Rewrite(new, _score(kept), ["hedge"])
        flags = Flags(
            measurable=bool(FIGURE.search(text)),
            has_baseline=bool(parts["baseline"]),
            has_deadline=bool(parts["deadline"]),
        )
        proposals = PROPOSALS[lang] if kind == "objective" and tier != "lexical" else []
        return Assessment(
            text,
            norm,
            lang,
            kind,
            tier,
            scores,
            flags,
            parts,
            findings,
            rewrite,
            key_result_proposals=list(proposals),
        )


PROPOSALS = {
    "fr": [
        Proposal(
            "Faire passer la satisfaction client de X à Y d'ici fin T4",
            "outcome",
            "Dans les mots de l'objectif\u00a0: «\u00a0la satisfaction client\u00a0».",
            "l'objectif lui-même",
            "own-words/metric",
        ),
        Proposal(
            "Faire passer la part des demandes réglées dès le premier contact de X\u00a0% à "
            "Y\u00a0% d'ici fin T4",
            "leading",
            "Indicateur avancé\u00a0: il bouge avant le résultat.",
            "COPC CX Standard",
            "customer-service/first-contact-resolution",
        ),
        Proposal(
            "Garder sous X\u00a0% la part des demandes rouvertes",
            "counter",
            "Répondre vite sans répondre à côté.",
            "COPC CX Standard",
            "customer-service/reopened-requests",
        ),
    ],
    "en": [
        Proposal(
            "Take customer satisfaction from X to Y by end of Q4",
            "outcome",
            "In the objective's own words: “customer satisfaction”.",
            "the objective itself",
            "own-words/metric",
        ),
        Proposal(
            "Raise the share of requests settled at first contact from X% to Y% by end of Q4",
            "leading",
            "Leading indicator: it moves before the outcome.",
            "COPC CX Standard",
            "customer-service/first-contact-resolution",
        ),
        Proposal(
            "Keep reopened requests under X%",
            "counter",
            "Answer fast, not beside the point.",
            "COPC CX Standard",
            "customer-service/reopened-requests",
        ),
    ],
}


def _score(findings: list[Finding]) -> Scores:
    dims = {"clarity": 100, "ambition": 100, "measurability": 100}
    for f in findings:
        dims[f.dimension] = max(0, dims[f.dimension] - int(f.weight))
    overall = round(sum(dims.values()) / 3)
    return Scores(dims["clarity"], dims["ambition"], dims["measurability"], overall)
