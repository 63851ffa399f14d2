"""facilitator — OKR workshop facilitation and objective-drafting assistant."""

__version__ = "0.1.0"
