"""The room's mechanics, headless: brainstorm and duplicate clustering, votes, alignment,
decisions/actions/parking lot, the monthly review and the retrospective.

Plain functions over `facilitator.session.Session`; no Textual, no spaCy (a test proves it).
The TUI's screens call them inside `app.save(...)`, with ids chosen beforehand.
"""
