"""Follow-ups named after the cycle's first workshop, and minutes that name the session they
follow by its title and date, never its id (issue 13, item 12)."""

from __future__ import annotations

from datetime import date

from facilitator.minutes import render
from facilitator.room.cycle import followed, origin_title, start_follow_up
from facilitator.session import Session
from facilitator.workshops import load_template

FRAMING = "Atelier de cadrage OKR — CODIR"


def _cycle() -> tuple[Session, Session, Session]:
    framing = Session(id="framing01", title=FRAMING, lang="fr", date="2026-03-19")
    review = start_follow_up(framing, load_template("monthly-review"), date="2026-04-21")
    review = Session.from_dict(review.to_dict())  # as stored and loaded again
    retro = start_follow_up(review, load_template("retrospective"), date="2026-06-30")
    return framing, review, retro


def test_titles_name_the_first_workshop_not_the_chain() -> None:
    _, review, retro = _cycle()
    assert review.title == f"Revue mensuelle des OKR — {FRAMING}"
    assert retro.title == f"Rétrospective de fin de cycle OKR — {FRAMING}"
    second = start_follow_up(review, load_template("monthly-review"))
    assert second.title == review.title  # a second review: not "Revue … — Revue … — …"


def test_a_follow_up_made_by_an_older_release_still_finds_the_first_workshop() -> None:
    piled = Session(
        follows="abc",
        title=f"Rétrospective de fin de cycle OKR — Revue mensuelle des OKR — {FRAMING}",
    )
    assert origin_title(piled) == FRAMING
    retro = start_follow_up(piled, load_template("retrospective"))
    assert retro.title == f"Rétrospective de fin de cycle OKR — {FRAMING}"
    assert origin_title(Session(title=FRAMING)) == FRAMING  # a first workshop: its own title


def test_minutes_name_the_followed_session_by_title_and_date() -> None:
    framing, review, retro = _cycle()
    assert followed(review) == (FRAMING, "2026-03-19")
    md = render(review, "md", today=date(2026, 4, 21)).decode()
    assert f"Fait suite à\u00a0:** {FRAMING} du 19 mars 2026" in md
    assert framing.id not in md
    md = render(retro, "md", today=date(2026, 6, 30)).decode()
    assert f"Revue mensuelle des OKR — {FRAMING} du 21 avril 2026" in md
    assert review.id not in md
    english = start_follow_up(
        Session(title="Framing", lang="en", date="2026-03-19"), load_template("monthly-review")
    )
    assert "Follows:** Framing (19 March 2026)" in render(english, "md").decode()


def test_minutes_of_an_older_follow_up_never_print_an_internal_id() -> None:
    old = Session(follows="4874e0fbabc1", title="Revue", kind="review")
    assert "4874e0fbabc1" not in render(old, "md").decode()


def test_a_reviews_minutes_have_no_empty_vote_brainstorm_or_glossary_sections() -> None:
    """A review votes and brainstorms nothing: its minutes do not print "No vote recorded",
    "No proposal recorded", nor an empty glossary (issue 13, the Word minutes' look)."""
    _, review, _ = _cycle()
    headings = [line for line in render(review, "md").decode().splitlines() if line[:3] == "## "]
    assert "## Votes" not in headings and "## Propositions du brainstorm" not in headings
    assert "## Glossaire" not in headings
    assert {"## Synthèse", "## Décisions", "## Actions", "## Parking"} <= set(headings)
    review.glossary = {"OKR": "Objectifs et résultats clés"}
    assert "## Glossaire" in render(review, "md").decode().splitlines()
