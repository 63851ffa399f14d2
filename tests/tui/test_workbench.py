"""The objective workbench: live scores off the UI thread, suggestions, versions, key results."""

from __future__ import annotations

import threading

from textual import events

from facilitator.session import Session
from facilitator.tui.live_assessment import Assessed, Draft
from facilitator.tui.screens.workbench import WorkbenchScreen
from facilitator.tui.widgets.history import HistoryTable
from facilitator.tui.workbench.target import Target
from tests.tui.conftest import SIZE, settle, type_text
from tests.tui.fake_engine import FakeEngine


def _session(store, **kwargs) -> Session:
    session = Session(id="s1", title="Atelier", lang="fr", **kwargs)
    return store.create(session)


async def _open_workbench(app, pilot, session_id="s1", wait=True) -> WorkbenchScreen:
    if wait:
        await settle(pilot)
    else:
        await pilot.pause(0.1)
    app.open_session(session_id, "workbench")
    if wait:
        await settle(pilot)
    else:
        await pilot.pause()
    assert isinstance(app.screen, WorkbenchScreen)
    return app.screen


async def test_lexical_feedback_while_the_model_loads_then_the_full_pass(make_app, store):
    _session(store)
    gate = threading.Event()
    engine = FakeEngine(ready=False, gate=gate)
    app = make_app(engine=engine)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_workbench(app, pilot, wait=False)
        assert app.engine_status("fr") == "loading"
        assert "chargement" in str(screen.query_one("#bar-engine").content)
        await type_text(pilot, "Améliorer la qualité")
        await pilot.pause(0.4)
        assert screen.shown is not None and screen.shown.tier == "lexical"
        assert screen.shown.text == "Améliorer la qualité"
        assert [f.rule for f in screen.shown.findings] == ["vague-verb"]
        # Once the model is in, the draft on screen gets its full pass without a keystroke.
        gate.set()
        await settle(pilot, 0.6)
        await settle(pilot, 0.35)
        assert app.engine_status("fr") == "ready"
        assert "analyse complète" in str(screen.query_one("#bar-engine").content)
        assert screen.shown.tier == "full"
        # Scoring ran in worker threads, never on the UI thread.
        assert engine.threads and threading.main_thread().ident not in engine.threads
        await type_text(pilot, " des soins")
        await settle(pilot, 0.35)
        assert screen.shown.tier == "full" and screen.shown.text.endswith("des soins")
        # Keystroke-to-feedback times are measured: the full pass comes after the pause.
        assert screen.latencies["lexical"] and screen.latencies["full"]
        assert min(screen.latencies["full"]) >= 300


