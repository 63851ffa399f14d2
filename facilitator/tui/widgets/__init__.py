"""Widgets of the workbench: the draft editor, score bars, findings list and version history."""
