"""A card that starts with a participant's name (issue 13 follow-up): in an anonymous step the
name is taken out of its text and credits nobody; clustering compares cards without such
names in any case, so "Sophie : Réduire …" and "Marc : Réduire …" are one idea."""

from __future__ import annotations

from facilitator.room import brainstorm
from facilitator.session import Participant, Session


def _session() -> Session:
    s = Session(id="s1", lang="fr", title="Cadrage")
    s.participants += [
        Participant(id="sd", name="Sophie Durand"),
        Participant(id="ml", name="Marc Lefort"),
    ]
    return s


def test_an_anonymous_card_loses_the_name_and_credits_nobody():
    people = _session().participants
    card = "Sophie : Réduire les délais de paiement"
    assert brainstorm.card_author(card, people, True) == (None, "Réduire les délais de paiement")
    assert brainstorm.card_author(card, people, False) == ("sd", "Réduire les délais de paiement")
    # Only a participant's name is taken out: a colon in the idea itself stays.
    note = "Délais : les réduire de moitié"
    assert brainstorm.card_author(note, people, True) == (None, note)


def test_clustering_ignores_a_leading_participants_name():
    s = _session()
    # Cards stored with their names (typed before the names were taken out).
    s.add_proposal("Sophie Durand : Réduire les délais de paiement", proposal_id="a")
    s.add_proposal("Marc : Réduire le délai de paiement", proposal_id="b")
    s.add_proposal("Moderniser la GED", proposal_id="c")
    assert [g.ids for g in brainstorm.groups(s)] == [["a", "b"]]
    twins = brainstorm.duplicates_of(s, "ml: Réduire nos délais de paiement")
    assert [p.id for p in twins] == ["a", "b"]