async def test_a_stale_result_never_overwrites_the_text_on_screen(make_app, store):
    _session(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_workbench(app, pilot)
        await type_text(pilot, "Réduire les retards")
        await settle(pilot, 0.35)
        shown = screen.shown

        def late(text: str, tier: str) -> Assessed:
            a = app.engine.assess(text, lang="fr", tier=tier)
            return Assessed(Draft(text, "objective", lambda _: a, lambda: "fr"), a)

        screen.live.receive(late("Réduire", "full"))
        await pilot.pause()
        assert screen.shown is shown
        screen.live.receive(late("Réduire les retards", "lexical"))
        await pilot.pause()
        assert screen.shown.tier == "full"  # a late lexical result does not replace the full one


async def test_rewrite_restore_and_final_from_the_keyboard(make_app, store):
    _session(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_workbench(app, pilot)
        await type_text(pilot, "Essayer de réduire les délais de paiement")
        await settle(pilot, 0.35)
        assert screen.shown.rewrite is not None
        await pilot.press("ctrl+r")
        await settle(pilot)
        objective = app.session.objectives[0]
        assert [v.text for v in objective.versions] == [
            "Essayer de réduire les délais de paiement",
            "Réduire les délais de paiement",
        ]
        assert objective.latest.note == "réécriture acceptée (formulation hésitante)"
        assert objective.resolved(2) == ["hedge"]
        history = screen.query_one("#history", HistoryTable)
        assert history.row_count == 2
        # Restore v1 from the history (rows are newest first), then mark v2 final.
        history.focus()
        await pilot.press("down", "r")
        await settle(pilot)
        objective = app.session.objectives[0]
        assert objective.latest.n == 3 and objective.latest.text == objective.version(1).text
        assert screen.editor.text == objective.version(1).text
        history.focus()
        await pilot.press("down", "f")
        await settle(pilot)
        assert app.session.objectives[0].final_version == 2
        assert "★" in str(screen.query_one("#item-title").content)


async def test_enter_saves_and_an_unchanged_draft_is_not_saved_twice(make_app, store):
    _session(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_workbench(app, pilot)
        await type_text(pilot, "Réduire les retards de livraison")
        await settle(pilot, 0.35)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert len(app.session.objectives) == 1
        assert [v.n for v in app.session.objectives[0].versions] == [1]
        assert "\n" not in screen.editor.text


async def test_pasted_no_break_spaces_and_line_breaks_are_normalised(make_app, store):
    _session(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_workbench(app, pilot)
        app.post_message(events.Paste("Réduire de 30\u202f% les retards\nd’ici\u00a0juin"))
        await settle(pilot, 0.35)
        assert screen.editor.text == "Réduire de 30 % les retards d’ici juin"
        assert screen.shown.text == "Réduire de 30 % les retards d’ici juin"


async def test_key_result_fields_follow_the_draft_unless_the_room_corrects_them(make_app, store):
    session = Session(id="s1", title="Atelier", lang="fr")
    session.add_participant("Anne Martin")
    session.add_objective("Réduire les retards de livraison", {"overall": 90.0}, id="o1")
    store.create(session)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_workbench(app, pilot)
        await pilot.press("ctrl+k")
        await type_text(pilot, "Faire passer le taux de retard de 12 % à 5 %")
        await settle(pilot, 0.35)
        assert screen.query_one("#kr-baseline").value == "12 %"
        assert screen.query_one("#kr-target").value == "5 %"
        # The room corrects the baseline by hand; the target keeps following the draft.
        await pilot.click("#kr-baseline")
        await pilot.press("end", "ctrl+u")
        await type_text(pilot, "11,5 %")
        await pilot.click("#kr-owner")
        await type_text(pilot, "anne martin")
        await pilot.click("#editor")
        await pilot.press("end", "backspace", "backspace", "backspace")
        await type_text(pilot, "4 %")
        await settle(pilot, 0.35)
        assert screen.query_one("#kr-target").value == "4 %"
        assert screen.query_one("#kr-baseline").value == "11,5 %"
        await pilot.press("ctrl+s")
        await settle(pilot)
        kr = app.session.objective("o1").key_results[0]
        assert (kr.baseline, kr.target) == ("11,5 %", "4 %")
        assert kr.owner == app.session.participants[0].id  # a participant, kept by id
        assert "baseline" in kr.extra["edited_fields"]
        # Correcting a field of a saved key result saves it at once (Enter).
        await pilot.click("#kr-deadline")
        await type_text(pilot, "fin 2026")
        await pilot.press("enter")
        await settle(pilot)
        assert app.session.objective("o1").key_results[0].deadline == "fin 2026"
        assert len(app.session.objective("o1").key_results[0].versions) == 1


async def test_ctrl_k_adds_a_key_result_from_a_key_result_field_too(make_app, store):
    session = Session(id="s1", title="Atelier", lang="fr")
    session.add_objective("Réduire les retards de livraison", {"overall": 90.0}, id="o1")
    store.create(session)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_workbench(app, pilot)
        await pilot.press("ctrl+k")
        await type_text(pilot, "Faire passer le taux de retard de 12 % à 5 %")
        await settle(pilot, 0.35)
        await pilot.click("#kr-deadline")
        await type_text(pilot, "fin 2026")
        await pilot.press("home", "ctrl+k")  # in a field, ctrl+k is not "delete to the end"
        await settle(pilot)
        assert screen.target == Target("key_result", "o1")  # a new one, of the same objective
        assert screen.editor.has_focus and screen.editor.text == ""
        (kr,) = app.session.objective("o1").key_results  # the one left, saved with its field
        assert kr.text == "Faire passer le taux de retard de 12 % à 5 %"
        assert kr.deadline == "fin 2026"


async def test_switching_item_or_quitting_saves_the_draft(make_app, store):
    session = Session(id="s1", title="Atelier", lang="fr")
    session.add_objective("Réduire les retards de livraison", id="o1")
    session.add_objective("Augmenter le NPS", id="o2")
    store.create(session)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_workbench(app, pilot)
        assert screen.editor.text == "Réduire les retards de livraison"
        await pilot.press("end")
        await type_text(pilot, " de 30 %")
        await settle(pilot)
        assert "modifié" in str(screen.query_one("#item-state").content)
        tree = screen.query_one("#items")
        tree.focus()
        await pilot.press("down", "enter")
        await settle(pilot)
        assert screen.editor.text == "Augmenter le NPS"
        assert app.session.objective("o1").latest.text == "Réduire les retards de livraison de 30 %"
        await pilot.press("end")
        await type_text(pilot, " de 32 à 45")
        await pilot.press("ctrl+q")
    assert store.load("s1").objective("o2").latest.text == "Augmenter le NPS de 32 à 45"


async def test_a_key_result_needs_a_saved_objective(make_app, store):
    _session(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_workbench(app, pilot)
        await pilot.press("ctrl+k")
        assert screen.target.kind == "objective"  # nothing to attach it to yet
        await type_text(pilot, "Réduire les retards")
        await pilot.press("ctrl+k")
        await settle(pilot)
        assert screen.target.kind == "key_result"
        assert len(app.session.objectives) == 1


async def test_a_question_finding_cannot_be_applied_and_says_so(make_app, store):
    session = Session(id="s1", title="Atelier", lang="fr")
    session.add_objective("Réduire les retards de livraison", id="o1")
    store.create(session)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await _open_workbench(app, pilot)
        await pilot.press("ctrl+k")
        await type_text(pilot, "Mieux livrer nos clients")
        await settle(pilot, 0.35)
        assert [f.rule for f in screen.shown.findings] == ["kr-no-target"]
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.pause()
        assert any("question" in n.message for n in app._notifications)
        assert not app.session.objective("o1").key_results


async def test_language_switch_keeps_the_draft_and_translates(make_app, store):
    _session(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_workbench(app, pilot)
        await type_text(pilot, "Réduire les retards")
        await pilot.press("ctrl+l")
        await settle(pilot, 0.35)
        assert app.lang == "en" and store.load("s1").lang == "fr"  # the interface only
        assert screen.editor.text == "Réduire les retards"
        assert str(screen.query_one("#findings-title").content) == "Coach’s findings"
        shown = {b.binding.description for b in screen.active_bindings.values() if b.binding.show}
        assert {"Accept", "Rewrite", "Version"} <= shown


async def test_a_wording_typed_but_not_saved_survives_a_kill(make_app, store):
    """The process dies mid-sentence (no flush, no quit): reopening brings the words back."""
    _session(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _open_workbench(app, pilot)
        await type_text(pilot, "Réduire le délai de livraison")
        await settle(pilot, 0.5)  # a pause in typing: the full pass, and the working draft
    # No quit handler ran for the draft: read the store as a fresh process would.
    assert store.load("s1").objectives == []
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        screen = await _open_workbench(again, pilot)
        assert screen.text == "Réduire le délai de livraison"
        screen.action_save()
        await settle(pilot)
    session = store.load("s1")
    assert [o.text for o in session.objectives] == ["Réduire le délai de livraison"]
    assert session.extra.get("working_drafts", {}) == {}


async def test_at_80_columns_the_scores_are_shown_whole(make_app, store):
    """At 80×24 the score bars shorten; a score of 100 is never cut to "10"."""
    _session(store)
    app = make_app(engine=FakeEngine())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_workbench(app, pilot)
        await type_text(pilot, "Faire passer le NPS de 32 à 45 d'ici fin 2026")
        await settle(pilot, 0.4)
        bars = screen.query_one("#scores")
        assert bars.parent is not None
        assert bars.region.right <= bars.parent.region.right  # not clipped by its row
        for line in str(bars.render()).splitlines()[:4]:
            # Label, bar and a whole number (and maybe its change) fit in the widget's width.
            assert len(line) <= bars.content_size.width, (line, bars.content_size.width)
            assert line.split()[-1].lstrip("+-").isdigit()
