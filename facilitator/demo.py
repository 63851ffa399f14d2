"""The bundled demo: a pharmaceutical company's CODIR framing workshop, in French, mid-way.

`demo_session()` returns a `Session` as the consultant's tool would hold it at 10:50 on the day
of the workshop: Laboratoires Altavia (a fictional laboratory: dermatology, three countries —
France, Belgium, Switzerland —, about 500 people) frames its first three-month OKR cycle
(April–June 2026). The agenda comes from the `codir-framing` template; seven steps are done
with their actual times, the current step (alignment with the strategy) is under way, timer
paused. It holds ten participants (one absent), the vision and four strategic objectives, a
glossary, six objectives whose wordings went through one to three versions (v1 weak → final),
key results with baseline, target, deadline and owner, the brainstorm's proposals (some merged,
two dropped), priority votes and dots, decisions, actions, the parking lot, one objective not
yet aligned with the strategy (the one the room is discussing) and one dropped objective.

Scores
------
By default the scores and findings of every version are **stored literally**, so building the
demo is instant (no spaCy). They are what the real engine said about each wording when the demo
was written (rules of March 2026), so the wording history matches what the workbench shows when
a wording is typed again. Rules evolve: `python -m facilitator.demo` lists the versions whose
stored verdict differs from today's engine. Pass an engine (`demo_session(Engine())`) to compute
every version's scores and findings at build time instead (a few seconds: the French pipeline
loads once). Everything else is identical either way.

The ids are stable ("demo-altavia-codir", "obj-qualite", "kr-qualite-1" …) so the TUI and the
tests can point at things; copy the session (`Session.copy()` and a new id) to keep several.
"""

from __future__ import annotations

from typing import Any, Protocol

from facilitator.session import (
    Action,
    AgendaStep,
    Decision,
    KeyResult,
    Objective,
    ParentObjective,
    ParkingItem,
    Participant,
    Proposal,
    Session,
    Versioned,
)

DEMO_ID = "demo-altavia-codir"
TEMPLATE = "codir-framing"
LANG = "fr"


class _Assessor(Protocol):
    def assess_many(self, items: Any, batch_size: int = ...) -> list[Any]: ...


def _at(hhmm: str, day: str = "2026-03-19") -> str:
    """A UTC timestamp; Lyon is UTC+1 in March, so "08:05" is 9:05 in the room."""
    return f"{day}T{hhmm}:00+00:00"


# --------------------------------------------------------------------------------------------
# The content, as data

PARTICIPANTS = [
    # id, name, role, team, present
    ("hv", "Hélène Vasseur", "Directrice générale", "Direction générale", True),
    ("ml", "Marc Lefort", "Directeur administratif et financier", "Finance", True),
    ("ir", "Isabelle Roche", "Pharmacienne responsable, directrice de la qualité", "Qualité", True),
    ("kb", "Karim Benali", "Directeur des affaires réglementaires", "Affaires réglementaires",
     True),
    ("sm", "Sophie Marchal", "Directrice industrielle", "Production", True),
    ("tn", "Thomas Nguyen", "Directeur commercial et marketing", "Commercial", True),
    ("ald", "Anne-Laure Dumas", "Directrice des ressources humaines", "Ressources humaines",
     True),
    ("pf", "Paolo Ferraro", "Directeur général de la filiale suisse", "Filiale Suisse", False),
    ("jm", "Julie Morel", "Responsable de la pharmacovigilance (manager)", "Pharmacovigilance",
     True),
    ("ng", "Nicolas Girard", "Chef de produit dermatologie (représentant métier)", "Marketing",
     True),
]  # fmt: skip

VISION = (
    "D’ici fin 2027, être en France, en Belgique et en Suisse le laboratoire de référence en "
    "dermatologie, en mettant chaque année deux nouveaux traitements à la disposition des "
    "patients, sans jamais transiger sur la qualité ni sur leur sécurité."
)

PARENTS = [
    ("ps-lancements", "Mettre plus vite nos innovations à la disposition des patients"),
    ("ps-qualite", "Garantir une qualité et une conformité irréprochables dans nos trois pays"),
    ("ps-securite", "Faire de la sécurité des patients notre premier critère de décision"),
    ("ps-equipes", "Développer des équipes compétentes, autonomes et engagées"),
]

