"""What the minutes say, independent of the file format: a list of blocks built from a session.

The Word and Markdown writers only lay out these blocks (`blocks`: title, headings, paragraphs,
bullet lists, tables), so both formats always carry the same sections in the same order, in the
session's language. `build` calls the sections in that order: `opening`, `objectives`,
`tracking`, `outcomes`, each writing into one `writer.MinutesWriter`.

Sections, in order: title block, executive summary, attendees, agenda (planned vs actual),
vision and strategic objectives, each objective (final wording, owner, parent or a visible
"not aligned" mark, scores, vote, key results table, wording history with the score change and
the findings each version resolved, key result histories), key result tracking (review and
retrospective sessions, or whenever check-ins or grades exist), votes, decisions, actions,
parking lot, brainstorm proposals (merged, dropped), dropped objectives and objectives merged
into another (each with who decided and when, once recorded), retrospective
(retrospective sessions or when noted), glossary, and a generator line.
"""

from __future__ import annotations

from datetime import date

from facilitator import __version__
from facilitator.session import Session

from .blocks import Minutes, Subtitle, Title
from .facts import date_text, rule_titles
from .objectives import objectives
from .opening import agenda, attendees, strategy, summary, title_block
from .outcomes import actions, decisions, glossary, parking, proposals, retro, votes
from .sanitize import one_line
from .tracking import tracking
from .writer import MinutesWriter

__all__ = ["build", "rule_titles"]
"""`rule_titles` is `facts`'s, named here too for the demo's test, which reads it with the
minutes' content."""


def build(session: Session, *, today: date | None = None) -> Minutes:
    """The minutes of `session`, in its language."""
    doc = MinutesWriter(session, today or date.today())
    labels = doc.labels
    title = one_line(session.title) or doc.workshop or labels["untitled"]
    doc.blocks.append(Title(title))
    doc.blocks.append(Subtitle(labels["minutes"]))
    title_block(doc)
    summary(doc)
    attendees(doc)
    agenda(doc)
    strategy(doc)
    objectives(doc)
    if session.kind in ("review", "retrospective") or any(
        kr.checkins or kr.grade is not None for o in doc.active for kr in o.key_results
    ):
        tracking(doc)
    # A review or a retrospective votes and brainstorms nothing: no empty sections for it.
    follow_up = session.kind in ("review", "retrospective")
    if not follow_up or any(v.priority or v.dots for v in session.votes.values()):
        votes(doc)
    decisions(doc)
    actions(doc)
    parking(doc)
    if (
        not follow_up
        or session.proposals
        or any(o.status not in ("draft", "retained") for o in session.objectives)
    ):
        proposals(doc)
    if session.kind == "retrospective" or session.worked or session.to_change:
        retro(doc)
    if session.glossary:  # "no acronym defined" tells the client nothing
        glossary(doc)
    doc.para(
        labels(
            "generated",
            generator=f"facilitator {__version__}",
            date=date_text(doc.today.isoformat(), labels),
        ),
        note=True,
    )
    return Minutes(
        lang=labels.lang,
        title=title,
        subject=" — ".join(x for x in (labels["minutes"], one_line(session.organisation)) if x),
        author=one_line(session.facilitator),
        labels=labels,
        blocks=doc.blocks,
    )
