"""Every heading and label of the minutes, in French and in English.

The session's language decides (`labels_for(session.lang)`); an unknown language falls back to
French, the product's first language. Both tables have exactly the same keys (a test checks), and
placeholders are `str.format` fields. French typography: a no-break space before ":" and "%"
(`Labels.colon`, `Labels.percent`), « guillemets » around quotations, decimal comma.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from facilitator.dates import MONTHS
from facilitator.typography import format_message

NBSP = "\u00a0"
NNBSP = "\u202f"  # narrow no-break space, before % in French

FR: dict[str, str] = {
    # title block
    "minutes": "Compte rendu",
    "untitled": "Session sans titre",
    "workshop": "Atelier",
    "organisation": "Organisation",
    "date": "Date",
    "place": "Lieu",
    "facilitator": "Animation",
    "follows": "Fait suite à",
    "follows.value": "{title} du {date}",
    "kind.framing": "Atelier de cadrage",
    "kind.drafting": "Atelier de rédaction des OKR",
    "kind.review": "Revue des OKR",
    "kind.retrospective": "Rétrospective de fin de cycle",
    # executive summary
    "summary": "Synthèse",
    "summary.retained": "Objectifs retenus : {retained} sur {total} examinés",
    "summary.none_retained": "Aucun objectif n’est encore retenu ; {drafts} en cours de rédaction",
    "summary.no_objectives": "Aucun objectif n’a encore été rédigé.",
    "summary.all_dropped": "Aucun objectif retenu : {dropped}.",
    "n.considered_dropped": "{n} objectif examiné, écarté|{n} objectifs examinés, tous écartés",
    "summary.none_carried": "La session précédente n’a retenu aucun objectif : aucun n’est suivi "
    "dans cette séance.",
    "summary.scores": "Scores moyens des objectifs",
    "summary.kr_scores": "Résultats clés : {count}, score global moyen {overall}",
    "summary.priority": "Objectifs jugés « clairement prioritaires »",
    "summary.priority_value": "{share} des objectifs votés ({judged} sur {voted})",
    "summary.priority_stored": "{share} (valeur enregistrée)",
    "summary.no_vote": "pas encore de vote de priorité",
    "summary.orphans": "Objectifs non rattachés à la stratégie",
    "summary.decisions_actions": "Décisions : {decisions} · actions : {actions}",
    "summary.parking": "Parking : {topics}, dont {open} sans suite définie",
    "summary.parking_none": "Parking : aucun sujet mis de côté",
    "summary.tracking": "Suivi",
    # attendees
    "attendees": "Participants",
    "attendees.count": "Présence : {present} sur {total}.",
    "attendees.none": "Aucun participant enregistré.",
    "name": "Nom",
    "role": "Fonction",
    "team": "Équipe",
    "presence": "Présence",
    "present": "Oui",  # under "Présence": neither "Présent(e)" nor a guessed gender
    "absent": "Non",
    # agenda
    "agenda": "Déroulé de l’atelier",
    "agenda.none": "Aucune étape à l’ordre du jour.",
    "step": "Étape",
    "planned": "Prévu (min)",
    "actual": "Réel (min)",
    "gap": "Écart",
    "status": "Statut",
    "total": "Total",
    "step.pending": "À venir",
    "step.running": "En cours",
    "step.done": "Terminée",
    # strategy
    "strategy": "Vision et objectifs stratégiques",
    "vision": "Vision",
    "vision.none": "La vision stratégique n’a pas été saisie.",
    "parents": "Objectifs stratégiques",
    "parents.none": "Aucun objectif stratégique de rattachement n’a été saisi.",
    "n.linked": "{n} objectif rattaché|{n} objectifs rattachés",
    "n.topic": "{n} sujet|{n} sujets",
    "n.unsure": "{n} incertain|{n} incertains",
    "n.dot": "{n} point|{n} points",
    "n.proposal": "{n} proposition recueillie|{n} propositions recueillies",
    "n.merged": "{n} fusionnée|{n} fusionnées",
    "n.dropped": "{n} écartée|{n} écartées",
    # objectives
    "objectives": "Objectifs et résultats clés",
    "objectives.none": "Aucun objectif pour l’instant.",
    "objective": "Objectif",
    "obj_prefix": "O",
    "kr_prefix": "RC",
    "wording": "Libellé",
    "wording.final": "v{n} (finale)",
    "wording.current": "v{n} (pas encore marquée finale)",
    "owner": "Responsable",
    "parent": "Objectif stratégique",
    "not_aligned": "⚠ Non aligné : aucun objectif stratégique de rattachement",
    "independent": "Indépendant (non rattaché, par choix)",
    "objective.status": "Statut",
    "status.draft": "En cours de rédaction",
    "status.retained": "Retenu",
    "status.dropped": "Écarté",
    "status.merged": "Fusionné",
    "status.merged_into": "Fusionné dans {target}",
    "decided.merged": "fusionné dans {target}",
    "decided.dropped": "écarté",
    "decided.by": "par {who}",
    "decided.on": "le {date}",
    "objective.merged_from": "Objectifs fusionnés dans celui-ci",
    "scores": "Scores",
    "clarity": "clarté",
    "ambition": "ambition",
    "measurability": "mesurabilité",
    "overall": "global",
    "no_scores": "non évalué",
    "vote": "Vote",
    "vote.line": "{yes} oui · {unsure} · {no} non · {dots}",
    "key_results": "Résultats clés",
    "key_results.none": "Aucun résultat clé pour l’instant.",
    "key_result": "Résultat clé",
    "baseline": "Départ",
    "target": "Cible",
    "deadline": "Échéance",
    "kr_scores": "Global (C/A/M)",
    "aspirational": "(aspirationnel)",
    "history": "Historique du libellé",
    "history.single": "Une seule version (v{n}).",
    "history.change": "De v{first} à v{last} : score global {before} → {after} ({delta}).",
    "history.resolved_all": "Constats levés en cours de route",
    "version": "Version",
    "change": "Évolution",
    "resolved": "Constats levés",
    "final_mark": "final",
    "kr_history": "Historique des résultats clés",
    # tracking (review, retrospective)
    "tracking": "Suivi des résultats clés",
    "tracking.retro": "Notation des résultats clés",
    "tracking.none": "Aucun point de suivi ni aucune note pour l’instant.",
    "from_to": "Départ → cible",
    "current": "Valeur actuelle",
    "progress": "Avancement",
    "confidence": "Confiance",
    "grade": "Note",
    "averages": "Moyennes",
    "avg.progress": "avancement {value}",
    "avg.confidence": "confiance {value}/10",
    "avg.grade": "note {value}",
    "grade.expected": "Note attendue : 1,0 pour un résultat clé engagé, 0,7 pour un aspirationnel.",
    "grade.by_objective": "Note moyenne par objectif",
    "comments": "Commentaires et blocages",
    "blockers": "blocages",
    # votes
    "votes": "Votes",
    "votes.none": "Aucun vote enregistré.",
    "votes.dots": "Chaque participant disposait de {dots} à répartir.",
    "yes": "Oui",
    "unsure": "Incertain",
    "no": "Non",
    "dots": "Points",
    "judged_priority": "Clairement prioritaire",
    # decisions, actions, parking
    "decisions": "Décisions",
    "decisions.none": "Aucune décision enregistrée.",
    "decision": "Décision",
    "actions": "Actions",
    "actions.none": "Aucune action enregistrée.",
    "action": "Action",
    "due": "Échéance",
    "action.todo": "À faire",
    "action.done": "Fait",
    "parking": "Parking",
    "parking.none": "Aucun sujet mis de côté.",
    "topic": "Sujet",
    "next_step": "Suite prévue",
    "parking.resolved": "Traité",
    "parking.follow_up": "Suite définie",
    "parking.open": "À traiter",
    # proposals
    "proposals": "Propositions du brainstorm",
    "proposals.count": "{proposals} : {merged}, {dropped}.",
    "proposals.none": "Aucune proposition enregistrée.",
    "proposals.merged": "Propositions fusionnées",
    "proposals.merged_into": "regroupe",
    "proposals.dropped": "Propositions écartées",
    "objectives.dropped": "Objectifs écartés",
    "objectives.merged": "Objectifs fusionnés dans un autre",
    # retrospective
    "retro": "Rétrospective",
    "worked": "Ce qui a fonctionné",
    "to_change": "Ce qu’il faut changer",
    "retro.none": "Rien de noté.",
    # glossary
    "glossary": "Glossaire",
    "glossary.none": "Aucun sigle défini pour cette session.",
    "term": "Sigle",
    "definition": "Définition",
    # footer
    "generated": "Compte rendu généré par {generator} le {date}.",
    "page": "Page",
}

EN: dict[str, str] = {
    "minutes": "Minutes",
    "untitled": "Untitled session",
    "workshop": "Workshop",
    "organisation": "Organisation",
    "date": "Date",
    "place": "Place",
    "facilitator": "Facilitator",
    "follows": "Follows",
    "follows.value": "{title} ({date})",
    "kind.framing": "Framing workshop",
    "kind.drafting": "OKR drafting workshop",
    "kind.review": "OKR review",
    "kind.retrospective": "End-of-cycle retrospective",
    "summary": "Executive summary",
    "summary.retained": "Objectives retained: {retained} of {total} considered",
    "summary.none_retained": "No objective retained yet; {drafts} still being drafted",
    "summary.no_objectives": "No objective has been drafted yet.",
    "summary.all_dropped": "No objective retained: {dropped}.",
    "n.considered_dropped": "{n} objective considered and dropped|{n} objectives considered, "
    "all dropped",
    "summary.none_carried": "The previous session retained no objective: none is followed in "
    "this one.",
    "summary.scores": "Average objective scores",
    "summary.kr_scores": "Key results: {count}, average overall score {overall}",
    "summary.priority": "Objectives judged “clearly a priority”",
    "summary.priority_value": "{share} of the objectives voted on ({judged} of {voted})",
    "summary.priority_stored": "{share} (recorded value)",
    "summary.no_vote": "no priority vote yet",
    "summary.orphans": "Objectives not aligned with the strategy",
    "summary.decisions_actions": "Decisions: {decisions} · actions: {actions}",
    "summary.parking": "Parking lot: {topics}, {open} without a follow-up",
    "summary.parking_none": "Parking lot: nothing set aside",
    "summary.tracking": "Tracking",
    "attendees": "Attendees",
    "attendees.count": "Present: {present} of {total}.",
    "attendees.none": "No attendee recorded.",
    "name": "Name",
    "role": "Role",
    "team": "Team",
    "presence": "Attendance",
    "present": "Present",
    "absent": "Absent",
    "agenda": "Agenda",
    "agenda.none": "No agenda step.",
    "step": "Step",
    "planned": "Planned (min)",
    "actual": "Actual (min)",
    "gap": "Gap",
    "status": "Status",
    "total": "Total",
    "step.pending": "To come",
    "step.running": "Running",
    "step.done": "Done",
    "strategy": "Vision and strategic objectives",
    "vision": "Vision",
    "vision.none": "The strategic vision was not entered.",
    "parents": "Strategic objectives",
    "parents.none": "No strategic objective to align with was entered.",
    "n.linked": "{n} objective aligned|{n} objectives aligned",
    "n.topic": "{n} topic|{n} topics",
    "n.unsure": "{n} unsure|{n} unsure",
    "n.dot": "{n} dot|{n} dots",
    "n.proposal": "{n} proposal collected|{n} proposals collected",
    "n.merged": "{n} merged|{n} merged",
    "n.dropped": "{n} dropped|{n} dropped",
    "objectives": "Objectives and key results",
    "objectives.none": "No objective yet.",
    "objective": "Objective",
    "obj_prefix": "O",
    "kr_prefix": "KR",
    "wording": "Wording",
    "wording.final": "v{n} (final)",
    "wording.current": "v{n} (not yet marked final)",
    "owner": "Owner",
    "parent": "Strategic objective",
    "not_aligned": "⚠ Not aligned: no strategic objective to contribute to",
    "independent": "Independent (deliberately not aligned)",
    "objective.status": "Status",
    "status.draft": "Being drafted",
    "status.retained": "Retained",
    "status.dropped": "Dropped",
    "status.merged": "Merged",
    "status.merged_into": "Merged into {target}",
    "decided.merged": "merged into {target}",
    "decided.dropped": "dropped",
    "decided.by": "by {who}",
    "decided.on": "on {date}",
    "objective.merged_from": "Objectives merged into this one",
    "scores": "Scores",
    "clarity": "clarity",
    "ambition": "ambition",
    "measurability": "measurability",
    "overall": "overall",
    "no_scores": "not assessed",
    "vote": "Vote",
    "vote.line": "{yes} yes · {unsure} · {no} no · {dots}",
    "key_results": "Key results",
    "key_results.none": "No key result yet.",
    "key_result": "Key result",
    "baseline": "Baseline",
    "target": "Target",
    "deadline": "Deadline",
    "kr_scores": "Overall (C/A/M)",
    "aspirational": "(aspirational)",
    "history": "Wording history",
    "history.single": "A single version (v{n}).",
    "history.change": "From v{first} to v{last}: overall score {before} → {after} ({delta}).",
    "history.resolved_all": "Findings resolved along the way",
    "version": "Version",
    "change": "Change",
    "resolved": "Findings resolved",
    "final_mark": "final",
    "kr_history": "Key result history",
    "tracking": "Key result tracking",
    "tracking.retro": "Key result grades",
    "tracking.none": "No check-in and no grade yet.",
    "from_to": "Baseline → target",
    "current": "Current value",
    "progress": "Progress",
    "confidence": "Confidence",
    "grade": "Grade",
    "averages": "Averages",
    "avg.progress": "progress {value}",
    "avg.confidence": "confidence {value}/10",
    "avg.grade": "grade {value}",
    "grade.expected": (
        "Expected grade: 1.0 for a committed key result, 0.7 for an aspirational one."
    ),
    "grade.by_objective": "Average grade per objective",
    "comments": "Comments and blockers",
    "blockers": "blockers",
    "votes": "Votes",
    "votes.none": "No vote recorded.",
    "votes.dots": "Each participant had {dots} to place.",
    "yes": "Yes",
    "unsure": "Unsure",
    "no": "No",
    "dots": "Dots",
    "judged_priority": "Clearly a priority",
    "decisions": "Decisions",
    "decisions.none": "No decision recorded.",
    "decision": "Decision",
    "actions": "Actions",
    "actions.none": "No action recorded.",
    "action": "Action",
    "due": "Due",
    "action.todo": "To do",
    "action.done": "Done",
    "parking": "Parking lot",
    "parking.none": "Nothing was set aside.",
    "topic": "Topic",
    "next_step": "Next step",
    "parking.resolved": "Resolved",
    "parking.follow_up": "Follow-up set",
    "parking.open": "To be handled",
    "proposals": "Brainstorm proposals",
    "proposals.count": "{proposals}: {merged}, {dropped}.",
    "proposals.none": "No proposal recorded.",
    "proposals.merged": "Merged proposals",
    "proposals.merged_into": "combines",
    "proposals.dropped": "Dropped proposals",
    "objectives.dropped": "Dropped objectives",
    "objectives.merged": "Objectives merged into another",
    "retro": "Retrospective",
    "worked": "What worked",
    "to_change": "What to change",
    "retro.none": "Nothing noted.",
    "glossary": "Glossary",
    "glossary.none": "No acronym defined for this session.",
    "term": "Term",
    "definition": "Definition",
    "generated": "Minutes generated by {generator} on {date}.",
    "page": "Page",
}


def _french_spacing(text: str) -> str:
    """No-break spaces where French typography wants them (written as plain spaces above)."""
    for plain, fixed in (
        (" :", f"{NBSP}:"),
        ("« ", f"«{NBSP}"),
        (" »", f"{NBSP}»"),
        (" ;", f"{NNBSP};"),
    ):
        text = text.replace(plain, fixed)
    return text


FR = {key: _french_spacing(value) for key, value in FR.items()}
TABLES: Mapping[str, Mapping[str, str]] = {"fr": FR, "en": EN}


@dataclass(frozen=True)
class Labels:
    """The labels of one language, with its number and punctuation conventions."""

    lang: str
    table: Mapping[str, str]

    def __getitem__(self, key: str) -> str:
        return self.table[key]

    def __call__(self, key: str, **values: object) -> str:
        return format_message(self.table[key], self.lang, values)  # "d’Amina", "de Bruno"

    @property
    def colon(self) -> str:
        """The separator after a label: "\u00a0: " in French, ": " in English."""
        return f"{NBSP}: " if self.lang == "fr" else ": "

    def number(self, value: float, digits: int = 1) -> str:
        text = f"{value:.{digits}f}"
        return text.replace(".", ",") if self.lang == "fr" else text

    def percent(self, share: float) -> str:
        """A share 0..1 as a whole percentage: "75 %" (narrow no-break space) or "75%"."""
        value = round(share * 100)
        return f"{value}{NNBSP}%" if self.lang == "fr" else f"{value}%"

    def n(self, key: str, count: int) -> str:
        """ "{n} sujet|{n} sujets" → "1 sujet", "3 sujets" (French: 0 and 1 are singular)."""
        singular, plural = self.table[key].split("|")
        one = count <= 1 if self.lang == "fr" else count == 1
        return (singular if one else plural).format(n=count)

    def month(self, index: int) -> str:
        return MONTHS[self.lang][index - 1]


def labels_for(lang: str | None) -> Labels:
    code = (lang or "fr").lower()[:2]
    return Labels(code, TABLES[code]) if code in TABLES else Labels("fr", FR)
