"""Every text the TUI shows, in French and English. The session's language decides.

`t(lang, key, **values)` formats one message; a key missing in a language falls back to French,
then to the key itself, so a forgotten translation shows up as a readable key, never a crash.
A test checks that both languages have the same keys.
"""

from __future__ import annotations

from facilitator.tui.i18n_room import merge_into

LANGS = ("fr", "en")

MESSAGES: dict[str, dict[str, str]] = {
    "fr": {
        # app and navigation
        "app.title": "facilitator — ateliers OKR",
        "bind.help": "Aide",
        "bind.language": "English",
        "bind.quit": "Quitter",
        "bind.home": "Accueil",
        "bind.back": "Retour",
        "bind.setup": "Préparation",
        "bind.agenda": "Agenda",
        "bind.workbench": "Écriture",
        "bind.palette": "Commandes",
        "lang.name": "français",
        "lang.name.fr": "français",
        "lang.name.en": "anglais",
        "lang.switched.session": (
            "Interface en français\u00a0; la séance et son compte rendu restent en {session} "
            "(préparation ou palette de commandes pour changer)."
        ),
        "session.lang.set": (
            "Langue de la séance\u00a0: {lang} (analyse des formulations, compte rendu)"
        ),
        "lang.switched": "Langue de l’interface\u00a0: français",
        "paste.cut": (
            "Texte collé coupé : un champ garde au plus {max} caractères ({size} collés)."
        ),
        "engine.starting": "◌ moteur : démarrage…",
        "engine.loading": "◐ modèle en chargement (analyse rapide)",
        "engine.ready": "● analyse complète",
        "engine.failed": "✕ analyse rapide seulement",
        "engine.failed.title": "Le modèle linguistique n’a pas pu être chargé",
        "engine.failed.body": (
            "L’analyse complète n’est pas disponible : {error}\n\n"
            "L’analyse rapide (vocabulaire, chiffres, échéances) continue de fonctionner "
            "et rien n’a été perdu."
        ),
        "error.title": "Une erreur est survenue",
        "error.worker": "Une tâche de fond a échoué : {error}\n\nRien n’a été perdu.",
        "error.store.title": "Impossible d’enregistrer",
        "error.store.body": (
            "{error}\n\nVotre modification reste affichée et sera enregistrée à la prochaine "
            "sauvegarde réussie. Rien n’a été perdu."
        ),
        "error.load.title": "Impossible d’ouvrir la séance",
        "error.template.title": "Modèle d’atelier invalide",
        "dialog.ok": "OK",
        "dialog.yes": "Oui",
        "dialog.no": "Non",
        "dialog.cancel": "Annuler",
        "file.exists.title": "Remplacer le fichier ?",
        "file.exists.body": "Le fichier {path} existe déjà. Le remplacer ?",
        # home
        "home.title": "Séances",
        "home.empty": "Aucune séance pour l’instant. Appuyez sur « n » pour en créer une à partir "
        "d’un modèle d’atelier.",
        "home.col.title": "Titre",
        "home.col.kind": "Type",
        "home.col.date": "Date",
        "home.col.org": "Organisation",
        "home.col.content": "Contenu",
        "home.col.updated": "Modifiée",
        "home.content": "{participants} pers. · {objectives} obj. · {key_results} RC",
        "home.damaged": "⚠ fichier endommagé",
        "home.damaged.body": "{problem}",
        "home.bind.open": "Ouvrir",
        "home.bind.new": "Nouvelle séance",
        "home.bind.duplicate": "Dupliquer",
        "home.bind.delete": "Supprimer",
        "home.bind.language": "English",
        "home.delete.title": "Supprimer la séance ?",
        "home.delete.body": (
            "« {title} » quittera la liste ; son dernier état est gardé dans le dossier "
            "« deleted » des sessions."
        ),
        "home.deleted": "Séance supprimée : {title}",
        "home.duplicated": "Séance dupliquée : {title}",
        "home.datadir": "Dossier des séances : {path}",
        "kind.framing": "cadrage",
        "kind.drafting": "rédaction",
        "kind.review": "revue",
        "kind.retrospective": "rétrospective",
        "templates.title": "Nouvelle séance — choisissez un modèle d’atelier",
        "templates.line": "{title}  ·  {minutes} min  ·  {participants} pers.",
        "untitled": "(sans titre)",
        # session screens
        "session.step": "Étape {n}/{total} : {title}",
        "session.nostep": "Pas d’agenda",
        # setup
        "setup.title": "Préparation de la séance",
        "setup.meta": "La séance",
        "setup.field.title": "Titre",
        "setup.field.organisation": "Organisation",
        "setup.field.date": "Date",
        "setup.field.place": "Lieu",
        "setup.field.facilitator": "Animateur·rice",
        "setup.field.lang": "Langue de la séance (compte rendu)",
        "setup.participants": "Participants",
        "setup.col.name": "Nom",
        "setup.col.role": "Rôle",
        "setup.col.team": "Équipe",
        "setup.col.present": "Présent",
        "setup.add": "Ajouter",
        "setup.update": "Modifier",
        "setup.name.placeholder": "Nom (Entrée pour ajouter)",
        "setup.role.placeholder": "Rôle",
        "setup.team.placeholder": "Équipe",
        "setup.vision": "Vision stratégique",
        "setup.parents": "Objectifs de rattachement (stratégie)",
        "setup.parent.placeholder": "Objectif stratégique (Entrée pour ajouter)",
        "setup.glossary": "Glossaire des sigles acceptés (non signalés par le coach)",
        "setup.glossary.placeholder": "SIGLE = définition (Entrée pour ajouter)",
        "setup.hint": "Tab : champ suivant · Entrée : ajouter, ou modifier la ligne choisie · "
        "Espace : présent/absent · Suppr : retirer la ligne",
        "setup.yes": "oui",
        "setup.no": "non",
        "setup.remove.title": "Retirer cette ligne ?",
        "setup.remove.body": "« {what} » sera retiré de la séance.",
        "setup.saved": "Enregistré",
        # agenda
        "agenda.title": "Agenda",
        "agenda.steps": "Étapes",
        "agenda.planned": "prévu",
        "agenda.actual": "réel",
        "agenda.remaining": "Temps restant",
        "agenda.overtime": "⏰ TEMPS ÉCOULÉ — dépassement de {time}",
        "agenda.timeup.notify": "Temps écoulé pour « {title} »",
        "agenda.paused": "⏸ en pause",
        "agenda.running": "▶ en cours",
        "agenda.notstarted": "○ pas commencée (Espace pour démarrer)",
        "agenda.done": "✓ terminée",
        "agenda.extended": "+{minutes} min accordées",
        "agenda.script": "Script de l’animateur",
        "agenda.prompts": "Questions à poser",
        "agenda.instruction": "Consigne aux participants",
        "agenda.noscript": "Cette étape n’a pas de script dans le modèle.",
        "agenda.bind.next": "Étape suivante",
        "agenda.bind.previous": "Étape précédente",
        "agenda.bind.pause": "Pause / reprise",
        "agenda.bind.extend": "+5 min",
        "agenda.finished": "Dernière étape terminée. Bravo !",
        "agenda.empty": "Cette séance n’a pas d’agenda.",
        # workbench
        "wb.title": "Atelier d’écriture",
        "wb.objectives": "Objectifs",
        "wb.objective": "Objectif {n}",
        "wb.key_result": "Résultat clé {o}.{n}",
        "wb.new_objective": "Nouvel objectif (non enregistré)",
        "wb.new_key_result": "Nouveau résultat clé de l’objectif {o} (non enregistré)",
        "wb.placeholder.objective": "Tapez l’objectif proposé par la salle…",
        "wb.placeholder.key_result": "Tapez le résultat clé : de X à Y d’ici …",
        "wb.version": "v{n}",
        "wb.final": "★ version finale",
        "wb.unsaved": "● modifié, non enregistré (ctrl+s)",
        "wb.score.clarity": "Clarté",
        "wb.score.ambition": "Ambition",
        "wb.score.measurability": "Mesurabilité",
        "wb.score.overall": "Global",
        "wb.tier.lexical": "analyse rapide",
        "wb.tier.full": "analyse complète",
        "wb.tier.reduced": "analyse réduite",
        "wb.tier.none": "en attente du moteur…",
        "wb.findings": "Remarques du coach",
        "wb.nofindings": "Aucune remarque : la formulation tient la route.",
        "wb.why": "Pourquoi",
        "wb.suggest": "Suggestions",
        "wb.ask": "Question à poser à la salle",
        "wb.remove": "(supprimer ces mots)",
        "wb.rewrite": "Réécriture proposée",
        "wb.rewrite.none": "Pas de réécriture automatique pour ce brouillon.",
        "wb.rewrite.ask": "À trancher en séance",
        "wb.history": "Historique des versions",
        "wb.col.v": "v",
        "wb.col.overall": "Global",
        "wb.col.delta": "Δ",
        "wb.col.scores": "C / A / M",
        "wb.col.resolved": "Remarques résolues",
        "wb.col.text": "Texte",
        "wb.col.note": "Origine",
        "wb.kr.fields": "Champs du résultat clé (corrigibles par la salle)",
        "wb.kr.baseline": "Départ",
        "wb.kr.target": "Cible",
        "wb.kr.unit": "Unité",
        "wb.kr.deadline": "Échéance",
        "wb.kr.owner": "Responsable",
        "wb.empty": "Aucun objectif. ctrl+n pour en rédiger un.",
        "wb.bind.save": "Version",
        "wb.bind.accept": "Accepter",
        "wb.bind.rewrite": "Réécriture",
        "wb.bind.final": "Finale",
        "wb.bind.new_objective": "Objectif",
        "wb.bind.new_kr": "Résultat clé",
        "wb.bind.add_proposal": "RC proposé",
        "wb.bind.next_finding": "Remarque suivante",
        "wb.bind.prev_finding": "Remarque précédente",
        "wb.bind.restore": "Restaurer",
        "wb.bind.history_final": "Version finale",
        "wb.saved": "Version {n} enregistrée",
        "wb.nochange": "Pas de changement depuis la version {n}",
        "wb.cut": (
            "Cette formulation fait {size} caractères : l’éditeur en montre les {max} premiers. "
            "Elle reste entière tant que vous n’enregistrez pas de nouvelle version (ctrl+s)."
        ),
        "wb.empty_draft": "Le brouillon est vide : rien à enregistrer.",
        "wb.no_finding": "Aucune remarque sélectionnée.",
        "wb.not_acceptable": "Cette remarque pose une question à la salle : {message}",
        "wb.no_rewrite": "Aucune réécriture à accepter.",
        "wb.restored": "Version {n} restaurée (nouvelle version {m})",
        "wb.marked_final": "Version {n} marquée finale",
        "wb.need_objective": "Enregistrez d’abord l’objectif avant d’y ajouter des résultats clés.",
        "wb.proposals": "Résultats clés proposés (ctrl+o ajoute celui en surbrillance)",
        "wb.no_proposal": (
            "Aucun résultat clé proposé\u00a0: écrivez l’objectif, le coach en propose après "
            "l’analyse complète."
        ),
        "wb.kind.outcome": "résultat",
        "wb.kind.leading": "indicateur avancé",
        "wb.kind.counter": "contre-mesure",
        "wb.proposal_added": "Résultat clé ajouté\u00a0: «\u00a0{text}\u00a0»",
        "note.saved": "enregistrée",
        "note.autosaved": "brouillon enregistré automatiquement",
        "note.accepted": "suggestion acceptée ({rule}) : « {old} » → « {new} »",
        "note.rewrite": "réécriture acceptée ({rules})",
        "note.restored": "restauration de la v{n}",
        "note.proposal": "proposé par le coach ({kind})\u00a0: {why}",
        "note.undone": "annulé\u00a0: {note}",
        "note.redone": "rétabli\u00a0: {note}",
        "wb.bind.undo": "Annuler",
        "wb.bind.redo": "Rétablir",
        "wb.undone": "Annulé\u00a0: {note}",
        "wb.redone": "Rétabli\u00a0: {note}",
        "wb.undone.proposal": "Résultat clé proposé retiré\u00a0: «\u00a0{text}\u00a0»",
        "wb.redone.proposal": "Résultat clé proposé remis\u00a0: «\u00a0{text}\u00a0»",
        "wb.undo.nothing": "Aucune modification acceptée à annuler sur cet élément.",
        "wb.redo.nothing": "Aucune modification annulée à rétablir sur cet élément.",
        "wb.undo.stale": (
            "La formulation a changé depuis la dernière modification acceptée\u00a0: "
            "restaurez une version depuis l’historique (r)."
        ),
        "wb.redo.stale": (
            "La formulation a changé depuis l’annulation\u00a0: restaurez une version depuis "
            "l’historique (r)."
        ),
        "cmd.workbench.undo": "atelier\u00a0: annuler la dernière modification acceptée",
        "cmd.workbench.redo": "atelier\u00a0: rétablir la modification annulée",
        # help
        "help.title": "Aide",
        "help.body": """\
## Déroulé d’un atelier

1. **Accueil** : `n` crée une séance à partir d’un modèle, `Entrée` reprend une séance.
2. **Préparation** (`F2`) : titre, participants, vision, objectifs stratégiques, glossaire.
3. **Agenda** (`F3`) : `Espace` démarre ou met en pause le minuteur, `n`/`p` étape suivante ou
   précédente, `+` accorde 5 minutes. Le script et les questions de l’étape s’affichent à droite.
4. **Atelier d’écriture** (`F4`) : tapez la proposition de la salle ; les scores de clarté,
   d’ambition et de mesurabilité se mettent à jour pendant la frappe.

## Atelier d’écriture

| Touche | Action |
|---|---|
| `ctrl+s` ou `Entrée` | enregistrer une nouvelle version |
| `ctrl+t` | accepter la première suggestion de la remarque sélectionnée |
| `ctrl+r` | accepter la réécriture proposée |
| `ctrl+↓` / `ctrl+↑` | remarque suivante / précédente |
| `ctrl+f` | marquer la version courante comme finale |
| `ctrl+n` | nouvel objectif |
| `ctrl+k` | nouveau résultat clé sous l’objectif sélectionné |
| `Tab` | passer aux remarques, à l’historique, aux objectifs |
| `r` / `f` (historique) | restaurer la version / la marquer finale |
| `ctrl+z` / `ctrl+y` | annuler / rétablir la dernière modification acceptée |

Chaque suggestion acceptée crée une version ; l’historique montre l’évolution du score et les
remarques résolues. Le coach conseille, il ne bloque jamais : la salle décide.
Dans l’éditeur, `ctrl+z` annule d’abord la frappe, puis la dernière suggestion, réécriture
ou résultat clé proposé accepté\u00a0; l’annulation devient elle aussi une version
(«\u00a0annulé\u00a0: …\u00a0»).

## Entraînement (exercices guidés)

`t` sur l’accueil : nom du stagiaire, groupe, puis un pack. `ctrl+s` ou `Entrée` valide la
réponse, `ctrl+g` révèle un indice, `ctrl+r` affiche la réponse modèle après quelques
tentatives, `ctrl+n` exercice suivant. `v` sur l’accueil ouvre la vue formateur (progression,
erreurs fréquentes) ; `ctrl+e` y exporte le rapport Word.

## Partout

`F1` aide · `ctrl+l` langue de l’interface · `ctrl+p` palette de commandes · `Échap` écran
précédent, puis accueil · `ctrl+q` quitter. La langue de la séance (celle du compte rendu) se
choisit dans la préparation (`F2`) ou la palette.
""",
        # command palette
        "cmd.session.new": "séance : nouvelle à partir d’un modèle",
        "cmd.session.home": "séance : retour à l’accueil",
        "cmd.session.setup": "séance : préparation (participants, vision, glossaire)",
        "cmd.session.agenda": "séance : agenda",
        "cmd.session.workbench": "séance : atelier d’écriture",
        "cmd.agenda.next": "agenda : étape suivante",
        "cmd.agenda.previous": "agenda : étape précédente",
        "cmd.agenda.pause": "agenda : pause / reprise du minuteur",
        "cmd.agenda.extend": "agenda : prolonger de 5 minutes",
        "cmd.workbench.save": "atelier : enregistrer une version",
        "cmd.workbench.accept": "atelier : accepter la suggestion sélectionnée",
        "cmd.workbench.rewrite": "atelier : accepter la réécriture",
        "cmd.workbench.final": "atelier : marquer la version finale",
        "cmd.workbench.new_objective": "atelier : nouvel objectif",
        "cmd.workbench.new_kr": "atelier : nouveau résultat clé",
        "cmd.workbench.add_proposal": "atelier\u00a0: ajouter le résultat clé proposé",
        "cmd.language": "interface\u00a0: passer en anglais (English)",
        "cmd.session.lang": "séance\u00a0: langue de la séance et du compte rendu → {lang}",
        "cmd.help": "aide : touches et déroulé",
        "cmd.export.docx": "export : compte rendu Word (.docx)",
        "cmd.export.md": "export : compte rendu Markdown (.md)",
        "cmd.export.json": "export : séance complète (JSON, réimportable)",
        "cmd.export.csv": "export : objectifs et résultats clés (CSV)",
        "export.title": "Exporter la séance",
        "export.path": "Fichier à écrire :",
        "export.write": "Écrire",
        "export.done": "Compte rendu écrit : {path}",
        "export.failed": "L’export n’a pas pu être écrit",
        "wrapup.bind.export": "Compte rendu",
    },
    "en": {
        "app.title": "facilitator — OKR workshops",
        "bind.help": "Help",
        "bind.language": "Français",
        "bind.quit": "Quit",
        "bind.home": "Home",
        "bind.back": "Back",
        "bind.setup": "Set-up",
        "bind.agenda": "Agenda",
        "bind.workbench": "Workbench",
        "bind.palette": "Commands",
        "lang.name": "English",
        "lang.name.fr": "French",
        "lang.name.en": "English",
        "lang.switched.session": (
            "Interface in English; the session and its minutes stay in {session} (set-up or "
            "the command palette to change)."
        ),
        "session.lang.set": "Session language: {lang} (drafts’ assessment, minutes)",
        "lang.switched": "Interface language: English",
        "paste.cut": "Pasted text cut: a field holds at most {max} characters ({size} pasted).",
        "engine.starting": "◌ engine: starting…",
        "engine.loading": "◐ model loading (quick analysis)",
        "engine.ready": "● full analysis",
        "engine.failed": "✕ quick analysis only",
        "engine.failed.title": "The language model could not be loaded",
        "engine.failed.body": (
            "The full analysis is not available: {error}\n\n"
            "The quick analysis (vocabulary, figures, deadlines) still works and nothing was lost."
        ),
        "error.title": "Something went wrong",
        "error.worker": "A background task failed: {error}\n\nNothing was lost.",
        "error.store.title": "Could not save",
        "error.store.body": (
            "{error}\n\nYour change stays on screen and will be saved with the next successful "
            "save. Nothing was lost."
        ),
        "error.load.title": "Could not open the session",
        "error.template.title": "Invalid workshop template",
        "dialog.ok": "OK",
        "dialog.yes": "Yes",
        "dialog.no": "No",
        "dialog.cancel": "Cancel",
        "file.exists.title": "Replace the file?",
        "file.exists.body": "The file {path} already exists. Replace it?",
        "home.title": "Sessions",
        "home.empty": "No session yet. Press “n” to create one from a workshop template.",
        "home.col.title": "Title",
        "home.col.kind": "Kind",
        "home.col.date": "Date",
        "home.col.org": "Organisation",
        "home.col.content": "Content",
        "home.col.updated": "Updated",
        "home.content": "{participants} people · {objectives} obj. · {key_results} KRs",
        "home.damaged": "⚠ damaged file",
        "home.damaged.body": "{problem}",
        "home.bind.open": "Open",
        "home.bind.new": "New session",
        "home.bind.duplicate": "Duplicate",
        "home.bind.delete": "Delete",
        "home.bind.language": "Français",
        "home.delete.title": "Delete the session?",
        "home.delete.body": (
            "“{title}” leaves the list; its last state is kept in the sessions' “deleted” folder."
        ),
        "home.deleted": "Session deleted: {title}",
        "home.duplicated": "Session duplicated: {title}",
        "home.datadir": "Sessions folder: {path}",
        "kind.framing": "framing",
        "kind.drafting": "drafting",
        "kind.review": "review",
        "kind.retrospective": "retrospective",
        "templates.title": "New session — choose a workshop template",
        "templates.line": "{title}  ·  {minutes} min  ·  {participants} people",
        "untitled": "(untitled)",
        "session.step": "Step {n}/{total}: {title}",
        "session.nostep": "No agenda",
        "setup.title": "Session set-up",
        "setup.meta": "The session",
        "setup.field.title": "Title",
        "setup.field.organisation": "Organisation",
        "setup.field.date": "Date",
        "setup.field.place": "Place",
        "setup.field.facilitator": "Facilitator",
        "setup.field.lang": "Session language (minutes)",
        "setup.participants": "Participants",
        "setup.col.name": "Name",
        "setup.col.role": "Role",
        "setup.col.team": "Team",
        "setup.col.present": "Present",
        "setup.add": "Add",
        "setup.update": "Update",
        "setup.name.placeholder": "Name (Enter to add)",
        "setup.role.placeholder": "Role",
        "setup.team.placeholder": "Team",
        "setup.vision": "Strategic vision",
        "setup.parents": "Parent objectives (strategy)",
        "setup.parent.placeholder": "Strategic objective (Enter to add)",
        "setup.glossary": "Glossary of accepted acronyms (not flagged by the coach)",
        "setup.glossary.placeholder": "ACRONYM = definition (Enter to add)",
        "setup.hint": (
            "Tab: next field · Enter: add, or edit the chosen row · Space: present/absent · "
            "Delete: remove row"
        ),
        "setup.yes": "yes",
        "setup.no": "no",
        "setup.remove.title": "Remove this row?",
        "setup.remove.body": "“{what}” will be removed from the session.",
        "setup.saved": "Saved",
        "agenda.title": "Agenda",
        "agenda.steps": "Steps",
        "agenda.planned": "planned",
        "agenda.actual": "actual",
        "agenda.remaining": "Time left",
        "agenda.overtime": "⏰ TIME UP — over by {time}",
        "agenda.timeup.notify": "Time is up for “{title}”",
        "agenda.paused": "⏸ paused",
        "agenda.running": "▶ running",
        "agenda.notstarted": "○ not started (Space to start)",
        "agenda.done": "✓ done",
        "agenda.extended": "+{minutes} min granted",
        "agenda.script": "Facilitator’s script",
        "agenda.prompts": "Questions to ask",
        "agenda.instruction": "Instruction to participants",
        "agenda.noscript": "This step has no script in the template.",
        "agenda.bind.next": "Next step",
        "agenda.bind.previous": "Previous step",
        "agenda.bind.pause": "Pause / resume",
        "agenda.bind.extend": "+5 min",
        "agenda.finished": "Last step done. Well done!",
        "agenda.empty": "This session has no agenda.",
        "wb.title": "Workbench",
        "wb.objectives": "Objectives",
        "wb.objective": "Objective {n}",
        "wb.key_result": "Key result {o}.{n}",
        "wb.new_objective": "New objective (not saved)",
        "wb.new_key_result": "New key result of objective {o} (not saved)",
        "wb.placeholder.objective": "Type the objective the room proposes…",
        "wb.placeholder.key_result": "Type the key result: from X to Y by …",
        "wb.version": "v{n}",
        "wb.final": "★ final version",
        "wb.unsaved": "● changed, not saved (ctrl+s)",
        "wb.score.clarity": "Clarity",
        "wb.score.ambition": "Ambition",
        "wb.score.measurability": "Measurability",
        "wb.score.overall": "Overall",
        "wb.tier.lexical": "quick analysis",
        "wb.tier.full": "full analysis",
        "wb.tier.reduced": "reduced analysis",
        "wb.tier.none": "waiting for the engine…",
        "wb.findings": "Coach’s findings",
        "wb.nofindings": "No findings: the wording holds up.",
        "wb.why": "Why",
        "wb.suggest": "Suggestions",
        "wb.ask": "Question for the room",
        "wb.remove": "(remove these words)",
        "wb.rewrite": "Proposed rewrite",
        "wb.rewrite.none": "No automatic rewrite for this draft.",
        "wb.rewrite.ask": "For the room to settle",
        "wb.history": "Version history",
        "wb.col.v": "v",
        "wb.col.overall": "Overall",
        "wb.col.delta": "Δ",
        "wb.col.scores": "C / A / M",
        "wb.col.resolved": "Resolved findings",
        "wb.col.text": "Text",
        "wb.col.note": "Origin",
        "wb.kr.fields": "Key-result fields (the room can correct them)",
        "wb.kr.baseline": "Baseline",
        "wb.kr.target": "Target",
        "wb.kr.unit": "Unit",
        "wb.kr.deadline": "Deadline",
        "wb.kr.owner": "Owner",
        "wb.empty": "No objective yet. ctrl+n to draft one.",
        "wb.bind.save": "Version",
        "wb.bind.accept": "Accept",
        "wb.bind.rewrite": "Rewrite",
        "wb.bind.final": "Final",
        "wb.bind.new_objective": "Objective",
        "wb.bind.new_kr": "Key result",
        "wb.bind.add_proposal": "Proposed KR",
        "wb.bind.next_finding": "Next finding",
        "wb.bind.prev_finding": "Previous finding",
        "wb.bind.restore": "Restore",
        "wb.bind.history_final": "Final version",
        "wb.saved": "Version {n} saved",
        "wb.nochange": "No change since version {n}",
        "wb.cut": (
            "This wording is {size} characters long: the editor shows its first {max}. It stays "
            "whole unless you save a new version (ctrl+s)."
        ),
        "wb.empty_draft": "The draft is empty: nothing to save.",
        "wb.no_finding": "No finding selected.",
        "wb.not_acceptable": "This finding asks the room a question: {message}",
        "wb.no_rewrite": "No rewrite to accept.",
        "wb.restored": "Version {n} restored (new version {m})",
        "wb.marked_final": "Version {n} marked final",
        "wb.need_objective": "Save the objective before adding key results to it.",
        "wb.proposals": "Proposed key results (ctrl+o adds the highlighted one)",
        "wb.no_proposal": (
            "No proposed key result: write the objective, the coach proposes some after the "
            "full analysis."
        ),
        "wb.kind.outcome": "outcome",
        "wb.kind.leading": "leading indicator",
        "wb.kind.counter": "counter-measure",
        "wb.proposal_added": "Key result added: “{text}”",
        "note.saved": "saved",
        "note.autosaved": "draft saved automatically",
        "note.accepted": "accepted suggestion ({rule}): “{old}” → “{new}”",
        "note.rewrite": "accepted rewrite ({rules})",
        "note.restored": "restored v{n}",
        "note.proposal": "proposed by the coach ({kind}): {why}",
        "note.undone": "undone: {note}",
        "note.redone": "redone: {note}",
        "wb.bind.undo": "Undo",
        "wb.bind.redo": "Redo",
        "wb.undone": "Undone: {note}",
        "wb.redone": "Redone: {note}",
        "wb.undone.proposal": "Proposed key result taken out: “{text}”",
        "wb.redone.proposal": "Proposed key result put back: “{text}”",
        "wb.undo.nothing": "No accepted change to undo on this item.",
        "wb.redo.nothing": "No undone change to redo on this item.",
        "wb.undo.stale": (
            "The wording has changed since the last accepted change: restore a version from "
            "the history (r)."
        ),
        "wb.redo.stale": (
            "The wording has changed since the undo: restore a version from the history (r)."
        ),
        "cmd.workbench.undo": "workbench: undo the last accepted change",
        "cmd.workbench.redo": "workbench: redo the undone change",
        "help.title": "Help",
        "help.body": """\
## Running a workshop

1. **Home**: `n` creates a session from a template, `Enter` resumes a session.
2. **Set-up** (`F2`): title, participants, vision, strategic objectives, glossary.
3. **Agenda** (`F3`): `Space` starts or pauses the timer, `n`/`p` next or previous step, `+`
   grants 5 more minutes. The step's script and questions show on the right.
4. **Workbench** (`F4`): type what the room proposes; clarity, ambition and measurability
   scores update as you type.

## Workbench

| Key | Action |
|---|---|
| `ctrl+s` or `Enter` | save a new version |
| `ctrl+t` | accept the selected finding's first suggestion |
| `ctrl+r` | accept the proposed rewrite |
| `ctrl+↓` / `ctrl+↑` | next / previous finding |
| `ctrl+f` | mark the current version final |
| `ctrl+n` | new objective |
| `ctrl+k` | new key result under the selected objective |
| `Tab` | move to the findings, the history, the objectives |
| `r` / `f` (history) | restore the version / mark it final |
| `ctrl+z` / `ctrl+y` | undo / redo the last accepted change |

Every accepted suggestion creates a version; the history shows the score change and the
findings resolved. The coach advises, it never blocks: the room decides.
In the editor, `ctrl+z` first undoes the typing, then the last accepted suggestion, rewrite or
proposed key result; the undo is a version too ("undone: …").

## Practice (guided exercises)

`t` on the home screen: the trainee's name, the group, then a pack. `ctrl+s` or `Enter` submits
the answer, `ctrl+g` reveals a hint, `ctrl+r` shows the model answer after a few attempts,
`ctrl+n` next exercise. `v` on the home screen opens the trainer view (progress, common
mistakes); `ctrl+e` there exports the Word report.

## Everywhere

`F1` help · `ctrl+l` interface language · `ctrl+p` command palette · `Esc` previous screen,
then home · `ctrl+q` quit. The session's language (its minutes') is chosen in the set-up (`F2`)
or the palette.
""",
        "cmd.session.new": "session: new from a template",
        "cmd.session.home": "session: back to home",
        "cmd.session.setup": "session: set-up (participants, vision, glossary)",
        "cmd.session.agenda": "session: agenda",
        "cmd.session.workbench": "session: workbench",
        "cmd.agenda.next": "agenda: next step",
        "cmd.agenda.previous": "agenda: previous step",
        "cmd.agenda.pause": "agenda: pause / resume the timer",
        "cmd.agenda.extend": "agenda: extend by 5 minutes",
        "cmd.workbench.save": "workbench: save a version",
        "cmd.workbench.accept": "workbench: accept the selected suggestion",
        "cmd.workbench.rewrite": "workbench: accept rewrite",
        "cmd.workbench.final": "workbench: mark the version final",
        "cmd.workbench.new_objective": "workbench: new objective",
        "cmd.workbench.new_kr": "workbench: new key result",
        "cmd.workbench.add_proposal": "workbench: add the proposed key result",
        "cmd.language": "interface: switch to French (français)",
        "cmd.session.lang": "session: language of the session and its minutes → {lang}",
        "cmd.help": "help: keys and workflow",
        "cmd.export.docx": "export: Word minutes (.docx)",
        "cmd.export.md": "export: Markdown minutes (.md)",
        "cmd.export.json": "export: the whole session (JSON, re-importable)",
        "cmd.export.csv": "export: objectives and key results (CSV)",
        "export.title": "Export the session",
        "export.path": "File to write:",
        "export.write": "Write",
        "export.done": "Minutes written: {path}",
        "export.failed": "The export could not be written",
        "wrapup.bind.export": "Minutes",
    },
}

merge_into(MESSAGES)  # the room's mechanics (i18n_room.py)


def t(lang: str, key: str, /, **values: object) -> str:
    """The message `key` in `lang`, formatted with `values` (in French, "de {name}" elides
    before a vowel: "d’Amina")."""
    from facilitator.typography import format_message

    table = MESSAGES.get(lang) or MESSAGES["fr"]
    text = table.get(key) or MESSAGES["fr"].get(key) or key
    if values:
        try:
            return format_message(text, lang if lang in MESSAGES else "fr", values)
        except (KeyError, IndexError, ValueError):
            return text
    return text


def other(lang: str) -> str:
    """The other language (the language switch key toggles between the two)."""
    return "en" if lang == "fr" else "fr"


def _merge(extra: dict[str, dict[str, str]]) -> None:
    for lang, table in extra.items():
        MESSAGES.setdefault(lang, {}).update(table)


# The trainer mode keeps its texts in their own module.
from facilitator.tui.training_texts import TRAINING_MESSAGES  # noqa: E402

_merge(TRAINING_MESSAGES)