GLOSSARY = {
    "AFMPS": "Agence fédérale des médicaments et des produits de santé (Belgique)",
    "AMM": "Autorisation de mise sur le marché",
    "ANSM": "Agence nationale de sécurité du médicament et des produits de santé (France)",
    "BPF": "Bonnes pratiques de fabrication",
    "CAPA": "Actions correctives et préventives (Corrective and Preventive Actions)",
    "CODIR": "Comité de direction",
    "GED": "Gestion électronique des documents",
    "LMS": "Plateforme de formation en ligne (Learning Management System)",
    "OKR": "Objectifs et résultats clés (Objectives and Key Results)",
    "PSUR": "Rapport périodique actualisé de sécurité (Periodic Safety Update Report)",
}

# Agenda: template step id → (actual minutes, extra minutes granted). Steps not listed are to
# come; "alignment" is the current step, paused after 6 min 20 s.
ACTUAL = {
    "vision": (17, 0),
    "brainstorm": (20, 0),
    "clustering": (19, 0),
    "objectives": (38, 0),
    "key-results": (38, 5),
    "break": (12, 0),
    "priority-vote": (14, 0),
}
CURRENT_STEP = "alignment"
CURRENT_SECONDS = 6 * 60 + 20

# A version: (text, literal scores (clarity, ambition, measurability, overall), findings, note,
# time). The last version of each objective is the final one unless the objective says
# otherwise.
V = tuple[str, tuple[int, int, int, int], list[str], str, str]

