"""The room's mechanics, headless: brainstorm and duplicate clustering, votes, alignment,
decisions/actions/parking lot, the monthly review and the retrospective, and what a follow-up
carries from the session before (`carried`).

Plain functions over `facilitator.session.Session`; no Textual, no spaCy (a test proves it).
The workshop service (`facilitator.workshop`) runs them through the store, with ids chosen
beforehand; the front ends call the service, never these directly.
"""
