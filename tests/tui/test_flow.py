"""The whole job, driven from the keyboard as a facilitator would, then a restart."""

from __future__ import annotations

from facilitator.tui.screens.agenda import AgendaScreen
from facilitator.tui.screens.home import HomeScreen
from facilitator.tui.screens.setup import SetupScreen
from facilitator.tui.screens.template_picker import TemplatePicker
from facilitator.tui.screens.workbench import WorkbenchScreen
from facilitator.tui.widgets.history import HistoryTable
from tests.tui.conftest import SIZE, settle, type_text

OBJECTIVE = "Essayer de renforcer la satisfaction client"
KEY_RESULT = "Faire passer le NPS de 32 à 45 d'ici fin 2026"


async def test_a_workshop_from_template_to_key_results_survives_a_restart(make_app, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)

        # A new session from the CODIR framing template.
        await pilot.press("n")
        assert isinstance(app.screen, TemplatePicker)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SetupScreen)
        session_id = app.session.id
        assert app.session.template == "codir-framing"
        assert len(app.session.agenda) >= 8

        # Set-up: title, organisation, two participants, an acronym.
        await pilot.press("end", "ctrl+u")
        await type_text(pilot, "Cadrage 2026")
        await pilot.press("tab")
        await type_text(pilot, "Laboratoires Exemple")
        await pilot.click("#new-name")
        await type_text(pilot, "Anne Martin")
        await pilot.press("tab")
        await type_text(pilot, "DG")
        await pilot.press("tab")
        await type_text(pilot, "Direction")
        await pilot.press("enter")
        await type_text(pilot, "Paul Durand")
        await pilot.press("enter")
        app.screen.query_one("#new-term").focus()
        await type_text(pilot, "NPS = Net Promoter Score")
        await pilot.press("enter")
        await settle(pilot)
        assert [p.name for p in app.session.participants] == ["Anne Martin", "Paul Durand"]
        assert app.session.participants[0].role == "DG"
        assert app.session.title == "Cadrage 2026"
        assert app.session.organisation == "Laboratoires Exemple"
        assert app.session.glossary == {"NPS": "Net Promoter Score"}

        # The agenda: start the timer, run over, extend, move on.
        await pilot.press("f3")
        await settle(pilot)
        assert isinstance(app.screen, AgendaScreen)
        await pilot.press("space")
        first = app.session.agenda[0]
        assert first.running
        clock.advance(first.planned_minutes * 60 + 30)
        app.screen.tick()
        await pilot.pause()
        banner = app.screen.query_one("#time-up")
        assert banner.display and "TEMPS ÉCOULÉ" in str(banner.content)
        await pilot.press("plus")
        await pilot.pause()
        assert app.session.agenda[0].extra_minutes == 5
        assert not app.screen.query_one("#time-up").display
        await pilot.press("n")
        await pilot.pause()
        assert app.session.current_step == 1
        assert app.session.agenda[0].status == "done"
        assert app.session.agenda[1].running

        # The workbench: draft, see the findings, accept suggestions.
        await pilot.press("f4")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, WorkbenchScreen)
        await type_text(pilot, OBJECTIVE)
        await settle(pilot, 0.35)
        assert screen.shown.text == OBJECTIVE and screen.shown.tier == "full"
        assert [f.rule for f in screen.shown.findings] == ["hedge", "vague-verb"]
        await pilot.press("ctrl+t")  # the hedge: remove "Essayer de"
        await settle(pilot)
        objective = app.session.objectives[0]
        v1, v2 = objective.versions
        assert v1.text == OBJECTIVE
        assert v2.text == "Renforcer la satisfaction client"
        assert v2.scores["overall"] > v1.scores["overall"]
        assert objective.resolved(2) == ["hedge"]
        await settle(pilot, 0.35)
        await pilot.press("ctrl+t")  # the vague verb: "renforcer" → "augmenter"
        await settle(pilot)
        objective = app.session.objectives[0]
        assert objective.latest.text == "Augmenter la satisfaction client"
        assert objective.latest.scores["overall"] == 100
        history = screen.query_one("#history", HistoryTable)
        assert history.row_count == 3

        # A key result under it, fields prefilled by the engine, owner typed by the room.
        await pilot.press("ctrl+k")
        await type_text(pilot, KEY_RESULT)
        await settle(pilot, 0.35)
        assert screen.query_one("#kr-baseline").value == "32"
        assert screen.query_one("#kr-target").value == "45"
        assert screen.query_one("#kr-deadline").value == "fin 2026"
        await pilot.click("#kr-owner")
        await type_text(pilot, "Anne Martin")
        await pilot.click("#editor")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("ctrl+f")
        await settle(pilot)
        kr = app.session.objectives[0].key_results[0]
        assert kr.text == KEY_RESULT
        assert (kr.baseline, kr.target, kr.deadline) == ("32", "45", "fin 2026")
        assert kr.owner == app.session.participants[0].id
        assert kr.final_version == 1
        await pilot.press("ctrl+q")

    # A new process on the same data folder finds everything.
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert [s.id for s in home.summaries] == [session_id]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, AgendaScreen)
        session = app.session
        assert session.title == "Cadrage 2026"
        assert [p.name for p in session.participants] == ["Anne Martin", "Paul Durand"]
        assert session.current_step == 1 and session.agenda[0].extra_minutes == 5
        assert [v.n for v in session.objectives[0].versions] == [1, 2, 3]
        await pilot.press("f4")
        await settle(pilot)
        screen = app.screen
        assert screen.editor.text == "Augmenter la satisfaction client"
        assert screen.query_one("#history", HistoryTable).row_count == 3
        labels = [str(n.label) for n in screen.query_one("#items").root.children]
        assert labels[0].startswith("O1") and "Augmenter" in labels[0]
        kr_labels = [str(n.label) for n in screen.query_one("#items").root.children[0].children]
        assert kr_labels[0].startswith("KR1.1 ★")