OBJECTIVES: list[dict[str, Any]] = [
    {
        "id": "obj-qualite",
        "owner": "ir",
        "parent": "ps-qualite",
        "status": "retained",
        "versions": [
            ("Améliorer la gestion des déviations qualité", (45, 100, 100, 75),
             ["objective-no-why", "objective-vague", "vague-verb"],
             "proposition fusionnée au brainstorm", "08:59"),
            ("Traiter plus rapidement nos déviations qualité", (95, 100, 100, 98),
             ["objective-no-why"],
             "suggestion acceptée : « améliorer » remplacé par un verbe de résultat", "09:04"),
            ("Traiter nos déviations qualité sans retard pour libérer chaque lot à temps",
             (100, 100, 100, 100), [], "reformulé par la salle : ajout du « pour quoi »", "09:09"),
        ],
        "key_results": [
            {
                "id": "kr-qualite-1", "owner": "sm", "baseline": "42", "target": "25",
                "unit": "jours", "deadline": "2026-06-30",
                "versions": [
                    ("Réduire le délai de clôture des déviations", (100, 100, 40, 60),
                     ["kr-no-target"], "", "09:44"),
                    ("Réduire le délai moyen de clôture des déviations de 42 à 25 jours d’ici "
                     "le 30 juin 2026", (100, 100, 100, 100), [],
                     "suggestion acceptée : valeur de départ, cible et échéance", "09:47"),
                ],
            },
            {
                "id": "kr-qualite-2", "owner": "ir", "baseline": "61", "target": "85",
                "unit": "%", "deadline": "2026-06-30",
                "versions": [
                    ("Faire passer de 61 % à 85 % la part des CAPA clôturées dans les délais "
                     "d’ici le 30 juin 2026", (100, 100, 100, 100), ["stretch-step"], "", "09:50"),
                ],
            },
            {
                "id": "kr-qualite-3", "owner": "sm", "baseline": "18", "target": "8",
                "unit": "par trimestre", "deadline": "2026-06-30", "committed": False,
                "versions": [
                    ("Ramener de 18 à 8 par trimestre le nombre de déviations récurrentes d’ici "
                     "le 30 juin 2026", (100, 100, 100, 100), ["stretch-step"],
                     "indicateur de contrepartie : aller vite sans bâcler les analyses", "09:53"),
                ],
            },
        ],
    },
    {
        "id": "obj-lancement",
        "owner": "tn",
        "parent": "ps-lancements",
        "status": "retained",
        "versions": [
            ("Optimiser les synergies entre réglementaire et marketing pour nos lancements",
             (30, 100, 100, 68), ["objective-vague", "vague-verb", "buzzword"],
             "proposition fusionnée au brainstorm", "09:12"),
            ("Accélérer nos lancements avec les affaires réglementaires",
             (95, 100, 100, 98), ["objective-no-why"],
             "suggestion acceptée : « optimiser » remplacé", "09:17"),
            ("Mettre Dermavel à la disposition des patients dès son AMM pour les soigner plus "
             "tôt", (100, 100, 100, 100), [],
             "reformulé par la salle : un résultat pour les patients", "09:23"),
        ],
        "key_results": [
            {
                "id": "kr-lancement-1", "owner": "kb", "baseline": "45", "target": "30",
                "unit": "jours", "deadline": "2026-06-30",
                "versions": [
                    ("Fluidifier les dépôts réglementaires", (80, 100, 40, 60),
                     ["kr-no-target", "vague-verb"], "", "09:55"),
                    ("Réduire le délai entre validation interne et dépôt d’un dossier "
                     "réglementaire", (100, 100, 40, 60), ["kr-no-target"],
                     "suggestion acceptée : « fluidifier » remplacé par « réduire »", "09:58"),
                    ("Faire passer de 45 à 30 jours le délai moyen entre validation interne et "
                     "dépôt d’un dossier réglementaire d’ici le 30 juin 2026", (100, 100, 100, 100),
                     [], "valeurs de départ et cible confirmées par Karim Benali", "10:02"),
                ],
            },
            {
                "id": "kr-lancement-2", "owner": "ng", "baseline": "55", "target": "100",
                "unit": "%", "deadline": "2026-05-15",
                "versions": [
                    ("Porter de 55 % à 100 % les critères de préparation au lancement de "
                     "Dermavel validés au 15 mai 2026", (100, 100, 100, 100), [], "", "10:05"),
                ],
            },
            {
                "id": "kr-lancement-3", "owner": "tn", "baseline": "0",
                "target": "1 200", "unit": "", "deadline": "2026-06-30",
                "committed": False,
                "versions": [
                    ("Porter de 0 à 1 200 le nombre d’officines qui référencent Dermavel d’ici "
                     "le 30 juin 2026", (100, 100, 100, 100), [], "", "10:08"),
                ],
            },
        ],
    },
    {
        "id": "obj-pharmacovigilance",
        "owner": "jm",
        "parent": "ps-securite",
        "status": "retained",
        "versions": [
            ("Essayer de traiter tous les cas de pharmacovigilance dans les délais",
             (95, 85, 100, 92), ["hedge", "objective-no-why"], "", "09:25"),
            ("Traiter tous les cas de pharmacovigilance dans les délais réglementaires",
             (95, 100, 100, 98), ["objective-no-why"],
             "suggestion acceptée : « essayer de » supprimé", "09:28"),
            ("Déclarer chaque cas de pharmacovigilance dans les délais pour protéger les "
             "patients", (100, 100, 100, 100), [],
             "reformulé par la salle : pourquoi nous le faisons", "09:32"),
        ],
        "key_results": [
            {
                "id": "kr-pv-1", "owner": "jm", "baseline": "88", "target": "99", "unit": "%",
                "deadline": "2026-06-30",
                "versions": [
                    ("Faire passer de 88 % à 99 % la part des cas graves déclarés sous 15 jours "
                     "d’ici le 30 juin 2026", (100, 100, 100, 100), [], "", "10:10"),
                ],
            },
            {
                "id": "kr-pv-2", "owner": "jm", "baseline": "340", "target": "50", "unit": "cas",
                "deadline": "2026-06-30",
                "versions": [
                    ("Résorber le stock de cas non graves en attente de saisie",
                     (100, 100, 40, 60), ["kr-no-target"], "", "10:12"),
                    ("Réduire de 340 à 50 le stock de cas non graves en attente de saisie d’ici "
                     "le 30 juin 2026", (100, 100, 100, 100), ["stretch-step"],
                     "suggestion acceptée : valeur de départ, cible et échéance", "10:14"),
                ],
            },
            {
                "id": "kr-pv-3", "owner": "kb", "baseline": "83", "target": "100", "unit": "%",
                "deadline": "2026-06-30",
                "versions": [
                    ("Faire passer de 83 % à 100 % la part des PSUR soumis à la date prévue "
                     "d’ici le 30 juin 2026", (100, 100, 100, 100), [], "", "10:16"),
                ],
            },
        ],
    },
    {
        "id": "obj-formation",
        "owner": "ald",
        "parent": "ps-equipes",
        "status": "retained",
        "versions": [
            ("Renforcer la formation des équipes aux BPF", (45, 100, 100, 75),
             ["objective-no-why", "objective-vague", "vague-verb"], "", "09:34"),
            ("Faire des BPF un réflexe dans nos trois pays pour réussir chaque inspection",
             (100, 100, 100, 100), [],
             "reformulé par la salle : le résultat attendu plutôt que l’activité", "09:38"),
        ],
        "key_results": [
            {
                "id": "kr-formation-1", "owner": "ald", "baseline": "72", "target": "95",
                "unit": "%", "deadline": "2026-06-30",
                "versions": [
                    ("Faire passer de 72 % à 95 % le taux de formations BPF obligatoires "
                     "réalisées à l’échéance d’ici le 30 juin 2026", (100, 100, 100, 100),
                     ["stretch-step"], "", "10:17"),
                ],
            },
            {
                "id": "kr-formation-2", "owner": "ir", "baseline": "9", "target": "2",
                "unit": "", "deadline": "2026-06-30",
                "versions": [
                    ("Essayer de réduire les observations d’audit liées à la formation",
                     (100, 85, 40, 60), ["hedge", "kr-no-target"], "", "10:17"),
                    ("Réduire de 9 à 2 le nombre d’observations d’audit interne liées à la "
                     "formation d’ici le 30 juin 2026", (100, 100, 100, 100), ["stretch-step"],
                     "suggestion acceptée : « essayer de » supprimé, cible ajoutée", "10:18"),
                ],
            },
        ],
    },
    {
        # Proposed late by the finance director; not yet linked to the strategy: this is what
        # the room is discussing in the current step.
        "id": "obj-ged",
        "owner": "ml",
        "parent": None,
        "status": "draft",
        "final": False,
        "versions": [
            ("Faire évoluer notre gestion électronique des documents", (75, 100, 100, 89),
             ["objective-no-why", "vague-verb"], "", "10:46"),
        ],
        "key_results": [
            {
                "id": "kr-ged-1", "owner": "ml", "baseline": "0", "target": "100", "unit": "%",
                "deadline": "2026-06-30",
                "versions": [
                    ("Migrer 100 % des procédures qualité vers la nouvelle GED d’ici le "
                     "30 juin 2026", (100, 75, 100, 80), ["kr-output-activity"], "", "10:48"),
                ],
            },
        ],
    },
    {
        "id": "obj-achats",
        "owner": "ml",
        "parent": "ps-qualite",
        "status": "dropped",
        "final": False,
        "versions": [
            ("Réduire de 5 % les coûts d’achat des matières premières", (65, 100, 90, 80),
             ["objective-bare-metric", "objective-no-why", "objective-with-figures"],
             "proposition du brainstorm", "09:39"),
        ],
        "key_results": [],
    },
]  # fmt: skip

