"""The training screens' texts, in French and English (merged into `i18n.MESSAGES`).

Kept apart from i18n.py so the trainer mode can grow without touching the workshop screens'
table; the i18n test still checks that both languages have the same keys.
"""

from __future__ import annotations

TRAINING_MESSAGES: dict[str, dict[str, str]] = {
    "fr": {
        # home and palette
        "home.bind.train": "S’entraîner",
        "home.bind.trainer": "Vue formateur",
        "cmd.training.start": "formation : s’entraîner (exercices guidés)",
        "cmd.training.trainer": "formation : vue formateur (progression du groupe)",
        "cmd.training.submit": "formation : valider ma réponse",
        "cmd.training.hint": "formation : indice suivant",
        "cmd.training.reveal": "formation : afficher la réponse modèle",
        "cmd.training.next": "formation : exercice suivant",
        "cmd.training.export": "formation : exporter le rapport Word",
        "cmd.training.refresh": "formation : relire la progression",
        # start screen
        "tr.start.title": "Entraînement à l’écriture d’OKR",
        "tr.start.intro": (
            "Des exercices guidés, corrigés en direct par le coach : saisissez votre nom (et "
            "celui du groupe si le formateur l’a donné), puis choisissez un pack. Votre "
            "progression est enregistrée à chaque réponse."
        ),
        "tr.start.name": "Votre nom",
        "tr.start.group": "Groupe (facultatif)",
        "tr.start.packs": "Packs d’exercices",
        "tr.start.pack": "{flag} {title} — {count} exercices · niveau {level}",
        "tr.start.need_name": (
            "Saisissez d’abord votre nom : la progression est enregistrée à ce nom."
        ),
        "tr.start.no_pack": "Aucun pack d’exercices trouvé.",
        "tr.start.problems": "Packs ignorés (erreurs)\u00a0:",
        "tr.start.folders": (
            "Vos propres packs\u00a0: déposez leurs fichiers .toml dans {folders} "
            "(facilitator exercises check vérifie un pack)."
        ),
        "tr.start.progress": "{done}/{count} réussis",
        "tr.bind.start": "Commencer",
        "tr.bind.back": "Retour",
        "tr.bind.trainer": "Vue formateur",
        # exercise screen
        "tr.bind.submit": "Valider",
        "tr.bind.hint": "Indice",
        "tr.bind.reveal": "Réponse modèle",
        "tr.bind.next": "Suivant",
        "tr.bind.previous": "Précédent",
        "tr.trainee": "{name}",
        "tr.trainee_group": "{name} · {group}",
        "tr.exercise": "Exercice {n}/{total} · {title}",
        "tr.meta": "{skill} · {kind} · niveau {level}",
        "tr.kind.objective": "objectif",
        "tr.kind.key_result": "résultat clé",
        "tr.state": "{attempts} tentative(s) · {hints}/{total_hints} indice(s)",
        "tr.state.done": "✓ réussi en {n} tentative(s)",
        "tr.draft": "Brouillon : « {draft} »",
        "tr.placeholder": "Réécrivez le brouillon ici…",
        "tr.placeholder.item": "Élément {n} sur {total}…",
        "tr.items": "Une réponse par ligne ({n} au total) : Entrée passe à la ligne suivante.",
        "tr.criteria": "Critères de réussite",
        "tr.criteria.items": "{n} lignes distinctes",
        "tr.criteria.hidden": (
            "Répondez d’abord\u00a0: le coach vous montrera ensuite ce qu’il voit."
        ),
        "tr.criteria.hidden.list": (
            "Trouvez d’abord le problème vous-même\u00a0: les critères s’affichent après votre "
            "première réponse."
        ),
        "tr.coach.hidden.choice": (
            "Choisissez d’abord votre réponse\u00a0: le coach montrera ensuite ce qu’il voit "
            "dans le brouillon."
        ),
        "tr.analysing": "Analyse…",
        "tr.findings.write": "Écrivez votre réponse\u00a0: le coach réagit pendant que vous tapez.",
        "tr.findings.none_ok": (
            "Aucune remarque\u00a0: la formulation tient la route et tous les critères sont "
            "remplis."
        ),
        "tr.findings.none_but": (
            "Pas de remarque sur la formulation, mais des critères ne sont pas remplis\u00a0: "
            "{criteria}."
        ),
        "tr.findings.none_draft": "Le coach ne relève rien dans ce brouillon.",
        "tr.findings": "Ce que dit le coach",
        "tr.findings.draft": "Ce que le coach voit dans le brouillon",
        "tr.hints": "Indices",
        "tr.hint.none": "ctrl+g : un indice, si vous en avez besoin.",
        "tr.hint.n": "Indice {n} : {text}",
        "tr.hint.last": "Plus d’indice pour cet exercice.",
        "tr.result.pass": "✓ Réussi ! Tous les critères sont remplis.",
        "tr.result.fail": (
            "Pas encore : {met} critère(s) rempli(s) sur {total}. Relisez les critères non cochés."
        ),
        "tr.result.choice.right": "✓ Bonne réponse.",
        "tr.result.choice.wrong": "✗ Ce n’est pas ça.",
        "tr.result.reveal_ready": "Après {n} tentatives, ctrl+r affiche la réponse modèle.",
        "tr.answer": "Réponse modèle (une parmi d’autres)",
        "tr.answer.why": "Pourquoi",
        "tr.reveal.later": "La réponse modèle s’affiche après {n} tentative(s) (encore {left}).",
        "tr.same_answer": "Cette réponse a déjà été soumise : modifiez-la avant de valider.",
        "tr.empty_answer": "Écrivez une réponse avant de valider.",
        "tr.engine_starting": "Le coach démarre : réessayez dans un instant.",
        "tr.saved_error": "Progression non enregistrée",
        "tr.all_done": "Vous avez réussi tous les exercices de ce pack. Bravo !",
        "tr.passed.notify": "Bravo, exercice réussi !",
        "tr.choose": "Choisissez une réponse (↑ ↓ puis Entrée).",
        # trainer view
        "tr.trainer.title": "Vue formateur",
        "tr.trainer.groups": "Groupes",
        "tr.trainer.all": "Tous les groupes",
        "tr.trainer.group_line": "{group} ({n})",
        "tr.trainer.nogroup": "(sans groupe)",
        "tr.trainer.summary": (
            "{trainees} stagiaire(s) · {done} réussi(s) (+{after} après la réponse) sur {opened} "
            "commencé(s) · {attempts} tentative(s) · {hints} indice(s) · {revealed} réponse(s) "
            "affichée(s)"
        ),
        "tr.trainer.trainees": "Par stagiaire",
        "tr.trainer.mistakes": (
            "Erreurs fréquentes (règles qui se déclenchent le plus dans les tentatives)"
        ),
        "tr.trainer.exercises": "Par exercice",
        "tr.trainer.empty": (
            "Aucun stagiaire pour l’instant : lancez « s’entraîner » (t) sur l’accueil."
        ),
        "tr.col.trainee": "Stagiaire",
        "tr.col.group": "Groupe",
        "tr.col.opened": "Commencés",
        "tr.col.done": "Réussis",
        "tr.col.attempts": "Tentatives",
        "tr.col.hints": "Indices",
        "tr.col.revealed": "Réponses vues",
        "tr.col.score": "Score moyen",
        "tr.col.after": "Après réponse",
        "tr.col.status": "Statut",
        "tr.col.last": "Dernière réponse",
        "tr.status.done": "réussi",
        "tr.status.done_after_reveal": "réussi après la réponse",
        "tr.status.revealed": "réponse affichée",
        "tr.status.open": "en cours",
        "tr.trainer.detail": "Réponses de {name} (↑ ↓ dans le tableau pour changer de stagiaire)",
        "tr.trainer.choice": "choix\u00a0: {text}",
        "tr.trainer.done_note": (
            "Réussis\u00a0: sans avoir vu la réponse modèle. Après réponse\u00a0: réussis "
            "seulement après l’avoir affichée."
        ),
        "tr.trainer.score_note": (
            "Score moyen\u00a0: le score global du coach (0 à 100) de la dernière réponse à "
            "chaque exercice de réécriture commencé, réussie ou non, en moyenne. Les exercices "
            "à choix n’y entrent pas."
        ),
        "tr.col.rule": "Remarque du coach",
        "tr.col.trainees": "Stagiaires",
        "tr.col.failed": "Échouées",
        "tr.col.exercise": "Exercice",
        "tr.col.mean": "Tent. moy.",
        "tr.bind.export": "Rapport Word",
        "tr.bind.refresh": "Relire",
        "tr.report.title": "Exporter le rapport d’entraînement (Word)",
        "tr.report.path": "Fichier à écrire :",
        "tr.report.write": "Écrire",
        "tr.report.done": "Rapport écrit : {path}",
        "tr.report.failed": "Le rapport n’a pas pu être écrit",
        "tr.store.problems": "Fichiers de progression illisibles",
    },
    "en": {
        "home.bind.train": "Practise",
        "home.bind.trainer": "Trainer view",
        "cmd.training.start": "training: practise (guided exercises)",
        "cmd.training.trainer": "training: trainer view (group progress)",
        "cmd.training.submit": "training: submit my answer",
        "cmd.training.hint": "training: next hint",
        "cmd.training.reveal": "training: show the model answer",
        "cmd.training.next": "training: next exercise",
        "cmd.training.export": "training: export the Word report",
        "cmd.training.refresh": "training: reload the progress",
        "tr.start.title": "OKR writing practice",
        "tr.start.intro": (
            "Guided exercises, graded live by the coach: type your name (and the group’s, if "
            "the trainer gave one), then pick a pack. Your progress is saved with every answer."
        ),
        "tr.start.name": "Your name",
        "tr.start.group": "Group (optional)",
        "tr.start.packs": "Exercise packs",
        "tr.start.pack": "{flag} {title} — {count} exercises · level {level}",
        "tr.start.need_name": "Type your name first: your progress is saved under it.",
        "tr.start.no_pack": "No exercise pack found.",
        "tr.start.problems": "Packs skipped (errors):",
        "tr.start.folders": (
            "Your own packs: put their .toml files in {folders} (facilitator exercises check "
            "checks a pack)."
        ),
        "tr.start.progress": "{done}/{count} passed",
        "tr.bind.start": "Start",
        "tr.bind.back": "Back",
        "tr.bind.trainer": "Trainer view",
        "tr.bind.submit": "Submit",
        "tr.bind.hint": "Hint",
        "tr.bind.reveal": "Model answer",
        "tr.bind.next": "Next",
        "tr.bind.previous": "Previous",
        "tr.trainee": "{name}",
        "tr.trainee_group": "{name} · {group}",
        "tr.exercise": "Exercise {n}/{total} · {title}",
        "tr.meta": "{skill} · {kind} · level {level}",
        "tr.kind.objective": "objective",
        "tr.kind.key_result": "key result",
        "tr.state": "{attempts} attempt(s) · {hints}/{total_hints} hint(s)",
        "tr.state.done": "✓ passed in {n} attempt(s)",
        "tr.draft": "Draft: “{draft}”",
        "tr.placeholder": "Rewrite the draft here…",
        "tr.placeholder.item": "Item {n} of {total}…",
        "tr.items": "One answer per line ({n} in all): Enter moves to the next line.",
        "tr.criteria": "Success criteria",
        "tr.criteria.items": "{n} distinct lines",
        "tr.criteria.hidden": "Answer first: the coach will then show you what it sees.",
        "tr.criteria.hidden.list": (
            "Find the problem yourself first: the criteria show after your first answer."
        ),
        "tr.coach.hidden.choice": (
            "Pick your answer first: the coach will then show what it sees in the draft."
        ),
        "tr.analysing": "Analysing…",
        "tr.findings.write": "Write your answer: the coach reacts as you type.",
        "tr.findings.none_ok": "No remark: the wording holds up and every criterion is met.",
        "tr.findings.none_but": (
            "No remark on the wording, but some criteria are not met: {criteria}."
        ),
        "tr.findings.none_draft": "The coach finds nothing to flag in this draft.",
        "tr.findings": "What the coach says",
        "tr.findings.draft": "What the coach sees in the draft",
        "tr.hints": "Hints",
        "tr.hint.none": "ctrl+g: a hint, if you need one.",
        "tr.hint.n": "Hint {n}: {text}",
        "tr.hint.last": "No more hints for this exercise.",
        "tr.result.pass": "✓ Passed! Every criterion is met.",
        "tr.result.fail": "Not yet: {met} of {total} criteria met. Look at the unticked ones.",
        "tr.result.choice.right": "✓ Right answer.",
        "tr.result.choice.wrong": "✗ Not quite.",
        "tr.result.reveal_ready": "After {n} attempts, ctrl+r shows the model answer.",
        "tr.answer": "Model answer (one among others)",
        "tr.answer.why": "Why",
        "tr.reveal.later": "The model answer shows after {n} attempt(s) ({left} to go).",
        "tr.same_answer": "This answer was already submitted: change it before submitting.",
        "tr.empty_answer": "Write an answer before submitting.",
        "tr.engine_starting": "The coach is starting: try again in a moment.",
        "tr.saved_error": "Progress not saved",
        "tr.all_done": "You passed every exercise of this pack. Well done!",
        "tr.passed.notify": "Well done, exercise passed!",
        "tr.choose": "Pick an answer (↑ ↓ then Enter).",
        "tr.trainer.title": "Trainer view",
        "tr.trainer.groups": "Groups",
        "tr.trainer.all": "All groups",
        "tr.trainer.group_line": "{group} ({n})",
        "tr.trainer.nogroup": "(no group)",
        "tr.trainer.summary": (
            "{trainees} trainee(s) · {done} passed (+{after} after reveal) out of {opened} "
            "started · {attempts} attempt(s) · {hints} hint(s) · {revealed} answer(s) shown"
        ),
        "tr.trainer.trainees": "By trainee",
        "tr.trainer.mistakes": "Common mistakes (rules that fire most in the attempts)",
        "tr.trainer.exercises": "By exercise",
        "tr.trainer.empty": "No trainee yet: start “practise” (t) on the home screen.",
        "tr.col.trainee": "Trainee",
        "tr.col.group": "Group",
        "tr.col.opened": "Started",
        "tr.col.done": "Passed",
        "tr.col.attempts": "Attempts",
        "tr.col.hints": "Hints",
        "tr.col.revealed": "Answers seen",
        "tr.col.score": "Mean score",
        "tr.col.after": "After reveal",
        "tr.col.status": "Status",
        "tr.col.last": "Last answer",
        "tr.status.done": "passed",
        "tr.status.done_after_reveal": "passed after reveal",
        "tr.status.revealed": "answer shown",
        "tr.status.open": "in progress",
        "tr.trainer.detail": "{name}’s answers (↑ ↓ in the table to pick another trainee)",
        "tr.trainer.choice": "choice: {text}",
        "tr.trainer.done_note": (
            "Passed: without seeing the model answer. After reveal: passed only once it was shown."
        ),
        "tr.trainer.score_note": (
            "Mean score: the coach’s overall score (0 to 100) of the last answer to each "
            "rewrite exercise started, passed or not, averaged. Choice exercises are left out."
        ),
        "tr.col.rule": "Coach finding",
        "tr.col.trainees": "Trainees",
        "tr.col.failed": "Failed",
        "tr.col.exercise": "Exercise",
        "tr.col.mean": "Mean att.",
        "tr.bind.export": "Word report",
        "tr.bind.refresh": "Reload",
        "tr.report.title": "Export the training report (Word)",
        "tr.report.path": "File to write:",
        "tr.report.write": "Write",
        "tr.report.done": "Report written: {path}",
        "tr.report.failed": "The report could not be written",
        "tr.store.problems": "Unreadable progress files",
    },
}
