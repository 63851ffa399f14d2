"""A follow-up's minutes say what it carried over from the session before (issue 13, item 5):
each carried action and parking-lot item with the session it comes from and what became of it,
and the decisions recalled; the vote table ranks as the vote screen does (yes, then dots)."""

from __future__ import annotations

from facilitator.minutes import render
from facilitator.room.carried import carry_log, set_dropped
from facilitator.session import Action, Decision, Objective, ParkingItem, Session, VoteSet


def _markdown(session: Session) -> str:
    """The Markdown minutes, French no-break spaces read as spaces."""
    text = render(session, "md").decode("utf-8")
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def _framing(lang: str) -> Session:
    s = Session(title="Atelier de cadrage", lang=lang, date="2026-03-19")
    s.decisions = [Decision(id="d1", text="Lancer le pilote en Belgique")]
    s.actions = [
        Action(id="a1", text="Envoyer le compte rendu", owner="Marc", due="2026-03-26"),
        Action(id="a2", text="Chiffrer le pilote", owner="Anne", due="2026-04-15"),
        Action(id="a3", text="Réserver la salle", owner="Marc", done=True),
    ]
    s.parking = [ParkingItem(id="p1", text="Budget formation")]
    return s


def _review(lang: str) -> Session:
    review = Session(title="Revue mensuelle", lang=lang, kind="review", date="2026-04-16")
    carry_log(review, _framing(lang))
    review.actions[0].done = True
    set_dropped(review.actions[1], True)
    return review


def test_a_review_s_minutes_say_what_was_carried_and_what_became_of_it():
    text = _markdown(_review("fr"))
    assert "Envoyer le compte rendu (reprise de « Atelier de cadrage » du 19 mars 2026)" in text
    assert "Réserver la salle" not in text  # done before: not carried
    done_row = next(line for line in text.splitlines() if "Envoyer le compte rendu" in line)
    dropped_row = next(line for line in text.splitlines() if "Chiffrer le pilote" in line)
    assert "Fait" in done_row and "Abandonnée" in dropped_row
    assert "Budget formation (reprise de « Atelier de cadrage »" in text
    assert "Décisions rappelées" in text
    assert "Lancer le pilote en Belgique (Atelier de cadrage, 19 mars 2026)" in text


def test_the_same_in_english():
    text = _markdown(_review("en"))
    assert "carried over from “Atelier de cadrage” of 19 March 2026" in text
    assert "Dropped" in text and "Decisions recalled" in text


def test_the_vote_table_ranks_clear_priorities_before_dots():
    s = Session(title="Atelier", lang="fr")
    s.objectives = [Objective(id="o1"), Objective(id="o2")]
    s.objectives[0].add_version("Moins de dots")
    s.objectives[1].add_version("Plus de oui")
    s.votes = {
        "o1": VoteSet(priority={"p1": "yes"}, dots={"p1": 3, "p2": 3}),
        "o2": VoteSet(priority={"p1": "yes", "p2": "yes"}, dots={"p1": 1}),
    }
    text = _markdown(s)
    assert text.rfind("Plus de oui") < text.rfind("Moins de dots")  # the vote table comes last