# participant → {objective id: dots}; the total per person is 3 (the template's setting).
DOTS = {
    "hv": {"obj-lancement": 1, "obj-qualite": 1, "obj-pharmacovigilance": 1},
    "ml": {"obj-achats": 2, "obj-ged": 1},
    "ir": {"obj-qualite": 2, "obj-pharmacovigilance": 1},
    "kb": {"obj-lancement": 2, "obj-pharmacovigilance": 1},
    "sm": {"obj-qualite": 2, "obj-formation": 1},
    "tn": {"obj-lancement": 3},
    "ald": {"obj-formation": 2, "obj-qualite": 1},
    "jm": {"obj-pharmacovigilance": 2, "obj-qualite": 1},
    "ng": {"obj-lancement": 2, "obj-formation": 1},
}
# objective → answers to "clearly a priority?"; anyone present not listed answered "no".
PRIORITY = {
    "obj-qualite": {"yes": "hv ir kb sm tn ald jm ng", "unsure": "ml"},
    "obj-lancement": {"yes": "hv ir kb sm tn jm ng", "unsure": "ml ald"},
    "obj-pharmacovigilance": {"yes": "hv ir kb ald jm", "unsure": "sm tn ng"},
    "obj-formation": {"yes": "hv ir sm ald", "unsure": "kb jm ng"},
    "obj-ged": {"yes": "ml", "unsure": "ir"},
    "obj-achats": {"yes": "ml sm"},
}

# The silent brainstorm was anonymous: no authors. (id, text, status, merged into, time)
PROPOSALS = [
    ("pr-01", "Réduire les retards de libération des lots", "merged", "pr-m1", "08:21"),
    ("pr-02", "Clôturer les CAPA dans les délais", "merged", "pr-m1", "08:22"),
    ("pr-03", "Moins de déviations récurrentes en production", "merged", "pr-m1", "08:24"),
    ("pr-04", "Réussir le lancement de Dermavel", "merged", "pr-m2", "08:23"),
    ("pr-05", "Déposer nos dossiers réglementaires plus tôt", "merged", "pr-m2", "08:25"),
    ("pr-06", "Zéro retard de déclaration en pharmacovigilance", "merged", "pr-m3", "08:26"),
    ("pr-07", "Résorber le stock de cas de pharmacovigilance en attente", "merged", "pr-m3",
     "08:28"),
    ("pr-08", "Être prêts pour la prochaine inspection BPF de l’ANSM", "open", None, "08:27"),
    ("pr-09", "Moderniser la GED", "open", None, "08:30"),
    ("pr-10", "Baisser nos coûts d’achat", "open", None, "08:31"),
    ("pr-11", "Refaire l’intranet", "dropped", None, "08:32"),
    ("pr-12", "Organiser un séminaire annuel des équipes", "dropped", None, "08:33"),
    ("pr-13", "Harmoniser les indicateurs qualité entre les pays", "open", None, "08:34"),
    ("pr-m1", "Traiter les déviations qualité à temps pour libérer les lots", "open", None,
     "08:45"),
    ("pr-m2", "Préparer le lancement de Dermavel avec les affaires réglementaires", "open", None,
     "08:49"),
    ("pr-m3", "Déclarer chaque cas de pharmacovigilance dans les délais", "open", None, "08:53"),
]  # fmt: skip

# The proposals the room turned into objectives at the clustering step.
PROMOTED = {
    "pr-m1": "obj-qualite",
    "pr-m2": "obj-lancement",
    "pr-m3": "obj-pharmacovigilance",
    "pr-10": "obj-achats",
}
DECISIONS = [
    ("dec-1", "priority-vote", "10:41",
     "Quatre objectifs d’entreprise sont retenus pour le premier cycle OKR (1er avril – "
     "30 juin 2026) : déviations qualité, lancement de Dermavel, pharmacovigilance et "
     "formation BPF."),
    ("dec-2", "priority-vote", "10:43",
     "L’objectif sur les coûts d’achat est écarté : il relève du budget annuel et de la revue "
     "des achats, pas d’un OKR."),
    ("dec-3", "key-results", "10:15",
     "Chaque résultat clé a un seul responsable, membre du CODIR ou manager présent ce jour."),
    ("dec-4", "key-results", "10:17",
     "La revue OKR mensuelle du CODIR remplace le point qualité du premier mardi du mois "
     "(45 minutes) : aucune réunion n’est ajoutée."),
    ("dec-5", "key-results", "10:18",
     "Le suivi se fait dans l’outil de gestion de projet déjà utilisé par les équipes ; aucun "
     "nouvel outil n’est acheté pour ce cycle."),
]  # fmt: skip

ACTIONS = [
    ("act-1", "key-results", "sm", "2026-03-27",
     "Fiabiliser la valeur de départ du délai de clôture des déviations sur les douze derniers "
     "mois (extraction du système qualité)"),
    ("act-2", "key-results", "kb", "2026-04-03",
     "Confirmer avec l’ANSM et l’AFMPS le calendrier de dépôt du dossier de Dermavel"),
    ("act-3", "key-results", "ald", "2026-03-27",
     "Extraire du LMS le taux de formations BPF réalisées à l’échéance, par pays"),
    ("act-4", "key-results", "jm", "2026-03-27",
     "Chiffrer par pays le stock de cas non graves en attente de saisie"),
    ("act-5", "priority-vote", "ml", "2026-03-31",
     "Créer le tableau de suivi des OKR dans l’outil de gestion de projet existant"),
    ("act-6", "priority-vote", "hv", "2026-04-02",
     "Présenter les OKR retenus aux managers des trois pays et recueillir leurs questions"),
    ("act-7", "priority-vote", "hv", "2026-03-23",
     "Informer Paolo Ferraro des décisions et recueillir ses remarques pour la filiale suisse"),
]  # fmt: skip

PARKING = [
    ("park-1", "objectives", "09:20", "ir",
     "Proposer une définition commune à la revue OKR d’avril",
     "Harmoniser la définition d’une déviation majeure entre la France, la Belgique et la "
     "Suisse"),
    ("park-2", "alignment", "10:47", "ml",
     "Présenter un chiffrage au CODIR du 7 avril",
     "Budget et calendrier du remplacement de la GED"),
    ("park-3", "priority-vote", "10:40", "", "",
     "Associer les délégués médicaux aux OKR commerciaux du prochain cycle"),
]  # fmt: skip


# --------------------------------------------------------------------------------------------
# Building


def demo_session(engine: _Assessor | None = None) -> Session:
    """The demo session; with `engine`, every version is scored by it (see the module doc)."""
    from facilitator.workshops import load_template

    template = load_template(TEMPLATE)
    session = Session(
        id=DEMO_ID,
        kind="framing",
        template=TEMPLATE,
        lang=LANG,
        title="Atelier de cadrage OKR — CODIR",
        organisation="Laboratoires Altavia",
        date="2026-03-19",
        place="Lyon, siège — salle Confluence",
        facilitator="Camille Laurent (consultante OKR)",
        created=_at("16:05", "2026-03-12"),
        updated=_at("10:50"),
        vision=VISION,
        glossary=dict(GLOSSARY),
        dots_per_participant=3,
    )
    for pid, name, role, team, present in PARTICIPANTS:
        session.participants.append(
            Participant(id=pid, name=name, role=role, team=team, present=present)
        )
    session.parents = [ParentObjective(id=pid, text=text) for pid, text in PARENTS]

    for step in template.steps:
        actual, extra = ACTUAL.get(step.id, (0, 0))
        status = "done" if step.id in ACTUAL else "pending"
        seconds = actual * 60.0
        if step.id == CURRENT_STEP:
            status, seconds = "running", float(CURRENT_SECONDS)
        session.agenda.append(
            AgendaStep(
                id=step.id,
                kind=step.kind,
                title=step.text("title", LANG),
                planned_minutes=step.minutes,
                status=status,
                actual_seconds=seconds,
                extra_minutes=extra,
            )
        )
        if step.kind == "vote":
            session.dots_per_participant = step.dots_per_participant
    session.current_step = [s.id for s in session.agenda].index(CURRENT_STEP)
    session.timer_paused = True

    pending: list[tuple[Versioned, str, str]] = []  # (item, text, kind) to score
    for data in OBJECTIVES:
        objective = Objective(
            id=data["id"], owner=data["owner"], parent_id=data["parent"], status=data["status"]
        )
        _add_versions(objective, data["versions"], "objective", pending)
        if data.get("final", True):
            objective.mark_final()
        for kr_data in data["key_results"]:
            kr = KeyResult(
                id=kr_data["id"],
                owner=kr_data["owner"],
                baseline=kr_data["baseline"],
                target=kr_data["target"],
                unit=kr_data["unit"],
                deadline=kr_data["deadline"],
                committed=kr_data.get("committed", True),
            )
            _add_versions(kr, kr_data["versions"], "key_result", pending)
            kr.mark_final()
            objective.key_results.append(kr)
        session.objectives.append(objective)
    if engine is not None:
        _score_with(engine, pending, list(GLOSSARY))

    in_room = {p.id for p in session.present_participants()}
    for pid, placed in DOTS.items():
        for objective_id, count in placed.items():
            session.set_dots(objective_id, pid, count)
    for objective_id, answers in PRIORITY.items():
        votes = session.votes_for(objective_id)
        for answer, who in answers.items():
            for pid in who.split():
                votes.set_priority(pid, answer)
        for pid in sorted(in_room - set(votes.priority)):
            votes.set_priority(pid, "no")
        votes.revealed = True
    session.compute_priority_share()

    for pid, text, status, merged_into, time in PROPOSALS:
        session.proposals.append(
            Proposal(
                id=pid,
                text=text,
                status=status,
                merged_into=merged_into,
                objective_id=PROMOTED.get(pid),
                created=_at(time),
            )
        )
    for did, step_id, time, text in DECISIONS:
        session.decisions.append(Decision(id=did, text=text, step_id=step_id, created=_at(time)))
    for aid, step_id, owner, due, text in ACTIONS:
        session.actions.append(
            Action(id=aid, text=text, owner=owner, due=due, step_id=step_id, created=_at("10:18"))
        )
    for kid, step_id, time, owner, next_step, text in PARKING:
        session.parking.append(
            ParkingItem(
                id=kid, text=text, owner=owner, next_step=next_step, step_id=step_id,
                created=_at(time),
            )
        )  # fmt: skip
    return session


def _add_versions(
    item: Versioned, versions: list[V], kind: str, pending: list[tuple[Versioned, str, str]]
) -> None:
    for text, (clarity, ambition, measurability, overall), findings, note, time in versions:
        scores: dict[str, float] = {
            "clarity": clarity,
            "ambition": ambition,
            "measurability": measurability,
            "overall": overall,
        }
        version = item.add_version(text, scores, findings, note)
        version.created = _at(time)
        pending.append((item, text, kind))


def _score_with(
    engine: _Assessor, pending: list[tuple[Versioned, str, str]], glossary: list[str]
) -> None:
    """Replace the literal scores and findings with the engine's, version by version."""
    items = [{"text": text, "kind": kind, "lang": LANG, "glossary": glossary}
             for _, text, kind in pending]  # fmt: skip
    results = engine.assess_many(items)
    positions: dict[int, int] = {}
    for (item, _, _), assessment in zip(pending, results, strict=True):
        index = positions.get(id(item), 0)
        positions[id(item)] = index + 1
        version = item.versions[index]
        s = assessment.scores
        version.scores = {
            "clarity": s.clarity,
            "ambition": s.ambition,
            "measurability": s.measurability,
            "overall": s.overall,
        }
        version.findings = list(dict.fromkeys(f.rule for f in assessment.findings))


def _drift() -> None:  # pragma: no cover - a maintenance helper
    """Print the versions whose stored scores or findings differ from today's engine."""
    from facilitator.engine import Engine

    stored, scored = demo_session(), demo_session(Engine())
    changed = 0
    for old_objective, new_objective in zip(stored.objectives, scored.objectives, strict=True):
        pairs: zip[tuple[Objective | KeyResult, Objective | KeyResult]] = zip(
            [old_objective, *old_objective.key_results],
            [new_objective, *new_objective.key_results],
            strict=True,
        )
        for old_item, new_item in pairs:
            for old, new in zip(old_item.versions, new_item.versions, strict=True):
                if (old.scores, old.findings) != (new.scores, new.findings):
                    changed += 1
                    print(f"{old_item.id} v{old.n}: {old.text}")
                    print(f"  stored {old.scores} {old.findings}")
                    print(f"  engine {new.scores} {new.findings}")
    print(f"{changed} version(s) differ from the engine")


if __name__ == "__main__":  # pragma: no cover
    _drift()
